"""Production settings refuse to start unless they say how the visitor's address is learnt."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOW_SETTING = (
    "import json; from django.conf import settings; "
    "print(json.dumps([settings.CLIENT_ADDRESS_HEADER, settings.AXES_CLIENT_IP_CALLABLE]))"
)


def production(**variables):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cti_site.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-" + "k3Y9-pQ7-zW2-" * 4,
        "ALLOWED_HOSTS": "cti.example.org",
        "WAGTAILADMIN_BASE_URL": "https://cti.example.org",
        "PYTHONWARNINGS": "ignore",
    }
    for name in ("CLIENT_ADDRESS_HEADER", "ADVICE_CLIENT_IP_HEADER", "LOGIN_CLIENT_IP_HEADER"):
        env.pop(name, None)
    env.update(variables)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {SHOW_SETTING}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


@pytest.mark.parametrize("variables", [{}, {"CLIENT_ADDRESS_HEADER": " "}, {"ADVICE_CLIENT_IP_HEADER": "HTTP_X_REAL_IP"}])
def test_production_refuses_to_start_without_a_stated_client_address(variables):
    result = production(**variables)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "The environment variable CLIENT_ADDRESS_HEADER must be set in production" in result.stderr


def test_production_refuses_a_value_that_is_not_a_header_name():
    result = production(CLIENT_ADDRESS_HEADER="HTTP_X_REAL_IP; REMOTE_ADDR")

    assert result.returncode != 0
    assert "is not a header name" in result.stderr


@pytest.mark.parametrize(("value", "expected"), [("X-Real-IP", "X-Real-IP"), ("none", None), ("None", None)])
def test_production_starts_with_the_proxy_header_or_an_explicit_none(value, expected):
    result = production(CLIENT_ADDRESS_HEADER=value)

    assert result.returncode == 0, result.stderr
    header, axes_callable = json.loads(result.stdout.strip().splitlines()[-1])
    assert header == expected
    assert axes_callable == "operations.client_address.client_address"
