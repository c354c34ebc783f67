import pytest
from cookie_consent.models import Cookie

from .pages import visible_text

pytestmark = pytest.mark.django_db


def test_the_admin_index_offers_the_consent_log(visitor, admin_user):
    index = visitor.get("/admin/", user=admin_user)

    assert index.html.find("a", href="/admin/cookie_consent/logitem/") is not None


def test_the_cookie_list_shows_each_cookies_lifetime(visitor, admin_user):
    page = visitor.get("/admin/cookie_consent/cookie/", user=admin_user)

    lifetimes = {
        visible_text(row.select_one(".field-name")): visible_text(
            row.select_one(".field-lifetime_text")
        )
        for row in page.html.select("#result_list tbody tr")
    }
    assert lifetimes == {
        cookie.name: cookie.lifetime.text for cookie in Cookie.objects.select_related("lifetime")
    }


def test_a_cookies_lifetime_is_edited_with_the_cookie(visitor, admin_user):
    besoeg = Cookie.objects.get(name="besoeg")
    form = visitor.get(f"/admin/cookie_consent/cookie/{besoeg.pk}/change/", user=admin_user).forms[
        "cookie_form"
    ]
    assert form["lifetime-0-text"].value == "1 år"

    form["lifetime-0-text"] = "6 måneder"
    form.submit("_save", user=admin_user)

    besoeg.lifetime.refresh_from_db()
    assert besoeg.lifetime.text == "6 måneder"
