"""Open data: each meeting, each year and all meetings as JSON (OParl field names, validated
against the JSON Schemas in static/data/), every item's decision as CSV, and /data/."""

import csv
import datetime
import html
import io
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft202012Validator

from committee.models import Member
from minutes import changesets
from minutes.demo import make_pdf
from minutes.models import AgendaItem, Attachment, Meeting, Participant, Vote
from tests.markup import attribute, elements, text

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(settings.BASE_DIR) / "static" / "data"
HOST = "http://testserver"
MEETING_DATA = "/referater/2018-05-29/data.json"
DATA_URLS = [MEETING_DATA, "/referater/2018/data.json", "/referater/data.json"]
CSV_URL = "/referater/beslutninger.csv"

CLOSED_SECRET_TITLE = "Fraflytning af lejer i Avedøre Stationsby 7B"
CLOSED_SECRET_TEXT = "Lejeren skylder 48.000 kr. i husleje"
CLOSED_SECRET_ATTACHMENT = "Udskrift fra lejerens konto"
CLOSED_PUBLIC_DECISION = "Udvalget tog orienteringen til efterretning."
DRAFT_SECRET = "Salg af Risbjerggårds grund til privat investor"


def schema(name):
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def assert_valid(document, name):
    validator = Draft202012Validator(
        schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert not errors, "\n".join(errors)


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


@pytest.fixture
def meeting(make_meeting, committee, pdf_file):
    """Minutes of 29 May 2018: members present and absent, remarks, the PDF, an open item with
    every section, an outcome, votes and two attachments (one not yet uploaded), and a closed
    item with secret content, a vote and an attachment of its own, and a public decision."""
    helle = Member.objects.create(committee=committee, name="Helle M. Adelborg", party="A")
    bente = Member.objects.create(committee=committee, name="Bente Berg", party="V")
    with changesets.change_set():
        meeting = make_meeting(
            "2018-05-29",
            remarks="Bente Berg (V) deltog som stedfortræder for Carl Cort (C).",
            minutes_pdf=pdf_file("Referat", "Helhedsplan for Avedøre Stationsby."),
            items=[
                {
                    "title": "Helhedsplan for Avedøre Stationsby",
                    "decision_theme": "Udvalget skal tage stilling til helhedsplanen.",
                    "recommendation": "Administrationen indstiller, at helhedsplanen anbefales.",
                    "decision": "Indstillingen blev anbefalet.",
                    "case_presentation": "Helhedsplanen omfatter 1.200 almene familieboliger.",
                    "economic_consequences": "Ingen for kommunen.",
                    "outcome": AgendaItem.Outcome.RECOMMENDED,
                },
                {
                    "title": CLOSED_SECRET_TITLE,
                    "is_closed": True,
                    "decision": CLOSED_SECRET_TEXT,
                    "case_presentation": CLOSED_SECRET_TEXT,
                    "outcome": AgendaItem.Outcome.APPROVED,
                    "public_decision": CLOSED_PUBLIC_DECISION,
                },
            ],
        )
        Participant.objects.create(meeting=meeting, member=helle, position=1)
        Participant.objects.create(meeting=meeting, name="Jens Jensen", party="Ø", position=2)
        Participant.objects.create(
            meeting=meeting, member=bente, status=Participant.Status.ABSENT, position=3
        )
        open_item, closed_item = meeting.items.order_by("number")
        Attachment.objects.create(
            item=open_item,
            title="Helhedsplan, oversigt over boligerne",
            file=SimpleUploadedFile("plan.pdf", make_pdf("Oversigt", ["Boliger"])),
            position=1,
        )
        Attachment.objects.create(item=open_item, title="Budget for helhedsplanen", position=2)
        votes = [("A", "for"), ("F", "for"), ("Ø", "imod"), ("O", "undlod"), ("C", "afventer")]
        for party, position in votes:
            Vote.objects.create(item=open_item, party=party, position=position)
        Vote.objects.create(item=closed_item, party="V", position="imod")
        Attachment.objects.create(
            item=closed_item,
            title=CLOSED_SECRET_ATTACHMENT,
            file=SimpleUploadedFile("konto.pdf", make_pdf("Konto", [CLOSED_SECRET_TEXT])),
        )
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def draft(make_meeting):
    return make_meeting(
        "2018-06-26", published=False, items=[{"title": DRAFT_SECRET, "decision": DRAFT_SECRET}]
    )


# One meeting -----------------------------------------------------------------------------------


def test_meeting_data_is_an_oparl_meeting_valid_against_its_schema(client, meeting):
    response = client.get(MEETING_DATA)
    data = response.json()

    assert_valid(data, "moede")
    # Danish letters as they are, not as \u escapes.
    assert "Avedøre".encode() in response.content
    assert response["Link"] == f'<{HOST}/static/data/moede.schema.json>; rel="describedby"'
    assert data["id"] == f"{HOST}{MEETING_DATA}"
    assert data["type"] == "https://schema.oparl.org/1.1/Meeting"
    assert data["name"] == "Referat – Almenboligudvalg Hvidovre den 29. maj 2018"
    assert data["web"] == f"{HOST}/referater/2018-05-29/"
    assert data["meetingState"] == "referat"
    assert data["hvidovre:date"] == "2018-05-29"
    assert data["start"] == "2018-05-29T17:00:00+02:00"
    assert data["location"]["description"] == "Rådhuset, mødelokale 1"
    assert [o["name"] for o in data["organization"]] == ["Almenboligudvalg Hvidovre"]
    assert data["hvidovre:remarks"].startswith("Bente Berg (V) deltog")
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    published = datetime.datetime.fromisoformat(data["hvidovre:published"])
    assert published == meeting.first_published_at
    # In Danish time, like the start: +01:00 in winter, +02:00 in summer.
    danish = meeting.first_published_at.astimezone(ZoneInfo("Europe/Copenhagen"))
    assert published.utcoffset() == danish.utcoffset()


def test_participants_are_persons_with_party_and_members_keep_one_id(client, meeting):
    data = get_json(client, MEETING_DATA)
    helle = Member.objects.get(name="Helle M. Adelborg")

    assert [(p["name"], p["hvidovre:party"]) for p in data["participant"]] == [
        ("Helle M. Adelborg", "A"),
        ("Jens Jensen", "Ø"),
    ]
    assert data["participant"][0]["id"] == f"{HOST}/#medlem-{helle.pk}"
    assert data["participant"][1]["id"].startswith(f"{HOST}{MEETING_DATA}#deltager-")
    assert [p["name"] for p in data["hvidovre:absentParticipant"]] == ["Bente Berg"]


def test_open_item_has_its_sections_outcome_votes_and_files(client, meeting):
    item = get_json(client, MEETING_DATA)["agendaItem"][0]

    assert item["id"] == f"{HOST}{MEETING_DATA}#punkt-1"
    assert item["web"] == f"{HOST}/referater/2018-05-29/punkt-1/"
    assert item["meeting"] == f"{HOST}{MEETING_DATA}"
    assert (item["number"], item["order"], item["public"]) == ("1", 1, True)
    assert item["name"] == "Helhedsplan for Avedøre Stationsby"
    assert item["result"] == "Anbefalet"
    assert item["resolutionText"] == "Indstillingen blev anbefalet."
    assert item["hvidovre:vote"] == {
        "for": ["A", "F"],
        "against": ["Ø"],
        "abstained": ["O"],
        "awaiting": ["C"],
    }
    assert [s["name"] for s in item["hvidovre:section"]] == [
        "Beslutningstema",
        "Indstilling",
        "Beslutning",
        "Sagsfremstilling",
        "Økonomiske konsekvenser",
    ]
    uploaded, announced = item["auxiliaryFile"]
    assert uploaded["name"] == "Helhedsplan, oversigt over boligerne"
    assert uploaded["mimeType"] == "application/pdf"
    assert uploaded["fileName"] == "bilag-1-helhedsplan-oversigt-over-boligerne.pdf"
    assert uploaded["size"] > 0
    assert announced == {
        "id": announced["id"],
        "type": "https://schema.oparl.org/1.1/File",
        "name": "Budget for helhedsplanen",
    }


def test_the_files_urls_serve_the_files(client, meeting):
    data = get_json(client, MEETING_DATA)
    protocol = data["resultsProtocol"]
    attachment = data["agendaItem"][0]["auxiliaryFile"][0]

    for file in (protocol, attachment):
        response = client.get(file["accessUrl"].removeprefix(HOST))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert int(response["Content-Length"]) == file["size"]
    assert protocol["accessUrl"] == f"{HOST}/referater/2018-05-29/referat.pdf"
    assert "invitation" not in data


def test_an_agendas_pdf_is_its_invitation(client, make_meeting, pdf_file):
    make_meeting("2018-05-29", kind=Meeting.Kind.AGENDA, minutes_pdf=pdf_file("Dagsorden"))

    data = get_json(client, MEETING_DATA)

    assert_valid(data, "moede")
    assert data["meetingState"] == "dagsorden"
    assert data["invitation"]["name"] == "Dagsorden – Almenboligudvalg Hvidovre den 29. maj 2018"
    assert "resultsProtocol" not in data


def test_a_meeting_without_time_place_or_items_has_no_start_and_no_location(client, make_meeting):
    make_meeting("2018-05-29", start_time=None, place="")

    data = get_json(client, MEETING_DATA)

    assert_valid(data, "moede")
    assert "start" not in data and "location" not in data
    assert data["agendaItem"] == []


def test_an_old_date_redirects_to_the_meetings_data_at_its_new_date(client, meeting):
    meeting.date = datetime.date(2018, 5, 30)
    meeting.save()

    response = client.get(MEETING_DATA)

    assert response.status_code == 301
    assert response["Location"] == "/referater/2018-05-30/data.json"


@pytest.mark.parametrize(
    "url",
    [
        "/referater/2018-05-30/data.json",  # no meeting that day
        "/referater/2018-02-30/data.json",  # no such day
        "/referater/2018-5-29/data.json",
        "/referater/2017/data.json",  # a year without meetings
        "/referater/0000/data.json",
        "/referater/0000-01-01/data.json",
        "/referater/9999-12-31/data.json",
        "/referater/18/data.json",
        "/referater/2018x/data.json",
        "/referater/data.json?side=2",
        "/referater/data.json?side=0",
        "/referater/data.json?side=et",
        "/referater/2018/data.json?side=2",
    ],
)
def test_bad_dates_years_and_pages_are_404(client, meeting, url):
    assert client.get(url).status_code == 404


def test_data_urls_are_reversed_before_the_date_patterns_and_refuse_posts(client, meeting):
    assert reverse("minutes:archive_data") == "/referater/data.json"
    assert reverse("minutes:decisions_csv") == "/referater/beslutninger.csv"
    assert reverse("minutes:year_data", kwargs={"year": 2018}) == "/referater/2018/data.json"
    assert reverse("minutes:meeting_data", kwargs={"date": "2018-05-29"}) == MEETING_DATA
    assert reverse("open_data") == "/data/"
    for url in [*DATA_URLS, CSV_URL, "/data/"]:
        assert client.post(url).status_code == 405, url


# Closed items and drafts -----------------------------------------------------------------------


def test_a_closed_item_is_its_number_lukket_punkt_and_its_public_decision(client, meeting):
    closed = get_json(client, MEETING_DATA)["agendaItem"][1]

    assert closed == {
        "id": f"{HOST}{MEETING_DATA}#punkt-2",
        "type": "https://schema.oparl.org/1.1/AgendaItem",
        "meeting": f"{HOST}{MEETING_DATA}",
        "number": "2",
        "order": 2,
        "name": "Lukket punkt",
        "public": False,
        "resolutionText": CLOSED_PUBLIC_DECISION,
        "hvidovre:section": [{"name": "Beslutning", "text": CLOSED_PUBLIC_DECISION}],
        "web": f"{HOST}/referater/2018-05-29/punkt-2/",
    }


def test_closed_items_and_drafts_are_absent_from_all_data(client, meeting, draft):
    everything = [*DATA_URLS, CSV_URL, "/data/"]
    for url in everything:
        body = client.get(url).getvalue().decode()
        for secret in (CLOSED_SECRET_TITLE, CLOSED_SECRET_TEXT, CLOSED_SECRET_ATTACHMENT):
            assert secret not in body, url
        assert DRAFT_SECRET not in body, url
        assert "2018-06-26" not in body, url


@pytest.mark.parametrize("who", ["anonymous", "clerk"])
def test_a_drafts_data_is_404_for_everyone(client, draft, clerk, who):
    if who == "clerk":
        client.force_login(clerk)

    assert client.get("/referater/2018-06-26/data.json").status_code == 404
    # The year has only the draft: as if it had no meetings.
    assert client.get("/referater/2018/data.json").status_code == 404
    assert get_json(client, "/referater/data.json")["data"] == []


# The lists -------------------------------------------------------------------------------------


def test_year_and_archive_lists_are_valid_oparl_lists_without_sections(client, meeting):
    year = get_json(client, "/referater/2018/data.json")
    archive = get_json(client, "/referater/data.json")

    assert_valid(year, "aar")
    assert_valid(archive, "referater")
    assert year["links"] == {
        "first": f"{HOST}/referater/2018/data.json",
        "self": f"{HOST}/referater/2018/data.json",
        "last": f"{HOST}/referater/2018/data.json",
        "web": f"{HOST}/referater/2018/",
    }
    assert archive["pagination"] == {
        "totalElements": 1,
        "elementsPerPage": 100,
        "currentPage": 1,
        "totalPages": 1,
    }
    listed = archive["data"][0]
    assert listed["id"] == f"{HOST}{MEETING_DATA}"
    assert [item.get("hvidovre:section") for item in listed["agendaItem"]] == [None, None]
    assert listed["agendaItem"][0]["resolutionText"] == "Indstillingen blev anbefalet."


def add_published_meetings(committee, count, start=datetime.date(2000, 1, 4)):
    now = timezone.now()
    Meeting.objects.bulk_create(
        Meeting(
            committee=committee,
            date=start + datetime.timedelta(weeks=n),
            is_published=True,
            first_published_at=now,
            place="Rådhuset",
        )
        for n in range(count)
    )


def test_the_archive_pages_100_meetings_at_a_time_with_links_between_pages(client, committee):
    add_published_meetings(committee, 205)

    first = get_json(client, "/referater/data.json")
    second = get_json(client, first["links"]["next"].removeprefix(HOST))
    last = get_json(client, first["links"]["last"].removeprefix(HOST))

    for page in (first, second, last):
        assert_valid(page, "referater")
    assert [len(page["data"]) for page in (first, second, last)] == [100, 100, 5]
    assert first["links"]["next"] == f"{HOST}/referater/data.json?side=2"
    assert "prev" not in first["links"]
    assert second["links"]["prev"] == f"{HOST}/referater/data.json"
    assert last["links"]["self"] == f"{HOST}/referater/data.json?side=3"
    assert "next" not in last["links"]
    assert last["pagination"]["totalElements"] == 205
    # Newest first, and every meeting once.
    dates = [m["hvidovre:date"] for page in (first, second, last) for m in page["data"]]
    assert dates == sorted(dates, reverse=True)
    assert len(set(dates)) == 205
    assert client.get("/referater/data.json?side=4").status_code == 404


def test_a_year_lists_only_its_own_meetings(client, committee, make_meeting):
    make_meeting("2018-05-29")
    make_meeting("2019-03-12")

    year = get_json(client, "/referater/2019/data.json")

    assert [m["hvidovre:date"] for m in year["data"]] == ["2019-03-12"]


def test_the_three_schemas_describe_meetings_alike():
    meeting = schema("moede")
    for name in ("aar", "referater"):
        assert schema(name)["$defs"] == meeting["$defs"], name
    for name in ("moede", "aar", "referater"):
        Draft202012Validator.check_schema(schema(name))


def test_the_schemas_refuse_a_closed_item_with_its_title():
    leaked = {
        "id": f"{HOST}{MEETING_DATA}#punkt-2",
        "type": "https://schema.oparl.org/1.1/AgendaItem",
        "meeting": f"{HOST}{MEETING_DATA}",
        "number": "2",
        "order": 2,
        "name": CLOSED_SECRET_TITLE,
        "public": False,
        "web": f"{HOST}/referater/2018-05-29/punkt-2/",
    }
    item_schema = {**schema("moede"), "$ref": "#/$defs/AgendaItem"}

    assert not Draft202012Validator(item_schema).is_valid(leaked)
    assert Draft202012Validator(item_schema).is_valid({**leaked, "name": "Lukket punkt"})
    assert not Draft202012Validator(item_schema).is_valid(
        {**leaked, "name": "Lukket punkt", "result": "Godkendt"}
    )


# The CSV ---------------------------------------------------------------------------------------


def read_csv(response):
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_decisions_csv_is_semicolon_separated_utf8_with_bom_for_danish_excel(client, meeting):
    response = client.get(CSV_URL)

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="beslutninger.csv"'
    header, *rows = read_csv(response)
    assert header == [
        "Dato",
        "Mødetype",
        "Punkt",
        "Titel",
        "Udfald",
        "For",
        "Imod",
        "Undlod at stemme",
        "Afventer",
        "Beslutning",
        "Link",
    ]
    assert rows == [
        [
            "2018-05-29",
            "Referat",
            "1",
            "Helhedsplan for Avedøre Stationsby",
            "Anbefalet",
            "A, F",
            "Ø",
            "O",
            "C",
            "Indstillingen blev anbefalet.",
            f"{HOST}/referater/2018-05-29/punkt-1/",
        ],
        [
            "2018-05-29",
            "Referat",
            "2",
            "Lukket punkt",
            "",
            "",
            "",
            "",
            "",
            CLOSED_PUBLIC_DECISION,
            f"{HOST}/referater/2018-05-29/punkt-2/",
        ],
    ]


def test_csv_has_one_row_per_item_oldest_meeting_first_agendas_included(client, make_meeting):
    make_meeting(
        "2019-03-12",
        kind=Meeting.Kind.AGENDA,
        items=[{"title": "Budget 2020"}, {"title": "Eventuelt"}],
    )
    make_meeting(
        "2018-05-29",
        items=[
            {"title": "Godkendelse af dagsorden", "decision": "Godkendt.", "outcome": "godkendt"}
        ],
    )

    _, *rows = read_csv(client.get(CSV_URL))

    assert [row[:5] for row in rows] == [
        ["2018-05-29", "Referat", "1", "Godkendelse af dagsorden", "Godkendt"],
        ["2019-03-12", "Dagsorden", "1", "Budget 2020", ""],
        ["2019-03-12", "Dagsorden", "2", "Eventuelt", ""],
    ]


def test_csv_text_that_excel_would_take_for_a_formula_is_kept_as_text(client, make_meeting):
    make_meeting(
        "2018-05-29",
        items=[{"title": '=HYPERLINK("http://example.invalid")', "decision": "- Godkendt."}],
    )

    _, row = read_csv(client.get(CSV_URL))

    assert row[3] == '\'=HYPERLINK("http://example.invalid")'
    assert row[9] == "'- Godkendt."


# Caching and cost ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [*DATA_URLS, CSV_URL, "/data/"])
def test_repeat_requests_get_304_until_a_meeting_changes(client, meeting, url):
    client.get(url)
    first = client.get(url)
    assert "no-cache" in first["Cache-Control"]
    validators = {
        "if-none-match": first["ETag"],
        "if-modified-since": first["Last-Modified"],
    }

    assert client.get(url, headers=validators).status_code == 304

    Meeting.objects.filter(pk=meeting.pk).update(
        updated_at=timezone.now() + datetime.timedelta(minutes=5)
    )
    assert client.get(url, headers=validators).status_code == 200


@pytest.mark.parametrize("url", [*DATA_URLS, CSV_URL])
def test_other_sites_scripts_may_read_the_data(client, meeting, url):
    response = client.get(url)

    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


def fill(meeting, items):
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=n, title=f"Punkt {n}", decision="Godkendt.")
        for n in range(1, items + 1)
    )
    for item in meeting.items.all():
        Participant.objects.create(meeting=meeting, name=f"Deltager {item.number}", party="A")
        Attachment.objects.create(item=item, title="Bilag")
        Vote.objects.create(item=item, party="A", position=Vote.Position.FOR)


def count_queries(client, url):
    """(all queries, the minutes' own) of a warm request, its streamed body read to the end."""
    client.get(url).getvalue()
    client.get(url).getvalue()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        response.getvalue()
    assert response.status_code == 200, url
    own = [q for q in captured.captured_queries if "minutes_" in q["sql"]]
    return len(captured), len(own)


@pytest.mark.parametrize(
    ("url", "own_queries"),
    [
        # validators, count, page + committee, participants, items, attachments, votes
        ("/referater/data.json", 7),
        ("/referater/2018/data.json", 7),
        ("/referater/beslutninger.csv", 3),  # validators, items, votes
        ("/data/", 8),  # validators, the newest meeting and its 5 relations, its CSV rows (2)
    ],
)
def test_data_costs_the_same_with_1_and_200_meetings(
    client, committee, make_meeting, django_assert_num_queries, url, own_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # /data/ as rendered, not as kept in the page cache
    fill(make_meeting("2018-05-29"), 3)
    total, own = count_queries(client, url)
    assert own == own_queries

    add_published_meetings(committee, 199, start=datetime.date(2018, 6, 5))
    for meeting in Meeting.objects.filter(date__gt="2018-05-29")[:20]:
        fill(meeting, 2)

    with django_assert_num_queries(total):
        client.get(url).getvalue()  # a streamed body queries as it is read


def test_meeting_data_costs_the_same_with_1_and_30_items(
    client, make_meeting, django_assert_num_queries
):
    fill(make_meeting("2018-05-29"), 1)
    fill(make_meeting("2018-06-12"), 30)

    total, own = count_queries(client, MEETING_DATA)
    # validators, meeting + committee, participants + members, items, attachments, votes
    assert own == 6

    with django_assert_num_queries(total):
        data = client.get("/referater/2018-06-12/data.json").json()
    assert len(data["agendaItem"]) == 30


# /data/ ----------------------------------------------------------------------------------------


def test_the_data_page_explains_the_formats_and_the_licence(client, meeting):
    response = client.get("/data/")

    assert response.status_code == 200
    page = response.content.decode()
    assert text(elements(response, "title")[0]) == (
        "Åbne data – Almenboligudvalg Hvidovre – Hvidovre Kommune"
    )
    headings = [text(h) for h in elements(response, "h2")]
    for heading in ("JSON efter OParl", "Beslutningerne som CSV", "Vilkår for genbrug"):
        assert heading in headings
    assert "https://creativecommons.org/licenses/by/4.0/" in page
    assert "lov om videreanvendelse af den offentlige sektors informationer" in page
    for path in ("moede", "aar", "referater"):
        assert f'href="/static/data/{path}.schema.json"' in page


def test_the_data_page_shows_the_newest_meeting_with_items_as_its_example(
    client, meeting, make_meeting
):
    make_meeting("2019-03-12", items=[{"title": "Budget 2020", "decision": "Godkendt."}])
    make_meeting("2019-04-09")  # newer, but without items: no example

    response = client.get("/data/")
    page = response.content.decode()

    # As the page shows them, line breaks and all.
    blocks = re.findall(r'<pre class="data-example"><code>(.*?)</code></pre>', page, re.S)
    json_example, csv_example = (html.unescape(block) for block in blocks)
    example = json.loads(json_example)
    assert example["id"] == f"{HOST}/referater/2019-03-12/data.json"
    assert [item["name"] for item in example["agendaItem"]] == ["Budget 2020"]
    header, row = csv.reader(io.StringIO(csv_example), delimiter=";")
    assert header[0] == "Dato"
    assert row[:4] == ["2019-03-12", "Referat", "1", "Budget 2020"]
    assert 'href="/referater/2019-03-12/data.json"' in page


def test_the_data_page_without_meetings_says_an_example_will_come(client, committee):
    response = client.get("/data/")

    assert response.status_code == 200
    assert elements(response, "pre") == []
    assert "Når det første er det, står det her som eksempel." in response.content.decode()


@pytest.mark.parametrize("url", ["/", "/referater/", "/cookies/"])
def test_the_footer_links_to_the_data_page(client, committee, url):
    links = [attribute(a, "href") for a in elements(client.get(url), "a")]

    assert "/data/" in links


def test_archive_and_year_point_to_their_data(client, meeting):
    archive = client.get("/referater/").content.decode()
    year = client.get("/referater/2018/").content.decode()

    assert 'type="application/json"' in archive and 'href="/referater/data.json"' in archive
    assert 'href="/referater/2018/data.json"' in year
    assert "åbne data (JSON og CSV)" in archive
