"""Security headers: a strict Content-Security-Policy on public pages, the admin's own, a sandbox
for stored PDFs, Permissions-Policy and Cross-Origin-Resource-Policy; HSTS preload only on request;
only GET, HEAD and POST; requests for other host names logged in one line."""

import json
import re

import pytest
from django.test import Client

from tests.site.test_settings import run_manage

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/referater/", "/referater/2018-05-29/", "/cookies/", "/findes-ikke/"]


def policy(response, header="Content-Security-Policy"):
    """{directive: [values]} of a policy header."""
    directives = [part.split() for part in response[header].split(";") if part.strip()]
    return {name: values for name, *values in directives}


@pytest.fixture
def meeting(make_meeting, pdf_file):
    meeting = make_meeting("2018-05-29", items=[{"title": "Budget 2019"}])
    meeting.minutes_pdf = pdf_file("Referat")
    meeting.save()
    return meeting


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_a_strict_policy_without_inline_script_or_style(client, meeting, path):
    assert policy(client.get(path)) == {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


def test_the_meeting_page_keeps_its_json_ld_block_as_valid_json(client, meeting):
    page = client.get("/referater/2018-05-29/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)

    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "Event"
    assert data["startDate"].startswith("2018-05-29")


def test_public_templates_have_no_inline_script_or_style(client, meeting):
    for path in PUBLIC_PAGES:
        html = client.get(path).content.decode()
        scripts = re.findall(r"<script(?![^>]*\b(?:src|type=\"application/ld\+json\"))", html)
        assert (path, scripts, "<style" in html, " style=" in html) == (path, [], False, False)


def test_the_admin_has_its_own_policy_still_without_inline_script_or_style(client, clerk):
    client.force_login(clerk)

    admin = policy(client.get("/admin/minutes/meeting/add/"))

    assert admin["img-src"] == ["'self'", "data:"]
    assert admin["script-src"] == admin["style-src"] == ["'self'"]
    assert admin["frame-ancestors"] == ["'none'"]


def test_the_admin_login_page_is_under_the_admin_policy(client):
    assert policy(client.get("/admin/login/"))["img-src"] == ["'self'", "data:"]


SANDBOX = {
    "sandbox": [],
    "default-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
}


def test_a_public_pdf_is_sandboxed_so_nothing_in_it_runs_as_the_site(client, meeting):
    response = client.get("/referater/2018-05-29/referat.pdf")

    assert response.status_code == 200
    assert policy(response) == SANDBOX


def test_a_pdf_in_the_admin_is_sandboxed_too(client, clerk, meeting):
    client.force_login(clerk)

    response = client.get(f"/admin/minutes/meeting/{meeting.pk}/referat.pdf")

    assert response.status_code == 200
    assert policy(response) == SANDBOX


@pytest.mark.parametrize(
    "path", ["/", "/referater/2018-05-29/", "/referater/2018-05-29/referat.pdf"]
)
def test_pages_and_files_deny_powerful_features_and_loading_by_other_sites(client, meeting, path):
    response = client.get(path)

    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("method", ["OPTIONS", "TRACE", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/", "/referater/", "/tilgaengelighed/", "/cookies/"])
def test_only_get_head_and_post_are_answered(method, path):
    response = Client().generic(method, path)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"


BAD_HOST = (
    "from django.core.management import call_command; from django.test import Client; "
    "call_command('migrate', verbosity=0); "
    "print(Client().get('/', HTTP_HOST='evil.example').status_code)"
)


def test_a_request_for_another_host_is_one_line_in_the_log():
    # The 400 page is rendered: a database of its own, and plain static names (no collectstatic).
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        BAD_HOST,
        **production(
            DJANGO_PLAIN_STATIC="1", DATABASE_URL="sqlite://:memory:", PYTHONWARNINGS="ignore"
        ),
    )

    logged = result.stderr.strip().splitlines()
    assert result.stdout.strip().endswith("400")
    assert len(logged) == 1 and "Invalid HTTP_HOST header: 'evil.example'" in logged[0]


def production(**env):
    return {
        "DJANGO_SECRET_KEY": "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "almenbolig.hvidovre.dk",
        **env,
    }


SHOW_HSTS = "from django.conf import settings; print(settings.SECURE_HSTS_PRELOAD)"


def test_hsts_preload_is_off_unless_a_setting_asks_for_it():
    off = run_manage("shell", "-c", SHOW_HSTS, **production())
    on = run_manage("shell", "-c", SHOW_HSTS, **production(DJANGO_HSTS_PRELOAD="1"))

    assert (off.stdout.split()[-1], on.stdout.split()[-1]) == ("False", "True")
