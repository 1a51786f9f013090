"""Response headers with production settings: strict CSP on public pages, and an A+ by the MDN HTTP
Observatory's scoring (shared/docs/production-notes.md), modelled below for the header tests only
(the redirection test needs a real network): scoring starts at 100, penalties apply first, bonuses
only while the score is still 90 or more; A+ is 100 or more.
"""

import base64
import hashlib
import importlib
import re
import sys

import pytest
from django.test import override_settings

SESSION_COOKIE = re.compile(r"(?i)(session|login|auth|sid)")
ANTI_CSRF_COOKIE = re.compile(r"(?i)csrf")
PRIVATE_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
SIX_MONTHS = 15_768_000


def parse_csp(header):
    policy = {}
    for directive in filter(None, (part.strip() for part in header.split(";"))):
        name, *sources = directive.split()
        policy[name.lower()] = [source.lower() for source in sources]
    return policy


def csp_results(header):
    if not header:
        return [("csp-not-implemented", -25)]
    policy = parse_csp(header)
    scripts = policy.get("script-src", policy.get("default-src", []))
    styles = policy.get("style-src", policy.get("default-src", []))
    if "default-src" not in policy and "script-src" not in policy:
        return [("csp-implemented-with-unsafe-inline", -20)]
    results = []
    if "'unsafe-inline'" in scripts or "data:" in scripts or "*" in scripts:
        results.append(("csp-implemented-with-unsafe-inline", -20))
    elif "'unsafe-eval'" in scripts:
        results.append(("csp-implemented-with-unsafe-eval", -10))
    elif "'unsafe-inline'" in styles:
        results.append(("csp-implemented-with-unsafe-inline-in-style-src-only", 0))
    elif policy.get("default-src") == ["'none'"]:
        results.append(("csp-implemented-with-no-unsafe-default-src-none", 10))
    else:
        results.append(("csp-implemented-with-no-unsafe", 5))
    return results


def cookie_results(cookies):
    if not cookies:
        return [("cookies-not-found", 0)]
    for name, morsel in cookies.items():
        if not morsel["secure"]:
            return [("cookies-session-without-secure-flag" if SESSION_COOKIE.search(name) else "cookies-without-secure-flag", -40 if SESSION_COOKIE.search(name) else -20)]
        if SESSION_COOKIE.search(name) and not morsel["httponly"]:
            return [("cookies-session-without-httponly-flag", -30)]
        if ANTI_CSRF_COOKIE.search(name) and not morsel["samesite"]:
            return [("cookies-anticsrf-without-samesite-flag", -20)]
    if all(morsel["samesite"] for morsel in cookies.values()):
        return [("cookies-secure-with-httponly-sessions-and-samesite", 5)]
    return [("cookies-secure-with-httponly-sessions", 0)]


def hsts_results(header):
    match = re.search(r"max-age=(\d+)", header or "")
    if not match:
        return [("hsts-not-implemented", -20)]
    if int(match.group(1)) < SIX_MONTHS:
        return [("hsts-implemented-max-age-less-than-six-months", -10)]
    return [("hsts-implemented-max-age-at-least-six-months", 0)]


def frame_results(headers):
    if "frame-ancestors" in parse_csp(headers.get("Content-Security-Policy", "")):
        return [("x-frame-options-implemented-via-csp", 5)]
    if headers.get("X-Frame-Options", "").upper() in {"DENY", "SAMEORIGIN"}:
        return [("x-frame-options-sameorigin-or-deny", 0)]
    return [("x-frame-options-not-implemented", -20)]


def referrer_results(header):
    if not header:
        return [("referrer-policy-not-implemented", 0)]
    if header.split(",")[-1].strip().lower() in PRIVATE_REFERRER_POLICIES:
        return [("referrer-policy-private", 5)]
    return [("referrer-policy-unsafe", -5)]


def nosniff_results(header):
    if (header or "").lower() == "nosniff":
        return [("x-content-type-options-nosniff", 0)]
    return [("x-content-type-options-not-implemented", -5)]


def corp_results(header):
    if (header or "").lower() in {"same-origin", "same-site"}:
        return [("cross-origin-resource-policy-implemented-with-same-origin", 0)]
    return [("cross-origin-resource-policy-not-implemented", 0)]


def score(response):
    """(score, results) for a Django test response; each result is (name, modifier)."""
    headers = response.headers
    results = [
        *csp_results(headers.get("Content-Security-Policy")),
        *cookie_results(response.cookies),
        *hsts_results(headers.get("Strict-Transport-Security")),
        *frame_results(headers),
        *referrer_results(headers.get("Referrer-Policy")),
        *nosniff_results(headers.get("X-Content-Type-Options")),
        *corp_results(headers.get("Cross-Origin-Resource-Policy")),
    ]
    total = 100 + sum(modifier for _name, modifier in results if modifier < 0)
    if total >= 90:
        total += sum(modifier for _name, modifier in results if modifier > 0)
    return total, results


PRODUCTION_SECURITY_SETTINGS = re.compile(
    r"^(DEBUG|MIDDLEWARE|X_FRAME_OPTIONS|SECURE_.*|SESSION_COOKIE_.*|CSRF_COOKIE_.*|LANGUAGE_COOKIE_.*"
    r"|CONTENT_SECURITY_POLICY|ADMIN_CONTENT_SECURITY_POLICY|PERMISSIONS_POLICY|CROSS_ORIGIN_RESOURCE_POLICY)$"
)
INLINE_SCRIPT = re.compile(r"(?s)<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>")


def load_production_settings(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://testserver")
    monkeypatch.setenv("CLIENT_ADDRESS_HEADER", "X-Real-IP")
    monkeypatch.delenv("SECURE_SSL_REDIRECT", raising=False)
    monkeypatch.delenv("SECURE_COOKIES", raising=False)
    sys.modules.pop("cti_site.settings.production", None)
    module = importlib.import_module("cti_site.settings.production")
    sys.modules.pop("cti_site.settings.production", None)
    return module


@pytest.fixture
def production_headers(monkeypatch):
    module = load_production_settings(monkeypatch)
    values = {name: getattr(module, name) for name in dir(module) if PRODUCTION_SECURITY_SETTINGS.match(name)}
    with override_settings(**values):
        yield values


def sha256_source(script):
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(variable, monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    monkeypatch.setenv("ALLOWED_HOSTS", "cti.example.org")
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://cti.example.org")
    monkeypatch.setenv("CLIENT_ADDRESS_HEADER", "X-Real-IP")
    monkeypatch.delenv(variable)
    sys.modules.pop("cti_site.settings.production", None)
    with pytest.raises(ImproperlyConfigured, match=variable):
        importlib.import_module("cti_site.settings.production")
    sys.modules.pop("cti_site.settings.production", None)


def test_production_settings_are_strict(monkeypatch):
    production = load_production_settings(monkeypatch)
    assert production.DEBUG is False
    assert production.SECURE_HSTS_SECONDS >= 183 * 24 * 60 * 60
    assert production.SECURE_HSTS_PRELOAD and production.SECURE_SSL_REDIRECT
    assert production.SESSION_COOKIE_SECURE and production.SESSION_COOKIE_HTTPONLY
    assert production.CSRF_COOKIE_SECURE and production.LANGUAGE_COOKIE_SECURE


def test_ssl_redirect_can_be_switched_off_for_a_plain_http_run(monkeypatch):
    monkeypatch.setenv("SECURE_SSL_REDIRECT", "0")
    monkeypatch.setenv("SECURE_COOKIES", "0")
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    monkeypatch.setenv("ALLOWED_HOSTS", "127.0.0.1")
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "http://127.0.0.1")
    monkeypatch.setenv("CLIENT_ADDRESS_HEADER", "none")
    sys.modules.pop("cti_site.settings.production", None)
    production = importlib.import_module("cti_site.settings.production")
    sys.modules.pop("cti_site.settings.production", None)
    assert production.SECURE_SSL_REDIRECT is False
    assert production.SESSION_COOKIE_SECURE is False


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/ar/", "/en/about/", "/en/how-cti-can-help/advice-hub/"])
def test_public_pages_score_a_plus_without_penalty(client, production_headers, path):
    response = client.get(path, secure=True)
    assert response.status_code == 200
    total, results = score(response)
    penalties = [(name, modifier) for name, modifier in results if modifier < 0]
    assert penalties == []
    assert total >= 100, results


@pytest.mark.django_db
def test_public_pages_carry_every_security_header(client, production_headers):
    response = client.get("/en/", secure=True)
    assert "max-age=" in response["Strict-Transport-Security"] and "preload" in response["Strict-Transport-Security"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(client, production_headers):
    response = client.get("/en/about/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@pytest.mark.django_db
def test_health_probes_are_not_redirected_to_https(client, production_headers):
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/fr/about/history/", "/en/no-such-page/"])
def test_public_csp_is_strict_and_allows_each_inline_script_by_hash(client, path):
    response = client.get(path)
    policy = parse_csp(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'none'"]
    inline_scripts = INLINE_SCRIPT.findall(response.content.decode())
    for script in inline_scripts:
        assert sha256_source(script) in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_wagtail_admin_has_its_own_policy(client):
    policy = parse_csp(client.get("/admin/login/")["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    # Inline scripts only because Wagtail's panels and widgets still have some (tests/browser/test_admin_csp.py).
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
