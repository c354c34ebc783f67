import datetime

import pytest
from pytest_django.asserts import assertInHTML

from tests.markup import element, elements, text

pytestmark = pytest.mark.django_db


def latest_minutes(response):
    """The committee page's section with the latest minutes."""
    return element(response, "section", aria_labelledby="referater")


def test_committee_page_lists_the_ten_latest_published_minutes(client, make_meeting):
    start = datetime.date(2018, 1, 2)
    for week in range(12):
        make_meeting(start + datetime.timedelta(weeks=week))
    make_meeting("2019-06-04", published=False)

    section = latest_minutes(client.get("/"))

    dates = [text(a) for a in elements(section, "a", class_="meeting-row__date")]
    assert len(dates) == 10
    assert dates[0] == "Tirsdag den 20. marts 2018"  # the newest, week 11
    assert dates[-1] == "Tirsdag den 16. januar 2018"  # the two oldest are only in the archive
    assert "Tirsdag den 4. juni 2019" not in dates
    assertInHTML('<a href="/referater/">Se alle referater</a>', str(section))
    assert "Der er endnu ikke offentliggjort referater her." not in text(section)


def test_committee_page_keeps_its_empty_state_without_published_minutes(client, make_meeting):
    make_meeting("2019-06-04", published=False)

    section = latest_minutes(client.get("/"))

    assertInHTML("<p>Der er endnu ikke offentliggjort referater her.</p>", str(section))
    assert not elements(section, "li", class_="meeting-row")
