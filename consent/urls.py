from django.urls import path

from . import views

app_name = "consent"

urlpatterns = [
    path("", views.PolicyView.as_view(), name="policy"),
    path("accepter/", views.AcceptView.as_view(), name="accept"),
    path("afvis/", views.DeclineView.as_view(), name="decline"),
]
