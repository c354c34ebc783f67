import datetime

import pytest

pytestmark = pytest.mark.django_db


def test_committee_page_lists_the_ten_latest_published_minutes(client, make_meeting):
    start = datetime.date(2018, 1, 2)
    for week in range(12):
        make_meeting(start + datetime.timedelta(weeks=week))
    make_meeting("2019-06-04", published=False)

    html = client.get("/").content.decode()

    section = html[html.index('id="referater"') :]
    assert section.count('class="meeting-row"') == 10
    assert "Tirsdag den 20. marts 2018" in section  # the newest, week 11
    assert "2. januar 2018" not in section  # the two oldest are only in the archive
    assert "4. juni 2019" not in section
    assert '<a href="/referater/">Se alle referater</a>' in section
    assert "Der er endnu ikke offentliggjort referater her." not in section


def test_committee_page_keeps_its_empty_state_without_published_minutes(client, make_meeting):
    make_meeting("2019-06-04", published=False)

    html = client.get("/").content.decode()

    assert "Der er endnu ikke offentliggjort referater her." in html
    assert 'class="meeting-row"' not in html
