"""A clerk publishes a meeting through the admin, from logging in to the public permalink."""

import re

import pytest
from playwright.sync_api import expect

from minutes.demo import make_pdf

from .support import open_pdf_link

PERMALINK = "/referater/2026-11-03/"
TITLE = "Referat – Almenboligudvalg Hvidovre den 3. november 2026"
SECRET = "Fogedforretning hos lejeren i Hvidovrevej 200, 3. tv."


@pytest.fixture
def minutes_pdf(tmp_path):
    """The minutes as the clerk has them on disk, exported from the case system."""
    path = tmp_path / "Referat Almenboligudvalg 3-11-2026.pdf"
    path.write_bytes(make_pdf(TITLE, ["Punkt 1. Godkendelse af dagsorden: godkendt."]))
    return path


def log_in(page, username, password):
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    page.get_by_label("Brugernavn").press_sequentially(username)
    page.get_by_label("Adgangskode").press_sequentially(password)
    page.get_by_role("button", name="Log ind").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def fill_item(form, number, title, *, closed=False, sections=()):
    """Fill one agenda item's form in the meeting's stacked inline; sections by their label."""
    form.get_by_label("Nummer").fill(str(number))
    form.get_by_label("Titel").fill(title)
    if closed:
        form.get_by_label("Lukket punkt").check()
    for label, text in sections:
        form.get_by_label(re.compile(f"^{label}:?$")).fill(text)


def test_clerk_adds_previews_and_publishes_a_meeting_whose_closed_item_stays_closed(
    new_page, clerk, media_root, minutes_pdf
):
    page = new_page("desktop")
    log_in(page, *clerk)

    page.get_by_role("row", name="Møder").get_by_role("link", name="Tilføj").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilføj møde")
    page.get_by_label("Mødedato").fill("03.11.2026")
    page.get_by_label("Mødetidspunkt").fill("17:00")
    page.get_by_label("Mødested").fill("Rådhuset, mødelokale 1")
    page.get_by_label("Referat som PDF").set_input_files(minutes_pdf)
    participant = page.locator("#participants-0")
    participant.get_by_label("Navn", exact=True).fill("Helle M. Adelborg")
    participant.get_by_label("Partibogstav").fill("A")
    fill_item(
        page.locator("#items-0"),
        1,
        "Godkendelse af dagsorden",
        sections=[("Beslutning", "Dagsordenen blev godkendt.")],
    )
    page.get_by_role("button", name="Tilføj endnu et dagsordenspunkt").click()
    fill_item(
        page.locator("#items-1"),
        2,
        "Personalesag",
        closed=True,
        sections=[("Sagsfremstilling", SECRET), ("Beslutning", "Tiltrådt.")],
    )
    page.get_by_role("button", name="Gem og fortsæt med at redigere").first.click()

    expect(page.locator(".messagelist")).to_contain_text("blev tilføjet")
    expect(page.locator(".field-pdf_text_status")).to_contain_text("kan findes ved søgning")
    expect(page.locator(".meeting-status")).to_contain_text("Kladde – ikke offentliggjort")
    # Saved items are folded to their number, title and flags; one opens at a time.
    items = page.locator("#items-group .has_original summary")
    expect(items).to_have_text(["1. Godkendelse af dagsorden", "2. PersonalesagLukket punkt"])

    # Not public yet: an anonymous visitor gets "Siden findes ikke" at the permalink.
    visitor = new_page("phone")
    assert visitor.goto(PERMALINK).status == 404

    page.get_by_role("link", name="Forhåndsvis på siden").click()

    expect(page).to_have_url(re.compile(f"{PERMALINK}$"))
    expect(page.get_by_role("status")).to_contain_text(
        "Forhåndsvisning – mødet er ikke offentliggjort"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("heading", level=2, name="2. Lukket punkt")).to_be_visible()
    assert SECRET not in page.content()

    page.go_back()
    page.get_by_role("button", name="Gem og offentliggør").first.click()

    expect(page.locator(".messagelist")).to_contain_text("Mødet er gemt og offentliggjort")
    expect(page.locator(".meeting-status")).to_contain_text("Offentliggjort")

    # Anyone can now read it at its permalink, and the closed item shows only its number.
    response = visitor.goto(PERMALINK)
    assert response.status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_role("status")).to_have_count(0)
    expect(
        visitor.get_by_role("navigation", name="Indholdsfortegnelse").get_by_role("link")
    ).to_have_text(["1. Godkendelse af dagsorden", "2. Lukket punkt"])
    expect(visitor.locator("#punkt-1")).to_contain_text("Dagsordenen blev godkendt.")
    expect(visitor.locator("#punkt-2")).not_to_contain_text("Tiltrådt.")
    expect(visitor.get_by_role("region", name="Medlemmer")).to_contain_text("Helle M. Adelborg (A)")
    assert SECRET not in visitor.content()
    assert "Personalesag" not in visitor.content()
    open_pdf_link(visitor, visitor.get_by_role("link", name="Hent referatet (PDF"))
