"""A clerk publishing minutes through Django admin, as the browser would: real form posts."""

import datetime
import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from committee.models import Committee, Member
from minutes.models import Attachment, AttachmentVersion, Meeting, MinutesPdfVersion

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/minutes/meeting/add/"
LIST_URL = "/admin/minutes/meeting/"
PASSWORD = "Referat-kodeord-2018"


def change_url(meeting):
    return f"/admin/minutes/meeting/{meeting.pk}/change/"


def form_data(response):
    """The data the browser sends back for the admin form in `response`, as rendered.

    Inline formsets send their management forms and their existing rows; extra (empty) rows are
    left out, so a test adds exactly the rows it means with `add_row`.
    """
    data = {}
    forms_to_send = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        data[f"{formset.prefix}-TOTAL_FORMS"] = formset.initial_form_count()
        forms_to_send.extend(formset.initial_forms)
    for form in forms_to_send:
        for name, field in form.fields.items():
            value = form[name].value()
            if isinstance(field, forms.FileField):
                continue
            if isinstance(field, forms.BooleanField):
                if value:
                    data[form.add_prefix(name)] = "on"
                continue
            data[form.add_prefix(name)] = "" if value is None else value
    return data


def add_row(data, prefix, **fields):
    """Add one new row to the inline formset `prefix`, as "Tilføj endnu en" would."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = index + 1
    for name, value in fields.items():
        data[f"{prefix}-{index}-{name}"] = value


def errors_in(response):
    """Every error message on the re-rendered admin form, main form and inlines."""
    messages = [m for errors in response.context["adminform"].form.errors.values() for m in errors]
    for inline in response.context["inline_admin_formsets"]:
        messages += inline.formset.non_form_errors()
        for form_errors in inline.formset.errors:
            messages += [m for errors in form_errors.values() for m in errors]
    return messages


@pytest.fixture
def clerk(committee):
    """A clerk account made the way the README says: with `manage.py create_clerk`."""
    call_command(
        "create_clerk",
        "referent",
        email="referent@example.invalid",
        password_from_stdin=True,
        stdin=io.StringIO(PASSWORD + "\n"),
        stdout=io.StringIO(),
    )
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="referent")


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


@pytest.fixture
def new_meeting_data(clerk_client, pdf_file):
    """A filled-in add form: two participants, an open and a closed item, a minutes PDF."""
    data = form_data(clerk_client.get(ADD_URL))
    data.update(
        kind="referat",
        date="2018-05-29",
        start_time="17:00",
        place="Rådhuset, mødelokale 1",
        remarks="Formanden bød velkommen til de nye medlemmer.",
        minutes_pdf=pdf_file("Protokollen er underskrevet af formanden."),
    )
    add_row(data, "participants", name="Anne Eksempel", party="A", status="til_stede", position=1)
    add_row(data, "participants", name="Bent Prøvesen", party="V", status="afbud", position=2)
    add_row(
        data,
        "items",
        number=1,
        title="Helhedsplan for Avedøre Stationsby",
        decision_theme="Udvalget skal tage stilling til skema A.",
        decision="Godkendt.",
    )
    add_row(
        data,
        "items",
        number=2,
        title="Dispensation for en enkelt husstand",
        is_closed="on",
        case_presentation="Fortrolige oplysninger om husstanden.",
    )
    return data


def test_clerk_logs_in_and_sees_the_meetings_but_not_the_users(client, clerk):
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "referent", "password": PASSWORD, "next": "/admin/"},
        follow=True,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["user"] == clerk
    assert "Møder" in html
    assert "/admin/minutes/meeting/add/" in html
    assert "/admin/auth/user/" not in html


def test_clerk_adds_a_published_meeting_with_participants_items_and_pdf(
    clerk_client, new_meeting_data, committee
):
    new_meeting_data["is_published"] = "on"

    response = clerk_client.post(ADD_URL, new_meeting_data)

    assert response.status_code == 302, errors_in(response)
    meeting = Meeting.objects.get(committee=committee, date=datetime.date(2018, 5, 29))
    assert meeting.is_published
    assert meeting.first_published_at is not None
    assert meeting.corrected_at is None
    assert "Protokollen er underskrevet af formanden." in meeting.minutes_pdf_text
    assert [(p.display_name, p.status) for p in meeting.participants.all()] == [
        ("Anne Eksempel (A)", "til_stede"),
        ("Bent Prøvesen (V)", "afbud"),
    ]
    assert [(i.number, i.is_closed) for i in meeting.items.all()] == [(1, False), (2, True)]
    assert meeting.items.get(number=2).case_presentation == "Fortrolige oplysninger om husstanden."


def test_meeting_saved_without_the_checkbox_is_published_by_the_action(
    clerk_client, new_meeting_data
):
    response = clerk_client.post(ADD_URL, new_meeting_data)
    assert response.status_code == 302, errors_in(response)
    meeting = Meeting.objects.get()
    assert not meeting.is_published

    response = clerk_client.post(
        LIST_URL,
        {"action": "publish_meetings", "_selected_action": [meeting.pk]},
        follow=True,
    )

    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.first_published_at is not None
    assert "1 møde er offentliggjort." in response.content.decode()


def test_first_publication_is_dated_once_through_unpublish_and_publish_again(
    clerk_client, make_meeting
):
    meeting = make_meeting("2019-03-12")
    first = meeting.first_published_at

    clerk_client.post(LIST_URL, {"action": "unpublish_meetings", "_selected_action": [meeting.pk]})
    meeting.refresh_from_db()
    assert not meeting.is_published
    assert meeting.first_published_at == first

    clerk_client.post(LIST_URL, {"action": "publish_meetings", "_selected_action": [meeting.pk]})
    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.first_published_at == first


def test_the_published_checkbox_publishes_and_unpublishes_through_the_model(
    clerk_client, make_meeting
):
    meeting = make_meeting("2019-03-12", published=False)
    data = form_data(clerk_client.get(change_url(meeting)))

    data["is_published"] = "on"
    response = clerk_client.post(change_url(meeting), data)
    assert response.status_code == 302, errors_in(response)
    meeting.refresh_from_db()
    assert meeting.is_published
    first = meeting.first_published_at
    assert first is not None

    del data["is_published"]
    response = clerk_client.post(change_url(meeting), data)
    assert response.status_code == 302, errors_in(response)
    meeting.refresh_from_db()
    assert not meeting.is_published
    assert meeting.first_published_at == first
    # Taking a meeting off the site is not a correction of its content.
    assert meeting.corrected_at is None


def test_new_meeting_form_defaults_to_the_committee_and_its_usual_time_and_place(
    clerk_client, make_meeting, committee
):
    make_meeting("2018-05-29", place="Rådhuset, mødelokale 2", start_time=datetime.time(16, 30))

    form = clerk_client.get(ADD_URL).context["adminform"].form

    assert form["committee"].value() == committee.pk
    assert form["place"].value() == "Rådhuset, mødelokale 2"
    assert form["start_time"].value() == datetime.time(16, 30)


def test_participant_choices_are_only_the_meetings_committee_members(
    clerk_client, new_meeting_data, committee
):
    own = Member.objects.create(committee=committee, name="Anne Eksempel", party="A")
    other_committee = Committee.objects.create(name="Et andet udvalg", heading="x", history="x")
    stranger = Member.objects.create(committee=other_committee, name="Bent Prøvesen", party="V")

    response = clerk_client.get(ADD_URL)
    choices = response.context["inline_admin_formsets"][0].formset.form.base_fields["member"]
    assert list(choices.queryset) == [own]

    new_meeting_data["participants-0-member"] = stranger.pk
    response = clerk_client.post(ADD_URL, new_meeting_data)
    assert response.status_code == 200
    assert not Meeting.objects.exists()

    new_meeting_data["participants-0-member"] = own.pk
    new_meeting_data["participants-0-name"] = ""
    del new_meeting_data["minutes_pdf"]  # a browser sends a refused file again only if chosen
    response = clerk_client.post(ADD_URL, new_meeting_data)
    assert response.status_code == 302, errors_in(response)
    assert Meeting.objects.get().participants.first().member == own


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("referat.pdf", b"Dette er en almindelig tekstfil med et PDF-navn.\n"),
        ("referat.html", b"<!DOCTYPE html><html><body><h1>Referat</h1></body></html>"),
    ],
)
def test_non_pdf_upload_is_refused_in_danish_and_the_rest_of_the_form_is_kept(
    clerk_client, new_meeting_data, name, content
):
    new_meeting_data["minutes_pdf"] = SimpleUploadedFile(name, content, "application/pdf")

    response = clerk_client.post(ADD_URL, new_meeting_data)

    assert response.status_code == 200
    assert not Meeting.objects.exists()
    assert "Filen er ikke en PDF-fil." in errors_in(response)
    assert "Filen er ikke en PDF-fil." in response.content.decode()
    form = response.context["adminform"].form
    assert form["place"].value() == "Rådhuset, mødelokale 1"
    assert form["remarks"].value() == "Formanden bød velkommen til de nye medlemmer."
    assert form["date"].value() == "2018-05-29"
    items = response.context["inline_admin_formsets"][1].formset
    assert [f["title"].value() for f in items.forms[:2]] == [
        "Helhedsplan for Avedøre Stationsby",
        "Dispensation for en enkelt husstand",
    ]
    participants = response.context["inline_admin_formsets"][0].formset
    assert participants.forms[1]["name"].value() == "Bent Prøvesen"


def test_truncated_pdf_upload_is_refused(clerk_client, new_meeting_data):
    whole = new_meeting_data["minutes_pdf"].read()
    new_meeting_data["minutes_pdf"] = SimpleUploadedFile(
        "referat.pdf", whole[: len(whole) // 2], "application/pdf"
    )

    response = clerk_client.post(ADD_URL, new_meeting_data)

    assert response.status_code == 200
    assert not Meeting.objects.exists()
    assert any("kan ikke læses som PDF" in message for message in errors_in(response))


def test_oversize_upload_is_refused_with_the_limit(clerk_client, new_meeting_data, settings):
    settings.MINUTES_MAX_UPLOAD_MB = 0.001

    response = clerk_client.post(ADD_URL, new_meeting_data)

    assert response.status_code == 200
    assert not Meeting.objects.exists()
    assert "Filen er for stor (højst 0,001 MB)." in errors_in(response)
    assert response.context["adminform"].form["place"].value() == "Rådhuset, mødelokale 1"


def test_replacing_the_pdf_of_a_published_meeting_keeps_the_old_one(
    clerk_client, make_meeting, pdf_file, media_root
):
    meeting = make_meeting("2018-05-29", minutes_pdf=pdf_file("Den første udgave."))
    old_name = meeting.minutes_pdf.name
    data = form_data(clerk_client.get(change_url(meeting)))
    data["minutes_pdf"] = pdf_file("Den rettede udgave.")

    response = clerk_client.post(change_url(meeting), data)

    assert response.status_code == 302, errors_in(response)
    meeting.refresh_from_db()
    assert meeting.minutes_pdf.name != old_name
    assert "Den rettede udgave." in meeting.minutes_pdf_text
    assert meeting.corrected_at is not None
    version = MinutesPdfVersion.objects.get(meeting=meeting)
    assert version.file.name == old_name
    assert (media_root / old_name).exists()

    page = clerk_client.get(change_url(meeting)).content.decode()
    version_url = f"/admin/minutes/meeting/{meeting.pk}/version/{version.pk}.pdf"
    assert version_url in page
    response = clerk_client.get(version_url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == (media_root / old_name).read_bytes()


def test_changing_an_item_of_a_published_meeting_marks_it_corrected(clerk_client, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Budget 2019", "decision": "Godkendt."}])
    data = form_data(clerk_client.get(change_url(meeting)))
    data["items-0-decision"] = "Godkendt med en rettelse."

    response = clerk_client.post(change_url(meeting), data)

    assert response.status_code == 302, errors_in(response)
    meeting.refresh_from_db()
    assert meeting.corrected_at is not None
    assert meeting.items.get().decision == "Godkendt med en rettelse."


def test_editing_a_meeting_before_it_is_published_is_not_a_correction(clerk_client, make_meeting):
    meeting = make_meeting("2018-05-29", published=False, items=[{"title": "Budget 2019"}])
    data = form_data(clerk_client.get(change_url(meeting)))
    data["items-0-title"] = "Budget 2019 – de almene boliger"
    data["is_published"] = "on"

    response = clerk_client.post(change_url(meeting), data)

    assert response.status_code == 302, errors_in(response)
    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.corrected_at is None


def test_clerk_adds_an_attachment_on_the_items_page_and_returns_to_the_meeting(
    clerk_client, make_meeting, pdf_file
):
    meeting = make_meeting("2018-05-29", items=[{"title": "Styringsdialog 2018"}])
    item = meeting.items.get()
    meeting_page = clerk_client.get(change_url(meeting)).content.decode()
    item_url = f"/admin/minutes/agendaitem/{item.pk}/change/"
    assert f'href="{item_url}">Rediger bilag (0)</a>' in meeting_page

    data = form_data(clerk_client.get(item_url))
    add_row(
        data,
        "attachments",
        title="Oversigt over dialogmøderne",
        file=pdf_file("Bilaget nævner afdelingernes langtidsplaner."),
        position=1,
    )
    response = clerk_client.post(item_url, data)

    assert response.status_code == 302, errors_in(response)
    assert response["Location"] == change_url(meeting)
    attachment = Attachment.objects.get(item=item)
    assert "langtidsplaner" in attachment.text
    meeting.refresh_from_db()
    assert meeting.corrected_at is not None
    response = clerk_client.get(f"/admin/minutes/agendaitem/{item.pk}/bilag/{attachment.pk}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_non_pdf_attachment_is_refused_and_the_title_kept(clerk_client, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Styringsdialog 2018"}])
    item_url = f"/admin/minutes/agendaitem/{meeting.items.get().pk}/change/"
    data = form_data(clerk_client.get(item_url))
    add_row(
        data,
        "attachments",
        title="Oversigt over dialogmøderne",
        file=SimpleUploadedFile("bilag.pdf", b"PK\x03\x04 a zip file, not a PDF"),
        position=1,
    )

    response = clerk_client.post(item_url, data)

    assert response.status_code == 200
    assert not Attachment.objects.exists()
    assert "Filen er ikke en PDF-fil." in errors_in(response)
    attachments = response.context["inline_admin_formsets"][0].formset
    assert attachments.forms[0]["title"].value() == "Oversigt over dialogmøderne"


def test_current_pdf_is_linked_through_admin_not_media_url(clerk_client, make_meeting, pdf_file):
    meeting = make_meeting("2018-05-29", minutes_pdf=pdf_file("Referatets tekst."))

    page = clerk_client.get(change_url(meeting)).content.decode()

    pdf_url = f"/admin/minutes/meeting/{meeting.pk}/referat.pdf"
    assert pdf_url in page
    assert "/media/" not in page
    assert "tegn fundet" in page
    response = clerk_client.get(pdf_url)
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="referat-2018-05-29.pdf"' in response["Content-Disposition"]


def test_stored_files_in_admin_are_only_for_logged_in_staff(client, make_meeting, pdf_file):
    meeting = make_meeting("2018-05-29", published=False, minutes_pdf=pdf_file("Kladde."))

    response = client.get(f"/admin/minutes/meeting/{meeting.pk}/referat.pdf")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_unpublished_meeting_offers_a_preview_on_the_site(clerk_client, make_meeting):
    meeting = make_meeting("2018-05-29", published=False)

    page = clerk_client.get(change_url(meeting)).content.decode()

    assert "Forhåndsvis på siden" in page
    link = f"/admin/r/{_content_type_id(Meeting)}/{meeting.pk}/"
    assert link in page
    response = clerk_client.get(link)
    assert response.status_code == 302
    assert response["Location"].endswith("/referater/2018-05-29/")


def test_published_meeting_links_to_its_page(clerk_client, make_meeting):
    meeting = make_meeting("2018-05-29")

    page = clerk_client.get(change_url(meeting)).content.decode()

    assert "Vis på siden" in page
    assert "Forhåndsvis" not in page


def test_meeting_list_shows_item_counts_and_filters_by_year_and_search(clerk_client, make_meeting):
    make_meeting(
        "2018-05-29", items=[{"title": "Helhedsplan for Friheden"}, {"title": "Eventuelt"}]
    )
    make_meeting("2019-03-12", published=False, items=[{"title": "Budget 2020"}])

    listing = clerk_client.get(LIST_URL)
    rows = {m.date.isoformat(): m.item_count for m in listing.context["cl"].result_list}
    assert rows == {"2018-05-29": 2, "2019-03-12": 1}

    def dates(query):
        response = clerk_client.get(LIST_URL, query)
        return [m.date.isoformat() for m in response.context["cl"].result_list]

    assert dates({"date__year": "2019"}) == ["2019-03-12"]
    assert dates({"is_published__exact": "0"}) == ["2019-03-12"]
    assert dates({"q": "helhedsplan"}) == ["2018-05-29"]
    assert dates({"q": "12-03-2019"}) == ["2019-03-12"]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/auth/user/",
        "/admin/auth/group/",
        "/admin/cookie_consent/cookiegroup/",
        "/admin/cookie_consent/cookie/",
        "/admin/cookie_consent/logitem/",
    ],
)
def test_clerk_cannot_see_users_or_cookie_consent(clerk_client, url):
    assert clerk_client.get(url).status_code == 403


def test_item_list_shows_closed_items_to_clerks_with_their_real_titles(clerk_client, make_meeting):
    make_meeting(
        "2018-05-29",
        items=[{"title": "Dispensation for en enkelt husstand", "is_closed": True}],
    )

    response = clerk_client.get("/admin/minutes/agendaitem/")

    assert response.status_code == 200
    assert "Dispensation for en enkelt husstand" in response.content.decode()


def _content_type_id(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def test_clerk_may_delete_a_draft_but_not_a_meeting_that_has_been_published(
    clerk_client, make_meeting
):
    draft = make_meeting("2019-03-05", published=False)
    once_public = make_meeting("2019-04-02")
    once_public.unpublish()
    once_public.save()

    refused = clerk_client.post(f"/admin/minutes/meeting/{once_public.pk}/delete/", {"post": "yes"})
    deleted = clerk_client.post(f"/admin/minutes/meeting/{draft.pk}/delete/", {"post": "yes"})

    assert refused.status_code == 403
    assert Meeting.objects.filter(pk=once_public.pk).exists()
    assert deleted.status_code == 302
    assert not Meeting.objects.filter(pk=draft.pk).exists()


def test_clerk_has_no_bulk_delete_action(clerk_client, make_meeting):
    make_meeting("2019-04-02")

    response = clerk_client.get(LIST_URL)

    assert "delete_selected" not in response.content.decode()
    assert "publish_meetings" in response.content.decode()


def test_clerk_moving_a_published_meeting_sees_the_old_date_kept_as_a_redirect(
    clerk_client, make_meeting
):
    meeting = make_meeting("2018-05-29")
    data = form_data(clerk_client.get(change_url(meeting)))
    data["date"] = "2018-05-30"

    response = clerk_client.post(change_url(meeting), data)

    assert response.status_code == 302, errors_in(response)
    page = clerk_client.get(change_url(meeting)).content.decode()
    assert "tidligere datoer (links hertil sendes videre til mødet)" in page.lower()
    assert "29. maj 2018" in page
    assert clerk_client.get("/referater/2018-05-29/").status_code == 301


def test_replacing_or_removing_a_published_attachment_keeps_the_earlier_file(
    clerk_client, make_meeting, pdf_file, media_root
):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    item = meeting.items.get()
    first = Attachment.objects.create(
        item=item, title="Helhedsplan, udkast", file=pdf_file("Det første udkast.")
    )
    first_name = first.file.name
    item_url = f"/admin/minutes/agendaitem/{item.pk}/change/"

    data = form_data(clerk_client.get(item_url))
    data["attachments-0-file"] = pdf_file("Det rettede udkast.")
    response = clerk_client.post(item_url, data)

    assert response.status_code == 302, errors_in(response)
    first.refresh_from_db()
    assert "Det rettede udkast." in first.text
    replaced = AttachmentVersion.objects.get(item=item)
    assert (replaced.title, replaced.file.name) == ("Helhedsplan, udkast", first_name)
    assert (media_root / first_name).exists()

    data = form_data(clerk_client.get(item_url))
    data["attachments-0-DELETE"] = "on"
    response = clerk_client.post(item_url, data)

    assert response.status_code == 302, errors_in(response)
    assert not Attachment.objects.filter(item=item).exists()
    assert AttachmentVersion.objects.filter(item=item).count() == 2
    page = clerk_client.get(item_url).content.decode()
    version_url = f"/admin/minutes/agendaitem/{item.pk}/tidligere-bilag/{replaced.pk}.pdf"
    assert version_url in page
    response = clerk_client.get(version_url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == (media_root / first_name).read_bytes()


def test_attachments_of_a_meeting_never_published_are_replaced_without_a_record(
    make_meeting, pdf_file
):
    meeting = make_meeting("2018-05-29", published=False, items=[{"title": "Kladde"}])
    attachment = Attachment.objects.create(
        item=meeting.items.get(), title="Udkast", file=pdf_file("Udkast.")
    )

    attachment.file = pdf_file("Nyt udkast.")
    attachment.save()
    attachment.delete()

    assert not AttachmentVersion.objects.exists()


def test_meeting_time_is_shown_to_the_clerk_in_hours_and_minutes(clerk_client, make_meeting):
    meeting = make_meeting("2018-05-29")

    page = clerk_client.get(change_url(meeting)).content.decode()

    assert 'name="start_time" value="17:00"' in page
