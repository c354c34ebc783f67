from django.contrib.syndication.views import Feed
from django.db.models import F, Prefetch
from django.urls import reverse_lazy

from .models import AgendaItem, Meeting
from .presentation import meeting_title


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
