"""The admin pages a clerk uses to check and publish the minutes pass axe without a serious or
critical violation: the lists (with a search and a date filter), the import, the meeting's form
with a report, marked items and a withheld PDF, an item's page, the history and the statistics."""

import re

import pytest
from playwright.sync_api import expect

from tests.minutes.documents_as_pdf import minutes_pdf
from tests.minutes.documents_for_tests import minutes_text

from .support import serious_axe_violations
from .test_clerk_journey import log_in

# Item 2 has a heading the reader does not know: the report has a note about it, and item 2 is
# marked. The PDF holds the closed item 3's text: it is withheld.
DOCUMENT = minutes_text(date="Tirsdag den 12. juni 2018", short_date="12-06-2018").replace(
    "Sagsfremstilling\nHelhedsplanen",
    "Lovgrundlag\nAlmenboligloven § 27.\nSagsfremstilling\nHelhedsplanen",
)


@pytest.fixture
def imported_meeting(tmp_path):
    """Import the document as the clerk does, as a PDF; the meeting's form is open after."""

    def import_it(page):
        path = tmp_path / "referat-2018-06-12.pdf"
        path.write_bytes(minutes_pdf(DOCUMENT))
        page.goto("/admin/minutes/meeting/indlaes/")
        page.get_by_label("Dokument").set_input_files(path)
        page.get_by_role("button", name="Læs dokumentet og opret mødet").click()
        expect(page).to_have_url(re.compile(r"/admin/minutes/meeting/\d+/change/$"))
        return re.search(r"/meeting/(\d+)/", page.url).group(1)

    return import_it


PAGES = [
    "admin index",
    "meeting list with a search and a date filter",
    "agenda item list",
    "import",
    "meeting form with a report, marked items and a withheld PDF",
    "item page",
    "meeting history",
    "page-view statistics",
]


@pytest.mark.parametrize("admin_page", PAGES)
def test_the_admin_pages_a_clerk_uses_have_no_serious_accessibility_problems(
    new_page, clerk, media_root, minutes_archive, imported_meeting, admin_page
):
    page = new_page("desktop")
    log_in(page, *clerk)
    meeting = imported_meeting(page)

    if admin_page == "admin index":
        page.goto("/admin/")
    elif admin_page == "meeting list with a search and a date filter":
        page.goto("/admin/minutes/meeting/?date__year=2018&q=Friheden")
        expect(page.locator("#result_list tbody tr").first).to_be_visible()
    elif admin_page == "agenda item list":
        page.goto("/admin/minutes/agendaitem/")
    elif admin_page == "import":
        page.goto("/admin/minutes/meeting/indlaes/")
    elif admin_page == "meeting form with a report, marked items and a withheld PDF":
        expect(page.locator("#items-1 summary")).to_contain_text("Tjek: 1 note")
        expect(page.locator(".field-withheld_pdf_status")).to_be_visible()
        # Item 2 open, as the clerk has it after following the report's note.
        page.locator(".import-report").get_by_role("link", name=re.compile("^Punkt 2")).click()
        expect(page.locator("#items-1 details")).to_have_attribute("open", "")
    elif admin_page == "item page":
        page.locator("#items-1 summary").click()
        page.locator("#items-1").get_by_role("link", name=re.compile("^Rediger bilag")).click()
        expect(page).to_have_url(re.compile(r"/admin/minutes/agendaitem/\d+/change/$"))
    elif admin_page == "meeting history":
        page.goto(f"/admin/minutes/meeting/{meeting}/history/")
    elif admin_page == "page-view statistics":
        page.goto("/admin/visits/pageview/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Statistik over sidevisninger")

    assert serious_axe_violations(page) == []
