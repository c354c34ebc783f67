from django.urls import path

from . import views

app_name = "committee"

urlpatterns = [
    path("", views.home, name="home"),
]
