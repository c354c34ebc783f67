from django.urls import path, re_path, register_converter

from . import views
from .caching import archive_page
from .converters import IsoDateConverter
from .feeds import LatestMinutesFeed

register_converter(IsoDateConverter, "isodate")

app_name = "minutes"

# The fixed names come first, so that "soeg", "rss" and "kalender.ics" never reach the date
# patterns. Anything else that is not a four-digit year or a real ISO date is a 404.
urlpatterns = [
    path("", views.MinutesArchiveView.as_view(), name="archive"),
    path("soeg/", views.search_page, name="search"),
    path("rss/", archive_page(LatestMinutesFeed()), name="feed"),
    path("kalender.ics", views.calendar_feed, name="calendar"),
    re_path(r"^(?P<year>[0-9]{4})/$", views.MinutesYearView.as_view(), name="year"),
    path("<isodate:date>/", views.meeting, name="meeting"),
    path("<isodate:date>/referat.pdf", views.meeting_pdf, name="meeting_pdf"),
    path("<isodate:date>/bilag/<int:pk>.pdf", views.attachment, name="attachment"),
]
