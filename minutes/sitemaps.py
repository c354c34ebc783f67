from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import AgendaItem, Meeting


class MeetingSitemap(Sitemap):
    """Every published meeting at its permalink."""

    priority = 0.7

    def items(self):
        return Meeting.objects.published().only("id", "date", "updated_at").order_by("-date")

    def lastmod(self, meeting):
        return meeting.updated_at


class AgendaItemSitemap(Sitemap):
    """Every open item of a published meeting at its own page; a closed item's page says nothing
    a crawler needs."""

    priority = 0.6

    def items(self):
        return (
            AgendaItem.objects.filter(meeting__is_published=True, is_closed=False)
            .select_related("meeting")
            .only("id", "number", "meeting__id", "meeting__date", "meeting__updated_at")
            .order_by("-meeting__date", "number")
        )

    def location(self, item):
        return reverse("minutes:item", kwargs={"date": item.meeting.date, "number": item.number})

    def lastmod(self, item):
        return item.meeting.updated_at


class MinutesArchiveSitemap(Sitemap):
    """The archive and each year that has published meetings, from one query."""

    priority = 0.5

    def items(self):
        years = list(
            Meeting.objects.published()
            .values_list("date__year")
            .annotate(latest=Max("updated_at"))
            .order_by("-date__year")
        )
        archive = (reverse("minutes:archive"), max((latest for _, latest in years), default=None))
        return [archive] + [(reverse("minutes:year", args=[y]), latest) for y, latest in years]

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]
