"""
Email alerts without an account: an address, what it follows, and whether it has confirmed.

Nothing else about a subscriber is stored. Unsubscribing deletes the row, and with it every mail
still queued for it. The mail that asks an address to confirm is queued as a `Confirmation`; when
a meeting is published as an agenda or as minutes for the first time (`Announcement`), one
`Alert` per matching, confirmed subscription is queued; `manage.py send_alerts` sends both.
"""

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from minutes.models import Meeting

from . import tokens

# At most one confirmation mail per address in this time, however often the form is sent.
CONFIRMATION_INTERVAL = datetime.timedelta(hours=1)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(is_confirmed=True)

    def following_kind(self, kind):
        """Confirmed subscriptions that follow every new agenda, or every new minutes."""
        field = "new_agendas" if kind == Meeting.Kind.AGENDA else "new_minutes"
        return self.confirmed().filter(**{field: True})

    def unconfirmed_and_expired(self, now=None):
        """Addresses that never confirmed, whose confirmation link no longer works."""
        since = (now or timezone.now()) - tokens.CONFIRMATION_MAX_AGE
        return self.filter(is_confirmed=False).filter(
            Q(confirmation_sent_at__lt=since) | Q(confirmation_sent_at__isnull=True)
        )

    def from_link(self, payload):
        """The subscription a signed link names, if it is still there for the same address."""
        if not isinstance(payload, dict) or not isinstance(payload.get("id"), int):
            return None
        found = self.filter(pk=payload["id"]).first()
        if found is None or tokens.address_digest(found.email) != payload.get("h"):
            return None
        return found


class Subscription(models.Model):
    """One address and what it follows. Only confirmed subscriptions get mail."""

    email = models.EmailField("e-mailadresse", max_length=254, unique=True)
    new_minutes = models.BooleanField("nye referater", default=False)
    new_agendas = models.BooleanField("nye dagsordener", default=False)
    search_terms = models.CharField(
        "søgning",
        max_length=200,
        blank=True,
        help_text="Nye møder, hvor søgningen giver et resultat.",
    )
    is_confirmed = models.BooleanField("bekræftet", default=False)
    confirmation_sent_at = models.DateTimeField(
        "bekræftelse sendt", null=True, blank=True, editable=False
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementer"
        ordering = ["email"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        # One row per address, however it is written.
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    @property
    def choices(self):
        return {
            "new_minutes": self.new_minutes,
            "new_agendas": self.new_agendas,
            "search_terms": self.search_terms,
        }

    def follows(self):
        """What the subscription follows, in Danish, one phrase each."""
        return describe(self.choices)

    def may_send_confirmation(self, now=None):
        now = now or timezone.now()
        sent = self.confirmation_sent_at
        return sent is None or now - sent >= CONFIRMATION_INTERVAL

    def confirm(self, choices):
        for name, value in choices.items():
            setattr(self, name, value)
        self.is_confirmed = True
        self.save()

    def manage_token(self):
        return tokens.manage_token(self)


def normalize_email(email):
    # Mail providers treat the local part without regard to case; one address is one row.
    return (email or "").strip().lower()


def describe(choices):
    found = []
    if choices.get("new_minutes"):
        found.append("nye referater")
    if choices.get("new_agendas"):
        found.append("nye dagsordener")
    if choices.get("search_terms"):
        found.append(f"nye møder, der findes ved søgningen “{choices['search_terms']}”")
    return found


# What a queued mail waiting to be sent is: every kind of mail's Status.PENDING.
PENDING = "venter"


class QueuedMailQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(status=PENDING, next_attempt_at__lte=now or timezone.now())


class QueuedMail(models.Model):
    """A mail in the queue that `send_alerts` sends: once, and again while the server fails.

    Each kind of mail names its own statuses (`Status`, with PENDING, SENT and FAILED).
    """

    attempts = models.PositiveSmallIntegerField("forsøg", default=0)
    next_attempt_at = models.DateTimeField("næste forsøg", default=timezone.now)
    sent_at = models.DateTimeField("sendt", null=True, blank=True)
    last_error = models.CharField("seneste fejl", max_length=300, blank=True)
    created_at = models.DateTimeField("sat i kø", auto_now_add=True)

    objects = QueuedMailQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    def claim(self, until):
        """Take this mail for sending until `until`; False if another sender was first.

        The update only succeeds while the row is as it was read: on SQLite, which has no row
        locks, two senders that read the same row cannot both claim it.
        """
        return bool(
            type(self)
            .objects.filter(pk=self.pk, status=PENDING, next_attempt_at=self.next_attempt_at)
            .update(next_attempt_at=until, attempts=F("attempts") + 1)
        )


class Confirmation(QueuedMail):
    """The mail that asks the owner of an address to confirm what the form asked for.

    Queued by the subscribe form, never sent while the visitor waits: `send_alerts` sends it,
    like the alerts, once, and tries again while the mail server fails.
    """

    class Status(models.TextChoices):
        PENDING = PENDING, "Venter"
        SENT = "sendt", "Sendt"
        FAILED = "opgivet", "Opgivet"

    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        related_name="confirmations",
        verbose_name="abonnement",
    )
    # What the link in the mail confirms: a confirmed address keeps what it follows until then.
    new_minutes = models.BooleanField("nye referater", default=False)
    new_agendas = models.BooleanField("nye dagsordener", default=False)
    search_terms = models.CharField("søgning", max_length=200, blank=True)
    status = models.CharField("status", max_length=8, choices=Status, default=Status.PENDING)

    class Meta(QueuedMail.Meta):
        verbose_name = "bekræftelsesmail i kø"
        verbose_name_plural = "bekræftelsesmails i kø"
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="confirmation_due")]

    def __str__(self):
        return f"Bekræftelse → {self.subscription_id}"

    @property
    def choices(self):
        return {
            "new_minutes": self.new_minutes,
            "new_agendas": self.new_agendas,
            "search_terms": self.search_terms,
        }


class Announcement(models.Model):
    """A meeting published as this kind for the first time: its alerts have been queued.

    Saving the meeting again, unpublishing and publishing it again, or correcting it, queues
    nothing more. An agenda that becomes the minutes is announced again, as the minutes.
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="announcements", verbose_name="møde"
    )
    kind = models.CharField("type", max_length=10, choices=Meeting.Kind)
    created_at = models.DateTimeField("offentliggjort", auto_now_add=True)

    class Meta:
        verbose_name = "offentliggørelse"
        verbose_name_plural = "offentliggørelser"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "kind"], name="one_announcement_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.meeting.date}"


class Alert(QueuedMail):
    """One mail to one subscription about one meeting published as agenda or minutes."""

    class Status(models.TextChoices):
        PENDING = PENDING, "Venter"
        SENT = "sendt", "Sendt"
        FAILED = "opgivet", "Opgivet"
        DROPPED = "droppet", "Ikke sendt (mødet er fjernet fra siden)"

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="alerts", verbose_name="abonnement"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="alerts", verbose_name="møde"
    )
    kind = models.CharField("type", max_length=10, choices=Meeting.Kind)
    status = models.CharField("status", max_length=8, choices=Status, default=Status.PENDING)

    class Meta(QueuedMail.Meta):
        verbose_name = "mail i kø"
        verbose_name_plural = "mails i kø"
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "meeting", "kind"], name="one_alert_per_subscription"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="alert_due")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.meeting.date} → {self.subscription_id}"
