from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("tjek-din-mail/", views.check_mail, name="check_mail"),
    path("bekraeft/<str:token>/", views.confirm, name="confirm"),
    path("indstillinger/<str:token>/", views.manage, name="manage"),
    path("afmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
