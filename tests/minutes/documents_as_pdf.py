"""The small documents of `documents_for_tests` as PDFs, laid out the way the reader knows the
municipality's minutes: the title large and bold, headings and item titles bold, one paragraph a
line. For tests that need a PDF with a particular content (a closed item's text, or none)."""

import datetime
import re

from fpdf import FPDF

# The same text gives the same bytes: fpdf2 would stamp each PDF with the second it was made.
MADE = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC)

HEADINGS = {
    "Mødefakta",
    "Medlemmer",
    "Fraværende med afbud",
    "Bemærkninger",
    "Beslutningstema",
    "Indstilling",
    "Sagsfremstilling",
    "Økonomiske konsekvenser",
    "Bilag",
    "Lukket punkt",
}
ITEM = re.compile(r"\d+\. [A-ZÆØÅ]")


def minutes_pdf(text):
    """`text` (as `minutes_text()` gives it) as the bytes of a PDF with a text layer."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(MADE)
    # The core fonts cover Danish letters, dashes and curly quotes in Windows-1252.
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()
    title, *lines = text.splitlines()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for line in lines:
        if not line.strip():
            pdf.ln(3)
            continue
        heading = line in HEADINGS or line.startswith("Beslutning i ")
        item = ITEM.match(line)
        pdf.set_font("Helvetica", style="B" if heading or item else "", size=13 if item else 11)
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def public_version(text):
    """The minutes as made public: a closed item is its number and "Lukket punkt", nothing else."""
    return re.sub(
        r"^(\d+)\. [^\n]*\nLukket punkt\n.*?(?=^\d+\. |\Z)",
        r"\1. Lukket punkt\n\n",
        text,
        flags=re.MULTILINE | re.DOTALL,
    )
