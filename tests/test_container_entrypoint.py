"""The container's entrypoint (deploy/entrypoint.sh), run as the Dockerfile runs it: production settings,
migrations and roles first, then gunicorn and the worker side by side, and the container stops when
either of them stops. There is no Docker engine here: the script itself is run."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENTRYPOINT = ROOT / "deploy" / "entrypoint.sh"


@pytest.fixture
def container_environment(tmp_path):
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}
    }
    environment.update(
        # The venv's python stands for the image's.
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        DJANGO_SETTINGS_MODULE="cti_site.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        CACHE_DIRECTORY=str(tmp_path / "cache"),
        SECRET_KEY="a-long-random-production-secret-" + "k3Y9-pQ7-zW2-" * 4,
        ALLOWED_HOSTS="127.0.0.1",
        CLIENT_ADDRESS_HEADER="none",
        WAGTAILADMIN_BASE_URL="https://cti.example.org",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        GUNICORN_WORKERS="1",
        PYTHONWARNINGS="ignore",
        LOG_LEVEL="WARNING",
    )
    return environment


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def serving_container(container_environment):
    """The container started with its default command (gunicorn), once it answers /healthz."""
    port = free_port()
    container = subprocess.Popen(
        ["sh", str(ENTRYPOINT), "gunicorn", "--config", "deploy/gunicorn.conf.py", "cti_site.wsgi:application"],
        cwd=ROOT, env={**container_environment, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        assert wait_for_health(port, container) == 200
        yield container, port
    finally:
        # Whatever is left of the container's processes (none, when the test passes).
        try:
            os.killpg(container.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        container.wait()


def children_of(pid):
    result = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "--ppid", str(pid)], capture_output=True, text=True)
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def wait_for_health(port, process, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                return response.status
        except OSError:
            time.sleep(0.5)
    raise AssertionError("gunicorn did not answer /healthz")


def test_a_command_runs_after_the_migrations(container_environment):
    result = subprocess.run(
        ["sh", str(ENTRYPOINT), "python", "manage.py", "shell", "-c",
         "from django.contrib.auth.models import Group; print(sorted(Group.objects.values_list('name', flat=True)))"],
        cwd=ROOT, env=container_environment, capture_output=True, text=True, timeout=300,
    )

    assert result.returncode == 0, result.stderr
    assert "Secretariat editors" in result.stdout and "Help desk" in result.stdout


def test_gunicorn_and_the_worker_run_together_and_stop_together(serving_container):
    container, port = serving_container
    processes = children_of(container.pid)
    assert any("gunicorn" in line for line in processes), processes
    worker = [line for line in processes if "run_worker" in line]
    assert worker, processes

    os.kill(int(worker[0].split()[0]), signal.SIGKILL)

    assert container.wait(timeout=60) != 0, "a container whose worker died must fail, to be restarted"
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)


def test_stopping_the_container_stops_both_cleanly(serving_container):
    container, _port = serving_container
    processes = children_of(container.pid)

    container.send_signal(signal.SIGTERM)

    assert container.wait(timeout=120) == 0
    for line in processes:
        assert subprocess.run(["kill", "-0", line.split()[0]], capture_output=True).returncode != 0, line
