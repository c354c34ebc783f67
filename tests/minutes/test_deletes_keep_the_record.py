"""Deleting anything of a published meeting, by any path, keeps its public content and files.

The paths: the admin's inline "Slet" box, an object's delete page, the bulk action in a list, a
queryset delete in the shell, and the cascade from what it belongs to. Every one of them must
leave a historical record with the content the public saw, leave the files in storage, and
(for an item, attachment or participant) show as a correction.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pytest_django.asserts import assertContains

from minutes import changesets
from minutes.demo import make_pdf
from minutes.models import AgendaItem, Attachment, Meeting, Participant, Vote
from tests.markup import element, elements, text

from .test_clerk_admin import change_url, item_url, saved

pytestmark = pytest.mark.django_db

CORRECTIONS_URL = "/referater/2018-05-29/rettelser/"


def upload(paragraph):
    return SimpleUploadedFile("fil.pdf", make_pdf("Dokument", [paragraph]), "application/pdf")


@pytest.fixture
def meeting(make_meeting):
    """A published meeting with an item that has an attachment and a vote, and a participant."""
    with changesets.change_set():
        found = make_meeting(
            "2018-05-29",
            minutes_pdf=upload("Referatet."),
            items=[
                {"title": "Helhedsplan for Friheden", "decision": "Godkendt."},
                {"title": "Eventuelt"},
            ],
        )
        first = found.items.get(number=1)
        Attachment.objects.create(item=first, title="Helhedsplan, oversigt", file=upload("Bilag."))
        Vote.objects.create(item=first, party="A", position=Vote.Position.FOR)
        Participant.objects.create(meeting=found, name="Helle M. Adelborg", party="A")
    return found


def files_of(meeting):
    names = [meeting.minutes_pdf.name]
    names += list(Attachment.objects.filter(item__meeting=meeting).values_list("file", flat=True))
    return names


def correction_parts(client):
    page = client.get(CORRECTIONS_URL)
    assert page.status_code == 200
    return [
        (text(element(group, "p", class_="correction__where")), text(diff))
        for group in elements(page, "div", class_="correction__group")
        for diff in elements(group, "div", class_="correction-diff")
    ]


def confirmation_form(page):
    """The form of a delete confirmation: the one that posts "post=yes"."""
    (form,) = [form for form in page.forms.values() if "post" in form.fields]
    return form


def delete_item_inline(django_app, clerk, item):
    form = django_app.get(change_url(item.meeting), user=clerk).forms["meeting_form"]
    index = [i.pk for i in item.meeting.items.all()].index(item.pk)
    form[f"items-{index}-DELETE"] = True
    saved(form)


def delete_item_on_its_page(django_app, clerk, item):
    page = django_app.get(f"/admin/minutes/agendaitem/{item.pk}/delete/", user=clerk)
    assert confirmation_form(page).submit().status_code == 302


def delete_item_in_bulk(django_app, clerk, item):
    form = django_app.get("/admin/minutes/agendaitem/", user=clerk).forms["changelist-form"]
    form["action"] = "delete_selected"
    for box in form.fields["_selected_action"]:
        box.checked = True  # a ticked box's value is its row's id
        box.checked = box.value == str(item.pk)
    confirmation = form.submit("index")
    assert confirmation_form(confirmation).submit().status_code == 302


def delete_item_by_queryset(django_app, clerk, item):
    AgendaItem.objects.filter(pk=item.pk).delete()


@pytest.mark.parametrize(
    "delete",
    [delete_item_inline, delete_item_on_its_page, delete_item_in_bulk, delete_item_by_queryset],
)
def test_a_deleted_item_keeps_its_content_and_attachment_on_record(
    client, django_app, clerk, meeting, media_root, delete
):
    item = meeting.items.get(number=1)
    attachment = item.attachments.get()
    files = files_of(meeting)

    delete(django_app, clerk, item)

    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    gone = AgendaItem.history.filter(id=item.pk).latest()
    assert (gone.history_type, gone.title, gone.decision) == ("-", item.title, "Godkendt.")
    gone_file = Attachment.history.filter(id=attachment.pk).latest()
    assert (gone_file.history_type, gone_file.file) == ("-", attachment.file.name)
    assert Vote.history.filter(item_id=item.pk, history_type="-").exists()
    assert all((media_root / name).exists() for name in files)
    parts = correction_parts(client)
    removed = "Punkt 1. Helhedsplan for Friheden – fjernet"
    assert (removed, "Beslutning Før Godkendt. Efter Fjernet") in parts
    assert (removed, "Bilag Før Helhedsplan, oversigt (PDF) Efter Fjernet") in parts
    assert (removed, "Afstemning Før For: A Efter Fjernet") in parts


def delete_attachment_inline(django_app, clerk, attachment):
    form = django_app.get(item_url(attachment.item), user=clerk).forms["agendaitem_form"]
    form["attachments-0-DELETE"] = True
    saved(form)


def delete_attachment_by_queryset(django_app, clerk, attachment):
    Attachment.objects.filter(pk=attachment.pk).delete()


@pytest.mark.parametrize("delete", [delete_attachment_inline, delete_attachment_by_queryset])
def test_a_deleted_attachment_stays_downloadable_from_the_corrections(
    client, django_app, clerk, meeting, media_root, delete
):
    attachment = Attachment.objects.get(item__meeting=meeting)
    content = (media_root / attachment.file.name).read_bytes()

    delete(django_app, clerk, attachment)

    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    page = client.get(CORRECTIONS_URL)
    hrefs = [dict(link.attributes)["href"] for link in elements(page, "a")]
    (href,) = [href for href in hrefs if "/rettelser/bilag-" in href]
    download = client.get(href)
    assert b"".join(download.streaming_content) == content


def delete_participant_inline(django_app, clerk, participant):
    form = django_app.get(change_url(participant.meeting), user=clerk).forms["meeting_form"]
    form["participants-0-DELETE"] = True
    saved(form)


def delete_participant_by_queryset(django_app, clerk, participant):
    Participant.objects.filter(pk=participant.pk).delete()


@pytest.mark.parametrize("delete", [delete_participant_inline, delete_participant_by_queryset])
def test_a_deleted_participant_is_kept_and_shown_as_a_correction(
    client, django_app, clerk, meeting, delete
):
    participant = meeting.participants.get()

    delete(django_app, clerk, participant)

    gone = Participant.history.filter(id=participant.pk).latest()
    assert (gone.history_type, gone.name, gone.party) == ("-", "Helle M. Adelborg", "A")
    expected = ("Mødet", "Medlemmer Før Helle M. Adelborg (A) Efter Fjernet")
    assert expected in correction_parts(client)


@pytest.fixture
def superuser(django_app, admin_user):
    """A superuser, logged in through the admin's form with the code from the authenticator app
    that superusers must give."""
    from tests.support.logins import log_in_through_the_form

    log_in_through_the_form(django_app, admin_user)
    return admin_user


def delete_meeting_on_its_page(django_app, superuser, meeting):
    page = django_app.get(f"/admin/minutes/meeting/{meeting.pk}/delete/", user=superuser)
    form = confirmation_form(page)
    form["removal_reason"] = "Fjernet efter afgørelse i sag 2024-1234"
    assert form.submit().status_code == 302
    return "Fjernet efter afgørelse i sag 2024-1234"


def delete_meeting_in_bulk(django_app, superuser, meeting):
    form = django_app.get("/admin/minutes/meeting/", user=superuser).forms["changelist-form"]
    form["action"] = "delete_selected"
    for box in form.fields["_selected_action"]:
        box.checked = True
        box.checked = box.value == str(meeting.pk)
    assert confirmation_form(form.submit("index")).submit().status_code == 302
    return None


def delete_meeting_by_queryset(django_app, superuser, meeting):
    Meeting.objects.filter(pk=meeting.pk).delete()
    return None


@pytest.mark.parametrize(
    "delete", [delete_meeting_on_its_page, delete_meeting_in_bulk, delete_meeting_by_queryset]
)
def test_a_deleted_published_meeting_is_recorded_and_its_files_stay(
    client, django_app, superuser, meeting, media_root, delete
):
    files = files_of(meeting)
    admin_path = delete is not delete_meeting_by_queryset

    reason = delete(django_app, superuser, meeting)

    assert not Meeting.objects.exists()
    assert client.get("/referater/2018-05-29/").status_code == 404
    assert client.get(CORRECTIONS_URL).status_code == 404
    removal = Meeting.history.filter(id=meeting.pk).latest()
    assert (removal.history_type, removal.minutes_pdf) == ("-", meeting.minutes_pdf.name)
    assert removal.history_user == (superuser if admin_path else None)
    assert removal.history_change_reason == reason
    assert AgendaItem.history.filter(meeting_id=meeting.pk, history_type="-").count() == 2
    assert Participant.history.filter(meeting_id=meeting.pk, history_type="-").exists()
    assert Attachment.history.filter(history_type="-").get().title == "Helhedsplan, oversigt"
    assert all((media_root / name).exists() for name in files)


def test_the_delete_page_of_a_published_meeting_says_what_goes_and_asks_why(
    django_app, superuser, meeting
):
    url = f"/admin/minutes/meeting/{meeting.pk}/delete/"
    page = django_app.get(url, user=superuser)

    warning = text(element(page, "div", class_="removal-warning"))
    assert "Mødet blev offentliggjort" in warning
    assert "/referater/2018-05-29/ “Siden findes ikke”" in warning
    assert "2 punkter" in warning
    assert "bliver 2 PDF-filer liggende i lageret" in warning
    assert "med dit navn, tidspunktet og din begrundelse" in warning

    form = confirmation_form(page)
    form["removal_reason"] = "   "
    refused = form.submit().follow()

    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert refused.request.path == url
    assertContains(refused, "Skriv en begrundelse for sletningen")


def test_a_clerks_correction_is_recorded_with_the_clerk_and_the_reason(
    client, django_app, clerk, meeting
):
    form = django_app.get(change_url(meeting), user=clerk).forms["meeting_form"]
    form["items-0-decision"] = "Godkendt med en ændring."
    form["correction_reason"] = "Beslutningen var skrevet forkert af"
    saved(form)

    record = AgendaItem.history.filter(id=meeting.items.get(number=1).pk).latest()
    assert record.history_user == clerk
    assert record.history_change_reason == "Beslutningen var skrevet forkert af"
    meeting.refresh_from_db()
    assert meeting.corrected_at == record.history_date
    assert meeting.corrected_at <= timezone.now()
    assertContains(client.get(CORRECTIONS_URL), "Beslutningen var skrevet forkert af")


def test_the_reason_field_is_only_offered_once_a_meeting_has_been_published(
    django_app, clerk, make_meeting
):
    draft = make_meeting("2019-01-08", published=False, items=[{"title": "Budget"}])
    public = make_meeting("2018-05-29", items=[{"title": "Budget"}])

    draft_form = django_app.get(change_url(draft), user=clerk).forms["meeting_form"]
    public_form = django_app.get(change_url(public), user=clerk).forms["meeting_form"]
    item_form = django_app.get(item_url(public.items.get())).forms["agendaitem_form"]

    assert "correction_reason" not in draft_form.fields
    assert "correction_reason" in public_form.fields
    assert "correction_reason" in item_form.fields
    label = element(django_app.get(change_url(public)), "label", for_="id_correction_reason")
    assert text(label) == "Begrundelse for rettelsen:"
