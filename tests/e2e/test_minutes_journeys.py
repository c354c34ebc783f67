"""Citizens and journalists find minutes as they would: by clicking, typing and following links."""

import importlib
import re

import pytest
from playwright.sync_api import expect

from . import content
from .pages import VIEWPORTS
from .support import open_pdf_link, pdf_filename

seed = importlib.import_module("committee.migrations.0002_seed_committee_content")


def heading(page):
    return page.get_by_role("heading", level=1)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_citizen_goes_from_the_mandate_to_an_agenda_item_and_the_minutes_pdf(
    new_page, minutes_archive, viewport
):
    page = new_page(viewport)
    page.goto("/")
    mandate = page.get_by_role("region", name="Udvalgets opgaver")
    expect(mandate.get_by_role("paragraph")).to_have_text(seed.TASKS)

    page.get_by_role("link", name="Læs referater fra møder").click()
    expect(page).to_have_url(re.compile(r"/referater/$"))
    expect(heading(page)).to_have_text("Referater fra møder")

    page.get_by_role("navigation", name="Vælg år").get_by_role("link", name="2018").click()
    expect(page).to_have_url(re.compile(r"/referater/2018/$"))
    expect(heading(page)).to_have_text("Referater fra 2018")

    page.get_by_role("link", name=content.MEETING_ROW, exact=True).click()
    expect(page).to_have_url(re.compile(f"{content.MEETING_PATH}$"))
    expect(heading(page)).to_have_text(content.MEETING_TITLE)

    toc = page.get_by_role("navigation", name="Indholdsfortegnelse")
    expect(toc.get_by_role("link")).to_have_text(
        ["1. Godkendelse af dagsorden", content.OPEN_ITEM_HEADING, "3. Lukket punkt"]
    )
    toc.get_by_role("link", name=content.OPEN_ITEM_HEADING).click()

    expect(page).to_have_url(re.compile(f"{content.MEETING_PATH}#punkt-2$"))
    item_heading = page.get_by_role("heading", level=2, name=content.OPEN_ITEM_HEADING)
    expect(item_heading).to_be_in_viewport()
    expect(page.locator(":target")).to_have_attribute("id", "punkt-2")
    expect(heading(page)).not_to_be_in_viewport()

    response = open_pdf_link(page, page.get_by_role("link", name="Hent referatet (PDF"))

    assert response.url.endswith(f"{content.MEETING_PATH}referat.pdf")
    assert pdf_filename(response) == "referat-almenboligudvalg-hvidovre-2018-05-29.pdf"


def test_citizen_finds_a_meeting_by_a_word_that_is_only_in_its_minutes_pdf(
    new_page, minutes_archive
):
    page = new_page("phone")
    page.goto("/")
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Søg").click()
    expect(heading(page)).to_have_text("Søg i referaterne")

    search_box = page.get_by_role("searchbox", name="Søg efter ord i referater")
    search_box.press_sequentially(content.PDF_ONLY_WORD)
    search_box.press("Enter")

    # The form sends its filters too, empty or at their defaults.
    expect(page).to_have_url(re.compile(rf"/referater/soeg/\?q={content.PDF_ONLY_WORD}(&|$)"))
    results = page.get_by_role("region", name=f"1 resultat for “{content.PDF_ONLY_WORD}”")
    hit = results.locator(".search-hit")
    expect(hit).to_have_count(1)
    expect(hit.locator("mark")).to_have_text(content.PDF_ONLY_WORD)
    # The hit is the PDF itself, under the heading of its meeting, which leads to the meeting.
    expect(hit.get_by_role("link", name="Referat 12. marts 2019 (PDF)")).to_be_visible()

    results.get_by_role("link", name="Tirsdag den 12. marts 2019 · Referat").click()

    expect(page).to_have_url(re.compile(f"{content.PDF_ONLY_MEETING_PATH}$"))
    expect(heading(page)).to_have_text(content.PDF_ONLY_MEETING_TITLE)
    # The page itself has only the PDF link: the word was found in the PDF's text.
    expect(page.get_by_role("main")).not_to_contain_text(content.PDF_ONLY_WORD)
    expect(page.get_by_role("link", name="Hent referatet (PDF")).to_be_visible()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_journalists_link_to_an_agenda_item_lands_on_that_item(new_page, minutes_archive, viewport):
    page = new_page(viewport)

    # Followed from an article or a mail: the browser opens the address as it is.
    page.goto(f"{content.MEETING_PATH}#punkt-2")

    expect(page.get_by_role("heading", level=2, name=content.OPEN_ITEM_HEADING)).to_be_in_viewport()
    expect(page.locator(":target")).to_have_attribute("id", "punkt-2")
    expect(page.locator("#punkt-2")).to_contain_text(
        "Beslutning i Almenboligudvalg Hvidovre den 29-05-2018"
    )
    expect(heading(page)).not_to_be_in_viewport()
