"""Subscribing, confirming, changing and unsubscribing, all without an account.

The pages hold forms and personal links, so none of them is cached. Whether an address is
subscribed is never told to whoever types it in: the form answers every address the same way.

The form can be filled in with anyone's address, so it must not be a way to mail strangers in
bulk: the confirmation mail is queued and sent by `send_alerts`, never while the visitor waits;
one client (almenbolig.addresses.client_network) may send the form ALERTS_SUBSCRIPTIONS_PER_ADDRESS
times an hour; and at most ALERTS_MAX_UNCONFIRMED addresses wait to be confirmed at a time.
"""

import functools
import logging

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from almenbolig.addresses import count_for_client

from . import tokens
from .forms import FollowForm, SubscribeForm
from .models import Confirmation, Subscription, describe

logger = logging.getLogger(__name__)

READ_AND_POST = ["GET", "HEAD", "POST"]
TOO_MANY_FROM_CLIENT = (
    "Der er kommet for mange tilmeldinger fra din internetforbindelse. Prøv igen om en time."
)
TOO_MANY_WAITING = (
    "Vi kan ikke tage imod flere tilmeldinger lige nu. Prøv igen i morgen, eller følg med i "
    "RSS-feedet."
)
HOUR = 60 * 60


@never_cache
@require_http_methods(READ_AND_POST)
def subscribe(request):
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            if not may_subscribe(request):
                form.add_error(None, TOO_MANY_FROM_CLIENT)
                status = 429
            elif request_confirmation(form.cleaned_data["email"], form.choices):
                return redirect("alerts:check_mail")
            else:
                form.add_error(None, TOO_MANY_WAITING)
                status = 503
    else:
        terms = request.GET.get("q", "")[:200]
        form = SubscribeForm(initial={"new_minutes": not terms, "search_terms": terms})
    return render(request, "alerts/subscribe.html", {"form": form}, status=status)


def may_subscribe(request):
    """
    Whether this client may send the form once more this hour; counts it if so.

    Counted in the shared cache under the hour and the client's address made unreadable with the
    secret key (each process's own memory without Redis: then each worker counts for itself).
    Without the cache's answer the form is taken: nginx limits how fast one address may post it,
    and ALERTS_MAX_UNCONFIRMED how many addresses can wait.
    """
    limit = settings.ALERTS_SUBSCRIPTIONS_PER_ADDRESS
    if not limit:
        return True
    hour = timezone.now().strftime("%Y-%m-%dT%H")
    return count_for_client(
        request, "alerts:subscribe", hour, limit=limit, timeout=HOUR, unknown=True
    )


def request_confirmation(email, choices):
    """Queue a confirmation mail for `choices`, at most once an hour per address.

    False when the address is new and ALERTS_MAX_UNCONFIRMED addresses already wait to be
    confirmed; else True, also when the mail was held back (nobody learns from the answer what
    the address is).
    """
    now = timezone.now()
    with transaction.atomic():
        subscription = Subscription.objects.filter(email=email).first()
        if subscription is None:
            waiting = Subscription.objects.filter(is_confirmed=False).count()
            if waiting >= settings.ALERTS_MAX_UNCONFIRMED:
                logger.warning(
                    "A subscription was refused: %d addresses already wait to be confirmed "
                    "(ALERTS_MAX_UNCONFIRMED)",
                    waiting,
                )
                return False
        subscription, created = Subscription.objects.get_or_create(email=email, defaults=choices)
        if not created and not subscription.is_confirmed:
            for name, value in choices.items():
                setattr(subscription, name, value)
            subscription.save(update_fields=list(choices))
        if not subscription.may_send_confirmation(now):
            return True
        # Two forms sent at the same moment: only one of them queues a mail.
        if Subscription.objects.filter(
            pk=subscription.pk, confirmation_sent_at=subscription.confirmation_sent_at
        ).update(confirmation_sent_at=now):
            Confirmation.objects.create(subscription=subscription, **choices)
    return True


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
