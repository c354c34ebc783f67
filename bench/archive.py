"""
A whole municipal archive for the benchmark: `--meetings N` published meetings, built in bulk.

Every meeting is different: its items, sections, attachments and minutes PDF text are written by
`bench.vocabulary` (Danish-like words with a Zipf-like frequency), so search meets common and rare
words as on the real archive, not one meeting cloned. Meetings fall on weekdays going back from
today (with a few agendas for the weeks ahead), so the calendar's window holds a year's worth.
Rows go in with `bulk_create`; the search table is then rebuilt by the site's own
`manage.py reindex_search`, whatever the search table looks like.

    DJANGO_SETTINGS_MODULE=bench.settings python bench/archive.py --meetings 10000
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 500
UPCOMING = 4
PLACE = "Rådhuset, mødelokale 1"
OUTCOMES = ("godkendt", "anbefalet", "taget_til_efterretning", "udsat", "droeftet", "")


def meeting_dates(count, today, upcoming=UPCOMING):
    """`count` weekdays: `upcoming` in the weeks ahead, the rest going back from yesterday."""
    ahead = [today + datetime.timedelta(weeks=n) for n in range(1, upcoming + 1)]
    past = []
    day = today - datetime.timedelta(days=1)
    while len(past) < count - len(ahead):
        if day.weekday() < 5:
            past.append(day)
        day -= datetime.timedelta(days=1)
    return ahead, past


def shared_files():
    """One minutes PDF and one attachment PDF in storage, named by every row (the pages only
    link to files; their text, which search reads, is each row's own)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from minutes.demo import make_pdf

    files = {}
    for kind, title in (("referater", "Referat"), ("bilag", "Bilag")):
        content = make_pdf(title, ["Benchmarkens fælles fil."])
        name = default_storage.save(f"{kind}/bench/{kind}.pdf", ContentFile(content))
        files[kind] = (name, len(content))
    return files


def build(count, seed=2018, out=sys.stdout):
    from django.utils import timezone

    from bench.vocabulary import PLACES, Writer
    from committee.models import Committee
    from minutes.management.commands.loaddemo import PARTICIPANTS
    from minutes.models import AgendaItem, Attachment, Meeting, Participant, Vote

    writer = Writer(seed)
    rng = writer.rng
    committee = Committee.objects.current()
    today = timezone.localdate()
    ahead, past = meeting_dates(count, today)
    files = shared_files()
    started = time.monotonic()
    made = {"meetings": 0, "items": 0, "attachments": 0}

    def chunks(days):
        for start in range(0, len(days), CHUNK):
            yield days[start : start + CHUNK]

    for days in chunks(ahead + past):
        now = timezone.now()
        meetings = []
        for day in days:
            is_agenda = day >= today
            has_pdf = not is_agenda and rng.random() < 0.6
            meetings.append(
                Meeting(
                    committee=committee,
                    date=day,
                    start_time=datetime.time(rng.choice((16, 17, 17, 19)), rng.choice((0, 30))),
                    place=PLACE if rng.random() < 0.8 else f"Fælleshuset, {rng.choice(PLACES)}",
                    kind=Meeting.Kind.AGENDA if is_agenda else Meeting.Kind.MINUTES,
                    remarks=writer.sentence() if rng.random() < 0.3 else "",
                    minutes_pdf=files["referater"][0] if has_pdf else "",
                    minutes_pdf_pages=rng.randint(4, 30) if has_pdf else None,
                    minutes_pdf_size=files["referater"][1] if has_pdf else None,
                    is_published=True,
                    first_published_at=now,
                )
            )

        items = []
        for meeting in meetings:
            for number in range(1, rng.randint(3, 7) + 1):
                closed = rng.random() < 0.03
                items.append(
                    AgendaItem(
                        meeting=meeting,
                        number=number,
                        title=writer.item_title(),
                        is_closed=closed,
                        decision_theme=writer.paragraph(1, 2),
                        recommendation=writer.paragraph(1, 2),
                        decision=""
                        if meeting.kind == Meeting.Kind.AGENDA
                        else writer.paragraph(1, 1),
                        case_presentation=writer.case_number(meeting.date.year)
                        + "\n\n"
                        + writer.text(1, 2, 2, 4),
                        economic_consequences=writer.paragraph(0, 1),
                        outcome="" if meeting.kind == Meeting.Kind.AGENDA else rng.choice(OUTCOMES),
                        public_decision="Udvalget tiltrådte indstillingen." if closed else "",
                    )
                )
        # The minutes PDF says what the items say, as the real one does.
        by_meeting = {}
        for item in items:
            if not item.is_closed:
                by_meeting.setdefault(id(item.meeting), []).append(item)
        for meeting in meetings:
            if meeting.minutes_pdf:
                meeting.minutes_pdf_text = "\n\n".join(
                    f"{item.number}. {item.title}\n{item.decision_theme}\n{item.decision}\n"
                    f"{item.case_presentation}"
                    for item in by_meeting.get(id(meeting), [])
                )
        Meeting.objects.bulk_create(meetings)
        AgendaItem.objects.bulk_create(items)

        attachments, votes, participants = [], [], []
        for item in items:
            for position in range(rng.choice((0, 0, 0, 1, 1, 2))):
                attachments.append(
                    Attachment(
                        item=item,
                        title=writer.attachment_title(item.title)[:300],
                        file=files["bilag"][0],
                        text=writer.text(1, 2),
                        file_pages=rng.randint(1, 12),
                        file_size=files["bilag"][1],
                        position=position,
                    )
                )
            if item.outcome and rng.random() < 0.2:
                votes += [
                    Vote(item=item, party=party, position=position)
                    for party, position in (("A", "for"), ("V", "imod"), ("F", "undlod"))
                ]
        for meeting in meetings:
            for position, (name, party) in enumerate(PARTICIPANTS):
                status = "afbud" if rng.random() < 0.1 else "til_stede"
                participants.append(
                    Participant(
                        meeting=meeting,
                        name=name,
                        party=party,
                        status=status,
                        position=position,
                    )
                )
        Attachment.objects.bulk_create(attachments)
        Vote.objects.bulk_create(votes)
        Participant.objects.bulk_create(participants)

        made["meetings"] += len(meetings)
        made["items"] += len(items)
        made["attachments"] += len(attachments)
        print(
            f"  {made['meetings']:>6} meetings, {made['items']} items, "
            f"{made['attachments']} attachments ({time.monotonic() - started:.0f} s)",
            file=out,
            flush=True,
        )
    return made


def throwaway(connection):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
            # Fewer, larger merges of new entries into the text search indexes.
            cursor.execute("SET LOCAL gin_pending_list_limit TO '64MB'")


def main():
    parser = argparse.ArgumentParser(description="Build an archive of N meetings for the bench.")
    parser.add_argument("--meetings", type=int, required=True)
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from minutes.management.commands.reindex_search import tidy
    from minutes.models import Meeting, SearchEntry

    if Meeting.objects.exists():
        raise SystemExit("the bench builds its archive into an empty database")
    started = time.monotonic()
    print(f"Building {args.meetings} meetings:", flush=True)
    # One transaction each: the site's own reindexing commits per meeting otherwise, and a
    # throwaway archive needs no wait for the disk at every commit.
    with transaction.atomic():
        throwaway(connection)
        build(args.meetings, args.seed)
    built = time.monotonic()
    with transaction.atomic():
        throwaway(connection)
        call_command("reindex_search")
    indexed = time.monotonic()
    if connection.vendor == "postgresql":
        # As `reindex_search` does outside a transaction: a search table as compact as the site's.
        tidy()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    done = time.monotonic()
    print(
        f"Archive: {Meeting.objects.count()} meetings, {SearchEntry.objects.count()} search "
        f"entries; rows {built - started:.0f} s, search index {indexed - built:.0f} s, "
        f"tidy and analyze {done - indexed:.0f} s, total {done - started:.0f} s",
        flush=True,
    )


if __name__ == "__main__":
    main()
