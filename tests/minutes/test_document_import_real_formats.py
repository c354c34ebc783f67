"""Reading minutes as the municipalities' meeting systems really print them: the patterns that
real published minutes showed (Hvidovre's own and other municipalities'), each in a short text
of our own, and the corpus documents that reproduce them read as PDF and as pasted text alike.
No database: the reading layer is pure.
"""

import io
import re

import pytest
from pypdf import PdfReader

from minutes.importing import parse_text, read_document
from tests.minutes.documents.corpus import BAD_FILES, MEETINGS, PATTERNS, file_name
from tests.minutes.import_accuracy import DOCUMENTS, FIELDS, per_pattern, read

BY_NAME = {meeting.name: meeting for meeting in MEETINGS}


def participants(document):
    return [(p.name, p.party, p.status) for p in document.participants]


def items(document):
    return [(item.number, item.title, item.is_closed) for item in document.items]


def votes(item):
    return [(vote.party, vote.position) for vote in item.votes]


# --- items ------------------------------------------------------------------------------------

WEB_EXPORT = """Referat - Almenboligudvalget den 3. december 2018
Mødefakta
Dato: Mandag den 3. december 2018
Mødetidspunkt: Kl. 17:00
Mødested: Rådhuset, mødelokale 1
Medlemmer
Anne Eksempel (A)
Bent Prøvesen (V)
Indholdsfortegnelse
1. Godkendelse af dagsorden
Beslutning i Almenboligudvalget den 03-12-2018
Godkendt.
2. Meddelelser
Beslutning i Almenboligudvalget den 03-12-2018
Taget til efterretning.
3. Styringsdialog 2018
Beslutningstema
Udvalget skal godkende dokumentationen fra styringsdialogen.
Beslutning i Almenboligudvalget den 03-12-2018
Godkendt.
"""


def test_the_contents_heading_followed_by_the_items_themselves_gives_every_item():
    document = parse_text(WEB_EXPORT)

    assert items(document) == [
        (1, "Godkendelse af dagsorden", False),
        (2, "Meddelelser", False),
        (3, "Styringsdialog 2018", False),
    ]
    assert document.items[0].sections == {"decision": "Godkendt."}
    assert document.remarks == ""
    assert [note for note in document.notes if note.needs_check] == []


def test_items_with_nothing_under_them_right_after_the_contents_heading_are_items():
    agenda = (
        "Dagsorden - Almenboligudvalget den 25. november 2019\nMødested: Rådhuset\n"
        "Medlemmer\nAnne Eksempel (A)\nIndholdsfortegnelse\n1. Godkendelse af dagsorden\n"
        "2. Grundkapital til nye boliger\nBeslutningstema\nUdvalget skal tage stilling.\n"
    )
    document = parse_text(agenda)

    assert items(document) == [
        (1, "Godkendelse af dagsorden", False),
        (2, "Grundkapital til nye boliger", False),
    ]
    assert document.items[0].sections == {}


def test_a_table_of_contents_with_page_numbers_still_gives_the_titles_and_no_items_twice():
    document = read(BY_NAME["referat-2015-03-10"])

    assert [item.number for item in document.items] == [12, 13, 14, 15]
    assert not any("indholdsfortegnelsen" in note.message for note in document.notes)


@pytest.mark.parametrize(
    "heading",
    [
        "131. Godkendelse af dagsorden",
        "Sag nr. 131 Godkendelse af dagsorden",
        "Sag nr. 131: Godkendelse af dagsorden",
        "Punkt 131 Godkendelse af dagsorden",
        "Pkt. 131 Godkendelse af dagsorden",
        "Åbent punkt 131. Godkendelse af dagsorden",
    ],
)
def test_items_are_read_however_numbered_and_from_whatever_number_they_start(heading):
    second = heading.replace("131", "132").replace("Godkendelse af dagsorden", "Meddelelser")
    text = (
        "Referat - Almenboligudvalget den 29. oktober 2019\nMødested: Rådhuset\n"
        f"Medlemmer\nAnne Eksempel (A)\n{heading}\nBeslutning\nGodkendt.\n"
        f"{second}\nBeslutning\nTaget til efterretning.\n"
    )
    document = parse_text(text)

    assert items(document) == [
        (131, "Godkendelse af dagsorden", False),
        (132, "Meddelelser", False),
    ]


def test_a_numbered_list_entry_above_a_section_heading_is_no_item():
    text = (
        "Referat - Almenboligudvalget den 29. oktober 2019\nMødested: Rådhuset\n"
        "1. Skema B\nIndstilling\nForvaltningen indstiller,\n1. at skema B godkendes\n"
        "2. Økonomiudvalget orienteres\nBeslutning\nGodkendt.\n"
    )
    document = parse_text(text)

    assert items(document) == [(1, "Skema B", False)]
    assert document.items[0].sections["recommendation"] == (
        "Forvaltningen indstiller,\n1. at skema B godkendes\n2. Økonomiudvalget orienteres"
    )


def test_open_and_closed_markers_belong_to_the_heading_they_stand_before_or_after():
    protocol = (
        "Beslutningsprotokol\nAlmenboligudvalget\n29-10-2019\n"
        "Åbent punkt\n131. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
        "Lukket punkt\n132. Salg af grund\nBeslutning\nAnbefales.\n"
        "133. Klage over anvisning\nLukket punkt\nBeslutning\nGodkendt.\n"
        "134. Eventuelt\nÅbent punkt\nBeslutning\nIntet.\n"
    )
    document = parse_text(protocol)

    assert items(document) == [
        (131, "Godkendelse af dagsorden", False),
        (132, "Salg af grund", True),
        (133, "Klage over anvisning", True),
        (134, "Eventuelt", False),
    ]
    assert document.items[0].sections == {"decision": "Godkendt."}


def test_items_without_numbers_are_numbered_in_order_also_in_pasted_text():
    text = (
        "Almenboligudvalget - Referat\nMødedato: Onsdag den 17. november 2021\n"
        "Mødested: Rådhuset\nTil stede: Anne Eksempel, Bent Prøvesen og Dorte Prøve\n"
        "Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
        "Kollektiv udlejning af ungdomsboliger\nBeslutningstema\nUdvalget skal tage stilling.\n"
        "Beslutning\nGodkendt.\n"
        "Meddelelser\nBeslutning\nTaget til efterretning.\n"
    )
    document = parse_text(text)

    assert items(document) == [
        (1, "Godkendelse af dagsorden", False),
        (2, "Kollektiv udlejning af ungdomsboliger", False),
        (3, "Meddelelser", False),
    ]
    assert [p[0] for p in participants(document)] == [
        "Anne Eksempel",
        "Bent Prøvesen",
        "Dorte Prøve",
    ]


def test_items_without_numbers_are_read_from_their_bold_headings_in_word_and_pdf():
    for name in ("referat-2021-11-17", "referat-2021-11-17-libreoffice"):
        document = read(BY_NAME[name])
        assert [item.title for item in document.items] == [
            "Godkendelse af dagsorden",
            "Kollektiv udlejning af ungdomsboliger på Hvidovre Strandvej",
            "Grundkapital til 40 almene boliger på Stamholmen",
            "Meddelelser",
        ], name


def test_headings_glued_to_the_text_after_them_are_split():
    document = parse_text(
        "Almenboligudvalget - Referat\nDato: 29. januar 2020\nSted: Rådhuset\n"
        "Indholdsfortegnelse1. Fraværende\nSagsfremstillingDer er afbud fra Anne Eksempel.\n"
        "Beslutning\nTaget til efterretning.\nTil toppen\n2. Meddelelser\nBeslutning\nDrøftet.\n"
    )

    assert items(document) == [(1, "Fraværende", False), (2, "Meddelelser", False)]
    assert document.items[0].sections == {
        "decision": "Taget til efterretning.",
        "case_presentation": "Der er afbud fra Anne Eksempel.",
    }


# --- members and absentees --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("Anne Eksempel (A)", ("Anne Eksempel", "A")),
        ("Anne Eksempel ()", ("Anne Eksempel", "")),
        ("Anne Eksempel ((O))", ("Anne Eksempel", "O")),
        ("Anne Eksempel, (A)", ("Anne Eksempel", "A")),
        ("Suppleant for Bent Prøvesen (V)", ("Suppleant for Bent Prøvesen", "V")),
        ("Anne Eksempel", ("Anne Eksempel", "")),
        ("Karin de Prøve (Ø)", ("Karin de Prøve", "Ø")),
    ],
)
def test_members_are_read_as_the_lists_write_them(written, read_as):
    text = (
        "Referat - Almenboligudvalget den 3. december 2018\nMedlemmer\n"
        f"{written}\nDorte Prøve (C)\n1. Meddelelser\nBeslutning\nDrøftet.\n"
    )
    document = parse_text(text)

    assert participants(document) == [
        (*read_as, "til_stede"),
        ("Dorte Prøve", "C", "til_stede"),
    ]
    assert document.remarks == ""


@pytest.mark.parametrize(
    "absent",
    [
        "Fraværende\nCamilla Demo (F)\n",
        "Fraværende med afbud\nCamilla Demo (F)\n",
        "Afbud: Camilla Demo (F)\n",
        "Afbud fra: Camilla Demo (F)\n",
        "Fravær med afbud: Camilla Demo (F)\n",
    ],
)
def test_absentees_are_read_under_every_heading_minutes_use(absent):
    text = (
        "Referat - Almenboligudvalget den 3. december 2018\nMedlemmer\nAnne Eksempel (A)\n"
        f"{absent}1. Meddelelser\nBeslutning\nDrøftet.\n"
    )
    document = parse_text(text)

    assert participants(document) == [
        ("Anne Eksempel", "A", "til_stede"),
        ("Camilla Demo", "F", "afbud"),
    ]


def test_a_member_absent_for_some_items_is_present_and_the_remarks_say_when_not():
    text = (
        "Referat - Almenboligudvalget den 29. oktober 2019\nMedlemmer\nAnne Eksempel (A)\n"
        "Britta Prøve (V)\nFraværende\nBritta Prøve (V), sag 129-138 og 140\n"
        "Camilla Demo (F)\n129. Meddelelser\nBeslutning\nDrøftet.\n"
    )
    document = parse_text(text)

    assert participants(document) == [
        ("Anne Eksempel", "A", "til_stede"),
        ("Britta Prøve", "V", "til_stede"),
        ("Camilla Demo", "F", "afbud"),
    ]
    assert document.remarks == "Fraværende: Britta Prøve (V), sag 129-138 og 140"


def test_the_absent_list_ends_at_the_next_heading_and_no_heading_or_button_is_a_member():
    text = (
        "Udskriv\nReferat - Almenboligudvalget den 3. december 2018\nMedlemmer\n"
        "Anne Eksempel (A)\nFraværende\nCamilla Demo (F)\nGodkendt\nIndstilling\n"
        "Forvaltningen indstiller, at sagen godkendes.\n1. Meddelelser\nBeslutning\nDrøftet.\n"
    )
    document = parse_text(text)

    assert participants(document) == [
        ("Anne Eksempel", "A", "til_stede"),
        ("Camilla Demo", "F", "afbud"),
    ]
    # Nothing is dropped: what is not a name is kept in the remarks, and the report says so.
    assert "Godkendt" in document.remarks
    assert "Forvaltningen indstiller, at sagen godkendes." in document.remarks
    assert any("“Godkendt” under Fraværende" in note.message for note in document.notes)
    assert any(
        note.message == "Knapper fra hjemmesiden er fjernet: “Udskriv”." for note in document.notes
    )


def test_a_sentence_under_the_absentees_is_kept_whole_never_split_into_names():
    text = (
        "Referat - Almenboligudvalget den 3. december 2018\nMedlemmer\nAnne Eksempel (A)\n"
        "Fraværende\nBent Prøvesen (V) og Dorte Prøve (C) deltog ikke under punkt 2, da de "
        "var inhabile.\n1. Meddelelser\nBeslutning\nDrøftet.\n"
    )
    document = parse_text(text)

    assert participants(document) == [("Anne Eksempel", "A", "til_stede")]
    assert document.remarks == (
        "Bent Prøvesen (V) og Dorte Prøve (C) deltog ikke under punkt 2, da de var inhabile."
    )


# --- titles and facts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "kind", "committee"),
    [
        ("Referat - Almenboligudvalget den 3. december 2018", "referat", "Almenboligudvalget"),
        ("Referat af møde i Almenboligudvalget den 3. december 2018", "referat",
         "Almenboligudvalget"),
        ("Referat til mødet i Almenboligudvalget\nDato: 3. december 2018", "referat",
         "Almenboligudvalget"),
        ("Almenboligudvalget - Referat\nDato: 03-12-2018", "referat", "Almenboligudvalget"),
        ("Almenboligudvalget - Dagsorden - 03-12-2018", "dagsorden", "Almenboligudvalget"),
        ("Beslutningsprotokol\nAlmenboligudvalget\n03-12-2018", "referat", "Almenboligudvalget"),
        ("Almenboligudvalget\nReferat\nDato: Mandag den 3. december 2018", "referat",
         "Almenboligudvalget"),
        ("Dagsorden\nØkonomiudvalget\nMandag den 3. december 2018", "dagsorden",
         "Økonomiudvalget"),
    ],
)  # fmt: skip
def test_titles_are_read_in_every_form_minutes_use(head, kind, committee):
    document = parse_text(f"{head}\nMødested: Rådhuset\n1. Meddelelser\nBeslutning\nDrøftet.\n")

    assert (document.kind, document.committee_name) == (kind, committee)
    assert document.date.isoformat() == "2018-12-03"
    assert document.remarks == ""
    assert not any("Titellinjen" in note.message for note in document.notes)


def test_time_and_place_after_the_date_in_the_title_are_the_meetings():
    document = parse_text(
        "Referat af møde i Almenboligudvalget den 12. marts 2024 kl. 16.30 på Rådhuset, "
        "mødelokale 2\nMedlemmer\nAnne Eksempel (A)\n1. Meddelelser\nBeslutning\nDrøftet.\n"
    )

    assert document.date.isoformat() == "2024-03-12"
    assert document.start_time.isoformat() == "16:30:00"
    assert document.place == "Rådhuset, mødelokale 2"
    assert document.remarks == ""
    assert not any(note.field in ("start_time", "place") for note in document.notes)


def test_a_protocols_date_time_and_room_on_lines_of_their_own_are_its_facts():
    document = parse_text(
        "Beslutningsprotokol\nAlmenboligudvalget\n24-09-2019\nkl. 16.30\n"
        "Mødelokale A, Ullasvej\nDeltagere\nAnne Eksempel (A)\n1. Meddelelser\nBeslutning\n"
        "Drøftet.\n"
    )

    assert document.date.isoformat() == "2019-09-24"
    assert document.start_time.isoformat() == "16:30:00"
    assert document.place == "Mødelokale A, Ullasvej"
    assert document.remarks == ""


def test_facts_members_and_absentees_run_on_in_one_paragraph_are_split_by_their_labels():
    document = parse_text(
        "Almenboligudvalget\nDagsorden\n"
        "Dato: Tirsdag den 28. august 2012 Mødetidspunkt: 18:00 Særlige forhold: Kim\n"
        "Suppleant er suppleant for Sten Påfund Mødelokale: KB-Salen Medlemmer: Lene\n"
        "Eksempel, Jonas Prøvesen, Kim Suppleant Fravær med afbud: Sten Påfund Bemærkninger:\n"
        "Der er offentlig spørgetid umiddelbart inden mødet.\n\n"
        "1. Godkendelse af dagsorden\nSagsfremstilling\nDagsordenen fremlægges.\n"
    )

    assert (document.kind, document.committee_name) == ("dagsorden", "Almenboligudvalget")
    assert document.date.isoformat() == "2012-08-28"
    assert document.start_time.isoformat() == "18:00:00"
    assert document.place == "KB-Salen"
    assert participants(document) == [
        ("Lene Eksempel", "", "til_stede"),
        ("Jonas Prøvesen", "", "til_stede"),
        ("Kim Suppleant", "", "til_stede"),
        ("Sten Påfund", "", "afbud"),
    ]
    assert document.remarks == (
        "Kim Suppleant er suppleant for Sten Påfund\n\n"
        "Der er offentlig spørgetid umiddelbart inden mødet."
    )
    assert [note for note in document.notes if note.needs_check] == []


# --- decisions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("For: Gruppe A, F og O", [("A", "for"), ("F", "for"), ("O", "for")]),
        ("Imod: Liste H og Gruppe Ø", [("H", "imod"), ("Ø", "imod")]),
        ("Undlod: Gruppen V", [("V", "undlod")]),
        ("Afventer: Gruppe C", [("C", "afventer")]),
        ("For: A, C og F\nUndlod: O\nAfventer: V",
         [("A", "for"), ("C", "for"), ("F", "for"), ("O", "undlod"), ("V", "afventer")]),
    ],
)  # fmt: skip
def test_votes_are_read_as_minutes_write_them(written, read_as):
    document = parse_text(
        "Referat - Almenboligudvalget den 3. december 2018\nMødested: Rådhuset\n"
        f"1. Udlejningsregler\nBeslutning i Almenboligudvalget den 03-12-2018\nAnbefales.\n"
        f"{written}\n"
    )
    item = document.items[0]

    assert (item.outcome, votes(item)) == ("anbefalet", read_as)
    assert document.notes_for(1) == []


def test_a_closed_item_without_a_decision_is_not_reported_as_lacking_one():
    document = parse_text(
        "Referat - Almenboligudvalget den 3. december 2018\nMødested: Rådhuset\n"
        "1. Meddelelser\nBeslutning\nDrøftet.\n2. Salg af grund\nLukket punkt\n"
        "3. Eventuelt\nSagsfremstilling\nIntet at bemærke.\n"
    )

    messages = [note.message for note in document.notes]
    assert "Punkt 2 har ingen beslutning." not in messages
    assert "Punkt 3 har ingen beslutning." in messages


# --- what the report points at ----------------------------------------------------------------


def test_every_note_says_which_item_and_which_field_it_is_about():
    document = parse_text(
        "Referat - Almenboligudvalget den 3. december 2018\n"
        "Medlemmer\nAnne Eksempel (A)\nMødeleder: Anne Eksempel\n"
        "1. Meddelelser\nOrientering fra formanden.\nBeslutning\nAd 1. Godkendt.\nAd 2. Afvist.\n"
        "2. Renovering\nResumé\nAfdelingen ønsker at renovere.\nTrafikale forhold\n"
        "Cykelparkering flyttes.\nBeslutning\nGodkendt.\nFor: A og Venstre\n"
    )

    pointed = {(note.item_number, note.field, note.needs_check) for note in document.notes}
    assert (None, "start_time", True) in pointed
    assert (None, "place", True) in pointed
    assert (None, "remarks", True) in pointed  # "Mødeleder" is no meeting fact the site knows
    assert (1, "case_presentation", True) in pointed  # text before the first section
    assert (1, "outcome", True) in pointed  # two outcomes
    assert (2, "decision_theme", False) in pointed  # "Resumé" is Beslutningstema: nothing to check
    assert (2, "votes", True) in pointed  # "Venstre" is no party letter
    assert all(note.field or note.item_number is None for note in document.notes)


# --- the corpus: real layouts, read as PDF and as pasted text alike ---------------------------


def test_the_header_and_footer_of_a_one_page_pdf_are_removed():
    for name in ("referat-2019-09-24", "dagsorden-2020-02-05"):
        document = read(BY_NAME[name])
        everything = "\n".join(
            [document.remarks]
            + [text for item in document.items for text in item.sections.values()]
        )
        assert "Side 1 af 1" not in everything, name
        assert not re.search(r"\d{2}-\d{2}-\d{4}", everything), name
        assert any(
            "Sidehoveder" in note.message and not note.needs_check for note in document.notes
        )


def test_paragraph_breaks_are_kept_and_wrapped_lines_joined():
    document = read(BY_NAME["referat-2018-12-03"])

    assert document.items[3].sections["case_presentation"] == (
        "Reglerne giver boligsøgende med arbejde i kommunen fortrinsret til hver anden ledige "
        "familiebolig. Ændringen gælder i fire år og evalueres efter to år.\n\n"
        "Reglerne har været drøftet med beboerne i alle afdelinger med familieboliger."
    )


def shape(document):
    """What a meeting is, apart from formatting: list markers (which a browser draws rather than
    writes), line breaks and punctuation around labels may differ between a PDF and its text."""

    def words(text):
        return re.findall(r"\w+", re.sub(r"(?m)^(?:\d+\. |- )", "", text or ""))

    return {
        "facts": (
            document.kind,
            document.committee_name,
            document.date,
            document.start_time,
            document.place,
        ),
        "participants": participants(document),
        "remarks": words(document.remarks),
        "items": [
            (
                item.number,
                item.title,
                item.is_closed,
                {key: words(text) for key, text in item.sections.items()},
                item.attachments,
                item.outcome,
                votes(item),
            )
            for item in document.items
        ],
    }


CORPUS_PDFS = [
    file_name(meeting)
    for meeting in MEETINGS
    if file_name(meeting).endswith(".pdf") and file_name(meeting) not in BAD_FILES
]


@pytest.mark.parametrize("name", CORPUS_PDFS)
def test_a_pdf_and_its_text_copied_out_of_it_give_the_same_meeting(name):
    data = (DOCUMENTS / name).read_bytes()
    # What a PDF viewer's "select all, copy" gives: the pages' text, one after the other.
    text = "\f".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)

    assert shape(parse_text(text)) == shape(read_document(data, name))


@pytest.mark.parametrize(
    ("pdf", "pasted"),
    [
        ("referat-2018-12-03", "referat-2018-12-03-kopieret"),
        ("referat-2012-08-28", "referat-2012-08-28-kopieret"),
    ],
)
def test_a_web_page_or_pdf_and_the_text_a_clerk_pasted_from_it_give_the_same_meeting(pdf, pasted):
    assert shape(read(BY_NAME[pdf])) == shape(read(BY_NAME[pasted]))


def test_the_corpus_has_the_real_layouts_the_issue_asks_for():
    real = [meeting for meeting in MEETINGS if "our-own-layouts" not in meeting.patterns]
    producers = {
        str(PdfReader(DOCUMENTS / file_name(meeting)).metadata.get("/Producer", "")).lower()
        for meeting in real
        if file_name(meeting).endswith(".pdf")
    }

    assert len(real) >= 15
    assert len({meeting.layout for meeting in real}) >= 6
    assert {meeting.generator for meeting in real} >= {
        "fpdf2",
        "libreoffice",
        "chromium",
        "docx",
        "text",
        "chromium-text",
    }
    assert any("fpdf" in p for p in producers) and any("libreoffice" in p for p in producers)
    assert any("skia" in p for p in producers)  # Chromium printing the web page
    assert set(PATTERNS) == {pattern for meeting in MEETINGS for pattern in meeting.patterns}


# What the corpus is read with today, per field and per pattern: a field or a pattern read worse
# fails the suite. Raise a floor when the reading gets better; never lower one to pass.
FIELD_FLOORS = dict.fromkeys(FIELDS, 1.0)
PATTERN_FLOORS = dict.fromkeys(PATTERNS, 1.0)


@pytest.fixture(scope="module")
def measured():
    from tests.minutes.import_accuracy import measure

    return measure()


def test_the_corpus_has_95_percent_of_its_fields_right_and_every_item_found(measured):
    overall, _ = measured
    found, source = overall.items_found

    assert overall.fields >= 0.95, overall.misses
    assert found == source


def test_no_field_is_read_worse_than_its_floor(measured):
    overall, _ = measured
    worse = {
        name: overall.share([name])
        for name, floor in FIELD_FLOORS.items()
        if overall.share([name]) < floor
    }
    assert not worse, overall.misses


def test_no_pattern_of_real_minutes_is_read_worse_than_its_floor(measured):
    _, per_document = measured
    worse = {
        pattern: (result.fields, result.items_found)
        for pattern, (_, result) in per_pattern(per_document).items()
        if result.fields < PATTERN_FLOORS[pattern] or len(set(result.items_found)) > 1
    }
    assert not worse
