"""A clerk makes a meeting from the minutes document, checks and corrects it, and publishes it;
a journalist links to one of its items. And the clerk's forms pass axe."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.minutes.documents_for_tests import minutes_text

from .support import serious_axe_violations
from .test_clerk_journey import log_in

CORPUS = Path(__file__).parent.parent / "minutes" / "documents"
PERMALINK = "/referater/2018-05-29/"


def import_pasted_minutes(page):
    page.get_by_role("row", name="Møder").get_by_role("link", name="Ret").click()
    page.get_by_role("link", name="Opret møde fra dokument").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Opret møde fra dokument")
    page.get_by_label("Eller indsæt hele teksten").fill(minutes_text())
    page.get_by_role("button", name="Læs dokumentet og opret mødet").click()


def test_clerk_uploads_the_minutes_corrects_and_publishes_and_a_journalist_links_to_an_item(
    new_page, clerk, media_root
):
    page = new_page("desktop")
    log_in(page, *clerk)
    page.get_by_role("row", name="Møder").get_by_role("link", name="Ret").click()
    page.get_by_role("link", name="Opret møde fra dokument").click()
    page.get_by_label("Dokument").set_input_files(CORPUS / "referat-2018-05-29.pdf")
    page.get_by_role("button", name="Læs dokumentet og opret mødet").click()

    # The meeting's form, with the report of what was read, the status, and the items folded.
    expect(page).to_have_url(re.compile(r"/admin/minutes/meeting/\d+/change/$"))
    expect(page.locator(".messagelist")).to_contain_text("2018-05-29 · referat · 6 punkter")
    status = page.locator(".meeting-status")
    expect(status).to_contain_text("Kladde – ikke offentliggjort")
    expect(status.locator(".import-report")).to_contain_text("6 punkter, 7 deltagere")
    # The PDF holds the closed item's text: it is kept from the public, and the clerk is told.
    expect(status.locator(".import-report")).to_contain_text(
        "PDF'en indeholder teksten til de lukkede punkter (punkt 5)"
    )
    expect(status).to_contain_text("PDF'en fra indlæsningen er tilbageholdt")
    items = page.locator("#items-group .has_original")
    expect(items.locator("summary")).to_have_count(6)
    expect(items.locator("summary").nth(4)).to_have_text(
        "5. Salg af kommunal grund ved HvidovrevejLukket punktAnbefalet"
    )
    expect(items.get_by_label("Titel").first).to_be_hidden()

    # The clerk opens item 2, shortens its title; the item opened before it folds again.
    items.nth(0).locator("summary").click()
    expect(items.nth(0).get_by_label("Titel")).to_be_visible()
    items.nth(1).locator("summary").click()
    expect(items.nth(0).get_by_label("Titel")).to_be_hidden()
    title = items.nth(1).get_by_label("Titel")
    expect(title).to_have_value(re.compile("^Skema B for nybyggeri af 24 familieboliger"))
    title.fill("Skema B for 24 familieboliger i Avedøre Stationsby")
    # The closed item gets a public decision, the only thing of it the public will see.
    items.nth(4).locator("summary").click()
    items.nth(4).get_by_label("Offentlig beslutning").fill("Udvalget anbefalede salget.")
    page.get_by_role("button", name="Gem og offentliggør").first.click()

    expect(page.locator(".messagelist")).to_contain_text("Mødet er gemt og offentliggjort uden PDF")
    expect(status).to_contain_text("Offentliggjort")

    # A journalist's link to item 2: the item, its decision and the votes, by its anchor.
    journalist = new_page("phone")
    response = journalist.goto(PERMALINK + "#punkt-2")
    assert response.status == 200
    item = journalist.locator("#punkt-2")
    expect(item.get_by_role("heading", level=2)).to_have_text(
        "2. Skema B for 24 familieboliger i Avedøre Stationsby"
    )
    expect(item.locator(".votes")).to_contain_text("For: A, C, V")
    expect(item.locator(".votes")).to_contain_text("Imod: O")
    expect(item.locator(".attachments")).to_contain_text("Tidsplan for byggeriet")
    assert item.evaluate("el => el.getBoundingClientRect().top") < 200
    contents = journalist.get_by_role("navigation", name="Indholdsfortegnelse")
    expect(contents.get_by_role("listitem").nth(1)).to_contain_text("Godkendt")
    expect(contents.get_by_role("listitem").nth(4)).to_have_text("5. Lukket punkt")
    expect(journalist.locator("#punkt-5")).to_contain_text("Udvalget anbefalede salget.")
    assert "Hvidovrevej" not in journalist.locator("#punkt-5").inner_text()
    # The minutes are public without the withheld PDF, which the clerk has not confirmed.
    expect(journalist.get_by_role("link", name=re.compile("^Hent referatet"))).to_have_count(0)
    assert journalist.goto("/referater/2018-05-29/referat.pdf").status == 404


def test_a_document_that_cannot_be_read_is_refused_in_danish_and_the_form_kept(
    new_page, clerk, tmp_path
):
    page = new_page("desktop")
    log_in(page, *clerk)
    page.goto("/admin/minutes/meeting/indlaes/")
    image = tmp_path / "billede.png"
    image.write_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + b"0" * 100)

    page.get_by_label("Dokument").set_input_files(image)
    page.get_by_role("button", name="Læs dokumentet og opret mødet").click()

    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".errorlist")).to_contain_text("PDF")


@pytest.mark.parametrize(
    "form_page", ["import", "add", "change with items", "item with attachments and votes"]
)
def test_the_clerks_forms_have_no_serious_accessibility_problems(
    new_page, clerk, media_root, form_page
):
    page = new_page("desktop")
    log_in(page, *clerk)
    if form_page == "import":
        page.goto("/admin/minutes/meeting/indlaes/")
    elif form_page == "add":
        page.goto("/admin/minutes/meeting/add/")
    else:
        import_pasted_minutes(page)
        if form_page == "item with attachments and votes":
            second = page.locator("#items-group .has_original").nth(1)
            second.locator("summary").click()
            second.get_by_role("link", name=re.compile("Rediger bilag")).click()
            expect(page).to_have_url(re.compile(r"/admin/minutes/agendaitem/\d+/change/$"))
            expect(page.get_by_role("heading", level=1)).to_have_text("Ret dagsordenspunkt")
            # The clerk may record the votes per party: the inline is there, with the votes read.
            votes = page.locator("#votes-group")
            expect(votes.get_by_role("heading", name="Afstemning")).to_be_visible()
            expect(votes.get_by_label("Parti").first).to_have_value("A")

    assert serious_axe_violations(page) == []
