"""gunicorn for production: sync workers behind nginx (deploy/nginx.conf buffers slow clients).

Graceful reload: `kill -HUP <master>` starts fresh workers and lets the old ones finish what they
are serving; nothing in flight fails (`make reliability` checks it under load). The application is
loaded and warmed once in the master, before any fork, so every new worker (after a reload, or one
replacing a worker recycled by max_requests) starts with its templates, URL patterns and the five
languages' catalogues already compiled, and takes traffic the moment it is forked. Because the code
is preloaded, HUP keeps the loaded code: to deploy new code, restart the service (or USR2 to start a
new master, then QUIT the old one).

Logs: the access log and gunicorn's own messages on stdout, for the container to collect.
"""

import gc
import io
import logging
import multiprocessing
import os
import sys
import time

from gunicorn.glogging import Logger

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
worker_class = "sync"
# A worker silent this long is killed and replaced. nginx's proxy_read_timeout is the same 30 s, and
# no page takes more than a fraction of a second: only a stuck worker ever reaches it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On reload or shutdown, workers get this long to finish the request they are serving.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then (memory growth, leaks). Each worker draws its own limit between
# max_requests and max_requests + jitter: a wide jitter keeps workers started together (at boot, after a
# reload) from all restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", str(max_requests // 2)))
# Load the application before forking, so a reload or a recycled worker starts warm.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# What the master renders once, before forking, so that templates, URL patterns and the five
# languages' catalogues are compiled in the memory every worker inherits. Space-separated; empty to skip.
WARM_PATHS = os.environ.get("GUNICORN_WARM_PATHS", "/en/ /ar/ /es/ /fr/ /pt/ /en/search/?q=convention /en/no-such-page/").split()


class StdoutLogger(Logger):
    """gunicorn's own messages on stdout rather than stderr: one stream, as for the access log."""

    def setup(self, cfg):
        super().setup(cfg)
        for handler in self.error_log.handlers:
            if getattr(handler, "_gunicorn", False) and getattr(handler, "stream", None) is sys.stderr:
                handler.setStream(sys.stdout)


logger_class = StdoutLogger


def warm_host():
    from django.conf import settings

    for host in settings.ALLOWED_HOSTS:
        host = host.lstrip(".")
        if host and host != "*":
            return host
    return "localhost"


def warm_request(application, path, host):
    """One GET through the whole WSGI stack, as nginx would send it over HTTPS; returns the status."""
    path_info, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": host,
        "SERVER_PORT": "443",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    statuses = []
    body = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        for _chunk in body:
            pass
    finally:
        if hasattr(body, "close"):
            body.close()
    return statuses[0] if statuses else "000"


def when_ready(server):
    """Warm the preloaded application in the master, then leave no connection or cached page to the forks."""
    if not preload_app or not WARM_PATHS:
        return
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache
    from django.db import connections

    started = time.monotonic()
    application = server.app.wsgi()
    host = warm_host()
    warmed = []
    try:
        for path in WARM_PATHS:
            status = warm_request(application, path, host)
            warmed.append(f"{path} {status.split(' ', 1)[0]}")
            if status.startswith("5"):
                break  # the database is away: start anyway, cold, rather than wait on each path
    except Exception:
        server.log.warning("Warm-up stopped by an error; workers start cold", exc_info=True)
    finally:
        # A database connection shared by forked workers would be corrupted; each opens its own.
        connections.close_all()
        # Pages cached in the master would be inherited, stale, by workers forked hours later.
        for cache in caches.all(initialized_only=True):
            if isinstance(cache, LocMemCache):
                cache.clear()
    server.log.info("Warmed in %.0f ms: %s", (time.monotonic() - started) * 1000, ", ".join(warmed))
    # What the master holds now stays shared with every worker: the collector leaves it alone.
    gc.collect()
    gc.freeze()


def worker_exit(server, worker):
    """End a worker at once, once it has finished its last request.

    A normal interpreter exit frees every object the worker inherited from the master, writing to (so
    copying) nearly all its shared memory first: under load that took up to a second, during which the
    master waits to start its replacement and requests queue (measured: stalls of 2.5 s, and half the
    throughput, with workers recycled every 300 requests). Database connections are closed and logs
    flushed first. Any other
    way out (a worker that failed to boot, exit status 3 or 4, which the master acts on) is left as is.
    """
    leaving = sys.exc_info()[1]  # gunicorn calls this hook while the worker's SystemExit propagates
    if not (isinstance(leaving, SystemExit) and leaving.code in (0, None) and worker.booted):
        return
    try:
        from django.db import connections

        connections.close_all()
    except Exception:
        pass
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


