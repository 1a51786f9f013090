"""What the browser journeys share: the browser's settings, the demo server, and what a page must not do."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:
    expect = sync_playwright = None

REPOSITORY = Path(__file__).resolve().parents[2]
ARTIFACTS = REPOSITORY / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
}
LANGUAGES = ["ar", "en", "es", "fr", "pt"]
SERVER_START_TIMEOUT = 600
ACCESSIBILITY_REPORT = []


def browser_unavailable_reason():
    """Why the browser tests cannot run on this machine, or None when they can."""
    if not Path(CHROMIUM).exists():
        return f"Debian's chromium is not installed ({CHROMIUM} is missing: apt-get install chromium)"
    if sync_playwright is None:
        return "playwright is not installed (pip install -r requirements-test.txt)"
    try:
        import axe_playwright_python  # noqa: F401
    except ImportError:
        return "axe-playwright-python is not installed (pip install -r requirements-test.txt)"
    return None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scratch_directory():
    """In memory where the machine has it: SQLite migrations are several times faster there."""
    shared_memory = Path("/dev/shm")
    return Path(tempfile.mkdtemp(prefix="cti-browser-", dir=shared_memory if shared_memory.is_dir() else None))


class DemoServer:
    """tests/browser/demo_server.py in a subprocess: started early, waited for when first needed."""

    def __init__(self, workdir=None, port=None):
        self.workdir = Path(workdir) if workdir else scratch_directory()
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.workdir / "server.log"
        self.process = None
        self.owns_workdir = workdir is None

    @classmethod
    def running_or_new(cls):
        """REUSE_DEMO_SERVER=WORKDIR:PORT reuses a demo_server.py left running, to work on the tests."""
        reuse = os.environ.get("REUSE_DEMO_SERVER")
        if reuse:
            workdir, port = reuse.rsplit(":", 1)
            return cls(workdir, int(port))
        server = cls()
        server.start()
        return server

    def django_environment(self):
        """The environment of a Django process on the demo server's database and media (the worker's too)."""
        environment = {
            key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}
        }
        environment.update(
            DJANGO_SETTINGS_MODULE="cti_site.settings.dev",
            DATABASE_URL=f"sqlite:///{self.workdir / 'site.sqlite3'}",
            MEDIA_ROOT=str(self.workdir / "media"),
            CACHE_DIRECTORY=str(self.workdir / "cache"),
            WAGTAILADMIN_BASE_URL=self.base_url,
        )
        return environment

    def start(self):
        environment = self.django_environment()
        environment.update(
            ADVICE_MIN_FILL_SECONDS="0",
            ADVICE_RATE_LIMIT="1000",
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
            PYTHONWARNINGS="ignore",
            DEMO_SERVER_PARENT_PID=str(os.getpid()),
        )
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("demo_server.py")), str(self.workdir), str(self.port)],
                cwd=REPOSITORY,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def wait_until_serving(self):
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"The demo server stopped while starting:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/en/", timeout=5):
                    return
            except urllib.error.HTTPError as error:
                raise RuntimeError(f"The demo server answers /en/ with {error.code}:\n{self.log_tail()}") from None
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"The demo server did not answer within {SERVER_START_TIMEOUT} s:\n{self.log_tail()}")

    def pages(self):
        """{page type: {language code: {"url": path, "id": page id}}}, one page of each type."""
        return json.loads((self.workdir / "pages.json").read_text())

    def url(self, page_type, language_code):
        return self.pages()[page_type][language_code]["url"]

    def log_tail(self, lines=40):
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.owns_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


class PageWatch:
    """Console errors, uncaught exceptions and requests to any host other than the site, per page."""

    def __init__(self, site_host):
        self.site_host = site_host
        self.console_errors = []
        self.foreign_requests = []
        self.forgiven = []

    def attach(self, page):
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(
            f"{page.url}: {message.text}"
        ))
        page.on("pageerror", lambda error: self.console_errors.append(f"{page.url}: uncaught {error}"))
        page.on("request", self.check_request)

    def check_request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != self.site_host:
            self.foreign_requests.append(request.url)

    def forgive(self, text):
        """A console error that is the point of the test (a 404 page logs its own status)."""
        self.forgiven.append(text)

    def problems(self):
        errors = [e for e in self.console_errors if not any(text in e for text in self.forgiven)]
        return [f"console error: {e}" for e in errors] + [f"request to another host: {u}" for u in self.foreign_requests]
