from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Committee


class PagesSitemap(Sitemap):
    """The fixed pages: committee page, cookie policy and accessibility statement."""

    names = ["committee:home", "accessibility", "consent:policy"]

    def items(self):
        return self.names

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "committee:home" else 0.3

    def lastmod(self, item):
        if item == "committee:home":
            committee = Committee.objects.order_by("id").only("updated_at").first()
            return committee.updated_at if committee else None
        return None
