import datetime
import importlib

import pytest
from django.core.cache import caches
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains

from committee.models import Member
from tests.markup import attribute, element, elements, text

seed = importlib.import_module("committee.migrations.0002_seed_committee_content")

pytestmark = pytest.mark.django_db


def test_committee_page_shows_heading_history_and_link_to_minutes(client):
    response = client.get("/")

    assert response.status_code == 200
    assertContains(
        response, "<h1>Referater fra møder i Almenboligudvalget Hvidovre</h1>", html=True
    )
    assertContains(response, "konstituerende møde den 5. december 2017")
    assertContains(
        response,
        '<a class="button-link" href="/referater/">Læs referater fra møder</a>',
        html=True,
    )
    assertContains(response, '<h2 id="opgaver">Udvalgets opgaver</h2>', html=True)
    assertContains(
        response, '<h2 id="referater">Referater fra Almenboligudvalg Hvidovre</h2>', html=True
    )


def test_committee_page_shows_all_seven_mandate_paragraphs_in_order(client):
    response = client.get("/")

    assert len(seed.TASKS) == 7
    paragraphs = "".join(f"<p>{escape(task)}</p>" for task in seed.TASKS)
    assertContains(
        response,
        '<section aria-labelledby="opgaver"><h2 id="opgaver">Udvalgets opgaver</h2>'
        f"{paragraphs}</section>",
        html=True,
    )


def test_committee_page_is_danish_with_a_skip_link_to_main_content(client):
    response = client.get("/")

    assert attribute(element(response, "html"), "lang") == "da"
    assertContains(response, '<a class="skip-link" href="#indhold">Gå til indhold</a>', html=True)
    assert element(response, "main", id="indhold")


def test_empty_member_list_is_explained_not_left_blank(client):
    response = client.get("/")

    assertContains(response, "Udvalgets medlemmer er ikke oplyst")
    assert not elements(response, "ul", class_="member-list")


def test_current_members_are_listed_chair_first_and_former_members_left_out(client, committee):
    today = timezone.localdate()
    Member.objects.create(committee=committee, name="Bente Berg", party="V")
    Member.objects.create(committee=committee, name="Anders And", party="A", role=Member.Role.CHAIR)
    Member.objects.create(
        committee=committee,
        name="Gammel Gert",
        party="C",
        end_date=today - datetime.timedelta(days=1),
    )

    response = client.get("/")

    assertContains(
        response,
        '<ul class="member-list">'
        '<li>Anders And (A), <span class="member-role">formand</span></li>'
        "<li>Bente Berg (V)</li>"
        "</ul>",
        html=True,
    )
    assert "Gammel Gert" not in response.content.decode()


def test_committee_text_is_escaped(client, committee):
    committee.history = "<script>alert(1)</script>"
    committee.save()

    html = client.get("/").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_committee_page_uses_a_fixed_number_of_queries(
    client, committee, make_meeting, django_assert_num_queries
):
    for n in range(20):
        Member.objects.create(committee=committee, name=f"Medlem {n}", party="A")
    for day in range(1, 16):
        make_meeting(f"2020-01-{day:02d}")
    # A visitor who refused statistics, with the cookie groups cached: only the page's own queries
    # (the validators: meetings and committee; committee, tasks, members, latest minutes, their
    # items). Statistics have their own query tests.
    client.cookies["cookie_consent"] = "statistik=-1"
    client.get("/")
    caches["fragments"].clear()  # the page as rendered, not as kept in the page cache

    with django_assert_num_queries(7):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("url", ["/", "/referater/", "/referater/soeg/", "/cookies/"])
def test_the_committees_name_on_every_page_comes_from_the_database(client, committee, url):
    client.get(url)  # the name is kept in the cache from here on
    committee.name = "Boligudvalget Hvidovre"
    committee.save()

    response = client.get(url)

    assert response.status_code == 200
    assertContains(
        response,
        '<span class="site-name__committee">Boligudvalget Hvidovre</span>',
        html=True,
    )
    title = text(element(response, "title"))
    assert title.endswith("Boligudvalget Hvidovre – Hvidovre Kommune")


def test_the_calendar_and_feed_name_the_committee_from_the_database(client, committee):
    committee.name = "Boligudvalget Hvidovre"
    committee.save()

    assert (
        b"X-WR-CALNAME:M\xc3\xb8der i Boligudvalget Hvidovre"
        in client.get("/referater/kalender.ics").content
    )
    assert (
        b"<title>Referater fra Boligudvalget Hvidovre</title>"
        in client.get("/referater/rss/").content
    )


def test_the_next_meeting_and_the_latest_minutes_come_first_after_the_heading(
    client, make_meeting, pdf_file
):
    coming = timezone.localdate() + datetime.timedelta(days=14)
    agenda = make_meeting(coming, kind="dagsorden")
    latest = make_meeting("2018-06-26", minutes_pdf=pdf_file("Referat"))
    make_meeting("2018-05-29")

    response = client.get("/")

    main = element(response, "main")
    sections = [attribute(s, "aria-labelledby") for s in elements(main, "section")]
    assert sections[:3] == ["moeder", "naeste-moede", "historik"]
    glance = element(main, "section", aria_labelledby="moeder")
    links = [attribute(a, "href") for a in elements(glance, "a")]
    assert links == [
        agenda.get_absolute_url(),
        latest.get_absolute_url(),
        latest.get_pdf_url(),
        "/referater/",
    ]
