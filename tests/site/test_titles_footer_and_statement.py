"""
What every page says about itself and the municipality: its title ("<page> – <committee> –
<municipality>"), the footer's contact details, and the accessibility statement at /was.
"""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_django.asserts import assertContains, assertRedirects

from minutes.models import Meeting
from tests.e2e.pages import PAGE_TYPES
from tests.markup import attribute, element, elements, text

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
WAS_URL = "https://www.was.digst.dk/almenbolig-hvidovre-dk"


def title(response):
    return text(element(response, "title"))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Almenboligudvalg Hvidovre – Hvidovre Kommune"),
        ("/referater/", "Referater fra møder – Almenboligudvalg Hvidovre – Hvidovre Kommune"),
        ("/referater/2018/", "Referater fra 2018 – Almenboligudvalg Hvidovre – Hvidovre Kommune"),
        (
            "/referater/2018-05-29/",
            "Referat 29. maj 2018 – Almenboligudvalg Hvidovre – Hvidovre Kommune",
        ),
        ("/referater/soeg/", "Søg i referaterne – Almenboligudvalg Hvidovre – Hvidovre Kommune"),
        (
            "/referater/soeg/?q=helhedsplan",
            "Søgning: helhedsplan – Almenboligudvalg Hvidovre – Hvidovre Kommune",
        ),
        ("/cookies/", "Cookies og statistik – Almenboligudvalg Hvidovre – Hvidovre Kommune"),
        (
            "/tilgaengelighed/",
            "Tilgængelighedserklæring – Almenboligudvalg Hvidovre – Hvidovre Kommune",
        ),
        ("/data/", "Åbne data – Almenboligudvalg Hvidovre – Hvidovre Kommune"),
        ("/findes-ikke/", "Siden findes ikke – Almenboligudvalg Hvidovre – Hvidovre Kommune"),
    ],
)
def test_every_page_title_names_the_page_then_the_committee_then_the_municipality(
    client, make_meeting, path, expected
):
    make_meeting("2018-05-29", items=[{"title": "Helhedsplan"}])

    assert title(client.get(path)) == expected


def test_the_committees_name_in_titles_comes_from_the_database(client, committee):
    committee.name = "Boligudvalget"
    committee.save()

    assert (
        title(client.get("/cookies/")) == "Cookies og statistik – Boligudvalget – Hvidovre Kommune"
    )
    assert title(client.get("/")) == "Boligudvalget – Hvidovre Kommune"


def test_a_search_with_an_error_says_so_first_in_the_title_and_the_message(client, committee):
    response = client.get("/referater/soeg/", {"q": '"-"'})

    assert title(response).startswith("Fejl: Søg i referaterne – ")
    message = element(response, "div", id="soeg-fejl")
    assert text(message).startswith("Fejl: Skriv mindst ét ord")


def test_later_pages_of_the_archive_and_the_search_say_their_number_in_the_title(client, committee):
    for number in range(55):
        meeting = Meeting(
            committee=committee,
            date=datetime.date(2010, 1, 5) + datetime.timedelta(weeks=number),
            remarks="Kaffe.",
        )
        meeting.publish()
        meeting.save()

    assert title(client.get("/referater/")).startswith("Referater fra møder – ")
    assert title(client.get("/referater/?side=2")).startswith("Referater fra møder (side 2) – ")
    assert title(client.get("/referater/2010/?side=2")).startswith("Referater fra 2010 (side 2) – ")
    assert title(client.get("/referater/soeg/?q=kaffe&side=2")).startswith(
        "Søgning: kaffe (side 2) – "
    )


def footer(response):
    return element(response, "footer", class_="site-footer")


def test_footer_gives_the_municipalitys_contact_details_and_a_link_to_its_website(client):
    found = footer(client.get("/"))

    address = text(element(found, "address"))
    assert address == (
        "Hvidovre Kommune Hvidovrevej 57, 2650 Hvidovre Telefon 36 39 36 39 "
        "E-mail hvidovre@hvidovre.dk"
    )
    assert [(attribute(a, "href"), text(a)) for a in elements(found, "a")] == [
        ("tel:+4536393639", "36 39 36 39"),
        ("mailto:hvidovre@hvidovre.dk", "hvidovre@hvidovre.dk"),
        ("https://www.hvidovre.dk/", "hvidovre.dk"),
        ("/abonnement/", "Få besked på mail"),
        ("/cookies/", "Cookies og statistik"),
        ("/data/", "Åbne data"),
        ("/tilgaengelighed/", "Tilgængelighedserklæring"),
    ]


def test_contact_details_come_from_settings(client, settings):
    settings.MUNICIPALITY = {
        "name": "Hvidovre Kommune",
        "address": "Rådhuset, Hvidovrevej 57, 2650 Hvidovre",
        "phone": "+45 36 39 30 00",
        "email": "almenbolig@hvidovre.dk",
        "website": "https://hvidovre.dk/",
    }

    found = footer(client.get("/tilgaengelighed/"))

    assert "Rådhuset, Hvidovrevej 57" in text(found)
    links = {text(a): attribute(a, "href") for a in elements(found, "a")}
    assert links["+45 36 39 30 00"] == "tel:+4536393000"
    assert links["almenbolig@hvidovre.dk"] == "mailto:almenbolig@hvidovre.dk"
    assert links["hvidovre.dk"] == "https://hvidovre.dk/"


def settings_in_a_fresh_process(code, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MUNICIPALITY_"))}
    clean.pop("WAS_STATEMENT_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--verbosity=0", "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


READ_SETTINGS = (
    "from django.conf import settings; "
    "print(repr(settings.MUNICIPALITY)); print(repr(settings.WAS_STATEMENT_URL))"
)


def test_the_defaults_are_hvidovre_kommunes_public_contact_details_and_no_was_url():
    result = settings_in_a_fresh_process(READ_SETTINGS)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        repr(
            {
                "name": "Hvidovre Kommune",
                "address": "Hvidovrevej 57, 2650 Hvidovre",
                "phone": "36 39 36 39",
                "email": "hvidovre@hvidovre.dk",
                "website": "https://www.hvidovre.dk/",
            }
        ),
        "''",
    ]


def test_environment_variables_set_the_contact_details_and_the_was_url():
    result = settings_in_a_fresh_process(
        READ_SETTINGS, MUNICIPALITY_PHONE="36 39 30 00", WAS_STATEMENT_URL=WAS_URL
    )

    assert result.returncode == 0, result.stderr
    municipality, was_url = result.stdout.splitlines()
    assert "'phone': '36 39 30 00'" in municipality
    assert was_url == repr(WAS_URL)


def test_a_was_url_that_is_not_https_refuses_to_start():
    result = settings_in_a_fresh_process(READ_SETTINGS, WAS_STATEMENT_URL="javascript:alert(1)")

    assert result.returncode != 0
    assert "WAS_STATEMENT_URL must be an https:// address" in result.stderr


def test_without_a_was_url_was_serves_our_statement_with_its_address_as_canonical(client):
    response = client.get("/was")

    assert response.status_code == 200
    assertContains(response, '<h2 id="status">Overholdelsesstatus</h2>', html=True)
    canonical = element(response, "link", rel="canonical")
    assert attribute(canonical, "href") == "http://testserver/tilgaengelighed/"
    assert attribute(element(footer(response), "a", href="/tilgaengelighed/"), "href")


def test_with_a_was_url_was_redirects_there_and_the_footer_links_there(client, settings):
    settings.WAS_STATEMENT_URL = WAS_URL

    assertRedirects(client.get("/was"), WAS_URL, fetch_redirect_response=False)
    page = client.get("/tilgaengelighed/")
    assert page.status_code == 200
    statement_links = [
        a for a in elements(footer(page), "a") if text(a) == "Tilgængelighedserklæring"
    ]
    assert [attribute(a, "href") for a in statement_links] == [WAS_URL]
    assertContains(
        page,
        f'<a href="{WAS_URL}">Tilgængelighedserklæring for Almenboligudvalg Hvidovre</a>',
        html=True,
    )


def test_the_statement_states_the_compliance_status_as_measured(client):
    response = client.get("/tilgaengelighed/")
    page = text(element(response, "main"))

    assert "Hjemmesiden overholder delvist standarden WCAG 2.1 på niveau AA." in page
    assert "Vores mål" not in page
    assert "360 × 800 pixel (mobil) og 1280 × 900 pixel (computer)" in page
    assert "tabulatortasten" in page
    assert "Vi svarer inden for 10 arbejdsdage." in page
    assert attribute(element(response, "time"), "datetime") == "2026-11-25"


def test_the_statement_names_every_page_type_the_browser_tests_check(client):
    page = text(element(client.get("/tilgaengelighed/"), "main"))

    missing = [str(t) for t in PAGE_TYPES if t.statement_name not in page]
    assert not missing, f"the statement does not name the tested page types {missing}"
