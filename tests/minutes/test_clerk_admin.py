"""A clerk publishing minutes through Django admin, as a browser without JavaScript would.

The clerk's browser is django-webtest: it opens the admin pages, fills in the forms as rendered,
presses their buttons and follows the redirects. The admin renders one empty row per inline, so
a clerk who needs two new rows saves with "Gem og fortsæt redigering" and fills in the next.
"""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains
from webtest import Upload

from committee.models import Committee, Member
from minutes.demo import make_pdf
from minutes.models import Attachment, Meeting
from tests.markup import element, elements, text

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/minutes/meeting/add/"
LIST_URL = "/admin/minutes/meeting/"


def change_url(meeting):
    return f"/admin/minutes/meeting/{meeting.pk}/change/"


def item_url(item):
    return f"/admin/minutes/agendaitem/{item.pk}/change/"


def pdf_upload(*paragraphs, name="referat.pdf"):
    """A real PDF, as the clerk's browser uploads it."""
    return Upload(name, make_pdf("Referat", paragraphs), "application/pdf")


def fill_row(form, prefix, **fields):
    """Fill in one row of an inline, e.g. `items-0`, as rendered on the page."""
    for name, value in fields.items():
        form[f"{prefix}-{name}"] = value


def errors_in(page):
    """Every error message on a re-rendered admin form, main form and inlines, as shown."""
    return [
        text(message)
        for errors in elements(page, "ul", class_="errorlist")
        for message in elements(errors, "li")
    ]


def messages_on(page):
    """The messages admin shows above the page after an action or a save."""
    return [text(message) for message in elements(page, "ul", class_="messagelist")]


def saved(form, button="_save"):
    """Press a submit button of a filled-in admin form; the form must be accepted."""
    response = form.submit(button)
    assert response.status_code == 302, errors_in(response)
    return response


def refused(form, button="_save"):
    """Press a submit button of a filled-in admin form; the form must come back with errors."""
    response = form.submit(button)
    assert response.status_code == 200
    assert errors_in(response)
    return response


def run_action(django_app, clerk, action, *meetings):
    """Tick meetings in the meeting list, choose an action and press "Udfør"; the list after."""
    form = django_app.get(LIST_URL, user=clerk).forms["changelist-form"]
    form["action"] = action
    chosen = {str(meeting.pk) for meeting in meetings}
    for box in form.fields["_selected_action"]:
        box.checked = True  # a ticked box's value is its meeting's id
        box.checked = box.value in chosen
    return form.submit("index").follow()


def listed(page):
    """The meeting list as the clerk reads it: each meeting's date and number of items."""
    table = element(page, "table", id="result_list")
    return {
        text(element(row, "th", class_="field-date")): text(
            element(row, "td", class_="field-item_count")
        )
        for row in elements(table, "tr")
        if elements(row, "th", class_="field-date")
    }


def on_site_url(meeting):
    content_type = ContentType.objects.get_for_model(Meeting)
    return f"/admin/r/{content_type.pk}/{meeting.pk}/"


@pytest.fixture
def new_meeting_form(django_app, clerk):
    """The add form as a clerk fills it in: a participant, an item and the minutes PDF."""
    form = django_app.get(ADD_URL, user=clerk).forms["meeting_form"]
    form["kind"] = "referat"
    form["date"] = "2018-05-29"
    form["start_time"] = "17:00"
    form["place"] = "Rådhuset, mødelokale 1"
    form["remarks"] = "Formanden bød velkommen til de nye medlemmer."
    form["minutes_pdf"] = pdf_upload("Protokollen er underskrevet af formanden.")
    fill_row(
        form, "participants-0", name="Anne Eksempel", party="A", status="til_stede", position="1"
    )
    fill_row(
        form,
        "items-0",
        number="1",
        title="Helhedsplan for Avedøre Stationsby",
        decision_theme="Udvalget skal tage stilling til skema A.",
        decision="Godkendt.",
    )
    return form


def test_clerk_logs_in_and_sees_the_meetings_but_not_the_users(django_app, clerk, clerk_password):
    login = django_app.get("/admin/").follow()
    form = login.forms["login-form"]
    form["username"] = "referent"
    form["password"] = clerk_password

    index = form.submit().follow()

    assert index.status_code == 200
    assert index.context["user"] == clerk
    assertContains(index, '<a href="/admin/minutes/meeting/">Møder</a>', html=True)
    assert elements(index, "a", href="/admin/minutes/meeting/add/")
    assertNotContains(index, "/admin/auth/user/")


def test_clerk_adds_a_published_meeting_with_participants_items_and_pdf(
    new_meeting_form, committee
):
    # A second new participant and item, and publication, after "Gem og fortsæt redigering".
    page = saved(new_meeting_form, "_continue").follow()
    form = page.forms["meeting_form"]
    fill_row(form, "participants-1", name="Bent Prøvesen", party="V", status="afbud", position="2")
    fill_row(
        form,
        "items-1",
        number="2",
        title="Dispensation for en enkelt husstand",
        is_closed=True,
        case_presentation="Fortrolige oplysninger om husstanden.",
    )

    saved(form, "_publish")

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
    django_app, clerk, new_meeting_form
):
    saved(new_meeting_form)
    meeting = Meeting.objects.get()
    assert not meeting.is_published

    page = run_action(django_app, clerk, "publish_meetings", meeting)

    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.first_published_at is not None
    assert messages_on(page) == ["1 møde er offentliggjort."]


def test_first_publication_is_dated_once_through_unpublish_and_publish_again(
    django_app, clerk, make_meeting
):
    meeting = make_meeting("2019-03-12")
    first = meeting.first_published_at

    page = run_action(django_app, clerk, "unpublish_meetings", meeting)
    meeting.refresh_from_db()
    assert not meeting.is_published
    assert meeting.first_published_at == first
    assert messages_on(page) == [
        "1 møde er fjernet fra siden. De kan offentliggøres igen når som helst."
    ]

    run_action(django_app, clerk, "publish_meetings", meeting)
    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.first_published_at == first


def test_the_publish_buttons_publish_and_unpublish_through_the_model(
    django_app, clerk, make_meeting
):
    meeting = make_meeting("2019-03-12", published=False)
    page = django_app.get(change_url(meeting), user=clerk)
    assert text(element(page, "div", class_="meeting-status")).startswith(
        "Status: Kladde – ikke offentliggjort"
    )
    assert "_unpublish" not in page.forms["meeting_form"].fields

    page = saved(page.forms["meeting_form"], "_publish").follow()
    meeting.refresh_from_db()
    assert meeting.is_published
    first = meeting.first_published_at
    assert first is not None
    assert messages_on(page) == ["Mødet er gemt og offentliggjort. Det kan nu ses på siden."]
    assert text(element(page, "div", class_="meeting-status")).startswith(
        f"Status: Offentliggjort {timezone.localtime(first):%d-%m-%Y}"
    )
    assert "_publish" not in page.forms["meeting_form"].fields

    page = saved(page.forms["meeting_form"], "_unpublish").follow()
    meeting.refresh_from_db()
    assert not meeting.is_published
    assert meeting.first_published_at == first
    # Taking a meeting off the site is not a correction of its content.
    assert meeting.corrected_at is None


def test_new_meeting_form_defaults_to_the_committee_and_its_usual_time_and_place(
    django_app, clerk, make_meeting, committee
):
    make_meeting("2018-05-29", place="Rådhuset, mødelokale 2", start_time=datetime.time(16, 30))

    form = django_app.get(ADD_URL, user=clerk).forms["meeting_form"]

    assert form["committee"].value == str(committee.pk)
    assert form["place"].value == "Rådhuset, mødelokale 2"
    assert form["start_time"].value == "16:30"


def test_participant_choices_are_only_the_meetings_committee_members(django_app, clerk, committee):
    own = Member.objects.create(committee=committee, name="Anne Eksempel", party="A")
    other_committee = Committee.objects.create(name="Et andet udvalg", heading="x", history="x")
    stranger = Member.objects.create(committee=other_committee, name="Bent Prøvesen", party="V")
    form = django_app.get(ADD_URL, user=clerk).forms["meeting_form"]
    assert [value for value, _, _ in form["participants-0-member"].options] == ["", str(own.pk)]
    form["date"] = "2018-05-29"

    # Only a forged request can send a member the list does not offer.
    form["participants-0-member"].force_value(str(stranger.pk))
    page = refused(form)
    assert not Meeting.objects.exists()
    assert errors_in(page) == [
        "Marker en gyldig valgmulighed. Det valg, du har foretaget, er ikke blandt de "
        "tilgængelige valgmuligheder."
    ]

    form = page.forms["meeting_form"]
    form["participants-0-member"] = str(own.pk)
    saved(form)
    assert Meeting.objects.get().participants.get().member == own


def test_a_member_is_refused_when_the_clerk_sets_the_meeting_to_another_committee(
    django_app, clerk, committee
):
    member = Member.objects.create(committee=committee, name="Anne Eksempel", party="A")
    other_committee = Committee.objects.create(name="Et andet udvalg", heading="x", history="x")
    form = django_app.get(ADD_URL, user=clerk).forms["meeting_form"]
    form["committee"] = str(other_committee.pk)
    form["date"] = "2018-05-29"
    form["participants-0-member"] = str(member.pk)

    page = refused(form)

    assert not Meeting.objects.exists()
    assert errors_in(page) == ["Medlemmet er ikke med i mødets udvalg."]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("referat.pdf", b"Dette er en almindelig tekstfil med et PDF-navn.\n"),
        ("referat.html", b"<!DOCTYPE html><html><body><h1>Referat</h1></body></html>"),
    ],
)
def test_non_pdf_upload_is_refused_in_danish_and_the_rest_of_the_form_is_kept(
    new_meeting_form, name, content
):
    new_meeting_form["minutes_pdf"] = Upload(name, content, "application/pdf")

    page = refused(new_meeting_form)

    assert not Meeting.objects.exists()
    assert errors_in(page) == ["Filen er ikke en PDF-fil."]
    form = page.forms["meeting_form"]
    assert form["place"].value == "Rådhuset, mødelokale 1"
    assert form["remarks"].value == "Formanden bød velkommen til de nye medlemmer."
    assert form["date"].value == "2018-05-29"
    assert form["items-0-title"].value == "Helhedsplan for Avedøre Stationsby"
    assert form["items-0-decision"].value == "Godkendt."
    assert form["participants-0-name"].value == "Anne Eksempel"
    assert form["participants-0-status"].value == "til_stede"


def test_truncated_pdf_upload_is_refused(new_meeting_form):
    whole = make_pdf("Referat", ["Protokollen er underskrevet af formanden."])
    new_meeting_form["minutes_pdf"] = Upload(
        "referat.pdf", whole[: len(whole) // 2], "application/pdf"
    )

    page = refused(new_meeting_form)

    assert not Meeting.objects.exists()
    assert any("kan ikke læses som PDF" in message for message in errors_in(page))


def test_oversize_upload_is_refused_with_the_limit(new_meeting_form, settings):
    settings.MINUTES_MAX_UPLOAD_MB = 0.001

    page = refused(new_meeting_form)

    assert not Meeting.objects.exists()
    assert errors_in(page) == ["Filen er for stor (højst 0,001 MB)."]
    assert page.forms["meeting_form"]["place"].value == "Rådhuset, mødelokale 1"


def test_replacing_the_pdf_of_a_published_meeting_keeps_the_old_one(
    django_app, clerk, make_meeting, pdf_file, media_root
):
    meeting = make_meeting("2018-05-29", minutes_pdf=pdf_file("Den første udgave."))
    old_name = meeting.minutes_pdf.name
    form = django_app.get(change_url(meeting), user=clerk).forms["meeting_form"]
    form["minutes_pdf"] = pdf_upload("Den rettede udgave.")

    saved(form)

    meeting.refresh_from_db()
    assert meeting.minutes_pdf.name != old_name
    assert "Den rettede udgave." in meeting.minutes_pdf_text
    assert meeting.corrected_at is not None
    record = meeting.history.filter(minutes_pdf=old_name).latest()
    assert (media_root / old_name).exists()

    page = django_app.get(change_url(meeting))
    version_url = f"/admin/minutes/meeting/{meeting.pk}/version/{record.history_id}.pdf"
    saved_at = timezone.localtime(record.history_date)
    label = f"PDF'en fra {saved_at:%d-%m-%Y %H:%M}"
    assertContains(page, f'<a href="{version_url}">{label}</a>', html=True)
    response = page.click(label)
    assert response["Content-Type"] == "application/pdf"
    assert response.body == (media_root / old_name).read_bytes()


def test_changing_an_item_of_a_published_meeting_marks_it_corrected(
    django_app, clerk, make_meeting
):
    meeting = make_meeting("2018-05-29", items=[{"title": "Budget 2019", "decision": "Godkendt."}])
    form = django_app.get(change_url(meeting), user=clerk).forms["meeting_form"]
    form["items-0-decision"] = "Godkendt med en rettelse."

    saved(form)

    meeting.refresh_from_db()
    assert meeting.corrected_at is not None
    assert meeting.items.get().decision == "Godkendt med en rettelse."


def test_editing_a_meeting_before_it_is_published_is_not_a_correction(
    django_app, clerk, make_meeting
):
    meeting = make_meeting("2018-05-29", published=False, items=[{"title": "Budget 2019"}])
    form = django_app.get(change_url(meeting), user=clerk).forms["meeting_form"]
    form["items-0-title"] = "Budget 2019 – de almene boliger"

    saved(form, "_publish")

    meeting.refresh_from_db()
    assert meeting.is_published
    assert meeting.items.get().title == "Budget 2019 – de almene boliger"
    assert meeting.corrected_at is None


def test_clerk_adds_an_attachment_on_the_items_page_and_returns_to_the_meeting(
    django_app, clerk, make_meeting
):
    meeting = make_meeting("2018-05-29", items=[{"title": "Styringsdialog 2018"}])
    item = meeting.items.get()
    meeting_page = django_app.get(change_url(meeting), user=clerk)
    assertContains(
        meeting_page, f'<a href="{item_url(item)}">Rediger bilag (0) og afstemning</a>', html=True
    )

    form = meeting_page.click("Rediger bilag").forms["agendaitem_form"]
    fill_row(
        form,
        "attachments-0",
        title="Oversigt over dialogmøderne",
        file=pdf_upload("Bilaget nævner afdelingernes langtidsplaner.", name="bilag.pdf"),
        position="1",
    )
    response = saved(form)

    assert response["Location"] == change_url(meeting)
    attachment = Attachment.objects.get(item=item)
    assert "langtidsplaner" in attachment.text
    meeting.refresh_from_db()
    assert meeting.corrected_at is not None
    assertContains(response.follow(), "Rediger bilag (1) og afstemning")
    item_page = django_app.get(item_url(item))
    attachment_url = f"/admin/minutes/agendaitem/{item.pk}/bilag/{attachment.pk}.pdf"
    assertContains(item_page, f'<a href="{attachment_url}">Åbn PDF</a>', html=True)
    response = item_page.click("Åbn PDF")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_non_pdf_attachment_is_refused_and_the_title_kept(django_app, clerk, make_meeting):
    meeting = make_meeting("2018-05-29", items=[{"title": "Styringsdialog 2018"}])
    form = django_app.get(item_url(meeting.items.get()), user=clerk).forms["agendaitem_form"]
    fill_row(
        form,
        "attachments-0",
        title="Oversigt over dialogmøderne",
        file=Upload("bilag.pdf", b"PK\x03\x04 a zip file, not a PDF"),
        position="1",
    )

    page = refused(form)

    assert not Attachment.objects.exists()
    assert errors_in(page) == ["Filen er ikke en PDF-fil."]
    assert page.forms["agendaitem_form"]["attachments-0-title"].value == (
        "Oversigt over dialogmøderne"
    )


def test_current_pdf_is_linked_through_admin_not_media_url(
    django_app, clerk, make_meeting, pdf_file
):
    meeting = make_meeting("2018-05-29", minutes_pdf=pdf_file("Referatets tekst."))

    page = django_app.get(change_url(meeting), user=clerk)

    pdf_url = f"/admin/minutes/meeting/{meeting.pk}/referat.pdf"
    assertContains(page, f'<a href="{pdf_url}">Åbn PDF</a>', html=True)
    assertNotContains(page, "/media/")
    assertContains(page, "tegn fundet")
    response = page.click("Åbn PDF")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="referat-2018-05-29.pdf"' in response["Content-Disposition"]


def test_stored_files_in_admin_are_only_for_logged_in_staff(django_app, make_meeting, pdf_file):
    meeting = make_meeting("2018-05-29", published=False, minutes_pdf=pdf_file("Kladde."))

    response = django_app.get(f"/admin/minutes/meeting/{meeting.pk}/referat.pdf")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_unpublished_meeting_offers_a_preview_on_the_site(django_app, clerk, make_meeting):
    meeting = make_meeting("2018-05-29", published=False)

    page = django_app.get(change_url(meeting), user=clerk)

    assertContains(
        page,
        f'<a href="{on_site_url(meeting)}" class="viewsitelink">Forhåndsvis på siden</a>',
        html=True,
    )
    response = page.click("Forhåndsvis på siden")
    assert response.status_code == 302
    assert response["Location"].endswith("/referater/2018-05-29/")
    assertContains(response.follow(), "Forhåndsvisning – mødet er ikke offentliggjort")


def test_published_meeting_links_to_its_page(django_app, clerk, make_meeting):
    meeting = make_meeting("2018-05-29")

    page = django_app.get(change_url(meeting), user=clerk)

    assertContains(
        page, f'<a href="{on_site_url(meeting)}" class="viewsitelink">Vis på siden</a>', html=True
    )
    assertNotContains(page, "Forhåndsvis")


def test_meeting_list_shows_item_counts_and_filters_by_year_and_search(
    django_app, clerk, make_meeting
):
    make_meeting(
        "2018-05-29", items=[{"title": "Helhedsplan for Friheden"}, {"title": "Eventuelt"}]
    )
    make_meeting("2019-03-12", published=False, items=[{"title": "Budget 2020"}])

    page = django_app.get(LIST_URL, user=clerk)
    assert listed(page) == {"29. maj 2018": "2", "12. marts 2019": "1"}

    def found_by(term):
        form = page.forms["changelist-search"]
        form["q"] = term
        return list(listed(form.submit()))

    assert list(listed(page.click(href=r"\?date__year=2019$"))) == ["12. marts 2019"]
    assert list(listed(page.click(href=r"\?is_published__exact=0$"))) == ["12. marts 2019"]
    assert found_by("helhedsplan") == ["29. maj 2018"]
    assert found_by("12-03-2019") == ["12. marts 2019"]


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
def test_clerk_cannot_see_users_or_cookie_consent(django_app, clerk, url):
    assert django_app.get(url, user=clerk, status=403).status_code == 403


def test_item_list_shows_closed_items_to_clerks_with_their_real_titles(
    django_app, clerk, make_meeting
):
    meeting = make_meeting(
        "2018-05-29",
        items=[{"title": "Dispensation for en enkelt husstand", "is_closed": True}],
    )

    page = django_app.get("/admin/minutes/agendaitem/", user=clerk)

    link = f'<a href="{item_url(meeting.items.get())}">Dispensation for en enkelt husstand</a>'
    assertContains(page, link, html=True)


def test_clerk_may_delete_a_draft_but_not_a_meeting_that_has_been_published(
    django_app, clerk, make_meeting
):
    draft = make_meeting("2019-03-05", published=False)
    once_public = make_meeting("2019-04-02")
    once_public.unpublish()
    once_public.save()
    delete_url = f"/admin/minutes/meeting/{once_public.pk}/delete/"

    page = django_app.get(change_url(once_public), user=clerk)
    assert not elements(page, "a", class_="deletelink")
    assert django_app.get(delete_url, status=403).status_code == 403
    # Nor does the server take a deletion the page does not offer.
    token = page.forms["meeting_form"]["csrfmiddlewaretoken"].value
    django_app.post(delete_url, {"post": "yes", "csrfmiddlewaretoken": token}, status=403)
    assert Meeting.objects.filter(pk=once_public.pk).exists()

    # The buttons are both above and below the form: either "Slet" will do.
    confirmation = django_app.get(change_url(draft)).click("Slet", index=0)
    form = next(form for form in confirmation.forms.values() if "post" in form.fields)
    assert form.submit().status_code == 302
    assert not Meeting.objects.filter(pk=draft.pk).exists()


def test_clerk_has_no_bulk_delete_action(django_app, clerk, make_meeting):
    make_meeting("2019-04-02")

    form = django_app.get(LIST_URL, user=clerk).forms["changelist-form"]

    assert [value for value, _, _ in form["action"].options] == [
        "",
        "publish_meetings",
        "unpublish_meetings",
    ]


def test_clerk_moving_a_published_meeting_sees_the_old_date_kept_as_a_redirect(
    django_app, clerk, make_meeting
):
    meeting = make_meeting("2018-05-29")
    form = django_app.get(change_url(meeting), user=clerk).forms["meeting_form"]
    form["date"] = "2018-05-30"

    saved(form)

    page = django_app.get(change_url(meeting))
    assert "tidligere datoer (links hertil sendes videre til mødet)" in page.text.lower()
    assert text(element(page, "td", class_="field-old_date")) == "29. maj 2018"
    response = django_app.get("/referater/2018-05-29/")
    assert (response.status_code, response["Location"]) == (301, "/referater/2018-05-30/")


def test_replacing_or_removing_a_published_attachment_keeps_the_earlier_file(
    django_app, clerk, make_meeting, pdf_file, media_root
):
    meeting = make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])
    item = meeting.items.get()
    first = Attachment.objects.create(
        item=item, title="Helhedsplan, udkast", file=pdf_file("Det første udkast.")
    )
    first_name = first.file.name

    form = django_app.get(item_url(item), user=clerk).forms["agendaitem_form"]
    form["attachments-0-file"] = pdf_upload("Det rettede udkast.", name="bilag.pdf")
    saved(form)

    first.refresh_from_db()
    assert "Det rettede udkast." in first.text
    second_name = first.file.name
    replaced = Attachment.history.filter(file=first_name).latest()
    assert (replaced.title, replaced.item_id) == ("Helhedsplan, udkast", item.pk)
    assert (media_root / first_name).exists()

    form = django_app.get(item_url(item)).forms["agendaitem_form"]
    form["attachments-0-DELETE"] = True
    saved(form)

    assert not Attachment.objects.filter(item=item).exists()
    removed = Attachment.history.latest()
    assert (removed.history_type, removed.file) == ("-", second_name)
    assert (media_root / second_name).exists()
    page = django_app.get(item_url(item))
    version_url = f"/admin/minutes/agendaitem/{item.pk}/tidligere-bilag/{replaced.history_id}.pdf"
    saved_at = timezone.localtime(replaced.history_date)
    label = f"Helhedsplan, udkast (fra {saved_at:%d-%m-%Y %H:%M})"
    assertContains(page, f'<a href="{version_url}">{label}</a>', html=True)
    response = page.click(href=re.escape(version_url))
    assert response["Content-Type"] == "application/pdf"
    assert response.body == (media_root / first_name).read_bytes()


def test_attachments_of_a_meeting_never_published_are_replaced_without_a_correction(
    make_meeting, pdf_file
):
    meeting = make_meeting("2018-05-29", published=False, items=[{"title": "Kladde"}])
    attachment = Attachment.objects.create(
        item=meeting.items.get(), title="Udkast", file=pdf_file("Udkast.")
    )

    attachment.file = pdf_file("Nyt udkast.")
    attachment.save()
    attachment.delete()
    meeting.publish()
    meeting.save()

    meeting.refresh_from_db()
    assert meeting.corrected_at is None
    assert Attachment.history.count() == 3  # kept, though never public


def test_meeting_time_is_shown_to_the_clerk_in_hours_and_minutes(django_app, clerk, make_meeting):
    meeting = make_meeting("2018-05-29")

    form = django_app.get(change_url(meeting), user=clerk).forms["meeting_form"]

    assert form["start_time"].value == "17:00"


def test_a_clerk_reads_the_page_view_statistics_but_cannot_change_them(django_app, clerk):
    index = django_app.get("/admin/", user=clerk)
    report = index.click("Sidevisninger")

    assert report.request.path == "/admin/visits/pageview/"
    assert "Statistik over sidevisninger" in report.text
    assert django_app.get("/admin/visits/pageview/add/", user=clerk, status=403)
