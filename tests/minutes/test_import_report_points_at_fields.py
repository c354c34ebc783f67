"""The import report on the meeting's form points at what each note is about: a link to the item's
or the meeting's field, and a mark on the folded items that have notes to check."""

import pytest

from minutes.importing import Note, parse_text
from minutes.imports import import_document
from minutes.models import Meeting
from tests.markup import attribute, element, elements, text

from .documents_for_tests import minutes_text
from .test_clerk_admin import change_url

pytestmark = pytest.mark.django_db

UNKNOWN_HEADING = (
    "Punkt 2: afsnittet “Lovgrundlag” er ikke et kendt afsnit og er lagt ind under "
    "Sagsfremstilling."
)


def imported(committee, *notes):
    """The minutes of `minutes_text()` imported as a draft, with these notes of the reading."""
    parsed = parse_text(minutes_text())
    parsed.notes = list(notes)
    return import_document(parsed, committee=committee, source_name="referat.pdf").meeting


def report_links(page):
    """Each link of the report: (its text, where it goes, what the script focuses)."""
    report = element(page, "details", class_="import-report")
    return [
        (text(link), attribute(link, "href"), attribute(link, "data-report-focus"))
        for link in elements(report, "a")
    ]


def report_lines(page):
    # `text` puts a space between a link and the text after it, which the page does not.
    return [
        text(line).replace(" : ", ": ")
        for line in elements(element(page, "details", class_="import-report"), "li")
    ]


def item_summaries(page):
    return [
        text(summary)
        for summary in elements(element(page, "div", id="items-group"), "summary")
        if text(summary)[:1].isdigit()
    ]


def test_a_note_about_an_items_section_links_to_the_field_inside_the_folded_item(
    django_app, clerk, committee
):
    meeting = imported(committee, Note(UNKNOWN_HEADING, item_number=2, field="case_presentation"))

    page = django_app.get(change_url(meeting), user=clerk)

    # Item 2 is the second form of the items (items-1); without a script the link goes to it.
    assert report_links(page) == [
        ("Punkt 2, sagsfremstilling", "#items-1", "#id_items-1-case_presentation")
    ]
    assert (
        "Punkt 2, sagsfremstilling: Afsnittet “Lovgrundlag” er ikke et kendt afsnit og er lagt "
        "ind under Sagsfremstilling."
    ) in report_lines(page)
    assert element(page, "div", id="items-1")
    assert element(page, "textarea", id="id_items-1-case_presentation")


def test_the_items_with_notes_to_check_are_marked_in_the_folded_list(django_app, clerk, committee):
    meeting = imported(
        committee,
        Note(UNKNOWN_HEADING, item_number=2, field="case_presentation"),
        Note("Punkt 2: “Vedtaget med bemærkninger” er et uklart udfald.", 2, field="outcome"),
        Note("Punkt 3 har ingen beslutning.", 3, field="decision"),
        Note("Sidehoveder, sidefødder og sidetal er fjernet, fx “Side 1”.", needs_check=False),
    )

    page = django_app.get(change_url(meeting), user=clerk)

    assert item_summaries(page) == [
        "1. Godkendelse af dagsorden Godkendt",
        "2. Helhedsplan for Friheden – skema A Anbefalet Tjek: 2 noter",
        "3. Salg af kommunal grund Lukket punkt Godkendt Tjek: 1 note",
    ]
    # What was only done as expected stays a line of information, linked to nothing.
    assert "Sidehoveder, sidefødder og sidetal er fjernet, fx “Side 1”." in report_lines(page)
    assert [label for label, _, _ in report_links(page)] == [
        "Punkt 2, sagsfremstilling",
        "Punkt 2, udfald",
        "Punkt 3, beslutning",
    ]


@pytest.mark.parametrize(
    ("note", "link"),
    [
        (Note("Der blev ikke fundet et mødested.", field="place"), ("Mødested", "#id_place")),
        (Note("Datoen “30. februar” kunne ikke læses.", field="date"), ("Mødedato", "#id_date")),
        (
            Note("Der blev ikke fundet nogen medlemmer under “Medlemmer”.", field="participants"),
            ("Medlemmer og afbud", "#participants-group"),
        ),
        (Note("Titellinjen blev ikke fundet. Tjek typen.", field="kind"), ("Type", "#id_kind_0")),
        (Note("Punkt 2: bilagslisten er uklar.", 2, field="attachments"), ("Punkt 2, bilag", "")),
        (Note("Punkterne springer fra 1 til 3.", 2), ("Punkt 2", "")),
    ],
)
def test_a_note_about_a_field_of_the_meeting_or_the_items_page_links_to_it(
    django_app, clerk, committee, note, link
):
    meeting = imported(committee, note)

    page = django_app.get(change_url(meeting), user=clerk)

    ((label, href, focus),) = report_links(page)
    assert label == link[0]
    if note.item_number is None:
        assert href == focus == link[1]
        assert elements(page, id=href[1:]), f"nothing on the form has the id {href}"
    else:
        assert href == "#items-1"
        # Attachments and votes are on the item's own page: the item's button that saves first.
        expected = "button[name=_edit_item]" if note.field else "summary"
        assert focus == f"#items-1 {expected}"


def test_a_note_about_the_document_as_a_whole_or_an_item_not_on_the_form_links_nowhere(
    django_app, clerk, committee
):
    meeting = imported(
        committee,
        Note("Der blev ikke fundet nogen punkter i dokumentet."),
        Note("Punkt 9 (“Eventuelt”) står i indholdsfortegnelsen, men blev ikke fundet.", 9),
    )

    page = django_app.get(change_url(meeting), user=clerk)

    assert report_links(page) == []
    lines = report_lines(page)
    assert "Der blev ikke fundet nogen punkter i dokumentet." in lines
    assert "Punkt 9 (“Eventuelt”) står i indholdsfortegnelsen, men blev ikke fundet." in lines
    assert "Tjek" not in " ".join(item_summaries(page))


def test_an_unknown_heading_in_pasted_minutes_points_at_its_item(django_app, clerk, media_root):
    form = django_app.get("/admin/minutes/meeting/indlaes/", user=clerk).forms[
        "meeting_import_form"
    ]
    form["text"] = minutes_text().replace(
        "Sagsfremstilling\nHelhedsplanen",
        "Lovgrundlag\nAlmenboligloven § 27.\nSagsfremstilling\nHelhedsplanen",
    )

    page = form.submit("_import").follow()

    meeting = Meeting.objects.get()
    assert [note.item for note in meeting.report.checks] == [2]
    ((label, href, _focus),) = report_links(page)
    assert label.startswith("Punkt 2")
    assert href == "#items-1"
    assert item_summaries(page)[1].endswith("Tjek: 1 note")


def test_a_report_made_by_hand_is_not_shown(django_app, clerk, make_meeting):
    meeting = make_meeting("2018-05-29", published=False, items=[{"title": "Skrevet i hånden"}])

    page = django_app.get(change_url(meeting), user=clerk)

    assert not elements(page, "details", class_="import-report")
    assert item_summaries(page) == ["1. Skrevet i hånden"]


def test_the_report_and_the_marks_cost_no_query_per_note(django_app, clerk, committee):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    quiet = imported(committee)
    Meeting.objects.filter(pk=quiet.pk).update(date="2018-06-12")
    noisy = imported(
        committee,
        *(Note(f"Punkt {n}: tjek titlen.", n, field="title") for n in (1, 2, 3)),
        Note("Der blev ikke fundet et mødested.", field="place"),
        Note("Sidehoveder er fjernet.", needs_check=False),
    )

    def queries(meeting):
        with CaptureQueriesContext(connection) as captured:
            django_app.get(change_url(meeting), user=clerk)
        return len(captured)

    # The session and the caches (the cookie declaration) first.
    for meeting in (quiet, noisy):
        queries(meeting)
    assert queries(noisy) == queries(quiet)
