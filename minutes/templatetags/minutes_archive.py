"""The minutes as parts of other apps' pages, so that those apps never import the minutes."""

from django import template
from django.utils import timezone

from minutes.models import Meeting

register = template.Library()

NEXT_MEETINGS = 3


def upcoming_agendas(meetings):
    """The meetings still to come whose agenda is published, soonest first, from a list of
    meetings newest first (future ones on top), so that no page pays a query for them."""
    today = timezone.localdate()
    coming = [m for m in meetings if m.date >= today and m.kind == Meeting.Kind.AGENDA]
    return sorted(coming, key=lambda meeting: meeting.date)[:NEXT_MEETINGS]


@register.inclusion_tag("minutes/includes/latest_minutes.html")
def latest_minutes(committee, count=10):
    """The committee's latest published minutes and agendas, newest first, with a link to all,
    and the coming meetings among them as "Næste møde"."""
    meetings = list(Meeting.objects.published().filter(committee=committee).for_listing()[:count])
    return {
        "latest_meetings": meetings,
        "next_meetings": upcoming_agendas(meetings),
        "heading_level": 3,
    }


@register.inclusion_tag("minutes/includes/next_meetings.html")
def next_meetings(meetings, heading_level=2):
    """ "Næste møde": the coming meetings with a published agenda, from a list newest first."""
    return {"next_meetings": upcoming_agendas(meetings), "heading_level": heading_level}
