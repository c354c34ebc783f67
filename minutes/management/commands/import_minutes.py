"""
`manage.py import_minutes PATH [PATH …] [--publish] [--dry-run]`: the clerks' documents (the
archive since 2018, say) read into meetings, one line per document.

Folders are read for PDF and Word (.docx) files, in name order. Running it again creates nothing
twice: a draft it made earlier is updated, a meeting that has been published is left alone (it
says so), and a document it cannot read is reported and skipped while the rest go on. The rules are
`minutes.imports`'. With `--publish`, a document read cleanly (nothing in its report to check) is
published; the closing lines say how many were, how many were left as drafts, and what makes a
document not clean.
"""

from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from committee.models import Committee
from minutes.forms import is_pdf
from minutes.importing import DocumentError, read_document
from minutes.imports import CREATED, TURNED_INTO_MINUTES, UPDATED, ImportRefused, import_document
from minutes.validators import validate_pdf

DOCUMENT_SUFFIXES = {".pdf", ".docx"}
# How the closing line counts what happened to each document.
TALLY = {CREATED: "oprettet", UPDATED: "opdateret", TURNED_INTO_MINUTES: "gjort til referat"}
SKIPPED = "sprunget over"
UNREADABLE = "ikke læst"
PUBLISHED = "offentliggjort"
# What keeps a document from `--publish`, in one line (the README says the same).
NOT_CLEAN = (
    "Ikke læst rent betyder mindst én ting at tjekke i rapporten: fx tekst, der ikke blev "
    "genkendt og er lagt et andet sted, en manglende dato, tid, sted eller medlemmer, en "
    "beslutning uden klart udfald, punkter fra indholdsfortegnelsen, der mangler, et dokument "
    "fra et andet udvalg, eller lukkede punkters tekst i PDF'en."
)


def documents_in(paths):
    """The files named, and the PDF and Word files in the folders named, each once, in order."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(
                child
                for child in path.rglob("*")
                if child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


class Command(BaseCommand):
    help = (
        "Indlæs dagsordener og referater (PDF eller Word) som møder. Mapper gennemgås for "
        "PDF- og Word-filer. Et offentliggjort møde overskrives aldrig; en kladde, som "
        "indlæsningen har lavet, opdateres."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="STI", help="filer og mapper")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="offentliggør de møder, der blev læst rent (intet at tjekke i rapporten)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="læs dokumenterne og vis, hvad der ville ske, uden at gemme noget",
        )

    def handle(self, *args, paths, publish, dry_run, **options):
        committee = Committee.objects.order_by("pk").first()
        if committee is None:
            raise CommandError("Der er intet udvalg. Kør først: python manage.py migrate")
        missing = [path for path in paths if not Path(path).exists()]
        if missing:
            raise CommandError(f"Findes ikke: {', '.join(missing)}")

        tally = Counter()
        results = []
        for path in documents_in(paths):
            outcome, line, result = self.import_one(
                path, committee, publish=publish, dry_run=dry_run
            )
            tally[outcome] += 1
            if result is not None:
                results.append(result)
            write = self.stderr.write if outcome == UNREADABLE else self.stdout.write
            write(f"{path}: {line}")

        self.stdout.write(
            f"{sum(tally.values())} dokumenter: "
            + ", ".join(f"{count} {outcome}" for outcome, count in sorted(tally.items()))
            + (" (prøvekørsel: intet er gemt)" if dry_run else "")
        )
        if publish:
            self.stdout.write(self.publishing_summary(results, dry_run=dry_run))
            self.stdout.write(NOT_CLEAN)
        if tally[UNREADABLE]:
            raise CommandError(
                f"{tally[UNREADABLE]} af dokumenterne kunne ikke læses; resten er indlæst."
            )

    def publishing_summary(self, results, *, dry_run):
        """How many documents `--publish` published, and how many it left as drafts."""
        drafts = [result for result in results if not result.meeting.is_published]
        clean = sum(1 for result in drafts if not result.notes)
        if dry_run:
            published, verb = clean, "ville blive offentliggjort"
        else:
            published, verb = sum(1 for result in results if result.published), "offentliggjort"
        unclean = sum(1 for result in drafts if result.notes)
        return (
            f"--publish: {published} {verb}, {unclean} "
            f"{'efterladt' if not dry_run else 'ville blive efterladt'} som kladde, fordi "
            f"{'det' if unclean == 1 else 'de'} ikke blev læst rent."
        )

    def import_one(self, path, committee, *, publish, dry_run):
        """(outcome, line, ImportResult or None) for one document; never raises for a bad
        document."""
        try:
            with path.open("rb") as handle:
                document = File(handle, name=path.name)
                pdf = document if is_pdf(document) else None
                if pdf is not None:
                    validate_pdf(pdf)
                parsed = read_document(document, path.name)
                result = import_document(
                    parsed,
                    committee=committee,
                    pdf=pdf,
                    source_name=path.name,
                    publish=publish,
                    dry_run=dry_run,
                )
        except (DocumentError, ValidationError) as error:
            message = " ".join(getattr(error, "messages", [str(error)]))
            return UNREADABLE, f"kan ikke læses: {message}", None
        except ImportRefused as refusal:
            return SKIPPED, f"springes over: {refusal}", None
        except OSError as error:
            return UNREADABLE, f"kan ikke åbnes: {error.strerror or error}", None
        outcome = PUBLISHED if result.published else TALLY[result.base_action]
        return outcome, result.summary(), result
