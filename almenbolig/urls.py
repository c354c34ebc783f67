from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from committee.sitemaps import PagesSitemap
from minutes import opendata
from minutes.sitemaps import AgendaItemSitemap, MeetingSitemap, MinutesArchiveSitemap

from . import views

admin.site.site_header = "Almenboligudvalg Hvidovre – administration"
admin.site.site_title = "Almenboligudvalg Hvidovre"
admin.site.index_title = "Referater og indhold"

sitemaps = {
    "sider": PagesSitemap,
    "referater": MinutesArchiveSitemap,
    "moeder": MeetingSitemap,
    "punkter": AgendaItemSitemap,
}

urlpatterns = [
    path("", include("committee.urls")),
    path("referater/", include("minutes.urls")),
    path("cookies/", include("consent.urls")),
    path("abonnement/", include("alerts.urls")),
    path(
        "tilgaengelighed/",
        TemplateView.as_view(template_name="pages/accessibility.html"),
        name="accessibility",
    ),
    path("was", views.was, name="was"),
    path("data/", opendata.about, name="open_data"),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
]

handler500 = "almenbolig.views.server_error"
