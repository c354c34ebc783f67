from django.contrib.syndication.views import Feed
from django.core.cache import caches
from django.db.models import F, Prefetch
from django.http import HttpResponse
from django.urls import reverse_lazy

from .models import AgendaItem, Meeting
from .presentation import meeting_title
from .views import archive_freshness


class LatestMinutesFeed(Feed):
    """The latest published minutes and agendas, newest publication first (RSS 2.0)."""

    title = "Referater fra Almenboligudvalg Hvidovre"
    description = "Nye referater og dagsordener fra møderne i Almenboligudvalg Hvidovre."
    link = reverse_lazy("minutes:archive")
    feed_url = reverse_lazy("minutes:feed")
    language = "da"
    description_template = "minutes/feed_description.html"
    item_guid_is_permalink = False
    size = 30

    def __call__(self, request, *args, **kwargs):
        # Feed readers poll all day: the rendered feed is kept until a meeting changes. The links
        # in it are absolute, so the host is part of the key.
        latest, count = archive_freshness(request)
        key = f"minutes-feed:{request.get_host()}:{count}:{latest.timestamp() if latest else 0}"
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
        # Stable when a clerk corrects the date (and so the link) of a meeting.
        return f"meeting-{item.pk}@almenbolig-hvidovre"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.updated_at
