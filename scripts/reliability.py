"""`make reliability`: the site behind nginx under load, a database outage, a reload, half-open clients, bad inputs.

On loopback, against a PostgreSQL cluster of its own on a spare port (scripts/reliability_stack.py;
never the machine's shared one), with production settings, gunicorn configured by
deploy/gunicorn.conf.py and nginx by deploy/nginx.conf:

1. 50 concurrent clients for 60 s on a mix of pages, in a process of their own
   (scripts/reliability_load.py): no 5xx, no failed request, except the quick 503s of step 3;
2. meanwhile, a graceful reload (SIGHUP to gunicorn's master): no failed request;
3. meanwhile, the database is stopped (`pg_ctl stop -m fast`) for a few seconds: every page that
   needs it answers a quick 503 page in its language (no hang, no traceback), /healthz still
   answers; once the database is back the site serves normally within 5 s, with no process
   restarted, and the advice-hub query sent before the outage is still there;
4. 50 idle half-open connections held open while a normal request still answers within 1 s;
5. an attacker posting junk to the advice form from one address (forging X-Real-IP and
   X-Forwarded-For) while visitors from other addresses send queries: all of theirs stored; a 45 MB
   body refused with 413 at once by nginx and by Django (scripts/reliability_abuse.py);
6. a translator uploads the audit's crafted PDF through the admin while 10 clients load pages: the
   upload answers at once (its text is read by the background worker) and no request takes over 1 s;
7. at least 5,000 generated bad inputs (scripts/reliability_fuzz.py, hypothesis) to every public
   URL and form: no 5xx, nothing stored but what the form accepted, nothing reflected unescaped.

Prints its figures and exits non-zero if any check fails. RELIABILITY_SECONDS and
RELIABILITY_CLIENTS change the load; RELIABILITY_KEEP=1 keeps the temporary folder (logs);
RELIABILITY_WORKDIR=DIR prepares the database once in DIR and reuses it (to work on the suite).
"""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reliability_abuse  # noqa: E402
import reliability_fuzz  # noqa: E402
from reliability_stack import PYTHON, ROOT, Stack, check_production_nginx_config, die_with_parent  # noqa: E402

LOAD_SECONDS = int(os.environ.get("RELIABILITY_SECONDS", "60"))
CLIENTS = int(os.environ.get("RELIABILITY_CLIENTS", "50"))
RELOAD_AT = 0.2  # of the load's duration
OUTAGE_AT = 0.45
OUTAGE_SECONDS = 6
QUICK = 2.0  # seconds: a 503 slower than this is a hang
RECOVERY_LIMIT = 5.0
HALF_OPEN = 50
HALF_OPEN_LIMIT = 1.0
MIN_BAD_INPUTS = 5000
PDF_LOAD_SECONDS = 20
PDF_CLIENTS = 10
LANGUAGES = ["ar", "en", "es", "fr", "pt"]
OK_STATUSES = {200, 301, 302, 304, 404}
SERVICE_UNAVAILABLE_HEADINGS = {
    "ar": "الموقع غير متاح مؤقتًا",
    "en": "The site is temporarily unavailable",
    "es": "El sitio no está disponible en este momento",
    "fr": "Le site est momentanément indisponible",
    "pt": "O site está temporariamente indisponível",
}
SEARCH_WORDS = {"ar": "التعذيب", "en": "torture", "es": "tortura", "fr": "torture", "pt": "tortura"}

TARGETS_SCRIPT = """
import json
from wagtail.documents import get_document_model
from wagtail.models import Page
pages = Page.objects.live().public().filter(depth__gte=2).specific().order_by("path")
by_type = {}
for page in pages:
    by_type.setdefault(type(page).__name__, {})[page.locale.language_code] = page.url
print("TARGETS" + json.dumps({
    "by_type": by_type,
    "pages": [page.url for page in pages],
    "page_ids": [page.pk for page in pages],
    "documents": [document.url for document in get_document_model().objects.order_by("pk")[:40]],
}))
"""


class Checks:
    def __init__(self):
        self.failures = []
        self.figures = []
        self.passed = 0

    def figure(self, name, value):
        self.figures.append((name, value))
        print(f"  {name}: {value}", flush=True)

    def expect(self, condition, message):
        self.passed += bool(condition)
        if not condition:
            self.failures.append(message)
            print(f"  FAILED: {message}", flush=True)
        return condition


def log(message):
    print(message, flush=True)


def discover(stack):
    """Every public URL the suite drives: pages from the database, assets from the pages themselves."""
    result = subprocess.run([PYTHON, "manage.py", "shell", "-c", TARGETS_SCRIPT], cwd=ROOT, env=stack.env,
                            check=True, capture_output=True, text=True)
    found = json.loads(result.stdout.split("TARGETS", 1)[1])
    by_type = found["by_type"]
    home = get(stack, "/en/")[2].decode()
    library = [quote(by_type["ResourceLibraryPage"][code]) for code in LANGUAGES]
    targets = {
        "pages": [quote(path) for path in found["pages"]],
        "page_ids": found["page_ids"],
        "library": library + [f"{path}?q={quote(SEARCH_WORDS[code])}" for code, path in zip(LANGUAGES, library)]
        + [f"{library[1]}?language=fr", f"{library[1]}?page=2", f"{library[4]}?kind=guide&year=2024"],
        "search": [f"/{code}/search/?q={quote(SEARCH_WORDS[code])}" for code in LANGUAGES],
        "advice": [quote(by_type["AdviceHubPage"][code]) for code in LANGUAGES],
        "switch": [f"/language/{code}/?page={found['page_ids'][3]}" for code in LANGUAGES],
        "documents": found["documents"],
        "static": sorted(set(re.findall(r'(?:href|src)="(/static/[^"]+)"', home))),
        "images": sorted(set(re.findall(r'src="(/media/images/[^"]+)"', home)))[:5],
    }
    if not targets["images"]:
        for path in found["pages"][:30]:
            targets["images"] = sorted(set(re.findall(r'src="(/media/images/[^"]+)"', get(stack, path)[2].decode())))[:5]
            if targets["images"]:
                break
    return targets


def get(stack, path, headers=None, source=None, method="GET", body=None, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=timeout,
                                            source_address=(source, 0) if source else None)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response, response.read()
    finally:
        connection.close()


def load_plan(targets, seed=1):
    urls = [(path, 40 / len(targets["pages"])) for path in targets["pages"]]
    urls += [(path, 1.0) for path in targets["library"]]
    urls += [(path, 2.0) for path in targets["search"]]
    urls += [(path, 1.0) for path in targets["advice"]]
    urls += [(path, 3.0) for path in targets["static"]]
    urls += [(path, 1.0) for path in targets["images"]]
    urls += [(f"/{code}/no-such-page/", 1.0) for code in LANGUAGES]
    urls += [(path, 0.5) for path in targets["switch"]]
    urls += [(path, 2.0 / max(len(targets["documents"]), 1)) for path in targets["documents"][:10]]
    urls += [("/sitemap.xml", 0.5), ("/robots.txt", 0.5), ("/healthz", 1.0), ("/readyz", 1.0), ("/", 1.0)]
    return {"host": "127.0.0.1", "clients": CLIENTS, "seconds": LOAD_SECONDS, "urls": urls, "seed": seed}


def submit_advice_query(stack, path, source):
    """A real visitor's query through the form; returns its reference from the confirmation page."""
    status, response, body = get(stack, path, source=source)
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    started = re.search(rb'name="started" value="([^"]+)"', body).group(1).decode()
    from urllib.parse import urlencode

    form = {**reliability_fuzz.VALID_QUERY, "name": "Before the outage", "csrfmiddlewaretoken": token, "started": started}
    status, response, body = get(stack, path, method="POST", body=urlencode(form), source=source, headers={
        "Cookie": f"csrftoken={cookie}", "Content-Type": "application/x-www-form-urlencoded"})
    if status != 302:
        raise RuntimeError(f"the advice form answered {status}: {body[:500]!r}")
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    status, response, body = get(stack, response.getheader("Location"), source=source,
                                 headers={"Cookie": f"csrftoken={cookie}; sessionid={session}"})
    found = re.search(rb'advice-confirmation__reference"[^>]*>([A-Z0-9-]+)<', body)
    if status != 200 or not found:
        raise RuntimeError(f"no reference on the confirmation page ({status})")
    return found.group(1).decode()


class Prober(threading.Thread):
    """Asks for pages that need the database, in each language, every 50 ms, and records the answers."""

    def __init__(self, stack):
        super().__init__(daemon=True)
        self.stack = stack
        self.stop = threading.Event()
        self.records = []
        self.paths = [(code, f"/{code}/search/?q=probe") for code in LANGUAGES] + [(None, "/readyz"), (None, "/healthz")]

    def run(self):
        number = 0
        while not self.stop.is_set():
            code, path = self.paths[number % len(self.paths)]
            number += 1
            started = time.monotonic()
            try:
                status, response, body = get(self.stack, f"{path}&n={number}" if "?" in path else path, timeout=30)
                retry_after = response.getheader("Retry-After")
            except OSError as exc:
                status, body, retry_after = 0, str(exc).encode(), None
            self.records.append({"code": code, "path": path, "start": started, "end": time.monotonic(),
                                 "status": status, "body": body.decode("utf-8", "replace"), "retry_after": retry_after})
            time.sleep(0.05)


def start_load(stack, targets, name, **changes):
    """The load process (scripts/reliability_load.py) on the plan, with `changes` (seconds, clients, seed)."""
    plan = {**load_plan(targets), "port": stack.port, **changes}
    plan_path, results_path = stack.directory / f"{name}-plan.json", stack.directory / f"{name}-results.json"
    plan_path.write_text(json.dumps(plan))
    process = subprocess.Popen([PYTHON, str(ROOT / "scripts" / "reliability_load.py"), str(plan_path), str(results_path)],
                               preexec_fn=die_with_parent(signal.SIGTERM))
    return process, results_path, plan["seconds"]


def finish_load(load):
    """Wait for the load process; its results: {"clients_finished", "records"}."""
    process, results_path, seconds = load
    process.wait(timeout=seconds + 120)
    return json.loads(results_path.read_text())


def run_load_with_incidents(stack, targets, checks):
    """Steps 1–3: the load, and during it a reload and a database outage."""
    master = stack.gunicorn.pid
    load = start_load(stack, targets, "load")
    began = time.monotonic()
    events = {}

    # Step 2: graceful reload.
    time.sleep(LOAD_SECONDS * RELOAD_AT)
    old_workers = set(stack.worker_pids())
    events["reload"] = time.monotonic()
    os.kill(master, signal.SIGHUP)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = set(stack.worker_pids())
        if workers and not workers & old_workers and len(workers) >= len(old_workers):
            break
        time.sleep(0.05)
    events["reloaded"] = time.monotonic()
    checks.figure("reload: old workers replaced in", f"{events['reloaded'] - events['reload']:.2f} s "
                  f"({sorted(old_workers)} → {sorted(stack.worker_pids())})")

    # Step 3: a query sent before the outage, then the outage.
    time.sleep(max(0.0, began + LOAD_SECONDS * OUTAGE_AT - time.monotonic()))
    reference = submit_advice_query(stack, targets["advice"][1], source="127.9.0.1")
    checks.figure("advice query sent before the outage", reference)
    prober = Prober(stack)
    prober.start()
    time.sleep(1)
    workers_before_outage = set(stack.worker_pids())
    events["stop"] = time.monotonic()
    stack.cluster.stop("fast")
    events["stopped"] = time.monotonic()
    time.sleep(OUTAGE_SECONDS)
    events["start"] = time.monotonic()
    stack.cluster.start()
    events["back"] = time.monotonic()
    # Wait for the probes to see every page that needs the database answer 200 again.
    deadline = events["back"] + 30
    while time.monotonic() < deadline:
        after = [r for r in prober.records if r["start"] >= events["back"]]
        if {r["path"] for r in after if r["status"] == 200} >= {path for _code, path in prober.paths}:
            break
        time.sleep(0.05)
    time.sleep(3)
    prober.stop.set()
    prober.join(30)
    workers_after_outage = set(stack.worker_pids())

    data = finish_load(load)
    records = data["records"]
    paths = [path for path, _weight in load_plan(targets)["urls"]]
    checks.expect(data["clients_finished"] == CLIENTS, f"only {data['clients_finished']} of {CLIENTS} load clients finished")

    # Recovery: from the database's return until the site answered a page that needs it (200 again), and
    # until its last 503, whichever is later. Every answer is timed on the machine's one monotonic clock;
    # the first 200 may come from a request sent during the outage and served after it.
    answers_503 = [r[1] for r in records if r[3] == 503] + [r["end"] for r in prober.records if r["status"] == 503]
    # Pages that always need the database: never from the page cache (a query string, a form, a redirect
    # that looks a page up, the readiness check).
    needs_database = [("?" in path and not path.startswith("/static/")) or path in targets["advice"] or path == "/readyz"
                      for path in paths]
    first_ok = min([r["end"] for r in prober.records if r["path"] != "/healthz" and r["end"] >= events["back"]
                    and r["status"] == 200]
                   + [r[1] for r in records if needs_database[r[2]] and r[1] >= events["back"] and r[3] == 200],
                   default=None)
    last_503 = max((end for end in answers_503 if end >= events["back"]), default=None)
    recovered = None if first_ok is None else max(first_ok, last_503 or first_ok)
    outage_end = recovered or events["back"]
    in_outage = lambda record: record[1] >= events["stop"] and record[0] <= outage_end  # noqa: E731
    failures, slow_503, served_503, outage_ok = [], [], 0, 0
    for start, end, index, status, error, error_page in records:
        record = (start, end)
        if status in OK_STATUSES:
            if in_outage(record):
                outage_ok += 1
            continue
        if status == 503 and in_outage(record) and (error_page or paths[index] == "/readyz"):
            served_503 += 1
            if end - start > QUICK:
                slow_503.append((paths[index], round(end - start, 2)))
            continue
        failures.append((round(start - began, 2), paths[index], status, error))
    total = len(records)
    duration = max(r[1] for r in records) - min(r[0] for r in records)
    latencies = sorted(r[1] - r[0] for r in records)
    reload_window = [r for r in records if r[1] >= events["reload"] and r[0] <= events["reloaded"] + 1]
    checks.figure("load", f"{CLIENTS} clients, {duration:.0f} s, {total} requests ({total / duration:.0f}/s), "
                  f"p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms, "
                  f"max {latencies[-1]:.2f} s")
    checks.figure("load: failed requests (5xx, no answer) outside the quick 503s of the outage", len(failures))
    for failure in failures[:10]:
        print(f"    at {failure[0]} s: {failure[1]} → {failure[2]} {failure[3]}")
    reload_failures = [r for r in reload_window if r[3] not in OK_STATUSES]
    checks.figure("reload under load", f"{len(reload_window)} requests during the reload, {len(reload_failures)} failed, "
                  f"slowest {max((r[1] - r[0] for r in reload_window), default=0):.2f} s")
    checks.expect(not failures, f"{len(failures)} requests failed under load")
    checks.expect(not reload_failures, f"{len(reload_failures)} requests failed during the graceful reload")

    # The outage, seen by the probes and by the load.
    during = [r for r in prober.records if events["stopped"] <= r["start"] and r["end"] <= events["start"]]
    pages_during = [r for r in during if r["code"]]
    quick = max((r["end"] - r["start"] for r in pages_during), default=0)
    checks.figure("outage", f"database stopped for {events['back'] - events['stop']:.1f} s; {len(pages_during)} probes of "
                  f"pages that need it: {sorted({r['status'] for r in pages_during})}, slowest {quick * 1000:.0f} ms; "
                  f"load: {served_503} quick 503s, {outage_ok} answers from the page cache or without the database")
    checks.expect(pages_during and all(r["status"] == 503 for r in pages_during),
                  "pages needing the database did not all answer 503 during the outage")
    checks.expect(quick <= QUICK and not slow_503, f"503s slower than {QUICK} s during the outage: {slow_503[:5]}")
    for code in LANGUAGES:
        answers = [r for r in pages_during if r["code"] == code]
        checks.expect(answers and all(f'<html lang="{code}"' in r["body"] and SERVICE_UNAVAILABLE_HEADINGS[code] in r["body"]
                                      and "Traceback" not in r["body"] and r["retry_after"] for r in answers),
                      f"the 503 page in {code} is not the translated static page with Retry-After")
    checks.expect(all(r["status"] == 200 for r in during if r["path"] == "/healthz"), "/healthz failed during the outage")
    checks.expect(all(r["status"] == 503 for r in during if r["path"] == "/readyz"), "/readyz did not answer 503 during the outage")
    recovery = (recovered - events["back"]) if recovered else None
    def after_return(moment):
        return "none" if moment is None else f"{moment - events['back']:+.2f} s"

    checks.figure("recovery", f"served normally {recovery:.2f} s after the database was back (first page from the "
                  f"database {after_return(first_ok)}, last 503 {after_return(last_503)}); no process restarted"
                  if recovery is not None else "never")
    checks.expect(recovery is not None and recovery <= RECOVERY_LIMIT, f"no recovery within {RECOVERY_LIMIT} s")
    checks.expect(stack.gunicorn.poll() is None and stack.gunicorn.pid == master, "gunicorn's master was restarted")
    checks.expect(workers_before_outage <= workers_after_outage or recycled(stack, workers_before_outage),
                  f"workers restarted by the outage: {sorted(workers_before_outage)} → {sorted(workers_after_outage)}")
    stored = stack.cluster.execute("cti", "SELECT count(*) FROM advice_advicequery WHERE reference = %s", [reference])[0][0]
    checks.figure("advice query sent before the outage, after it", "still there" if stored == 1 else "LOST")
    checks.expect(stored == 1, f"the advice query {reference} sent before the outage is gone")
    return {"requests": total, "failures": len(failures), "recovery": recovery, "reload_failures": len(reload_failures),
            "served_503": served_503}


def recycled(stack, workers):
    """Whether the workers that left during the outage left because of max_requests, as gunicorn logs it."""
    text = stack.gunicorn_log.read_text(errors="replace")
    gone = workers - set(stack.worker_pids())
    return all(re.search(rf"\[{pid}\] \[INFO\] Autorestarting worker after current request", text) for pid in gone)


def half_open(stack, targets, checks):
    """Step 4: 50 clients that connect and stop halfway, held open, while a visitor still gets pages quickly."""
    import socket

    sockets = []
    advice = targets["advice"][1]
    for number in range(HALF_OPEN):
        connection = socket.socket()
        connection.bind((f"127.8.{number // 200}.{number % 200 + 1}", 0))
        connection.connect(("127.0.0.1", stack.port))
        kind = number % 3
        if kind == 1:
            connection.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: half-open")
        elif kind == 2:
            connection.sendall(f"POST {advice} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                               f"Content-Length: 30000\r\n\r\nname=half".encode())
        sockets.append(connection)
    time.sleep(1.0)
    timings = []
    for path in [targets["search"][1] + "&n=1", "/en/", targets["library"][0] + "?page=2", targets["advice"][0], "/ar/search/?q=x"]:
        started = time.monotonic()
        status, _response, _body = get(stack, path, timeout=10)
        timings.append((path, status, time.monotonic() - started))
    still_open = 0  # neither answered nor closed by nginx: still waiting for the rest of the request
    for connection in sockets:
        connection.setblocking(False)
        try:
            connection.recv(1)
        except BlockingIOError:
            still_open += 1
        except OSError:
            pass
        connection.close()
    slowest = max(seconds for _path, _status, seconds in timings)
    checks.figure("half-open connections", f"{HALF_OPEN} held ({still_open} still open at the end); "
                  f"{len(timings)} normal requests meanwhile, slowest {slowest * 1000:.0f} ms")
    checks.expect(still_open == HALF_OPEN, f"only {still_open} of {HALF_OPEN} half-open connections were held")
    checks.expect(all(status in OK_STATUSES for _p, status, _s in timings), f"normal requests failed: {timings}")
    checks.expect(slowest <= HALF_OPEN_LIMIT, f"a normal request took {slowest:.2f} s with half-open connections held")
    return slowest


def plain_http(stack, checks):
    """nginx's plain-HTTP server: the balancer's /healthz answers there, everything else goes to HTTPS."""
    answers = {}
    for path in ("/healthz", "/en/"):
        connection = http.client.HTTPConnection("127.0.0.1", stack.redirect_port, timeout=10)
        connection.request("GET", path, headers={"Host": "203.0.113.7"})
        response = connection.getresponse()
        response.read()
        answers[path] = (response.status, response.getheader("Location"))
        connection.close()
    checks.figure("plain HTTP (port 80's server)", answers)
    checks.expect(answers["/healthz"][0] == 200, "/healthz does not answer on the plain-HTTP server")
    checks.expect(answers["/en/"][0] == 301 and answers["/en/"][1].startswith("https://"), "plain HTTP does not redirect to HTTPS")


def rate_limit(stack, targets, checks):
    """nginx's limit on form posts: one address sending many posts quickly is refused with 429."""
    statuses = []
    for _attempt in range(12):
        status, _response, _body = get(stack, targets["advice"][2], method="POST", body="x=1", source="127.7.0.1",
                                       headers={"Content-Type": "application/x-www-form-urlencoded"})
        statuses.append(status)
    checks.figure("limit_req on the advice form (12 quick posts from one address)", statuses)
    checks.expect(429 in statuses and statuses[0] != 429, "nginx did not limit posts to the advice form")
    statuses = []
    for _attempt in range(12):
        status, _response, _body = get(stack, "/admin/login/", method="POST", body="username=x&password=y",
                                       source="127.7.0.2", headers={"Content-Type": "application/x-www-form-urlencoded"})
        statuses.append(status)
    checks.figure("limit_req on the admin's sign-in (12 quick posts from one address)", statuses)
    checks.expect(429 in statuses and statuses[0] != 429, "nginx did not limit sign-in attempts")


# What a bad input may add: accepted queries (checked below), their sessions, and failed sign-ins,
# which django-axes records by design to lock out guessing.
TABLES_THAT_MAY_GROW = {"advice_advicequery", "advice_advicequerychange", "django_session", "axes_accessattempt",
                        "axes_accessfailurelog"}
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def table_counts(stack):
    tables = [row[0] for row in stack.cluster.execute(
        "cti", "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
    sql = " UNION ALL ".join(f"SELECT '{name}', count(*) FROM \"{name}\"" for name in tables)
    return dict(stack.cluster.execute("cti", sql))


def garbage_in(value, multiline):
    """Why a stored text is garbage a form should have refused, or None."""
    for character in value:
        if character in "\n\r\t" and multiline:
            continue
        if unicodedata.category(character) in ("Cc", "Cs"):
            return f"control character or lone surrogate U+{ord(character):04X}"
        if character in BIDI_CONTROLS:
            return f"bidirectional override U+{ord(character):04X}"
        if character == "\ufffd":
            return "U+FFFD (bytes that were not UTF-8)"
    return None


def bad_inputs(stack, targets, checks):
    """Step 5: hypothesis-generated bad inputs to every public URL and form."""
    counts_before = table_counts(stack)
    last_query = stack.cluster.execute("cti", "SELECT coalesce(max(id), 0) FROM advice_advicequery")[0][0]
    from hypothesis.configuration import set_hypothesis_home_dir

    set_hypothesis_home_dir(stack.directory / "hypothesis")  # not .hypothesis/ in the work tree
    started = time.monotonic()
    reports = reliability_fuzz.run(stack.port, targets)
    seconds = time.monotonic() - started
    tried = sum(result["requests"] for report in reports for result in report["results"])
    accepted = sum(report["accepted_posts"] for report in reports)
    statuses = {}
    for report in reports:
        for status, count in report["statuses"].items():
            statuses[status] = statuses.get(status, 0) + count
    escaped = sum(report["reflected_escaped"] for report in reports)
    checks.figure("bad inputs", f"{tried} requests in {seconds:.0f} s, answers {dict(sorted(statuses.items()))}, "
                  f"slowest {max(r['max_seconds'] for r in reports):.2f} s; {escaped} answers showed an injected "
                  f"tag back, all escaped")
    for report in reports:
        for result in report["results"]:
            print(f"    {result['category']:<32} {result['requests']:>5} in {result['seconds']:>4.0f} s"
                  f"{'  FAILED' if result['error'] else ''}")
            if result["error"]:
                checks.expect(False, f"bad inputs, {result['category']}: {result['error']}")
    checks.expect(tried >= MIN_BAD_INPUTS, f"only {tried} bad inputs tried (at least {MIN_BAD_INPUTS})")

    counts_after = table_counts(stack)
    grown = {name: counts_after.get(name, 0) - count for name, count in counts_before.items() if counts_after.get(name, 0) != count}
    unexpected = {name: delta for name, delta in grown.items() if name not in TABLES_THAT_MAY_GROW}
    checks.expect(not unexpected, f"bad inputs stored rows in {unexpected}")
    new_queries = grown.get("advice_advicequery", 0)
    checks.expect(new_queries == accepted, f"{new_queries} advice queries stored, but the form accepted {accepted}")
    rows = stack.cluster.execute(
        "cti", "SELECT reference, name, position, institution, country, email, phone, topic, question, preferred_language "
        "FROM advice_advicequery WHERE id > %s", [last_query])
    garbage = []
    for row in rows:
        reference, *values = row
        for column, value in zip(["name", "position", "institution", "country", "email", "phone", "topic", "question",
                                  "preferred_language"], values):
            reason = garbage_in(value or "", multiline=column == "question")
            if reason:
                garbage.append(f"{reference}.{column}: {reason} in {value[:80]!r}")
    checks.figure("advice queries the generated forms got stored", f"{new_queries} (accepted: {accepted}), "
                  f"garbage in {len(garbage)}")
    for line in garbage[:10]:
        print(f"    {line}")
    checks.expect(not garbage, f"{len(garbage)} stored fields hold garbage")
    return tried


def scan_logs(stack, checks):
    text = stack.gunicorn_log.read_text(errors="replace")
    # Django logs refused requests (400) at WARNING, some with their traceback: those are expected.
    # ERROR and CRITICAL are not: a 500, a worker that crashed or was killed.
    # django.security logs the requests it refuses (a Host not allowed, 400) at ERROR: expected here.
    errors = [line for line in re.findall(r"^.*(?: ERROR |\[ERROR\]|\[CRITICAL\]).*$", text, re.M)
              if " ERROR django.security." not in line]
    counts = {label: len(re.findall(pattern, text)) for label, pattern in [
        ("worker timeouts", r"WORKER TIMEOUT"), ("workers booted", r"Booting worker"),
        ("recycled after max_requests", r"Autorestarting worker"),
        ("database-unavailable warnings", r"Database unavailable"),
    ]}
    checks.figure("gunicorn log", f"errors {len(errors)}, " + ", ".join(f"{label} {count}" for label, count in counts.items()))
    for line in errors[:5]:
        print(f"    {line[:300]}")
    checks.expect(counts["worker timeouts"] == 0, "gunicorn killed a worker that timed out")
    checks.expect(not errors, f"{len(errors)} errors in gunicorn's log")
    nginx_errors = (stack.nginx_prefix / "error.log").read_text(errors="replace")
    upstream = re.findall(r"\[error\][^\n]*upstream[^\n]*", nginx_errors)
    checks.figure("nginx upstream errors", len(upstream))
    for line in upstream[:5]:
        print(f"    {line[:300]}")
    checks.expect(not upstream, "nginx could not reach gunicorn")
    if stack.worker is not None:
        checks.figure("background worker", "running" if stack.worker.poll() is None else f"stopped ({stack.worker.returncode})")
        checks.expect(stack.worker.poll() is None, f"the background worker stopped; see {stack.worker_log}")


def main():
    began = time.monotonic()
    checks = Checks()
    stack = Stack(os.environ.get("RELIABILITY_WORKDIR") or None)
    keep = os.environ.get("RELIABILITY_KEEP") == "1"
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(1))
    figures = {}
    try:
        log(f"Reliability suite in {stack.directory}")
        check_production_nginx_config(stack.directory / "nginx-check")
        log("deploy/nginx.conf as committed passes nginx -t")
        stack.prepare(log)
        stack.start_gunicorn()
        stack.start_nginx()
        if stack.start_task_worker():
            log("The background worker (manage.py run_worker) is running")
        log(f"gunicorn (production settings, deploy/gunicorn.conf.py) on 127.0.0.1:{stack.gunicorn_port}, "
            f"nginx (deploy/nginx.conf) in front on {stack.base}")
        targets = discover(stack)
        log(f"{len(targets['pages'])} pages in five languages, {len(targets['documents'])} documents, "
            f"{len(targets['static'])} static files, {len(targets['images'])} image renditions")
        log("nginx")
        plain_http(stack, checks)
        rate_limit(stack, targets, checks)
        log(f"1–3. {CLIENTS} clients for {LOAD_SECONDS} s, with a graceful reload and a database outage")
        figures.update(run_load_with_incidents(stack, targets, checks))
        log(f"4. {HALF_OPEN} half-open connections")
        figures["half_open"] = half_open(stack, targets, checks)
        log("5. Junk from one address while visitors send queries; oversized bodies")
        reliability_abuse.junk_from_one_address(stack, targets, checks, reliability_fuzz.VALID_QUERY)
        reliability_abuse.oversized_bodies(stack, targets, checks)
        log(f"6. The crafted PDF uploaded by a translator while {PDF_CLIENTS} clients load pages")
        reliability_abuse.crafted_pdf_under_load(
            stack, checks, lambda name, **changes: start_load(stack, targets, name, **changes), finish_load,
            seconds=PDF_LOAD_SECONDS, clients=PDF_CLIENTS)
        log("7. Bad inputs (hypothesis)")
        figures["bad_inputs"] = bad_inputs(stack, targets, checks)
        scan_logs(stack, checks)
    except Exception as exc:
        import traceback

        traceback.print_exc()
        checks.failures.append(f"the suite stopped: {exc}")
        keep = True
    finally:
        stack.close(keep=keep)
        if keep:
            print(f"Logs kept in {stack.directory}")

    def show(value, fmt="{}"):
        return "–" if value is None else fmt.format(value)

    print()
    print("Reliability summary")
    rows = [
        ("requests under load", show(figures.get("requests"))),
        ("failed requests (5xx, no answer; outage 503s apart)", show(figures.get("failures"))),
        ("quick 503s during the database outage", show(figures.get("served_503"))),
        ("recovery after the database's return", show(figures.get("recovery"), "{:.2f} s")),
        ("failed requests during the graceful reload", show(figures.get("reload_failures"))),
        (f"slowest request with {HALF_OPEN} half-open connections", show(figures.get("half_open"), "{:.3f} s")),
        ("bad inputs tried", show(figures.get("bad_inputs"))),
        ("checks failed", str(len(checks.failures))),
        ("total time", f"{time.monotonic() - began:.0f} s"),
    ]
    width = max(len(name) for name, _value in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    if checks.failures:
        print("\nFAILED:")
        for failure in checks.failures:
            print(f"  - {failure}")
    print(f"\nreliability: {checks.passed} passed, {len(checks.failures)} failed")
    sys.exit(1 if checks.failures else 0)


if __name__ == "__main__":
    main()
