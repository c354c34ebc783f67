"""An item's attachments and votes are edited on the item's own page: "Gem og ret bilag og
afstemning" saves the meeting's form first, so nothing the clerk changed there is lost."""

import pytest

from minutes.models import Meeting
from tests.markup import attribute, element, elements, text

from .test_clerk_admin import change_url, errors_in, item_url, messages_on

pytestmark = pytest.mark.django_db

EDIT_ITEM = "_edit_item"


@pytest.fixture
def meeting(make_meeting):
    return make_meeting(
        "2018-05-29",
        published=False,
        items=[{"title": "Godkendelse af dagsorden"}, {"title": "Helhedsplan for Friheden"}],
    )


def test_the_button_saves_the_meeting_with_its_items_and_opens_the_items_page(
    django_app, clerk, meeting
):
    second = meeting.items.get(number=2)
    form = django_app.get(change_url(meeting), user=clerk).forms["meeting_form"]
    form["place"] = "Rådhuset, mødelokale 2"
    form["items-1-title"] = "Helhedsplan for Friheden – skema A"
    form["items-1-decision"] = "Anbefalet."

    response = form.submit(EDIT_ITEM, value=str(second.pk))

    assert response.status_code == 302
    assert response["Location"] == item_url(second)
    meeting.refresh_from_db()
    second.refresh_from_db()
    assert meeting.place == "Rådhuset, mødelokale 2"
    assert (second.title, second.decision) == ("Helhedsplan for Friheden – skema A", "Anbefalet.")
    item_page = response.follow()
    assert messages_on(item_page) == [
        "Mødet er gemt. Ret bilag og afstemning for punkt 2; når du gemmer punktet, kommer du "
        "tilbage til mødet."
    ]
    # Saving the item returns to the meeting, where the change is still there.
    back = item_page.forms["agendaitem_form"].submit("_save")
    assert back["Location"] == change_url(meeting)
    assert back.follow().forms["meeting_form"]["items-1-title"].value == (
        "Helhedsplan for Friheden – skema A"
    )


def test_every_saved_item_has_the_button_and_the_link_beside_it(django_app, clerk, meeting):
    page = django_app.get(change_url(meeting), user=clerk)

    for index, item in enumerate(meeting.items.order_by("number")):
        row = element(page, "div", id=f"items-{index}")
        button = element(row, "button", name=EDIT_ITEM)
        assert (attribute(button, "value"), text(button)) == (
            str(item.pk),
            "Gem og ret bilag og afstemning",
        )
        link = element(row, "a", href=item_url(item))
        assert text(link) == "Rediger bilag (0) og afstemning"
    # A new item has no page of its own yet.
    assert not elements(element(page, "div", id="items-2"), "button", name=EDIT_ITEM)


def test_a_form_with_an_error_is_not_left_and_the_changes_stay_in_it(django_app, clerk, meeting):
    second = meeting.items.get(number=2)
    form = django_app.get(change_url(meeting), user=clerk).forms["meeting_form"]
    form["place"] = "Rådhuset, mødelokale 2"
    form["items-1-title"] = ""

    page = form.submit(EDIT_ITEM, value=str(second.pk))

    assert page.status_code == 200
    assert "Dette felt er påkrævet." in errors_in(page)
    assert page.forms["meeting_form"]["place"].value == "Rådhuset, mødelokale 2"
    assert Meeting.objects.get().place == "Rådhuset, mødelokale 1"


def test_an_item_deleted_in_the_same_save_leaves_the_clerk_on_the_meeting(
    django_app, clerk, meeting
):
    second = meeting.items.get(number=2)
    form = django_app.get(change_url(meeting), user=clerk).forms["meeting_form"]
    form["items-1-DELETE"] = True

    response = form.submit(EDIT_ITEM, value=str(second.pk))

    assert response["Location"] == change_url(meeting)
    assert messages_on(response.follow()) == ["Mødet er gemt. Punktet findes ikke længere."]
    assert list(meeting.items.values_list("number", flat=True)) == [1]


def test_the_button_on_a_published_meeting_keeps_the_correction_reason(
    django_app, clerk, make_meeting
):
    published = make_meeting("2018-06-12", items=[{"title": "Budget 2019"}])
    item = published.items.get()
    form = django_app.get(change_url(published), user=clerk).forms["meeting_form"]
    form["items-0-title"] = "Budget 2019 for afdelingerne"
    form["correction_reason"] = "Titlen var forkortet"

    response = form.submit(EDIT_ITEM, value=str(item.pk))

    assert response["Location"] == item_url(item)
    record = item.history.latest()
    assert (record.title, record.history_change_reason) == (
        "Budget 2019 for afdelingerne",
        "Titlen var forkortet",
    )
