from django.urls import path

from . import views

app_name = "consent"

urlpatterns = [
    path("", views.policy, name="policy"),
    path("accepter/", views.accept, name="accept"),
    path("afvis/", views.decline, name="decline"),
]
