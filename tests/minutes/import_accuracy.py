"""How well the document import recovers the test corpus: fields right, and words kept.

The tests assert on these figures; run it on its own for the tables the README quotes (per
field, per pattern of real minutes, per document):

    .venv/bin/python -m tests.minutes.import_accuracy

"Right" compares text with whitespace collapsed (so a line break versus a blank line does not
count, a word in the wrong field or a lost list marker does); "list entry" counts the source's
list entries ("1. at …", "- …") found as lines of their own in the right section. "Kept" counts
every word of the source text — titles, sections, attachments, names, remarks, place — in the
parsed document, wherever it landed: only labels, headings, headers, footers and page numbers
are not source text.
"""

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from minutes.importing import parse_text, read_document
from tests.minutes.documents.corpus import MEETINGS, PATTERNS, expected, file_name

DOCUMENTS = Path(__file__).parent / "documents"
SECTION_KEYS = (
    "decision_theme",
    "recommendation",
    "decision",
    "case_presentation",
    "economic_consequences",
)
LIST_LINE = re.compile(r"(?:\d{1,2}\. |- )")
WORD = re.compile(r"[^\W_]+(?:[-'’.,][^\W_]+)*")


def read(meeting):
    """The ParsedDocument of a corpus meeting, read the way the admin will read it."""
    path = DOCUMENTS / file_name(meeting)
    if path.suffix == ".txt":
        return parse_text(path.read_text(encoding="utf-8"))
    with path.open("rb") as upload:
        return read_document(upload, path.name)


def normal(text):
    return " ".join((text or "").split())


def words(text):
    return WORD.findall(text or "")


@dataclass
class Score:
    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    source_words: int = 0
    kept_words: int = 0
    lost: Counter = field(default_factory=Counter)
    found_items: int = 0
    source_items: int = 0

    def count(self, name, ok, where):
        self.total[name] += 1
        if ok:
            self.right[name] += 1
        else:
            self.misses.append(f"{where}: {name}")

    def add(self, other):
        self.right.update(other.right)
        self.total.update(other.total)
        self.misses.extend(other.misses)
        self.source_words += other.source_words
        self.kept_words += other.kept_words
        self.lost.update(other.lost)
        self.found_items += other.found_items
        self.source_items += other.source_items

    def share(self, names):
        total = sum(self.total[name] for name in names)
        return sum(self.right[name] for name in names) / total if total else 1.0

    @property
    def fields(self):
        """The share of every field counted (facts, people, items, sections, decisions)."""
        return self.share(FIELDS)

    @property
    def items_found(self):
        """(items found, items in the source): an item counts as found when its number is."""
        return self.found_items, self.source_items

    @property
    def items_and_sections(self):
        return self.share(["item", "attachments", *SECTION_KEYS])

    @property
    def kept(self):
        return self.kept_words / self.source_words if self.source_words else 1.0


def score(meeting, document):
    """Compare one parsed document with what its source says."""
    want = expected(meeting)
    result = Score()
    name = meeting.name
    for fact in ("kind", "committee_name", "date", "start_time"):
        result.count(fact, getattr(document, fact) == want[fact], name)
    result.count("place", normal(document.place) == normal(want["place"]), name)
    result.count("remarks", normal(document.remarks) == normal(want["remarks"]), name)
    got = [(p.name, p.party, p.status) for p in document.participants]
    for participant in want["participants"]:
        result.count("participant", participant in got, f"{name} {participant[0]}")
    for extra in got:
        if extra not in want["participants"]:
            result.count("participant", False, f"{name} extra {extra[0]}")

    parsed = {item.number: item for item in document.items}
    for item in want["items"]:
        where = f"{name} punkt {item['number']}"
        found = parsed.pop(item["number"], None)
        result.source_items += 1
        result.found_items += found is not None
        result.count(
            "item",
            found is not None
            and normal(found.title) == normal(item["title"])
            and found.is_closed == item["is_closed"],
            where,
        )
        sections = found.sections if found else {}
        for key in SECTION_KEYS:
            if key in item["sections"] or key in sections:
                same = normal(sections.get(key)) == normal(item["sections"].get(key))
                result.count(key, same, where)
            # Lists stay lists: each list entry of the source is a line of its own.
            got_lines = {line.strip() for line in sections.get(key, "").splitlines()}
            for line in item["sections"].get(key, "").splitlines():
                if LIST_LINE.match(line):
                    result.count("list entry", line in got_lines, f"{where} {line[:30]}")
        if item["attachments"] or (found and found.attachments):
            got_attachments = [normal(a) for a in found.attachments] if found else []
            result.count(
                "attachments", got_attachments == [normal(a) for a in item["attachments"]], where
            )
        if meeting.kind == "referat" and "decision" in item["sections"]:
            result.count("outcome", found is not None and found.outcome == item["outcome"], where)
            got_votes = [(v.party, v.position) for v in found.votes] if found else []
            result.count("votes", got_votes == item["votes"], where)
    for number in parsed:
        result.count("item", False, f"{name} extra punkt {number}")

    source = Counter(words(_source_text(want)))
    kept = Counter(words(_parsed_text(document)))
    result.source_words = sum(source.values())
    result.kept_words = sum(min(count, kept[word]) for word, count in source.items())
    result.lost = Counter({word: count - kept[word] for word, count in source.items()}) - Counter()
    return result


def _source_text(want):
    parts = [want["committee_name"], want["place"], want["remarks"]]
    parts += [f"{name} ({party})" for name, party, _ in want["participants"]]
    for item in want["items"]:
        parts += [item["title"], *item["sections"].values(), *item["attachments"]]
    return "\n".join(parts)


def _parsed_text(document):
    parts = [document.committee_name, document.place, document.remarks]
    parts += [f"{p.name} ({p.party})" for p in document.participants]
    for item in document.items:
        parts += [item.title, *item.sections.values(), *item.attachments]
    return "\n".join(parts)


def measure():
    """(overall Score, {meeting name: (Score, seconds)}) over the whole corpus."""
    overall, per_document = Score(), {}
    for meeting in MEETINGS:
        started = time.monotonic()
        document = read(meeting)
        seconds = time.monotonic() - started
        result = score(meeting, document)
        overall.add(result)
        per_document[meeting.name] = (result, seconds)
    return overall, per_document


def per_pattern(per_document):
    """{pattern: (documents, Score)}: the documents that reproduce each pattern, together."""
    patterns = {}
    for meeting in MEETINGS:
        for pattern in meeting.patterns:
            documents, total = patterns.setdefault(pattern, ([], Score()))
            documents.append(meeting.name)
            total.add(per_document[meeting.name][0])
    return {pattern: patterns[pattern] for pattern in PATTERNS if pattern in patterns}


FIELDS = [
    "kind",
    "committee_name",
    "date",
    "start_time",
    "place",
    "participant",
    "remarks",
    "item",
    *SECTION_KEYS,
    "attachments",
    "outcome",
    "votes",
    "list entry",
]


def report():
    overall, per_document = measure()
    lines = [f"{'field':24} {'right':>6} {'total':>6} {'share':>7}"]
    for name in FIELDS:
        right, total = overall.right[name], overall.total[name]
        lines.append(f"{name:24} {right:>6} {total:>6} {right / total if total else 1:>7.1%}")
    lines.append("")
    lines.append(f"fields right: {overall.fields:.1%}")
    lines.append(f"items and sections in the right field: {overall.items_and_sections:.1%}")
    lines.append("items found: {}/{}".format(*overall.items_found))
    lines.append(
        f"words of the source text kept: {overall.kept_words}/{overall.source_words} "
        f"= {overall.kept:.2%}"
    )
    lines.append("")
    lines.append(f"{'pattern':24} {'documents':>9} {'fields right':>13} {'items found':>12}")
    for pattern, (documents, result) in per_pattern(per_document).items():
        found = "{}/{}".format(*result.items_found)
        lines.append(f"{pattern:24} {len(documents):>9} {result.fields:>13.1%} {found:>12}")
    lines.append("")
    lines.append(f"{'document':44} {'fields':>7} {'items':>6} {'words kept':>11} {'seconds':>8}")
    for name, (result, seconds) in per_document.items():
        found = "{}/{}".format(*result.items_found)
        lines.append(
            f"{name:44} {result.fields:>7.1%} {found:>6} {result.kept:>11.2%} {seconds:>8.2f}"
        )
    if overall.misses:
        lines.append("")
        lines.append("wrong: " + "; ".join(overall.misses))
    if overall.lost:
        lines.append("lost words: " + ", ".join(f"{w}×{n}" for w, n in overall.lost.items()))
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
