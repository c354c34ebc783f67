"""
`manage.py loaddemo`: fill a fresh database with fictional meetings, so that a newcomer sees a
living site: 2018–2026, four to six meetings a year, agenda items about the social housing of
Hvidovre, one closed item, minutes PDFs, attachments, one unpublished draft and one agenda for a
meeting still to come.

Everything is invented. The participants are free-text names that say they are made up
("Anne Eksempel (A)"); no committee member is created, so the committee page never shows an
invented person as a member. The data are fixed (a random generator seeded per meeting date), and
a meeting whose date exists already is skipped, so running the command again adds nothing.
"""

import datetime
import random

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from committee.models import Committee
from minutes import changesets
from minutes.demo import make_pdf
from minutes.importing import read_decision
from minutes.models import AgendaItem, Attachment, Meeting, Participant

PLACE = "Rådhuset, mødelokale 1"
START = datetime.time(17, 0)

# The months the committee meets in, per year: four to six meetings, none in July.
MONTHS = {
    2018: [2, 5, 9, 11],
    2019: [1, 3, 5, 9, 11],
    2020: [2, 4, 6, 9, 10, 12],
    2021: [3, 5, 8, 10, 12],
    2022: [2, 4, 6, 9, 11],
    2023: [1, 3, 5, 8, 10, 12],
    2024: [2, 4, 6, 9, 11],
    2025: [1, 3, 5, 9, 11],
    2026: [2, 4, 6, 9, 12],
}
# The meeting whose minutes a clerk is still writing: the one before the last.
DRAFT_INDEX = -2
# The meeting with a closed item.
CLOSED_ITEM_MEETING = (2021, 10)

# Invented people, and names that say so. (name, party letter)
PARTICIPANTS = [
    ("Anne Eksempel", "A"),
    ("Bent Prøvesen", "V"),
    ("Camilla Demo", "F"),
    ("Dennis Fiktiv", "O"),
    ("Eva Opdigtet", "C"),
    ("Finn Testrup", "Ø"),
    ("Gitte Øvelse", "A"),
]

AREAS = [
    "Avedøre Stationsby",
    "Friheden",
    "Præstemosen",
    "Bredalsparken",
    "Frydenhøj",
    "Holmegårdsparken",
]

WEEKDAYS = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"]
MONTH_NAMES = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]

NO_COSTS = "Sagen har ingen økonomiske konsekvenser for kommunen."


def danish_date(day):
    return f"{WEEKDAYS[day.weekday()]} den {day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"


def meeting_dates():
    """Every demo meeting date: a Tuesday, Wednesday or Thursday in the second or third week."""
    dates = []
    for year, months in MONTHS.items():
        for month in months:
            rng = random.Random(year * 100 + month)
            weekday = rng.choice([1, 1, 2, 3])
            first = datetime.date(year, month, 1)
            first_weekday = first + datetime.timedelta(days=(weekday - first.weekday()) % 7)
            dates.append(first_weekday + datetime.timedelta(weeks=rng.choice([1, 2])))
    return dates


# Agenda items. Each takes the meeting's year, a housing area and the meeting's random generator,
# and gives the item's title and sections; "decision" is left out of an agenda (dagsorden).


def steering_dialogue(year, area, rng):
    organisations = rng.randint(6, 9)
    return {
        "title": f"Styringsdialog {year} – orientering om dialogmøderne med boligorganisationerne",
        "decision_theme": (
            "Udvalget orienteres om de lovpligtige styringsdialogmøder, som forvaltningen har "
            f"holdt med boligorganisationerne i {year}."
        ),
        "recommendation": "Forvaltningen indstiller, at orienteringen tages til efterretning.",
        "decision": "Taget til efterretning.",
        "case_presentation": (
            f"Kommunen har holdt styringsdialogmøder med {organisations} boligorganisationer. "
            "Møderne har især handlet om vedligeholdelse, energirenovering, huslejeniveauet og "
            f"beboersammensætningen. I {area} er der aftalt en fælles gennemgang af "
            "afdelingernes langtidsplaner for vedligeholdelse.\n"
            "Boligorganisationerne har samlet set en sund økonomi og en god drift. To afdelinger "
            "har et højt huslejeniveau, som følges op på næste års møder."
        ),
        "economic_consequences": NO_COSTS,
        "attachment": f"Oversigt over styringsdialogmøder {year}",
    }


def comprehensive_plan(year, area, rng):
    millions = rng.randint(40, 180)
    return {
        "title": f"Helhedsplan for {area} – status og skema A",
        "decision_theme": (
            f"Udvalget skal tage stilling til skema A for den fysiske helhedsplan for {area}."
        ),
        "recommendation": (
            "Forvaltningen indstiller, at udvalget anbefaler skema A over for Økonomiudvalget "
            "og Kommunalbestyrelsen."
        ),
        "decision": "Anbefales.",
        "case_presentation": (
            f"Helhedsplanen for {area} omfatter renovering af klimaskærmen, nye badeværelser, "
            "tilgængelige boliger i stueetagen og en ny udformning af friarealerne. "
            "Landsbyggefonden har givet tilsagn om støtte, og beboerne har godkendt planen på et "
            "ekstraordinært afdelingsmøde.\n"
            "Byggeriet ventes at tage tre år, og beboerne genhuses i etaper."
        ),
        "economic_consequences": (
            f"Den samlede anskaffelsessum er {millions} mio. kr. Kommunen stiller garanti for "
            "en del af lånene; garantien påvirker ikke kommunens låneramme."
        ),
        "attachment": f"Skema A – helhedsplan for {area}",
    }


def social_housing_effort(year, area, rng):
    share = rng.choice([15, 20, 25])
    return {
        "title": f"Boligsocial indsats i {area} – ansøgning til Landsbyggefonden",
        "decision_theme": (
            "Udvalget skal tage stilling til kommunens medfinansiering af en ny boligsocial "
            f"helhedsplan for {area}."
        ),
        "recommendation": (
            "Forvaltningen indstiller, at kommunens medfinansiering godkendes, og at sagen "
            "sendes videre til Økonomiudvalget."
        ),
        "decision": "Godkendt.",
        "case_presentation": (
            "Den boligsociale indsats skal styrke børn og unges skolegang, hjælpe flere beboere "
            "i job og uddannelse og understøtte det frivillige foreningsliv. Indsatsen "
            "tilrettelægges sammen med skolerne, jobcentret og boligorganisationen."
        ),
        "economic_consequences": (
            f"Kommunens medfinansiering udgør {share} procent af helhedsplanens budget og "
            "afholdes inden for det boligsociale område."
        ),
        "attachment": f"Udkast til boligsocial helhedsplan for {area}",
    }


def letting_agreement(year, area, rng):
    return {
        "title": "Kombineret udlejning – evaluering af udlejningsaftalerne",
        "decision_theme": (
            "Udvalget skal drøfte evalueringen af aftalerne om kombineret udlejning og tage "
            "stilling til, om de skal forlænges."
        ),
        "recommendation": (
            "Forvaltningen indstiller, at aftalerne forlænges i fire år med de ændringer, der "
            "er beskrevet i sagsfremstillingen."
        ),
        "decision": "Godkendt.",
        "case_presentation": (
            "Med kombineret udlejning kan boligorganisationerne afvise boligsøgende, der modtager "
            "bestemte overførselsindkomster. Evalueringen viser, at andelen af beboere i "
            f"beskæftigelse er steget i {area}, og at flyttemønstrene er blevet mere stabile.\n"
            "Forvaltningen foreslår, at aftalerne fremover også omfatter fortrinsret for "
            "boligsøgende under uddannelse."
        ),
        "economic_consequences": NO_COSTS,
    }


def safety(year, area, rng):
    return {
        "title": f"Tryghed i {area} – tryghedsvandring og samarbejde med politiet",
        "decision_theme": "Udvalget orienteres om resultaterne af årets tryghedsvandring.",
        "recommendation": "Forvaltningen indstiller, at orienteringen tages til efterretning.",
        "decision": "Taget til efterretning.",
        "case_presentation": (
            f"Beboere, boligorganisationen, politiet og kommunen gik en aftentur i {area}. "
            "Der blev peget på mørke stier, tilgroet beplantning og utrygge kældergange. "
            "Boligorganisationen har sat ny belysning op, og politiet har øget sin synlige "
            "tilstedeværelse om aftenen."
        ),
        "economic_consequences": "Belysningen betales af boligorganisationen.",
    }


def budget(year, area, rng):
    return {
        "title": f"Budget {year + 1} – de almene boliger",
        "decision_theme": (
            f"Udvalget skal drøfte de dele af kommunens budget for {year + 1}, som vedrører de "
            "almene boliger, og komme med sine anbefalinger."
        ),
        "recommendation": (
            "Forvaltningen indstiller, at udvalget anbefaler budgetforslaget for området."
        ),
        "decision": "Anbefales med de bemærkninger, der kom frem på mødet.",
        "case_presentation": (
            "Budgetforslaget rummer kommunens udgifter til grundkapital til nyt alment byggeri, "
            "boligsociale indsatser og anvisning af boliger til borgere med et akut boligbehov."
        ),
        "economic_consequences": (
            f"Budgetforslaget holder sig inden for den ramme, der er vedtaget for {year + 1}."
        ),
    }


TOPICS = [steering_dialogue, comprehensive_plan, social_housing_effort, letting_agreement, safety]

OPENING = {
    "title": "Godkendelse af dagsorden",
    "decision": "Godkendt.",
}
CLOSING = {
    "title": "Eventuelt",
    "decision": "Intet.",
}
CLOSED_ITEM = {
    "title": "Anvisning af bolig til en enkelt husstand – dispensation fra ventelisten",
    "is_closed": True,
    "decision_theme": (
        "Udvalget skal tage stilling til en ansøgning om dispensation fra ventelisten for en "
        "enkelt husstand."
    ),
    "recommendation": "Forvaltningen indstiller, at dispensationen gives.",
    "decision": "Godkendt.",
    "case_presentation": (
        "Husstanden i demosagen har et akut boligbehov på grund af forhold, som er fortrolige. "
        "Denne fortrolige demotekst må aldrig vises offentligt."
    ),
    "economic_consequences": NO_COSTS,
}


class Command(BaseCommand):
    help = (
        "Fylder databasen med opdigtede demomøder 2018–2026 (referater, en dagsorden, et lukket "
        "punkt, PDF'er og bilag). Kun til udvikling og demonstration."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="tilføj demomøder, selv om databasen har møder, som ikke er demodata",
        )

    def handle(self, *args, force, **options):
        committee = (
            Committee.objects.filter(name="Almenboligudvalg Hvidovre").first()
            or Committee.objects.order_by("pk").first()
        )
        if committee is None:
            raise CommandError(
                "Der er intet udvalg i databasen. Kør først: python manage.py migrate"
            )

        dates = meeting_dates()
        existing = set(committee.meetings.values_list("date", flat=True))
        # Real minutes and invented ones must never mix on a live site.
        if existing - set(dates) and not force:
            raise CommandError(
                "Databasen har allerede møder, som ikke er demodata. loaddemo er til en ny "
                "database; brug --force, hvis du vil blande dem."
            )

        today = timezone.localdate()
        counts = {"meetings": 0, "published": 0, "items": 0, "attachments": 0}
        with transaction.atomic():
            for index, day in enumerate(dates):
                if day in existing:
                    continue
                draft = index == len(dates) + DRAFT_INDEX
                self.create_meeting(committee, day, today=today, draft=draft, counts=counts)

        self.stdout.write("Demodata – opdigtet indhold, kun til udvikling og demonstration.")
        skipped = len(existing & set(dates))
        if not counts["meetings"]:
            self.stdout.write(f"Ingen nye møder: alle {skipped} demomøder findes allerede.")
            return
        drafts = counts["meetings"] - counts["published"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Oprettede {counts['meetings']} møder ({counts['published']} offentliggjort, "
                f"{drafts} {'kladde' if drafts == 1 else 'kladder'}) med {counts['items']} "
                f"punkter og {counts['attachments']} bilag."
            )
        )
        if skipped:
            self.stdout.write(f"{skipped} demomøder fandtes allerede og blev sprunget over.")
        self.stdout.write("Deltagernes navne er opdigtede; udvalgets medlemsliste er ikke ændret.")

    def create_meeting(self, committee, day, *, today, draft, counts):
        rng = random.Random(day.toordinal())
        is_agenda = day > today
        area = rng.choice(AREAS)

        # The budget is discussed in late summer and autumn, the rest at any time of year.
        in_budget_season = 8 <= day.month <= 10
        topics = [*rng.sample(TOPICS, rng.randint(2, 3)), *([budget] if in_budget_season else [])]
        items = [
            OPENING,
            *(topic(day.year, area, rng) for topic in topics),
            *([CLOSED_ITEM] if (day.year, day.month) == CLOSED_ITEM_MEETING else []),
            CLOSING,
        ]
        if is_agenda:
            items = [{**item, "decision": ""} for item in items]

        absent = set(rng.sample(range(len(PARTICIPANTS)), rng.choice([0, 0, 1, 2])))
        remarks = rng.choice(
            [
                "",
                "Boligchefen deltog under punkt 2.",
                "Repræsentanter for boligorganisationerne deltog under punkt 2.",
                "Mødet blev ledet af næstformanden.",
            ]
        )
        meeting = Meeting(
            committee=committee,
            date=day,
            start_time=START,
            place=PLACE,
            kind=Meeting.Kind.AGENDA if is_agenda else Meeting.Kind.MINUTES,
            remarks=remarks,
        )
        if not is_agenda:
            meeting.minutes_pdf = ContentFile(
                minutes_pdf(day, items, absent, rng), name="referat.pdf"
            )
        meeting.save()

        changesets.bulk_create(
            Participant,
            [
                Participant(
                    meeting=meeting,
                    name=name,
                    party=party,
                    status=Participant.Status.ABSENT
                    if number in absent
                    else Participant.Status.PRESENT,
                    position=number,
                )
                for number, (name, party) in enumerate(PARTICIPANTS)
            ],
            meeting_id=meeting.pk,
        )
        # In bulk, without the per-item signals: publishing below indexes the whole meeting.
        created = changesets.bulk_create(
            AgendaItem,
            [
                AgendaItem(
                    meeting=meeting,
                    number=number,
                    # The outcome as data, read from the decision the way an import reads it.
                    outcome=read_decision(content.get("decision", ""))[0],
                    **{key: value for key, value in content.items() if key != "attachment"},
                )
                for number, content in enumerate(items, start=1)
            ],
            meeting_id=meeting.pk,
        )
        counts["items"] += len(created)
        for item, content in zip(created, items, strict=True):
            # Attachments on about half of the items that can have one, to keep the demo light.
            if content.get("attachment") and rng.random() < 0.5:
                Attachment(
                    item=item,
                    title=content["attachment"],
                    file=ContentFile(attachment_pdf(content), name="bilag.pdf"),
                ).save()
                counts["attachments"] += 1

        # Published last, once complete, as a clerk would; saving it builds its search entries.
        if not draft:
            published = (
                day - datetime.timedelta(days=7) if is_agenda else day + datetime.timedelta(days=6)
            )
            moment = datetime.datetime.combine(published, datetime.time(10, 0))
            meeting.publish(when=min(timezone.make_aware(moment), timezone.now()))
            meeting.save()
            counts["published"] += 1
        counts["meetings"] += 1


def minutes_pdf(day, items, absent, rng):
    """The minutes as the municipality's PDF would have them; closed items only by number."""
    present = [f"{n} ({p})" for i, (n, p) in enumerate(PARTICIPANTS) if i not in absent]
    away = [f"{n} ({p})" for i, (n, p) in enumerate(PARTICIPANTS) if i in absent]
    paragraphs = [
        f"Mødefakta: {danish_date(day)}, kl. 17:00, {PLACE}.",
        "Medlemmer: " + ", ".join(present) + ".",
    ]
    if away:
        paragraphs.append("Fraværende med afbud: " + ", ".join(away) + ".")
    for number, item in enumerate(items, start=1):
        if item.get("is_closed"):
            paragraphs.append(f"{number}. Lukket punkt")
        else:
            paragraphs.append(f"{number}. {item['title']}\nBeslutning: {item['decision']}")
    # Words that are only in the PDF, so that searching finds what only its text holds.
    paragraphs.append(
        f"Mødet sluttede kl. 18.{rng.randint(10, 55)}. Protokollen er underskrevet af formanden."
    )
    return make_pdf(
        f"Referat – Almenboligudvalg Hvidovre den {day.day}. "
        f"{MONTH_NAMES[day.month - 1]} {day.year}",
        paragraphs,
    )


def attachment_pdf(item):
    return make_pdf(item["attachment"], [f"Bilag til punktet “{item['title']}”. Demobilag."])
