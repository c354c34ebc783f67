"""What people subscribe to: the RSS feed of new minutes and the calendar of meetings."""

import icalendar
from django.contrib.syndication.views import Feed
from django.core.cache import caches
from django.db.models import F, Prefetch
from django.http import HttpResponse
from django.urls import reverse_lazy

from committee.models import Committee

from .caching import archive_version
from .models import AgendaItem, Meeting
from .presentation import meeting_title


class LatestMinutesFeed(Feed):
    """The latest published minutes and agendas, newest publication first (RSS 2.0)."""

    link = reverse_lazy("minutes:archive")
    feed_url = reverse_lazy("minutes:feed")
    language = "da"
    description_template = "minutes/feed_description.html"
    item_guid_is_permalink = False
    size = 30

    def __call__(self, request, *args, **kwargs):
        # Feed readers poll all day: the rendered feed is kept until a meeting changes. The links
        # in it are absolute, so the host is part of the key.
        key = f"minutes-feed:{request.get_host()}:{archive_version(request)}"
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


def meetings_calendar(committee, meetings, site_url):
    """The meetings as an iCalendar file (RFC 5545), as bytes.

    `site_url` is the scheme and host without a trailing slash. The events' times are in UTC,
    so the file needs no VTIMEZONE; calendars show them in their user's own time zone.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Hvidovre Kommune//{committee}//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Møder i {committee}")
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    calendar.add("x-published-ttl", "PT12H")
    for meeting in meetings:
        calendar.add_component(meeting.as_ical_event(site_url))
    return calendar.to_ical()
