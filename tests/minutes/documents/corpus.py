"""The source data of the test corpus: every meeting as it was written, before any layout.

`make_corpus.py` renders these meetings into PDFs (fpdf2 and LibreOffice), a Word document and a
pasted text; the tests read the rendered files back and compare with `expected(meeting)`, which
is built from the same data. All names, places of meetings and texts are invented; the area
names (Friheden, Avedøre Stationsby, Præstemosen …) are real parts of Hvidovre.

Text conventions are those of the site's item text: paragraphs separated by a blank line,
numbered lists as "1. at …" lines and bullets as "- …" lines.
"""

import datetime
import re
from dataclasses import dataclass, field, replace

COMMITTEE = "Almenboligudvalg Hvidovre"


@dataclass
class Item:
    number: int
    title: str
    closed: bool = False
    # The title as the document writes it, when it carries the closed marker ("Lukket punkt: …").
    written_title: str = ""
    decision_theme: str = ""
    recommendation: str = ""
    decision: str = ""
    case_presentation: str = ""
    economic_consequences: str = ""
    # Sections the site does not know, as (heading, text), shown after Sagsfremstilling.
    extra: list[tuple[str, str]] = field(default_factory=list)
    # Text right after the title, before any section heading.
    pre: str = ""
    # Text after the attachment list that is not an attachment.
    after_attachments: str = ""
    attachments: list[str] = field(default_factory=list)
    outcome: str = ""
    votes: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Meeting:
    name: str  # file name without extension
    generator: str  # "fpdf2", "libreoffice", "docx" or "text"
    layout: str  # which renderer of make_corpus.py
    kind: str
    date: datetime.date
    date_text: str
    time: datetime.time
    time_text: str
    place: str
    place_label: str = "Mødested"
    members: list[tuple[str, str]] = field(default_factory=list)
    absent: list[tuple[str, str]] = field(default_factory=list)
    remarks: str = ""
    # Lines under Mødefakta that are no meeting fact the site knows ("Mødeleder: …").
    unknown_facts: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    bullet: str = "•"  # how the layout draws a bullet
    # Substrings of notes the reading must give (what was put elsewhere, and where).
    notes: list[str] = field(default_factory=list)
    exercises: str = ""
    # The committee as the document names it ("Almenboligudvalget", or another committee's).
    committee: str = COMMITTEE
    # Members and absentees as the document writes them, one entry each, where a layout writes
    # them otherwise than "Name (A)"; `participants` is then what reading them must give, as
    # (name, party, status).
    member_lines: list[str] = field(default_factory=list)
    absent_lines: list[str] = field(default_factory=list)
    participants: list[tuple[str, str, str]] | None = None
    # The patterns of real minutes this document reproduces (keys of PATTERNS).
    patterns: list[str] = field(default_factory=list)
    # The title as the document writes it, where a layout has no fixed form for it.
    title: str = ""


def _sections(item):
    sections = {}
    for key in ("decision_theme", "recommendation", "decision"):
        if getattr(item, key):
            sections[key] = getattr(item, key)
    case = [item.pre, item.case_presentation]
    case += [f"{heading}\n{text}" for heading, text in item.extra]
    case.append(item.after_attachments)
    case = "\n\n".join(text for text in case if text)
    if case:
        sections["case_presentation"] = case
    if item.economic_consequences:
        sections["economic_consequences"] = item.economic_consequences
    return sections


def _without_list_markers(text, numbers=True):
    return re.sub(r"(?m)^(?:\d+\. |- )" if numbers else r"(?m)^- ", "", text)


def expected(meeting):
    """What reading the rendered document must give, as plain data.

    Text copied from a web page has no list markers (the browser draws them; they are not
    text): what was a list there is lines without "1. " or "- ". When Chromium prints the page,
    the numbers are text but the bullets are drawn.
    """
    remarks = [*meeting.unknown_facts, meeting.remarks]
    minutes = meeting.kind == "referat"
    participants = meeting.participants
    if participants is None:
        participants = [(name, party, "til_stede") for name, party in meeting.members]
        participants += [(name, party, "afbud") for name, party in meeting.absent]
    return {
        "kind": meeting.kind,
        "committee_name": meeting.committee,
        "date": meeting.date,
        "start_time": meeting.time,
        "place": meeting.place,
        "participants": list(participants),
        "remarks": "\n\n".join(text for text in remarks if text),
        "items": [
            {
                "number": item.number,
                "title": item.title,
                "is_closed": item.closed,
                "sections": {
                    key: _without_list_markers(text, meeting.generator == "chromium-text")
                    if meeting.generator.startswith("chromium")
                    else text
                    for key, text in _sections(item).items()
                },
                "attachments": list(item.attachments),
                "outcome": item.outcome if minutes else "",
                "votes": list(item.votes) if minutes else [],
            }
            for item in meeting.items
        ],
    }


MEMBERS_2018 = [
    ("Anne Eksempel", "A"),
    ("Helle M. Eksempel", "A"),
    ("Bent Prøvesen", "V"),
    ("Dorte Prøve", "C"),
    ("Ole Opdigtet", "O"),
    ("Frederik Fiktiv", "Ø"),
]
ABSENT_2018 = [("Camilla Demo", "F")]

# --- a pool of items; meetings take copies and give them their own number and decision ---------

APPROVE_AGENDA = Item(0, "Godkendelse af dagsorden", decision="Godkendt.", outcome="godkendt")

SKEMA_B = Item(
    0,
    "Skema B for nybyggeri af 24 familieboliger i Avedøre Stationsby, afdeling 12",
    decision_theme=(
        "Boligorganisationen Avedøre Boligselskab har søgt om godkendelse af skema B for "
        "nybyggeri af 24 familieboliger på den tidligere parkeringsplads ved Avedøre "
        "Stationsby. Udvalget skal tage stilling til skema B og til frigivelse af den kommunale "
        "grundkapital."
    ),
    recommendation=(
        "Forvaltningen indstiller,\n"
        "1. at skema B for nybyggeri af 24 familieboliger godkendes med en samlet "
        "anskaffelsessum på 52,4 mio. kr.\n"
        "2. at den kommunale grundkapital på 5,2 mio. kr. frigives"
    ),
    decision="Ad 1. Godkendt.\nAd 2. Godkendt.\nFor: A, C og V (5)\nImod: O (1)",
    outcome="godkendt",
    votes=[("A", "for"), ("C", "for"), ("V", "for"), ("O", "imod")],
    case_presentation=(
        "Kommunalbestyrelsen godkendte skema A for byggeriet den 12. december 2016. "
        "Boligorganisationen har siden gennemført udbuddet, og entreprisesummen er blevet "
        "lavere end forudsat i skema A. Byggeriet opføres som rækkehuse i to etager med "
        "tilhørende fælleshus og cykelparkering.\n\n"
        "Boligerne fordeler sig således:\n"
        "- 8 boliger på 3 rum med et gennemsnitligt areal på 85 m²\n"
        "- 12 boliger på 4 rum med et gennemsnitligt areal på 98 m²\n"
        "- 4 boliger på 5 rum med et gennemsnitligt areal på 112 m²\n\n"
        "Forvaltningen har gennemgået skema B og finder, at byggeriet overholder "
        "maksimumbeløbet, og at boligorganisationens finansieringsplan er realistisk."
    ),
    economic_consequences=(
        "Den kommunale grundkapital udgør 10 procent af anskaffelsessummen, i alt 5,2 mio. kr., "
        "som afholdes af den afsatte rådighedsbevilling på anlægsbudgettet for 2018."
    ),
    attachments=["Skema B, ansøgning fra Avedøre Boligselskab", "Tidsplan for byggeriet"],
)

PRAESTEMOSEN = Item(
    0,
    "Helhedsplan for Præstemosen – orientering om status",
    decision_theme=(
        "Udvalget orienteres om status for helhedsplanen for Præstemosen, herunder "
        "tidsplanen for renoveringen af facader og udearealer."
    ),
    recommendation="Forvaltningen indstiller,\n1. at orienteringen tages til efterretning",
    decision="Taget til efterretning.",
    outcome="taget_til_efterretning",
    case_presentation=(
        "Landsbyggefonden gav i 2017 tilsagn om støtte til helhedsplanen. Renoveringen af "
        "facaderne i de første fire blokke er afsluttet, og beboerne er flyttet tilbage i "
        "deres boliger. Arbejdet med udearealerne begynder efter sommerferien.\n\n"
        "Beboerdemokratiet har været inddraget gennem en følgegruppe, som mødes hver måned "
        "med bygherrerådgiveren."
    ),
)

ALTANER = Item(
    0,
    "Låneoptagelse til renovering af altaner i Friheden, afdeling 7",
    decision_theme=(
        "Boligorganisationen ønsker at optage et lån til udskiftning af altaner, og lånet "
        "kræver kommunens godkendelse."
    ),
    recommendation=(
        "Forvaltningen indstiller,\n"
        "1. at låneoptagelsen på 14,8 mio. kr. godkendes\n"
        "2. at huslejestigningen på 6,2 procent godkendes"
    ),
    decision="Godkendt.\nFor: A, C og V (5)\nImod: O (1)\nUndlod at stemme: Ø",
    outcome="godkendt",
    votes=[("A", "for"), ("C", "for"), ("V", "for"), ("O", "imod"), ("Ø", "undlod")],
    case_presentation=(
        "Altanerne i afdeling 7 er fra 1968 og har betonskader, som ikke kan udbedres. "
        "Afdelingsmødet vedtog den 3. april 2018 at udskifte alle 96 altaner. Lånet optages "
        "som et fastforrentet realkreditlån med en løbetid på 30 år."
    ),
    economic_consequences=(
        "Kommunen skal stille garanti for en del af lånet. Garantien påvirker ikke kommunens "
        "låneramme."
    ),
    attachments=["Afdelingsmødets beslutning", "Finansieringsplan"],
)

SALE_CLOSED = Item(
    0,
    "Salg af kommunal grund ved Hvidovrevej",
    closed=True,
    decision_theme="Udvalget skal tage stilling til et købstilbud på en kommunal grund.",
    decision="Anbefales over for Økonomiudvalget.",
    outcome="anbefalet",
    case_presentation=(
        "Kommunen har modtaget et købstilbud fra en privat investor. Tilbuddet og "
        "forhandlingerne er fortrolige, indtil handlen er endelig."
    ),
)

RENT_RISE = Item(
    0,
    "Huslejestigning i afdeling 3 efter forbedringsarbejder",
    decision_theme="Udvalget skal godkende en huslejestigning efter forbedringsarbejder.",
    recommendation="Forvaltningen indstiller,\n1. at huslejestigningen anbefales godkendt",
    decision="Anbefales godkendt over for Kommunalbestyrelsen.",
    outcome="anbefalet",
    case_presentation=(
        "Afdeling 3 har udskiftet vinduer og døre i alle opgange. Forbedringerne finansieres "
        "ved et lån, som betyder en huslejestigning på 312 kr. om måneden for en bolig på 80 m²."
    ),
    attachments=["Budget for afdeling 3"],
)

SUPERVISION = Item(
    0,
    "Tilsyn med de almene boligorganisationer 2018",
    decision_theme="Forvaltningen har gennemført det årlige tilsyn med boligorganisationerne.",
    recommendation="Forvaltningen indstiller,\n1. at tilsynsrapporten godkendes",
    decision="Indstillingen blev godkendt.",
    outcome="godkendt",
    case_presentation=(
        "Tilsynet omfatter regnskaber, styringsdialog og beboerdemokrati i alle syv "
        "boligorganisationer i kommunen. Tilsynet har ikke givet anledning til bemærkninger "
        "ud over dem, som fremgår af rapporten.\n\n"
        "Følgende forhold er gennemgået:\n"
        "- regnskaber og revisionsprotokoller\n"
        "- organisationernes effektiviseringsmål\n"
        "- referater fra afdelingsmøderne"
    ),
    attachments=["Tilsynsrapport 2018"],
)

FLEX = Item(
    0,
    "Fleksibel udlejning i Avedøre Stationsby",
    decision_theme="Boligorganisationen søger om at forlænge aftalen om fleksibel udlejning.",
    recommendation="Forvaltningen indstiller,\n1. at aftalen forlænges i fire år",
    decision="Sagen blev udsat til næste møde.",
    outcome="udsat",
    case_presentation=(
        "Aftalen om fleksibel udlejning giver fortrinsret til boligsøgende i arbejde eller "
        "under uddannelse. Forvaltningen har bedt om en evaluering af de seneste fire år, før "
        "aftalen forlænges."
    ),
)

SOCIAL = Item(
    0,
    "Boligsocial indsats i Friheden – evaluering",
    decision_theme="Udvalget præsenteres for evalueringen af den boligsociale indsats.",
    decision="Drøftet.",
    outcome="droeftet",
    case_presentation=(
        "Den boligsociale helhedsplan har kørt i fire år med lektiecafé, jobvejledning og "
        "aktiviteter for børn og unge. Evalueringen viser, at flere unge er kommet i "
        "uddannelse, mens beskæftigelsen er uændret."
    ),
    attachments=["Evalueringsrapport"],
)

DISPENSATION = Item(
    0,
    "Ansøgning om dispensation fra tilbagebetaling af driftsstøtte",
    decision_theme=(
        "En boligafdeling søger om dispensation fra at tilbagebetale driftsstøtte, som er "
        "udbetalt for meget."
    ),
    recommendation="Forvaltningen indstiller,\n1. at ansøgningen afvises",
    decision=(
        "Afvist.\n"
        "For: Anne Eksempel (A), Bent Prøvesen (V) og Dorte Prøve (C)\n"
        "Imod: Frederik Fiktiv (Ø)"
    ),
    outcome="afvist",
    votes=[("A", "for"), ("V", "for"), ("C", "for"), ("Ø", "imod")],
    case_presentation=(
        "Afdelingen har modtaget driftsstøtte på 412.000 kr. for meget i 2016 og 2017. "
        "Reglerne giver ikke mulighed for at se bort fra tilbagebetalingen."
    ),
)

BUDGET = Item(
    0,
    "Budgetopfølgning for almene boliger",
    decision_theme="Udvalget orienteres om budgetopfølgningen og skal tage stilling til to "
    "omplaceringer.",
    recommendation=(
        "Forvaltningen indstiller,\n"
        "1. at budgetopfølgningen godkendes\n"
        "2. at 0,8 mio. kr. omplaceres fra grundkapital til boligsocial indsats"
    ),
    decision="Ad 1. Godkendt.\nAd 2. Afvist.",
    outcome="",
    case_presentation=(
        "Budgetopfølgningen viser et forventet mindreforbrug på grundkapital, fordi to "
        "byggerier er forsinket."
    ),
    economic_consequences="Omplaceringen er udgiftsneutral for kommunen.",
)

NEWS = Item(
    0,
    "Meddelelser",
    case_presentation=(
        "Formanden orienterede om mødet med boligorganisationerne den 14. maj. "
        "Forvaltningen orienterede om ventelisterne."
    ),
    decision="Taget til efterretning.",
    outcome="taget_til_efterretning",
)

ANY_OTHER = Item(0, "Eventuelt", decision="Intet.", outcome="")

YOUTH = Item(
    0,
    "Kollektiv udlejning af ungdomsboliger på Hvidovre Strandvej",
    decision_theme="Udvalget skal tage stilling til en ansøgning om kollektiv udlejning.",
    recommendation="Forvaltningen indstiller,\n1. at kollektiv udlejning af 16 ungdomsboliger "
    "godkendes",
    decision="Godkendt.",
    outcome="godkendt",
    case_presentation=(
        "Uddannelsesinstitutionerne i området har ønsket boliger til studerende fra andre dele "
        "af landet. Kollektiv udlejning betyder, at en institution lejer boligerne og "
        "fremlejer dem til sine studerende."
    ),
)

ENERGY = Item(
    0,
    "Energirenovering af afdeling 9, Rebæk Søpark",
    decision_theme="Boligorganisationen søger om godkendelse af en energirenovering.",
    recommendation="Forvaltningen indstiller,\n1. at projektet godkendes\n2. at kommunen "
    "stiller garanti for lånet",
    decision="Godkendt.\nFor: A og V\nImod: A (1)",
    outcome="godkendt",
    votes=[("A", "for"), ("V", "for"), ("A", "imod")],
    case_presentation=(
        "Energirenoveringen omfatter efterisolering af tag og facader samt nye "
        "ventilationsanlæg. Varmeforbruget forventes at falde med 35 procent."
    ),
    economic_consequences="Garantien påvirker ikke kommunens låneramme.",
    attachments=["Projektbeskrivelse", "Energiberegning", "Tidsplan"],
)

PERSONNEL_CLOSED = Item(
    0,
    "Klage over anvisning af bolig",
    closed=True,
    decision_theme="Udvalget skal behandle en klage over en boliganvisning.",
    decision="Godkendt.",
    outcome="godkendt",
    case_presentation="Sagen indeholder oplysninger om en enkelt borgers forhold.",
)


def _numbered(*items, start=1):
    return [replace(item, number=start + index) for index, item in enumerate(items)]


# --- the meetings ----------------------------------------------------------------------------

MEETINGS = [
    Meeting(
        name="referat-2018-05-29",
        generator="fpdf2",
        layout="modern",
        kind="referat",
        date=datetime.date(2018, 5, 29),
        date_text="Tirsdag den 29. maj 2018",
        time=datetime.time(17, 0),
        time_text="Kl. 17:00",
        place="Rådhuset, mødelokale 1",
        members=MEMBERS_2018,
        absent=ABSENT_2018,
        remarks=(
            "Erik Stedfortræder (F) deltog som stedfortræder for Camilla Demo (F). "
            "Boligchef Karin Kontor deltog under punkt 2."
        ),
        items=_numbered(APPROVE_AGENDA, SKEMA_B, PRAESTEMOSEN, ALTANER, SALE_CLOSED, NEWS),
        bullet="•",
        exercises="minutes; running header and footer 'Side N af M'; table of contents with "
        "dotted leaders and page numbers; '•' bullets; closed item marked by a line; votes; "
        "Bilag; words hyphenated across lines; body text smaller than headings",
    ),
    Meeting(
        name="dagsorden-2018-05-29",
        generator="fpdf2",
        layout="modern-agenda",
        kind="dagsorden",
        date=datetime.date(2018, 5, 29),
        date_text="Tirsdag den 29. maj 2018",
        time=datetime.time(17, 0),
        time_text="17:00",
        place="Rådhuset, mødelokale 1",
        members=[*MEMBERS_2018, ABSENT_2018[0]],
        items=[
            replace(item, decision="", outcome="", votes=[])
            for item in _numbered(APPROVE_AGENDA, SKEMA_B, PRAESTEMOSEN, ALTANER, SALE_CLOSED)
        ],
        bullet="-",
        exercises="agenda (no decisions); '-' bullets; table of contents without page numbers; "
        "time written '17:00'; closed item",
    ),
    Meeting(
        name="referat-2019-03-12",
        generator="libreoffice",
        layout="word-modern",
        kind="referat",
        date=datetime.date(2019, 3, 12),
        date_text="Tirsdag den 12. marts 2019",
        time=datetime.time(16, 30),
        time_text="Kl. 16.30",
        place="Hvidovre Rådhus, udvalgsværelse 2",
        members=[
            ("Anne Eksempel", "A"),
            ("Bent Prøvesen", "V"),
            ("Dorte Prøve", "C"),
            ("Frederik Fiktiv", "Ø"),
            ("Camilla Demo", "F"),
        ],
        absent=[("Ole Opdigtet", "O")],
        remarks="Ingen bemærkninger til mødet.",
        items=_numbered(
            APPROVE_AGENDA,
            replace(SUPERVISION, title="Tilsyn med de almene boligorganisationer 2019"),
            DISPENSATION,
            replace(
                SALE_CLOSED, written_title="Lukket punkt: Salg af kommunal grund ved Hvidovrevej"
            ),
            YOUTH,
        ),
        bullet="\uf0b7",
        exercises="LibreOffice PDF from Word: Mødefakta as a table; '' bullets (Symbol font); "
        "Word's automatic numbering; header and footer with page fields; table of contents "
        "with tab leaders; votes given with names; closed item marked in its title",
    ),
    Meeting(
        name="referat-2019-11-19",
        generator="docx",
        layout="word-numbered",
        kind="referat",
        date=datetime.date(2019, 11, 19),
        date_text="Tirsdag den 19. november 2019",
        time=datetime.time(17, 0),
        time_text="kl. 17.00",
        place="Hvidovre Rådhus, mødelokale 3",
        members=[
            ("Anne Eksempel", "A"),
            ("Helle M. Eksempel", "A"),
            ("Bent Prøvesen", "V"),
            ("Dorte Prøve", "C"),
            ("Ole Opdigtet", "O"),
        ],
        absent=[("Frederik Fiktiv", "Ø"), ("Camilla Demo", "F")],
        unknown_facts=["Mødeleder: Anne Eksempel (A)"],
        items=_numbered(
            APPROVE_AGENDA,
            replace(
                SKEMA_B,
                extra=[
                    (
                        "Lovgrundlag",
                        "Lov om almene boliger m.v. § 115 om kommunens godkendelse af "
                        "byggeriets anskaffelsessum.",
                    )
                ],
            ),
            FLEX,
            ENERGY,
        ),
        bullet="-",
        notes=["“Lovgrundlag” er ikke et kendt afsnit", "Mødeleder"],
        exercises="Word document read directly: item headings numbered by Word (Heading 1 with "
        "numbering), Mødefakta table, an unknown fact (Mødeleder), an unknown section "
        "(Lovgrundlag), a party that split its vote",
    ),
    Meeting(
        name="referat-2019-11-19-libreoffice",
        generator="libreoffice",
        layout="word-numbered",
        kind="referat",
        date=datetime.date(2019, 11, 19),
        date_text="Tirsdag den 19. november 2019",
        time=datetime.time(17, 0),
        time_text="kl. 17.00",
        place="Hvidovre Rådhus, mødelokale 3",
        members=[
            ("Anne Eksempel", "A"),
            ("Helle M. Eksempel", "A"),
            ("Bent Prøvesen", "V"),
            ("Dorte Prøve", "C"),
            ("Ole Opdigtet", "O"),
        ],
        absent=[("Frederik Fiktiv", "Ø"), ("Camilla Demo", "F")],
        unknown_facts=["Mødeleder: Anne Eksempel (A)"],
        items=_numbered(
            APPROVE_AGENDA,
            replace(
                SKEMA_B,
                extra=[
                    (
                        "Lovgrundlag",
                        "Lov om almene boliger m.v. § 115 om kommunens godkendelse af "
                        "byggeriets anskaffelsessum.",
                    )
                ],
            ),
            FLEX,
            ENERGY,
        ),
        bullet="-",
        notes=["“Lovgrundlag” er ikke et kendt afsnit", "Mødeleder"],
        exercises="the Word document above as LibreOffice prints it to PDF",
    ),
    Meeting(
        name="referat-2012-09-18",
        generator="fpdf2",
        layout="old",
        kind="referat",
        date=datetime.date(2012, 9, 18),
        date_text="18.09.2012",
        time=datetime.time(17, 0),
        time_text="kl. 17.00",
        place="Rådhuset, lokale 117",
        place_label="Mødelokale",
        members=[
            ("Anne Eksempel", "A"),
            ("Bent Prøvesen", "V"),
            ("Ole Opdigtet", "O"),
            ("Camilla Demo", "F"),
        ],
        absent=[("Dorte Prøve", "C")],
        remarks="Mødet blev holdt i forlængelse af en besigtigelse i Friheden.",
        items=_numbered(
            APPROVE_AGENDA,
            replace(
                PRAESTEMOSEN,
                title="Helhedsplan for Præstemosen – første orientering",
                decision="Orienteringen blev taget til efterretning.",
            ),
            RENT_RISE,
            ANY_OTHER,
        ),
        bullet="-",
        exercises="older run-on layout: 'Mødelokale', 'Medlemmer: a, b og c' on one line, "
        "'Fravær med afbud', 'Særlige forhold', date '18.09.2012', 'kl. 17.00', headings "
        "in bold only (same size as the text)",
    ),
    Meeting(
        name="referat-2013-01-22",
        generator="libreoffice",
        layout="word-old",
        kind="referat",
        date=datetime.date(2013, 1, 22),
        date_text="22-01-2013",
        time=datetime.time(16, 30),
        time_text="Kl. 16.30–18.00",
        place="Hvidovre Bibliotek, mødesalen",
        place_label="Mødelokale",
        members=[
            ("Anne Eksempel", "A"),
            ("Helle M. Eksempel", "A"),
            ("Bent Prøvesen", "V"),
            ("Dorte Prøve", "C"),
            ("Ole Opdigtet", "O"),
            ("Frederik Fiktiv", "Ø"),
            ("Jens Jensen Påfund", "A"),
            ("Lise-Lotte Tænkt", "V"),
        ],
        absent=[("Camilla Demo", "F"), ("Mads Makeup", "B")],
        remarks="Jens Jensen Påfund (A) forlod mødet kl. 17.15 under punkt 3.",
        items=_numbered(
            APPROVE_AGENDA,
            replace(
                SUPERVISION,
                title="Tilsyn med de almene boligorganisationer 2012",
                decision="Godkendt.",
            ),
            replace(
                SKEMA_B,
                title="Skema A for nybyggeri i Avedøre Stationsby",
                decision="Anbefales over for Økonomiudvalget.",
                outcome="anbefalet",
                votes=[],
            ),
        ),
        bullet="-",
        notes=["kun starttidspunktet 16:30 er gemt"],
        exercises="older run-on layout from LibreOffice: a members line so long it wraps, "
        "two absentees on one line, time 'Kl. 16.30–18.00', date '22-01-2013'",
    ),
    Meeting(
        name="referat-2020-06-16",
        generator="fpdf2",
        layout="long",
        kind="referat",
        date=datetime.date(2020, 6, 16),
        date_text="Tirsdag den 16. juni 2020",
        time=datetime.time(17, 0),
        time_text="Kl. 17.00",
        place="Rådhuset, mødelokale 1",
        members=MEMBERS_2018,
        absent=ABSENT_2018,
        remarks="Mødet blev holdt som videomøde.",
        items=_numbered(
            APPROVE_AGENDA,
            SKEMA_B,
            PRAESTEMOSEN,
            ALTANER,
            RENT_RISE,
            replace(SUPERVISION, title="Tilsyn med de almene boligorganisationer 2019"),
            FLEX,
            SOCIAL,
            DISPENSATION,
            BUDGET,
            ENERGY,
            PERSONNEL_CLOSED,
            NEWS,
        ),
        bullet="–",
        notes=["Partiet A stemte ikke samlet", "Beslutningen er ikke entydig"],
        exercises="a long document: 13 items, each on its own page; header with committee and "
        "date, footer '- N -'; contents headed 'Punkter til dagsorden … Side'; '–' bullets; "
        "every outcome; an ambiguous decision; a split party vote",
    ),
    Meeting(
        name="referat-2021-11-30",
        generator="libreoffice",
        layout="word-modern",
        kind="referat",
        date=datetime.date(2021, 11, 30),
        date_text="Tirsdag den 30. november 2021",
        time=datetime.time(17, 0),
        time_text="Kl. 17:00",
        place="Rådhuset, mødelokale 1",
        members=[("Anne Eksempel", "A"), ("Bent Prøvesen", "V"), ("Dorte Prøve", "C")],
        absent=[],
        unknown_facts=["Mødeleder: Anne Eksempel (A)"],
        remarks="Punkt 3 blev behandlet før punkt 2.",
        items=_numbered(
            APPROVE_AGENDA,
            replace(
                YOUTH,
                pre="Sagen blev udsat på mødet i oktober og genoptages nu.",
                extra=[
                    ("Kommunikation", "Beslutningen meddeles boligorganisationen skriftligt."),
                    (
                        "Trafikale forhold",
                        "Der etableres 20 nye cykelparkeringspladser ved boligerne.",
                    ),
                ],
            ),
            replace(
                SOCIAL,
                after_attachments="Mødet blev hævet kl. 18.40.",
            ),
        ),
        bullet="\uf0b7",
        notes=[
            "“Kommunikation” er ikke et kendt afsnit",
            "“Trafikale forhold” er ikke et kendt afsnit",
            "står før første afsnit",
            "efter bilagslisten",
            "Mødeleder",
        ],
        exercises="nothing lost: text before the first section, a known extra heading "
        "(Kommunikation), an unknown heading recognised by its font (Trafikale forhold), text "
        "after the attachment list, an unknown meeting fact (Mødeleder)",
    ),
    Meeting(
        name="dagsorden-2022-02-22",
        generator="libreoffice",
        layout="word-modern",
        kind="dagsorden",
        date=datetime.date(2022, 2, 22),
        date_text="Tirsdag den 22. februar 2022",
        time=datetime.time(17, 0),
        time_text="Kl. 17:00",
        place="Rådhuset, mødelokale 1",
        members=[("Anne Eksempel", "A"), ("Bent Prøvesen", "V"), ("Frederik Fiktiv", "Ø")],
        absent=[],
        items=[
            replace(item, decision="", outcome="", votes=[])
            for item in _numbered(
                APPROVE_AGENDA,
                ENERGY,
                replace(
                    PERSONNEL_CLOSED,
                    written_title="Klage over anvisning af bolig (Lukket punkt)",
                ),
                SOCIAL,
            )
        ],
        bullet="–",
        exercises="an agenda from LibreOffice; closed item marked after its title; '–' bullets",
    ),
    Meeting(
        name="referat-2023-09-26",
        generator="text",
        layout="modern",
        kind="referat",
        date=datetime.date(2023, 9, 26),
        date_text="Tirsdag den 26. september 2023",
        time=datetime.time(17, 0),
        time_text="Kl. 17:00",
        place="Rådhuset, mødelokale 1",
        members=MEMBERS_2018,
        absent=ABSENT_2018,
        remarks="Mødet blev holdt på Frihedens Idrætscenter.",
        items=_numbered(APPROVE_AGENDA, ALTANER, SOCIAL, YOUTH, SALE_CLOSED),
        bullet="•",
        exercises="pasted text: what pdftotext gives of an fpdf2 PDF (no fonts, form feeds "
        "between pages, running headers and page numbers in the text, wrapped and hyphenated "
        "lines)",
    ),
    Meeting(
        name="referat-2024-04-30",
        generator="fpdf2",
        layout="modern",
        kind="referat",
        date=datetime.date(2024, 4, 30),
        date_text="2024-04-30",
        time=datetime.time(16, 0),
        time_text="16:00",
        place="Avedøre Stationsby, beboerhuset",
        members=[("Anne Eksempel", "A"), ("Bent Prøvesen", "V"), ("Ole Opdigtet", "O")],
        absent=[("Frederik Fiktiv", "Ø")],
        remarks="",
        items=_numbered(APPROVE_AGENDA, BUDGET, FLEX, DISPENSATION, ANY_OTHER),
        bullet="•",
        notes=["Beslutningen er ikke entydig"],
        exercises="ISO date in Mødefakta; no remarks; an ambiguous decision; 'Intet.' as a "
        "decision (no outcome)",
    ),
]

# The two meetings below were written after the parser, as a check on layouts it had not seen:
# read before any fix, the Word one gave no items at all ("Punkt 3 – Title" was unknown).
MEETINGS.append(
    Meeting(
        name="referat-2025-01-28",
        generator="fpdf2",
        layout="compact",
        kind="referat",
        date=datetime.date(2025, 1, 28),
        date_text="Tirsdag den 28. januar 2025",
        time=datetime.time(16, 0),
        time_text="kl. 16.00",
        place="Beboerhuset i Friheden",
        place_label="Sted",
        members=[
            ("Anne Eksempel", "A"),
            ("Bent Prøvesen", "V"),
            ("Dorte Prøve", "C"),
            ("Ole Opdigtet", "O"),
        ],
        absent=[("Frederik Fiktiv", "Ø")],
        items=_numbered(
            APPROVE_AGENDA,
            replace(
                SKEMA_B,
                title="Skema C for nybyggeri i Avedøre Stationsby, afdeling 12",
                decision_theme=SKEMA_B.decision_theme.replace("skema B", "skema C"),
                case_presentation=(SKEMA_B.case_presentation + "\n\n")
                * 2
                + "Skema C er det endelige byggeregnskab, som boligorganisationen skal "
                "aflevere, når byggeriet er taget i brug og alle udgifter er opgjort.",
            ),
            ENERGY,
            PERSONNEL_CLOSED,
            SOCIAL,
        ),
        bullet="•",
        notes=["Partiet A stemte ikke samlet"],
        exercises="another system's layout, written after the parser: facts in two columns "
        "without colons ('Dato', 'Tid', 'Sted'), 'Referat fra mødet i … tirsdag den …', "
        "'Deltagere' and 'Afbud' without bullets, 'Punkt 3:' headings, justified text, "
        "decisions in bold, numbered lists as '1)', 'Bilag 1: …' lines, a closed item marked "
        "'Lukket punkt – …', a paragraph across a page break",
    )
)

MEETINGS.append(
    Meeting(
        name="referat-2025-04-08",
        generator="docx",
        layout="word-tables",
        kind="referat",
        date=datetime.date(2025, 4, 8),
        date_text="Tirsdag den 8. april 2025",
        time=datetime.time(17, 30),
        time_text="17.30",
        place="Hvidovre Rådhus, byrådssalen",
        place_label="Sted",
        members=[
            ("Anne Eksempel", "A"),
            ("Helle M. Eksempel", "A"),
            ("Bent Prøvesen", "V"),
            ("Frederik Fiktiv", "Ø"),
        ],
        absent=[("Ole Opdigtet", "O"), ("Dorte Prøve", "C")],
        items=_numbered(
            APPROVE_AGENDA,
            RENT_RISE,
            replace(
                DISPENSATION,
                decision="Enstemmigt afvist.",
                votes=[],
            ),
            SALE_CLOSED,
            YOUTH,
        ),
        bullet="-",
        exercises="a Word layout written after the parser: the title over two paragraphs, "
        "time and place in a table with the members as paragraphs of one cell, "
        "'Punkt 3 – Title' headings, sections as bold labels inside the paragraph "
        "('Indstilling: …'), soft line breaks, 'Ingen bilag.'",
    )
)


# --- layouts of the meeting systems clerks actually have --------------------------------------
#
# Written after real published minutes of Danish municipalities (Hvidovre's own, 2012-2019, and
# other municipalities') had been tried on the importer: their layouts, not their words. Each
# meeting names the patterns of real minutes it reproduces; the README gives the accuracy per
# pattern (`python -m tests.minutes.import_accuracy`).

PATTERNS = {
    "contents-then-items": "“Indholdsfortegnelse” followed directly by the items (the web and "
    "PDF export of Hvidovre's meeting system)",
    "contents-with-pages": "a table of contents with page numbers before the items",
    "numbering-not-from-1": "items numbered across the year (“131. Godkendelse af dagsorden”)",
    "case-and-point-words": "items headed “Sag nr. 12”, “Punkt 3”",
    "open-closed-prefix": "items prefixed “Åbent punkt” / “Lukket punkt”",
    "unnumbered-items": "unnumbered items under bold headings",
    "member-variants": "members as written: “Navn (A)”, “Navn ()”, “Navn ((O))”, “Navn, (A)”, "
    "“Suppleant for X (A)”, no party",
    "absence-variants": "“Fraværende”, “Fraværende med afbud”, “Afbud: X”, absent for some "
    "items (“…, sag 129-138”)",
    "title-variants": "“Referat af møde i …”, “Referat til mødet i …”, “<Udvalg> - Referat”, "
    "“Beslutningsprotokol”, time and place in the title, the date alone on a line",
    "another-committee": "a document of another committee",
    "votes-as-written": "“For: Gruppe A, F og O”, “Imod: Liste H og Gruppe Ø”, “Undlod: …”, "
    "“Afventer: …”",
    "running-lines": "running headers, footers and page numbers (one page included)",
    "run-on-facts": "older run-on layout: facts, members and absentees in one flowing paragraph",
    "web-chrome": "buttons of the web page copied along (“Udskriv”)",
    "pasted-text": "text pasted from a PDF viewer or a web page",
    "word": "Word documents (.docx), read directly",
    "our-own-layouts": "the layouts of our first corpus (2012-2025, five systems)",
}

MEMBERS_REAL = [
    ("Lene Eksempel", "A"),
    ("Jonas Prøvesen", "A"),
    ("Birthe Fiktiv", "V"),
    ("Kasper Opdigtet", "O"),
    ("Mette Demo", "F"),
    ("Sten Påfund", "C"),
    ("Rikke Tænkt", "Ø"),
]
REAL_COMMITTEE = "Almenboligudvalget"

STEERING = Item(
    0,
    "Styringsdialog med Boligselskabet Kystbo 2018",
    decision_theme=(
        "Kommunen og boligorganisationen har holdt det årlige styringsdialogmøde. Udvalget skal "
        "godkende dokumentationen fra mødet."
    ),
    recommendation=(
        "Direktøren indstiller til Almenboligudvalget\n"
        "1. at dokumentationen fra styringsdialogen godkendes\n"
        "2. at aftalen om effektiviseringsmål for 2019 godkendes"
    ),
    decision="Ad 1. Godkendt.\nAd 2. Godkendt.\nFor: Gruppe A, F og O\nImod: Liste H og Gruppe Ø",
    outcome="godkendt",
    votes=[("A", "for"), ("F", "for"), ("O", "for"), ("H", "imod"), ("Ø", "imod")],
    case_presentation=(
        "Styringsdialogen tager udgangspunkt i boligorganisationens regnskab, dens "
        "effektivitetstal og de aftaler, der blev indgået sidste år.\n\n"
        "På mødet blev især drøftet:\n"
        "- udlejningen af de store familieboliger\n"
        "- vedligeholdelsesplanerne for afdelingerne\n"
        "- beboerdemokratiets arbejde med trivsel i opgangene"
    ),
    economic_consequences="Sagen har ingen økonomiske konsekvenser for kommunen.",
    attachments=["Dokumentation for styringsdialogen 2018"],
)

LETTING_RULES = Item(
    0,
    "Ændrede regler for udlejning af familieboliger",
    decision_theme=(
        "Boligorganisationerne foreslår nye regler for fortrinsret på ventelisten til "
        "familieboliger."
    ),
    recommendation=(
        "Forvaltningen indstiller, at de ændrede udlejningsregler anbefales over for "
        "Kommunalbestyrelsen."
    ),
    decision="Anbefales.\nFor: A, C og F\nUndlod: O\nAfventer: Gruppe V",
    outcome="anbefalet",
    votes=[("A", "for"), ("C", "for"), ("F", "for"), ("O", "undlod"), ("V", "afventer")],
    case_presentation=(
        "Reglerne giver boligsøgende med arbejde i kommunen fortrinsret til hver anden ledige "
        "familiebolig. Ændringen gælder i fire år og evalueres efter to år.\n\n"
        "Reglerne har været drøftet med beboerne i alle afdelinger med familieboliger."
    ),
)

BASE_CAPITAL = Item(
    0,
    "Grundkapital til 40 almene boliger på Stamholmen",
    decision_theme=(
        "Udvalget skal tage stilling til, om kommunen skal yde grundkapital til et nyt alment "
        "byggeri."
    ),
    recommendation=(
        "Forvaltningen indstiller,\n1. at skema A godkendes\n2. at der ydes grundkapital på "
        "7,9 mio. kr."
    ),
    decision="Anbefales godkendt over for Økonomiudvalget.\nFor: Gruppe A og Gruppe C\nImod: "
    "Gruppe O",
    outcome="anbefalet",
    votes=[("A", "for"), ("C", "for"), ("O", "imod")],
    case_presentation=(
        "Boligselskabet Kystbo vil opføre 40 almene familieboliger i fire etager. Byggeriet "
        "skal stå færdigt i 2022.\n\n"
        "Lokalplanen for området blev vedtaget i foråret, og der er afsat plads til "
        "fælleshus og legeplads."
    ),
    economic_consequences="Grundkapitalen afholdes af det afsatte beløb på anlægsbudgettet.",
    attachments=["Skema A", "Situationsplan"],
)

SALE_CLOSED_TEXT = replace(
    SALE_CLOSED,
    case_presentation=(
        "Kommunen har modtaget et købstilbud på 4,2 mio. kr. fra en privat investor. Tilbuddet "
        "og forhandlingerne er fortrolige, indtil handlen er endelig."
    ),
)


def _agenda(items):
    return [replace(item, decision="", outcome="", votes=[]) for item in items]


WEB_EXPORT_2018 = Meeting(
    name="referat-2018-12-03",
    generator="chromium",
    layout="web-export",
    kind="referat",
    committee=REAL_COMMITTEE,
    title="Referat - Almenboligudvalget den 3. december 2018",
    date=datetime.date(2018, 12, 3),
    date_text="Mandag den 3. december 2018",
    time=datetime.time(17, 0),
    time_text="Kl. 17:00",
    place="Rådhuset, mødelokale 1",
    member_lines=[
        "Lene Eksempel (A)",
        "Jonas Prøvesen (A)",
        "Birthe Fiktiv (V)",
        "Kasper Opdigtet (O)",
        "Mette Demo ()",
        "Sten Påfund (C)",
    ],
    absent_lines=["Rikke Tænkt (Ø)"],
    participants=[
        ("Lene Eksempel", "A", "til_stede"),
        ("Jonas Prøvesen", "A", "til_stede"),
        ("Birthe Fiktiv", "V", "til_stede"),
        ("Kasper Opdigtet", "O", "til_stede"),
        ("Mette Demo", "", "til_stede"),
        ("Sten Påfund", "C", "til_stede"),
        ("Rikke Tænkt", "Ø", "afbud"),
    ],
    remarks="Boligchef Eva Kontor deltog under punkt 3.",
    items=_numbered(APPROVE_AGENDA, NEWS, STEERING, LETTING_RULES, SALE_CLOSED_TEXT),
    patterns=[
        "contents-then-items",
        "member-variants",
        "absence-variants",
        "votes-as-written",
        "running-lines",
        "web-chrome",
    ],
    exercises="the meeting system's web page printed by Chromium: 'Udskriv' above the "
    "title, 'Indholdsfortegnelse' followed by the items themselves, 'Fraværende', a member "
    "'Navn ()', votes by 'Gruppe' and 'Liste', 'Afventer', header and footer on every page",
)


RUN_ON_2012 = Meeting(
    name="referat-2012-08-28",
    generator="fpdf2",
    layout="run-on",
    kind="referat",
    committee=REAL_COMMITTEE,
    date=datetime.date(2012, 8, 28),
    date_text="Tirsdag den 28. august 2012",
    time=datetime.time(18, 0),
    time_text="18:00",
    place="KB-Salen",
    place_label="Mødelokale",
    members=[
        ("Lene Eksempel", ""),
        ("Jonas Prøvesen", ""),
        ("Birthe Fiktiv", ""),
        ("Kasper Opdigtet", ""),
        ("Mette Demo", ""),
        ("Kim Suppleant", ""),
    ],
    absent=[("Sten Påfund", ""), ("Rikke Tænkt", "")],
    unknown_facts=["Kim Suppleant er suppleant for Sten Påfund"],
    remarks="Der er offentlig spørgetid umiddelbart inden mødet.",
    items=_numbered(
        APPROVE_AGENDA,
        replace(PRAESTEMOSEN, title="Helhedsplan for Præstemosen – status august 2012"),
        replace(
            RENT_RISE,
            decision="Godkendt.\nFor stemte: A, F og V\nImod stemte: O",
            outcome="godkendt",
            votes=[("A", "for"), ("F", "for"), ("V", "for"), ("O", "imod")],
        ),
        ANY_OTHER,
    ),
    bullet="-",
    patterns=["run-on-facts", "contents-with-pages", "member-variants", "running-lines"],
    exercises="the older layout of 2012: committee and kind on lines of their own, then "
    "date, time, 'Særlige forhold', 'Mødelokale', 'Medlemmer' (no party letters) and 'Fravær "
    "med afbud' run on in one paragraph; contents headed 'Punkter til dagsorden … Side'",
)


PROTOCOL_2019 = Meeting(
    name="beslutningsprotokol-2019-10-29",
    generator="docx",
    layout="protocol",
    kind="referat",
    committee=REAL_COMMITTEE,
    date=datetime.date(2019, 10, 29),
    date_text="29-10-2019",
    time=datetime.time(16, 30),
    time_text="kl. 16.30",
    place="Mødelokale A, Ullasvej",
    member_lines=[
        "Lene Eksempel (A)",
        "Jonas Prøvesen, (A)",
        "Kasper Opdigtet ((O))",
        "Suppleant for Sten Påfund (C)",
        "Mette Demo (F)",
    ],
    absent_lines=["Afbud: Sten Påfund (C)", "Fraværende: Birthe Fiktiv (V), sag 133-135"],
    participants=[
        ("Lene Eksempel", "A", "til_stede"),
        ("Jonas Prøvesen", "A", "til_stede"),
        ("Kasper Opdigtet", "O", "til_stede"),
        ("Suppleant for Sten Påfund", "C", "til_stede"),
        ("Mette Demo", "F", "til_stede"),
        ("Sten Påfund", "C", "afbud"),
        ("Birthe Fiktiv", "V", "til_stede"),
    ],
    remarks="Fraværende: Birthe Fiktiv (V), sag 133-135",
    items=_numbered(
        APPROVE_AGENDA,
        STEERING,
        LETTING_RULES,
        SALE_CLOSED_TEXT,
        ANY_OTHER,
        start=131,
    ),
    patterns=[
        "title-variants",
        "numbering-not-from-1",
        "open-closed-prefix",
        "member-variants",
        "absence-variants",
        "votes-as-written",
        "word",
    ],
    exercises="'Beslutningsprotokol' with the committee and the date on lines of their "
    "own, the place 'Mødelokale A, Ullasvej'; items numbered across the year (131-135), "
    "each under 'Åbent punkt' or 'Lukket punkt'; 'Resumé' and 'Økonomi' as headings",
)


UNNUMBERED_2021 = Meeting(
    name="referat-2021-11-17",
    generator="docx",
    layout="unnumbered",
    kind="referat",
    committee=REAL_COMMITTEE,
    title="Almenboligudvalget - Referat",
    date=datetime.date(2021, 11, 17),
    date_text="Onsdag den 17. november 2021",
    time=datetime.time(16, 0),
    time_text="16.00",
    place="Rådhuset, mødelokale 3",
    member_lines=["Lene Eksempel, Jonas Prøvesen og Birthe Fiktiv"],
    absent_lines=["Afbud: Kasper Opdigtet"],
    participants=[
        ("Lene Eksempel", "", "til_stede"),
        ("Jonas Prøvesen", "", "til_stede"),
        ("Birthe Fiktiv", "", "til_stede"),
        ("Kasper Opdigtet", "", "afbud"),
    ],
    items=_numbered(APPROVE_AGENDA, YOUTH, BASE_CAPITAL, NEWS),
    patterns=[
        "title-variants",
        "unnumbered-items",
        "member-variants",
        "absence-variants",
        "votes-as-written",
        "word",
    ],
    exercises="'<Udvalg> - Referat'; items as bold paragraphs without numbers; 'Til stede: "
    "A, B og C' and 'Afbud: X' without party letters",
)


REAL_MEETINGS = [
    WEB_EXPORT_2018,
    replace(
        WEB_EXPORT_2018,
        name="referat-2018-12-03-kopieret",
        generator="chromium-text",
        patterns=[
            "contents-then-items",
            "member-variants",
            "absence-variants",
            "votes-as-written",
            "web-chrome",
            "pasted-text",
        ],
        exercises="the same web page copied from the browser and pasted (innerText): one "
        "paragraph a line, no fonts",
    ),
    Meeting(
        name="referat-2019-09-24",
        generator="chromium",
        layout="web-export",
        kind="referat",
        committee=REAL_COMMITTEE,
        title="Referat - Almenboligudvalget den 24. september 2019",
        date=datetime.date(2019, 9, 24),
        date_text="Tirsdag den 24. september 2019",
        time=datetime.time(16, 30),
        time_text="Kl. 16:30",
        place="Rådhuset, mødelokale 2",
        member_lines=[
            "Lene Eksempel (A)",
            "Birthe Fiktiv (V)",
            "Kasper Opdigtet ((O))",
            "Mette Demo (F)",
        ],
        absent_lines=["Sten Påfund (C)", "Rikke Tænkt (Ø)"],
        participants=[
            ("Lene Eksempel", "A", "til_stede"),
            ("Birthe Fiktiv", "V", "til_stede"),
            ("Kasper Opdigtet", "O", "til_stede"),
            ("Mette Demo", "F", "til_stede"),
            ("Sten Påfund", "C", "afbud"),
            ("Rikke Tænkt", "Ø", "afbud"),
        ],
        items=_numbered(
            APPROVE_AGENDA,
            replace(
                YOUTH,
                case_presentation="Kollektiv udlejning betyder, at en uddannelsesinstitution "
                "lejer boligerne og fremlejer dem til sine studerende.",
            ),
        ),
        patterns=["contents-then-items", "member-variants", "running-lines", "web-chrome"],
        exercises="a one-page web export with header and footer; 'Navn ((O))'; 'Fraværende "
        "med afbud'",
    ),
    Meeting(
        name="dagsorden-2019-11-25",
        generator="chromium",
        layout="web-export",
        kind="dagsorden",
        committee=REAL_COMMITTEE,
        title="Dagsorden - Almenboligudvalget den 25. november 2019",
        date=datetime.date(2019, 11, 25),
        date_text="Mandag den 25. november 2019",
        time=datetime.time(17, 0),
        time_text="Kl. 17:00",
        place="Rådhuset, mødelokale 1",
        members=MEMBERS_REAL,
        items=_agenda(_numbered(APPROVE_AGENDA, BASE_CAPITAL, ENERGY, PERSONNEL_CLOSED)),
        patterns=["contents-then-items", "running-lines", "web-chrome"],
        exercises="an agenda from the web export: contents then items, no decisions",
    ),
    Meeting(
        name="referat-2018-10-29-oekonomiudvalget",
        generator="chromium-text",
        layout="web-export",
        kind="referat",
        committee="Økonomiudvalget",
        title="Referat - Økonomiudvalget den 29. oktober 2018",
        date=datetime.date(2018, 10, 29),
        date_text="Mandag den 29. oktober 2018",
        time=datetime.time(17, 0),
        time_text="Kl. 17:00",
        place="Rådhuset, mødelokale 1",
        members=[("Lene Eksempel", "A"), ("Birthe Fiktiv", "V"), ("Kasper Opdigtet", "O")],
        items=_numbered(
            APPROVE_AGENDA,
            replace(BUDGET, decision="Godkendt.", outcome="godkendt"),
            NEWS,
        ),
        patterns=["contents-then-items", "another-committee", "pasted-text", "web-chrome"],
        exercises="another committee's minutes, pasted from its web page: read as they are; "
        "the import says it is not this committee's",
    ),
    RUN_ON_2012,
    replace(
        RUN_ON_2012,
        name="referat-2012-08-28-kopieret",
        generator="text",
        patterns=[
            "run-on-facts",
            "contents-with-pages",
            "member-variants",
            "pasted-text",
            "running-lines",
        ],
        exercises="the run-on PDF above as pdftotext gives it",
    ),
    Meeting(
        name="dagsorden-2013-02-26",
        generator="fpdf2",
        layout="run-on",
        kind="dagsorden",
        committee=REAL_COMMITTEE,
        date=datetime.date(2013, 2, 26),
        date_text="Tirsdag den 26. februar 2013",
        time=datetime.time(17, 30),
        time_text="17:30",
        place="Rådhuset, lokale 117",
        place_label="Mødelokale",
        members=[
            ("Lene Eksempel", ""),
            ("Jonas Prøvesen", ""),
            ("Birthe Fiktiv", ""),
            ("Kasper Opdigtet", ""),
            ("Sten Påfund", ""),
        ],
        absent=[("Mette Demo", "")],
        items=_agenda(_numbered(APPROVE_AGENDA, SOCIAL, FLEX)),
        bullet="-",
        patterns=["run-on-facts", "contents-with-pages", "member-variants", "running-lines"],
        exercises="an agenda in the older run-on layout, without 'Særlige forhold'",
    ),
    PROTOCOL_2019,
    replace(
        PROTOCOL_2019,
        name="beslutningsprotokol-2019-10-29-libreoffice",
        generator="libreoffice",
        patterns=[
            "title-variants",
            "numbering-not-from-1",
            "open-closed-prefix",
            "member-variants",
            "absence-variants",
            "votes-as-written",
            "running-lines",
        ],
        exercises="the protocol above as LibreOffice prints it, with header and footer",
    ),
    Meeting(
        name="beslutningsprotokol-2020-01-28",
        generator="libreoffice",
        layout="protocol",
        kind="referat",
        committee=REAL_COMMITTEE,
        date=datetime.date(2020, 1, 28),
        date_text="28-01-2020",
        time=datetime.time(16, 0),
        time_text="kl. 16.00",
        place="Mødelokale B, Ullasvej",
        member_lines=[
            "Lene Eksempel (A)",
            "Jonas Prøvesen (A)",
            "Birthe Fiktiv (V)",
            "Rikke Tænkt",
        ],
        absent_lines=["Afbud: Kasper Opdigtet (O) og Mette Demo (F)"],
        participants=[
            ("Lene Eksempel", "A", "til_stede"),
            ("Jonas Prøvesen", "A", "til_stede"),
            ("Birthe Fiktiv", "V", "til_stede"),
            ("Rikke Tænkt", "", "til_stede"),
            ("Kasper Opdigtet", "O", "afbud"),
            ("Mette Demo", "F", "afbud"),
        ],
        items=_numbered(APPROVE_AGENDA, BASE_CAPITAL, PERSONNEL_CLOSED, NEWS, start=4),
        patterns=[
            "title-variants",
            "numbering-not-from-1",
            "open-closed-prefix",
            "member-variants",
            "absence-variants",
            "votes-as-written",
            "running-lines",
        ],
        exercises="another protocol: a member without party, two absentees after 'Afbud:'",
    ),
    Meeting(
        name="referat-2015-03-10",
        generator="fpdf2",
        layout="case-numbers",
        kind="referat",
        committee=REAL_COMMITTEE,
        title="Referat af møde i Almenboligudvalget den 10. marts 2015 kl. 16.30 på Rådhuset, "
        "mødelokale 2",
        date=datetime.date(2015, 3, 10),
        date_text="",
        time=datetime.time(16, 30),
        time_text="",
        place="Rådhuset, mødelokale 2",
        member_lines=[
            "Lene Eksempel (A), Jonas Prøvesen (A), Birthe Fiktiv (V), Kasper Opdigtet (O) og "
            "Sten Påfund (C)"
        ],
        absent_lines=["Mette Demo (F)"],
        participants=[
            ("Lene Eksempel", "A", "til_stede"),
            ("Jonas Prøvesen", "A", "til_stede"),
            ("Birthe Fiktiv", "V", "til_stede"),
            ("Kasper Opdigtet", "O", "til_stede"),
            ("Sten Påfund", "C", "til_stede"),
            ("Mette Demo", "F", "afbud"),
        ],
        items=_numbered(
            APPROVE_AGENDA, ALTANER, replace(SUPERVISION, title="Tilsyn 2014"), SOCIAL, start=12
        ),
        patterns=[
            "title-variants",
            "case-and-point-words",
            "numbering-not-from-1",
            "contents-with-pages",
            "running-lines",
        ],
        exercises="'Referat af møde i … den … kl. 16.30 på …': time and place only in the "
        "title; 'Til stede' and 'Fraværende med afbud' as labels; 'Sag nr. 12' headings and "
        "contents",
    ),
    Meeting(
        name="referat-2016-06-14",
        generator="fpdf2",
        layout="point-words",
        kind="referat",
        committee=REAL_COMMITTEE,
        title="Referat til mødet i Almenboligudvalget",
        date=datetime.date(2016, 6, 14),
        date_text="Tirsdag den 14. juni 2016",
        time=datetime.time(16, 0),
        time_text="Kl. 16.00",
        place="Rådhuset, mødelokale 3",
        place_label="Sted",
        member_lines=["Lene Eksempel", "Jonas Prøvesen", "Birthe Fiktiv", "Sten Påfund"],
        absent_lines=["Kasper Opdigtet"],
        participants=[
            ("Lene Eksempel", "", "til_stede"),
            ("Jonas Prøvesen", "", "til_stede"),
            ("Birthe Fiktiv", "", "til_stede"),
            ("Sten Påfund", "", "til_stede"),
            ("Kasper Opdigtet", "", "afbud"),
        ],
        remarks="Mødet blev holdt i forlængelse af en besigtigelse i Avedøre Stationsby.",
        items=_numbered(
            APPROVE_AGENDA,
            replace(
                ENERGY,
                decision="Godkendt.\nFor: Gruppe A og Gruppe V\nUndlod: Gruppe C",
                votes=[("A", "for"), ("V", "for"), ("C", "undlod")],
            ),
            PERSONNEL_CLOSED,
            ANY_OTHER,
        ),
        patterns=[
            "title-variants",
            "case-and-point-words",
            "open-closed-prefix",
            "member-variants",
            "absence-variants",
            "votes-as-written",
            "running-lines",
        ],
        exercises="'Referat til mødet i …' without a date (the date under Dato); members without "
        "party letters; 'Punkt 3' headings with 'Åbent punkt' or 'Lukket punkt' after them",
    ),
    UNNUMBERED_2021,
    replace(
        UNNUMBERED_2021,
        name="referat-2021-11-17-libreoffice",
        generator="libreoffice",
        patterns=[
            "title-variants",
            "unnumbered-items",
            "member-variants",
            "absence-variants",
            "votes-as-written",
        ],
        exercises="the unnumbered Word document above, printed by LibreOffice",
    ),
    Meeting(
        name="dagsorden-2020-02-05",
        generator="fpdf2",
        layout="one-page",
        kind="dagsorden",
        committee=REAL_COMMITTEE,
        title="Dagsorden – Almenboligudvalget den 5. februar 2020",
        date=datetime.date(2020, 2, 5),
        date_text="Onsdag den 5. februar 2020",
        time=datetime.time(17, 0),
        time_text="Kl. 17:00",
        place="Rådhuset, mødelokale 1",
        members=[("Lene Eksempel", "A"), ("Birthe Fiktiv", "V"), ("Kasper Opdigtet", "O")],
        absent=[("Mette Demo", "F")],
        items=_agenda(
            _numbered(
                APPROVE_AGENDA,
                replace(
                    FLEX,
                    decision_theme="Aftalen om fleksibel udlejning udløber og skal forlænges.",
                    case_presentation="",
                ),
            )
        ),
        patterns=["running-lines", "contents-then-items"],
        exercises="a one-page agenda with a running header and 'Side 1 af 1' as its footer",
    ),
]
MEETINGS += REAL_MEETINGS

OWN_PATTERNS = {
    "referat-2023-09-26": ["pasted-text", "running-lines"],
    "referat-2019-11-19": ["word"],
    "referat-2025-04-08": ["word"],
    "referat-2018-05-29": ["contents-with-pages", "running-lines"],
    "referat-2020-06-16": ["contents-with-pages", "running-lines"],
    "referat-2012-09-18": ["run-on-facts"],
    "referat-2013-01-22": ["run-on-facts"],
    "referat-2025-01-28": ["case-and-point-words"],
}
for _meeting in MEETINGS:
    if _meeting not in REAL_MEETINGS:
        _meeting.patterns = ["our-own-layouts", *OWN_PATTERNS.get(_meeting.name, [])]


# Files that must not be read as meetings, with the beginning of the message the clerk gets.
BAD_FILES = {
    "scannet.pdf": "Dokumentet indeholder ingen tekst, der kan læses",
    "beskadiget.pdf": "Dokumentet kan ikke læses",
}

DOCUMENT_FILES = {
    "fpdf2": "pdf",
    "libreoffice": "pdf",
    "chromium": "pdf",
    "docx": "docx",
    "text": "txt",
    "chromium-text": "txt",
}


def file_name(meeting):
    return f"{meeting.name}.{DOCUMENT_FILES[meeting.generator]}"
