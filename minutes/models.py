"""
Meetings of the committee, keyed by their date, with agenda items, attachments and PDF files.

A meeting is public only once published. A closed agenda item ("lukket punkt") keeps its content
in the database for the clerks, but nothing of it but its number ever leaves through a public page,
feed, search or export: the public accessors below are the only way templates reach item content.
"""

import collections
import datetime
import uuid

import icalendar
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from committee.models import Committee, Member

from . import changesets
from .fulltext import DocumentIndex, DocumentVector, TitleVector
from .pdf import read_file
from .presentation import meeting_start, meeting_title, vote_summary, votes_by_position
from .reports import ImportReport
from .validators import validate_pdf

# Part of every meeting's RSS guid and calendar UID. Never change it: feed readers and calendars
# know a meeting by it, also after a clerk has corrected its date.
UID_DOMAIN = "almenbolig-hvidovre"
MEETING_DURATION = datetime.timedelta(hours=2)
# How far back the subscribed calendar (`kalender.ics`) reaches: calendar apps poll it all day,
# so it holds what a calendar is for (the coming meetings and the last year's), not the archive.
CALENDAR_PAST_MONTHS = 12
# What a meeting page needs of an attachment: its title, and its link with "PDF, 1 kB, 1 side".
ATTACHMENT_LINK_FIELDS = ("id", "item_id", "title", "position", "file", "file_pages", "file_size")
# All the public sees of a closed item, besides its number.
CLOSED_ITEM_TITLE = "Lukket punkt"
# What Meeting keeps of its minutes PDF besides the file, all read when a new file is taken in.
PDF_FACT_FIELDS = ("minutes_pdf_text", "minutes_pdf_pages", "minutes_pdf_size")


# What a meeting's calendar event (`Meeting.as_ical_event`) reads.
ICAL_EVENT_FIELDS = (
    "id",
    "date",
    "start_time",
    "place",
    "kind",
    "updated_at",
    "committee__name",
)


def calendar_window_start(today):
    """The first day the subscribed calendar holds: `CALENDAR_PAST_MONTHS` before `today`."""
    months = today.year * 12 + today.month - 1 - CALENDAR_PAST_MONTHS
    year, month = divmod(months, 12)
    month += 1
    # 29 February, or the 31st of a month with 30 days: the last day of that month.
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(today.day, last_day))


def minutes_upload_to(instance, filename):
    # Generated names: no overwrites, no path tricks, nothing of the clerk's file name on disk.
    return f"referater/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


def attachment_upload_to(instance, filename):
    return f"bilag/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


class RecordKind(models.TextChoices):
    """What a change kept in the history was, for telling corrections from the rest."""

    CHANGE = "aendring", "Ændring"
    # A published agenda turned into the minutes at the same permalink (minutes.imports): what
    # a published agenda is for, not a correction.
    AGENDA_TO_MINUTES = "referat", "Dagsordenen blev til referatet"
    # A correction made before the site kept history: when is known, what changed is not.
    UNRECORDED = "uregistreret", "Rettet, før siden førte historik"


class PublicRecordBase(models.Model):
    """What every historical record of the minutes carries beyond django-simple-history's own."""

    record_kind = models.CharField(
        "slags", max_length=12, choices=RecordKind, default=RecordKind.CHANGE
    )

    class Meta:
        abstract = True


def public_record(verbose_name, *, excluded_fields=()):
    """
    The history of a model whose content is (or feeds) public text: who changed what, when, why.

    Every save and every delete is kept, whatever path it takes (admin, queryset, cascade): the
    library records on post_save and post_delete. The history tables hold no foreign-key
    constraints, so nothing the database deletes takes its history with it. The clerk's public
    reason for a correction is the library's change reason.
    """
    return HistoricalRecords(
        verbose_name=f"historik: {verbose_name}",
        verbose_name_plural=f"historik: {verbose_name}",
        bases=[PublicRecordBase],
        excluded_fields=list(excluded_fields),
        history_change_reason_field=models.TextField("begrundelse", null=True, blank=True),
    )


class RecordedQuerySet(models.QuerySet):
    def delete(self):
        # One delete, with everything it cascades to, is one change in the history.
        with changesets.change_set():
            return super().delete()


class RecordedModel(models.Model):
    """A model whose every delete, cascades included, is one change in the history."""

    objects = RecordedQuerySet.as_manager()

    class Meta:
        abstract = True

    def delete(self, *args, **kwargs):
        with changesets.change_set():
            return super().delete(*args, **kwargs)


class MeetingQuerySet(RecordedQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_date(self, date):
        return self.filter(date=date)

    def upcoming(self, today=None):
        """Meetings still to come (today's included), soonest first."""
        return self.filter(date__gte=today or timezone.localdate()).order_by("date")

    def for_calendar(self, today=None):
        """
        The published meetings a subscribed calendar holds, soonest first: every meeting still
        to come and those of the last `CALENDAR_PAST_MONTHS` months (from the same day).

        Only the columns an event shows; every meeting's own `.ics` has it whatever its age.
        """
        today = today or timezone.localdate()
        return (
            self.published()
            .filter(date__gte=calendar_window_start(today))
            .select_related("committee")
            .only(*ICAL_EVENT_FIELDS)
            .order_by("date")
        )

    def for_listing(self):
        """
        Just what a row in a list of meetings shows, newest first: date, kind, the PDF link and
        what it says, and the items' numbers and public titles (`meeting.listed_items`); and
        the time and place that "Næste møde" shows of a meeting to come.

        The items of every meeting in the list come in one more query. A closed item's title is
        replaced by "Lukket punkt" in that query: it never even reaches the list's template.
        """
        items = (
            AgendaItem.objects.annotate(
                listed_title=models.Case(
                    models.When(is_closed=True, then=models.Value(CLOSED_ITEM_TITLE)),
                    default=models.F("title"),
                )
            )
            .only("id", "meeting", "number")
            .order_by("number")
        )
        return (
            self.only(
                "id",
                "date",
                "kind",
                "start_time",
                "place",
                "minutes_pdf",
                "minutes_pdf_pages",
                "minutes_pdf_size",
            )
            .prefetch_related(models.Prefetch("items", queryset=items, to_attr="listed_items"))
            .order_by("-date")
        )

    def with_public_content(self):
        """Everything a meeting page shows, in a fixed number of queries (one per relation).

        Attachments and votes come only for open items (`item.public_attachments`,
        `item.public_votes`): a closed item's never leave the database through a page, whatever
        a template does.
        """
        return (
            self.select_related("committee")
            .defer("minutes_pdf_text")
            .prefetch_related(
                models.Prefetch(
                    "participants", queryset=Participant.objects.select_related("member")
                ),
                models.Prefetch(
                    "items", queryset=AgendaItem.objects.prefetch_related(*public_item_content())
                ),
            )
        )

    def years(self):
        """The years that have meetings, newest first, as integers (one query)."""
        return [d.year for d in self.dates("date", "year", order="DESC")]

    def freshness(self):
        """(latest change, number of meetings) in one cheap aggregate, for HTTP validators.

        Counting catches a deleted meeting, which leaves no newer `updated_at` behind.
        """
        found = self.aggregate(latest=models.Max("updated_at"), count=models.Count("id"))
        return found["latest"], found["count"]


def public_item_content():
    """What a page shows of an item besides its own fields, one query each: the attachments and
    votes of an open item (`item.public_attachments`, `item.public_votes`), none of a closed one's.
    """
    return [
        models.Prefetch(
            "attachments",
            queryset=Attachment.objects.filter(item__is_closed=False).only(*ATTACHMENT_LINK_FIELDS),
            to_attr="public_attachments",
        ),
        models.Prefetch(
            "votes", queryset=Vote.objects.filter(item__is_closed=False), to_attr="public_votes"
        ),
    ]


class Meeting(RecordedModel):
    """One meeting of the committee; its date is its identity in URLs (/referater/2018-05-29/)."""

    class Kind(models.TextChoices):
        AGENDA = "dagsorden", "Dagsorden"
        MINUTES = "referat", "Referat"

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name="udvalg"
    )
    date = models.DateField("mødedato")
    start_time = models.TimeField("mødetidspunkt", null=True, blank=True)
    place = models.CharField(
        "mødested", max_length=200, blank=True, help_text="Fx “Rådhuset, mødelokale 1”."
    )
    kind = models.CharField(
        "type",
        max_length=10,
        choices=Kind,
        default=Kind.MINUTES,
        help_text="Dagsorden før mødet, referat efter mødet.",
    )
    remarks = models.TextField(
        "bemærkninger",
        blank=True,
        help_text="Fx hvem der var stedfortræder for hvem, og gæster. Almindelig tekst.",
    )
    minutes_pdf = models.FileField(
        "referat som PDF",
        upload_to=minutes_upload_to,
        blank=True,
        max_length=255,
        validators=[validate_pdf],
    )
    # The PDF of an imported document that holds closed items' text: kept for the clerks only
    # (the admin serves it to them), never read for search, until a clerk confirms it is the
    # public version and it becomes `minutes_pdf`. Every public page, feed, search, export and
    # alert reads `minutes_pdf` alone.
    withheld_pdf = models.FileField(
        "tilbageholdt PDF",
        upload_to=minutes_upload_to,
        blank=True,
        max_length=255,
        editable=False,
        help_text="PDF'en fra indlæsningen, når den indeholder tekst fra lukkede punkter. Den er "
        "ikke offentlig, før en referent har bekræftet, at den er den offentlige udgave.",
    )
    minutes_pdf_text = models.TextField("tekst fra PDF", blank=True, editable=False)
    # What the link to the PDF says ("PDF, 1,2 MB, 14 sider"), read when the file is taken in.
    minutes_pdf_pages = models.PositiveIntegerField("sider i PDF", null=True, editable=False)
    minutes_pdf_size = models.PositiveBigIntegerField("størrelse af PDF", null=True, editable=False)
    is_published = models.BooleanField("offentliggjort", default=False)
    first_published_at = models.DateTimeField(
        "første gang offentliggjort", null=True, blank=True, editable=False
    )
    corrected_at = models.DateTimeField(
        "senest rettet",
        null=True,
        blank=True,
        editable=False,
        help_text="Den seneste rettelse af den offentlige tekst, efter at mødet var "
        "offentliggjort. Regnes ud fra historikken.",
    )
    # The notes point at their item and field (`minutes.reports`); {} for a meeting made by hand.
    import_report = models.JSONField(
        "rapport fra indlæsningen",
        default=dict,
        blank=True,
        editable=False,
        help_text="Hvad siden genkendte i det indlæste dokument, og hvor den lagde resten.",
    )
    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    updated_at = models.DateTimeField("senest ændret", auto_now=True)

    objects = MeetingQuerySet.as_manager()
    # The PDF's text, pages and size (read from the file, which the history keeps) and the import
    # report are derived or internal; corrected_at and updated_at are derived from the history.
    history = public_record(
        "møde",
        excluded_fields=[*PDF_FACT_FIELDS, "import_report", "corrected_at", "updated_at"],
    )

    class Meta:
        verbose_name = "møde"
        verbose_name_plural = "møder"
        ordering = ["-date"]
        get_latest_by = "date"
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "date"],
                name="one_meeting_per_committee_and_date",
                violation_error_message="Udvalget har allerede et møde på denne dato.",
            )
        ]
        indexes = [models.Index(fields=["is_published", "-date"], name="meeting_published_date")]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.committee} den {self.date:%d-%m-%Y}"

    def save(self, *args, **kwargs):
        old_date = getattr(self, "_date_in_db", None)
        update_fields = kwargs.get("update_fields")
        reads_pdf = update_fields is None or "minutes_pdf" in update_fields
        if reads_pdf and self._read_new_pdf() and update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *PDF_FACT_FIELDS}
        super().save(*args, **kwargs)
        if old_date and old_date != self.date and self.has_been_published:
            # Journalists have linked to the old date: keep it answering, forever.
            MeetingRedirect.objects.update_or_create(
                committee_id=self.committee_id, old_date=old_date, defaults={"meeting": self}
            )
        # A meeting moved back to a date it once had: its own page wins over the redirect.
        MeetingRedirect.objects.filter(committee_id=self.committee_id, old_date=self.date).delete()
        self._date_in_db = self.date

    def get_absolute_url(self):
        return reverse("minutes:meeting", kwargs={"date": self.date})

    @property
    def report(self):
        """The import report (`minutes.reports.ImportReport`); empty for a meeting made by hand."""
        return ImportReport.from_json(self.import_report)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._date_in_db = instance.__dict__.get("date")
        return instance

    def get_pdf_url(self):
        return reverse("minutes:meeting_pdf", kwargs={"date": self.date})

    @property
    def uid(self):
        """How feed readers and calendars know the meeting, also after its date is corrected."""
        return f"meeting-{self.pk}@{UID_DOMAIN}"

    def as_ical_event(self, site_url):
        """The meeting as an iCalendar event; `site_url` is the scheme and host, no slash."""
        url = site_url + self.get_absolute_url()
        event = icalendar.Event()
        event.add("uid", self.uid)
        event.add("dtstamp", self.updated_at.astimezone(datetime.UTC))
        event.add("last-modified", self.updated_at.astimezone(datetime.UTC))
        if start := meeting_start(self):
            event.add("dtstart", start.astimezone(datetime.UTC))
            event.add("duration", MEETING_DURATION)
        else:
            event.add("dtstart", self.date)
            event.add("duration", datetime.timedelta(days=1))
        event.add("summary", f"Møde i {self.committee}")
        event.add("description", f"{meeting_title(self)}\n{url}")
        if self.place:
            event.add("location", self.place)
        event.add("url", url)
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        return event

    def publish(self, when=None):
        # Inside a change set (an admin save) publication is dated like the records it makes,
        # so that what the same save changed belongs to the first publication, not a correction.
        when = when or changesets.now()
        self.is_published = True
        if self.first_published_at is None:
            self.first_published_at = when

    def unpublish(self):
        self.is_published = False

    @property
    def has_been_published(self):
        return self.first_published_at is not None

    @property
    def is_upcoming(self):
        """Whether the meeting is still to come (today's included)."""
        return self.date >= timezone.localdate()

    def _read_new_pdf(self):
        """
        When the minutes PDF has changed since it was stored, read its text for search.

        The replaced file stays in storage and in the history (`history`), which is what keeps
        an earlier, public PDF on record. Returns whether the PDF changed.
        """
        if "minutes_pdf" not in self.__dict__:
            return False  # deferred and never loaded, so not changed either
        stored_name = ""
        if not self._state.adding:
            stored_name = (
                Meeting._base_manager.filter(pk=self.pk)
                .values_list("minutes_pdf", flat=True)
                .first()
            ) or ""
        pdf = self.minutes_pdf
        if pdf._committed and (pdf.name or "") == stored_name:
            return False
        self.minutes_pdf_text, self.minutes_pdf_pages, self.minutes_pdf_size = read_file(pdf)
        return True


class Participant(RecordedModel):
    """A member present at, or absent from, a meeting; linked to the member where one exists."""

    class Status(models.TextChoices):
        PRESENT = "til_stede", "Til stede"
        ABSENT = "afbud", "Fraværende med afbud"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participants", verbose_name="møde"
    )
    member = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name="medlem",
        help_text="Vælg et medlem af udvalget, eller skriv navnet nedenfor.",
    )
    name = models.CharField(
        "navn", max_length=200, blank=True, help_text="Kun hvis personen ikke er på listen."
    )
    party = models.CharField("partibogstav", max_length=3, blank=True)
    status = models.CharField("status", max_length=10, choices=Status, default=Status.PRESENT)
    position = models.PositiveSmallIntegerField("rækkefølge", default=0)

    history = public_record("deltager")

    class Meta:
        verbose_name = "deltager"
        verbose_name_plural = "medlemmer og afbud"
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=False) | ~Q(name=""),
                name="participant_has_member_or_name",
                violation_error_message="Vælg et medlem eller skriv et navn.",
            )
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        name = self.name or (self.member.name if self.member_id else "")
        party = self.party or (self.member.party if self.member_id else "")
        return f"{name} ({party})" if party else name


Section = collections.namedtuple("Section", ["field", "heading", "text"])


class AgendaItem(RecordedModel):
    """A numbered item ("punkt") on a meeting's agenda, with the sections of Danish minutes."""

    class Outcome(models.TextChoices):
        APPROVED = "godkendt", "Godkendt"
        RECOMMENDED = "anbefalet", "Anbefalet"
        NOTED = "taget_til_efterretning", "Taget til efterretning"
        POSTPONED = "udsat", "Udsat"
        REJECTED = "afvist", "Afvist"
        DISCUSSED = "droeftet", "Drøftet"

    # The sections in the order the municipality's minutes show them: (field, heading).
    SECTIONS = [
        ("decision_theme", "Beslutningstema"),
        ("recommendation", "Indstilling"),
        ("decision", "Beslutning"),
        ("case_presentation", "Sagsfremstilling"),
        ("economic_consequences", "Økonomiske konsekvenser"),
    ]

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name="møde"
    )
    number = models.PositiveSmallIntegerField("nummer")
    title = models.CharField("titel", max_length=300)
    is_closed = models.BooleanField(
        "lukket punkt",
        default=False,
        help_text="Et lukket punkt vises kun som “Lukket punkt” med sit nummer. "
        "Indholdet vises, søges og udgives aldrig.",
    )
    decision_theme = models.TextField("beslutningstema", blank=True)
    recommendation = models.TextField("indstilling", blank=True)
    decision = models.TextField("beslutning", blank=True)
    case_presentation = models.TextField("sagsfremstilling", blank=True)
    economic_consequences = models.TextField("økonomiske konsekvenser", blank=True)
    outcome = models.CharField(
        "udfald",
        max_length=30,
        choices=Outcome,
        blank=True,
        help_text="Hvad udvalget besluttede. Vises ved punktet i indholdsfortegnelsen.",
    )
    public_decision = models.TextField(
        "offentlig beslutning",
        blank=True,
        help_text="Kun for lukkede punkter: den del af beslutningen, der kan offentliggøres. "
        "Den vises under “Lukket punkt”; punktets titel og alt andet forbliver lukket.",
    )

    history = public_record("dagsordenspunkt")

    class Meta:
        verbose_name = "dagsordenspunkt"
        verbose_name_plural = "dagsordenspunkter"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="one_item_number_per_meeting",
                violation_error_message="Mødet har allerede et punkt med dette nummer.",
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.public_title}"

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#{self.anchor}"

    def get_page_url(self):
        """The item's own page (`/referater/2018-05-29/punkt-3/`), for citing and sharing."""
        return reverse("minutes:item", kwargs={"date": self.meeting.date, "number": self.number})

    @property
    def anchor(self):
        return f"punkt-{self.number}"

    @property
    def public_title(self):
        return CLOSED_ITEM_TITLE if self.is_closed else self.title

    @property
    def vote_summary(self):
        """`For: A, V · Imod: O`, from the public votes a page has fetched (none if closed)."""
        return vote_summary(getattr(self, "public_votes", []))

    @property
    def votes_by_position(self):
        """[(position in words, [parties])] of the public votes a page has fetched."""
        return votes_by_position(getattr(self, "public_votes", []))

    @property
    def public_outcome(self):
        """The outcome in words, for the public; a closed item's shows only in its public text."""
        return "" if self.is_closed else self.get_outcome_display()

    def public_sections(self):
        """The filled sections as (field, heading, text).

        A closed item has only its public decision, if the clerk wrote one, as its decision.
        """
        if self.is_closed:
            if not self.public_decision:
                return []
            return [Section("decision", "Beslutning", self.public_decision)]
        return [
            Section(field, heading, getattr(self, field))
            for field, heading in self.SECTIONS
            if getattr(self, field)
        ]


class Vote(RecordedModel):
    """How one party voted on an item: for, against, abstaining, or awaiting its position
    ("Afventer: V": the party takes its position when the matter reaches the council)."""

    class Position(models.TextChoices):
        FOR = "for", "For"
        AGAINST = "imod", "Imod"
        ABSTAINED = "undlod", "Undlod at stemme"
        AWAITING = "afventer", "Afventer"

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="votes", verbose_name="punkt"
    )
    party = models.CharField(
        "parti", max_length=3, help_text="Partibogstavet, fx A, C, F, O eller V."
    )
    position = models.CharField("stemme", max_length=8, choices=Position)

    history = public_record("stemme")

    class Meta:
        verbose_name = "stemme"
        verbose_name_plural = "afstemning"
        ordering = ["position", "party"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "party", "position"],
                name="one_vote_per_party_and_position",
                violation_error_message="Partiet har allerede denne stemme ved punktet.",
            )
        ]

    def __str__(self):
        return f"{self.party}: {self.get_position_display()}"


class Attachment(RecordedModel):
    """
    An attachment ("bilag") to an agenda item: a title, and the PDF once a clerk has added it.

    An imported document lists its items' attachments by title only; the page shows such a title
    without a link until the file is added.
    """

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="attachments", verbose_name="punkt"
    )
    title = models.CharField("titel", max_length=300)
    file = models.FileField(
        "fil (PDF)",
        upload_to=attachment_upload_to,
        max_length=255,
        blank=True,
        validators=[validate_pdf],
    )
    text = models.TextField("tekst fra PDF", blank=True, editable=False)
    file_pages = models.PositiveIntegerField("sider", null=True, editable=False)
    file_size = models.PositiveBigIntegerField("størrelse", null=True, editable=False)
    position = models.PositiveSmallIntegerField("rækkefølge", default=0)
    uploaded_at = models.DateTimeField("uploadet", auto_now_add=True)

    # The PDF's text is derived from the file, which the history keeps by name.
    # Read from the file, which the history keeps: nothing of them is lost.
    history = public_record("bilag", excluded_fields=["text", "file_pages", "file_size"])

    class Meta:
        verbose_name = "bilag"
        verbose_name_plural = "bilag"
        ordering = ["position", "id"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        # A deferred file was never loaded, so it cannot have changed. The replaced file stays
        # in storage and in the history.
        if (update_fields is None or "file" in update_fields) and "file" in self.__dict__:
            stored = "" if self._state.adding else self._stored_file_name()
            if not self.file._committed or (self.file.name or "") != stored:
                self.text, self.file_pages, self.file_size = read_file(self.file)
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, "text", "file_pages", "file_size"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("minutes:attachment", kwargs={"date": self.item.meeting.date, "pk": self.pk})

    def _stored_file_name(self):
        stored = Attachment._base_manager.filter(pk=self.pk).values_list("file", flat=True).first()
        return stored or ""


class MeetingRedirect(models.Model):
    """An old date of a published meeting; its URL answers with a permanent redirect, forever."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, verbose_name="udvalg")
    old_date = models.DateField("tidligere dato")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="redirects", verbose_name="møde"
    )
    created_at = models.DateTimeField("oprettet", auto_now_add=True)

    class Meta:
        verbose_name = "omdirigering"
        verbose_name_plural = "omdirigeringer"
        constraints = [
            models.UniqueConstraint(fields=["committee", "old_date"], name="one_redirect_per_date")
        ]

    def __str__(self):
        return f"{self.old_date} → {self.meeting.date}"


class SearchEntry(models.Model):
    """One searchable piece of a published meeting: its title and remarks, its minutes PDF,
    an open agenda item or an open item's attachment.

    The table is rebuilt from the public accessors (`minutes.search.index_meeting`) whenever a
    meeting, item or attachment is saved, so closed items and unpublished meetings never enter
    it: nothing secret can be found by searching. On PostgreSQL `document` is the Danish text
    search vector of title and body, generated and stored by the database and served by a GIN
    index (`minutes.fulltext`); elsewhere it is NULL.
    """

    class Kind(models.TextChoices):
        MEETING = "moede", "Mødet"
        MINUTES_PDF = "pdf", "Referatet som PDF"
        ITEM = "punkt", "Punkt"
        ATTACHMENT = "bilag", "Bilag"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="search_entries", verbose_name="møde"
    )
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_entries",
        verbose_name="punkt",
    )
    attachment = models.ForeignKey(
        Attachment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_entries",
        verbose_name="bilag",
    )
    kind = models.CharField("type", max_length=10, choices=Kind)
    title = models.CharField("titel", max_length=400, blank=True)
    body = models.TextField("tekst", blank=True)
    document = models.GeneratedField(
        expression=DocumentVector(),
        output_field=SearchVectorField(null=True),
        db_persist=True,
        verbose_name="søgedokument",
    )
    # What a search ranks by and sorts on, kept here so that finding, counting and ordering the
    # matches reads this table alone (`minutes.search.backends`).
    title_document = models.GeneratedField(
        expression=TitleVector(),
        output_field=SearchVectorField(null=True),
        db_persist=True,
        verbose_name="titlens søgedokument",
    )
    meeting_date = models.DateField("mødedato")

    class Meta:
        verbose_name = "søgeindeks"
        verbose_name_plural = "søgeindeks"
        ordering = ["meeting", "id"]
        indexes = [DocumentIndex(fields=["document"], name="searchentry_document")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"[:80]
