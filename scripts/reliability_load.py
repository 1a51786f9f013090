"""The load of `make reliability`: N concurrent clients for S seconds on a mix of pages, in a process of its own.

    python scripts/reliability_load.py PLAN.json RESULTS.json

PLAN.json: {"host", "port", "clients", "seconds", "urls": [[path, weight], ...], "seed"}. Each client
keeps one HTTP/1.1 connection to nginx (reopened when closed) and asks for a weighted random page
again and again with no pause. Every request is recorded with its start and end on the machine's
monotonic clock (shared by all processes), so the caller can line them up with what it did to the
servers meanwhile: [start, end, url index, status (0: no answer), error, 503 page?].
"""

import http.client
import json
import random
import sys
import threading
import time
import zlib

TIMEOUT = 35  # above nginx's and gunicorn's 30 s: a hang shows as a slow answer or a 504, never as ours
ERROR_PAGE_MARK = b'class="error-page"'


def client(plan, number, deadline, results):
    rng = random.Random(plan["seed"] * 1000 + number)
    paths = [path for path, _weight in plan["urls"]]
    weights = [weight for _path, weight in plan["urls"]]
    connection = None
    records = []
    while time.monotonic() < deadline:
        index = rng.choices(range(len(paths)), weights)[0]
        if connection is None:
            connection = http.client.HTTPConnection(plan["host"], plan["port"], timeout=TIMEOUT)
        started = time.monotonic()
        try:
            connection.request("GET", paths[index], headers={"Accept-Encoding": "gzip", "User-Agent": "cti-reliability"})
            response = connection.getresponse()
            body = response.read()
            if response.getheader("Content-Encoding") == "gzip":
                body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
            status = response.status
            error = ""
            if response.will_close:
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException, zlib.error) as exc:
            status, body, error = 0, b"", f"{type(exc).__name__}: {exc}"
            connection.close()
            connection = None
        records.append([started, time.monotonic(), index, status, error, status == 503 and ERROR_PAGE_MARK in body])
    if connection is not None:
        connection.close()
    results[number] = records


def main(plan_path, results_path):
    with open(plan_path) as handle:
        plan = json.load(handle)
    deadline = time.monotonic() + plan["seconds"]
    results = [None] * plan["clients"]
    threads = [threading.Thread(target=client, args=(plan, number, deadline, results), daemon=True)
               for number in range(plan["clients"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(plan["seconds"] + TIMEOUT + 10)
    records = [record for per_client in results if per_client for record in per_client]
    with open(results_path, "w") as handle:
        json.dump({"clients_finished": sum(1 for r in results if r is not None), "records": records}, handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
