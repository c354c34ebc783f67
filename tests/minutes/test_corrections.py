"""Corrections the public can see: what changed in the public text after first publication.

A meeting is built as first published in one change (`published_meeting`); every later change
set is what a clerk's save would be.
"""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains, assertNotContains

from minutes import changesets
from minutes.corrections import corrections_for
from minutes.demo import make_pdf
from minutes.models import AgendaItem, Attachment, Meeting, Participant, RecordKind, Vote
from minutes.presentation import long_date_time
from tests.markup import element, elements, text

pytestmark = pytest.mark.django_db

CORRECTIONS_URL = "/referater/2018-05-29/rettelser/"


def upload(*paragraphs, name="fil.pdf"):
    return SimpleUploadedFile(name, make_pdf("Dokument", paragraphs), "application/pdf")


@pytest.fixture
def published_meeting(make_meeting):
    """A meeting as the public first saw it: facts, members, an open and a closed item."""
    with changesets.change_set():
        meeting = make_meeting(
            "2018-05-29",
            minutes_pdf=upload("Den første udgave af referatet.", name="referat.pdf"),
            remarks="Næste møde er den 12. juni.",
            items=[
                {
                    "title": "Helhedsplan for Avedøre Stationsby",
                    "decision": "Indstillingen blev godkendt.",
                    "case_presentation": "Planen omfatter 1.200 boliger.",
                },
                {
                    "title": "Salg af grund til boligselskabet",
                    "is_closed": True,
                    "case_presentation": "Købesummen er 4 mio. kr.",
                    "public_decision": "Udvalget tiltrådte salget.",
                },
            ],
        )
        open_item, closed_item = meeting.items.all()
        Participant.objects.create(meeting=meeting, name="Helle M. Adelborg", party="A")
        Attachment.objects.create(
            item=open_item, title="Helhedsplan, oversigt", file=upload("Oversigt, første udgave.")
        )
        Attachment.objects.create(
            item=closed_item, title="Købsaftale", file=upload("Købsaftalens tekst.")
        )
        Vote.objects.create(item=closed_item, party="A", position=Vote.Position.FOR)
    meeting.refresh_from_db()
    return meeting


def item(meeting, number):
    return meeting.items.get(number=number)


def correct(reason="", **changes):
    """One change set, as one save of a clerk."""
    return changesets.change_set(reason=reason, **changes)


def corrections_on(page):
    """Each correction on a page as (heading, [(where, label, before, after), ...])."""
    found = []
    for section in elements(page, "section", class_="correction"):
        heading = text(elements(section, None, id=f"{dict(section.attributes)['id']}-titel")[0])
        parts = []
        for group in elements(section, "div", class_="correction__group"):
            where = text(element(group, "p", class_="correction__where"))
            for diff in elements(group, "div", class_="correction-diff"):
                sides = elements(diff, "div", class_="correction-diff__side")
                parts.append(
                    (
                        where,
                        text(element(diff, "p", class_="correction-diff__label")),
                        *(text(side).removeprefix("Før ").removeprefix("Efter ") for side in sides),
                    )
                )
        found.append((heading, parts))
    return found


def test_a_meeting_as_first_published_has_no_corrections(client, published_meeting):
    page = client.get(CORRECTIONS_URL)

    assert published_meeting.corrected_at is None
    assert page.status_code == 200
    assertContains(page, "Der er ikke rettet noget, efter at referatet blev offentliggjort.")
    assertNotContains(client.get("/referater/2018-05-29/"), "/rettelser/")


def test_typo_fixes_before_publication_are_not_corrections(client, make_meeting):
    draft = make_meeting("2018-05-29", published=False, items=[{"title": "Helhedsplna"}])
    with correct():
        draft_item = draft.items.get()
        draft_item.title = "Helhedsplan"
        draft_item.save()
    with correct():
        draft.publish()
        draft.save()

    draft.refresh_from_db()
    assert draft.corrected_at is None
    assert corrections_for([draft]) == []
    assertContains(client.get(CORRECTIONS_URL), "Der er ikke rettet noget")


def test_a_corrected_decision_shows_before_and_after_with_the_reason(client, published_meeting):
    decided = item(published_meeting, 1)
    with correct(reason="Forkert dato for næste møde"):
        decided.decision = "Indstillingen blev godkendt med den ændring, at planen deles i to."
        decided.save()
        published_meeting.remarks = "Næste møde er den 19. juni."
        published_meeting.save()

    published_meeting.refresh_from_db()
    page = client.get(CORRECTIONS_URL)

    ((heading, parts),) = corrections_on(page)
    assert heading.startswith("Rettet ")
    assertContains(page, "<strong>Begrundelse:</strong> Forkert dato for næste møde", html=False)
    assert parts == [
        ("Mødet", "Bemærkninger", "Næste møde er den 12. juni.", "Næste møde er den 19. juni."),
        (
            "Punkt 1. Helhedsplan for Avedøre Stationsby",
            "Beslutning",
            "Indstillingen blev godkendt.",
            "Indstillingen blev godkendt med den ændring, at planen deles i to.",
        ),
    ]
    assert "<del>12.</del>" in page.content.decode()
    assert "<ins>19.</ins>" in page.content.decode()
    item_link = element(page, "a", href="/referater/2018-05-29/#punkt-1")
    assert text(item_link) == "Punkt 1. Helhedsplan for Avedøre Stationsby"


def test_the_meeting_page_says_when_it_was_corrected_and_links_the_corrections(
    client, published_meeting
):
    with correct():
        published_meeting.place = "Rådhuset, mødelokale 2"
        published_meeting.save()
    published_meeting.refresh_from_db()

    page = client.get("/referater/2018-05-29/")

    when = published_meeting.corrected_at
    assert when == published_meeting.history.latest().history_date
    footer = element(page, "footer", class_="meeting__footer")
    assert text(footer).endswith(f"Rettet {long_date_time(when)} – se hvad der er rettet")
    assert dict(element(footer, "a").attributes)["href"] == CORRECTIONS_URL


def test_closed_items_never_appear_in_the_corrections(client, published_meeting):
    closed = item(published_meeting, 2)
    with correct(reason="Titlen var forkert"):
        closed.title = "Salg af grund til Boligselskabet AKB"
        closed.case_presentation = "Købesummen er 4,5 mio. kr."
        closed.save()
        closed.attachments.get().delete()
        Attachment.objects.create(item=closed, title="Ny købsaftale", file=upload("Ny aftale."))
        Vote.objects.create(item=closed, party="V", position=Vote.Position.AGAINST)

    published_meeting.refresh_from_db()
    pages = [client.get(CORRECTIONS_URL), client.get("/referater/rettelser/")]
    pages.append(client.get("/referater/rettelser/rss/"))

    assert published_meeting.corrected_at is None  # nothing public changed
    for page in pages:
        assert page.status_code == 200
        html = page.content.decode()
        for secret in ("Salg af grund", "AKB", "Købesum", "købsaftale", "Købsaftale", "aftale"):
            assert secret not in html


def test_a_closed_items_public_decision_is_public_text(client, published_meeting):
    closed = item(published_meeting, 2)
    with correct():
        closed.public_decision = "Udvalget tiltrådte salget med én stemme imod."
        closed.title = "Salg af grund til AKB"
        closed.save()

    ((_heading, parts),) = corrections_on(client.get(CORRECTIONS_URL))

    assert parts == [
        (
            "Punkt 2. Lukket punkt",
            "Beslutning",
            "Udvalget tiltrådte salget.",
            "Udvalget tiltrådte salget med én stemme imod.",
        )
    ]


def test_closing_an_item_also_closes_what_it_said_before(client, published_meeting):
    opened = item(published_meeting, 1)
    with correct():
        opened.decision = "Godkendt med ændringer."
        opened.save()
    with correct(reason="Punktet skulle have været lukket"):
        opened.is_closed = True
        opened.save()

    page = client.get(CORRECTIONS_URL)
    html = page.content.decode()

    for secret in ("Helhedsplan", "Godkendt med ændringer", "1.200 boliger", "oversigt"):
        assert secret not in html
    assert [parts for _heading, parts in corrections_on(page)] == [
        [("Punkt 1. Lukket punkt", "Status", "Åbent punkt", "Lukket punkt")]
    ]


def test_a_replaced_attachment_and_pdf_stay_downloadable(client, published_meeting, media_root):
    attachment = item(published_meeting, 1).attachments.get()
    old_attachment = attachment.file.name
    old_pdf = published_meeting.minutes_pdf.name
    with correct(reason="Forkert bilag"):
        attachment.file = upload("Oversigt, rettet udgave.")
        attachment.save()
        published_meeting.minutes_pdf = upload("Den rettede udgave.", name="referat.pdf")
        published_meeting.save()

    page = client.get(CORRECTIONS_URL)
    ((_heading, parts),) = corrections_on(page)
    assert [(where, label) for where, label, *_ in parts] == [
        ("Mødet", "Referat som PDF"),
        ("Punkt 1. Helhedsplan for Avedøre Stationsby", "Bilag"),
    ]

    before_links = [
        dict(side.children[1].children[0].attributes)["href"]
        for side in elements(page, "div", class_="correction-diff__side--before")
    ]
    downloads = [client.get(url) for url in before_links]
    assert [d["Content-Type"] for d in downloads] == ["application/pdf"] * 2
    assert b"".join(downloads[0].streaming_content) == (media_root / old_pdf).read_bytes()
    assert b"".join(downloads[1].streaming_content) == (media_root / old_attachment).read_bytes()


def test_a_file_no_correction_links_to_is_not_served(client, published_meeting):
    closed_attachment = item(published_meeting, 2).attachments.get()
    record = Attachment.history.get(id=closed_attachment.pk)

    for url in [
        f"{CORRECTIONS_URL}bilag-{record.history_id}.pdf",
        f"{CORRECTIONS_URL}referat-{published_meeting.history.latest().history_id}.pdf",
        f"{CORRECTIONS_URL}bilag-999999.pdf",
        f"{CORRECTIONS_URL}referat-0.pdf",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assertContains(response, "Siden findes ikke", status_code=404)


def test_deleted_items_and_participants_show_what_was_removed(client, published_meeting):
    with correct():
        item(published_meeting, 1).delete()
        published_meeting.participants.all().delete()

    ((_heading, parts),) = corrections_on(client.get(CORRECTIONS_URL))

    assert ("Mødet", "Medlemmer", "Helle M. Adelborg (A)", "Fjernet") in parts
    removed = [part for part in parts if part[0].startswith("Punkt 1.")]
    assert removed[0][0] == "Punkt 1. Helhedsplan for Avedøre Stationsby – fjernet"
    assert ("Beslutning", "Indstillingen blev godkendt.", "Fjernet") in [p[1:] for p in removed]
    assert any(p[1] == "Bilag" and p[2] == "Helhedsplan, oversigt (PDF)" for p in removed)


def test_turning_a_published_agenda_into_the_minutes_is_no_correction(client, make_meeting):
    agenda = make_meeting("2018-05-29", kind="dagsorden", items=[{"title": "Helhedsplan"}])

    with correct(kind=RecordKind.AGENDA_TO_MINUTES):
        agenda.kind = Meeting.Kind.MINUTES
        agenda.save()
        first = agenda.items.get()
        first.decision = "Godkendt."
        first.save()
    with correct(reason="Stavefejl"):
        first.decision = "Godkendt uden bemærkninger."
        first.save()

    ((_heading, parts),) = corrections_on(client.get(CORRECTIONS_URL))
    assert parts == [
        ("Punkt 1. Helhedsplan", "Beslutning", "Godkendt.", "Godkendt uden bemærkninger.")
    ]


def test_all_corrections_newest_first_with_a_feed(client, published_meeting, make_meeting):
    later = make_meeting("2019-01-08", items=[{"title": "Budget 2019", "decision": "Godkendt."}])
    with correct(reason="Forkert beløb"):
        first = item(published_meeting, 1)
        first.decision = "Godkendt med 3 mio. kr."
        first.save()
    with correct(reason="Forkert udfald"):
        budget = later.items.get()
        budget.decision = "Udsat."
        budget.save()
    make_meeting("2019-02-12", published=False)

    page = client.get("/referater/rettelser/")

    titles = [text(heading) for heading in elements(element(page, "main"), "h2")]
    assert titles == [
        "Referat – Almenboligudvalg Hvidovre den 8. januar 2019",
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018",
    ]
    feed = ET.fromstring(client.get("/referater/rettelser/rss/").content).find("channel")
    assert feed.findtext("title") == "Rettelser i referaterne fra Almenboligudvalg Hvidovre"
    entries = feed.findall("item")
    assert [entry.findtext("title").split(": ", 1)[1] for entry in entries] == titles
    assert (
        entries[0]
        .findtext("link")
        .startswith("http://testserver/referater/2019-01-08/rettelser/#rettelse-")
    )
    description = entries[0].findtext("description")
    assert "Begrundelse: Forkert udfald" in description
    assert "<del>Godkendt.</del>" in description and "<ins>Udsat.</ins>" in description


def test_an_unpublished_meetings_corrections_are_not_public(client, published_meeting):
    with correct():
        published_meeting.remarks = "Rettet."
        published_meeting.save()
    with correct():
        published_meeting.unpublish()
        published_meeting.save()

    assert client.get(CORRECTIONS_URL).status_code == 404
    assertNotContains(client.get("/referater/rettelser/"), "29. maj 2018")


@pytest.mark.parametrize(
    "url",
    [
        "/referater/2018-02-30/rettelser/",
        "/referater/2018-05-30/rettelser/",
        "/referater/rettelser/?side=2",
        "/referater/rettelser/?side=abc",
        "/referater/2018-05-29/rettelser/referat-abc.pdf",
        "/referater/2018-05-29/rettelser/bilag-1.pdf",
    ],
)
def test_bad_correction_urls_are_404_in_danish(client, published_meeting, url):
    response = client.get(url)

    assert response.status_code == 404
    assertContains(response, "Siden findes ikke", status_code=404)


def test_a_moved_meetings_corrections_follow_it(client, published_meeting):
    with correct():
        published_meeting.date = datetime.date(2018, 5, 30)
        published_meeting.save()

    response = client.get(CORRECTIONS_URL)

    assert (response.status_code, response["Location"]) == (301, "/referater/2018-05-30/rettelser/")
    ((_heading, parts),) = corrections_on(client.get("/referater/2018-05-30/rettelser/"))
    assert parts == [("Mødet", "Dato", "Tirsdag den 29. maj 2018", "Onsdag den 30. maj 2018")]


def test_corrections_pages_answer_conditional_requests(client, published_meeting):
    with correct():
        published_meeting.remarks = "Rettet."
        published_meeting.save()
    for url in [CORRECTIONS_URL, "/referater/rettelser/"]:
        client.get(url)  # sets the csrftoken the banner's forms are made from
        first = client.get(url)
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url

    with correct():
        published_meeting.remarks = "Rettet igen."
        published_meeting.save()
    for url in [CORRECTIONS_URL, "/referater/rettelser/"]:
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_change_that_only_touches_what_the_page_does_not_show_is_no_correction(
    published_meeting,
):
    with correct():
        published_meeting.import_report = {"head": "Indlæst igen.", "notes": []}
        published_meeting.save()
        AgendaItem.objects.filter(pk=item(published_meeting, 1).pk).update(title="Udenom")

    published_meeting.refresh_from_db()
    assert published_meeting.corrected_at is None


def test_a_form_saved_with_the_browsers_line_breaks_is_no_correction(published_meeting):
    opened = item(published_meeting, 1)
    with correct():
        opened.case_presentation = opened.case_presentation + "\r\n\r\nDen gælder til 2030."
        opened.save()
    with correct():
        opened.case_presentation = opened.case_presentation.replace("\r\n", "\n")
        opened.save()

    published_meeting.refresh_from_db()
    (correction,) = corrections_for([published_meeting])  # the sentence added, not the breaks
    assert [part.label for group in correction.groups for part in group.parts] == [
        "Sagsfremstilling"
    ]


def test_the_statistics_count_a_meetings_corrections_page_for_the_meeting():
    from visits.meetings import meeting_date, meeting_url_names

    names = meeting_url_names()

    assert meeting_date("referater/2018-05-29/rettelser/", names) == datetime.date(2018, 5, 29)
    assert meeting_date("referater/rettelser/", names) is None
