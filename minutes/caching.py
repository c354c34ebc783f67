"""
HTTP caching of the public minutes pages, in one place.

Public pages answer conditional requests from one cheap query before anything is rendered, and
say `Cache-Control: no-cache` so that browsers always ask. Logged-in users, and clerks previewing
an unpublished meeting above all, get neither validators nor a cacheable response.

Two versions name what a page shows:
- `archive_version()`: any list of meetings (archive, years, search, feed, calendar). It is the
  number of meetings and their latest change, published or not (unpublishing or deleting one must
  change the lists too), the day, and the release of the code. It is also the key under which
  rendered lists and the rendered feed are kept in the "fragments" cache.
- the meeting's own `updated_at`, which signals move forward whenever one of its items,
  attachments or participants is saved (`minutes.signals`). Which meeting a date shows, and its
  `updated_at`, is itself kept under the archive's version (`meeting_freshness`), which moves
  with every change to any meeting: a kept meeting page costs no query.

Every ETag also carries the release (`settings.RELEASE`), so a new release of the templates is
never answered with a stale copy, and what the cookie bar shows (the banner, the confirmation of
a choice just made, or nothing), so a visitor who has just chosen never gets the copy that still
asks, nor later the copy that confirms.

The same versions key the pages themselves in the shared cache (`minutes.page_cache`): an
anonymous visitor's HTML page is rendered once per URL, version, day, release and cookie bar
(banner or nothing), and served from there to every visitor until a meeting changes; the CSRF
token of the banner's forms is each visitor's own. A page that shows the confirmation of a choice
is rendered, as is every page for a logged-in user.
"""

import datetime
import functools
import hashlib

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import condition, require_safe
from django.views.decorators.vary import vary_on_cookie

from almenbolig.cache import forget_now_and_after_commit
from committee.models import Committee

from . import search
from .models import Meeting
from .page_cache import cached_for_visitors


def _anonymous(request):
    return not request.user.is_authenticated


# The archive's freshness is an aggregate over every meeting: at a whole archive's size (10,000
# meetings) it costs more than serving a kept page. It is kept in the shared cache for a moment,
# and forgotten at once whenever a meeting changes (`forget_archive_freshness`, called by
# `minutes.signals` for every save and delete that moves a meeting's `updated_at`). Without a
# shared cache another process may see a change this much later; a change made around the models
# (`update()` in a shell) shows after it too.
# `settings.ARCHIVE_FRESHNESS_SECONDS` says how long; 0 counts on every request.
FRESHNESS_KEY = "minutes:archive-freshness"


def archive_freshness():
    """(latest change, number of meetings): from the cache, or one aggregate kept briefly."""
    seconds = settings.ARCHIVE_FRESHNESS_SECONDS
    if not seconds:
        return Meeting.objects.freshness()
    return caches["fragments"].get_or_set(FRESHNESS_KEY, Meeting.objects.freshness, seconds)


def forget_archive_freshness():
    """A meeting changed: the next request counts anew, and once more after the commit (a
    request in between would otherwise keep what it counted before the change)."""
    forget_now_and_after_commit(caches["fragments"], FRESHNESS_KEY)


def _archive_freshness(request):
    """(latest change, number of meetings), looked up once per request however often asked."""
    if not hasattr(request, "_minutes_archive_freshness"):
        request._minutes_archive_freshness = archive_freshness()
    return request._minutes_archive_freshness


def archive_version(request):
    """
    A key that changes whenever any list of meetings could, or the code is released anew.

    The day is part of it: tomorrow, today's "Næste møde" is no longer next.
    """
    latest, count = _archive_freshness(request)
    stamp = latest.timestamp() if latest else 0
    return f"{count}-{stamp}-{timezone.localdate():%Y%m%d}-{settings.RELEASE}"


def _banner_marker(request):
    # The consent banner is part of the page: a visitor who has just accepted or refused must not
    # get a 304 for the copy that still shows it. The confirmation that follows a choice is a
    # message waiting to be shown (counted, not consumed): the page must be rendered to show it.
    consent = getattr(request, "consent", None)
    if consent is not None and consent.show_banner:
        # The banner's forms carry a CSRF token made from the browser's csrftoken cookie: a copy
        # made for another cookie, or for none (a browser whose cookies were cleared but not its
        # cache), would be refused with a 403 when the visitor answers.
        token = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
        return "b" + hashlib.sha256(token.encode()).hexdigest()[:10]
    return "c" if len(get_messages(request)) else "n"


def archive_etag(request, *args, **kwargs):
    if not _anonymous(request):
        return None
    return f'W/"{archive_version(request)}-{_banner_marker(request)}"'


def archive_last_modified(request, *args, **kwargs):
    return _archive_freshness(request)[0] if _anonymous(request) else None


# A meeting's freshness, (pk, updated_at) of the published meeting on a date or None, is kept in
# the shared cache under the archive's version: any change to any meeting moves that version (its
# latest change or its count), so a kept answer is never asked again after a change, and no
# second scheme of forgetting is needed. A kept page then costs no query at all. It is kept as
# long as a page is, and with the archive's freshness counted on every request
# (`ARCHIVE_FRESHNESS_SECONDS` = 0) it is looked up on every request too.


def meeting_freshness(request, date):
    """(pk, updated_at) of the published meeting on `date`, or None: kept, or one lookup."""
    if not settings.ARCHIVE_FRESHNESS_SECONDS:
        return _lookup_meeting_freshness(date)
    key = f"minutes:meeting-freshness:{date}:{archive_version(request)}"
    seconds = max(settings.PAGE_CACHE_SECONDS, settings.ARCHIVE_FRESHNESS_SECONDS)
    # None (no published meeting on that date: a 404 or a redirect) is kept too: get_or_set tells
    # it apart from nothing kept.
    return caches["fragments"].get_or_set(key, lambda: _lookup_meeting_freshness(date), seconds)


def _lookup_meeting_freshness(date):
    found = Meeting.objects.published().for_date(date).order_by("committee_id")
    return found.values_list("pk", "updated_at").first()


def _meeting_freshness(request, date):
    """The meeting's freshness, looked up once per request however often asked."""
    if not hasattr(request, "_minutes_meeting_freshness"):
        request._minutes_meeting_freshness = meeting_freshness(request, date)
    return request._minutes_meeting_freshness


def meeting_etag(request, date, **kwargs):
    # Browsers send If-None-Match whenever they hold an ETag, and then If-Modified-Since is
    # ignored: without a cheap ETag of its own the page would be rendered every time.
    if not _anonymous(request) or not (found := _meeting_freshness(request, date)):
        return None
    pk, updated_at = found
    return f'W/"{pk}-{updated_at.timestamp()}-{_banner_marker(request)}-{settings.RELEASE}"'


def meeting_last_modified(request, date, **kwargs):
    if not _anonymous(request) or not (found := _meeting_freshness(request, date)):
        return None
    return found[1]


def _committee_freshness(request):
    """When the committee page's own content (name, history, mandate, members) last changed,
    looked up once per request (kept briefly in the cache, `CommitteeManager.freshness`)."""
    if not hasattr(request, "_committee_freshness"):
        request._committee_freshness = Committee.objects.freshness()
    return request._committee_freshness


def committee_etag(request, *args, **kwargs):
    if not _anonymous(request):
        return None
    changed = _committee_freshness(request)
    stamp = changed.timestamp() if changed else 0
    return f'W/"{archive_version(request)}-{stamp}-{_banner_marker(request)}"'


def committee_last_modified(request, *args, **kwargs):
    if not _anonymous(request):
        return None
    changes = [_archive_freshness(request)[0], _committee_freshness(request)]
    return max((changed for changed in changes if changed), default=None)


# The page cache ------------------------------------------------------------------------------


def _cookie_bar(request):
    """
    What the cookie bar of a cached page shows: the banner (worded by the policy in force) or
    nothing. None when a message waits to be shown (the confirmation of a choice): that page is
    rendered, so that the message is shown once and taken.
    """
    if len(get_messages(request)):
        return None
    consent = getattr(request, "consent", None)
    if consent is not None and consent.show_banner:
        return "banner-silence" if consent.silence_is_acceptance else "banner-opt-in"
    return "none"


def _page_key(request, *versions):
    """The cache key of an anonymous visitor's page, or None if it is not to be shared."""
    if not _anonymous(request) or (cookie_bar := _cookie_bar(request)) is None:
        return None
    # The name on every page: kept in the cache by the committee app, forgotten when it changes.
    committee = Committee.objects.current()
    parts = (
        # Scheme, host, path and query: the page repeats its own address (the banner's "next",
        # the canonical link, the printed address).
        request.build_absolute_uri(),
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        cookie_bar,
        committee.updated_at.timestamp() if committee else 0,
        f"{timezone.localdate():%Y%m%d}",
        settings.RELEASE,
        *versions,
    )
    digest = hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()
    return f"page:{digest}"


def archive_page_key(request, *args, **kwargs):
    return _page_key(request, archive_version(request)) if _anonymous(request) else None


def meeting_page_key(request, date, *args, **kwargs):
    if not _anonymous(request) or not (found := _meeting_freshness(request, date)):
        # Not published (a 404) or moved (a redirect): nothing to keep.
        return None
    pk, updated_at = found
    return _page_key(request, pk, updated_at.timestamp())


def search_page_key(request, *args, **kwargs):
    """A page of search results: what a list's key holds, and the search table's generation,
    which `reindex_search` moves without any meeting changing."""
    if not _anonymous(request):
        return None
    return _page_key(request, archive_version(request), search.generation())


def committee_page_key(request, *args, **kwargs):
    if not _anonymous(request):
        return None
    changed = _committee_freshness(request)
    return _page_key(request, archive_version(request), changed.timestamp() if changed else 0)


# The decorators ------------------------------------------------------------------------------


def public_page(etag_func=None, last_modified_func=None, page_key_func=None):
    """
    Conditional GET for anonymous visitors; no caching at all for logged-in users.

    With `page_key_func`, an anonymous visitor's HTML page is also kept in the shared cache under
    the key it gives (`minutes.page_cache`); it is asked after the validators, so a 304 costs
    nothing more.
    """

    def decorator(view):
        if page_key_func is not None:
            view = cached_for_visitors(page_key_func)(view)
        conditional = condition(etag_func=etag_func, last_modified_func=last_modified_func)(view)

        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            response = conditional(request, *args, **kwargs)
            if request.user.is_authenticated:
                # Not even the feed's own Last-Modified: nothing here is answered from a cache.
                for validator in ("Last-Modified", "ETag"):
                    if response.has_header(validator):
                        del response[validator]
                add_never_cache_headers(response)
            else:
                patch_cache_control(response, no_cache=True)
            return response

        return require_safe(vary_on_cookie(wrapper))

    return decorator


archive_page = public_page(archive_etag, archive_last_modified, archive_page_key)
meeting_page = public_page(meeting_etag, meeting_last_modified, meeting_page_key)
committee_page = public_page(committee_etag, committee_last_modified, committee_page_key)
# Search results: a page per query, filters and page number. The searches people make are much
# the same ("budget", a street, an estate), so a repeated one is served from the cache; one cut
# off for taking too long (a 503) is never kept.
search_results_page = public_page(archive_etag, archive_last_modified, search_page_key)


# The calendar (kalender.ics) ------------------------------------------------------------------
# Calendar apps poll it all day and send no cookies: it is the same file for every visitor, so its
# validators leave out the cookie bar. Its window of past meetings moves at midnight without any
# meeting changing, so it counts as modified at the start of each day too.


def calendar_etag(request, *args, **kwargs):
    return f'W/"kalender-{archive_version(request)}"' if _anonymous(request) else None


def calendar_last_modified(request, *args, **kwargs):
    if not _anonymous(request):
        return None
    latest = _archive_freshness(request)[0]
    today = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))
    return max(latest, today) if latest else today


calendar_page = public_page(calendar_etag, calendar_last_modified)
