"""
What one client cannot make the site do, through the real nginx of deploy/nginx: mail strangers
in bulk with the subscribe form, or send the admin a large body without a session. And nginx's
own answers (413, 429, 502, 503, 504) are the site's Danish pages with the site's security
headers.
"""

import re

import pytest

from .conftest import CLERK, CLERK_PASSWORD, form_fields

ATTEMPTS = 200
# The headers Django sets on every page, which nginx's own pages must carry too.
SECURITY_HEADERS = (
    "Strict-Transport-Security",
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Cross-Origin-Resource-Policy",
    "Permissions-Policy",
)


def security_headers(response):
    headers = {name: response.headers.get(name) for name in SECURITY_HEADERS}
    # django-csp writes the directives in no fixed order.
    policy = headers["Content-Security-Policy"]
    headers["Content-Security-Policy"] = policy and frozenset(policy.split("; "))
    return headers


@pytest.fixture(scope="module")
def site_headers(stack):
    response, _ = stack.browser().get("/")
    assert response.status == 200
    headers = security_headers(response)
    assert all(headers.values()), headers
    return headers


def assert_site_page(response, body, site_headers, heading):
    page = body.decode()
    assert '<html lang="da">' in page
    assert f"<h1>{heading}</h1>" in page
    assert 'class="site-header"' in page, "the site's own layout"
    assert security_headers(response) == site_headers
    assert "no-store" in response.headers["Cache-Control"]


def test_one_client_makes_the_site_mail_only_a_few_strangers(stack, site_headers):
    visitor = stack.browser()
    _, page = visitor.get("/abonnement/")
    fields = form_fields(page.decode(), "tilmelding")
    stack.mailbox.clear()

    answers = []
    for n in range(ATTEMPTS):
        fields.update(email=f"fremmed{n}@eksempel.dk", new_minutes="on")
        response, body = visitor.post("/abonnement/", fields)
        answers.append((response.status, response, body))
    sent = stack.manage("send_alerts").stdout

    statuses = [status for status, _, _ in answers]
    assert statuses[:5] == [302] * 5
    assert set(statuses[5:]) == {429}
    assert "Bekræftelser sendt: 5." in sent
    assert len(stack.mailbox.messages) == 5
    # Refused by nginx, with the site's page and headers.
    _, response, body = answers[-1]
    assert_site_page(response, body, site_headers, "For mange forespørgsler på kort tid")
    assert response.headers["Retry-After"] == "60"


def test_the_admin_still_takes_a_clerks_form_and_a_small_anonymous_one(stack):
    clerk = stack.browser()
    clerk.log_in(CLERK, CLERK_PASSWORD)
    response, page = clerk.get("/admin/minutes/meeting/add/")
    assert response.status == 200
    fields = form_fields(page.decode(), "meeting_form")
    fields.update(date="2026-12-01", place="Rådhuset", _save="Gem")
    saved, _ = clerk.post("/admin/minutes/meeting/add/", fields)

    # Without a session: the login form's redirect, as before.
    anonymous, _ = stack.browser().post("/admin/minutes/meeting/add/", {"x": "y"})

    assert saved.status == 302
    assert anonymous.status in (302, 403)


def test_a_too_large_body_gets_the_sites_danish_page_with_its_headers(stack, site_headers):
    response, body = stack.browser().request(
        "POST",
        "/cookies/afvis/",
        body=b"x" * (200 * 1000),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status == 413
    assert_site_page(response, body, site_headers, "Det, du sendte, er for stort")
    assert "højst fylde 25 MB" in body.decode()


def test_gunicorn_not_answering_gets_the_sites_danish_page_with_its_headers(stack, site_headers):
    with stack.gunicorn_stopped():
        response, body = stack.browser().get("/referater/")

    assert response.status == 502
    assert_site_page(response, body, site_headers, "Siden er midlertidigt utilgængelig")
    assert response.headers["Retry-After"] == "30"
    assert re.search(
        r'<link rel="stylesheet" href="/static/css/site\.[0-9a-f]{12}\.css">', body.decode()
    )
