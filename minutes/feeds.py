"""What people subscribe to: the RSS feeds of new minutes and of corrections, and the calendar."""

import datetime

import icalendar
from django.contrib.syndication.views import Feed
from django.core.cache import caches
from django.db.models import F, Prefetch
from django.http import HttpResponse
from django.urls import reverse, reverse_lazy

from committee.models import Committee

from .caching import archive_version
from .corrections import published_corrections
from .models import UID_DOMAIN, AgendaItem, Meeting
from .presentation import long_date_time, meeting_title


class ArchiveCachedFeed(Feed):
    """A Danish feed of the newest 30 entries, kept rendered until a meeting changes
    (`archive_version`). Entries are known by a guid that outlives a corrected date."""

    cache_name = "minutes-feed"
    language = "da"
    item_guid_is_permalink = False
    size = 30

    def __call__(self, request, *args, **kwargs):
        # Feed readers poll all day: the rendered feed is kept until a meeting changes. The links
        # in it are absolute, so the host is part of the key.
        key = f"{self.cache_name}:{request.get_host()}:{archive_version(request)}"
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
        open_or_closed = AgendaItem.objects.only("id", "meeting_id", "number", "title", "is_closed")
        return (
            Meeting.objects.published()
            .select_related("committee")
            .defer("minutes_pdf_text", "remarks")
            .prefetch_related(Prefetch("items", queryset=open_or_closed))
            .order_by(F("first_published_at").desc(nulls_last=True), "-date")[: self.size]
        )

    def item_title(self, item):
        return meeting_title(item)

    def item_guid(self, item):
        return item.uid

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.updated_at


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
