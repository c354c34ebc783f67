"""
What a citizen on a phone (360 × 800) sees without scrolling: the meeting's contents under its
title, and the cookie banner wherever they land (a journalist's link to #punkt-3 too) without it
covering what they came to read; its two answers of equal weight; the place kept after answering.
"""

import re

import pytest
from playwright.sync_api import expect

from . import content
from .support import cookie_banner, tap

BOX = (
    "el => { const b = el.getBoundingClientRect(); return {top: b.top, bottom: b.bottom, "
    "left: b.left, right: b.right, width: b.width, height: b.height}; }"
)


def box(locator):
    return locator.evaluate(BOX)


def test_the_meeting_contents_stand_within_the_first_screen_above_the_banner(
    phone_page, minutes_archive
):
    page = phone_page
    page.goto(content.MEETING_PATH)
    banner = box(cookie_banner(page))
    toc = page.get_by_role("navigation", name="Indholdsfortegnelse")

    contents = box(toc)
    last_item = box(toc.get_by_role("listitem").last)

    # The whole list, not only its heading, above the banner at the bottom of the window.
    assert contents["top"] > 0 and last_item["bottom"] <= banner["top"], (contents, banner)
    assert banner["bottom"] <= page.viewport_size["height"]


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_landing_on_an_item_shows_the_banner_without_scrolling_and_the_item_uncovered(
    new_page, minutes_archive, viewport
):
    page = new_page(viewport)
    page.goto(f"{content.MEETING_PATH}#punkt-3")
    height = page.viewport_size["height"]

    banner = box(cookie_banner(page))
    item = box(page.get_by_role("heading", name="3. Lukket punkt"))

    assert page.evaluate("window.scrollY") > 0, "the browser did not jump to the item"
    assert banner["top"] >= 0 and banner["bottom"] <= height, f"banner off screen: {banner}"
    assert item["top"] >= 0 and item["bottom"] <= banner["top"], f"item hidden: {item} {banner}"
    # A compact bar: most of the window stays for what the visitor came to read.
    assert banner["height"] <= 0.25 * height


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_two_answers_are_buttons_of_the_same_size_and_look(new_page, viewport):
    page = new_page(viewport)
    page.goto("/")
    accept = cookie_banner(page).get_by_role("button", name="Accepter cookies")
    decline = cookie_banner(page).get_by_role("button", name="Nej tak til cookies")

    sizes = [(round(b["width"]), round(b["height"])) for b in (box(accept), box(decline))]
    looks = [
        button.evaluate(
            "el => { const s = getComputedStyle(el); "
            "return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderWidth]; }"
        )
        for button in (accept, decline)
    ]

    assert sizes[0] == sizes[1]
    assert looks[0] == looks[1]
    assert sizes[0][1] >= 44  # a target a thumb can hit


@pytest.mark.parametrize("button", ["Accepter cookies", "Nej tak til cookies"])
def test_answering_on_an_item_returns_to_the_item_with_javascript(
    phone_page, minutes_archive, button
):
    page = phone_page
    page.goto(f"{content.MEETING_PATH}#punkt-2")
    before = page.evaluate("window.scrollY")

    with page.expect_navigation():
        tap(page, cookie_banner(page).get_by_role("button", name=button))

    expect(page).to_have_url(re.compile(f"{content.MEETING_PATH}#punkt-2$"))
    expect(cookie_banner(page)).to_have_count(0)
    page.wait_for_load_state("load")
    assert abs(page.evaluate("window.scrollY") - before) <= 2
    expect(page.get_by_role("heading", name=content.OPEN_ITEM_HEADING)).to_be_in_viewport()


def test_answering_after_scrolling_returns_to_the_same_place_with_javascript(
    phone_page, minutes_archive
):
    page = phone_page
    page.goto(content.MEETING_PATH)
    page.get_by_role("heading", name="Bilag").scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    assert before > 0

    with page.expect_navigation():
        tap(page, cookie_banner(page).get_by_role("button", name="Accepter cookies"))

    page.wait_for_load_state("load")
    assert abs(page.evaluate("window.scrollY") - before) <= 2


def test_forced_colours_keep_the_current_page_and_the_boxes_visible(phone_page, minutes_archive):
    page = phone_page
    page.emulate_media(forced_colors="active")
    page.goto(content.MEETING_PATH)
    nav = page.get_by_role("navigation", name="Hovedmenu")

    def underline(link):
        return link.evaluate("el => getComputedStyle(el).textDecorationLine")

    assert underline(nav.get_by_role("link", name="Referater")) == "underline"
    assert underline(nav.get_by_role("link", name="Udvalget")) == "none"
    toc = page.get_by_role("navigation", name="Indholdsfortegnelse")
    border = toc.evaluate(
        "el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.borderTopWidth]; }"
    )
    assert border == ["solid", "1px"]
