import pytest

pytestmark = pytest.mark.django_db


def test_the_admin_shows_the_consent_log_and_cookie_lifetimes(admin_client):
    index = admin_client.get("/admin/").content.decode()
    assert "/admin/cookie_consent/logitem/" in index

    cookies = admin_client.get("/admin/cookie_consent/cookie/")
    assert cookies.status_code == 200
    assert "1 år" in cookies.content.decode()
    besoeg = admin_client.get("/admin/cookie_consent/cookie/?q=besoeg").context["cl"].result_list[0]
    change = admin_client.get(f"/admin/cookie_consent/cookie/{besoeg.pk}/change/")
    assert change.status_code == 200
    assert "levetid" in change.content.decode().lower()
