"""
The clerks' admin.

A meeting is made from the clerk's document ("Opret møde fra dokument", `minutes.imports`) or
by hand, and edited on one page with its participants and agenda items; the items are folded,
one opened at a time. Publishing is a button of its own. Django admin has no nested inlines, so
an item's attachments and votes are edited on the item's own page, reached from the item's
"Gem og ret bilag og afstemning" button (which saves the meeting first) or its "Rediger bilag og
afstemning" link (the admin's script warns before unsaved changes are left behind); saving the
item returns to the meeting. Uploaded files are never served from MEDIA_URL, so the admin serves
them to clerks itself.

Every change is kept in the history (django-simple-history): each admin action that saves or
deletes is one change set (`minutes.changesets`) made by the clerk, with the clerk's public reason
for a correction ("Begrundelse for rettelsen"). Files the history names are never deleted.
"""

import dataclasses
import datetime
import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminFileWidget, AdminTimeWidget
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, F, Q
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst

from committee.models import Committee, Member

from . import changesets
from .forms import DocumentImportForm
from .imports import CREATED, ImportRefused, import_document
from .models import AgendaItem, Attachment, Meeting, MeetingRedirect, Participant, Vote
from .pdf import pdf_response
from .reports import ImportReport, ReportNote

# Minutes' sections are mostly a few lines; the box grows as the clerk types.
SHORT_TEXTAREAS = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 4})}}


# The names of the publishing buttons in the meeting form's submit row.
PUBLISH = "_publish"
UNPUBLISH = "_unpublish"
# Opens the report's notes at their field; warns before unsaved changes are left behind.
ADMIN_SCRIPT = "js/admin.js"
# The item's "Gem og ret bilag og afstemning": save the meeting, then open the item (its pk).
EDIT_ITEM = "_edit_item"


def default_committee():
    return Committee.objects.order_by("pk").first()


def _search_date(term):
    """A date typed into the search box as 2018-05-29, 29-05-2018 or 29.05.2018, else None."""
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(term.strip(), pattern).date()
        except ValueError:
            continue
    return None


def _meetings(count):
    return "1 møde" if count == 1 else f"{count} møder"


class _FileLink:
    """What the file widget shows for a stored file: a label and a link through the admin."""

    def __init__(self, url, label):
        self.url = url
        self.label = label

    def __str__(self):
        return self.label


class StoredPdfInput(AdminFileWidget):
    """A PDF upload field whose current file links to the admin's own file view."""

    def __init__(self, url_for, attrs=None):
        self.url_for = url_for
        super().__init__(attrs={"accept": "application/pdf,.pdf", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            context["widget"]["value"] = _FileLink(self.url_for(value.instance), "Åbn PDF")
        return context


class PdfUploadMixin:
    """Admin mixin for models with PDF fields: the file input above and the limit in the help."""

    # Field name → function giving the admin URL of the stored file of an instance.
    pdf_file_urls = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        url_for = self.pdf_file_urls.get(db_field.name)
        if url_for:
            kwargs["widget"] = StoredPdfInput(url_for)
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if url_for:
            formfield.help_text = (
                f"Kun PDF-filer, højst {number_format(settings.MINUTES_MAX_UPLOAD_MB)} MB. "
                "Filen gemmes under et nyt navn; teksten i den bliver søgbar."
            )
        return formfield


class DanishInlineFormSet(helpers.InlineAdminFormSet):
    """Says "Tilføj endnu et dagsordenspunkt" where Django can only say "endnu en" for every
    noun: an inline's `add_another_text`, when it has one."""

    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        if text := getattr(self.opts, "add_another_text", None):
            data["options"]["addText"] = text
        return json.dumps(data)


class DanishInlinesMixin:
    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            # Django builds them itself; only the text of one method differs.
            inline_formset.__class__ = DanishInlineFormSet
        return inline_formsets


class StoredFileViewsMixin:
    """Admin views that hand stored PDFs to staff who may see the object they belong to."""

    not_found = "Findes ikke."

    def _viewable(self, request, object_id):
        obj = self.get_object(request, str(object_id))
        if obj is None:
            raise Http404(self.not_found)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj


REASON_FIELD = "correction_reason"
REASON_MAX_LENGTH = 200


class CorrectionReasonForm(forms.ModelForm):
    """A model form with the clerk's public reason for a correction, kept in the history.

    The admin shows the field only once the meeting has been published: before, nothing is a
    correction.
    """

    correction_reason = forms.CharField(
        label="Begrundelse for rettelsen",
        required=False,
        max_length=REASON_MAX_LENGTH,
        help_text="Vises offentligt ved rettelsen, fx “Forkert dato for næste møde”. "
        "Skriv kort, hvad der var forkert; lad feltet stå tomt, hvis du ikke retter noget "
        "offentligt.",
    )


WITHHELD_CONFIRMATION = "publish_withheld_pdf"


class MeetingForm(CorrectionReasonForm):
    """The meeting's form, with the clerk's confirmation that makes a withheld PDF public.

    The admin shows the confirmation only for a meeting that has a withheld PDF.
    """

    publish_withheld_pdf = forms.BooleanField(
        label="Jeg har tjekket PDF'en: den er den offentlige udgave uden lukkede punkters tekst "
        "– offentliggør den som mødets PDF",
        required=False,
        help_text="Sæt kun hak, hvis PDF'en ikke indeholder tekst fra lukkede punkter. Ellers: "
        "upload den offentlige udgave som “Referat som PDF”, eller offentliggør mødet uden PDF.",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(WITHHELD_CONFIRMATION) and "minutes_pdf" in self.changed_data:
            self.add_error(
                WITHHELD_CONFIRMATION,
                "Vælg det ene: offentliggør den tilbageholdte PDF, eller upload en anden PDF "
                "– ikke begge dele.",
            )
        return cleaned


class RecordedChangesMixin:
    """Every admin action that saves or deletes is one change set made by the clerk.

    The change set dates all its historical records alike and, once done, works out the
    meetings' corrections again (`minutes.changesets`).
    """

    def changeform_view(self, request, *args, **kwargs):
        with changesets.change_set(user=request.user):
            return super().changeform_view(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        # Bulk actions and the list's editable fields.
        with changesets.change_set(user=request.user):
            return super().changelist_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with changesets.change_set(user=request.user):
            return super().delete_view(request, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        if reason := form.cleaned_data.get(REASON_FIELD, "").strip():
            changesets.current().reason = reason
        super().save_model(request, obj, form, change)


def _earlier_files(records, current_names, url_for, label_for):
    """Links to the files the history names that are no longer in use, newest first, once each."""
    seen = set(current_names)
    links = []
    for record in records:
        name = record.file_name
        if name and name not in seen:
            seen.add(name)
            links.append((url_for(record), label_for(record)))
    if not links:
        return "Ingen."
    return format_html(
        '<ul class="earlier-files">{}</ul>',
        format_html_join("", '<li><a href="{}">{}</a></li>', links),
    )


class ParticipantFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            member = form.cleaned_data.get("member")
            if member and member.committee_id != self.instance.committee_id:
                form.add_error("member", "Medlemmet er ikke med i mødets udvalg.")


class LabelledTabularInline(admin.TabularInline):
    """A tabular inline whose fields are labelled for screen readers, not only by the column
    heading (which assistive technology does not tie to the fields)."""

    # A party letter is one to three characters: a short box reads better in a table row.
    narrow_fields = ("party",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.narrow_fields:
            kwargs["widget"] = forms.TextInput(attrs={"size": 3})
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            # Related fields come wrapped with their add/change links: label the field itself.
            widget = getattr(formfield.widget, "widget", formfield.widget)
            widget.attrs.setdefault("aria-label", capfirst(db_field.verbose_name))
        return formfield

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        verbose_name = self.model._meta.verbose_name

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    form.fields["DELETE"].widget.attrs["aria-label"] = f"Slet {verbose_name}"

        return LabelledFormSet


class ParticipantInline(LabelledTabularInline):
    model = Participant
    formset = ParticipantFormSet
    fields = ["member", "name", "party", "status", "position"]
    extra = 1
    add_another_text = "Tilføj endnu en deltager"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only the committee's own members, former ones included: old meetings name them too.
        committee = obj.committee if obj else default_committee()
        formset.form.base_fields["member"].queryset = Member.objects.filter(committee=committee)
        return formset


# An item's form follows the minutes: number, title, closed, the sections in their order, then
# the decision as data and what a closed item may make public.
ITEM_FIELDS = [
    "number",
    "title",
    "is_closed",
    *(field for field, _ in AgendaItem.SECTIONS),
    "outcome",
    "public_decision",
]


class AgendaItemInline(admin.StackedInline):
    """The items, each folded to a line with its number, title, closed flag and outcome."""

    model = AgendaItem
    fields = [*ITEM_FIELDS, "attachments_link"]
    readonly_fields = ["attachments_link"]
    formfield_overrides = SHORT_TEXTAREAS
    template = "admin/minutes/meeting/items_inline.html"
    add_another_text = "Tilføj endnu et dagsordenspunkt"
    # The meeting's own "Vis på siden" is enough; one per item only crowds the page.
    view_on_site = False
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(attachment_count=Count("attachments"))

    @admin.display(description="bilag")
    def attachments_link(self, item):
        if not item.pk:
            return "Gem mødet først; derefter kan du tilføje bilag til punktet."
        url = reverse("admin:minutes_agendaitem_change", args=[item.pk])
        # The link leaves the meeting's form as it is (the admin's script warns of unsaved
        # changes); the button saves the meeting with its items first.
        return format_html(
            '<button type="submit" name="{}" value="{}">Gem og ret bilag og afstemning</button> '
            '<a href="{}">Rediger bilag ({}) og afstemning</a>',
            EDIT_ITEM,
            item.pk,
            url,
            item.attachment_count,
        )


# Where the meeting's form has the meeting's fields a note may be about: the element to go to.
MEETING_FIELD_TARGETS = {
    "kind": "id_kind_0",
    "committee": "id_committee",
    "date": "id_date",
    "start_time": "id_start_time",
    "place": "id_place",
    "participants": "participants-group",
    "remarks": "id_remarks",
    "pdf": "id_minutes_pdf",
}
# The item's fields that are edited on the item's own page, not in the meeting's form.
ITEM_PAGE_FIELDS = {"attachments": "bilag", "votes": "afstemning"}


@dataclasses.dataclass(frozen=True)
class PointingNote:
    """A note of the import report as the meeting's form shows it: a link that says which field
    it is about (`label`, `href`; `focus` is what the admin's script focuses), then the note."""

    note: ReportNote
    label: str = ""
    href: str = ""
    focus: str = ""

    @property
    def detail(self):
        return self.note.detail if self.href else self.note.text


def _pointing_note(note, item_forms, targets=MEETING_FIELD_TARGETS):
    """The note pointing at its item's or the meeting's field in the form, where it has one.

    Without JavaScript the link goes to the item (folded) or the meeting's field; the admin's
    script opens the item and focuses the field.
    """
    if note.item is not None:
        form = item_forms.get(note.item)
        if form is None:
            return PointingNote(note)
        item = f"#{form.prefix}"
        if note.field in ITEM_PAGE_FIELDS:
            label, focus = ITEM_PAGE_FIELDS[note.field], f"{item} button[name={EDIT_ITEM}]"
        elif note.field in ITEM_FIELDS and note.field in form.fields:
            label = AgendaItem._meta.get_field(note.field).verbose_name
            focus = f"#{form[note.field].id_for_label}"
        else:
            label, focus = "", f"{item} summary"
        name = f"Punkt {note.item}" + (f", {label}" if label else "")
        return PointingNote(note, name, item, focus)
    target = targets.get(note.field)
    if target is None:
        return PointingNote(note)
    if note.field == "participants":
        label = Participant._meta.verbose_name_plural
    elif note.field == "pdf" and target == f"id_{WITHHELD_CONFIRMATION}":
        label = Meeting._meta.get_field("withheld_pdf").verbose_name
    elif note.field == "pdf":
        label = Meeting._meta.get_field("minutes_pdf").verbose_name
    else:
        label = Meeting._meta.get_field(note.field).verbose_name
    return PointingNote(note, capfirst(label), f"#{target}", f"#{target}")


class RecordInline(admin.TabularInline):
    """Rows the site keeps as a record: shown to clerks, never added, changed or removed."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MeetingRedirectInline(RecordInline):
    model = MeetingRedirect
    verbose_name_plural = "tidligere datoer (links hertil sendes videre til mødet)"
    fields = ["old_date", "created_at"]


@admin.register(Meeting)
class MeetingAdmin(
    RecordedChangesMixin,
    DanishInlinesMixin,
    StoredFileViewsMixin,
    PdfUploadMixin,
    admin.ModelAdmin,
):
    list_display = ["date", "kind", "status", "item_count", "corrected_at"]
    list_filter = ["is_published", "kind"]
    date_hierarchy = "date"
    search_fields = ["items__title", "remarks", "place"]
    search_help_text = "Søg i punkternes titler, bemærkninger og mødested, eller skriv en dato."
    actions = ["publish_meetings", "unpublish_meetings"]
    form = MeetingForm
    fieldsets = [
        ("Mødefakta", {"fields": ["committee", "kind", "date", "start_time", "place"]}),
        ("Referat", {"fields": ["remarks", "minutes_pdf", "pdf_text_status", "earlier_pdfs"]}),
        (
            "Offentliggørelse",
            {"fields": ["first_published_at", "corrected_at", "corrections_link", "updated_at"]},
        ),
    ]
    # Only for a meeting the public has seen: what a correction changes is shown with it.
    correction_fieldset = ("Rettelse", {"fields": [REASON_FIELD]})
    readonly_fields = [
        "pdf_text_status",
        "withheld_pdf_status",
        "earlier_pdfs",
        "first_published_at",
        "corrected_at",
        "corrections_link",
        "updated_at",
    ]
    change_list_template = "admin/minutes/meeting/change_list.html"
    radio_fields = {"kind": admin.HORIZONTAL}
    formfield_overrides = SHORT_TEXTAREAS
    pdf_file_urls = {
        "minutes_pdf": lambda meeting: reverse("admin:minutes_meeting_pdf", args=[meeting.pk])
    }
    view_on_site = True
    save_on_top = True
    not_found = "Mødet findes ikke."

    class Media:
        js = [ADMIN_SCRIPT]

    # Only for a meeting with a withheld PDF: the file, and the clerk's confirmation.
    withheld_fields = ["withheld_pdf_status", WITHHELD_CONFIRMATION]

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            fieldsets = [(name, dict(options)) for name, options in self.fieldsets]
            if obj.withheld_pdf:
                for _name, options in fieldsets:
                    fields = list(options["fields"])
                    if "minutes_pdf" in fields:
                        after = fields.index("minutes_pdf") + 1
                        options["fields"] = fields[:after] + self.withheld_fields + fields[after:]
            if obj.has_been_published:
                fieldsets.append(self.correction_fieldset)
            return fieldsets
        # A new meeting has nothing to show in the read-only fields yet.
        fieldsets = [
            (name, {"fields": [f for f in options["fields"] if f not in self.readonly_fields]})
            for name, options in self.fieldsets
        ]
        return [(name, options) for name, options in fieldsets if options["fields"]]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "start_time":
            # Minutes say "Kl. 17:00"; seconds would only be noise in the clerk's form.
            kwargs["widget"] = AdminTimeWidget(format="%H:%M")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("committee")
            .annotate(item_count=Count("items"))
        )

    def has_delete_permission(self, request, obj=None):
        # Journalists link to what was published: a clerk may delete a draft made by mistake,
        # but a meeting that has been public is only unpublished. Superusers keep the last word.
        if obj is not None and obj.has_been_published and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.is_superuser:
            # The bulk delete action checks no single meeting, so it cannot keep that promise.
            actions.pop("delete_selected", None)
        return actions

    def get_inlines(self, request, obj):
        inlines = [ParticipantInline, AgendaItemInline]
        # Old dates kept as redirects, shown only where there is something to show.
        if obj is not None and obj.redirects.exists():
            inlines.append(MeetingRedirectInline)
        return inlines

    def get_changeform_initial_data(self, request):
        """A new meeting is for the (usually only) committee, at the time and place of its last."""
        initial = super().get_changeform_initial_data(request)
        committee = default_committee()
        if committee and "committee" not in initial:
            initial["committee"] = committee.pk
            last = committee.meetings.order_by("-date").first()
            if last:
                initial.setdefault("start_time", last.start_time)
                initial.setdefault("place", last.place)
        return initial

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        day = _search_date(search_term)
        if day:
            found |= queryset.filter(date=day)
        return found, may_have_duplicates

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("indlaes/", view(self.import_view), name="minutes_meeting_import"),
            path("<int:object_id>/referat.pdf", view(self.pdf_view), name="minutes_meeting_pdf"),
            path(
                "<int:object_id>/tilbageholdt.pdf",
                view(self.withheld_pdf_view),
                name="minutes_meeting_withheld_pdf",
            ),
            path(
                "<int:object_id>/version/<int:record_id>.pdf",
                view(self.pdf_version_view),
                name="minutes_meeting_pdf_version",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        meeting = context.get("original")
        report = meeting.report if meeting else ImportReport()
        item_forms = {}
        for inline_admin_formset in context.get("inline_admin_formsets", []):
            if isinstance(inline_admin_formset.opts, AgendaItemInline):
                item_forms = {
                    form.instance.number: form
                    for form in inline_admin_formset.formset.initial_forms
                }
        # The folded items say how many notes of the report the clerk should look at.
        for number, form in item_forms.items():
            form.instance.report_checks = len(report.checks_for(number))
        targets = MEETING_FIELD_TARGETS
        if meeting is not None and meeting.withheld_pdf:
            targets = {**targets, "pdf": f"id_{WITHHELD_CONFIRMATION}"}
        context.update(
            withheld_pdf=bool(meeting and meeting.withheld_pdf),
            status=self.status(meeting) if meeting else "Nyt møde – ikke gemt endnu",
            may_publish=meeting is None or not meeting.is_published,
            may_unpublish=meeting is not None and meeting.is_published,
            import_report=report,
            report_info=[_pointing_note(note, item_forms, targets) for note in report.info],
            report_checks=[_pointing_note(note, item_forms, targets) for note in report.checks],
        )
        return super().render_change_form(request, context, add, change, **kwargs)

    def save_model(self, request, obj, form, change):
        # Publishing is a button of its own, through the model, so that the first publication
        # is dated exactly once (at the time of this change set: what this save changes belongs
        # to the first publication, not to a correction).
        if PUBLISH in request.POST:
            obj.publish()
        elif UNPUBLISH in request.POST:
            obj.unpublish()
        if form.cleaned_data.get(WITHHELD_CONFIRMATION) and obj.withheld_pdf:
            # The clerk has confirmed it is the public version: it becomes the meeting's PDF, and
            # is read for search as every new PDF is (the history keeps both fields).
            obj.minutes_pdf = obj.withheld_pdf.name
            obj.withheld_pdf = ""
            self.message_user(
                request,
                "PDF'en fra indlæsningen er nu mødets PDF og vises på siden, når mødet er "
                "offentliggjort.",
                messages.SUCCESS,
            )
        elif "minutes_pdf" in form.changed_data and obj.minutes_pdf and obj.withheld_pdf:
            # The clerk has uploaded the public version; the withheld one stays on record.
            obj.withheld_pdf = ""
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        return self._response_to_publishing(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return (
            self._response_to_publishing(request, obj)
            or self._response_to_editing_an_item(request, obj)
            or super().response_change(request, obj)
        )

    def _response_to_editing_an_item(self, request, obj):
        """On to the item's own page (attachments and votes) once the meeting is saved."""
        if EDIT_ITEM not in request.POST:
            return None
        wanted = request.POST[EDIT_ITEM]
        item = obj.items.filter(pk=wanted).first() if wanted.isdigit() else None
        if item is None:
            # Deleted in the same save: the meeting is saved, and the clerk stays with it.
            self.message_user(request, "Mødet er gemt. Punktet findes ikke længere.", messages.INFO)
            return HttpResponseRedirect(reverse("admin:minutes_meeting_change", args=[obj.pk]))
        self.message_user(
            request,
            f"Mødet er gemt. Ret bilag og afstemning for punkt {item.number}; når du gemmer "
            "punktet, kommer du tilbage til mødet.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:minutes_agendaitem_change", args=[item.pk]))

    def _response_to_publishing(self, request, obj):
        """Back to the meeting after publishing or unpublishing it, saying what happened."""
        if PUBLISH in request.POST and obj.withheld_pdf:
            message = (
                "Mødet er gemt og offentliggjort uden PDF. Det kan nu ses på siden. PDF'en fra "
                "indlæsningen er ikke offentliggjort, fordi den indeholder tekst fra lukkede "
                "punkter; bekræft den under Referat, eller upload den offentlige udgave."
            )
        elif PUBLISH in request.POST:
            message = "Mødet er gemt og offentliggjort. Det kan nu ses på siden."
        elif UNPUBLISH in request.POST:
            message = (
                "Mødet er gemt og fjernet fra siden. Det kan offentliggøres igen når som helst."
            )
        else:
            return None
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:minutes_meeting_change", args=[obj.pk]))

    def delete_view(self, request, object_id, extra_context=None):
        """A meeting the public has seen is deleted only with a reason, kept in the history.

        The confirmation says what goes from the public site and what stays on record.
        """
        meeting = self.get_object(request, unquote(object_id))
        if meeting is None or not meeting.has_been_published:
            return super().delete_view(request, object_id, extra_context)
        if not self.has_delete_permission(request, meeting):
            raise PermissionDenied
        reason = request.POST.get("removal_reason", "").strip()[:REASON_MAX_LENGTH]
        if request.method == "POST" and not reason:
            self.message_user(
                request,
                "Skriv en begrundelse for sletningen (fx sagsnummeret på afgørelsen), "
                "før mødet kan slettes.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        context = {**(extra_context or {}), "removal": self._removal(meeting)}
        with changesets.change_set(user=request.user, reason=reason):
            return super().delete_view(request, object_id, context)

    def _removal(self, meeting):
        """What deleting a published meeting takes from the public site, in numbers."""
        items = meeting.items.all()
        files = Attachment.objects.filter(item__meeting=meeting).exclude(file="").count()
        return {
            "url": meeting.get_absolute_url(),
            "published": meeting.first_published_at,
            "items": items.count(),
            "closed_items": items.filter(is_closed=True).count(),
            "files": files + (1 if meeting.minutes_pdf else 0),
            "redirects": meeting.redirects.count(),
        }

    @admin.display(description="punkter", ordering="item_count")
    def item_count(self, meeting):
        return meeting.item_count

    @admin.display(description="status", ordering="is_published")
    def status(self, meeting):
        """Kladde, offentliggjort or rettet, in words, with the dates that say when."""
        if meeting.is_published and meeting.corrected_at:
            corrected = timezone.localtime(meeting.corrected_at)
            return f"Offentliggjort, rettet {corrected:%d-%m-%Y kl. %H:%M}"
        if meeting.is_published and meeting.first_published_at:
            return f"Offentliggjort {timezone.localtime(meeting.first_published_at):%d-%m-%Y}"
        if meeting.is_published:
            return "Offentliggjort"
        if meeting.has_been_published:
            return "Fjernet fra siden (har været offentliggjort)"
        return "Kladde – ikke offentliggjort"

    @admin.display(description="tidligere PDF'er")
    def earlier_pdfs(self, meeting):
        """The PDFs the meeting had before, kept in the history and in storage."""
        records = meeting.history.exclude(minutes_pdf="").annotate(file_name=F("minutes_pdf"))
        return _earlier_files(
            records.only("history_id", "history_date", "minutes_pdf"),
            [meeting.minutes_pdf.name or ""],
            lambda record: reverse(
                "admin:minutes_meeting_pdf_version", args=[meeting.pk, record.history_id]
            ),
            lambda record: f"PDF'en fra {timezone.localtime(record.history_date):%d-%m-%Y %H:%M}",
        )

    @admin.display(description="tilbageholdt PDF")
    def withheld_pdf_status(self, meeting):
        """The withheld PDF, for the clerk to open and check, and why it is not public."""
        if not meeting.withheld_pdf:
            return "Ingen."
        has_text = Q()
        for field_name, _heading in AgendaItem.SECTIONS:
            has_text |= ~Q(**{field_name: ""})
        closed = meeting.items.filter(has_text, is_closed=True).values_list("number", flat=True)
        which = f" (punkt {', '.join(map(str, closed))})" if closed else ""
        return format_html(
            '<a href="{}">Åbn den tilbageholdte PDF</a><br>PDF\'en fra indlæsningen indeholder '
            "tekst fra lukkede punkter{}. Den er ikke offentlig: den vises ikke på siden og kan "
            "ikke findes ved søgning. Offentliggøres mødet, sker det uden PDF, indtil du "
            "bekræfter PDF'en nedenfor eller uploader den offentlige udgave som “Referat som "
            "PDF”.",
            reverse("admin:minutes_meeting_withheld_pdf", args=[meeting.pk]),
            which,
        )

    @admin.display(description="rettelser")
    def corrections_link(self, meeting):
        if not meeting.corrected_at:
            return "Ingen rettelser efter offentliggørelsen."
        url = reverse("minutes:meeting_corrections", kwargs={"date": meeting.date})
        return format_html('<a href="{}">Se rettelserne, som borgerne ser dem</a>', url)

    @admin.display(description="tekst fra PDF til søgning")
    def pdf_text_status(self, meeting):
        if not meeting.minutes_pdf:
            return "Der er ingen PDF."
        if not meeting.minutes_pdf_text:
            return (
                "Der blev ikke fundet tekst i PDF'en (den er måske skannet). Den vises alligevel, "
                "men dens indhold kan ikke findes ved søgning."
            )
        characters = number_format(len(meeting.minutes_pdf_text), force_grouping=True)
        return f"{characters} tegn fundet – indholdet kan findes ved søgning."

    @admin.action(description="Offentliggør valgte møder", permissions=["change"])
    def publish_meetings(self, request, queryset):
        meetings = list(queryset.filter(is_published=False))
        for meeting in meetings:
            meeting.publish()
            meeting.save()
            self.log_change(request, meeting, "Offentliggjort.")
        if meetings:
            message = f"{_meetings(len(meetings))} er offentliggjort."
            if withheld := sum(1 for meeting in meetings if meeting.withheld_pdf):
                message += (
                    f" {_meetings(withheld)} er offentliggjort uden PDF, fordi PDF'en fra "
                    "indlæsningen indeholder tekst fra lukkede punkter."
                )
            self.message_user(request, message)
        else:
            self.message_user(
                request, "De valgte møder var allerede offentliggjort.", messages.INFO
            )

    @admin.action(description="Fjern valgte møder fra siden", permissions=["change"])
    def unpublish_meetings(self, request, queryset):
        meetings = list(queryset.filter(is_published=True))
        for meeting in meetings:
            meeting.unpublish()
            meeting.save()
            self.log_change(request, meeting, "Fjernet fra siden.")
        if meetings:
            self.message_user(
                request,
                f"{_meetings(len(meetings))} er fjernet fra siden. "
                "De kan offentliggøres igen når som helst.",
            )
        else:
            self.message_user(request, "De valgte møder var ikke offentliggjort.", messages.INFO)

    def import_view(self, request):
        """ "Opret møde fra dokument": the clerk's document read into a draft meeting."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = DocumentImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                with changesets.change_set(user=request.user):
                    result = import_document(
                        form.cleaned_data["parsed"],
                        committee=form.cleaned_data["committee"],
                        pdf=form.pdf,
                        source_name=form.source_name,
                    )
            except ImportRefused as refusal:
                form.add_error(None, self._refusal(refusal))
            else:
                return self._response_to_import(request, result)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Opret møde fra dokument",
            "form": form,
            "adminform": helpers.AdminForm(
                form, [(None, {"fields": ["document", "text", "committee"]})], {}
            ),
            "errors": helpers.AdminErrorList(form, []),
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/minutes/meeting/import.html", context)

    def _refusal(self, refusal):
        if refusal.meeting is None:
            return str(refusal)
        url = reverse("admin:minutes_meeting_change", args=[refusal.meeting.pk])
        return format_html('{} <a href="{}">Gå til mødet</a>.', str(refusal), url)

    def _response_to_import(self, request, result):
        meeting = result.meeting
        message = f"Indlæst: {result.summary()}."
        if result.base_action == CREATED:
            self.log_addition(request, meeting, message)
        else:
            self.log_change(request, meeting, message)
        self.message_user(
            request,
            f"{message} Tjek mødet nedenfor – rapporten øverst siger, hvad der ikke blev "
            "genkendt – og offentliggør det, når det er klar.",
            messages.SUCCESS if not result.notes else messages.WARNING,
        )
        return HttpResponseRedirect(reverse("admin:minutes_meeting_change", args=[meeting.pk]))

    def pdf_view(self, request, object_id):
        meeting = self._viewable(request, object_id)
        if not meeting.minutes_pdf:
            raise Http404("Mødet har ingen PDF.")
        return pdf_response(meeting.minutes_pdf, f"referat-{meeting.date}.pdf")

    def withheld_pdf_view(self, request, object_id):
        """The withheld PDF, to the clerks only: it holds closed items' text."""
        meeting = self._viewable(request, object_id)
        if not meeting.withheld_pdf:
            raise Http404("Mødet har ingen tilbageholdt PDF.")
        return pdf_response(meeting.withheld_pdf, f"tilbageholdt-{meeting.date}.pdf")

    def pdf_version_view(self, request, object_id, record_id):
        """An earlier PDF of the meeting, as the history names it."""
        meeting = self._viewable(request, object_id)
        record = meeting.history.exclude(minutes_pdf="").filter(history_id=record_id).first()
        if record is None:
            raise Http404("Versionen findes ikke.")
        saved = timezone.localtime(record.history_date)
        return pdf_response(
            Meeting(minutes_pdf=record.minutes_pdf).minutes_pdf,
            f"referat-{meeting.date}-fra-{saved:%Y-%m-%d-%H%M}.pdf",
        )


class AttachmentInline(PdfUploadMixin, LabelledTabularInline):
    model = Attachment
    fields = ["title", "file", "position"]
    view_on_site = False
    extra = 1
    add_another_text = "Tilføj endnu et bilag"
    pdf_file_urls = {
        "file": lambda attachment: reverse(
            "admin:minutes_agendaitem_attachment", args=[attachment.item_id, attachment.pk]
        )
    }


class VoteInline(LabelledTabularInline):
    """How each party voted, where the committee voted on the item."""

    model = Vote
    fields = ["party", "position"]
    extra = 1
    add_another_text = "Tilføj endnu en stemme"


@admin.register(AgendaItem)
class AgendaItemAdmin(
    RecordedChangesMixin, DanishInlinesMixin, StoredFileViewsMixin, admin.ModelAdmin
):
    """One item with its attachments and votes; saving it returns the clerk to the meeting."""

    not_found = "Punktet findes ikke."
    list_display = ["title", "number", "meeting", "is_closed", "attachment_count"]
    list_select_related = ["meeting__committee"]
    list_filter = ["is_closed"]
    date_hierarchy = "meeting__date"
    search_fields = ["title", "decision", "case_presentation"]
    autocomplete_fields = ["meeting"]
    fields = ["meeting", *ITEM_FIELDS]
    readonly_fields = ["earlier_attachments"]
    form = CorrectionReasonForm
    formfield_overrides = SHORT_TEXTAREAS
    view_on_site = True
    inlines = [AttachmentInline, VoteInline]

    class Media:
        js = [ADMIN_SCRIPT]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(attachment_count=Count("attachments"))

    def get_fields(self, request, obj=None):
        if obj is None:
            return self.fields
        fields = [*self.fields, "earlier_attachments"]
        if obj.meeting.has_been_published:
            fields.append(REASON_FIELD)
        return fields

    @admin.display(description="tidligere bilag")
    def earlier_attachments(self, item):
        """Attachment files the item had before, kept in the history and in storage."""
        records = (
            Attachment.history.filter(item_id=item.pk)
            .exclude(file="")
            .annotate(file_name=F("file"))
            .only("history_id", "history_date", "title", "file")
        )
        return _earlier_files(
            records,
            item.attachments.values_list("file", flat=True),
            lambda record: reverse(
                "admin:minutes_agendaitem_attachment_version", args=[item.pk, record.history_id]
            ),
            lambda record: (
                f"{record.title} (fra {timezone.localtime(record.history_date):%d-%m-%Y %H:%M})"
            ),
        )

    def get_urls(self):
        return [
            path(
                "<int:object_id>/bilag/<int:attachment_id>.pdf",
                self.admin_site.admin_view(self.attachment_view),
                name="minutes_agendaitem_attachment",
            ),
            path(
                "<int:object_id>/tidligere-bilag/<int:record_id>.pdf",
                self.admin_site.admin_view(self.attachment_version_view),
                name="minutes_agendaitem_attachment_version",
            ),
            *super().get_urls(),
        ]

    def response_post_save_add(self, request, obj):
        return self._back_to_meeting(obj)

    def response_post_save_change(self, request, obj):
        return self._back_to_meeting(obj)

    @admin.display(description="bilag", ordering="attachment_count")
    def attachment_count(self, item):
        return item.attachment_count

    def attachment_view(self, request, object_id, attachment_id):
        item = self._viewable(request, object_id)
        attachment = item.attachments.filter(pk=attachment_id).first()
        if attachment is None:
            raise Http404("Bilaget findes ikke.")
        return pdf_response(attachment.file, f"bilag-{item.meeting.date}-{attachment.pk}.pdf")

    def attachment_version_view(self, request, object_id, record_id):
        """An attachment file the item had, as the history names it."""
        item = self._viewable(request, object_id)
        record = (
            Attachment.history.filter(item_id=item.pk, history_id=record_id)
            .exclude(file="")
            .first()
        )
        if record is None:
            raise Http404("Det tidligere bilag findes ikke.")
        filename = f"tidligere-bilag-{item.meeting.date}-{record.history_id}.pdf"
        return pdf_response(Attachment(file=record.file).file, filename)

    def _back_to_meeting(self, item):
        return HttpResponseRedirect(reverse("admin:minutes_meeting_change", args=[item.meeting_id]))
