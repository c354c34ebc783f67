from unittest import mock

import pytest
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_unknown_url_gets_the_danish_404_page_in_the_site_layout(client):
    response = client.get("/findes-ikke/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Siden findes ikke" in html
    assert '<html lang="da">' in html
    assert "Gå til indhold" in html


def test_healthz_answers_ok_when_the_database_responds(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(client):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")

    assert response.status_code == 503


def test_accessibility_statement_names_the_standard_gaps_and_contact(client):
    response = client.get("/tilgaengelighed/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "WCAG 2.1 på niveau AA" in html
    assert "Kendte mangler" in html
    assert "mailto:" in html
    assert "was.digst.dk" in html


def test_footer_links_to_cookie_policy_and_accessibility_statement(client):
    html = client.get("/").content.decode()

    assert 'href="/cookies/"' in html
    assert 'href="/tilgaengelighed/"' in html


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
    assert '<html lang="da">' in html
