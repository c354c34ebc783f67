"""Sending the queue of alerts: each mail once, with retries when the mail server fails.

Several senders may run at once (a timer and an admin at the shell): each takes one alert at a
time, with `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL and a conditional update that only
one of them can win (`Alert.claim`), so no alert is ever sent by two. A claimed alert is
not due again for `LEASE`: a sender that dies while sending leaves it to be tried again then.
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

from .mail import alert_message, site_url
from .models import Alert

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
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    dropped: int = 0
    server_unavailable: bool = False


def claim_next(now):
    """The next due alert, taken for this sender, with what its mail needs; or None."""
    while True:
        with transaction.atomic():
            alert = (
                Alert.objects.due(now)
                .select_for_update(skip_locked=True, of=("self",))
                .order_by("next_attempt_at", "id")
                .first()
            )
            if alert is None:
                return None
            if alert.claim(now + LEASE):
                break
    items = AgendaItem.objects.only("id", "meeting_id", "number", "title", "is_closed")
    return (
        Alert.objects.select_related("subscription", "meeting__committee")
        .prefetch_related(Prefetch("meeting__items", queryset=items))
        .get(pk=alert.pk)
    )


def send_due(now=None, connection=None):
    """Send every alert that is due; returns a Report."""
    now = now or timezone.now()
    connection = connection or get_connection(fail_silently=False)
    base = site_url()
    report = Report()
    try:
        while (alert := claim_next(now)) is not None:
            outcome = deliver(alert, connection, base, now)
            setattr(report, outcome, getattr(report, outcome) + 1)
            if outcome == "retrying" and isinstance(alert.error, SERVER_UNAVAILABLE):
                report.server_unavailable = True
                break
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
    try:
        connection.send_messages([alert_message(alert, base)])
    except smtplib.SMTPRecipientsRefused as error:
        alert.error = error
        codes = [code for code, _ in error.recipients.values()]
        if all(code >= 500 for code in codes):
            _finish(alert, Alert.Status.FAILED, error=error)
            return "failed"
        return _retry(alert, error, connection, now)
    except (smtplib.SMTPException, OSError) as error:
        alert.error = error
        return _retry(alert, error, connection, now)
    _finish(alert, Alert.Status.SENT, sent_at=timezone.now())
    return "sent"


def _retry(alert, error, connection, now):
    logger.warning("Mail om %s kunne ikke sendes (forsøg %s): %s", alert, alert.attempts, error)
    with contextlib.suppress(smtplib.SMTPException, OSError):
        connection.close()
    if alert.attempts >= MAX_ATTEMPTS:
        _finish(alert, Alert.Status.FAILED, error=error)
        return "failed"
    Alert.objects.filter(pk=alert.pk).update(
        next_attempt_at=now + retry_delay(alert.attempts), last_error=_describe(error)
    )
    return "retrying"


def _finish(alert, status, *, error=None, sent_at=None):
    Alert.objects.filter(pk=alert.pk).update(
        status=status, sent_at=sent_at, last_error=_describe(error) if error else ""
    )


def _describe(error):
    return f"{type(error).__name__}: {error}"[:300]
