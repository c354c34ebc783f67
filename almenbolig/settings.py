"""
Settings for the Almenboligudvalg Hvidovre website.

Everything that differs between a laptop, CI and production is read from environment variables
here, in one place. Without any, the site runs on a SQLite file in the project folder.
"""

import datetime
import os
import subprocess
import time
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def release_id():
    """
    What names this release of the code, for HTTP validators and cached page parts: a new
    release must never be answered with a browser's or the cache's copy of the old markup.

    `DJANGO_RELEASE` as set at deploy time; else the checkout's git commit; else the moment this
    process started, which is never stale, only less often a cache hit.
    """
    if release := os.environ.get("DJANGO_RELEASE", "").strip():
        return release
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
        return found.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return f"start-{time.time_ns():x}"


DEBUG = env_bool("DJANGO_DEBUG")
RELEASE = release_id()

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Django's admin, whose site asks staff for their second factor (almenbolig.logins).
    "almenbolig.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "cookie_consent",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "committee",
    "minutes",
    "consent",
    "visits",
    "backups",
    "alerts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Headers on every response, static files included.
    "almenbolig.middleware.HeadersMiddleware",
    "almenbolig.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "almenbolig.middleware.AllowedMethodsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The visitor's cookie decision (request.consent), which the page-view count below reads.
    "consent.middleware.ConsentMiddleware",
    # Outside ConditionalGetMiddleware, so a 304 is not counted as a page view.
    "visits.middleware.PageViewMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session gave the second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "almenbolig.urls"

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
                "committee.context_processors.committee",
                "committee.context_processors.municipality",
            ],
        },
    },
]

WSGI_APPLICATION = "almenbolig.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A PostgreSQL server that does not answer must not hold a worker for the kernel's TCP timeout:
# psycopg gives up on the whole connection (TCP, TLS, PostgreSQL's start-up) after this many
# seconds (2 at the least, as libpq). After one that timed out, almenbolig.postgresql asks no more
# for DATABASE_RETRY_AFTER seconds: pages answer the Danish 503 at once, and the outage is logged
# once per that many seconds instead of once per request.
DATABASE_RETRY_AFTER = float(os.environ.get("DATABASE_RETRY_AFTER", "5"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "almenbolig.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DATABASE_CONNECT_TIMEOUT", "2")
    )

# A search that takes longer is cancelled by PostgreSQL (statement_timeout) and answered with a
# Danish message: a few heavy searches must not hold every worker.
SEARCH_TIMEOUT_MS = int(os.environ.get("SEARCH_TIMEOUT_MS", "2000"))
# How long the order of a search's meetings is kept in the shared cache (minutes.search.Results).
# Its key holds the archive's version, so a kept order is never stale: this only bounds the room
# that searches nobody repeats take. 0 searches every time.
SEARCH_RESULTS_SECONDS = int(os.environ.get("SEARCH_RESULTS_SECONDS", "900"))

# One shared cache for all gunicorn workers when REDIS_URL is set; otherwise per process.
# "fragments" holds rendered page parts, keyed by what they show, so it can be flushed alone.
# Redis is never a single point of failure: almenbolig.cache answers a Redis that is down,
# paused or slow as a cache miss within REDIS_TIMEOUT seconds, and logs a warning.
if os.environ.get("REDIS_URL"):
    CACHES = {
        alias: {
            "BACKEND": "almenbolig.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": alias,
            "OPTIONS": {"socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25"))},
        }
        for alias in ("default", "fragments")
    }
else:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "fragments")
    }
    # Whole pages too (minutes.page_cache), some 10-40 KB each: room for the pages people read.
    CACHES["fragments"]["OPTIONS"] = {"MAX_ENTRIES": 1000}

# How long an anonymous visitor's page is kept in the "fragments" cache. Its key changes when
# what it shows changes, so this only bounds the room that pages of old versions take; 0 turns
# the page cache off (every page is rendered, as for logged-in clerks).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# How long the archive's freshness (the latest change and number of meetings, which key every
# list page, feed and kept page, and under which the meeting a date shows is kept) is kept before
# it is counted anew; a clerk's change forgets it at once. Without Redis another worker process
# sees a change up to this much later; 0 counts (and looks up each meeting) on every request.
ARCHIVE_FRESHNESS_SECONDS = int(os.environ.get("ARCHIVE_FRESHNESS_SECONDS", "2"))

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if env_bool("DJANGO_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The municipality's public contact details, in every page's footer and the accessibility
# statement; the defaults are Hvidovre Kommune's own.
MUNICIPALITY = {
    "name": os.environ.get("MUNICIPALITY_NAME", "Hvidovre Kommune"),
    "address": os.environ.get("MUNICIPALITY_ADDRESS", "Hvidovrevej 57, 2650 Hvidovre"),
    "phone": os.environ.get("MUNICIPALITY_PHONE", "36 39 36 39"),
    "email": os.environ.get("MUNICIPALITY_EMAIL", "hvidovre@hvidovre.dk"),
    "website": os.environ.get("MUNICIPALITY_WEBSITE", "https://www.hvidovre.dk/"),
}

# The site's accessibility statement in the Agency for Digital Government's WAS-Tool, once it is
# made there (lov om webtilgængelighed § 4): /was redirects to it and the footer links to it.
# Until then /was serves the site's own statement.
WAS_STATEMENT_URL = os.environ.get("WAS_STATEMENT_URL", "").strip()
if WAS_STATEMENT_URL and not WAS_STATEMENT_URL.startswith("https://"):
    raise ImproperlyConfigured("WAS_STATEMENT_URL must be an https:// address of the WAS-Tool.")

# Uploaded minutes are served through views under stable names, never straight from MEDIA_URL.
MINUTES_MAX_UPLOAD_MB = int(os.environ.get("MINUTES_MAX_UPLOAD_MB", "25"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# Security. Behind a TLS-terminating proxy, production sets DJANGO_SECURE=1.
SECURE = env_bool("DJANGO_SECURE", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = SECURE and env_bool("DJANGO_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000 if SECURE else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
# Preloading binds every subdomain of the domain to HTTPS in browsers for months, beyond what
# this site can undo: only when the municipality asks for it.
SECURE_HSTS_PRELOAD = SECURE and env_bool("DJANGO_HSTS_PRELOAD")
# `check --deploy` warns that the site cannot be submitted to the preload list without it: that is
# the decision above, not an oversight.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Only staff have sessions. One ends after a working day without a request; each request starts
# the day again, so a clerk at work is never logged out in the middle of a meeting's minutes.
SESSION_COOKIE_AGE = int(float(os.environ.get("STAFF_SESSION_HOURS", "8")) * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True

# Logins (django-axes): after AXES_FAILURE_LIMIT failures for one user name from one address,
# further logins for that user name from that address are refused for LOGIN_LOCKOUT_MINUTES;
# every failure is logged. Never a user name for every address (anyone could lock a clerk out
# from anywhere), nor an address for every user name (a clerk who forgets a password would lock
# out the whole town hall behind its one address); nginx limits how fast one address may try.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "10")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "almenbolig.logins.lockout_response"
AXES_CLIENT_IP_CALLABLE = "almenbolig.addresses.client_ip"
# The codes typed are never stored with the failed attempt.
AXES_SENSITIVE_PARAMETERS = ["otp_token"]
# The proxies whose X-Real-IP is believed (nginx on the same machine); gunicorn reads the same.
TRUSTED_PROXIES = env_list("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# A second factor (TOTP, django-otp) is required of superusers; of clerks too when this is on.
ADMIN_OTP_FOR_CLERKS = env_bool("ADMIN_OTP_FOR_CLERKS")
OTP_TOTP_ISSUER = "Almenboligudvalg Hvidovre"

# Content-Security-Policy (django-csp). Public pages load nothing but the site's own files: no
# inline script or style (the JSON-LD block is data, which no policy blocks), no plugins, no
# <base>, forms only to the site, and no framing.
_PUBLIC_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF],
    "object-src": [NONE],
    "base-uri": [NONE],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _PUBLIC_DIRECTIVES}
# Django's admin (almenbolig.middleware picks it by URL): its own scripts and styles from the
# site, and the data: images of its widgets' icons; still no inline script or style.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_PUBLIC_DIRECTIVES, "img-src": [SELF, "data:"]},
}
# What a stored PDF may do in the browser: nothing. `sandbox` without exceptions makes it a unique
# origin with no scripts, forms or pop-ups, so nothing in a PDF ever runs as this site; Chromium's
# viewer still shows it (tests/e2e).
FILE_CONTENT_SECURITY_POLICY = (
    "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# Powerful browser features the site never uses, switched off for it and anything it embeds.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
# Other sites may link to pages and files, but not load them into theirs.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# Cookie consent (django-cookie-consent plus the consent app). The policy says silence is
# acceptance, which is the library's opt-out mode; CONSENT_SILENCE_IS_ACCEPTANCE=0 switches the
# site, the library's middleware and processor with it, to explicit opt-in.
COOKIE_CONSENT_OPT_OUT = env_bool("CONSENT_SILENCE_IS_ACCEPTANCE", default=True)
# Where a choice returns when the form's `next` is not a path on this site: the front page.
COOKIE_CONSENT_SUCCESS_URL = "/"
COOKIE_CONSENT_NAME = "cookie_consent"
COOKIE_CONSENT_MAX_AGE = 365 * 24 * 60 * 60
COOKIE_CONSENT_SECURE = SECURE
COOKIE_CONSENT_HTTPONLY = True
COOKIE_CONSENT_SAMESITE = "Lax"
COOKIE_CONSENT_LOG_ENABLED = True

# Mail (email alerts, `manage.py send_alerts`), under Django's own names. Without EMAIL_HOST
# nothing is sent: mails are written to the log (the console backend), for development.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# A mail server that does not answer must not hold `send_alerts` for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Almenboligudvalg Hvidovre <noreply@hvidovre.dk>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's address in mails sent outside a request (`send_alerts`): scheme and host, no slash.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/") or (
    f"{'https' if SECURE else 'http'}://{ALLOWED_HOSTS[0] if ALLOWED_HOSTS else 'localhost'}"
)
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured("SITE_URL must start with http:// or https://.")
# The subscribe form takes anyone's address: one client (an address, an IPv6 /64) may send it this
# many times an hour, and at most this many addresses wait to be confirmed at a time (unconfirmed
# ones are deleted after the link's 7 days). 0: no limit per client.
ALERTS_SUBSCRIPTIONS_PER_ADDRESS = int(os.environ.get("ALERTS_SUBSCRIPTIONS_PER_ADDRESS", "5"))
ALERTS_MAX_UNCONFIRMED = int(os.environ.get("ALERTS_MAX_UNCONFIRMED", "1000"))
# A meeting dated longer ago than this when it is first published (the archive being imported)
# is mailed to nobody; 0 mails about every meeting.
ALERTS_MAX_MEETING_AGE_DAYS = int(os.environ.get("ALERTS_MAX_MEETING_AGE_DAYS", "60"))

# How long the statistics keep a visitor's daily key, and the page counts per page and day
# (`manage.py prune_visits`, daily). Two years of page counts: the longest period the staff's
# report shows.
VISITS_VISITOR_RETENTION_DAYS = int(os.environ.get("VISITS_VISITOR_RETENTION_DAYS", "90"))
VISITS_PAGE_RETENTION_DAYS = int(os.environ.get("VISITS_PAGE_RETENTION_DAYS", str(2 * 366)))
# How many new visitors (without a visitor cookie the site issued) one address, or one IPv6 /64,
# may add to the statistics a day; past it, its requests are not counted. 0: no bound.
VISITS_NEW_VISITORS_PER_ADDRESS = int(os.environ.get("VISITS_NEW_VISITORS_PER_ADDRESS", "50"))
# Each process adds up its page views and writes them together at most this many seconds apart
# (visits.buffer), instead of one write per view; 0 writes every view at once.
VISITS_FLUSH_SECONDS = float(os.environ.get("VISITS_FLUSH_SECONDS", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "one_line": {"()": "almenbolig.log_filters.OneLine"},
        "reported_outage": {"()": "almenbolig.log_filters.ReportedOutage"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "quiet": {"class": "logging.StreamHandler", "filters": ["one_line"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # 404s for probing bots are not news; keep the log for what matters. A database that
        # cannot be reached is logged by almenbolig.postgresql, once per interval, not here once
        # per request.
        "django.request": {"level": "ERROR", "filters": ["reported_outage"]},
        # Every failed login and lockout is a warning; its start-up banner and chatter are not.
        "axes": {"level": "WARNING"},
        # Requests for other host names (bots, scanners): one line each, no traceback.
        "django.security.DisallowedHost": {
            "handlers": ["quiet"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
