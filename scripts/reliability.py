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
from collections import Counter
from pathlib import Path
from typing import NamedTuple
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


class Probe(NamedTuple):
    """One answer the prober got, timed on the machine's monotonic clock."""

    code: str | None  # the page's language; None for /readyz and /healthz
    path: str
    start: float
    end: float
    status: int  # 0: no answer
    body: str
    retry_after: str | None


class Prober(threading.Thread):
    """Asks for pages that need the database, in each language, every 50 ms, and records the answers."""

    def __init__(self, stack):
        super().__init__(daemon=True)
        self.stack = stack
        self.stop = threading.Event()
        self.probes = []
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
            self.probes.append(Probe(code, path, started, time.monotonic(), status, body.decode("utf-8", "replace"),
                                     retry_after))
            time.sleep(0.05)

    def every_path_answered_200_since(self, moment):
        answered = {probe.path for probe in self.probes if probe.start >= moment and probe.status == 200}
        return answered >= {path for _code, path in self.paths}


class Load(NamedTuple):
    """A load process running (scripts/reliability_load.py), and the paths its answers refer to by index."""

    process: subprocess.Popen
    results_path: Path
    seconds: int
    paths: list


class Answer(NamedTuple):
    """One request of the load, timed on the machine's monotonic clock."""

    start: float
    end: float
    path: str
    status: int  # 0: no answer
    error: str
    error_page: bool  # a 503 carrying the site's own error page


def start_load(stack, targets, name, **changes):
    """The load process (scripts/reliability_load.py) on the plan, with `changes` (seconds, clients, seed)."""
    plan = {**load_plan(targets), "port": stack.port, **changes}
    plan_path, results_path = stack.directory / f"{name}-plan.json", stack.directory / f"{name}-results.json"
    plan_path.write_text(json.dumps(plan))
    process = subprocess.Popen([PYTHON, str(ROOT / "scripts" / "reliability_load.py"), str(plan_path), str(results_path)],
                               preexec_fn=die_with_parent(signal.SIGTERM))
    return Load(process, results_path, plan["seconds"], [path for path, _weight in plan["urls"]])


def finish_load(load):
    """Wait for the load process; how many of its clients finished, and the answers they all got."""
    load.process.wait(timeout=load.seconds + 120)
    results = json.loads(load.results_path.read_text())
    answers = [Answer(start, end, load.paths[index], status, error, error_page)
               for start, end, index, status, error, error_page in results["records"]]
    return results["clients_finished"], answers


def poll_until(condition, seconds):
    """Checks `condition` every 50 ms until it holds or `seconds` have passed; the checks after it say what went wrong."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not condition():
        time.sleep(0.05)


class Outage(NamedTuple):
    """The database stopped for a while: its moments on the monotonic clock, and what was seen around it."""

    asked_to_stop: float
    stopped: float
    asked_to_start: float
    back: float
    probes: list
    workers_before: set
    workers_after: set


class Recovery(NamedTuple):
    """After the database's return: the first page that needs it answered 200, and the site's last 503."""

    first_from_database: float | None
    last_503: float | None

    @property
    def served_normally(self):
        """Whichever came later: a 200 may come from a request sent during the outage and served after it."""
        if self.first_from_database is None:
            return None
        return max(self.first_from_database, self.last_503 or self.first_from_database)


class OutageAnswers(NamedTuple):
    """What the load got from the database's stop until the site served normally again."""

    served_503: int
    slow_503: list  # (path, seconds) of the 503s slower than QUICK
    without_database: int  # answers from the page cache, or from pages that need no database


def run_load_with_incidents(stack, targets, checks):
    """Steps 1–3: the load, and during it a graceful reload and a database outage."""
    master = stack.gunicorn.pid
    load = start_load(stack, targets, "load")
    began = time.monotonic()
    time.sleep(LOAD_SECONDS * RELOAD_AT)
    reload_window = graceful_reload(stack, checks)
    time.sleep(max(0.0, began + LOAD_SECONDS * OUTAGE_AT - time.monotonic()))
    reference = submit_advice_query(stack, targets["advice"][1], source="127.9.0.1")
    checks.figure("advice query sent before the outage", reference)
    outage = stop_the_database_for_a_while(stack)
    clients_finished, answers = finish_load(load)

    recovery = recovery_after_outage(answers, outage, targets["advice"])
    outage_ended = recovery.served_normally or outage.back
    failures, outage_answers = failures_and_outage_answers(answers, outage.asked_to_stop, outage_ended, began)
    check_every_request_answered(checks, clients_finished, answers, failures)
    reload_failures = check_reload_lost_no_request(checks, answers, *reload_window)
    check_outage_answered_quick_503s(checks, outage, outage_answers)
    recovery_seconds = check_recovered_without_restarts(stack, checks, master, outage, recovery)
    check_query_survived_outage(stack, checks, reference)
    return {"requests": len(answers), "failures": len(failures), "recovery": recovery_seconds,
            "reload_failures": reload_failures, "served_503": outage_answers.served_503}


def graceful_reload(stack, checks):
    """Step 2: SIGHUP to gunicorn's master, until new workers replace all the old ones; when it began and ended."""
    old_workers = set(stack.worker_pids())
    signalled = time.monotonic()
    os.kill(stack.gunicorn.pid, signal.SIGHUP)

    def replaced():
        workers = set(stack.worker_pids())
        return workers and not workers & old_workers and len(workers) >= len(old_workers)

    poll_until(replaced, 60)
    done = time.monotonic()
    checks.figure("reload: old workers replaced in", f"{done - signalled:.2f} s "
                  f"({sorted(old_workers)} → {sorted(stack.worker_pids())})")
    return signalled, done


def stop_the_database_for_a_while(stack):
    """Step 3: PostgreSQL stopped for OUTAGE_SECONDS while a prober asks for pages that need it."""
    prober = Prober(stack)
    prober.start()
    time.sleep(1)
    workers_before = set(stack.worker_pids())
    asked_to_stop = time.monotonic()
    stack.cluster.stop("fast")
    stopped = time.monotonic()
    time.sleep(OUTAGE_SECONDS)
    asked_to_start = time.monotonic()
    stack.cluster.start()
    back = time.monotonic()
    poll_until(lambda: prober.every_path_answered_200_since(back), 30)
    time.sleep(3)
    prober.stop.set()
    prober.join(30)
    return Outage(asked_to_stop, stopped, asked_to_start, back, prober.probes, workers_before, set(stack.worker_pids()))


def needs_database(path, advice_paths):
    """Pages never served from the page cache: a query string, a form, a redirect that looks a page up, readiness."""
    return ("?" in path and not path.startswith("/static/")) or path in advice_paths or path == "/readyz"


def recovery_after_outage(answers, outage, advice_paths):
    return Recovery(first_page_from_database(answers, outage, advice_paths), last_503(answers, outage))


def first_page_from_database(answers, outage, advice_paths):
    """When a page that needs the database first answered 200 after its return, to a probe or to the load."""
    from_probes = [probe.end for probe in outage.probes if probe.path != "/healthz" and probe.status == 200]
    from_load = [answer.end for answer in answers if needs_database(answer.path, advice_paths) and answer.status == 200]
    return min((end for end in from_probes + from_load if end >= outage.back), default=None)


def last_503(answers, outage):
    """When the site last answered 503 after the database's return, to a probe or to the load."""
    ends = [answer.end for answer in answers if answer.status == 503]
    ends += [probe.end for probe in outage.probes if probe.status == 503]
    return max((end for end in ends if end >= outage.back), default=None)


def failures_and_outage_answers(answers, outage_began, outage_ended, began):
    """The load's failed requests (5xx, no answer), apart from the quick 503s of the outage; and its outage answers."""
    failures, served_503, slow_503, without_database = [], 0, [], 0
    for answer in answers:
        in_outage = answer.end >= outage_began and answer.start <= outage_ended
        seconds = answer.end - answer.start
        if answer.status in OK_STATUSES:
            without_database += in_outage
        elif in_outage and answer.status == 503 and (answer.error_page or answer.path == "/readyz"):
            served_503 += 1
            if seconds > QUICK:
                slow_503.append((answer.path, round(seconds, 2)))
        else:
            failures.append((round(answer.start - began, 2), answer.path, answer.status, answer.error))
    return failures, OutageAnswers(served_503, slow_503, without_database)


def check_every_request_answered(checks, clients_finished, answers, failures):
    """Step 1: every client ran to the end and every request got an answer that is not a 5xx."""
    checks.expect(clients_finished == CLIENTS, f"only {clients_finished} of {CLIENTS} load clients finished")
    duration = max(answer.end for answer in answers) - min(answer.start for answer in answers)
    latencies = sorted(answer.end - answer.start for answer in answers)
    checks.figure("load", f"{CLIENTS} clients, {duration:.0f} s, {len(answers)} requests ({len(answers) / duration:.0f}/s), "
                  f"p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms, "
                  f"max {latencies[-1]:.2f} s")
    checks.figure("load: failed requests (5xx, no answer) outside the quick 503s of the outage", len(failures))
    for failure in failures[:10]:
        print(f"    at {failure[0]} s: {failure[1]} → {failure[2]} {failure[3]}")
    checks.expect(not failures, f"{len(failures)} requests failed under load")


def check_reload_lost_no_request(checks, answers, signalled, done):
    """Step 2: no request failed from the reload's signal until a second after the last old worker left."""
    during = [answer for answer in answers if answer.end >= signalled and answer.start <= done + 1]
    failed = [answer for answer in during if answer.status not in OK_STATUSES]
    checks.figure("reload under load", f"{len(during)} requests during the reload, {len(failed)} failed, "
                  f"slowest {max((answer.end - answer.start for answer in during), default=0):.2f} s")
    checks.expect(not failed, f"{len(failed)} requests failed during the graceful reload")
    return len(failed)


def is_translated_503_page(probe, code):
    """The static 503 page in the probe's language, with Retry-After and no traceback."""
    return (f'<html lang="{code}"' in probe.body and SERVICE_UNAVAILABLE_HEADINGS[code] in probe.body
            and "Traceback" not in probe.body and probe.retry_after)


def probes_while_stopped(outage):
    """The probes sent once the database had stopped and answered before it was asked to start."""
    return [probe for probe in outage.probes if outage.stopped <= probe.start and probe.end <= outage.asked_to_start]


def check_outage_answered_quick_503s(checks, outage, outage_answers):
    """Step 3: without the database, its pages answer a quick 503 page in their language; /healthz still answers."""
    during = probes_while_stopped(outage)
    pages = [probe for probe in during if probe.code]
    slowest = max((probe.end - probe.start for probe in pages), default=0)
    checks.figure("outage", f"database stopped for {outage.back - outage.asked_to_stop:.1f} s; {len(pages)} probes of "
                  f"pages that need it: {sorted({probe.status for probe in pages})}, slowest {slowest * 1000:.0f} ms; "
                  f"load: {outage_answers.served_503} quick 503s, {outage_answers.without_database} answers from the "
                  f"page cache or without the database")
    checks.expect(pages and all(probe.status == 503 for probe in pages),
                  "pages needing the database did not all answer 503 during the outage")
    checks.expect(slowest <= QUICK and not outage_answers.slow_503,
                  f"503s slower than {QUICK} s during the outage: {outage_answers.slow_503[:5]}")
    check_503_pages_translated(checks, pages)
    check_health_and_readiness_during_outage(checks, during)


def check_503_pages_translated(checks, pages):
    for code in LANGUAGES:
        in_language = [probe for probe in pages if probe.code == code]
        checks.expect(in_language and all(is_translated_503_page(probe, code) for probe in in_language),
                      f"the 503 page in {code} is not the translated static page with Retry-After")


def check_health_and_readiness_during_outage(checks, during):
    """/healthz (is the process alive?) still answers 200; /readyz (can it serve?) answers 503."""
    checks.expect(all(probe.status == 200 for probe in during if probe.path == "/healthz"),
                  "/healthz failed during the outage")
    checks.expect(all(probe.status == 503 for probe in during if probe.path == "/readyz"),
                  "/readyz did not answer 503 during the outage")


def check_recovered_without_restarts(stack, checks, master, outage, recovery):
    """Step 3: the site serves normally within RECOVERY_LIMIT of the database's return, with no process restarted."""
    served_normally = recovery.served_normally
    seconds = (served_normally - outage.back) if served_normally else None

    def after_return(moment):
        return "none" if moment is None else f"{moment - outage.back:+.2f} s"

    checks.figure("recovery", f"served normally {seconds:.2f} s after the database was back (first page from the "
                  f"database {after_return(recovery.first_from_database)}, last 503 {after_return(recovery.last_503)}); "
                  f"no process restarted" if seconds is not None else "never")
    checks.expect(seconds is not None and seconds <= RECOVERY_LIMIT, f"no recovery within {RECOVERY_LIMIT} s")
    checks.expect(stack.gunicorn.poll() is None and stack.gunicorn.pid == master, "gunicorn's master was restarted")
    checks.expect(outage.workers_before <= outage.workers_after or recycled(stack, outage.workers_before),
                  f"workers restarted by the outage: {sorted(outage.workers_before)} → {sorted(outage.workers_after)}")
    return seconds


def check_query_survived_outage(stack, checks, reference):
    """Step 3: the advice query sent before the outage is still stored after it."""
    stored = stack.cluster.execute("cti", "SELECT count(*) FROM advice_advicequery WHERE reference = %s", [reference])[0][0]
    checks.figure("advice query sent before the outage, after it", "still there" if stored == 1 else "LOST")
    checks.expect(stored == 1, f"the advice query {reference} sent before the outage is gone")


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
ADVICE_QUERY_TEXTS = ["name", "position", "institution", "country", "email", "phone", "topic", "question", "preferred_language"]
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
    """Step 7: hypothesis-generated bad inputs to every public URL and form; how many were sent."""
    counts_before = table_counts(stack)
    last_query = stack.cluster.execute("cti", "SELECT coalesce(max(id), 0) FROM advice_advicequery")[0][0]
    started = time.monotonic()
    reports = send_bad_inputs(stack, targets)
    tried = check_bad_inputs_answered(checks, reports, time.monotonic() - started)
    accepted = sum(report["accepted_posts"] for report in reports)
    new_queries = check_only_accepted_queries_stored(stack, checks, counts_before, accepted)
    check_stored_queries_hold_no_garbage(stack, checks, last_query, new_queries, accepted)
    return tried


def send_bad_inputs(stack, targets):
    """scripts/reliability_fuzz.py's hypothesis tests against the site; their reports."""
    from hypothesis.configuration import set_hypothesis_home_dir

    set_hypothesis_home_dir(stack.directory / "hypothesis")  # not .hypothesis/ in the work tree
    return reliability_fuzz.run(stack.port, targets)


def check_bad_inputs_answered(checks, reports, seconds):
    """Enough bad inputs sent, and every one answered without a 5xx or an unescaped reflection; how many were sent."""
    results = [result for report in reports for result in report["results"]]
    tried = sum(result["requests"] for result in results)
    statuses = Counter()
    for report in reports:
        statuses.update(report["statuses"])
    escaped = sum(report["reflected_escaped"] for report in reports)
    checks.figure("bad inputs", f"{tried} requests in {seconds:.0f} s, answers {dict(sorted(statuses.items()))}, "
                  f"slowest {max(r['max_seconds'] for r in reports):.2f} s; {escaped} answers showed an injected "
                  f"tag back, all escaped")
    for result in results:
        print(f"    {result['category']:<32} {result['requests']:>5} in {result['seconds']:>4.0f} s"
              f"{'  FAILED' if result['error'] else ''}")
        if result["error"]:
            checks.expect(False, f"bad inputs, {result['category']}: {result['error']}")
    checks.expect(tried >= MIN_BAD_INPUTS, f"only {tried} bad inputs tried (at least {MIN_BAD_INPUTS})")
    return tried


def check_only_accepted_queries_stored(stack, checks, counts_before, accepted):
    """No table grew but those a bad input may add to, and only by the queries the form accepted; how many."""
    counts_after = table_counts(stack)
    grown = {name: counts_after.get(name, 0) - count for name, count in counts_before.items() if counts_after.get(name, 0) != count}
    unexpected = {name: delta for name, delta in grown.items() if name not in TABLES_THAT_MAY_GROW}
    checks.expect(not unexpected, f"bad inputs stored rows in {unexpected}")
    new_queries = grown.get("advice_advicequery", 0)
    checks.expect(new_queries == accepted, f"{new_queries} advice queries stored, but the form accepted {accepted}")
    return new_queries


def check_stored_queries_hold_no_garbage(stack, checks, last_query, new_queries, accepted):
    """The queries the generated forms got stored hold no control characters, bidi overrides or broken bytes."""
    garbage = garbage_in_queries_after(stack, last_query)
    checks.figure("advice queries the generated forms got stored", f"{new_queries} (accepted: {accepted}), "
                  f"garbage in {len(garbage)}")
    for line in garbage[:10]:
        print(f"    {line}")
    checks.expect(not garbage, f"{len(garbage)} stored fields hold garbage")


def garbage_in_queries_after(stack, last_query):
    """One line for each text field of the advice queries stored after `last_query` that holds garbage."""
    rows = stack.cluster.execute(
        "cti", f"SELECT reference, {', '.join(ADVICE_QUERY_TEXTS)} FROM advice_advicequery WHERE id > %s", [last_query])
    garbage = []
    for reference, *values in rows:
        for column, value in zip(ADVICE_QUERY_TEXTS, values):
            reason = garbage_in(value or "", multiline=column == "question")
            if reason:
                garbage.append(f"{reference}.{column}: {reason} in {value[:80]!r}")
    return garbage


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
