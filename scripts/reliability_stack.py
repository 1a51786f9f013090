"""The stack `make reliability` runs: its own PostgreSQL cluster, gunicorn, and nginx with deploy/nginx.conf.

Everything lives in one temporary folder and listens on free loopback ports. The machine's own
PostgreSQL (127.0.0.1:5432) is never touched: the cluster is initdb'ed here, on a port of its own,
and stopped and started only through its own data directory. Each server is a child of this process
that dies with it (PR_SET_PDEATHSIG), so a killed run leaves nothing behind.
"""

import ctypes
import glob
import os
import pwd
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

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def postgresql_binaries():
    """Where initdb, postgres and pg_ctl are: PG_BIN, else /usr/local/bin, else Debian's folder."""
    candidates = [os.environ.get("PG_BIN", ""), "/usr/local/bin", *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists():
            return Path(folder)
    raise SystemExit("PostgreSQL's initdb was not found: set PG_BIN")


PG_BIN = postgresql_binaries()
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PR_SET_PDEATHSIG = 1


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def die_with_parent(sig):
    """A preexec_fn: the child gets `sig` when this process ends, however it ends."""
    libc = ctypes.CDLL(None, use_errno=True)

    def apply():
        libc.prctl(PR_SET_PDEATHSIG, sig)
        if os.getppid() == 1:  # the parent died before prctl
            os.kill(os.getpid(), sig)

    return apply


def wait_for(check, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not come up within {timeout} s")


def http_ok(url, timeout=1.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


class Cluster:
    """A PostgreSQL 15 cluster of our own in `directory`, on `port`, with trust authentication on loopback."""

    def __init__(self, directory, port):
        self.directory = Path(directory)
        self.data = self.directory / "data"
        self.port = port
        self.log = self.directory / "postgresql.log"
        self.process = None
        # PostgreSQL refuses to run as root: when we are root, the cluster belongs to the postgres user.
        self.user = None
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                try:
                    self.user = pwd.getpwnam(name)
                    break
                except KeyError:
                    continue

    def _as_owner(self):
        if self.user is None:
            return {}
        return {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def init(self):
        self.directory.mkdir(parents=True)
        if self.user is not None:
            os.chown(self.directory, self.user.pw_uid, self.user.pw_gid)
        subprocess.run(
            [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
             "--no-locale", "--no-sync"],
            check=True, stdout=subprocess.DEVNULL, **self._as_owner(),
        )

    def start(self):
        """Start the postmaster and return once it accepts connections."""
        log = open(self.log, "ab")
        if self.user is not None:
            os.chown(self.log, self.user.pw_uid, self.user.pw_gid)
        self.process = subprocess.Popen(
            [str(PG_BIN / "postgres"), "-D", str(self.data), "-c", f"port={self.port}",
             "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={self.directory}",
             "-c", "max_connections=60", "-c", "logging_collector=off"],
            stdout=log, stderr=log, stdin=subprocess.DEVNULL,
            preexec_fn=die_with_parent(signal.SIGINT), **self._as_owner(),
        )
        log.close()
        wait_for(self.accepts, 60, "PostgreSQL")

    def accepts(self):
        import psycopg2

        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"PostgreSQL exited; see {self.log}")
        try:
            psycopg2.connect(self.url("postgres"), connect_timeout=1).close()
            return True
        except psycopg2.OperationalError:
            return False

    def stop(self, mode="fast"):
        """`pg_ctl stop -m fast` on this cluster's data directory, and nothing else."""
        if self.process is None or self.process.poll() is not None:
            return
        subprocess.run(
            [str(PG_BIN / "pg_ctl"), "stop", "-D", str(self.data), "-m", mode, "-w", "-t", "60"],
            check=True, stdout=subprocess.DEVNULL, **self._as_owner(),
        )
        self.process.wait(timeout=60)

    def create_database(self, name):
        self.execute("postgres", f'CREATE DATABASE "{name}"')

    def execute(self, database, sql, params=None):
        import psycopg2

        connection = psycopg2.connect(self.url(database), connect_timeout=5)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall() if cursor.description else None
        finally:
            connection.close()


def nginx_loopback_config(text, *, port, redirect_port, gunicorn_port, static_root, media_root):
    """deploy/nginx.conf as it is, except: loopback ports, plain HTTP for TLS, and the two /srv/cti paths.

    Each change must apply exactly where expected, so that an edit of the file that moves one of
    them fails here loudly rather than silently testing something else.
    """
    edits = [
        (r"server 127\.0\.0\.1:8000 ", f"server 127.0.0.1:{gunicorn_port} ", 1),
        (r"\n\s*listen \[::\]:80;", "", 1),
        (r"listen 80;", f"listen 127.0.0.1:{redirect_port};", 1),
        (r"\n\s*listen \[::\]:443 ssl http2;", "", 1),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{port};", 1),
        (r"\n\s*ssl_[a-z_]+ [^;]+;", "", 3),
        (r"/srv/cti/staticfiles/", f"{static_root}/", 1),
        (r"/srv/cti/media/images/", f"{media_root}/images/", 1),
    ]
    for pattern, replacement, expected in edits:
        text, count = re.subn(pattern, replacement, text)
        if count != expected:
            raise RuntimeError(f"deploy/nginx.conf: expected {expected} match(es) of {pattern!r}, found {count}")
    directives = re.sub(r"#[^\n]*", "", text)
    if "/srv/cti" in directives or re.search(r"\bssl\b|http2", directives):
        raise RuntimeError("deploy/nginx.conf: a production path or TLS setting is left in the loopback configuration")
    return text


NGINX_MAIN = """\
daemon off;
master_process on;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {access_log};
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    include {site};
}}
"""


def check_production_nginx_config(directory):
    """`nginx -t` on deploy/nginx.conf exactly as committed, with a throwaway certificate at its paths."""
    directory = Path(directory)
    (directory / "tmp").mkdir(parents=True, exist_ok=True)
    certificate, key = directory / "fullchain.pem", directory / "privkey.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=cti.example.org",
         "-keyout", str(key), "-out", str(certificate)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    text = text.replace("/etc/letsencrypt/live/cti.example.org/fullchain.pem", str(certificate))
    text = text.replace("/etc/letsencrypt/live/cti.example.org/privkey.pem", str(key))
    (directory / "site.conf").write_text(text)
    (directory / "nginx.conf").write_text(
        NGINX_MAIN.format(prefix=directory, access_log="off", site=directory / "site.conf")
    )
    result = subprocess.run(
        [NGINX, "-t", "-q", "-p", str(directory), "-c", str(directory / "nginx.conf"), "-e", str(directory / "error.log")],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"deploy/nginx.conf does not pass nginx -t:\n{result.stderr}")


class Stack:
    """PostgreSQL, the site under gunicorn with production settings, and nginx in front, all on loopback."""

    def __init__(self, workdir=None):
        """In a new temporary folder; or, to iterate on the suite, in `workdir`, prepared once and kept."""
        self.reuse = workdir is not None
        if workdir is None:
            self.directory = Path(tempfile.mkdtemp(prefix="cti-reliability-"))
        else:
            self.directory = Path(workdir).resolve()
            self.directory.mkdir(parents=True, exist_ok=True)
        # nginx's workers (nobody, when we are root) read the static files and renditions from here.
        self.directory.chmod(0o755)
        self.cluster = Cluster(self.directory / "pg", free_port())
        self.gunicorn_port = free_port()
        self.port = free_port()
        self.redirect_port = free_port()
        self.static_root = self.directory / "static"
        self.media_root = self.directory / "media"
        self.gunicorn = None
        self.gunicorn_log = self.directory / "gunicorn.log"
        self.nginx = None
        self.nginx_prefix = self.directory / "nginx"
        self.worker = None
        self.worker_log = self.directory / "worker.log"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cti_site.settings.production",
            "DATABASE_URL": self.cluster.url("cti"),
            "SECRET_KEY": secrets.token_urlsafe(50),
            # cti.example.org: deploy/nginx.conf's server_name, sent by its plain-HTTP /healthz.
            "ALLOWED_HOSTS": "127.0.0.1,localhost,cti.example.org",
            "WAGTAILADMIN_BASE_URL": "https://cti.example.org",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "STATIC_ROOT": str(self.static_root),
            "MEDIA_ROOT": str(self.media_root),
            # No mail server on this machine; the advice hub stores the query before any email.
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            # Behind nginx the visitor's address is X-Real-IP, which it sets (README, Production).
            "CLIENT_ADDRESS_HEADER": "X-Real-IP",
            # Generated forms are sent at once; the signed timestamp is still required and checked.
            "ADVICE_MIN_FILL_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_BIND": f"127.0.0.1:{self.gunicorn_port}",
            "GUNICORN_ACCESSLOG": "",
            # Low enough that workers are recycled during the load, as they would be in a day.
            "GUNICORN_MAX_REQUESTS": os.environ.get("RELIABILITY_MAX_REQUESTS", "1500"),
            "PYTHONWARNINGS": "ignore",
            "PYTHONUNBUFFERED": "1",
            # gunicorn's control socket in our folder, not the one in $HOME another gunicorn may use.
            "GUNICORN_CMD_ARGS": f"--control-socket {self.directory / 'gunicorn.ctl'}",
        }
        self.env.pop("REDIS_URL", None)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args):
        subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True, stdout=subprocess.DEVNULL)

    def prepare(self, log):
        log("PostgreSQL: a cluster of its own on 127.0.0.1:%d (%s)" % (self.cluster.port, self.cluster.data))
        prepared = self.directory / "prepared"
        if self.reuse and prepared.exists():
            self.cluster.start()
            log("Reusing the database prepared earlier in this folder")
            return
        self.cluster.init()
        self.cluster.start()
        self.cluster.create_database("cti")
        started = time.monotonic()
        self.manage("compile_catalogues")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo_content", "-v0")
        self.manage("setup_roles", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        log(f"Migrated, demo content in five languages, static files collected in {time.monotonic() - started:.0f} s")
        # The media folder is read by nginx's workers.
        for path in [self.media_root, *self.media_root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        prepared.touch()

    def start_gunicorn(self):
        log = open(self.gunicorn_log, "wb")
        self.gunicorn = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "cti_site.wsgi:application"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            preexec_fn=die_with_parent(signal.SIGTERM),
        )
        log.close()
        wait_for(lambda: self._alive(self.gunicorn, "gunicorn") and len(self.worker_pids()) >= 1
                 and http_ok(f"http://127.0.0.1:{self.gunicorn_port}/healthz"), 120, "gunicorn")

    def worker_pids(self):
        return children_of(self.gunicorn.pid)

    def start_task_worker(self):
        """The background worker (`manage.py run_worker`), as deploy/ runs it next to gunicorn; False if there is none."""
        if not (ROOT / "resources" / "management" / "commands" / "run_worker.py").exists():
            return False
        log = open(self.worker_log, "wb")
        self.worker = subprocess.Popen(
            [PYTHON, "manage.py", "run_worker"], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, preexec_fn=die_with_parent(signal.SIGTERM),
        )
        log.close()
        return True

    def start_nginx(self):
        prefix = self.nginx_prefix
        (prefix / "tmp").mkdir(parents=True, exist_ok=True)
        site = nginx_loopback_config(
            (ROOT / "deploy" / "nginx.conf").read_text(),
            port=self.port, redirect_port=self.redirect_port, gunicorn_port=self.gunicorn_port,
            static_root=self.static_root, media_root=self.media_root,
        )
        (prefix / "site.conf").write_text(site)
        for name in ("error.log", "access.log"):
            (prefix / name).unlink(missing_ok=True)
        (prefix / "nginx.conf").write_text(
            NGINX_MAIN.format(prefix=prefix, access_log=prefix / "access.log", site=prefix / "site.conf")
        )
        self.nginx = subprocess.Popen(
            [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")],
            stdout=subprocess.DEVNULL, stderr=open(prefix / "stderr.log", "ab"), stdin=subprocess.DEVNULL,
            preexec_fn=die_with_parent(signal.SIGTERM),
        )
        wait_for(lambda: self._alive(self.nginx, "nginx") and http_ok(f"{self.base}/healthz"), 30, "nginx")

    @staticmethod
    def _alive(process, name):
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with status {process.returncode}")
        return True

    def close(self, keep=False):
        self._stop_servers()
        self._stop_cluster()
        if not keep and not self.reuse:
            shutil.rmtree(self.directory, ignore_errors=True)

    def _stop_servers(self):
        """SIGTERM to nginx, gunicorn and the worker at once; each has 40 s to stop before it is killed."""
        started = [process for process in (self.nginx, self.gunicorn, self.worker) if process is not None]
        for process in started:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()

    def _stop_cluster(self):
        """pg_ctl stop; if that fails, the postmaster is killed."""
        try:
            self.cluster.stop("fast")
        except Exception:
            if self.cluster.process is not None and self.cluster.process.poll() is None:
                self.cluster.process.kill()


def children_of(parent_pid):
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent_pid:
            pids.append(int(stat.parent.name))
    return sorted(pids)
