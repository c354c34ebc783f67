"""
Which requests count as a page view, and the visitor cookie behind the count.

A page is what the URL resolver matched outside the admin and answered as HTML: feeds, files,
robots.txt and the health check are not HTML, and a path that matches no URL is no page, so no
app's paths are spelled here.

A visitor is counted under the visitor cookie, which the site issues and signs (Django's signing),
so that a visitor id a client makes up is no visitor: anyone can send the banner's cookie, or a
cookie of the right shape, with every request. A request without a cookie the site issued is a new
visitor, and one address (an IPv6 address's /64 network, which one household is given) gets at
most VISITS_NEW_VISITORS_PER_ADDRESS new visitors a day; past that its requests get no visitor
cookie and are not counted, until the next day.

A counted view is added to the process's buffer (visits.buffer), which writes the views of the
last few seconds together: one upsert per page and day, one insert-ignore of the day's new visitors'
hashes. With VISITS_FLUSH_SECONDS at 0 each view is written at once instead. A request that is not
counted costs no query at all.
"""

import logging
import re
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone
from django.utils.crypto import salted_hmac

from almenbolig.addresses import count_for_client

from .buffer import buffer
from .models import DailyVisitor, PageView

logger = logging.getLogger(__name__)

VISITOR_COOKIE = "besoeg"
VISITOR_COOKIE_MAX_AGE = 365 * 24 * 60 * 60
VISITOR_ID_RE = re.compile(r"^[A-Za-z0-9_-]{22}$")
VISITOR_COOKIE_SALT = "visits.visitor"
# How long a visitor stays marked as seen: the mark names its day, so it must outlast that day
# from its first view, which a day with a clock change stretches to 25 hours.
SEEN_TIMEOUT = 25 * 60 * 60

# The application namespace of every admin site's URLs (AdminSite.urls).
ADMIN_NAMESPACE = "admin"

# Only agents that say what they are: a browser that hides it is counted like any visitor.
BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|mediapartners|feedfetcher|"
    r"preview|monitor|pingdom|uptime|curl|wget|python-requests|httpx|go-http-client|libwww|"
    r"scrapy",
    re.IGNORECASE,
)


def is_public_page(request):
    """Whether the URL resolver matched the request to a view of the site outside the admin."""
    match = request.resolver_match
    return match is not None and ADMIN_NAMESPACE not in match.app_names


def is_bot(request):
    return bool(BOT_RE.search(request.headers.get("User-Agent", "")))


def is_countable(request, response):
    """A page a person reads: an HTML GET of a public page, answered 200, to a browser."""
    return (
        request.method == "GET"
        and response.status_code == 200
        and not getattr(response, "streaming", False)
        and response.get("Content-Type", "").startswith("text/html")
        and is_public_page(request)
        and len(request.path) <= PageView.PATH_MAX_LENGTH
        and not is_bot(request)
        # A page at a personal link (the email alerts' confirm, manage and unsubscribe links):
        # its path names a person, and the statistics keep paths for ever.
        and not getattr(response, "is_personal", False)
    )


def visitor_id_from(request):
    """The visitor id from the statistics cookie, or None if it is missing or not one the site
    issued: its signature is checked."""
    try:
        value = signing.Signer(salt=VISITOR_COOKIE_SALT).unsign(
            request.COOKIES.get(VISITOR_COOKIE, "")
        )
    except signing.BadSignature:
        return None
    return value if VISITOR_ID_RE.match(value) else None


def new_visitor_id():
    return secrets.token_urlsafe(16)


def may_add_visitor(request, day=None):
    """
    Whether this request's address may add one more new visitor today; counts it if so.

    The count lives in the shared cache under a key made from the day and the address with the
    secret key, so the address itself is never stored. Without the cache's answer (Redis down)
    no new visitor is added: the statistics undercount rather than take any number.
    """
    limit = settings.VISITS_NEW_VISITORS_PER_ADDRESS
    if not limit:
        return True
    day = (day or timezone.localdate()).isoformat()
    return count_for_client(
        request, "visits:new", day, limit=limit, timeout=SEEN_TIMEOUT, unknown=False
    )


def visitor_hash(visitor_id, day):
    """
    The key a visitor is counted under on one day.

    Keyed with the day and the secret key, so the database can tell visitors apart within a day
    but cannot follow one visitor from one day to the next, nor be matched to the cookie.
    """
    # The salt keeps the name the statistics had in the consent app: a new salt would give every
    # visitor a new key in the middle of a day and count them twice.
    return salted_hmac(
        "consent.statistics.visitor", f"{day.isoformat()}:{visitor_id}", algorithm="sha256"
    ).hexdigest()


def set_visitor_cookie(response, visitor_id):
    # HTTPS-only exactly when the consent cookie that governs it is.
    response.set_cookie(
        VISITOR_COOKIE,
        signing.Signer(salt=VISITOR_COOKIE_SALT).sign(visitor_id),
        max_age=VISITOR_COOKIE_MAX_AGE,
        path="/",
        secure=settings.COOKIE_CONSENT_SECURE,
        httponly=True,
        samesite="Lax",
    )


def record_view(path, visitor_id):
    """Count a view of path by visitor_id today; a database hiccup never breaks the page."""
    day = timezone.localdate()
    key = visitor_hash(visitor_id, day)
    # The cache spares the insert-ignore on every view after a visitor's first of the day, in
    # every process: a visitor is noted once, by the process that first marks them seen.
    seen_key = f"visits:visitor:{key}"
    if settings.VISITS_FLUSH_SECONDS > 0:
        first_today = cache.add(seen_key, True, timeout=SEEN_TIMEOUT)
        buffer.add(day, path, key if first_today else None, seen_key)
        return
    try:
        PageView.objects.record(day, path)
        if cache.add(seen_key, True, timeout=SEEN_TIMEOUT):
            DailyVisitor.objects.record(day, key)
    except DatabaseError:
        cache.delete(seen_key)
        logger.warning("Could not count a view of %s", path, exc_info=True)
