import pytest
from pytest_django.asserts import assertContains

from tests.markup import attribute, element

pytestmark = pytest.mark.django_db


def test_unknown_url_gets_the_danish_404_page_in_the_site_layout(client):
    response = client.get("/findes-ikke/")

    assertContains(response, "Siden findes ikke", status_code=404)
    assert attribute(element(response, "html"), "lang") == "da"
    assertContains(
        response,
        '<a class="skip-link" href="#indhold">Gå til indhold</a>',
        html=True,
        status_code=404,
    )


def test_healthz_answers_ok_when_the_database_responds(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content.startswith(b"database: ok\n")
    assert "no-cache" in response["Cache-Control"]


def test_accessibility_statement_names_the_standard_gaps_and_contact(client):
    response = client.get("/tilgaengelighed/")

    assert response.status_code == 200
    assertContains(response, "WCAG 2.1 på niveau AA")
    assertContains(response, '<h2 id="mangler">Kendte mangler</h2>', html=True)
    assertContains(
        response, '<a href="mailto:hvidovre@hvidovre.dk">hvidovre@hvidovre.dk</a>', html=True
    )
    assertContains(response, '<a href="https://www.was.digst.dk/">was.digst.dk</a>', html=True)


def test_robots_txt_keeps_crawlers_out_of_admin_and_points_to_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_sitemap_lists_the_fixed_pages(client):
    response = client.get("/sitemap.xml")

    xml = response.content.decode()
    assert response.status_code == 200
    for path in ("/", "/cookies/", "/tilgaengelighed/"):
        assert f"<loc>http://testserver{path}</loc>" in xml


def test_server_error_page_is_danish_and_needs_no_request_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert "Der opstod en fejl" in html
    assert attribute(element(html, "html"), "lang") == "da"
