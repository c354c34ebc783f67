"""A journalist's journey: search, land on the item, copy its citation, open the item's page."""

import re

import pytest
from playwright.sync_api import expect

from . import content
from .support import axe_report

ITEM_PATH = f"{content.MEETING_PATH}punkt-2/"
CITATION = (
    f"Almenboligudvalg Hvidovre: Referat, møde 29. maj 2018, punkt 2: {content.OPEN_ITEM_TITLE}. "
)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_journalist_searches_cites_an_item_and_opens_its_own_page(
    new_page, live_server, minutes_archive, viewport
):
    page = new_page(viewport)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)

    page.goto("/referater/soeg/")
    page.get_by_role("searchbox").fill("helhedsplan")
    page.get_by_role("searchbox").press("Enter")
    page.get_by_role("link", name=re.compile(f"Punkt 2: {content.OPEN_ITEM_TITLE}")).first.click()

    # The item the link points to is marked, with its meeting's name and date.
    expect(page).to_have_url(re.compile(f"{content.MEETING_PATH}#punkt-2$"))
    item = page.locator("#punkt-2")
    expect(item.locator(".agenda-item__context")).to_be_visible()
    expect(item.locator(".agenda-item__context")).to_have_text(
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018"
    )
    expect(page.locator("#punkt-1 .agenda-item__context")).to_be_hidden()
    assert item.evaluate("e => getComputedStyle(e).borderLeftColor") == "rgb(255, 210, 74)"
    assert page.locator("#punkt-1").evaluate("e => getComputedStyle(e).borderLeftWidth") == "0px"

    item.get_by_text("Citér punkt 2").click()
    item.get_by_role("button", name="Kopiér citatet").click()
    expect(item.get_by_role("status")).to_have_text("Kopieret")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(CITATION)
    assert f"{live_server.url}{ITEM_PATH}" in copied
    assert copied == item.locator(".citation__text").inner_text().strip()

    item.get_by_role("link", name="Punkt 2 på sin egen side").click()
    expect(page).to_have_url(re.compile(f"{ITEM_PATH}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"2. {content.OPEN_ITEM_TITLE}")
    expect(page).to_have_title(
        f"Punkt 2: {content.OPEN_ITEM_TITLE} – Referat 29. maj 2018 – "
        "Almenboligudvalg Hvidovre – Hvidovre Kommune"
    )
    page.get_by_role("link", name=re.compile("Se punkt 2 i hele referatet")).click()
    expect(page).to_have_url(re.compile(f"{content.MEETING_PATH}#punkt-2$"))


def test_without_javascript_the_citation_is_text_to_select(new_page, minutes_archive):
    page = new_page("phone", javascript=False)
    page.goto(ITEM_PATH)

    page.get_by_text("Citér punkt 2").click()

    citation = page.locator("#citat")
    expect(citation).to_be_visible()
    expect(citation).to_contain_text(CITATION)
    expect(page.get_by_role("button", name="Kopiér citatet")).to_have_count(0)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_item_page_and_a_targeted_item_with_open_citations_have_no_axe_violations(
    new_page, minutes_archive, viewport
):
    page = new_page(viewport)
    for path in (ITEM_PATH, f"{content.MEETING_PATH}#punkt-2", f"{content.MEETING_PATH}punkt-3/"):
        page.goto(path)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        report = axe_report(page)
        assert not report, f"axe on {path}:\n{report}"
