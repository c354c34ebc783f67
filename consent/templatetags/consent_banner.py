"""The cookie banner, and the confirmation after a choice, as base.html shows them."""

from django import template

register = template.Library()

# The tag the accept and decline views give their confirmation (consent.views).
CONFIRMATION_TAG = "cookievalg"


def take_confirmation(request):
    """
    The confirmation of a choice made on the previous request, or None.

    Reading messages consumes them all; any that are not ours (the admin's, for a clerk who
    strayed onto a public page) are put back for the page that shows them.
    """
    storage = getattr(request, "_messages", None)
    if not storage:
        return None
    confirmation = None
    others = []
    for message in storage:
        if CONFIRMATION_TAG in message.tags.split():
            confirmation = message
        else:
            others.append(message)
    for message in others:
        storage.add(message.level, message.message, message.extra_tags)
    return confirmation


@register.inclusion_tag("consent/banner.html", takes_context=True)
def cookie_banner(context):
    """
    The banner for a visitor who has not chosen, else the confirmation of a choice just made.

    Showing the banner is what tells the visitor that silence counts as acceptance; the consent
    middleware remembers it for the next page (consent.decision).
    """
    request = context.get("request")
    consent = getattr(request, "consent", None)
    show_banner = consent is not None and consent.show_banner
    if show_banner:
        consent.banner_shown = True
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "show_banner": show_banner,
        "confirmation": None if show_banner or request is None else take_confirmation(request),
        "silence_is_acceptance": consent is not None and consent.silence_is_acceptance,
    }
