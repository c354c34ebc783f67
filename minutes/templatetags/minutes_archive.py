"""The minutes as parts of other apps' pages, so that those apps never import the minutes."""

from django import template

from minutes.models import Meeting

register = template.Library()


@register.inclusion_tag("minutes/includes/latest_minutes.html")
def latest_minutes(committee, count=10):
    """The committee's latest published minutes and agendas, newest first, with a link to all."""
    meetings = Meeting.objects.published().filter(committee=committee).for_listing()
    return {"committee": committee, "latest_meetings": list(meetings[:count])}
