"""Reading the clerk's minutes document: the corpus in tests/minutes/documents, bad files, pasted
text, and the decision reader. No database: the reading layer is pure.
"""

import io
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from minutes.importing import (
    DocumentError,
    parse_text,
    pdf_layout,
    read_decision,
    read_document,
    reader,
)
from minutes.importing.lines import join_wrapped, reflow
from minutes.importing.plaintext import read_text
from minutes.importing.structure import is_structural
from tests.minutes.documents.corpus import BAD_FILES, MEETINGS, expected, file_name
from tests.minutes.import_accuracy import DOCUMENTS, measure, normal, read

BY_NAME = {meeting.name: meeting for meeting in MEETINGS}


def corpus_bytes(name):
    return (DOCUMENTS / name).read_bytes()


@pytest.fixture(scope="module")
def corpus_measure():
    return measure()


# --- the corpus, document by document ---------------------------------------------------------


@pytest.mark.parametrize("meeting", MEETINGS, ids=lambda meeting: meeting.name)
def test_each_corpus_document_gives_the_meeting_it_was_made_from(meeting):
    document = read(meeting)
    want = expected(meeting)

    assert document.kind == want["kind"]
    assert document.committee_name == want["committee_name"]
    assert document.date == want["date"]
    assert document.start_time == want["start_time"]
    assert document.place == want["place"]
    assert [(p.name, p.party, p.status) for p in document.participants] == want["participants"]
    assert normal(document.remarks) == normal(want["remarks"])
    assert [(i.number, i.title, i.is_closed) for i in document.items] == [
        (i["number"], i["title"], i["is_closed"]) for i in want["items"]
    ]
    for item, wanted in zip(document.items, want["items"], strict=True):
        assert {key: normal(text) for key, text in item.sections.items()} == {
            key: normal(text) for key, text in wanted["sections"].items()
        }, f"punkt {item.number}"
        assert item.attachments == wanted["attachments"], f"punkt {item.number}"
        assert item.outcome == wanted["outcome"], f"punkt {item.number}"
        assert [(v.party, v.position) for v in item.votes] == wanted["votes"]


@pytest.mark.parametrize(
    "meeting", [m for m in MEETINGS if m.notes], ids=lambda meeting: meeting.name
)
def test_the_notes_name_what_was_put_elsewhere_and_where(meeting):
    messages = [note.message for note in read(meeting).notes]
    for wanted in meeting.notes:
        assert any(wanted in message for message in messages), (wanted, messages)


def test_an_unknown_section_is_kept_under_sagsfremstilling_with_its_heading_first():
    document = read(BY_NAME["referat-2021-11-30"])
    case = document.items[1].sections["case_presentation"]

    assert "\n\nTrafikale forhold\nDer etableres 20 nye cykelparkeringspladser" in case
    assert "\n\nKommunikation\nBeslutningen meddeles" in case
    notes = document.notes_for(2)
    assert any(
        "“Trafikale forhold”" in n.message and "Sagsfremstilling" in n.message for n in notes
    )


def test_the_corpus_has_items_and_sections_in_the_right_field_at_least_95_percent(
    corpus_measure,
):
    overall, _ = corpus_measure
    assert overall.items_and_sections >= 0.95, overall.misses


def test_every_word_of_the_corpus_source_text_is_kept(corpus_measure):
    overall, _ = corpus_measure
    assert overall.source_words > 3000
    assert overall.kept_words == overall.source_words, overall.lost


def test_every_list_entry_of_the_corpus_stays_a_line_of_its_own(corpus_measure):
    overall, _ = corpus_measure
    assert overall.total["list entry"] > 50
    assert overall.right["list entry"] == overall.total["list entry"], overall.misses


def test_each_corpus_document_is_read_well_within_the_time_the_admin_allows(corpus_measure):
    _, per_document = corpus_measure
    slow = {name: seconds for name, (_, seconds) in per_document.items() if seconds > 5}
    assert not slow


def test_the_corpus_has_the_documents_the_issue_asks_for():
    files = sorted(path.name for path in DOCUMENTS.iterdir() if path.suffix != ".py")
    producers = set()
    for name in files:
        if name.endswith(".pdf") and name not in BAD_FILES:
            producers.add(str(PdfReader(DOCUMENTS / name).metadata.get("/Producer", "")))
    kinds = {meeting.kind for meeting in MEETINGS}

    assert len(files) >= 14
    assert all(file_name(meeting) in files for meeting in MEETINGS)
    assert any("fpdf" in producer.lower() for producer in producers)
    assert any("libreoffice" in producer.lower() for producer in producers)
    assert any(name.endswith(".docx") for name in files)
    assert kinds == {"referat", "dagsorden"}
    assert sum(meeting.layout.endswith("old") for meeting in MEETINGS) >= 2
    assert any(len(meeting.items) >= 10 for meeting in MEETINGS)
    assert any(item.closed for meeting in MEETINGS for item in meeting.items)


def test_the_long_document_loses_its_running_headers_and_page_numbers():
    document = read(BY_NAME["referat-2020-06-16"])
    everything = "\n".join(
        [document.remarks]
        + [text for item in document.items for text in item.sections.values()]
        + [item.title for item in document.items]
    )
    assert "Side" not in everything.split()
    assert "- 3 -" not in everything
    assert any("Sidehoveder" in note.message for note in document.notes)


def test_words_hyphenated_across_lines_are_joined():
    document = read(BY_NAME["referat-2018-05-29"])
    text = document.items[1].sections["recommendation"]
    raw = PdfReader(DOCUMENTS / "referat-2018-05-29.pdf").pages[1].extract_text()

    assert "anskaffels-\nessum" in raw  # the layout did hyphenate it
    assert "anskaffelsessum" in text


def test_lists_stay_lists_that_the_site_renders_as_lists():
    from minutes.templatetags.minutes_text import minutes_text

    document = read(BY_NAME["referat-2019-03-12"])  # Word lists, "" bullets
    recommendation = minutes_text(document.items[1].sections["recommendation"])
    case = minutes_text(document.items[1].sections["case_presentation"])

    assert "<ol><li>at tilsynsrapporten godkendes</li></ol>" in recommendation
    assert "<ul><li>regnskaber og revisionsprotokoller</li>" in case


def test_the_table_of_contents_never_makes_items_twice():
    document = read(BY_NAME["referat-2018-05-29"])
    assert [item.number for item in document.items] == [1, 2, 3, 4, 5, 6]
    assert "....." not in document.remarks


def test_an_indented_first_line_starts_a_paragraph_where_paragraphs_have_no_gap():
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"  # Danish letters and dashes, no font files needed
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.text(20, 20, "Referat – Almenboligudvalg Hvidovre den 29. maj 2018")
    pdf.set_font("Helvetica", "B", 12)
    pdf.text(20, 32, "1. Skema B")
    pdf.set_font("Helvetica", "B", 10)
    pdf.text(20, 40, "Sagsfremstilling")
    pdf.set_font("Helvetica", "", 10)
    rows = [
        (28, "Første afsnit om sagen, som er langt nok til at fylde mere end en hel linje,"),
        (20, "så det brydes om på næste linje og slutter her med et punktum og lidt mere tekst."),
        (28, "Andet afsnit begynder her med et indrykket første ord og fortsætter på næste"),
        (20, "linje, hvor det slutter, og et tredje afsnit følger efter det uden mellemrum."),
    ]
    for number, (x, text) in enumerate(rows):
        pdf.text(x, 47 + 5 * number, text)  # 5 mm apart: no gap between paragraphs

    document = read_document(io.BytesIO(bytes(pdf.output())), "referat.pdf")
    paragraphs = document.items[0].sections["case_presentation"].split("\n\n")
    assert [paragraph[:13] for paragraph in paragraphs] == ["Første afsnit", "Andet afsnit "]
    assert "linje, så det brydes" in paragraphs[0]


# --- files that are not minutes -----------------------------------------------------------------


def test_a_scanned_pdf_without_text_is_refused_with_a_danish_explanation():
    with pytest.raises(DocumentError, match=r"ingen tekst, der kan læses\. Det er måske skannet"):
        read_document(io.BytesIO(corpus_bytes("scannet.pdf")), "scannet.pdf")


def test_a_pdf_cut_short_is_refused_as_damaged():
    with pytest.raises(DocumentError, match="beskadiget"):
        read_document(io.BytesIO(corpus_bytes("beskadiget.pdf")), "beskadiget.pdf")


def test_a_pdf_with_garbage_in_the_middle_is_refused_or_read_never_anything_else():
    good = corpus_bytes("referat-2018-05-29.pdf")
    outcomes = set()
    generator = random.Random(9)
    for _ in range(8):
        damaged = bytearray(good)
        start = generator.randrange(2000, len(good) - 3000)
        damaged[start : start + 400] = bytes(generator.randrange(256) for _ in range(400))
        try:
            read_document(io.BytesIO(bytes(damaged)), "x.pdf")
            outcomes.add("read")
        except DocumentError:
            outcomes.add("refused")
    assert outcomes <= {"read", "refused"} and outcomes


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Referat - Almenboligudvalg Hvidovre\nGodkendt.\n", "hverken en PDF eller et Word"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "billede"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "billede"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "ældre Word-dokument"),
        (b"", "hverken en PDF eller et Word"),
    ],
    ids=["txt", "png", "jpeg", "doc", "empty"],
)
def test_files_of_other_kinds_are_refused_with_a_danish_message(content, message):
    with pytest.raises(DocumentError, match=message):
        read_document(io.BytesIO(content), "upload.pdf")


def test_a_zip_that_is_not_a_word_document_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("content.xml", "<x/>")
    with pytest.raises(DocumentError, match="hverken en PDF eller et Word"):
        read_document(io.BytesIO(archive.getvalue()), "referat.odt")


def test_a_word_document_cut_short_is_refused():
    good = corpus_bytes("referat-2019-11-19.docx")
    with pytest.raises(DocumentError):
        read_document(io.BytesIO(good[: len(good) // 2]), "referat.docx")


def test_a_word_document_whose_xml_is_broken_is_refused_as_damaged():
    source = zipfile.ZipFile(io.BytesIO(corpus_bytes("referat-2019-11-19.docx")))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(info, data)
    with pytest.raises(DocumentError, match="Word-dokumentet kan ikke læses"):
        read_document(io.BytesIO(broken.getvalue()), "referat.docx")


def test_a_pdf_locked_with_a_password_is_refused():
    writer = PdfWriter(clone_from=DOCUMENTS / "referat-2012-09-18.pdf")
    writer.encrypt("hemmelig", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(DocumentError, match="adgangskode"):
        read_document(io.BytesIO(locked.getvalue()), "låst.pdf")


def test_a_pdf_with_text_that_is_not_minutes_is_refused():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 6, "Indkøbsliste: mælk, brød og kaffe til personalerummet. " * 3)
    with pytest.raises(DocumentError, match="ligner ikke et referat"):
        read_document(io.BytesIO(bytes(pdf.output())), "liste.pdf")


@pytest.mark.parametrize("text", ["", "   \n\n\t ", None])
def test_empty_pasted_text_is_refused(text):
    with pytest.raises(DocumentError, match="ingen tekst at læse"):
        parse_text(text)


# --- bounds -----------------------------------------------------------------------------------


def test_a_document_longer_than_the_page_limit_is_read_up_to_it_and_the_clerk_is_told(
    monkeypatch,
):
    monkeypatch.setattr(reader, "MAX_PAGES", 3)
    document = read(BY_NAME["referat-2020-06-16"])

    assert document.pages == len(PdfReader(DOCUMENTS / "referat-2020-06-16.pdf").pages) > 3
    assert max(item.number for item in document.items) < 13
    assert any("kun de første 3 er læst" in note.message for note in document.notes)


def test_the_bounds_can_be_given_by_the_caller_and_the_upload_is_rewound():
    upload = io.BytesIO(corpus_bytes("referat-2020-06-16.pdf"))
    document = read_document(upload, "referat.pdf", max_pages=2)

    assert upload.tell() == 0
    assert any("kun de første 2 er læst" in note.message for note in document.notes)


def test_reading_stops_at_the_time_limit_and_says_so(monkeypatch):
    class Clock:
        now = 0.0

        @classmethod
        def monotonic(cls):
            cls.now += 4.0  # every page "takes" a few seconds
            return cls.now

    monkeypatch.setattr(pdf_layout, "time", Clock)
    monkeypatch.setattr(reader, "time", Clock)
    document = read(BY_NAME["referat-2020-06-16"])

    assert any("tog for lang tid" in note.message for note in document.notes)
    assert len(document.items) < 13


# --- pasted text and the rules of reading -----------------------------------------------------

PASTED = """Referat – Almenboligudvalg Hvidovre den 29. maj 2018

Mødefakta
Dato: Onsdag den 30. maj 2018
Mødetidspunkt: {time}
Mødested: Rådhuset, mødelokale 1

Medlemmer: Anne Eksempel (A), Helle M. Eksempel (A), Bent Prøvesen (V) og Camilla Demo (F)
Fravær med afbud: Dorte Prøve (C) og Ole Opdigtet (O)

1. Godkendelse af dagsorden
Beslutning i Almenboligudvalg Hvidovre den 29-05-2018
Godkendt.

2. Lukket punkt: Salg af grund
Beslutning i Almenboligudvalg Hvidovre den 29-05-2018
Godkendt.
For: A og V
Imod: A

3. Renovering i Friheden
Sagsfremstilling
Afdelingen ønsker at renovere.
Lovgrundlag
Almenboligloven § 27.
Bilag
* Projektbeskrivelse
"""


def test_pasted_text_is_read_like_a_document():
    document = parse_text(PASTED.format(time="kl. 17.00"))

    assert document.kind == "referat"
    assert document.start_time.isoformat() == "17:00:00"
    assert [(p.name, p.party, p.status) for p in document.participants] == [
        ("Anne Eksempel", "A", "til_stede"),
        ("Helle M. Eksempel", "A", "til_stede"),
        ("Bent Prøvesen", "V", "til_stede"),
        ("Camilla Demo", "F", "til_stede"),
        ("Dorte Prøve", "C", "afbud"),
        ("Ole Opdigtet", "O", "afbud"),
    ]
    assert [(i.number, i.title, i.is_closed) for i in document.items] == [
        (1, "Godkendelse af dagsorden", False),
        (2, "Salg af grund", True),
        (3, "Renovering i Friheden", False),
    ]
    assert document.items[2].sections["case_presentation"] == (
        "Afdelingen ønsker at renovere.\n\nLovgrundlag\nAlmenboligloven § 27."
    )
    assert document.items[2].attachments == ["Projektbeskrivelse"]


def test_when_title_and_mødefakta_disagree_on_the_date_the_title_wins_and_the_clerk_is_told():
    document = parse_text(PASTED.format(time="Kl. 17:00"))
    messages = [note.message for note in document.notes]

    assert document.date.isoformat() == "2018-05-29"
    assert any("forskellige; datoen fra titlen er brugt" in message for message in messages)


def test_a_split_party_keeps_both_votes_and_the_clerk_is_told():
    document = parse_text(PASTED.format(time="Kl. 17:00"))
    item = document.items[1]

    assert [(v.party, v.position) for v in item.votes] == [
        ("A", "for"),
        ("V", "for"),
        ("A", "imod"),
    ]
    assert any("Partiet A stemte ikke samlet" in note.message for note in document.notes_for(2))


def test_a_missing_meeting_time_is_noted():
    document = parse_text(PASTED.replace("Mødetidspunkt: {time}\n", ""))
    assert document.start_time is None
    assert "Der blev ikke fundet et mødetidspunkt." in [note.message for note in document.notes]


@pytest.mark.parametrize(
    ("written", "hour", "minute"),
    [("Kl. 17:00", 17, 0), ("17:00", 17, 0), ("kl. 17.00", 17, 0), ("Kl. 16.30–18.00", 16, 30)],
)
def test_meeting_times_are_read_in_every_form_minutes_use(written, hour, minute):
    document = parse_text(PASTED.format(time=written))
    assert (document.start_time.hour, document.start_time.minute) == (hour, minute)


@pytest.mark.parametrize(
    "written",
    ["Tirsdag den 29. maj 2018", "29. maj 2018", "29-05-2018", "29.05.2018", "2018-05-29"],
)
def test_meeting_dates_are_read_in_every_form_minutes_use(written):
    text = f"Dato: {written}\nMødested: Rådhuset\n\n1. Godkendelse af dagsorden\nGodkendt.\n"
    assert parse_text(text).date.isoformat() == "2018-05-29"


def test_an_agenda_has_no_outcomes_even_where_a_decision_is_written():
    text = PASTED.format(time="17:00").replace("Referat –", "Dagsorden –")
    document = parse_text(text)
    assert document.kind == "dagsorden"
    assert [item.outcome for item in document.items] == ["", "", ""]
    assert all(not item.votes for item in document.items)


@pytest.mark.parametrize(
    ("title_lines", "title"),
    [
        ("3. Salg af grund\nLukket punkt", "Salg af grund"),
        ("3. Lukket punkt: Salg af grund", "Salg af grund"),
        ("3. Salg af grund (Lukket punkt)", "Salg af grund"),
        ("3. Salg af grund - Lukket punkt", "Salg af grund"),
    ],
)
def test_a_closed_item_is_recognised_however_it_is_marked(title_lines, title):
    text = (
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018\n\n1. Godkendelse af dagsorden\n"
        f"Beslutning\nGodkendt.\n\n2. Meddelelser\nBeslutning\nTaget til efterretning.\n\n"
        f"{title_lines}\nBeslutning\nGodkendt.\n"
    )
    item = parse_text(text).items[2]
    assert (item.number, item.title, item.is_closed) == (3, title, True)


def test_a_numbered_recommendation_is_a_list_not_new_items():
    text = (
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018\n\n1. Skema B\nIndstilling\n"
        "Forvaltningen indstiller,\n1. at skema B godkendes\n2. At grundkapitalen frigives\n"
        "Beslutning\nGodkendt.\n\n2. Meddelelser\nBeslutning\nTaget til efterretning.\n"
    )
    document = parse_text(text)
    assert [item.title for item in document.items] == ["Skema B", "Meddelelser"]
    assert document.items[0].sections["recommendation"] == (
        "Forvaltningen indstiller,\n1. at skema B godkendes\n2. At grundkapitalen frigives"
    )


def test_text_before_the_first_item_that_fits_nowhere_goes_to_the_remarks_with_a_note():
    text = (
        "Hvidovre Kommune\nReferat – Almenboligudvalg Hvidovre den 29. maj 2018\n"
        "Mødested: Rådhuset\nMødeleder: Anne Eksempel (A)\n\n1. Godkendelse af dagsorden\n"
        "Beslutning\nGodkendt.\n"
    )
    document = parse_text(text)
    messages = [note.message for note in document.notes]

    assert document.remarks == "Hvidovre Kommune\n\nMødeleder: Anne Eksempel (A)"
    assert any("“Hvidovre Kommune”" in m and "Bemærkninger" in m for m in messages)
    assert any("“Mødeleder: Anne Eksempel (A)”" in m for m in messages)


def word_document(build):
    """A .docx made by `build(document)`, as bytes."""
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_numbered_subheading_in_another_font_than_the_items_is_not_an_item():
    def build(document):
        document.add_paragraph("Referat – Almenboligudvalg Hvidovre den 29. maj 2018")
        document.add_paragraph("Mødested: Rådhuset")
        document.add_heading("1. Skema B", 1)
        document.add_heading("Sagsfremstilling", 3)
        document.add_paragraph("Indledningen til sagen.")
        document.add_heading("2. Økonomien i byggeriet", 3)
        document.add_paragraph("Om økonomien.")
        document.add_heading("2. Meddelelser", 1)
        document.add_heading("Beslutning", 3)
        document.add_paragraph("Taget til efterretning.")

    document = read_document(io.BytesIO(word_document(build)), "referat.docx")
    assert [(item.number, item.title) for item in document.items] == [
        (1, "Skema B"),
        (2, "Meddelelser"),
    ]
    assert "2. Økonomien i byggeriet" in document.items[0].sections["case_presentation"]


def test_word_line_breaks_and_tables_are_read_as_lines():
    def build(document):
        document.add_paragraph("Referat – Almenboligudvalg Hvidovre den 29. maj 2018")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Dato", "Tirsdag den 29. maj 2018"
        table.cell(1, 0).text, table.cell(1, 1).text = "Mødested", "Rådhuset"
        document.add_heading("1. Skema B", 1)
        document.add_heading("Beslutning", 3)
        decision = document.add_paragraph("Godkendt.")
        decision.add_run().add_break()
        decision.add_run("Imod: O")

    document = read_document(io.BytesIO(word_document(build)), "referat.docx")
    assert (document.date.isoformat(), document.place) == ("2018-05-29", "Rådhuset")
    assert document.items[0].sections["decision"] == "Godkendt.\nImod: O"
    assert [(v.party, v.position) for v in document.items[0].votes] == [("O", "imod")]


def test_a_word_footnote_is_kept_after_the_paragraph_that_refers_to_it():
    def build(document):
        document.add_paragraph("Referat – Almenboligudvalg Hvidovre den 29. maj 2018")
        document.add_heading("1. Skema B", 1)
        document.add_heading("Sagsfremstilling", 3)
        document.add_paragraph("Byggeriet er godkendt.").add_run("FODNOTE")
        document.add_paragraph("Næste afsnit.")

    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    source = zipfile.ZipFile(io.BytesIO(word_document(build)))
    with_note = io.BytesIO()
    with zipfile.ZipFile(with_note, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:t>FODNOTE</w:t>", b'<w:footnoteReference w:id="2"/>')
            target.writestr(info, data)
        target.writestr(
            "word/footnotes.xml",
            f'<w:footnotes {namespace}><w:footnote w:type="separator" w:id="0"><w:p><w:r>'
            '<w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r>'
            "<w:t>Jf. skema A fra 2016.</w:t></w:r></w:p></w:footnote></w:footnotes>",
        )

    document = read_document(io.BytesIO(with_note.getvalue()), "referat.docx")
    assert document.items[0].sections["case_presentation"] == (
        "Byggeriet er godkendt.\nFodnote 1: Jf. skema A fra 2016.\n\nNæste afsnit."
    )
    assert any("Fodnote" in note.message for note in document.notes)


def test_text_after_the_date_in_the_title_is_kept_in_the_remarks():
    text = (
        "Referat fra mødet i Almenboligudvalg Hvidovre tirsdag den 29. maj 2018 "
        "(ekstraordinært møde)\nMødested: Rådhuset\n\n1. Meddelelser\nBeslutning\nDrøftet.\n"
    )
    document = parse_text(text)
    assert document.committee_name == "Almenboligudvalg Hvidovre"
    assert document.remarks == "(ekstraordinært møde)"
    assert any("efter datoen i titlen" in note.message for note in document.notes)


def test_subheadings_numbered_like_3_1_are_not_items():
    text = (
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018\n\n1. Skema B\nSagsfremstilling\n"
        "Indledning.\n2.1 Økonomi\nTeksten om økonomi.\n\n2. Meddelelser\nBeslutning\nDrøftet.\n"
    )
    document = parse_text(text)
    assert [item.title for item in document.items] == ["Skema B", "Meddelelser"]
    assert "2.1 Økonomi" in document.items[0].sections["case_presentation"]


def test_another_committees_decision_stays_in_the_case_with_its_heading():
    text = (
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018\n\n1. Skema B\n"
        "Beslutning i Økonomiudvalget den 12-06-2018\nAnbefalet.\n"
        "Beslutning i Almenboligudvalg Hvidovre den 29-05-2018\nGodkendt.\n"
        "Sagsfremstilling\nSagen kommer fra Økonomiudvalget.\n"
    )
    item = parse_text(text).items[0]
    assert item.sections["decision"] == "Godkendt."
    assert item.outcome == "godkendt"
    assert item.sections["case_presentation"] == (
        "Beslutning i Økonomiudvalget den 12-06-2018\nAnbefalet.\n\n"
        "Sagen kommer fra Økonomiudvalget."
    )


def test_items_listed_in_the_contents_but_missing_from_the_text_are_named():
    contents = "\n".join(f"{n}. Sag nummer {n} ........ {n + 1}" for n in range(1, 6))
    text = (
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018\nIndholdsfortegnelse\n"
        f"{contents}\n\n1. Sag nummer 1\nBeslutning\nGodkendt.\n"
    )
    document = parse_text(text)
    assert [item.title for item in document.items] == ["Sag nummer 1"]
    assert any(
        "4 punkter står i indholdsfortegnelsen" in note.message and "2, 3, 4, 5" in note.message
        for note in document.notes
    )


def test_a_members_role_in_the_parentheses_is_kept_in_the_remarks():
    text = (
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018\n"
        "Medlemmer: Anne Eksempel (A, formand), Bent Prøvesen (V) og Camilla Demo (F)\n\n"
        "1. Meddelelser\nBeslutning\nDrøftet.\n"
    )
    document = parse_text(text)
    assert [(p.name, p.party) for p in document.participants] == [
        ("Anne Eksempel", "A"),
        ("Bent Prøvesen", "V"),
        ("Camilla Demo", "F"),
    ]
    assert document.remarks == "(formand)"
    assert any("“(formand)” efter Anne Eksempel" in note.message for note in document.notes)


def test_a_member_line_that_is_not_a_name_is_kept_in_the_remarks():
    text = (
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018\nMedlemmer\n"
        "Anne Eksempel (A), formand\nBent Prøvesen (V)\n\n1. Meddelelser\nBeslutning\nDrøftet.\n"
    )
    document = parse_text(text)
    assert [p.name for p in document.participants] == ["Anne Eksempel", "Bent Prøvesen"]
    assert document.remarks == "formand"
    assert any("“formand”" in note.message for note in document.notes)


def test_running_headers_and_page_numbers_in_pasted_text_are_removed():
    # As pdftotext writes it: blank lines around the header and footer, a form feed between.
    page = "Almenboligudvalg Hvidovre – Referat – 29-05-2018\n\n{body}\n\nSide {number} af 2\n\n"
    text = (
        page.format(
            body="Referat – Almenboligudvalg Hvidovre den 29. maj 2018\n1. Godkendelse af "
            "dagsorden\nBeslutning\nGodkendt.\n2. Renovering i Friheden\nSagsfremstilling\n"
            "Afdelingen ønsker at reno-",
            number=1,
        )
        + "\f"
        + page.format(body="vere sine altaner.\n", number=2)
    )
    document = parse_text(text)

    assert document.items[1].sections["case_presentation"] == (
        "Afdelingen ønsker at renovere sine altaner."
    )
    assert any("Side 1 af 2" in note.message for note in document.notes)


def test_text_pasted_from_word_keeps_one_paragraph_a_line():
    long_sentence = ("Boligorganisationen har gennemført udbuddet af byggeriet. " * 3).strip()
    text = (
        "Referat – Almenboligudvalg Hvidovre den 29. maj 2018\n1. Skema B\nSagsfremstilling\n"
        f"{long_sentence}\n{long_sentence}\nBoligerne fordeler sig således:\n"
        f"{long_sentence}\n•\t8 boliger\nBilag\nSkema B\nTidsplan\n"
    )
    item = parse_text(text).items[0]
    assert item.sections["case_presentation"] == (
        f"{long_sentence}\n{long_sentence}\nBoligerne fordeler sig således:\n{long_sentence}\n"
        "- 8 boliger"
    )
    # "Tidsplan" names a common section, but with nothing under it, it is an attachment.
    assert item.attachments == ["Skema B", "Tidsplan"]


def test_a_facts_table_copied_as_labels_and_values_on_their_own_lines_is_read():
    text = (
        "Referat – Almenboligudvalg Hvidovre den 12. marts 2019\nMødefakta\nDato\n\n"
        "Tirsdag den 12. marts 2019\n\nMødetidspunkt\n\nKl. 16.30\n\nMødested\n\n"
        "Hvidovre Rådhus, udvalgsværelse 2\n\n1. Meddelelser\nBeslutning\nDrøftet.\n"
    )
    document = parse_text(text)
    assert (document.start_time.isoformat(), document.place) == (
        "16:30:00",
        "Hvidovre Rådhus, udvalgsværelse 2",
    )
    assert document.remarks == ""

    columns = text.replace(
        "Dato\n\nTirsdag den 12. marts 2019\n\nMødetidspunkt\n\nKl. 16.30\n\nMødested\n\n"
        "Hvidovre Rådhus, udvalgsværelse 2",
        "Dato\nMødetidspunkt\nMødested\n\nTirsdag den 12. marts 2019\nKl. 16.30\n"
        "Hvidovre Rådhus, udvalgsværelse 2",
    )
    document = parse_text(columns)
    assert (document.date.isoformat(), document.start_time.isoformat(), document.place) == (
        "2019-03-12",
        "16:30:00",
        "Hvidovre Rådhus, udvalgsværelse 2",
    )


def test_lone_bullets_from_a_pdf_to_text_tool_go_back_to_their_lines():
    lines, _ = read_text(
        "Medlemmer\n•\n•\n\nAnne Eksempel (A)\nBent Prøvesen (V)\nIndstilling\n1.\n2.\n"
        "at skema B godkendes\nat grundkapitalen frigives\n",
        is_structural=is_structural,
    )
    assert [line.text for line in lines] == [
        "Medlemmer",
        "• Anne Eksempel (A)",
        "• Bent Prøvesen (V)",
        "Indstilling",
        "1. at skema B godkendes",
        "2. at grundkapitalen frigives",
    ]


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("bolig-", "organisationen har søgt", "boligorganisationen har søgt"),
        ("skema A-", "ansøgning", "skema A-ansøgning"),
        ("bolig-", "og erhvervslejemål", "bolig- og erhvervslejemål"),
        ("Frihedens", "Idrætscenter", "Frihedens Idrætscenter"),
        ("udvalget –", "som altid", "udvalget – som altid"),
        ("2019-", "2022", "2019- 2022"),
    ],
)
def test_lines_wrapped_by_the_layout_are_joined_as_the_writer_meant(before, after, joined):
    assert join_wrapped(before, after) == joined


@pytest.mark.parametrize("bullet", ["•", "\uf0b7", "-", "–", "*", "▪"])
def test_every_bullet_style_becomes_a_dash_list(bullet):
    from minutes.importing.lines import LINE, PARAGRAPH, Line

    lines = [Line("Boligerne:", PARAGRAPH), Line(f"{bullet} 8 boliger", LINE)]
    lines.append(Line(f"{bullet} 12 boliger", LINE))
    assert reflow(lines) == "Boligerne:\n- 8 boliger\n- 12 boliger"


# --- decisions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Godkendt.", "godkendt"),
        ("Indstillingen blev godkendt.", "godkendt"),
        ("Godkendt med den ændring, at tidsplanen forlænges.", "godkendt"),
        ("Ad 1. Godkendt.\nAd 2. Godkendt.", "godkendt"),
        ("Anbefales.", "anbefalet"),
        ("Anbefalet over for Økonomiudvalget", "anbefalet"),
        ("Indstillingen anbefales godkendt.", "anbefalet"),
        ("Anbefales over for Økonomiudvalget, at indstillingen godkendes.", "anbefalet"),
        ("Taget til efterretning.", "taget_til_efterretning"),
        ("Orienteringen blev taget til efterretning.", "taget_til_efterretning"),
        ("Udsat.", "udsat"),
        ("Sagen blev udsat til næste møde", "udsat"),
        ("Sagen udsættes.", "udsat"),
        ("Afvist", "afvist"),
        ("Indstillingen blev ikke godkendt.", "afvist"),
        ("Drøftet.", "droeftet"),
        ("Udvalget drøftede sagen.", "droeftet"),
        ("Ad 1. Godkendt.\nAd 2. Afvist.", ""),
        ("Drøftet. Sagen blev udsat.", ""),
        ("Intet.", ""),
        ("", ""),
    ],
)
def test_read_decision_finds_the_outcome_only_when_it_is_unambiguous(text, outcome):
    assert read_decision(text)[0] == outcome


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        (
            "Godkendt.\nFor: A, C og V (5)\nImod: O (1)\nUndlod at stemme: F",
            [("A", "for"), ("C", "for"), ("V", "for"), ("O", "imod"), ("F", "undlod")],
        ),
        ("For stemte: A og Ø\nImod stemte: V", [("A", "for"), ("Ø", "for"), ("V", "imod")]),
        (
            "Afvist.\nFor: Anne Eksempel (A) og Bent Prøvesen (V)\nImod: Frederik Fiktiv (Ø)",
            [("A", "for"), ("V", "for"), ("Ø", "imod")],
        ),
        ("Godkendt, idet O stemte imod.", [("O", "imod")]),
        ("Godkendt.\nFor: A og V\nImod: A (1)", [("A", "for"), ("V", "for"), ("A", "imod")]),
        ("Godkendt.\nImod: Ingen", []),
        ("Godkendt.", []),
    ],
)
def test_read_decision_gives_the_votes_per_party(text, votes):
    assert [(v.party, v.position) for v in read_decision(text)[1]] == votes


# --- the contract with the models and the rest of the site ------------------------------------


def test_the_parsed_values_are_those_of_the_models():
    from minutes.importing.result import ABSENT, AGENDA, MINUTES, PRESENT, SECTION_FIELDS
    from minutes.models import AgendaItem, Meeting, Participant

    assert tuple(name for name, _ in AgendaItem.SECTIONS) == SECTION_FIELDS
    assert {AGENDA, MINUTES} == set(Meeting.Kind.values)
    assert {PRESENT, ABSENT} == set(Participant.Status.values)
    for meeting in MEETINGS:
        for item in read(meeting).items:
            assert set(item.sections) <= set(SECTION_FIELDS)


def test_the_reading_layer_imports_nothing_of_django():
    code = (
        "import sys, minutes.importing as m; "
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'django'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.strip() == "[]"
