"""The public side of the minutes: archive, year, meeting, PDFs, search and calendar.

Caching: public pages answer conditional requests from one cheap query (the latest change and
the number of meetings, or the one meeting's `updated_at`) before anything is rendered, and say
`Cache-Control: no-cache` so that browsers always ask. Logged-in users, and clerks previewing an
unpublished meeting above all, get neither validators nor a cacheable response.
"""

import functools
import hashlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode
from django.utils.text import slugify
from django.views.decorators.http import condition, require_safe
from django.views.decorators.vary import vary_on_cookie

from . import ical, presentation
from .models import Attachment, Meeting, MeetingRedirect
from .search import MAX_QUERY_LENGTH, Query, hits, search

MEETINGS_PER_PAGE = 50
# Danish letters spelled out, so that file names keep them readable: "Økonomi" → "oekonomi".
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
HITS_PER_PAGE = 20


# Who sees what ---------------------------------------------------------------------------------


def can_preview(request):
    """Clerks who may view meetings in admin also see unpublished ones, marked as a preview."""
    user = request.user
    return user.is_active and user.is_staff and user.has_perm("minutes.view_meeting")


def visible_meetings(request):
    return Meeting.objects.all() if can_preview(request) else Meeting.objects.published()


# HTTP validators -------------------------------------------------------------------------------


def _anonymous(request):
    return not request.user.is_authenticated


@functools.cache
def site_release():
    """
    A short digest of the site's own templates and static files, read once per process.

    Part of every ETag: after a release that changes the markup or the stylesheet, a browser's
    stored copy no longer matches, even though no meeting has changed.
    """
    roots = [
        Path(settings.BASE_DIR) / "templates",
        Path(settings.BASE_DIR) / "static",
        *(Path(app.path) / "templates" for app in apps.get_app_configs()),
    ]
    digest = hashlib.blake2s(digest_size=4)
    for root in roots:
        if root.is_dir() and root.is_relative_to(settings.BASE_DIR):
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _banner_marker(request):
    # The consent banner is part of the page: a visitor who has just accepted or refused must not
    # get a 304 for the copy that still shows it.
    consent = getattr(request, "consent", None)
    return "b" if consent is not None and consent.show_banner else "n"


def archive_freshness(request):
    # Every meeting counts, published or not: unpublishing one must change the archive too.
    # Memoised: the ETag and Last-Modified functions share one query.
    if not hasattr(request, "_minutes_archive_freshness"):
        request._minutes_archive_freshness = Meeting.objects.freshness()
    return request._minutes_archive_freshness


def _list_version(request):
    """A key that changes whenever any list of meetings could, for caching rendered lists."""
    latest, count = archive_freshness(request)
    return f"{count}-{latest.timestamp() if latest else 0}"


def archive_etag(request, *args, **kwargs):
    if not _anonymous(request):
        return None
    latest, count = archive_freshness(request)
    stamp = latest.timestamp() if latest else 0
    return f'W/"{count}-{stamp}-{_banner_marker(request)}-{site_release()}"'


def archive_last_modified(request, *args, **kwargs):
    return archive_freshness(request)[0] if _anonymous(request) else None


def _meeting_freshness(request, date):
    if not hasattr(request, "_minutes_meeting_freshness"):
        found = Meeting.objects.published().for_date(date).order_by("committee_id")
        request._minutes_meeting_freshness = found.values_list("pk", "updated_at").first()
    return request._minutes_meeting_freshness


def meeting_etag(request, date, **kwargs):
    # Browsers send If-None-Match whenever they hold an ETag, and then If-Modified-Since is
    # ignored: without a cheap ETag of its own the page would be rendered every time.
    if not _anonymous(request) or not (found := _meeting_freshness(request, date)):
        return None
    return f'W/"{found[0]}-{found[1].timestamp()}-{_banner_marker(request)}-{site_release()}"'


def meeting_last_modified(request, date, **kwargs):
    if not _anonymous(request) or not (found := _meeting_freshness(request, date)):
        return None
    return found[1]


def public_page(etag_func=None, last_modified_func=None):
    """Conditional GET for anonymous visitors; no caching at all for logged-in users."""

    def decorator(view):
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


archive_page = public_page(archive_etag, archive_last_modified)
meeting_page = public_page(meeting_etag, meeting_last_modified)


# Helpers ---------------------------------------------------------------------------------------


def paginate(request, object_list, per_page):
    """The requested page (?side=N); a page that is not a number or not there is a 404."""
    paginator = Paginator(object_list, per_page)
    number = request.GET.get("side") or 1
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404("Siden findes ikke.") from error


def find_meeting(request, date, queryset=None):
    """The meeting on `date` if the visitor may see it; else a 301 from an old date, or a 404.

    Returns (meeting, None) or (None, the meeting an old date now points to).
    """
    queryset = queryset if queryset is not None else Meeting.objects.all()
    if not can_preview(request):
        queryset = queryset.published()
    meeting = queryset.for_date(date).order_by("committee_id").first()
    if meeting is not None:
        return meeting, None
    moved = (
        MeetingRedirect.objects.filter(old_date=date, meeting__in=visible_meetings(request))
        .select_related("meeting")
        .only("meeting__id", "meeting__date")
        .order_by("committee_id")
        .first()
    )
    if moved is None:
        raise Http404("Der er ikke offentliggjort et møde på denne dato.")
    return None, moved.meeting


# Pages -----------------------------------------------------------------------------------------


@archive_page
def archive(request):
    """Published meetings, newest first, grouped by year, with year navigation."""
    page = paginate(request, Meeting.objects.published().for_listing(), MEETINGS_PER_PAGE)
    return render(
        request,
        "minutes/archive.html",
        {
            "page_obj": page,
            "years": Meeting.objects.published().years(),
            "list_version": _list_version(request),
        },
    )


@archive_page
def year(request, year):
    """One year's published meetings; a year without any is a 404."""
    years = Meeting.objects.published().years()
    if int(year) not in years:
        raise Http404("Der er ingen offentliggjorte møder fra dette år.")
    meetings = Meeting.objects.published().for_listing().filter(date__year=int(year))
    page = paginate(request, meetings, MEETINGS_PER_PAGE)
    return render(
        request,
        "minutes/year.html",
        {
            "page_obj": page,
            "years": years,
            "year": int(year),
            "list_version": _list_version(request),
        },
    )


@meeting_page
def meeting(request, date):
    """One meeting, laid out like the municipality's minutes; a preview for clerks."""
    found, moved = find_meeting(request, date, Meeting.objects.with_public_content())
    if moved:
        return HttpResponsePermanentRedirect(moved.get_absolute_url())
    participants = found.participants.all()
    context = {
        "meeting": found,
        "items": found.items.all(),
        "present": [p for p in participants if p.status == p.Status.PRESENT],
        "absent": [p for p in participants if p.status == p.Status.ABSENT],
        "is_preview": not found.is_published,
        "absolute_url": request.build_absolute_uri(found.get_absolute_url()),
        "summary": presentation.meeting_summary(found),
        "event": presentation.event_data(found, request),
    }
    return render(request, "minutes/meeting.html", context)


def file_slug(text):
    return slugify(text.translate(DANISH_LETTERS))


def _pdf_response(file_field, filename):
    try:
        handle = file_field.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("Filen findes ikke.") from error
    return FileResponse(handle, content_type="application/pdf", filename=filename)


@meeting_page
def meeting_pdf(request, date):
    """The minutes PDF under a stable name, whatever the stored file is called."""
    queryset = Meeting.objects.select_related("committee").only(
        "id", "date", "kind", "minutes_pdf", "is_published", "committee__name"
    )
    found, moved = find_meeting(request, date, queryset)
    if moved:
        return HttpResponsePermanentRedirect(moved.get_pdf_url())
    if not found.minutes_pdf:
        raise Http404("Mødet har ikke et referat som PDF.")
    filename = f"{found.kind}-{file_slug(found.committee.name)}-{found.date.isoformat()}.pdf"
    return _pdf_response(found.minutes_pdf, filename)


@meeting_page
def attachment(request, date, pk):
    """An attachment of an open item; a closed item's attachments are never served."""
    found, moved = find_meeting(request, date, Meeting.objects.only("id", "date", "is_published"))
    if moved:
        return HttpResponsePermanentRedirect(
            reverse("minutes:attachment", kwargs={"date": moved.date, "pk": pk})
        )
    item_file = (
        Attachment.objects.filter(pk=pk, item__meeting=found, item__is_closed=False)
        .select_related("item")
        .only("id", "title", "file", "item__number")
        .first()
    )
    if item_file is None:
        raise Http404("Bilaget findes ikke.")
    name = file_slug(item_file.title)[:60].strip("-") or item_file.pk
    filename = f"bilag-{item_file.item.number}-{name}.pdf"
    return _pdf_response(item_file.file, filename)


@archive_page
def search_page(request):
    """Full-text search over the published minutes, with helpful answers to odd queries."""
    query = Query.parse(request.GET.get("q", ""))
    context = {
        "query": query,
        "max_length": MAX_QUERY_LENGTH,
        "pagination_query": urlencode({"q": query.text}) + "&",
    }
    if query.is_searchable:
        page = paginate(request, search(query), HITS_PER_PAGE)
        context.update(page_obj=page, hits=hits(page.object_list, query))
    return render(request, "minutes/search.html", context)


@archive_page
def calendar_feed(request):
    """Published meetings as an iCalendar file, for calendar subscriptions."""
    meetings = (
        Meeting.objects.published()
        .select_related("committee")
        .only("id", "date", "start_time", "place", "kind", "updated_at", "committee__name")
        .order_by("-date")
    )
    body = ical.meetings_calendar(meetings, request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="almenboligudvalg-hvidovre.ics"'
    return response
