"""
Writing small, real PDFs for the demo content (`manage.py loaddemo`) and for the tests.

fpdf2 is needed only here: it is in the `demo` extra (and `dev`), not a dependency of the site.
"""

from fpdf import FPDF


def make_pdf(title, paragraphs=()):
    """A real, text-bearing A4 PDF with a title and paragraphs, as bytes."""
    pdf = FPDF(format="A4")
    # The core fonts cover Danish letters, dashes and curly quotes in Windows-1252.
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_title(title)
    pdf.set_creator("Almenboligudvalg Hvidovre")
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 9, title)
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(3)
    return bytes(pdf.output())
