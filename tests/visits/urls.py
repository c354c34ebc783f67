"""The site's URLs plus a page that belongs to a meeting, as another app may add one later."""

from django.http import HttpResponse
from django.urls import path

from almenbolig.urls import urlpatterns as site_urlpatterns


def agenda_item(request, date, number):
    return HttpResponse(f"<p>Punkt {number}</p>")


urlpatterns = [
    *site_urlpatterns,
    path("referater/<isodate:date>/punkt-<int:number>/", agenda_item, name="agenda_item"),
]
