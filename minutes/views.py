"""The public side of the minutes: archive, year, meeting, PDFs, corrections, search and calendar.

HTTP caching (validators, no caching for clerks) is `minutes.caching`'s job; every public view
here is wrapped in one of its decorators.
"""

import functools

from django.core.cache import caches
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.views.generic.dates import ArchiveIndexView, YearArchiveView

from committee.models import Committee

from . import presentation, preview
from .caching import (
    archive_page,
    archive_version,
    calendar_page,
    meeting_page,
    search_results_page,
)
from .corrections import corrections_for, published_corrections
from .feeds import calendar_response, meetings_calendar
from .models import (
    ICAL_EVENT_FIELDS,
    AgendaItem,
    Attachment,
    Meeting,
    MeetingRedirect,
    public_item_content,
)
from .pdf import pdf_response
from .search import MAX_QUERY_LENGTH, Filters, Query, Results, SearchTimeout, time_limit

MEETINGS_PER_PAGE = 50
# Item numbers are small integers in the database; a larger number in a URL is simply not there.
MAX_ITEM_NUMBER = 32767
# Danish letters spelled out, so that file names keep them readable: "Økonomi" → "oekonomi".
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
MEETINGS_PER_SEARCH_PAGE = 10
SEARCH_YEARS_SECONDS = 24 * 60 * 60
CORRECTIONS_PER_PAGE = 20
# A rendered calendar is renewed by `archive_version` anyway; this only frees the memory.
CALENDAR_CACHE_SECONDS = 24 * 60 * 60


# Who sees what ---------------------------------------------------------------------------------


def can_preview(request):
    """Clerks who may view meetings in admin also see unpublished ones, marked as a preview."""
    user = request.user
    return user.is_active and user.is_staff and user.has_perm("minutes.view_meeting")


# Helpers ---------------------------------------------------------------------------------------


def paginate(request, object_list, per_page):
    """The requested page (?side=N); a page that is not a number or not there is a 404."""
    paginator = Paginator(object_list, per_page)
    number = request.GET.get("side") or 1
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404("Siden findes ikke.") from error


class MeetingMoved(Exception):
    """The meeting asked for by an old date is now on another: the same page at that date."""

    def __init__(self, request, meeting):
        super().__init__(meeting.date)
        match = request.resolver_match
        self.url = reverse(match.view_name, kwargs={**match.kwargs, "date": meeting.date})


def meeting_view(view):
    """
    A page of one meeting: `meeting_page`'s caching, and a 301 to the same page at the meeting's
    new date when `find_meeting` finds that the date asked for is an old one (`MeetingMoved`).

    The redirect is answered inside the caching decorators, so it says `no-cache` like the page
    itself: a date a clerk later gives back to another meeting must not stay redirected in the
    browsers that once followed it.
    """

    @functools.wraps(view)
    def follows_moves(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except MeetingMoved as moved:
            return HttpResponsePermanentRedirect(moved.url)

    return meeting_page(follows_moves)


def find_meeting(request, date, queryset=None, *, previewable=True):
    """The meeting on `date` if the visitor may see it; else `MeetingMoved` from an old date
    (answered by `meeting_view` with a 301), or a 404.

    Clerks see unpublished meetings too, unless `previewable` is off (open data: never drafts).
    """
    queryset = queryset if queryset is not None else Meeting.objects.all()
    preview = previewable and can_preview(request)
    if not preview:
        queryset = queryset.published()
    meeting = queryset.for_date(date).order_by("committee_id").first()
    if meeting is not None:
        return meeting
    moved = (
        MeetingRedirect.objects.filter(
            old_date=date,
            meeting__in=Meeting.objects.all() if preview else Meeting.objects.published(),
        )
        .select_related("meeting")
        .only("meeting__id", "meeting__date")
        .order_by("committee_id")
        .first()
    )
    if moved is None:
        raise Http404("Der er ikke offentliggjort et møde på denne dato.")
    raise MeetingMoved(request, moved.meeting)


# Pages -----------------------------------------------------------------------------------------


class PublishedMeetingsMixin:
    """The published meetings as a list, newest first, the way every list of them pages."""

    date_field = "date"
    # An agenda for a meeting still to come is published before its date.
    allow_future = True
    paginate_by = MEETINGS_PER_PAGE
    page_kwarg = "side"

    def get_queryset(self):
        return Meeting.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        # Rendered lists are kept in the fragments cache under this version (see the templates);
        # pagination links carry nothing but the page number, whatever else a link carried.
        return super().get_context_data(
            list_version=archive_version(self.request), page_query=QueryDict(), **kwargs
        )


@method_decorator(archive_page, name="dispatch")
class MinutesArchiveView(PublishedMeetingsMixin, ArchiveIndexView):
    """Published meetings, newest first, grouped by year, with year navigation."""

    allow_empty = True
    template_name = "minutes/archive.html"


@method_decorator(archive_page, name="dispatch")
class MinutesYearView(PublishedMeetingsMixin, YearArchiveView):
    """One year's published meetings; a year without any is a 404."""

    make_object_list = True
    # Set so that the view makes no queries for the next and previous year; a year without
    # meetings is still a 404 (get_date_list).
    allow_empty = True
    template_name = "minutes/year.html"

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        """Every year with published meetings (for the year navigation), newest first.

        One query serves both the navigation and the 404 for a year without meetings.
        """
        years = list(self.get_queryset().dates("date", "year", order="DESC"))
        if int(self.get_year()) not in (day.year for day in years):
            raise Http404("Der er ingen offentliggjorte møder fra dette år.")
        return years


@meeting_view
def meeting(request, date):
    """One meeting, laid out like the municipality's minutes; a preview for clerks."""
    found = find_meeting(request, date, Meeting.objects.with_public_content())
    participants = found.participants.all()
    items = found.items.all()
    for agenda_item in items:
        url = reverse("minutes:item", kwargs={"date": found.date, "number": agenda_item.number})
        agenda_item.citation = presentation.citation(
            found, request.build_absolute_uri(url), agenda_item
        )
    context = {
        **meeting_context(request, found),
        "items": items,
        "present": [p for p in participants if p.status == p.Status.PRESENT],
        "absent": [p for p in participants if p.status == p.Status.ABSENT],
        "summary": presentation.meeting_summary(found),
        "event": presentation.event_data(found, request),
    }
    return render(request, "minutes/meeting.html", context)


def meeting_context(request, meeting, item=None):
    """What the meeting page and an item's page both say of the meeting: its link preview
    picture, whether it is a preview, and the citation."""
    if item is None:
        url = meeting.get_absolute_url()
        image_url = reverse("minutes:meeting_image", kwargs={"date": meeting.date})
    else:
        kwargs = {"date": meeting.date, "number": item.number}
        url = reverse("minutes:item", kwargs=kwargs)
        image_url = reverse("minutes:item_image", kwargs=kwargs)
    absolute_url = request.build_absolute_uri(url)
    return {
        "meeting": meeting,
        "is_preview": not meeting.is_published,
        "absolute_url": absolute_url,
        "image_url": request.build_absolute_uri(image_url),
        "image_alt": presentation.meeting_title(meeting)
        if item is None
        else f"Punkt {item.number}: {item.public_title} – {presentation.meeting_title(meeting)}",
        "citation": presentation.citation(meeting, absolute_url, item),
    }


@meeting_view
def item(request, date, number):
    """One agenda item on its own page, with its meeting's facts: for citing and sharing.

    A closed item's page shows what the meeting page shows of it, and nothing more.
    """
    queryset = Meeting.objects.select_related("committee").defer(
        "minutes_pdf_text", "import_report"
    )
    found = find_meeting(request, date, queryset)
    agenda_item = None
    if number <= MAX_ITEM_NUMBER:
        agenda_item = (
            AgendaItem.objects.filter(meeting=found, number=number)
            .prefetch_related(*public_item_content())
            .first()
        )
    if agenda_item is None:
        raise Http404("Mødet har ikke et punkt med dette nummer.")
    context = {
        **meeting_context(request, found, agenda_item),
        "item": agenda_item,
        "summary": presentation.item_summary(agenda_item, found),
    }
    return render(request, "minutes/item.html", context)


def png_response(png):
    response = HttpResponse(png, content_type="image/png")
    # Link previews are fetched by other sites' servers: the picture may be shown anywhere.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@meeting_view
def meeting_image(request, date):
    """The meeting's link preview picture (PNG, 1200×630)."""
    found = find_meeting(request, date, Meeting.objects.select_related("committee"))
    return png_response(preview.picture(found))


@meeting_view
def item_image(request, date, number):
    """An item's link preview picture: a closed item's says "Lukket punkt" and nothing else."""
    found = find_meeting(request, date, Meeting.objects.select_related("committee"))
    agenda_item = None
    if number <= MAX_ITEM_NUMBER:
        agenda_item = (
            AgendaItem.objects.filter(meeting=found, number=number)
            .only("id", "number", "title", "is_closed")
            .first()
        )
    if agenda_item is None:
        raise Http404("Mødet har ikke et punkt med dette nummer.")
    return png_response(preview.picture(found, agenda_item))


def file_slug(text):
    return slugify(text.translate(DANISH_LETTERS))


@meeting_view
def meeting_pdf(request, date):
    """The minutes PDF under a stable name, whatever the stored file is called."""
    queryset = Meeting.objects.select_related("committee").only(
        "id", "date", "kind", "minutes_pdf", "is_published", "committee__name"
    )
    found = find_meeting(request, date, queryset)
    if not found.minutes_pdf:
        raise Http404("Mødet har ikke et referat som PDF.")
    filename = f"{found.kind}-{file_slug(found.committee.name)}-{found.date.isoformat()}.pdf"
    return pdf_response(found.minutes_pdf, filename)


@meeting_view
def attachment(request, date, pk):
    """An attachment of an open item; a closed item's attachments are never served."""
    found = find_meeting(request, date, Meeting.objects.only("id", "date", "is_published"))
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
    return pdf_response(item_file.file, filename)


@meeting_view
def meeting_corrections(request, date):
    """Every correction of one meeting since it was first published, newest first."""
    queryset = Meeting.objects.select_related("committee").defer(
        "minutes_pdf_text", "import_report"
    )
    found = find_meeting(request, date, queryset)
    context = {
        "meeting": found,
        "corrections": corrections_for([found]),
        "is_preview": not found.is_published,
    }
    return render(request, "minutes/meeting_corrections.html", context)


@meeting_view
def correction_file(request, date, kind, record_id):
    """A file a correction shows, before or after: served only if the corrections link to it."""
    queryset = Meeting.objects.only("id", "date", "is_published", "committee_id")
    found = find_meeting(request, date, queryset)
    files = {}
    for correction in corrections_for([found]):
        files.update(correction.files())
    name = files.get((kind, record_id))
    if name is None:
        raise Http404("Filen hører ikke til mødets rettelser.")
    field_file = Meeting(minutes_pdf=name).minutes_pdf
    return pdf_response(field_file, f"{kind}-{found.date.isoformat()}-version-{record_id}.pdf")


@archive_page
def corrections(request):
    """Every correction of the published minutes, newest first."""
    page = paginate(request, published_corrections(), CORRECTIONS_PER_PAGE)
    context = {"page_obj": page, "corrections": page.object_list, "page_query": QueryDict()}
    return render(request, "minutes/corrections.html", context)


def date_jump(day, years):
    """For a query that is a date: the published meeting on it, or where to look instead."""
    found = (
        Meeting.objects.published()
        .for_date(day)
        .select_related("committee")
        .only("id", "date", "kind", "committee__name")
        .order_by("committee_id")
        .first()
    )
    return {
        "date": presentation.long_date(day),
        "meeting": found,
        "title": presentation.meeting_title(found) if found else "",
        "year": day.year,
        "year_url": reverse("minutes:year", kwargs={"year": day.year}) if day.year in years else "",
    }


@search_results_page
def search_page(request):
    """Full-text search over the published minutes, grouped by meeting, with filters and sort.

    A query that is a date leads to that meeting; a search the database gives up on (the
    statement timeout) is answered with a Danish message and 503, never a waiting worker.
    """
    query = Query.parse(request.GET.get("q", ""))
    # The years for the filter, kept with the rendered lists until any meeting changes.
    years = caches["fragments"].get_or_set(
        f"minutes_search_years:{archive_version(request)}",
        lambda: Meeting.objects.published().years(),
        SEARCH_YEARS_SECONDS,
    )
    filters = Filters.from_request(request.GET, years)
    page_query = QueryDict(mutable=True)
    page_query["q"] = query.text
    page_query.update(filters.as_params())
    context = {
        "query": query,
        "max_length": MAX_QUERY_LENGTH,
        "page_query": page_query,
        "filters": filters,
        # As text: a number in a template is localised, which costs at a few hundred years.
        "years": [str(year) for year in years],
        "chosen_year": str(filters.year or ""),
        "kinds": Filters.KINDS,
        "sorts": Filters.SORTS,
    }
    status = 200
    if query.is_searchable:
        if day := query.date:
            context["date_jump"] = date_jump(day, years)
        try:
            with time_limit():
                results = Results(query, filters, version=archive_version(request))
                page = paginate(request, results, MEETINGS_PER_SEARCH_PAGE)
                context.update(page_obj=page, groups=page.object_list, hit_count=results.hits)
        except SearchTimeout:
            context["timed_out"] = True
            status = 503
    response = render(request, "minutes/search.html", context, status=status)
    if status == 503:
        # Not to be kept by any cache: the same search may well answer in a moment.
        add_never_cache_headers(response)
        response["Retry-After"] = "30"
    return response


@calendar_page
def calendar_feed(request):
    """The coming meetings and the last year's as an iCalendar file, for calendar subscriptions.

    Calendar apps poll it all day: the file is kept rendered until a meeting changes or the day
    does (`archive_version`), so a poll costs the validators' one query, or a 304. Its links are
    absolute, so the scheme and host are part of the key.
    """
    site_url = request.build_absolute_uri("/").rstrip("/")
    key = f"minutes-calendar:{site_url}:{archive_version(request)}"
    cache = caches["fragments"]
    committee = Committee.objects.current()
    body = cache.get(key)
    if body is None:
        body = meetings_calendar(committee, Meeting.objects.for_calendar(), site_url)
        cache.set(key, body, timeout=CALENDAR_CACHE_SECONDS)
    return calendar_response(body, file_slug(str(committee)))


@meeting_view
def meeting_calendar(request, date):
    """One published meeting as an iCalendar file, to add to one's own calendar."""
    queryset = Meeting.objects.published().select_related("committee").only(*ICAL_EVENT_FIELDS)
    found = find_meeting(request, date, queryset)
    site_url = request.build_absolute_uri("/").rstrip("/")
    body = meetings_calendar(found.committee, [found], site_url, subscription=False)
    return calendar_response(body, f"{file_slug(found.committee.name)}-{found.date.isoformat()}")
