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


@register.simple_tag
def latest_meetings(committee, count=10):
    """The committee's latest published minutes and agendas, newest first (a coming meeting's
    agenda on top), as the rows of a list show them: two queries, however many."""
    return list(Meeting.objects.published().filter(committee=committee).for_listing()[:count])


@register.inclusion_tag("minutes/includes/meetings_at_a_glance.html")
def meetings_at_a_glance(meetings):
    """The first screen of the committee page: the coming meetings ("Næste møde"), the latest
    minutes, and the way to all of them; from `latest_meetings`, so without a query."""
    today = timezone.localdate()
    latest = next((m for m in meetings if m.kind == Meeting.Kind.MINUTES and m.date <= today), None)
    return {
        "next_meetings": upcoming_agendas(meetings),
        "newest_minutes": latest,
        "heading_level": 3,
    }


@register.inclusion_tag("minutes/includes/latest_minutes.html")
def latest_minutes(meetings):
    """The latest minutes and agendas as a list, with a link to all; from `latest_meetings`."""
    return {"latest_meetings": meetings}


@register.inclusion_tag("minutes/includes/next_meetings.html")
def next_meetings(meetings, heading_level=2):
    """ "Næste møde": the coming meetings with a published agenda, from a list newest first."""
    return {"next_meetings": upcoming_agendas(meetings), "heading_level": heading_level}
