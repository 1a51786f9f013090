"""Production: every secret from the environment, no insecure default.

Behind nginx, which terminates TLS and sets X-Forwarded-Proto. For a plain-HTTP run on loopback (the
benchmark), set SECURE_SSL_REDIRECT=0 and SECURE_COOKIES=0.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import CACHES, DATABASES, client_address_header, env_bool, env_list


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


DEBUG = False
SECRET_KEY = required_env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must list the site's host names in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Every link in the staff's emails (moderation, advice queries) starts with it: no guess from ALLOWED_HOSTS,
# whose first entry may be a loopback address.
WAGTAILADMIN_BASE_URL = required_env("WAGTAILADMIN_BASE_URL").rstrip("/")

# The rate limit and the sign-in lock-out count per visitor's address: guessing "no proxy" behind
# nginx would give every visitor nginx's address (one visitor's junk would close the advice form to
# all), so how the address is learnt must be stated.
if not os.environ.get("CLIENT_ADDRESS_HEADER", "").strip():
    raise ImproperlyConfigured(
        "The environment variable CLIENT_ADDRESS_HEADER must be set in production: the header your proxy sets "
        "from the visitor's address (X-Real-IP behind deploy/nginx.conf), or 'none' if visitors connect to "
        "gunicorn directly. ADVICE_CLIENT_IP_HEADER and LOGIN_CLIENT_IP_HEADER are no longer read."
    )
CLIENT_ADDRESS_HEADER = client_address_header(os.environ["CLIENT_ADDRESS_HEADER"])

# HTTPS, terminated by the proxy in front.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Probes of the load balancer speak plain HTTP to the backend.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Cookies: the session (staff only), the CSRF token and the visitor's language choice.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Every staff member signs in with a password and a code from an authenticator app.
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", True)

# Headers; the Content-Security-Policy, Permissions-Policy and CORP are set in base.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# A database or cache that stops answering must give a quick error, not a hung worker.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    CACHES["default"]["OPTIONS"] = {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}
    # The cache is an accelerator: when Redis is down, render pages rather than fail them.
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
