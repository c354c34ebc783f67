"""Sending the queues: the confirmation mails first (someone is waiting for one), then the alerts;
each mail once, with retries when the mail server fails.

Several senders may run at once (a timer and an admin at the shell): each takes one mail at a
time, with `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL and a conditional update that only
one of them can win (`Alert.claim`, `Confirmation.claim`), so no mail is ever sent by two. A
claimed mail is not due again for `LEASE`: a sender that dies while sending leaves it to be
tried again then.
"""

import contextlib
import dataclasses
import datetime
import logging
import smtplib

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from minutes.models import AgendaItem

from .mail import alert_message, confirmation_message, site_url
from .models import Alert, Confirmation

logger = logging.getLogger(__name__)

LEASE = datetime.timedelta(minutes=15)
MAX_ATTEMPTS = 8
FIRST_RETRY = datetime.timedelta(minutes=5)
LONGEST_RETRY = datetime.timedelta(hours=12)
# The mail server itself cannot be reached: nothing else will get through in this run either.
SERVER_UNAVAILABLE = (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected, OSError)


def retry_delay(attempts):
    """5 minutes after the first failure, doubling, at most 12 hours."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_RETRY)


@dataclasses.dataclass
class Report:
    # Alerts sent; the confirmation mails sent are `confirmations`.
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    dropped: int = 0
    confirmations: int = 0
    server_unavailable: bool = False


def _claim(model, now):
    """The next due mail of the queue `model`, taken for this sender; or None."""
    while True:
        with transaction.atomic():
            mail = (
                model.objects.due(now)
                .select_for_update(skip_locked=True, of=("self",))
                .order_by("next_attempt_at", "id")
                .first()
            )
            if mail is None:
                return None
            if mail.claim(now + LEASE):
                return mail


def claim_next(now):
    """The next due alert, taken for this sender, with what its mail needs; or None."""
    alert = _claim(Alert, now)
    if alert is None:
        return None
    items = AgendaItem.objects.only("id", "meeting_id", "number", "title", "is_closed")
    return (
        Alert.objects.select_related("subscription", "meeting__committee")
        .prefetch_related(Prefetch("meeting__items", queryset=items))
        .get(pk=alert.pk)
    )


def claim_next_confirmation(now):
    """The next due confirmation mail, taken for this sender, with its address; or None."""
    confirmation = _claim(Confirmation, now)
    if confirmation is None:
        return None
    return Confirmation.objects.select_related("subscription").get(pk=confirmation.pk)


def send_due(now=None, connection=None):
    """Send every confirmation mail and every alert that is due; returns a Report."""
    now = now or timezone.now()
    connection = connection or get_connection(fail_silently=False)
    base = site_url()
    report = Report()
    queues = [
        (claim_next_confirmation, deliver_confirmation),
        (claim_next, deliver),
    ]
    try:
        for claim, send in queues:
            while (mail := claim(now)) is not None:
                outcome = send(mail, connection, base, now)
                if outcome == "sent" and isinstance(mail, Confirmation):
                    outcome = "confirmations"
                setattr(report, outcome, getattr(report, outcome) + 1)
                if outcome == "retrying" and isinstance(mail.error, SERVER_UNAVAILABLE):
                    report.server_unavailable = True
                    return report
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.close()
    return report


def deliver(alert, connection, base, now):
    """Send one claimed alert; returns what became of it ("sent", "retrying", …)."""
    alert.error = None
    meeting = alert.meeting
    if not (meeting.is_published and meeting.kind == alert.kind):
        # Taken off the site, or turned into the minutes, before the mail went out.
        _finish(alert, Alert.Status.DROPPED)
        return "dropped"
    return _send(alert, alert_message(alert, base), connection, now)


def deliver_confirmation(confirmation, connection, base, now):
    """Send one claimed confirmation mail; returns what became of it ("sent", "retrying", …)."""
    confirmation.error = None
    message = confirmation_message(confirmation.subscription, confirmation.choices, base)
    return _send(confirmation, message, connection, now)


def _send(mail, message, connection, now):
    try:
        connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        mail.error = error
        codes = [code for code, _ in error.recipients.values()]
        if all(code >= 500 for code in codes):
            _finish(mail, mail.Status.FAILED, error=error)
            return "failed"
        return _retry(mail, error, connection, now)
    except (smtplib.SMTPException, OSError) as error:
        mail.error = error
        return _retry(mail, error, connection, now)
    _finish(mail, mail.Status.SENT, sent_at=timezone.now())
    return "sent"


def _retry(mail, error, connection, now):
    logger.warning("Mail om %s kunne ikke sendes (forsøg %s): %s", mail, mail.attempts, error)
    with contextlib.suppress(smtplib.SMTPException, OSError):
        connection.close()
    if mail.attempts >= MAX_ATTEMPTS:
        _finish(mail, mail.Status.FAILED, error=error)
        return "failed"
    type(mail).objects.filter(pk=mail.pk).update(
        next_attempt_at=now + retry_delay(mail.attempts), last_error=_describe(error)
    )
    return "retrying"


def _finish(mail, status, *, error=None, sent_at=None):
    type(mail).objects.filter(pk=mail.pk).update(
        status=status, sent_at=sent_at, last_error=_describe(error) if error else ""
    )


def _describe(error):
    return f"{type(error).__name__}: {error}"[:300]
