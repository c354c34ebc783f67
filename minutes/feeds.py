"""What people subscribe to: the RSS feeds of new minutes and of corrections, and the calendar."""

import datetime
import hashlib
import html

import icalendar
from django.contrib.syndication.views import Feed
from django.core.cache import caches
from django.db.models import F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, QueryDict
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags

from committee.models import Committee

from .caching import archive_last_modified, archive_version
from .corrections import published_corrections
from .models import UID_DOMAIN, AgendaItem, Meeting
from .presentation import long_date_time, meeting_title
from .search import Filters, Query, Results, SearchTimeout, time_limit


class ArchiveRssFeed(Rss201rev2Feed):
    """RSS 2.0 whose lastBuildDate, when no entry has a date (an empty feed), is the archive's last
    change and not the moment it was built: the same archive gives the same document."""

    def latest_post_date(self):
        if self.feed.get("archive_changed") and not any(
            item["pubdate"] or item["updateddate"] for item in self.items
        ):
            return self.feed["archive_changed"]
        return super().latest_post_date()


class ArchiveCachedFeed(Feed):
    """A Danish feed of the newest 30 entries, kept rendered until a meeting changes
    (`archive_version`). Entries are known by a guid that outlives a corrected date."""

    cache_name = "minutes-feed"
    feed_type = ArchiveRssFeed
    language = "da"
    item_guid_is_permalink = False
    size = 30

    def __call__(self, request, *args, **kwargs):
        # Feed readers poll all day: the rendered feed is kept until a meeting changes. The links
        # in it are absolute, so the host is part of the key.
        key = f"{self.cache_key(request)}:{request.get_host()}:{archive_version(request)}"
        cache = caches["fragments"]
        if cached := cache.get(key):
            content, headers = cached
            return HttpResponse(content, headers=headers)
        response = super().__call__(request, *args, **kwargs)
        headers = {
            name: response[name] for name in ("Content-Type", "Last-Modified") if name in response
        }
        cache.set(key, (response.content, headers), timeout=24 * 60 * 60)
        return response

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["archive_changed"] = archive_last_modified(request)
        return feed

    def cache_key(self, request):
        """What, besides the host and the archive's version, names this feed's rendered copy."""
        return self.cache_name


class LatestMinutesFeed(ArchiveCachedFeed):
    """The latest published minutes and agendas, newest publication first (RSS 2.0)."""

    link = reverse_lazy("minutes:archive")
    feed_url = reverse_lazy("minutes:feed")
    description_template = "minutes/feed_description.html"

    def title(self):
        return f"Referater fra {Committee.objects.current()}"

    def description(self):
        return f"Nye referater og dagsordener fra møderne i {Committee.objects.current()}."

    def items(self):
        return self.meetings(Meeting.objects.published())

    def meetings(self, queryset, published_at=None):
        """The newest `size` of these meetings, newest publication first, with their items."""
        published_at = published_at or F("first_published_at")
        open_or_closed = AgendaItem.objects.only("id", "meeting_id", "number", "title", "is_closed")
        return (
            queryset.select_related("committee")
            .defer("minutes_pdf_text", "remarks")
            .prefetch_related(Prefetch("items", queryset=open_or_closed))
            .order_by(published_at.desc(nulls_last=True), "-date")[: self.size]
        )

    def item_title(self, item):
        return meeting_title(item)

    def item_guid(self, item):
        return item.uid

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.updated_at


class NewMeetingsOfKindFeed(LatestMinutesFeed):
    """New agendas only, or new minutes only: each meeting dated when it was first published as
    that kind, so the minutes of a meeting whose agenda came earlier are news of their own."""

    kind = None

    def items(self):
        became_this_kind = (
            Meeting.history.filter(id=OuterRef("pk"), kind=self.kind, is_published=True)
            .order_by("history_date")
            .values("history_date")[:1]
        )
        published = (
            Meeting.objects.published()
            .filter(kind=self.kind)
            .annotate(published_as_kind=Coalesce(Subquery(became_this_kind), "first_published_at"))
        )
        return self.meetings(published, F("published_as_kind"))

    def item_pubdate(self, item):
        return item.published_as_kind


class NewAgendasFeed(NewMeetingsOfKindFeed):
    kind = Meeting.Kind.AGENDA
    cache_name = "minutes-agendas-feed"
    feed_url = reverse_lazy("minutes:agendas_feed")

    def title(self):
        return f"Dagsordener fra {Committee.objects.current()}"

    def description(self):
        return f"Nye dagsordener til møderne i {Committee.objects.current()}."


class NewMinutesFeed(NewMeetingsOfKindFeed):
    kind = Meeting.Kind.MINUTES
    cache_name = "minutes-minutes-feed"
    feed_url = reverse_lazy("minutes:minutes_feed")

    def title(self):
        return f"Referater fra {Committee.objects.current()} (kun referater)"

    def description(self):
        return f"Nye referater fra møderne i {Committee.objects.current()}, uden dagsordener."


class SearchFeed(ArchiveCachedFeed):
    """The newest meetings, items and files a search finds (`/referater/soeg/rss/?q=…`).

    A query that cannot be searched (empty, or nothing but signs) has no feed: a 404.
    """

    cache_name = "minutes-search-feed"
    description_template = None

    def get_object(self, request):
        query = Query.parse(request.GET.get("q", ""))
        if not query.is_searchable:
            raise Http404(query.problem or "Skriv, hvad søgningen skal finde: ?q=…")
        return query

    def cache_key(self, request):
        text = Query.parse(request.GET.get("q", "")).text
        return f"{self.cache_name}:{hashlib.sha256(text.encode()).hexdigest()[:24]}"

    def _with_query(self, url_name, query):
        params = QueryDict(mutable=True)
        params["q"] = query.text
        return f"{reverse(url_name)}?{params.urlencode()}"

    def title(self, query):
        return f"Søgning efter “{query.text}” i referaterne fra {Committee.objects.current()}"

    def description(self, query):
        return f"De nyeste møder, punkter og bilag, hvor der står “{query.text}”."

    def link(self, query):
        return self._with_query("minutes:search", query)

    def feed_url(self, query):
        return self._with_query("minutes:search_feed", query)

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except SearchTimeout:
            # As on the search page: a search the database gave up on holds no worker, and the
            # feed reader is told to come back rather than shown an empty feed.
            response = HttpResponse(
                "Søgningen tog for lang tid og blev afbrudt. Prøv igen om lidt.",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = "30"
            add_never_cache_headers(response)
            return response

    def items(self, query):
        """The hits of the newest matching meetings, each meeting's best first."""
        with time_limit():
            groups = Results(query, Filters(sort="dato"))[0 : self.size]
        found = []
        for group in groups:
            for hit in group.hits + group.more:
                hit.published_at = group.meeting.first_published_at
                hit.meeting_title = meeting_title(group.meeting)
                hit.guid = f"{hit.key}@{UID_DOMAIN}"
                found.append(hit)
        return found[: self.size]

    def item_title(self, hit):
        return f"{plain(hit.title_html)} ({hit.meeting_title})"

    def item_description(self, hit):
        return plain(hit.snippet_html)

    def item_link(self, hit):
        return hit.url

    def item_guid(self, hit):
        return hit.guid

    def item_pubdate(self, hit):
        return hit.published_at


def plain(marked_html):
    """A search hit's highlighted HTML as the plain text a feed's title holds."""
    return html.unescape(strip_tags(marked_html))


class CorrectionsFeed(ArchiveCachedFeed):
    """Corrections of the published minutes, newest first, with their before and after."""

    cache_name = "minutes-corrections-feed"
    link = reverse_lazy("minutes:corrections")
    feed_url = reverse_lazy("minutes:corrections_feed")
    description_template = "minutes/correction_feed_description.html"

    def title(self):
        return f"Rettelser i referaterne fra {Committee.objects.current()}"

    def description(self):
        return (
            "Alt, der er rettet i referaterne, efter at de blev offentliggjort, med teksten før "
            "og efter rettelsen."
        )

    def items(self):
        return published_corrections()[: self.size]

    def item_title(self, item):
        return f"Rettet {long_date_time(item.when)}: {meeting_title(item.meeting)}"

    def item_link(self, item):
        url = reverse("minutes:meeting_corrections", kwargs={"date": item.meeting.date})
        return f"{url}#{item.anchor}"

    def item_guid(self, item):
        return f"{item.anchor}-{item.meeting.pk}@{UID_DOMAIN}"

    def item_pubdate(self, item):
        return item.when


def meetings_calendar(committee, meetings, site_url, *, subscription=True):
    """The meetings as an iCalendar file (RFC 5545), as bytes.

    `site_url` is the scheme and host without a trailing slash. The events' times are in UTC,
    so the file needs no VTIMEZONE; calendars show them in their user's own time zone. A
    `subscription` (kalender.ics) names itself and says how often to poll; one meeting's own file
    does not, so that a calendar app adds its event to the user's calendar instead of offering a
    calendar of its own.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Hvidovre Kommune//{committee}//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if subscription:
        calendar.add("x-wr-calname", f"Møder i {committee}")
        calendar.add("x-wr-timezone", "Europe/Copenhagen")
        calendar.add("x-published-ttl", "PT12H")
        calendar.add(
            "refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"}
        )
    for meeting in meetings:
        calendar.add_component(meeting.as_ical_event(site_url))
    return calendar.to_ical()


def calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
