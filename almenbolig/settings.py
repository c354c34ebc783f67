"""
Settings for the Almenboligudvalg Hvidovre website.

Everything that differs between a laptop, CI and production is read from environment variables
here, in one place. Without any, the site runs on a SQLite file in the project folder.
"""

import os
import subprocess
import time
from pathlib import Path

import dj_database_url
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "cookie_consent",
    "committee",
    "minutes",
    "consent",
    "visits",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
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
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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

# One shared cache for all gunicorn workers when REDIS_URL is set; otherwise per process.
# "fragments" holds rendered page parts, keyed by what they show, so it can be flushed alone.
if os.environ.get("REDIS_URL"):
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": alias,
        }
        for alias in ("default", "fragments")
    }
else:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "fragments")
    }

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
SECURE_HSTS_PRELOAD = SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # 404s for probing bots are not news; keep the log for what matters.
        "django.request": {"level": "ERROR"},
    },
}
