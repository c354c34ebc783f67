from django.urls import path, re_path, register_converter

from . import views
from .caching import archive_page
from .converters import IsoDateConverter
from .corrections import ATTACHMENT, MINUTES_PDF
from .feeds import CorrectionsFeed, LatestMinutesFeed

register_converter(IsoDateConverter, "isodate")

app_name = "minutes"

# The fixed names come first, so that "soeg", "rss", "rettelser" and "kalender.ics" never reach
# the date patterns. Anything else that is not a four-digit year or a real ISO date is a 404.
urlpatterns = [
    path("", views.MinutesArchiveView.as_view(), name="archive"),
    path("soeg/", views.search_page, name="search"),
    path("rss/", archive_page(LatestMinutesFeed()), name="feed"),
    path("kalender.ics", views.calendar_feed, name="calendar"),
    path("rettelser/", views.corrections, name="corrections"),
    path("rettelser/rss/", archive_page(CorrectionsFeed()), name="corrections_feed"),
    re_path(r"^(?P<year>[0-9]{4})/$", views.MinutesYearView.as_view(), name="year"),
    path("<isodate:date>/", views.meeting, name="meeting"),
    path("<isodate:date>/kalender.ics", views.meeting_calendar, name="meeting_calendar"),
    path("<isodate:date>/referat.pdf", views.meeting_pdf, name="meeting_pdf"),
    path("<isodate:date>/bilag/<int:pk>.pdf", views.attachment, name="attachment"),
    path("<isodate:date>/rettelser/", views.meeting_corrections, name="meeting_corrections"),
    path(
        "<isodate:date>/rettelser/referat-<int:record_id>.pdf",
        views.correction_file,
        {"kind": MINUTES_PDF},
        name="correction_pdf",
    ),
    path(
        "<isodate:date>/rettelser/bilag-<int:record_id>.pdf",
        views.correction_file,
        {"kind": ATTACHMENT},
        name="correction_attachment",
    ),
]
