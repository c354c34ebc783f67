"""Keyboard-only use: the skip link, visible focus on every stop, links followed with Enter,
the cookie banner answered, and a citizen's way from the front page to an agenda item."""

import re

import pytest
from playwright.sync_api import expect

from visits.models import PageView

from . import content
from .pages import PAGE_TYPES
from .support import (
    STATISTICS_COOKIE,
    cookie_banner,
    cookie_names,
    focused,
    open_pdf_link,
    tab_through,
    tab_to,
)

READING_ORDER = ["banner", "header", "nav", "main", "footer"]
BANNER_STOPS = ["Se vores cookiepolitik.", "Accepter cookies", "Nej tak til cookies"]


def test_first_tab_shows_the_skip_link_and_enter_moves_focus_to_the_content(page_at_width):
    page = page_at_width
    page.goto("/")
    skip_link = page.get_by_role("link", name="Gå til indhold")
    expect(skip_link).not_to_be_in_viewport()

    page.keyboard.press("Tab")

    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport(ratio=1)
    focus = focused(page)
    assert focus.has_indicator, f"no focus outline on {focus}"

    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/#indhold$"))
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Læs referater fra møder")).to_be_focused()


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_tab_reaches_every_link_in_reading_order_with_focus_always_visible(
    page_at_width, visit, page_type
):
    visit(page_at_width, page_type)

    stops = tab_through(page_at_width)

    assert stops[0].name == "Gå til indhold"
    assert [stop.name for stop in stops if stop.landmark == "banner"] == BANNER_STOPS
    unseen = [repr(stop) for stop in stops if not (stop.has_indicator and stop.on_screen)]
    assert not unseen, f"focus is not visible on {page_type.path} at {unseen}"
    in_nav = [stop.name for stop in stops if stop.landmark == "nav"]
    assert in_nav == ["Udvalget", "Referater", "Søg"]
    in_footer = [stop.name for stop in stops if stop.landmark == "footer"]
    assert in_footer == [
        "36 39 36 39",
        "hvidovre@hvidovre.dk",
        "hvidovre.dk",
        "Få besked på mail",
        "Cookies og statistik",
        "Åbne data",
        "Tilgængelighedserklæring",
    ]
    landmarks = [stop.landmark for stop in stops if stop.landmark in READING_ORDER]
    assert landmarks == sorted(landmarks, key=READING_ORDER.index), f"Tab order: {stops}"


def test_keyboard_user_follows_the_footer_links_with_tab_and_enter(desktop_page):
    page = desktop_page
    footer = page.get_by_role("contentinfo")
    page.goto("/")

    tab_to(page, footer.get_by_role("link", name="Tilgængelighedserklæring"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/tilgaengelighed/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilgængelighedserklæring")

    tab_to(page, footer.get_by_role("link", name="Cookies og statistik"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/cookies/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


@pytest.mark.parametrize(
    ("button", "key", "statistics_cookie", "views"),
    [
        # The page that told the visitor counted nothing, and nothing counts after refusing.
        ("Nej tak til cookies", "Enter", False, 0),
        # Not counted before the answer; counted on the same page after accepting.
        ("Accepter cookies", "Space", True, 1),
    ],
    ids=["decline-with-enter", "accept-with-space"],
)
def test_keyboard_user_answers_the_cookie_banner(phone_page, button, key, statistics_cookie, views):
    page = phone_page
    page.goto("/tilgaengelighed/")

    tab_to(page, cookie_banner(page).get_by_role("button", name=button))
    with page.expect_navigation():
        page.keyboard.press(key)

    expect(page).to_have_url(re.compile(r"/tilgaengelighed/$"))
    expect(cookie_banner(page)).to_have_count(0)
    assert (STATISTICS_COOKIE in cookie_names(page)) is statistics_cookie
    counted = PageView.objects.filter(path="/tilgaengelighed/").values_list("views", flat=True)
    assert sum(counted) == views


def test_keyboard_user_goes_from_the_front_page_to_an_agenda_item_and_its_attachment(
    desktop_page, minutes_archive
):
    page = desktop_page
    page.goto("/")

    tab_to(page, page.get_by_role("link", name="Læs referater fra møder"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/referater/$"))

    tab_to(page, page.get_by_role("navigation", name="Vælg år").get_by_role("link", name="2018"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/referater/2018/$"))

    tab_to(page, page.get_by_role("link", name=content.MEETING_ROW, exact=True))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"{content.MEETING_PATH}$"))

    toc = page.get_by_role("navigation", name="Indholdsfortegnelse")
    tab_to(page, toc.get_by_role("link", name=content.OPEN_ITEM_HEADING))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"{content.MEETING_PATH}#punkt-2$"))
    expect(page.get_by_role("heading", name=content.OPEN_ITEM_HEADING)).to_be_in_viewport()

    # The next Tab continues inside the item, at its link to itself, not back at the contents;
    # its attachment follows.
    page.keyboard.press("Tab")
    expect(page.locator("#punkt-2").get_by_role("link", name="Link til punkt 2")).to_be_focused()
    attachment = page.locator("#punkt-2").get_by_role("link", name=content.ATTACHMENT_TITLE)
    tab_to(page, attachment)
    expect(attachment).to_be_focused()
    focus = focused(page)
    assert focus.has_indicator and focus.on_screen, f"focus is not visible at {focus}"

    response = open_pdf_link(page, attachment, key="Enter")

    assert re.search(rf"{content.MEETING_PATH}bilag/\d+\.pdf$", response.url)


def test_keyboard_user_searches_and_opens_a_hit(phone_page, minutes_archive):
    page = phone_page
    page.goto("/")

    tab_to(page, page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Søg"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/referater/soeg/$"))
    tab_to(page, page.get_by_role("searchbox", name="Søg efter ord i referater"))
    page.keyboard.type(content.PDF_ONLY_WORD)
    page.keyboard.press("Enter")
    # The form sends its filters too, empty or at their defaults.
    expect(page).to_have_url(re.compile(rf"/referater/soeg/\?q={content.PDF_ONLY_WORD}(&|$)"))

    # The hit is the PDF itself, under its meeting's heading, which leads to the meeting.
    expect(page.get_by_role("link", name="Referat 12. marts 2019 (PDF)")).to_be_visible()
    hit = page.get_by_role("link", name="Tirsdag den 12. marts 2019 · Referat")
    tab_to(page, hit)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"{content.PDF_ONLY_MEETING_PATH}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(content.PDF_ONLY_MEETING_TITLE)
