"""What a visitor typed into the search box, cleaned, with a Danish answer if it cannot be
searched; and how a term matches a word where the database has no text search of its own."""

import datetime
import re
from dataclasses import dataclass, field

from django.http import Http404

MAX_QUERY_LENGTH = 200
# Every word is a condition, and on SQLite every word nests the query deeper: 86 one-letter words
# overflow its parser. Nobody searches the minutes with more than a handful of words.
MAX_TERMS = 10
# Phrases in quotes, words with an optional minus in front: what `websearch` understands too.
TERM = re.compile(r'(-?)"([^"]*)"|(-?)([\w]+(?:[-.,/][\w]+)*)')


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januar", "jan"),
            ("februar", "feb"),
            ("marts", "mar"),
            ("april", "apr"),
            ("maj",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# "12. oktober 2021", "12 okt. 2021", "12.10.2021", "12-10-2021", "12/10/2021", "2021-10-12".
DATE_IN_WORDS = re.compile(r"(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})")
DANISH_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(text):
    """The date `text` is, written as Danes write dates, or None (also for 30. februar)."""
    text = " ".join(text.lower().split()).removeprefix("den ")
    try:
        if found := DATE_IN_WORDS.fullmatch(text):
            day, month, year = found[1], MONTHS.get(found[2]), found[3]
            return datetime.date(int(year), month, int(day)) if month else None
        if found := DANISH_DATE.fullmatch(text):
            return datetime.date(int(found[3]), int(found[2]), int(found[1]))
        if found := ISO_DATE.fullmatch(text):
            return datetime.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None
    return None


@dataclass
class Query:
    """What a visitor typed, cleaned, with a Danish explanation if it cannot be searched."""

    raw: str
    text: str = ""
    problem: str = ""
    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    excluded: list = field(default_factory=list)

    @classmethod
    def parse(cls, raw):
        raw = raw or ""
        # NUL and other control characters are no part of a search; PostgreSQL refuses NUL.
        text = " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", raw).split())
        query = cls(raw=raw, text=text)
        if len(text) > MAX_QUERY_LENGTH:
            query.problem = (
                f"Din søgning er for lang ({len(text)} tegn). Skriv højst {MAX_QUERY_LENGTH} "
                "tegn – et par ord er nok, fx “Hvidovrevej” eller “almene boliger”."
            )
            return query
        for minus, phrase, minus_word, word in TERM.findall(text):
            term = " ".join(re.findall(r"\w+", phrase)) if phrase else word
            if not term:
                continue
            if minus or minus_word:
                query.excluded.append(term)
            elif phrase and " " in term:
                query.phrases.append(term)
            else:
                query.words.append(term)
        terms = len(query.words) + len(query.phrases) + len(query.excluded)
        if terms > MAX_TERMS:
            query.problem = (
                f"Din søgning har for mange ord ({terms}). Skriv højst {MAX_TERMS} ord – de "
                "vigtigste er nok, fx “Hvidovrevej” eller “almene boliger”."
            )
            query.words, query.phrases, query.excluded = [], [], []
            return query
        if text and not (query.words or query.phrases):
            query.problem = (
                "Skriv mindst ét ord eller tal, du vil finde. Tegn som anførselstegn og "
                "bindestreger alene kan vi ikke søge efter."
            )
        return query

    @property
    def is_searchable(self):
        return bool(self.text) and not self.problem

    @property
    def date(self):
        """The date the whole query is ("12. oktober 2021", "2021-10-12"), or None."""
        return parse_date(self.text)

    @property
    def terms(self):
        """Words and phrases that must occur, longest first (for highlighting)."""
        return sorted(self.words + self.phrases, key=len, reverse=True)


def term_pattern(term):
    """A regular expression for a word or phrase at the start of a word, any whitespace between.

    Python's `re` does the matching on SQLite (Django registers it as REGEXP), so the case of
    æ, ø and å is folded too, and "bolig" finds "boliger" but not "Almenboligudvalg".
    """
    return r"\b" + r"\s+".join(re.escape(word) for word in term.split())


@dataclass
class Filters:
    """What the search is narrowed to and how it is sorted, from the page's GET parameters.

    The form offers every valid value; anything else was typed into the address by hand and is
    a 404, like a page number that is not there.
    """

    KINDS = {"punkt": "Dagsordenspunkter", "bilag": "Bilag", "pdf": "Referater som PDF"}
    SORTS = {"relevans": "Bedste match først", "dato": "Nyeste møde først"}
    DEFAULT_SORT = "relevans"

    year: int | None = None
    kind: str = ""
    sort: str = DEFAULT_SORT

    @classmethod
    def from_request(cls, params, years):
        """Filters from GET parameters `aar`, `type` and `sortering`; `years` may be chosen."""
        year, kind = params.get("aar", ""), params.get("type", "")
        sort = params.get("sortering", "") or cls.DEFAULT_SORT
        if year and not (re.fullmatch(r"[0-9]{4}", year) and int(year) in years):
            raise Http404("Der er ingen møder fra det år.")
        if kind and kind not in cls.KINDS:
            raise Http404("Den type findes ikke i søgningen.")
        if sort not in cls.SORTS:
            raise Http404("Søgningen kan ikke sorteres sådan.")
        return cls(year=int(year) if year else None, kind=kind, sort=sort)

    @property
    def by_date(self):
        return self.sort == "dato"

    def as_params(self):
        """The filters as GET parameters, without the defaults (for links that keep them)."""
        params = {"aar": self.year or "", "type": self.kind}
        if self.sort != self.DEFAULT_SORT:
            params["sortering"] = self.sort
        return {name: value for name, value in params.items() if value}
