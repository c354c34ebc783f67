from django.http import Http404
from django.shortcuts import render

from minutes.caching import committee_page

from .models import Committee


@committee_page
def home(request):
    """The committee page: history, mandate, current members and the latest minutes."""
    committee = Committee.objects.prefetch_related("tasks").order_by("id").first()
    if committee is None:
        raise Http404("Udvalget findes ikke.")
    return render(
        request,
        "committee/home.html",
        {"committee": committee, "members": list(committee.current_members())},
    )
