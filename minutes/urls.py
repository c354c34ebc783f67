from django.urls import path, re_path, register_converter

from . import opendata, views
from .caching import archive_page
from .converters import IsoDateConverter
from .corrections import ATTACHMENT, MINUTES_PDF
from .feeds import (
    CorrectionsFeed,
    LatestMinutesFeed,
    NewAgendasFeed,
    NewMinutesFeed,
    SearchFeed,
)

register_converter(IsoDateConverter, "isodate")

app_name = "minutes"

# The fixed names come first, so that "soeg", "rss", "rettelser", "kalender.ics", "data.json"
# and "beslutninger.csv" never reach the date patterns. Anything else that is not a four-digit
# year or a real ISO date is a 404.
urlpatterns = [
    path("", views.MinutesArchiveView.as_view(), name="archive"),
    path("soeg/", views.search_page, name="search"),
    path("soeg/rss/", archive_page(SearchFeed()), name="search_feed"),
    path("rss/", archive_page(LatestMinutesFeed()), name="feed"),
    path("rss/dagsordener/", archive_page(NewAgendasFeed()), name="agendas_feed"),
    path("rss/referater/", archive_page(NewMinutesFeed()), name="minutes_feed"),
    path("kalender.ics", views.calendar_feed, name="calendar"),
    path("rettelser/", views.corrections, name="corrections"),
    path("rettelser/rss/", archive_page(CorrectionsFeed()), name="corrections_feed"),
    path("data.json", opendata.archive_data, name="archive_data"),
    path("beslutninger.csv", opendata.decisions_csv, name="decisions_csv"),
    re_path(r"^(?P<year>[0-9]{4})/$", views.MinutesYearView.as_view(), name="year"),
    re_path(r"^(?P<year>[0-9]{4})/data\.json$", opendata.year_data, name="year_data"),
    path("<isodate:date>/", views.meeting, name="meeting"),
    path("<isodate:date>/billede.png", views.meeting_image, name="meeting_image"),
    path("<isodate:date>/punkt-<int:number>/", views.item, name="item"),
    path("<isodate:date>/punkt-<int:number>/billede.png", views.item_image, name="item_image"),
    path("<isodate:date>/data.json", opendata.meeting_data, name="meeting_data"),
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
