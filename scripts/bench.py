"""`make bench`: the site under gunicorn (2 workers, production settings) on loopback, driven by wrk.

The demo content goes into a scratch PostgreSQL database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/cti_bench, dropped and recreated). Each URL is driven for
BENCH_SECONDS, once with the whole-page cache off (uncached) and once with it on (cached). Server
CPU per request comes from the workers' own utime+stime in /proc, so other load on the machine
barely changes it. SQL queries per page are counted in-process with the test client. BENCH_REUSE_DATABASE=1 skips
recreating the database. Then BENCH_LIBRARY_SIZE resources (default 5,000) are generated in each locale and
the library, search and a resource page are measured again at that size.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from reliability_stack import children_of  # the scripts folder is on the path of a script run from it

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cti_bench")
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
# The large library of the production issue: BENCH_LIBRARY_SIZE resources in each of the 5 locales (0: skip).
LIBRARY_SIZE = int(os.environ.get("BENCH_LIBRARY_SIZE", "5000"))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
STATIC_ROW = "static file (site.css)"

ROWS = [
    ("HomePage", "/en/"),
    ("AboutPage", "/en/about/"),
    ("CoreStatesPage", "/en/about/core-states/"),
    ("SecretariatPage", "/en/about/secretariat/"),
    ("GroupOfFriendsPage", "/en/about/group-of-friends/"),
    ("OperatingPrinciplesPage", "/en/about/operating-principles/"),
    ("HistoryPage", "/en/about/history/"),
    ("HowCtiCanHelpPage", "/en/how-cti-can-help/"),
    ("AdviceHubPage (form)", "/en/how-cti-can-help/advice-hub/"),
    ("HomePage, Arabic", "/ar/"),
    ("library", "/en/how-cti-can-help/tools-and-guides/"),
    ("search", "/en/search/?q=torture"),
    ("404", "/en/no-such-page/"),
    (STATIC_ROW, None),
]


def environment(**extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cti_site.settings.production",
        "DATABASE_URL": DATABASE_URL,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        # wrk talks to gunicorn directly: no proxy in front.
        "CLIENT_ADDRESS_HEADER": "none",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESSLOG": "",
        # Recycled workers would take their CPU time with them.
        "GUNICORN_MAX_REQUESTS": "0",
        "PYTHONWARNINGS": "ignore",
        **extra,
    }


def run(*args, env):
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(env):
    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", server, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {name}"], check=True)
    run(PYTHON, "manage.py", "compile_catalogues", env=env)
    run(PYTHON, "manage.py", "migrate", "--noinput", "-v0", env=env)
    run(PYTHON, "manage.py", "load_demo_content", "-v0", env=env)
    run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v0", env=env)


def static_url(env):
    """The hashed URL of site.css, as pages link it."""
    script = "from django.templatetags.static import static; print(static('css/site.css'))"
    result = subprocess.run([PYTHON, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1]


def count_queries(env, urls):
    """SQL queries per URL, rendered in-process with the menu and footer fragments warm."""
    script = (
        "import os\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client()\n"
        "for url in os.environ['BENCH_URLS'].split():\n"
        "    client.get(url)\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        client.get(url)\n"
        "    print('queries', len(queries))\n"
    )
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=ROOT, env={**env, "PAGE_CACHE_SERVER_SECONDS": "0", "BENCH_URLS": " ".join(urls)},
        capture_output=True, text=True,
    )
    if result.returncode:
        raise SystemExit(f"counting the queries failed:\n{result.stderr}")
    return [int(count) for count in re.findall(r"^queries (\d+)$", result.stdout, re.M)]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total


def start_gunicorn(env, port):
    process = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "cti_site.wsgi"],
        cwd=ROOT, env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            if len(children_of(process.pid)) == 2:
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("gunicorn did not start")


def seconds(value, unit):
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0}[unit]


def drive(port, url, workers):
    full = f"http://127.0.0.1:{port}{url}"
    subprocess.run(["wrk", "-t1", "-c2", "-d1s", full], check=True, capture_output=True)  # warm-up
    before = cpu_ticks(workers)
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", full], check=True, capture_output=True, text=True
    ).stdout
    used = cpu_ticks(workers) - before
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))

    def percentile(key):
        number, unit = re.match(r"([\d.]+)(\w+)", latency[key]).groups()
        return seconds(number, unit) * 1000

    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": percentile("50"),
        "p99": percentile("99"),
        "cpu": used * 1000 / CLOCK_TICKS / max(requests, 1),
        "errors": "Non-2xx" in output or "Socket errors" in output,
    }


def measure(env, urls, page_cache_seconds):
    port = free_port()
    process = start_gunicorn({**env, "PAGE_CACHE_SERVER_SECONDS": str(page_cache_seconds)}, port)
    try:
        workers = children_of(process.pid)
        return [drive(port, url, workers) for url in urls]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def ratio(value, base):
    return f"{value / base:.2f}×" if base else "–"


LARGE_LIBRARY_ROWS = [
    ("library", "/en/how-cti-can-help/tools-and-guides/"),
    ("library, French, filtered", "/fr/how-cti-can-help/tools-and-guides/?topic=safeguards&language=fr"),
    ("library, page 100", "/en/how-cti-can-help/tools-and-guides/?page=100"),
    ("search", "/en/search/?q=torture"),
    ("search, Arabic", "/ar/search/?q=%D8%A7%D9%84%D8%AF%D9%88%D9%84"),
    ("ResourcePage", "/en/how-cti-can-help/tools-and-guides/generated-4321/"),
    (STATIC_ROW, None),
]


def run_rows(env, rows):
    urls = [url or static_url(env) for _name, url in rows]
    queries = count_queries(env, urls)
    uncached = measure(env, urls, page_cache_seconds=0)
    cached = measure(env, urls, page_cache_seconds=600)
    return queries, uncached, cached


def print_table(title, rows, queries, uncached, cached):
    static_uncached, static_cached = uncached[-1], cached[-1]
    header = (
        f"{'request':<28} {'SQL':>4} | {'uncached req/s':>14} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms':>7} "
        f"{'×static CPU':>11} | {'cached req/s':>12} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms':>7} {'×static req/s':>13}"
    )
    print()
    print(title)
    print(header)
    print("-" * len(header))
    for (name, _url), count, cold, warm in zip(rows, queries, uncached, cached):
        flag = " !" if cold["errors"] or warm["errors"] else ""
        print(
            f"{name:<28} {count:>4} | {cold['rps']:>14.0f} {cold['p50']:>7.2f} {cold['p99']:>7.2f} {cold['cpu']:>7.2f} "
            f"{ratio(cold['cpu'], static_uncached['cpu']):>11} | {warm['rps']:>12.0f} {warm['p50']:>7.2f} "
            f"{warm['p99']:>7.2f} {warm['cpu']:>7.2f} {ratio(warm['rps'], static_cached['rps']):>13}{flag}"
        )


def main():
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, stdout=subprocess.DEVNULL)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    with tempfile.TemporaryDirectory(prefix="cti-bench-") as static_root:
        env = environment(STATIC_ROOT=static_root)
        if os.environ.get("BENCH_REUSE_DATABASE") == "1":
            run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
        else:
            prepare(env)
        # Each table is printed as soon as it is measured: a failure later does not lose it.
        print(f"gunicorn 2 sync workers, production settings, loopback; wrk {CONNECTIONS} connections, {SECONDS} s per row")
        print_table("Demo content (20 resources × 5 locales)", ROWS, *run_rows(env, ROWS))
        if LIBRARY_SIZE:
            existing = subprocess.run(
                [PYTHON, "manage.py", "shell", "-c",
                 "from resources.models import ResourcePage; print(ResourcePage.objects.filter(slug__startswith='generated-', locale__language_code='en').count())"],
                cwd=ROOT, env=env, check=True, capture_output=True, text=True,
            ).stdout.split()[-1]
            missing = LIBRARY_SIZE - int(existing)
            if missing > 0:
                started = time.monotonic()
                run(PYTHON, "manage.py", "generate_library", "--count", str(missing), env=env)
                print(f"generated {missing} resources × 5 locales in {time.monotonic() - started:.0f} s")
            print_table(f"Library of {LIBRARY_SIZE:,} resources × 5 locales", LARGE_LIBRARY_ROWS, *run_rows(env, LARGE_LIBRARY_ROWS))
    print("! = some non-2xx answers or socket errors (expected for the 404 row only)")


if __name__ == "__main__":
    main()
