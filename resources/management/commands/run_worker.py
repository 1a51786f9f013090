"""The site's background worker: queued tasks as they come, and the scheduler every minute.

    python manage.py run_worker          # runs until stopped (SIGTERM or Ctrl+C)
    python manage.py run_worker --once   # what is due now, then exit

One process to run next to the web server (`make run`, the container's entrypoint,
`deploy/cti-worker.service`). It starts django-tasks-db's `db_worker` for the "background" tasks
(a document's text, read with its own time and memory limits) as a child process, and every minute
runs SCHEDULED_COMMANDS: Wagtail's `publish_scheduled`, which publishes the pages whose "go live"
time has come (the page editor's "Set schedule") and unpublishes the expired ones.
"""

import logging
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

from resources.tasks import BACKGROUND

logger = logging.getLogger(__name__)

SCHEDULED_COMMANDS = [["publish_scheduled"]]
SCHEDULE_INTERVAL_SECONDS = 60
WORKER_ARGUMENTS = ["db_worker", "--backend", BACKGROUND, "--no-reload", "--no-startup-delay"]
STOP_GRACE_SECONDS = 90
# The task worker exits when the database goes away; it is started again after this pause.
RESTART_DELAY_SECONDS = 5


def run_scheduled_commands():
    """Each scheduled command once; a failure (the database away) is logged and tried again next minute."""
    for command in SCHEDULED_COMMANDS:
        try:
            call_command(*command, verbosity=0)
        except Exception:
            logger.exception("Scheduled command %s failed", " ".join(command))


def tasks_are_queued():
    """True when background tasks wait in the database for a worker (not when they run at once)."""
    return isinstance(task_backends[BACKGROUND], DatabaseBackend)


def start_task_worker():
    return subprocess.Popen([sys.executable, "-m", "django", *WORKER_ARGUMENTS], cwd=settings.BASE_DIR)


class Command(BaseCommand):
    help = "Run the background tasks and, every minute, publish the pages scheduled to go live."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Publish what is due and run every queued task, then exit."
        )

    def handle(self, *args, once=False, **options):
        if once:
            run_scheduled_commands()
            if tasks_are_queued():
                call_command(*WORKER_ARGUMENTS, "--batch", verbosity=options["verbosity"])
            return
        self.stopping = False
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        worker = start_task_worker() if tasks_are_queued() else None
        self.stdout.write(f"Worker running: background tasks, and {', '.join(c[0] for c in SCHEDULED_COMMANDS)} every minute.")
        next_run = time.monotonic()
        while not self.stopping:
            if worker is not None and worker.poll() is not None:
                logger.warning(
                    "The task worker stopped (exit status %s); starting it again in %s s.",
                    worker.returncode,
                    RESTART_DELAY_SECONDS,
                )
                time.sleep(RESTART_DELAY_SECONDS)
                worker = start_task_worker()
            if time.monotonic() >= next_run:
                # A connection the database dropped during an outage is replaced, not failed on every minute.
                close_old_connections()
                run_scheduled_commands()
                next_run = max(next_run + SCHEDULE_INTERVAL_SECONDS, time.monotonic())
            time.sleep(1)
        if worker is not None:
            self.stop_worker(worker)

    def stop(self, signum, frame):
        self.stopping = True

    def stop_worker(self, worker):
        """Let the task in hand finish (each is bounded by its own limits), then the worker exits."""
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
