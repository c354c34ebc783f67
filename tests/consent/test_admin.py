import pytest
from cookie_consent.models import Cookie

from .pages import visible_text

pytestmark = pytest.mark.django_db


def test_the_admin_index_offers_the_consent_log(admin_visitor):
    index = admin_visitor.get("/admin/")

    assert index.html.find("a", href="/admin/cookie_consent/logitem/") is not None


def test_the_cookie_list_shows_each_cookies_lifetime(admin_visitor):
    page = admin_visitor.get("/admin/cookie_consent/cookie/")

    lifetimes = {
        visible_text(row.select_one(".field-name")): visible_text(
            row.select_one(".field-lifetime_text")
        )
        for row in page.html.select("#result_list tbody tr")
    }
    assert lifetimes == {
        cookie.name: cookie.lifetime.text for cookie in Cookie.objects.select_related("lifetime")
    }


def test_a_cookies_lifetime_is_edited_with_the_cookie(admin_visitor):
    besoeg = Cookie.objects.get(name="besoeg")
    form = admin_visitor.get(f"/admin/cookie_consent/cookie/{besoeg.pk}/change/").forms[
        "cookie_form"
    ]
    assert form["lifetime-0-text"].value == "1 år"

    form["lifetime-0-text"] = "6 måneder"
    form.submit("_save")

    besoeg.lifetime.refresh_from_db()
    assert besoeg.lifetime.text == "6 måneder"
