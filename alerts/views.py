"""Subscribing, confirming, changing and unsubscribing, all without an account.

The pages hold forms and personal links, so none of them is cached. Whether an address is
subscribed is never told to whoever types it in: the form answers every address the same way.
"""

import functools
import smtplib

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from . import tokens
from .forms import FollowForm, SubscribeForm
from .mail import confirmation_message, site_url
from .models import Subscription, describe

READ_AND_POST = ["GET", "HEAD", "POST"]
SEND_FAILED = "Vi kunne ikke sende mailen lige nu. Prøv igen om lidt."
ADDRESS_REFUSED = (
    "Mailserveren ville ikke tage imod mail til adressen. Tjek, at den er skrevet rigtigt."
)


@never_cache
@require_http_methods(READ_AND_POST)
def subscribe(request):
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            problem = request_confirmation(form.cleaned_data["email"], form.choices, site_url())
            if not problem:
                return redirect("alerts:check_mail")
            form.add_error("email", problem)
    else:
        terms = request.GET.get("q", "")[:200]
        form = SubscribeForm(initial={"new_minutes": not terms, "search_terms": terms})
    return render(request, "alerts/subscribe.html", {"form": form})


def request_confirmation(email, choices, base):
    """Mail a confirmation link for `choices`, at most once an hour per address.

    Returns a Danish problem to show at the address field, or "" when the visitor may go on
    (also when the mail was held back: nobody learns from the answer what the address is).
    """
    now = timezone.now()
    with transaction.atomic():
        subscription, created = Subscription.objects.get_or_create(email=email, defaults=choices)
        if not created and not subscription.is_confirmed:
            for name, value in choices.items():
                setattr(subscription, name, value)
            subscription.save(update_fields=list(choices))
        if not subscription.may_send_confirmation(now):
            return ""
        previous = subscription.confirmation_sent_at
        # Two forms sent at the same moment: only one of them mails.
        if not Subscription.objects.filter(
            pk=subscription.pk, confirmation_sent_at=previous
        ).update(confirmation_sent_at=now):
            return ""
    try:
        confirmation_message(subscription, choices, base).send()
    except smtplib.SMTPRecipientsRefused:
        problem = ADDRESS_REFUSED
    except (smtplib.SMTPException, OSError):
        problem = SEND_FAILED
    else:
        return ""
    if created:
        subscription.delete()
    else:
        Subscription.objects.filter(pk=subscription.pk).update(confirmation_sent_at=previous)
    return problem


@never_cache
@require_safe
def check_mail(request):
    return render(request, "alerts/check_mail.html", {"days": tokens.CONFIRMATION_MAX_AGE.days})


def personal(view):
    """Pages at the links mailed to one person: their paths are never kept in the statistics."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.is_personal = True
        return response

    return wrapper


def invalid_link(request, *, expired=False):
    context = {"expired": expired, "days": tokens.CONFIRMATION_MAX_AGE.days}
    return render(request, "alerts/invalid_link.html", context, status=400)


def gone(request):
    return render(request, "alerts/gone.html", status=404)


@never_cache
@personal
@require_http_methods(READ_AND_POST)
def confirm(request, token):
    try:
        payload = tokens.read_confirmation_token(token)
    except tokens.ExpiredLink:
        return invalid_link(request, expired=True)
    except tokens.InvalidLink:
        return invalid_link(request)
    subscription = Subscription.objects.from_link(payload)
    if subscription is None:
        return gone(request)
    choices = {
        "new_minutes": bool(payload.get("new_minutes")),
        "new_agendas": bool(payload.get("new_agendas")),
        "search_terms": str(payload.get("search_terms") or "")[:200],
    }
    if request.method == "POST":
        subscription.confirm(choices)
        context = {"subscription": subscription, "token": subscription.manage_token()}
        return render(request, "alerts/confirmed.html", context)
    context = {"subscription": subscription, "follows": describe(choices)}
    return render(request, "alerts/confirm.html", context)


def _from_manage_token(token):
    """(subscription or None, whether the link is genuine)."""
    try:
        payload = tokens.read_manage_token(token)
    except tokens.InvalidLink:
        return None, False
    return Subscription.objects.from_link(payload), True


@never_cache
@personal
@require_http_methods(READ_AND_POST)
def manage(request, token):
    subscription, genuine = _from_manage_token(token)
    if not genuine:
        return invalid_link(request)
    if subscription is None:
        return gone(request)
    saved = False
    if request.method == "POST":
        form = FollowForm(request.POST)
        if form.is_valid():
            subscription.confirm(form.choices)
            saved = True
    else:
        form = FollowForm(initial=subscription.choices)
    context = {"subscription": subscription, "form": form, "saved": saved, "token": token}
    return render(request, "alerts/manage.html", context)


# Mail clients post the one-click unsubscribe (RFC 8058) from outside the site, without a CSRF
# token; the signed link is what authorises it, and all it can do is delete the address.
@csrf_exempt
@never_cache
@personal
@require_http_methods(READ_AND_POST)
def unsubscribe(request, token):
    subscription, genuine = _from_manage_token(token)
    if not genuine:
        return invalid_link(request)
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        return render(request, "alerts/unsubscribed.html")
    if subscription is None:
        return render(request, "alerts/unsubscribed.html", {"already": True})
    context = {"subscription": subscription, "token": token}
    return render(request, "alerts/unsubscribe.html", context)
