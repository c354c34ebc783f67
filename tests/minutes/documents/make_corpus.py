"""Write the test corpus: the meetings of `corpus.py` as PDFs, Word documents and pasted text.

A development script, never run by the tests (which read the committed files), so that CI needs
neither LibreOffice, poppler nor a browser for it. Run it from the project folder after changing
`corpus.py`, for every document or only the meetings named:

    apt-get install -y libreoffice-writer-nogui poppler-utils fonts-dejavu-core chromium
    .venv/bin/python -m tests.minutes.documents.make_corpus [referat-2018-12-03 …]

Four generators make the documents, as the municipalities' meeting systems differ: fpdf2 draws
pages directly (our first layouts, and the run-on, "Sag nr." and one-page layouts), python-docx
writes Word documents (read directly, or printed to PDF by LibreOffice), and Chromium prints the
meeting system's web page to PDF, with the header and footer a browser prints. Pasted text is
what `pdftotext` gives of an fpdf2 PDF, or the web page's text as a browser copies it
(`innerText`).

The fpdf2 PDFs and the Word documents come out byte for byte the same from the same source;
LibreOffice and Chromium stamp their PDFs with the time they were printed, so those change on
every run.
"""

import datetime
import html
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
import fpdf
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from fpdf import FPDF
from PIL import Image, ImageDraw
from pypdf import PdfReader

from tests.minutes.documents.corpus import COMMITTEE, MEETINGS, file_name

HERE = Path(__file__).parent
FIXED_DATE = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC)
FONTS = Path("/usr/share/fonts/truetype/dejavu")
MONTHS = "januar februar marts april maj juni juli august september oktober november december"
MONTHS = MONTHS.split()
KIND = {"referat": "Referat", "dagsorden": "Dagsorden"}


def long_date(date):
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year}"


def title_line(meeting):
    kind, committee = KIND[meeting.kind], meeting.committee
    return meeting.title or f"{kind} – {committee} den {long_date(meeting.date)}"


def decision_heading(meeting):
    return f"Beslutning i {meeting.committee} den {meeting.date:%d-%m-%Y}"


def member_lines(meeting):
    return meeting.member_lines or [f"{name} ({party})" for name, party in meeting.members]


def absent_lines(meeting):
    return meeting.absent_lines or [f"{name} ({party})" for name, party in meeting.absent]


def soft_hyphens(text):
    """Let the layout hyphenate long words, as meeting systems do: a soft hyphen every few
    letters of words of 13 letters or more."""

    def split(match):
        word = match.group()
        cuts = list(range(5, len(word) - 4, 5))
        return "\u00ad".join(word[a:b] for a, b in zip([0, *cuts], [*cuts, None], strict=True))

    return re.sub(r"\b[A-Za-zæøåÆØÅ]{13,}\b", split, text)


def blocks(text):
    """A section's text as blocks: ("p", text), ("ol", number, text), ("ul", text); a None
    between paragraphs."""
    result = []
    for paragraph in text.split("\n\n"):
        if result:
            result.append(None)
        for line in paragraph.split("\n"):
            if match := re.fullmatch(r"(\d+)\. (.*)", line):
                result.append(("ol", int(match.group(1)), match.group(2)))
            elif line.startswith("- "):
                result.append(("ul", line[2:]))
            else:
                result.append(("p", line))
    return result


def sections_in_order(meeting, item):
    """(heading, text or list of attachments, kind) in the order the minutes show them."""
    shown = [
        ("Beslutningstema", item.decision_theme),
        ("Indstilling", item.recommendation),
    ]
    if meeting.kind == "referat":
        shown.append((decision_heading(meeting), item.decision))
    shown.append(("Sagsfremstilling", item.case_presentation))
    shown += list(item.extra)
    shown.append(("Økonomiske konsekvenser", item.economic_consequences))
    return [(heading, text) for heading, text in shown if text]


# --- fpdf2 ------------------------------------------------------------------------------------


class Pdf(FPDF):
    def __init__(self, meeting, header=None, footer=None):
        super().__init__(format="A4")
        self.meeting = meeting
        self.header_text = header
        self.footer_text = footer
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(True, margin=22)
        self.set_creator("Mødesystem (testkorpus)")
        self.set_producer(f"fpdf2 {fpdf.__version__}")
        # A fixed date: the same source gives the same file, and no churn in git.
        self.set_creation_date(FIXED_DATE)
        self.alias_nb_pages()

    def header(self):
        if self.header_text:
            self.set_font("DejaVu", "", 8)
            left, right = self.header_text
            self.set_y(9)
            self.cell(0, 5, left)
            if right:
                self.set_x(self.l_margin)
                self.cell(0, 5, right, align="R")
            self.set_y(20)

    def footer(self):
        if self.footer_text:
            self.set_y(-14)
            self.set_font("DejaVu", "", 8)
            self.cell(0, 5, self.footer_text.format(page=self.page_no(), nb="{nb}"), align="C")

    def para(self, text, size=10, bold=False, gap=2.5, indent=0, height=None):
        self.set_font("DejaVu", "B" if bold else "", size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            0, height or size * 0.5, soft_hyphens(text), align="L", new_x="LMARGIN", new_y="NEXT"
        )
        if gap:
            self.ln(gap)

    def list_entry(self, marker, text, size=10):
        self.set_font("DejaVu", "", size)
        y = self.get_y()
        if y > self.page_break_trigger - 8:
            self.add_page()
            y = self.get_y()
        self.set_xy(self.l_margin + 2, y)
        self.cell(7, size * 0.5, marker)
        self.set_xy(self.l_margin + 9, y)
        self.multi_cell(0, size * 0.5, soft_hyphens(text), align="L", new_x="LMARGIN", new_y="NEXT")

    def facts_and_people(self, gap):
        """Mødefakta, Medlemmer and Fraværende med afbud, as today's systems print them."""
        meeting = self.meeting
        self.para("Mødefakta", size=12, bold=True, gap=1)
        for label, value in (
            ("Dato", meeting.date_text),
            ("Mødetidspunkt", meeting.time_text),
            (meeting.place_label, meeting.place),
        ):
            self.para(f"{label}: {value}", gap=0)
        self.ln(gap)
        self.para("Medlemmer", size=12, bold=True, gap=1)
        for line in member_lines(meeting):
            self.list_entry(meeting.bullet, line)
        self.ln(gap)
        if absent_lines(meeting):
            self.para("Fraværende med afbud", size=12, bold=True, gap=1)
            for line in absent_lines(meeting):
                self.list_entry(meeting.bullet, line)
            self.ln(gap)

    def text_blocks(self, text, bullet, size=10):
        for block in blocks(text):
            if block is None:
                self.ln(2.5)
            elif block[0] == "p":
                self.para(block[1], size=size, gap=0)
            elif block[0] == "ol":
                self.list_entry(f"{block[1]}.", block[2], size=size)
            else:
                self.list_entry(bullet, block[1], size=size)
        self.ln(3)


def fpdf_modern(meeting, pages=None):
    """The layout of today's meeting systems: running header and footer, Mødefakta, members as
    bullets, table of contents with dotted leaders and page numbers, body smaller than headings.
    """
    agenda = meeting.kind == "dagsorden"
    pdf = Pdf(
        meeting,
        header=(f"{COMMITTEE} – {KIND[meeting.kind]} – {meeting.date:%d-%m-%Y}", None),
        footer="Side {page} af {nb}",
    )
    pdf.add_page()
    pdf.para(title_line(meeting), size=16, bold=True, gap=5, height=8)
    pdf.facts_and_people(gap=4)
    if meeting.remarks:
        pdf.para("Bemærkninger", size=12, bold=True, gap=1)
        pdf.para(meeting.remarks, gap=4)
    pdf.para("Indholdsfortegnelse", size=12, bold=True, gap=1)
    pdf.set_font("DejaVu", "", 10)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for item in meeting.items:
        title = f"{item.number}. {item.written_title or item.title}"
        if agenda:
            pdf.para(title, gap=0)
            continue
        page = str((pages or {}).get(item.number, "00"))
        lines = pdf.multi_cell(width - 25, 5, title, dry_run=True, output="LINES")
        for line in lines[:-1]:
            pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        last = lines[-1]
        room = width - pdf.get_string_width(f"{last}  {page}")
        dots = "." * int(room / pdf.get_string_width("."))
        pdf.cell(0, 5, f"{last} {dots} {page}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    found = {}
    for item in meeting.items:
        if pdf.get_y() > pdf.page_break_trigger - 40:
            pdf.add_page()
        found[item.number] = pdf.page_no()
        pdf.para(f"{item.number}. {item.written_title or item.title}", size=13, bold=True, gap=2)
        if item.closed and not item.written_title:
            pdf.para("Lukket punkt", size=10, bold=True, gap=2)
        for heading, text in sections_in_order(meeting, item):
            pdf.para(heading, size=11, bold=True, gap=1)
            pdf.text_blocks(text, meeting.bullet)
        if item.attachments:
            pdf.para("Bilag", size=11, bold=True, gap=1)
            for title in item.attachments:
                pdf.list_entry(meeting.bullet, title)
            pdf.ln(3)
        pdf.ln(3)
    return bytes(pdf.output()), found


def fpdf_old(meeting, pages=None):
    """An older layout: one size, bold headings, facts and members run on in single lines."""
    pdf = Pdf(meeting, footer="{page}")
    pdf.add_page()
    pdf.para(title_line(meeting), size=12, bold=True, gap=4)
    pdf.para(f"Dato: {meeting.date_text}", gap=0)
    pdf.para(f"Mødetidspunkt: {meeting.time_text}", gap=0)
    pdf.para(f"{meeting.place_label}: {meeting.place}", gap=2)
    members = [f"{name} ({party})" for name, party in meeting.members]
    pdf.para("Medlemmer: " + ", ".join(members[:-1]) + " og " + members[-1], gap=2)
    absent = [f"{name} ({party})" for name, party in meeting.absent]
    pdf.para("Fravær med afbud: " + (" og ".join(absent) or "Ingen"), gap=2)
    if meeting.remarks:
        pdf.para(f"Særlige forhold: {meeting.remarks}", gap=4)
    for item in meeting.items:
        pdf.para(f"{item.number}. {item.title}", bold=True, gap=2)
        for heading, text in sections_in_order(meeting, item):
            pdf.para(heading, bold=True, gap=0.5)
            pdf.text_blocks(text, meeting.bullet)
        if item.attachments:
            pdf.para("Bilag", bold=True, gap=0.5)
            for title in item.attachments:
                pdf.list_entry(meeting.bullet, title)
            pdf.ln(3)
        pdf.ln(2)
    return bytes(pdf.output()), {}


def fpdf_long(meeting, pages=None):
    """A long document: every item on its own page, contents with a 'Side' column."""
    pdf = Pdf(meeting, header=(COMMITTEE, long_date(meeting.date)), footer="- {page} -")
    pdf.add_page()
    pdf.para(title_line(meeting), size=15, bold=True, gap=5, height=8)
    pdf.para("Mødefakta", size=12, bold=True, gap=1)
    for label, value in (
        ("Dato", meeting.date_text),
        ("Mødetidspunkt", meeting.time_text),
        ("Mødested", meeting.place),
    ):
        pdf.para(f"{label}: {value}", gap=0)
    pdf.ln(4)
    pdf.para("Medlemmer", size=12, bold=True, gap=1)
    for name, party in meeting.members:
        pdf.list_entry(meeting.bullet, f"{name} ({party})")
    pdf.ln(4)
    pdf.para("Fraværende med afbud", size=12, bold=True, gap=1)
    for name, party in meeting.absent:
        pdf.list_entry(meeting.bullet, f"{name} ({party})")
    pdf.ln(4)
    pdf.para("Bemærkninger", size=12, bold=True, gap=1)
    pdf.para(meeting.remarks, gap=4)
    pdf.set_font("DejaVu", "B", 12)
    y = pdf.get_y()
    pdf.cell(0, 6, "Punkter til dagsorden")
    pdf.set_xy(pdf.l_margin, y)
    pdf.cell(0, 6, "Side", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("DejaVu", "", 10)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for item in meeting.items:
        page = str((pages or {}).get(item.number, "00"))
        y = pdf.get_y()
        pdf.multi_cell(width - 20, 5, f"{item.number}. {item.title}", new_x="LMARGIN", new_y="NEXT")
        end = pdf.get_y()
        pdf.set_xy(pdf.l_margin, end - 5)
        pdf.cell(0, 5, page, align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(end, y + 5))
    found = {}
    for item in meeting.items:
        pdf.add_page()
        found[item.number] = pdf.page_no()
        pdf.para(f"{item.number}. {item.title}", size=13, bold=True, gap=2)
        if item.closed:
            pdf.para("Lukket punkt", size=10, bold=True, gap=2)
        for heading, text in sections_in_order(meeting, item):
            pdf.para(heading, size=11, bold=True, gap=1)
            pdf.text_blocks(text, meeting.bullet)
        if item.attachments:
            pdf.para("Bilag", size=11, bold=True, gap=1)
            for title in item.attachments:
                pdf.list_entry(meeting.bullet, title)
    return bytes(pdf.output()), found


def fpdf_compact(meeting, pages=None):
    """Another system's layout: facts in two columns, "Punkt 3:" headings, justified text,
    decisions in bold, members without bullets, attachments as "Bilag 1: …", no contents."""
    pdf = Pdf(meeting, footer="Side {page}")
    pdf.add_page()
    pdf.para(
        f"Referat fra mødet i {COMMITTEE} {meeting.date_text.lower()}",
        size=14,
        bold=True,
        gap=5,
        height=7,
    )
    for label, value in (
        ("Dato", meeting.date_text),
        ("Tid", meeting.time_text),
        (meeting.place_label, meeting.place),
    ):
        y = pdf.get_y()
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(35, 5, label)
        pdf.set_font("DejaVu", "", 10)
        pdf.set_xy(pdf.l_margin + 35, y)
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.para("Deltagere", size=11, bold=True, gap=1)
    for name, party in meeting.members:
        pdf.para(f"{name} ({party})", gap=0)
    pdf.ln(3)
    pdf.para("Afbud", size=11, bold=True, gap=1)
    for name, party in meeting.absent:
        pdf.para(f"{name} ({party})", gap=0)
    pdf.ln(6)

    def justified(text):
        for block in blocks(text):
            if block is None:
                pdf.ln(2)
            elif block[0] == "p":
                pdf.set_font("DejaVu", "", 10)
                pdf.multi_cell(
                    0, 5, soft_hyphens(block[1]), align="J", new_x="LMARGIN", new_y="NEXT"
                )
            elif block[0] == "ol":
                pdf.list_entry(f"{block[1]})", block[2])
            else:
                pdf.list_entry(meeting.bullet, block[1])
        pdf.ln(3)

    for item in meeting.items:
        title = f"Lukket punkt – {item.title}" if item.closed else item.title
        pdf.para(f"Punkt {item.number}: {title}", size=12, bold=True, gap=2)
        for heading, text in sections_in_order(meeting, item):
            if heading.startswith("Beslutning i"):
                pdf.para("Beslutning", size=10, bold=True, gap=1)
                for line in text.split("\n"):
                    pdf.para(line, bold=True, gap=0)
                pdf.ln(3)
                continue
            pdf.para(heading, size=10, bold=True, gap=1)
            justified(text)
        if item.attachments:
            pdf.para("Bilag", size=10, bold=True, gap=1)
            for number, title in enumerate(item.attachments, start=1):
                pdf.para(f"Bilag {number}: {title}", gap=0)
            pdf.ln(3)
        pdf.ln(3)
    return bytes(pdf.output()), {}


def with_page_numbers(render, meeting):
    """Render twice: the second time the contents know on which page each item begins."""
    _, pages = render(meeting)
    data, again = render(meeting, pages)
    assert again == pages, f"{meeting.name}: the contents moved the items"
    return data


# --- Word (python-docx) and LibreOffice -------------------------------------------------------


def field_run(paragraph, instruction):
    """A Word field (PAGE, NUMPAGES) that LibreOffice fills in when it prints."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


class Word:
    def __init__(self, meeting):
        self.meeting = meeting
        self.document = docx.Document()
        self.document.core_properties.created = FIXED_DATE
        self.document.core_properties.modified = FIXED_DATE
        style = self.document.styles["Normal"]
        style.font.name = "DejaVu Sans"
        style.font.size = Pt(10)
        style.paragraph_format.space_after = Pt(4)
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
            self.document.styles[name].font.name = "DejaVu Sans"
        self.document.styles["Title"].font.size = Pt(18)
        numbering = self.document.part.numbering_part.element
        self.numbering = numbering
        list_number = self.document.styles["List Number"].element
        self.list_number_num = list_number.pPr.numPr.numId.val
        self.abstract_of_list_number = numbering.num_having_numId(
            self.list_number_num
        ).abstractNumId.val

    def running(self, header, footer_prefix="Side "):
        section = self.document.sections[0]
        section.header.paragraphs[0].text = header
        footer = section.footer.paragraphs[0]
        footer.add_run(footer_prefix)
        field_run(footer, "PAGE")
        footer.add_run(" af ")
        field_run(footer, "NUMPAGES")

    def new_list(self, own_definition=False):
        """A fresh numbered list, restarting at 1 (Word continues a style's list otherwise).

        Lists that share a definition count on together in LibreOffice, whatever their
        overrides: the item headings get a definition of their own.
        """
        abstract = self.abstract_of_list_number
        if own_definition:
            source = self.numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract}"]')[0]
            copy = deepcopy(source)
            abstract = 90
            copy.set(qn("w:abstractNumId"), str(abstract))
            for nsid in copy.findall(qn("w:nsid")):
                nsid.set(qn("w:val"), "0A1B2C3D")
            self.numbering.insert(self.numbering.index(source), copy)
        num = self.numbering.add_num(abstract)
        override = num.add_lvlOverride(ilvl=0)
        override.add_startOverride(1)
        return num.numId

    def numbered(self, text, num_id):
        paragraph = self.document.add_paragraph(soft_hyphens(text), style="List Number")
        numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = num_id
        return paragraph

    def bullet(self, text):
        if self.meeting.bullet == "\uf0b7":
            return self.document.add_paragraph(soft_hyphens(text), style="List Bullet")
        return self.document.add_paragraph(f"{self.meeting.bullet} {soft_hyphens(text)}")

    def text_blocks(self, text):
        num_id = None
        for block in blocks(text):
            if block is None:
                num_id = None
            elif block[0] == "p":
                self.document.add_paragraph(soft_hyphens(block[1]))
            elif block[0] == "ol":
                num_id = num_id or self.new_list()
                self.numbered(block[2], num_id)
            else:
                self.bullet(block[1])

    def facts_table(self, rows):
        table = self.document.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text = label
            cells[1].text = value
            cells[0].width = Cm(4)
            cells[1].width = Cm(12)
        self.document.add_paragraph()

    def contents(self, pages):
        for item in self.meeting.items:
            title = f"{item.number}. {item.written_title or item.title}"
            page = (pages or {}).get(item.number, "00")
            paragraph = self.document.add_paragraph(f"{title}\t{page}")
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )

    def save(self):
        out = io.BytesIO()
        self.document.save(out)
        # The zip entries carry the time they were written: give them a fixed one.
        fixed = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(out.getvalue())) as source,
            zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                entry = zipfile.ZipInfo(info.filename, date_time=(2025, 6, 1, 12, 0, 0))
                entry.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(entry, source.read(info))
        return fixed.getvalue()


def word_modern(meeting, pages=None):
    """Today's layout as a Word document: Mødefakta as a table, Word lists, contents."""
    word = Word(meeting)
    doc = word.document
    word.running(f"{COMMITTEE} – {KIND[meeting.kind]} – {meeting.date:%d-%m-%Y}")
    doc.add_paragraph(title_line(meeting), style="Title")
    doc.add_heading("Mødefakta", 2)
    rows = [
        ("Dato", meeting.date_text),
        ("Mødetidspunkt", meeting.time_text),
        (meeting.place_label, meeting.place),
    ]
    rows += [tuple(fact.split(": ", 1)) for fact in meeting.unknown_facts]
    word.facts_table(rows)
    doc.add_heading("Medlemmer", 2)
    for name, party in meeting.members:
        word.bullet(f"{name} ({party})")
    if meeting.absent:
        doc.add_heading("Fraværende med afbud", 2)
        for name, party in meeting.absent:
            word.bullet(f"{name} ({party})")
    if meeting.remarks:
        doc.add_heading("Bemærkninger", 2)
        doc.add_paragraph(meeting.remarks)
    doc.add_heading("Indholdsfortegnelse", 2)
    word.contents(pages)
    for item in meeting.items:
        doc.add_heading(f"{item.number}. {item.written_title or item.title}", 1)
        if item.pre:
            doc.add_paragraph(item.pre)
        for heading, text in sections_in_order(meeting, item):
            doc.add_heading(heading, 3)
            word.text_blocks(text)
        if item.attachments:
            doc.add_heading("Bilag", 3)
            for title in item.attachments:
                word.bullet(title)
        if item.after_attachments:
            doc.add_paragraph(item.after_attachments)
    return word.save()


def word_numbered(meeting, pages=None):
    """Item headings numbered by Word itself (Heading 1 with automatic numbering), no contents."""
    word = Word(meeting)
    doc = word.document
    word.running(f"{COMMITTEE} – {meeting.date:%d-%m-%Y}")
    doc.add_paragraph(title_line(meeting), style="Title")
    doc.add_heading("Mødefakta", 2)
    rows = [
        ("Dato", meeting.date_text),
        ("Mødetidspunkt", meeting.time_text),
        (meeting.place_label, meeting.place),
    ]
    rows += [tuple(fact.split(": ", 1)) for fact in meeting.unknown_facts]
    word.facts_table(rows)
    doc.add_heading("Medlemmer", 2)
    for name, party in meeting.members:
        word.bullet(f"{name} ({party})")
    doc.add_heading("Fraværende med afbud", 2)
    for name, party in meeting.absent:
        word.bullet(f"{name} ({party})")
    heading_num = word.new_list(own_definition=True)
    for item in meeting.items:
        paragraph = doc.add_heading(item.title, 1)
        numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = heading_num
        for heading, text in sections_in_order(meeting, item):
            doc.add_heading(heading, 2)
            word.text_blocks(text)
        if item.attachments:
            doc.add_heading("Bilag", 2)
            for title in item.attachments:
                word.bullet(title)
    return word.save()


def word_old(meeting, pages=None):
    """The older run-on layout as a Word document: bold labels and headings, one font size."""
    word = Word(meeting)
    doc = word.document

    def bold(text):
        doc.add_paragraph().add_run(text).bold = True

    doc.add_paragraph().add_run(title_line(meeting)).bold = True
    doc.add_paragraph(f"Dato: {meeting.date_text}")
    doc.add_paragraph(f"Mødetidspunkt: {meeting.time_text}")
    doc.add_paragraph(f"{meeting.place_label}: {meeting.place}")
    members = [f"{name} ({party})" for name, party in meeting.members]
    doc.add_paragraph("Medlemmer: " + ", ".join(members[:-1]) + " og " + members[-1])
    absent = [f"{name} ({party})" for name, party in meeting.absent]
    doc.add_paragraph("Fravær med afbud: " + " og ".join(absent))
    doc.add_paragraph(f"Særlige forhold: {meeting.remarks}")
    for item in meeting.items:
        bold(f"{item.number}. {item.title}")
        for heading, text in sections_in_order(meeting, item):
            bold(heading)
            word.text_blocks(text)
        if item.attachments:
            bold("Bilag")
            for title in item.attachments:
                word.bullet(title)
    return word.save()


def word_tables(meeting, pages=None):
    """Another Word layout: the title over two paragraphs, facts and members in one table,
    "Punkt 3 – Title" headings, sections as bold labels in the paragraph ("Indstilling: …"),
    decisions with soft line breaks, "Ingen bilag."."""
    word = Word(meeting)
    doc = word.document
    doc.add_paragraph("Referat", style="Title")
    doc.add_paragraph(f"{COMMITTEE}, {meeting.date_text.lower()}", style="Subtitle")
    table = doc.add_table(rows=0, cols=2)
    for label, value in (
        ("Tid:", meeting.time_text),
        (f"{meeting.place_label}:", meeting.place),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    cells = table.add_row().cells
    cells[0].text = "Medlemmer:"
    cells[1].text = "\n".join(f"{name} ({party})" for name, party in meeting.members)
    cells[1].paragraphs[0].text = ""
    cell = cells[1]
    cell.paragraphs[0].add_run(f"{meeting.members[0][0]} ({meeting.members[0][1]})")
    for name, party in meeting.members[1:]:
        cell.add_paragraph(f"{name} ({party})")
    cells = table.add_row().cells
    cells[0].text = "Afbud:"
    cells[1].text = ", ".join(f"{name} ({party})" for name, party in meeting.absent)
    doc.add_paragraph()
    for item in meeting.items:
        doc.add_heading(f"Punkt {item.number} – {item.title}", 2)
        if item.closed:
            doc.add_paragraph().add_run("Lukket punkt").bold = True
        for heading, text in sections_in_order(meeting, item):
            label = "Beslutning" if heading.startswith("Beslutning i") else heading
            first, _, rest = text.partition("\n\n")
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            lines = first.split("\n")
            if len(lines) > 1 and blocks(first)[1][0] != "p":
                # A list cannot go inside the label's paragraph: the label stands alone.
                paragraph.add_run(lines[0])
                word.text_blocks("\n".join(lines[1:]))
            else:
                paragraph.add_run(lines[0])
                for line in lines[1:]:
                    paragraph.add_run().add_break()
                    paragraph.add_run(line)
            if rest:
                word.text_blocks(rest)
        if item.attachments:
            doc.add_paragraph().add_run("Bilag").bold = True
            for title in item.attachments:
                word.bullet(title)
        else:
            paragraph = doc.add_paragraph()
            paragraph.add_run("Bilag: ").bold = True
            paragraph.add_run("Ingen bilag.")
    return word.save()


def libreoffice_pdf(docx_bytes):
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "referat.docx"
        source.write_bytes(docx_bytes)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return (Path(folder) / "referat.pdf").read_bytes()


def item_pages(pdf_bytes, meeting):
    """On which page of a printed PDF each item heading stands (after the contents)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    found, start = {}, 0
    texts = [page.extract_text() for page in reader.pages]
    for item in meeting.items:
        heading = f"{item.number}. {item.written_title or item.title}"[:30]
        for number in range(start, len(texts)):
            lines = [line.strip() for line in texts[number].splitlines()]
            # The contents' entries have dotted leaders; the heading itself has none.
            hits = [line for line in lines if line.startswith(heading) and ".." not in line]
            if hits:
                found[item.number] = number + 1
                start = number
                break
    return found


def libreoffice(render, meeting):
    first = libreoffice_pdf(render(meeting))
    pages = item_pages(first, meeting)
    return libreoffice_pdf(render(meeting, pages))


# --- layouts of the meeting systems clerks actually have ------------------------------------

# The section headings as other systems name them.
PROTOCOL_HEADINGS = {"Beslutningstema": "Resumé", "Økonomiske konsekvenser": "Økonomi"}


def html_blocks(text):
    """A section's text as the web page's HTML: paragraphs and lists."""
    out, open_list = [], None
    for block in [*blocks(text), None]:
        kind = block[0] if block else None
        wanted = {"ol": "ol", "ul": "ul"}.get(kind)
        if open_list and open_list != wanted:
            out.append(f"</{open_list}>")
            open_list = None
        if wanted and not open_list:
            out.append(f"<{wanted}>")
            open_list = wanted
        if kind == "p":
            out.append(f"<p>{html.escape(block[1])}</p>")
        elif kind in ("ol", "ul"):
            out.append(f"<li>{html.escape(block[-1])}</li>")
    return "\n".join(out)


WEB_STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 10pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; }
h3 { font-size: 12pt; margin: 16pt 0 4pt; } h4 { font-size: 10.5pt; margin: 8pt 0 2pt; }
p { margin: 0 0 6pt; } ul, ol { margin: 0 0 6pt; } .tools { font-size: 8pt; }
"""


def web_html(meeting):
    """The meeting system's web page of a meeting: what Chromium prints and a browser copies."""
    e = html.escape
    out = [
        f"<!doctype html><html lang='da'><head><meta charset='utf-8'><style>{WEB_STYLE}</style>"
        "</head><body>",
        "<p class='tools'><a href='#'>Udskriv</a></p>",
        f"<h1>{e(title_line(meeting))}</h1>",
        "<h2>Mødefakta</h2>",
        f"<p>Dato: {e(meeting.date_text)}<br>Mødetidspunkt: {e(meeting.time_text)}<br>"
        f"Mødested: {e(meeting.place)}</p>",
        "<h2>Medlemmer</h2><ul>",
        *(f"<li>{e(line)}</li>" for line in member_lines(meeting)),
        "</ul>",
    ]
    if absent_lines(meeting):
        heading = (
            "Fraværende" if meeting.name.startswith("referat-2018-12") else ("Fraværende med afbud")
        )
        out += [f"<h2>{heading}</h2><ul>", *(f"<li>{e(x)}</li>" for x in absent_lines(meeting))]
        out.append("</ul>")
    if meeting.remarks:
        out += ["<h2>Bemærkninger</h2>", html_blocks(meeting.remarks)]
    out.append("<h2>Indholdsfortegnelse</h2>")
    for item in meeting.items:
        out.append(f"<h3>{item.number}. {e(item.written_title or item.title)}</h3>")
        if item.closed and not item.written_title:
            out.append("<p><strong>Lukket punkt</strong></p>")
        for heading, text in sections_in_order(meeting, item):
            out += [f"<h4>{e(heading)}</h4>", html_blocks(text)]
        if item.attachments:
            out.append("<h4>Bilag</h4><ul>")
            out += [f"<li>{e(title)}</li>" for title in item.attachments]
            out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out)


def chromium(meeting, *, text=False):
    """The web page printed to PDF by Chromium (header and footer on every page, as a browser
    prints them), or its text as a clerk copies it from the browser (innerText)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.set_content(web_html(meeting))
        if text:
            data = page.inner_text("body").encode()
        else:
            small = "font-family: DejaVu Sans; font-size: 8px; width: 100%; margin: 0 18mm;"
            data = page.pdf(
                format="A4",
                display_header_footer=True,
                header_template=f"<div style='{small}'>{meeting.committee} - "
                f"{KIND[meeting.kind]} - {meeting.date:%d-%m-%Y}</div>",
                footer_template=f"<div style='{small} text-align: center'>Side "
                "<span class='pageNumber'></span> af <span class='totalPages'></span></div>",
                margin={"top": "22mm", "bottom": "20mm", "left": "18mm", "right": "18mm"},
            )
        browser.close()
    return data


def fpdf_run_on(meeting, pages=None):
    """The older layout of 2012-2013: committee and kind on lines of their own, then every fact,
    the members and the absentees run on in one paragraph (bold labels, values after them);
    contents headed "Punkter til dagsorden … Side"; headings bold in the body's size."""
    pdf = Pdf(meeting, header=(meeting.committee, f"{meeting.date:%d-%m-%Y}"), footer="{page}")
    pdf.add_page()
    pdf.para(meeting.committee, size=16, bold=True, gap=2, height=8)
    pdf.para(KIND[meeting.kind], size=13, bold=True, gap=4, height=7)
    facts = [
        ("Dato", meeting.date_text),
        ("Mødetidspunkt", meeting.time_text),
        *(("Særlige forhold", fact) for fact in meeting.unknown_facts),
        (meeting.place_label, meeting.place),
        ("Medlemmer", ", ".join(name for name, _ in meeting.members)),
        ("Fravær med afbud", ", ".join(name for name, _ in meeting.absent)),
    ]
    if meeting.remarks:
        facts.append(("Bemærkninger", meeting.remarks))
    pdf.set_font("DejaVu", "", 10)
    run_on = " ".join(f"**{label}:** {value}" for label, value in facts)
    pdf.multi_cell(0, 5, run_on, markdown=True, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.para("Indholdsfortegnelse", size=12, bold=True, gap=1)
    pdf.set_font("DejaVu", "B", 10)
    y = pdf.get_y()
    pdf.cell(0, 5, "Punkter til dagsorden")
    pdf.set_xy(pdf.l_margin, y)
    pdf.cell(0, 5, "Side", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    for item in meeting.items:
        y = pdf.get_y()
        pdf.cell(0, 5, f"{item.number}. {item.title}")
        pdf.set_xy(pdf.l_margin, y)
        page = str((pages or {}).get(item.number, "00"))
        pdf.cell(0, 5, page, align="R", new_x="LMARGIN", new_y="NEXT")
    found = {}
    pdf.add_page()
    for item in meeting.items:
        if pdf.get_y() > pdf.page_break_trigger - 40:
            pdf.add_page()
        found[item.number] = pdf.page_no()
        pdf.para(f"{item.number}. {item.title}", bold=True, gap=2)
        shown = sections_in_order(meeting, item)
        for heading, text in shown:
            heading = "Beslutning" if heading.startswith("Beslutning i") else heading
            pdf.para(heading, bold=True, gap=0.5)
            pdf.text_blocks(text, meeting.bullet)
        if item.attachments:
            pdf.para("Bilag", bold=True, gap=0.5)
            for title in item.attachments:
                pdf.list_entry(meeting.bullet, title)
            pdf.ln(3)
        pdf.ln(3)
    return bytes(pdf.output()), found


def fpdf_case_numbers(meeting, pages=None):
    """Another municipality's system: the title carries time and place, "Til stede" and
    "Fraværende med afbud" as labels, contents and items headed "Sag nr. 12"."""
    pdf = Pdf(meeting, header=(f"{meeting.committee} {meeting.date:%d.%m.%Y}", None),
              footer="Side {page} af {nb}")  # fmt: skip
    pdf.add_page()
    pdf.para(title_line(meeting), size=14, bold=True, gap=5, height=7)
    pdf.para("Til stede: " + " ".join(member_lines(meeting)), gap=1)
    pdf.para("Fraværende med afbud: " + ", ".join(absent_lines(meeting)), gap=5)
    pdf.para("Indholdsfortegnelse", size=12, bold=True, gap=1)
    pdf.set_font("DejaVu", "", 10)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for item in meeting.items:
        title = f"Sag nr. {item.number} {item.title}"
        page = str((pages or {}).get(item.number, "00"))
        room = width - pdf.get_string_width(f"{title}  {page}")
        dots = "." * int(room / pdf.get_string_width("."))
        pdf.cell(0, 5, f"{title} {dots} {page}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    found = {}
    for item in meeting.items:
        if pdf.get_y() > pdf.page_break_trigger - 40:
            pdf.add_page()
        found[item.number] = pdf.page_no()
        pdf.para(f"Sag nr. {item.number} {item.title}", size=12, bold=True, gap=2)
        for heading, text in sections_in_order(meeting, item):
            pdf.para(heading, size=10, bold=True, gap=1)
            pdf.text_blocks(text, meeting.bullet)
        if item.attachments:
            pdf.para("Bilag", size=10, bold=True, gap=1)
            for title in item.attachments:
                pdf.list_entry(meeting.bullet, title)
            pdf.ln(2)
    return bytes(pdf.output()), found


def fpdf_point_words(meeting, pages=None):
    """ "Referat til mødet i …" with the date under Dato, members without party letters, and
    items headed "Punkt 3 Title" with "Åbent punkt" or "Lukket punkt" under the heading."""
    pdf = Pdf(meeting, footer="{page}")
    pdf.add_page()
    pdf.para(title_line(meeting), size=15, bold=True, gap=4, height=7)
    for label, value in (
        ("Dato", meeting.date_text),
        ("Tidspunkt", meeting.time_text),
        (meeting.place_label, meeting.place),
    ):
        pdf.para(f"{label}: {value}", gap=0)
    pdf.ln(3)
    pdf.para("Medlemmer", size=11, bold=True, gap=1)
    for line in member_lines(meeting):
        pdf.para(line, gap=0)
    pdf.ln(3)
    pdf.para("Fraværende", size=11, bold=True, gap=1)
    for line in absent_lines(meeting):
        pdf.para(line, gap=0)
    pdf.ln(3)
    pdf.para("Bemærkninger", size=11, bold=True, gap=1)
    pdf.para(meeting.remarks, gap=5)
    for item in meeting.items:
        if pdf.get_y() > pdf.page_break_trigger - 40:
            pdf.add_page()
        pdf.para(f"Punkt {item.number} {item.title}", size=12, bold=True, gap=1)
        pdf.para("Lukket punkt" if item.closed else "Åbent punkt", size=9, gap=2)
        for heading, text in sections_in_order(meeting, item):
            pdf.para(heading, size=10, bold=True, gap=1)
            pdf.text_blocks(text, meeting.bullet)
        if item.attachments:
            pdf.para("Bilag", size=10, bold=True, gap=1)
            for title in item.attachments:
                pdf.list_entry(meeting.bullet, title)
        pdf.ln(2)
    return bytes(pdf.output()), {}


def fpdf_one_page(meeting, pages=None):
    """A short agenda on one page, with a running header and "Side 1 af 1" below."""
    pdf = Pdf(
        meeting,
        header=(f"{meeting.committee} · {KIND[meeting.kind]} · {meeting.date:%d-%m-%Y}", None),
        footer="Side {page} af {nb}",
    )
    pdf.add_page()
    pdf.para(title_line(meeting), size=15, bold=True, gap=4, height=7)
    pdf.facts_and_people(gap=3)
    pdf.para("Indholdsfortegnelse", size=12, bold=True, gap=2)
    for item in meeting.items:
        pdf.para(f"{item.number}. {item.title}", size=12, bold=True, gap=1)
        for heading, text in sections_in_order(meeting, item):
            pdf.para(heading, size=10.5, bold=True, gap=1)
            pdf.text_blocks(text, meeting.bullet)
    assert pdf.page_no() == 1, f"{meeting.name} must fit on one page"
    return bytes(pdf.output()), {}


def word_protocol(meeting, pages=None):
    """A "Beslutningsprotokol": committee, date, time and place on lines of their own, the
    members as paragraphs, absentees after "Afbud:" and "Fraværende:", items numbered across
    the year, each under "Åbent punkt" or "Lukket punkt"; "Resumé" and "Økonomi" as headings."""
    word = Word(meeting)
    doc = word.document
    word.running(f"{meeting.committee} – Beslutningsprotokol – {meeting.date:%d-%m-%Y}")
    doc.add_paragraph("Beslutningsprotokol", style="Title")
    doc.add_paragraph().add_run(meeting.committee).bold = True
    for line in (meeting.date_text, meeting.time_text, meeting.place):
        doc.add_paragraph(line)
    doc.add_heading("Deltagere", 2)
    for line in member_lines(meeting):
        doc.add_paragraph(line)
    for line in absent_lines(meeting):
        label, _, names = line.partition(": ")
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(names)
    for item in meeting.items:
        marker = doc.add_paragraph()
        marker.add_run("Lukket punkt" if item.closed else "Åbent punkt").italic = True
        doc.add_heading(f"{item.number}. {item.title}", 2)
        for heading, text in sections_in_order(meeting, item):
            heading = "Beslutning" if heading.startswith("Beslutning i") else heading
            doc.add_heading(PROTOCOL_HEADINGS.get(heading, heading), 3)
            word.text_blocks(text)
        if item.attachments:
            doc.add_heading("Bilag", 3)
            for title in item.attachments:
                word.bullet(title)
    return word.save()


def word_unnumbered(meeting, pages=None):
    """A small municipality's Word template: "<Udvalg> - Referat", facts as labelled lines,
    items as bold paragraphs without numbers, sections as bold labels on lines of their own."""
    word = Word(meeting)
    doc = word.document
    doc.add_paragraph(title_line(meeting), style="Title")
    for label, value in (
        ("Mødedato", meeting.date_text),
        ("Mødetidspunkt", meeting.time_text),
        ("Mødested", meeting.place),
        ("Til stede", " ".join(member_lines(meeting))),
    ):
        doc.add_paragraph(f"{label}: {value}")
    for line in absent_lines(meeting):
        doc.add_paragraph(line)
    for item in meeting.items:
        heading = doc.add_paragraph()
        heading.paragraph_format.space_before = Pt(14)
        run = heading.add_run(item.title)
        run.bold = True
        run.font.size = Pt(12)
        for section, text in sections_in_order(meeting, item):
            section = "Beslutning" if section.startswith("Beslutning i") else section
            doc.add_paragraph().add_run(section).bold = True
            word.text_blocks(text)
        if item.attachments:
            doc.add_paragraph().add_run("Bilag").bold = True
            for title in item.attachments:
                word.bullet(title)
    return word.save()


# --- the files that are not meetings ----------------------------------------------------------


def scanned_pdf():
    """A page that is only a picture of text, as a scanner makes it: no text layer at all."""
    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    lines = [
        "Referat - Almenboligudvalg Hvidovre",
        "Dato: Tirsdag den 29. maj 2018",
        "Mødested: Rådhuset",
        "1. Godkendelse af dagsorden",
        "Godkendt.",
    ]
    for number, line in enumerate(lines):
        draw.text((60, 80 + number * 40), line, fill=0)
    png = io.BytesIO()
    image.save(png, format="PNG")
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_page()
    pdf.image(io.BytesIO(png.getvalue()), x=0, y=0, w=210)
    return bytes(pdf.output())


def damaged_pdf(good):
    """A PDF cut short, as an interrupted upload leaves it."""
    return good[: int(len(good) * 0.55)]


FPDF_LAYOUTS = {"modern": fpdf_modern, "modern-agenda": fpdf_modern, "old": fpdf_old,
                "long": fpdf_long, "compact": fpdf_compact, "run-on": fpdf_run_on,
                "case-numbers": fpdf_case_numbers, "point-words": fpdf_point_words,
                "one-page": fpdf_one_page}  # fmt: skip
WORD_LAYOUTS = {
    "word-modern": word_modern,
    "word-numbered": word_numbered,
    "word-old": word_old,
    "word-tables": word_tables,
    "protocol": word_protocol,
    "unnumbered": word_unnumbered,
}


def main(names=()):
    """Write every document, or only the meetings named (LibreOffice and Chromium stamp their
    PDFs with the time they were printed: regenerating all of them churns the repository)."""
    for meeting in MEETINGS:
        if names and meeting.name not in names:
            continue
        target = HERE / file_name(meeting)
        if meeting.generator in ("chromium", "chromium-text"):
            data = chromium(meeting, text=meeting.generator == "chromium-text")
        elif meeting.generator == "fpdf2":
            data = with_page_numbers(FPDF_LAYOUTS[meeting.layout], meeting)
        elif meeting.generator == "libreoffice":
            data = libreoffice(WORD_LAYOUTS[meeting.layout], meeting)
        elif meeting.generator == "docx":
            data = WORD_LAYOUTS[meeting.layout](meeting)
        else:
            pdf = with_page_numbers(FPDF_LAYOUTS[meeting.layout], meeting)
            with tempfile.TemporaryDirectory() as folder:
                source = Path(folder) / "referat.pdf"
                source.write_bytes(pdf)
                subprocess.run(
                    ["pdftotext", "-enc", "UTF-8", str(source), str(Path(folder) / "out.txt")],
                    check=True,
                )
                data = (Path(folder) / "out.txt").read_bytes()
        target.write_bytes(data)
        print(f"{target.name:40} {len(data):>7} bytes  {meeting.generator}")
    if names:
        return
    (HERE / "scannet.pdf").write_bytes(scanned_pdf())
    good = (HERE / "referat-2018-05-29.pdf").read_bytes()
    (HERE / "beskadiget.pdf").write_bytes(damaged_pdf(good))
    print("scannet.pdf, beskadiget.pdf")


if __name__ == "__main__":
    if not all(shutil.which(tool) for tool in ("soffice", "pdftotext", "chromium")):
        sys.exit("Needs LibreOffice (soffice), poppler-utils (pdftotext) and Debian's chromium.")
    main(sys.argv[1:])
