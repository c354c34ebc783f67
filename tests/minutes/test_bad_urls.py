import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/referater/2018-02-30/",  # impossible date
        "/referater/2018-13-01/",
        "/referater/0000-01-01/",
        "/referater/2018-5-29/",  # malformed
        "/referater/29-05-2018/",
        "/referater/abc/",
        "/referater/20x8/",
        "/referater/018/",
        "/referater/20180/",
        "/referater/2018-05-30/",  # no meeting that day
        "/referater/9999-12-31/",
        "/referater/2017/",  # a year without meetings
        "/referater/0000/",
        "/referater/2018-02-30/referat.pdf",
        "/referater/2018-05-30/referat.pdf",
        "/referater/2018-05-29/bilag/999.pdf",
        "/referater/2018-05-29/bilag/abc.pdf",
        "/referater/2018-05-29/bilag/99999999999999999999999.pdf",
        "/referater/soeg/?q=ord&side=abc",
    ],
)
def test_bad_minutes_urls_are_404_never_500(client, make_meeting, url):
    make_meeting("2018-05-29")

    response = client.get(url)

    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()


def test_a_date_with_a_missing_slash_is_redirected_to_the_meeting(client, make_meeting):
    make_meeting("2018-05-29")

    response = client.get("/referater/2018-05-29")

    assert response.status_code in (301, 302)
    assert response["Location"] == "/referater/2018-05-29/"


def test_fixed_names_win_over_the_date_and_year_patterns():
    assert reverse("minutes:search") == "/referater/soeg/"
    assert reverse("minutes:feed") == "/referater/rss/"
    assert reverse("minutes:calendar") == "/referater/kalender.ics"
    assert reverse("minutes:year", kwargs={"year": 2018}) == "/referater/2018/"
    assert reverse("minutes:meeting", kwargs={"date": "2018-05-29"}) == "/referater/2018-05-29/"


def test_minutes_pages_refuse_posts(client, make_meeting):
    make_meeting("2018-05-29")

    for url in ("/referater/", "/referater/2018/", "/referater/2018-05-29/", "/referater/soeg/"):
        response = client.post(url)
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD", url
