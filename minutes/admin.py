"""
The clerks' admin.

A meeting is edited on one page with its participants and agenda items. Django admin has no
nested inlines, so an item's attachments are edited on the item's own page, reached from the
item's "Rediger bilag" link on the meeting page; saving the item returns to the meeting.
Uploaded files are never served from MEDIA_URL, so the admin serves them to clerks itself.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget, AdminTimeWidget
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html

from committee.models import Committee, Member

from .models import (
    AgendaItem,
    Attachment,
    AttachmentVersion,
    Meeting,
    MeetingRedirect,
    MinutesPdfVersion,
    Participant,
)
from .pdf import pdf_response

# Minutes' sections are mostly a few lines; the box grows as the clerk types.
SHORT_TEXTAREAS = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 4})}}


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


class ParticipantFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            member = form.cleaned_data.get("member")
            if member and member.committee_id != self.instance.committee_id:
                form.add_error("member", "Medlemmet er ikke med i mødets udvalg.")


class ParticipantInline(admin.TabularInline):
    model = Participant
    formset = ParticipantFormSet
    fields = ["member", "name", "party", "status", "position"]
    extra = 1

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "party":
            kwargs["widget"] = forms.TextInput(attrs={"size": 3})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only the committee's own members, former ones included: old meetings name them too.
        committee = obj.committee if obj else default_committee()
        formset.form.base_fields["member"].queryset = Member.objects.filter(committee=committee)
        return formset


# An item's form follows the minutes: number, title, closed, then the sections in their order.
ITEM_FIELDS = ["number", "title", "is_closed", *(field for field, _ in AgendaItem.SECTIONS)]


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    fields = [*ITEM_FIELDS, "attachments_link"]
    readonly_fields = ["attachments_link"]
    formfield_overrides = SHORT_TEXTAREAS
    show_change_link = True
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
        return format_html('<a href="{}">Rediger bilag ({})</a>', url, item.attachment_count)


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


class MinutesPdfVersionInline(RecordInline):
    """Earlier minutes PDFs, to look at but never to change: they are what was once public."""

    model = MinutesPdfVersion
    fields = ["replaced_at", "file_link"]

    @admin.display(description="fil")
    def file_link(self, version):
        url = reverse("admin:minutes_meeting_pdf_version", args=[version.meeting_id, version.pk])
        return format_html('<a href="{}">Åbn den tidligere PDF</a>', url)


class MeetingRedirectInline(RecordInline):
    model = MeetingRedirect
    verbose_name_plural = "tidligere datoer (links hertil sendes videre til mødet)"
    fields = ["old_date", "created_at"]


@admin.register(Meeting)
class MeetingAdmin(StoredFileViewsMixin, PdfUploadMixin, admin.ModelAdmin):
    list_display = ["date", "kind", "is_published", "item_count", "corrected_at"]
    list_filter = ["is_published", "kind"]
    date_hierarchy = "date"
    search_fields = ["items__title", "remarks", "place"]
    search_help_text = "Søg i punkternes titler, bemærkninger og mødested, eller skriv en dato."
    actions = ["publish_meetings", "unpublish_meetings"]
    fieldsets = [
        ("Mødefakta", {"fields": ["committee", "kind", "date", "start_time", "place"]}),
        ("Referat", {"fields": ["remarks", "minutes_pdf", "pdf_text_status"]}),
        (
            "Offentliggørelse",
            {"fields": ["is_published", "first_published_at", "corrected_at", "updated_at"]},
        ),
    ]
    readonly_fields = ["pdf_text_status", "first_published_at", "corrected_at", "updated_at"]
    radio_fields = {"kind": admin.HORIZONTAL}
    formfield_overrides = SHORT_TEXTAREAS
    pdf_file_urls = {
        "minutes_pdf": lambda meeting: reverse("admin:minutes_meeting_pdf", args=[meeting.pk])
    }
    view_on_site = True
    save_on_top = True
    not_found = "Mødet findes ikke."

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            return self.fieldsets
        # A new meeting has nothing to show in the read-only fields yet.
        return [
            (name, {"fields": [f for f in options["fields"] if f not in self.readonly_fields]})
            for name, options in self.fieldsets
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "start_time":
            # Minutes say "Kl. 17:00"; seconds would only be noise in the clerk's form.
            kwargs["widget"] = AdminTimeWidget(format="%H:%M")
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "is_published":
            formfield.help_text = (
                "Sæt flueben for at vise mødet på siden. Fjernes fluebenet igen, forsvinder "
                "mødet fra siden, men det slettes ikke."
            )
        return formfield

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
        # What a correction kept, shown only where there is something to show.
        if obj is not None and obj.pdf_versions.exists():
            inlines.append(MinutesPdfVersionInline)
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
            path("<int:object_id>/referat.pdf", view(self.pdf_view), name="minutes_meeting_pdf"),
            path(
                "<int:object_id>/version/<int:version_id>.pdf",
                view(self.pdf_version_view),
                name="minutes_meeting_pdf_version",
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        # Whether this save corrects something the public has already seen (see save_related).
        form.corrects_public_meeting = change and obj.has_been_published
        if "is_published" in form.changed_data:
            # Through the model, so that the first publication is dated exactly once.
            if obj.is_published:
                obj.publish()
            else:
                obj.unpublish()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        content_changed = bool(set(form.changed_data) - {"is_published"}) or any(
            formset.has_changed() for formset in formsets
        )
        if getattr(form, "corrects_public_meeting", False) and content_changed:
            meeting = form.instance
            meeting.corrected_at = timezone.now()
            meeting.save(update_fields=["corrected_at", "updated_at"])

    @admin.display(description="punkter", ordering="item_count")
    def item_count(self, meeting):
        return meeting.item_count

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
            self.message_user(request, f"{_meetings(len(meetings))} er offentliggjort.")
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

    def pdf_view(self, request, object_id):
        meeting = self._viewable(request, object_id)
        if not meeting.minutes_pdf:
            raise Http404("Mødet har ingen PDF.")
        return pdf_response(meeting.minutes_pdf, f"referat-{meeting.date}.pdf")

    def pdf_version_view(self, request, object_id, version_id):
        meeting = self._viewable(request, object_id)
        version = meeting.pdf_versions.filter(pk=version_id).first()
        if version is None:
            raise Http404("Versionen findes ikke.")
        replaced = timezone.localtime(version.replaced_at)
        return pdf_response(
            version.file, f"referat-{meeting.date}-erstattet-{replaced:%Y-%m-%d-%H%M}.pdf"
        )


class AttachmentInline(PdfUploadMixin, admin.TabularInline):
    model = Attachment
    fields = ["title", "file", "position"]
    view_on_site = False
    extra = 1
    pdf_file_urls = {
        "file": lambda attachment: reverse(
            "admin:minutes_agendaitem_attachment", args=[attachment.item_id, attachment.pk]
        )
    }


class AttachmentVersionInline(RecordInline):
    """Attachment files that were once public, replaced or removed since."""

    model = AttachmentVersion
    fields = ["title", "replaced_at", "file_link"]

    @admin.display(description="fil")
    def file_link(self, version):
        url = reverse(
            "admin:minutes_agendaitem_attachment_version", args=[version.item_id, version.pk]
        )
        return format_html('<a href="{}">Åbn det tidligere bilag</a>', url)


@admin.register(AgendaItem)
class AgendaItemAdmin(StoredFileViewsMixin, admin.ModelAdmin):
    """One item with its attachments; saving it returns the clerk to the meeting."""

    not_found = "Punktet findes ikke."
    list_display = ["title", "number", "meeting", "is_closed", "attachment_count"]
    list_select_related = ["meeting__committee"]
    list_filter = ["is_closed"]
    date_hierarchy = "meeting__date"
    search_fields = ["title", "decision", "case_presentation"]
    autocomplete_fields = ["meeting"]
    fields = ["meeting", *ITEM_FIELDS]
    formfield_overrides = SHORT_TEXTAREAS
    view_on_site = True

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(attachment_count=Count("attachments"))

    def get_inlines(self, request, obj):
        if obj is not None and obj.attachment_versions.exists():
            return [AttachmentInline, AttachmentVersionInline]
        return [AttachmentInline]

    def get_urls(self):
        return [
            path(
                "<int:object_id>/bilag/<int:attachment_id>.pdf",
                self.admin_site.admin_view(self.attachment_view),
                name="minutes_agendaitem_attachment",
            ),
            path(
                "<int:object_id>/tidligere-bilag/<int:version_id>.pdf",
                self.admin_site.admin_view(self.attachment_version_view),
                name="minutes_agendaitem_attachment_version",
            ),
            *super().get_urls(),
        ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        meeting = form.instance.meeting
        changed = form.has_changed() or any(formset.has_changed() for formset in formsets)
        if meeting.has_been_published and changed:
            meeting.corrected_at = timezone.now()
            meeting.save(update_fields=["corrected_at", "updated_at"])

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

    def attachment_version_view(self, request, object_id, version_id):
        item = self._viewable(request, object_id)
        version = item.attachment_versions.filter(pk=version_id).first()
        if version is None:
            raise Http404("Det tidligere bilag findes ikke.")
        filename = f"tidligere-bilag-{item.meeting.date}-{version.pk}.pdf"
        return pdf_response(version.file, filename)

    def _back_to_meeting(self, item):
        return HttpResponseRedirect(reverse("admin:minutes_meeting_change", args=[item.meeting_id]))
