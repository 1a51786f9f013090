"""Settings shared by every environment. Environment-specific modules import from here."""

import json
import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def client_address_header(value):
    """CLIENT_ADDRESS_HEADER's value: a header name such as X-Real-IP, or None for "none" (no proxy)."""
    value = value.strip()
    if value.lower() == "none":
        return None
    if not re.fullmatch(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", value):
        raise ImproperlyConfigured(
            f"CLIENT_ADDRESS_HEADER={value!r} is not a header name: name the header your proxy sets from the "
            "connection's address (e.g. X-Real-IP), or write CLIENT_ADDRESS_HEADER=none if there is no proxy."
        )
    return value


INSTALLED_APPS = [
    "pages",
    "resources",
    "search",
    "advice",
    "treaty_status",
    "operations",
    "staff_auth",
    "demo",
    "csp",
    "django_countries",
    # Before wagtail_localize: it adds "Submit for approval" to wagtail-localize's editor template.
    "translation_workflow",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads a request's body.
    "operations.middleware.PublicRequestBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "operations.middleware.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pages.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff_auth.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "operations.django_csp_workaround.SiteCSPMiddleware",
    "operations.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cti_site.urls"
WSGI_APPLICATION = "cti_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "operations.context_processors.cache_generation",
            ],
        },
    },
]

# SQLite unless DATABASE_URL says otherwise (PostgreSQL in production and CI).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Staff sign-in. django-axes counts failed logins per username and address (in the database, so
# every worker sees the same count) and locks that pair out for a while; `manage.py
# axes_reset_username <name>` (or `axes_reset`) lifts it early. It must come first.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "60")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "staff_auth.lockout.lockout_response"
# The same address as the advice form's rate limit (CLIENT_ADDRESS_HEADER below).
AXES_CLIENT_IP_CALLABLE = "operations.client_address.client_address"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Two-factor authentication (django-otp, time-based codes from an authenticator app): every staff
# member can turn it on under Account; with STAFF_TWO_FACTOR_REQUIRED (production's default) every
# staff member must set it up at their next sign-in. `manage.py reset_two_factor <name>` for a lost phone.
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = "CTI website"
# Only staff have accounts: private pages and documents send visitors to the admin's sign-in, which
# has the lock-out and the two-factor step (Wagtail's own front-end login page would be a second door).
LOGIN_URL = "wagtailadmin_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
# No page or document is ever protected by a shared password: only by login or staff group.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: five languages, English the default. Every URL carries its prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("pt", "Português"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Zurich"
LANGUAGE_COOKIE_NAME = "cti_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Convention against Torture Initiative"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "resources.LibraryDocument"
# Documents go through Django so privacy is enforced and the safe headers are set.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "epub", "rtf", "txt",
]
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Every document form (single and multiple upload, edit): the language preset from the uploader, the
# uploader's own collection rather than Root.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resources.document_forms.LibraryDocumentBaseForm"
# Background tasks (django-tasks). Wagtail's own small tasks (search index, reference index) keep
# running at once in the request ("default"); slow work such as a document's text goes to the
# "background" queue in the database, run by the worker (`manage.py run_worker`, see the README).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": os.environ.get("BACKGROUND_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")},
}
# A document's text is read in a process of its own, stopped after this many seconds and refused more
# memory than this: a crafted file cannot hold the worker.
DOCUMENT_TEXT_TIME_LIMIT = int(os.environ.get("DOCUMENT_TEXT_TIME_LIMIT", "60"))
DOCUMENT_TEXT_MEMORY_LIMIT_MB = int(os.environ.get("DOCUMENT_TEXT_MEMORY_LIMIT_MB", "512"))
# Form fields other than files, read into memory: well above the largest page the editors save,
# far below the uploads. Public URLs take at most PUBLIC_REQUEST_BODY_MAX_SIZE in all
# (operations.middleware.PublicRequestBodyLimitMiddleware; deploy/nginx.conf's client_max_body_size).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
PUBLIC_REQUEST_BODY_MAX_SIZE = 64 * 1024
# Wagtail's database backend; on PostgreSQL each language is stemmed with its own configuration.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin would send every staff member's email hash to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# "Translate this page" creates the new languages' pages as drafts, even for a live page: they go live
# once translated and approved, never as English copies under /ar/, /es/… (wagtail-localize's default
# is to copy the source page's live status).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in the translation editor: none by default, since this deployment has no
# outside network. To switch one on, e.g. MACHINE_TRANSLATOR_CLASS=
# wagtail_localize.machine_translators.deepl.DeepLTranslator and MACHINE_TRANSLATOR_OPTIONS='{"AUTH_KEY": "…"}'.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": os.environ["MACHINE_TRANSLATOR_CLASS"],
        "OPTIONS": json.loads(os.environ.get("MACHINE_TRANSLATOR_OPTIONS") or "{}"),
    }
    if os.environ.get("MACHINE_TRANSLATOR_CLASS")
    else None
)

# Secretariat contact shown in the footer and used for advice-hub notifications.
SECRETARIAT_EMAIL = os.environ.get("SECRETARIAT_EMAIL", "info@cti2024.org")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CTI <no-reply@cti2024.org>")

# Advice hub: retention of closed queries, and the per-address limit on submissions (counted in the
# default cache: atomic and shared between workers with Redis, per process with LocMemCache).
ADVICE_RETENTION_DAYS = int(os.environ.get("ADVICE_RETENTION_DAYS", "730"))
ADVICE_RATE_LIMIT = int(os.environ.get("ADVICE_RATE_LIMIT", "10"))
ADVICE_RATE_LIMIT_WINDOW = int(os.environ.get("ADVICE_RATE_LIMIT_WINDOW", "3600"))
ADVICE_MIN_FILL_SECONDS = int(os.environ.get("ADVICE_MIN_FILL_SECONDS", "3"))

# How the visitor's address is learnt, for the advice form's limit and the sign-in lock-out
# (operations/client_address.py): the header the proxy in front sets from the connection, e.g.
# CLIENT_ADDRESS_HEADER=X-Real-IP behind deploy/nginx.conf, or "none" when nothing is in front of
# gunicorn (REMOTE_ADDR). Production refuses to start unless it is stated.
CLIENT_ADDRESS_HEADER = client_address_header(os.environ.get("CLIENT_ADDRESS_HEADER", "").strip() or "none")
# The proxies (addresses or networks) whose header is believed. A request from any other peer, such
# as a client reaching gunicorn's port directly, is counted by its own address, whatever it sends.
CLIENT_ADDRESS_TRUSTED_PROXIES = env_list("CLIENT_ADDRESS_TRUSTED_PROXIES", "127.0.0.1,::1")

if os.environ.get("REDIS_URL"):
    REDIS_CACHE = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": os.environ["REDIS_URL"], "KEY_PREFIX": "cti"}
    CACHES = {"default": REDIS_CACHE, "counters": REDIS_CACHE}
else:
    # Without Redis, pages and fragments are cached in files that every process of the machine shares
    # (runserver or the gunicorn workers, and the background worker), so that a publication, scheduled
    # or not, purges what every process serves. Counters need atomic increments, which files cannot
    # give: they stay per process (README, Advice hub).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIRECTORY", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "counters": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        # Every request with a forged Host header is refused with a 400; one line each is noise, not an error.
        "django.security.DisallowedHost": {"level": "CRITICAL"},
    },
}

# Content-Security-Policy (django-csp). Public pages: nothing inline but base.html's one-line script,
# allowed by its hash rather than a nonce so that pages stay cacheable. The Wagtail admin is not
# strict-CSP compatible and gets its own policy (operations.django_csp_workaround.SiteCSPMiddleware).
BASE_INLINE_SCRIPT_HASH = "'sha256-pfgOMgfVZwm2ODyms34QYW9h8EwicylhV77q5LHK8c0='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'", BASE_INLINE_SCRIPT_HASH],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # 'unsafe-inline': Wagtail 8 still initialises inline panels, multiple choosers and date/time
        # widgets with inline <script>s whose text differs per form (no hash can name them), and
        # wagtail-localize's translation editor has one. No 'unsafe-eval': nothing in the admin needs it.
        "script-src": ["'self'", "'unsafe-inline'"],
        # Wagtail's and wagtail-localize's React components set style attributes.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'self'"],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# Whole-page cache for anonymous visitors (operations.middleware.PageCacheMiddleware), purged on
# publish. Browsers keep a page briefly because they cannot be purged; a CDN longer, as it is purged.
PAGE_CACHE_SERVER_SECONDS = int(os.environ.get("PAGE_CACHE_SERVER_SECONDS", "600"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("PAGE_CACHE_SHARED_SECONDS", "600"))
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "60"))

# CDN or proxy purge on publish (wagtail.contrib.frontend_cache): none unless configured, e.g.
# FRONTEND_CACHE_BACKEND=wagtail.contrib.frontend_cache.backends.HTTPBackend and
# FRONTEND_CACHE_LOCATION=http://127.0.0.1:8080 for nginx or Varnish.
WAGTAILFRONTENDCACHE = (
    {
        "default": {
            "BACKEND": os.environ["FRONTEND_CACHE_BACKEND"],
            "LOCATION": os.environ.get("FRONTEND_CACHE_LOCATION", ""),
        }
    }
    if os.environ.get("FRONTEND_CACHE_BACKEND")
    else {}
)
WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]
