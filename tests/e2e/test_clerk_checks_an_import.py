"""A clerk checks an imported meeting: the report's note leads to the item it is about, and the
changes made on the meeting's form are never lost on the way to an item's attachments and votes."""

import re

from playwright.sync_api import expect

from tests.minutes.documents_for_tests import minutes_text

from .test_clerk_journey import log_in

# Item 2 has a section the reader does not know: its text goes into Sagsfremstilling, and the
# report says so about item 2.
UNKNOWN_HEADING = minutes_text().replace(
    "Sagsfremstilling\nHelhedsplanen",
    "Lovgrundlag\nAlmenboligloven § 27.\nSagsfremstilling\nHelhedsplanen",
)
NEW_TITLE = "Helhedsplan for Friheden – skema A og lån"


def import_pasted(page, text):
    """Paste `text` on "Opret møde fra dokument" and arrive at the meeting's form."""
    page.goto("/admin/minutes/meeting/indlaes/")
    page.get_by_label("Eller indsæt hele teksten").fill(text)
    page.get_by_role("button", name="Læs dokumentet og opret mødet").click()
    expect(page).to_have_url(re.compile(r"/admin/minutes/meeting/\d+/change/$"))


def focused_element(page):
    """The focused element: its id, and the id of the agenda item's form it is in."""
    return page.evaluate(
        """() => ({
            id: document.activeElement.id,
            tag: document.activeElement.tagName.toLowerCase(),
            item: document.activeElement.closest(".inline-related")?.id ?? null,
        })"""
    )


def test_a_note_leads_to_its_item_and_unsaved_changes_are_not_left_behind(
    new_page, clerk, media_root
):
    page = new_page("desktop")
    log_in(page, *clerk)
    import_pasted(page, UNKNOWN_HEADING)

    # The folded list says which item to open.
    summaries = page.locator("#items-group .has_original summary")
    expect(summaries.nth(1)).to_contain_text("Tjek: 1 note")
    expect(summaries.nth(0)).not_to_contain_text("Tjek")
    second = page.locator("#items-1")
    expect(second.locator("details")).not_to_have_attribute("open", "")

    # The report's note is a link that says which item it is about; following it opens item 2
    # (only item 2) and puts the focus where the note points.
    note = page.locator(".import-report").get_by_role("link", name=re.compile("^Punkt 2"))
    expect(note).to_have_count(1)
    focus = note.get_attribute("data-report-focus")
    note.click()
    expect(second.locator("details")).to_have_attribute("open", "")
    expect(page.locator("#items-0 details")).not_to_have_attribute("open", "")
    expect(page.locator(focus)).to_be_focused()
    assert focused_element(page)["item"] == "items-1"
    expect(second.get_by_label("Sagsfremstilling")).to_be_visible()
    expect(second.get_by_label("Sagsfremstilling")).to_have_value(re.compile("^Lovgrundlag"))

    # A change, then the link to the item's own page: the browser asks before leaving, and the
    # clerk who stays still has the change.
    second.get_by_label("Titel").fill(NEW_TITLE)
    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.once("dialog", stay)
    second.get_by_role("link", name=re.compile(r"^Rediger bilag \(2\) og afstemning")).click()
    page.wait_for_timeout(300)
    assert asked == ["beforeunload"]
    expect(page).to_have_url(re.compile(r"/admin/minutes/meeting/\d+/change/"))
    expect(second.get_by_label("Titel")).to_have_value(NEW_TITLE)

    # The button saves first, without asking, and opens the item's page.
    page.on("dialog", lambda dialog: asked.append(dialog.type) or dialog.dismiss())
    second.get_by_role("button", name="Gem og ret bilag og afstemning").click()
    expect(page).to_have_url(re.compile(r"/admin/minutes/agendaitem/\d+/change/$"))
    expect(page.locator(".messagelist")).to_contain_text("Mødet er gemt.")
    expect(page.get_by_role("textbox", name="Titel:")).to_have_value(NEW_TITLE)
    expect(page.locator("#attachments-group")).to_contain_text("Skema A for Friheden")
    assert asked == ["beforeunload"]

    # Saving the item returns to the meeting, with the change kept.
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/minutes/meeting/\d+/change/$"))
    page.locator("#items-1 summary").click()
    expect(page.locator("#items-1").get_by_label("Titel")).to_have_value(NEW_TITLE)
    assert asked == ["beforeunload"]


def test_leaving_an_unchanged_form_asks_nothing(new_page, clerk, media_root):
    page = new_page("desktop")
    log_in(page, *clerk)
    import_pasted(page, minutes_text())
    asked = []
    page.on("dialog", lambda dialog: asked.append(dialog.type) or dialog.dismiss())

    # Opening and folding items, and adding an empty one, changes nothing to save.
    page.locator("#items-1 summary").click()
    page.get_by_role("button", name="Tilføj endnu et dagsordenspunkt").click()
    page.locator("#items-1").get_by_role("link", name=re.compile("^Rediger bilag")).click()

    expect(page).to_have_url(re.compile(r"/admin/minutes/agendaitem/\d+/change/$"))
    assert asked == []


def test_a_form_sent_back_with_errors_still_counts_as_unsaved(new_page, clerk, media_root):
    page = new_page("desktop")
    log_in(page, *clerk)
    import_pasted(page, minutes_text())
    page.get_by_label("Mødested").fill("Rådhuset, mødelokale 2")
    page.locator("#items-0 summary").click()
    page.locator("#items-0").get_by_label("Titel").fill("")
    page.get_by_role("button", name="Gem", exact=True).first.click()
    expect(page.locator(".errornote")).to_be_visible()
    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    # The page must have been used since it loaded before a browser may ask.
    page.get_by_label("Mødested").click()
    page.get_by_role("link", name="Møder", exact=True).first.click()
    page.wait_for_timeout(300)

    assert asked == ["beforeunload"]
    expect(page.get_by_label("Mødested")).to_have_value("Rådhuset, mødelokale 2")


def test_a_note_about_a_section_opens_the_item_with_the_cursor_in_that_section(
    new_page, clerk, media_root
):
    from committee.models import Committee
    from minutes.importing import Note, parse_text
    from minutes.imports import import_document

    parsed = parse_text(minutes_text())
    parsed.notes = [
        Note("Punkt 3: “Tiltrådt med ændringer” er et uklart udfald.", 3, field="decision"),
        Note("Der blev ikke fundet et mødested.", field="place"),
    ]
    meeting = import_document(parsed, committee=Committee.objects.get()).meeting
    page = new_page("desktop")
    log_in(page, *clerk)
    page.goto(f"/admin/minutes/meeting/{meeting.pk}/change/")

    report = page.locator(".import-report")
    report.get_by_role("link", name="Punkt 3, beslutning").click()

    expect(page.locator("#items-2 details")).to_have_attribute("open", "")
    expect(page.locator("#items-2").get_by_label(re.compile("^Beslutning:?$"))).to_be_focused()
    report.get_by_role("link", name="Mødested").click()
    expect(page.get_by_label("Mødested")).to_be_focused()
