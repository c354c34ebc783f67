"""
Settings for the test suite: the site's own settings, plus what only tests need.

Plain `pytest` in a fresh checkout must pass with no environment variables set, so everything a
test run needs that production must never have is here, in one place. `DATABASE_URL` still
chooses the database, so CI runs the same suite on SQLite and on PostgreSQL.
"""

import os

# The site refuses to start without a secret key when debug is off, which is right for production
# and for the settings tests, which start `manage.py` without this module.
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-never-used-in-production")

from almenbolig.settings import *  # noqa: F403

# Tests talk plain http to the test client and to the live server of the browser tests.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
COOKIE_CONSENT_SECURE = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False

# The manifest storage needs `collectstatic`; tests render templates straight from static/.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The production hasher is slow on purpose; tests create and log in clerks many times.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The pages' query counts include the archive's freshness on every request; the tests of keeping
# it briefly (tests/minutes/test_archive_freshness.py) turn this on.
ARCHIVE_FRESHNESS_SECONDS = 0

# Every counted view is written at once, so a test reads its counts right after the request; the
# tests of adding views up in memory (tests/visits/test_buffered_counting.py) turn this on.
VISITS_FLUSH_SECONDS = 0
