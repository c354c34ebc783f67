"""
Printing a meeting, as a citizen does before a meeting in the residents' association: Chromium
prints the page to PDF, and the PDF is read back (pypdf) for what paper needs: the page's
address, black text, no navigation or buttons, and no heading left alone at the foot of a page.
"""

import io
import re

import pytest
from pypdf import PdfReader

MEETING_DATE = "2019-09-17"
MEETING_PATH = f"/referater/{MEETING_DATE}/"

# Sentences of the municipality's kind, repeated to lengths that end pages in many places.
SENTENCE = (
    "Boligselskabet har fremsendt en helhedsplan for afdelingen, som administrationen har "
    "gennemgået sammen med Landsbyggefonden og beboerne. "
)


@pytest.fixture
def long_meeting(make_meeting):
    """Fourteen items of uneven length: over several pages, headings fall near page ends."""
    items = []
    for number in range(1, 15):
        length = 2 + (number * 7) % 11
        items.append(
            {
                "title": f"Helhedsplan for afdeling {number}",
                "outcome": "godkendt",
                "decision_theme": SENTENCE * 2,
                "recommendation": "Administrationen indstiller, at planen godkendes.",
                "decision": "Indstillingen blev godkendt.",
                "case_presentation": "\n\n".join([SENTENCE * 3] * length),
                "economic_consequences": SENTENCE,
            }
        )
    items[4]["is_closed"] = True
    return make_meeting(MEETING_DATE, items=items)


def one_line(text):
    return " ".join(text.split())


def printed_pages(page):
    """The text of each printed page, as pypdf reads it."""
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [one_line(printed.extract_text()) for printed in pdf.pages]


def test_a_printed_meeting_carries_its_address_and_leaves_no_heading_at_a_page_foot(
    new_page, long_meeting, live_server
):
    page = new_page("desktop")
    page.goto(MEETING_PATH)
    page.emulate_media(media="print")
    headings = [one_line(h) for h in page.locator("main :is(h1, h2, h3):visible").all_inner_texts()]

    pages = printed_pages(page)

    assert len(pages) > 3, "the meeting is too short to test page breaks"
    assert f"Udskrevet fra {live_server.url}{MEETING_PATH}" in pages[-1]
    stranded = sorted(
        {
            (number, heading)
            for number, text in enumerate(pages[:-1], start=1)
            for heading in headings
            if text.endswith(heading)
        }
    )
    assert not stranded, f"headings alone at the foot of a page: {stranded}"
    # The last page is never only the footer ("Offentliggjort …") and the address.
    rest = re.sub(r"Offentliggjort \d+\. \w+ \d{4}|Udskrevet fra \S+", "", pages[-1]).strip()
    assert rest, f"the last page holds only the footer: {pages[-1]!r}"


def test_paper_gets_black_text_and_no_navigation_cookie_bar_or_buttons(new_page, long_meeting):
    page = new_page("desktop")
    page.goto(MEETING_PATH)
    page.emulate_media(media="print")

    colours = page.evaluate(
        """() => [...document.querySelectorAll('.site-name, h1, h2, h3, .meeting__summary, p')]
            .filter((el) => el.offsetParent !== null)
            .map((el) => getComputedStyle(el).color)"""
    )
    assert set(colours) == {"rgb(0, 0, 0)"}

    printed = " ".join(printed_pages(page))
    for not_on_paper in (
        "Udvalget Referater Søg",
        "Accepter cookies",
        "Hent referatet",
        "Gå til indhold",
    ):
        assert not_on_paper not in printed
    assert "Til indholdsfortegnelsen" not in printed
    assert "Almenboligudvalg Hvidovre" in printed
