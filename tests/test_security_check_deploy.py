"""`manage.py check --deploy` with the production settings reports nothing."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_check_deploy_is_silent():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cti_site.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-" + "k3Y9-pQ7-zW2-" * 4,
        "ALLOWED_HOSTS": "cti.example.org",
        "WAGTAILADMIN_BASE_URL": "https://cti.example.org",
        "CLIENT_ADDRESS_HEADER": "X-Real-IP",
        "PYTHONWARNINGS": "ignore::DeprecationWarning",
    }
    for variable in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES", "SECURE_HSTS_SECONDS"):
        env.pop(variable, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced).", result.stdout
    assert "WARNINGS" not in result.stderr and "?: (" not in result.stderr, result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cti_site.settings.production",
        "ALLOWED_HOSTS": "cti.example.org",
        "WAGTAILADMIN_BASE_URL": "https://cti.example.org",
    }
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "The environment variable SECRET_KEY must be set in production." in result.stderr
