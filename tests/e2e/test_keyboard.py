"""Keyboard-only use: the skip link, visible focus on every stop, links followed with Enter."""

import re

import pytest
from playwright.sync_api import expect

from .pages import PAGE_TYPES
from .support import focused, tab_through, tab_to

READING_ORDER = ["header", "nav", "main", "footer"]


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
    unseen = [str(stop) for stop in stops if not (stop.has_indicator and stop.on_screen)]
    assert not unseen, f"focus is not visible on {page_type.path} at {unseen}"
    in_nav = [stop.name for stop in stops if stop.landmark == "nav"]
    assert in_nav == ["Udvalget", "Referater", "Søg"]
    in_footer = [stop.name for stop in stops if stop.landmark == "footer"]
    assert in_footer == ["Cookies og statistik", "Tilgængelighedserklæring"]
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
