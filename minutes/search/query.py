"""What a visitor typed into the search box, cleaned, with a Danish answer if it cannot be
searched; and how a term matches a word where the database has no text search of its own."""

import re
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 200
# Every word is a condition, and on SQLite every word nests the query deeper: 86 one-letter words
# overflow its parser. Nobody searches the minutes with more than a handful of words.
MAX_TERMS = 10
# Phrases in quotes, words with an optional minus in front: what `websearch` understands too.
TERM = re.compile(r'(-?)"([^"]*)"|(-?)([\w]+(?:[-.,/][\w]+)*)')


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
    def terms(self):
        """Words and phrases that must occur, longest first (for highlighting)."""
        return sorted(self.words + self.phrases, key=len, reverse=True)


def term_pattern(term):
    """A regular expression for a word or phrase at the start of a word, any whitespace between.

    Python's `re` does the matching on SQLite (Django registers it as REGEXP), so the case of
    æ, ø and å is folded too, and "bolig" finds "boliger" but not "Almenboligudvalg".
    """
    return r"\b" + r"\s+".join(re.escape(word) for word in term.split())
