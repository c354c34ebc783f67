"""The mails, in Danish plain text: the confirmation of an address, and an alert about a meeting.

Every alert carries a one-click unsubscribe (RFC 8058: `List-Unsubscribe` with an https address
and `List-Unsubscribe-Post`) and a link to change what the address follows. Links are absolute,
made from `settings.SITE_URL`.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from minutes.models import Meeting
from minutes.presentation import long_date, weekday_date

from . import tokens
from .models import describe


def site_url():
    """Scheme and host, no trailing slash. Always the configured one, also for a mail sent while
    answering a request: no link in a mail is ever built from a Host header a client sent."""
    return settings.SITE_URL


def manage_url(subscription, base):
    return base + reverse("alerts:manage", kwargs={"token": subscription.manage_token()})


def unsubscribe_url(subscription, base):
    return base + reverse("alerts:unsubscribe", kwargs={"token": subscription.manage_token()})


def confirmation_message(subscription, choices, base):
    """The mail that asks the owner of the address to confirm (double opt-in)."""
    token = tokens.confirmation_token(subscription, choices)
    context = {
        "confirm_url": base + reverse("alerts:confirm", kwargs={"token": token}),
        "follows": describe(choices),
        "days": tokens.CONFIRMATION_MAX_AGE.days,
        "site_url": base,
        "already_confirmed": subscription.is_confirmed,
    }
    return EmailMessage(
        subject="Bekræft dit abonnement på nyt fra Almenboligudvalg Hvidovre",
        body=render_to_string("alerts/mail/confirmation.txt", context),
        to=[subscription.email],
        headers={"Auto-Submitted": "auto-generated"},
    )


def alert_subject(meeting, kind):
    """`Nyt referat: Almenboligudvalg Hvidovre 29. maj 2018`."""
    news = "Nyt referat" if kind == Meeting.Kind.MINUTES else "Ny dagsorden"
    return f"{news}: {meeting.committee.name} {long_date(meeting.date)}"


def alert_message(alert, base):
    """One alert as a mail, with the one-click unsubscribe headers."""
    meeting, subscription = alert.meeting, alert.subscription
    unsubscribe = unsubscribe_url(subscription, base)
    context = {
        "meeting": meeting,
        "kind_word": "referatet" if alert.kind == Meeting.Kind.MINUTES else "dagsordenen",
        "weekday_date": weekday_date(meeting.date).lower(),
        "meeting_url": base + meeting.get_absolute_url(),
        "items": meeting.items.all(),
        "follows": subscription.follows(),
        "manage_url": manage_url(subscription, base),
        "unsubscribe_url": unsubscribe,
    }
    return EmailMessage(
        subject=alert_subject(meeting, alert.kind),
        body=render_to_string("alerts/mail/alert.txt", context),
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
