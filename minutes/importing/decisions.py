"""Reading an item's outcome and votes out of the text of its decision.

Only what is unambiguous is read: a decision with two different outcomes ("Ad 1. Godkendt.
Ad 2. Afvist.") gets no outcome, and the clerk is told why. Votes are read per party from lines
such as "For: A, C og V (5)", "Imod stemte: O", "Undlod at stemme: Anne Eksempel (F)".
"""

import re
from dataclasses import dataclass, field

from .result import ParsedVote

# Each outcome and the words that state it. Order matters only for reading, not for precedence.
_OUTCOME_WORDS = [
    ("taget_til_efterretning", r"til\s+efterretning|orienteringen\s+blev\s+modtaget"),
    ("anbefalet", r"anbefal(?:es|et|ede|er|ing)\b"),
    ("godkendt", r"godkend(?:t|te|es|er|else)\b|vedtag(?:et|es)\b|tiltrådt\b|tiltrædes\b"),
    ("udsat", r"udsat\b|udsættes\b|udskudt\b|udskydes\b"),
    ("afvist", r"afvis(?:t|es|te)\b|forkast(?:et|es|ede)\b"),
    ("droeftet", r"drøft(?:et|ede|es|edes)\b"),
]
_NEGATION = re.compile(r"\b(?:ikke|ej)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "Anbefales godkendt" recommends approval to another body: the outcome is "anbefalet".
# So does "godkendes og anbefales over for Økonomiudvalget", within one sentence.
_RECOMMENDS_APPROVAL = re.compile(
    r"\banbefal\w*\b[^.]*?\bgodkend\w*|\bgodkend\w*\b[^.]*?\banbefal\w*", re.IGNORECASE
)

_VOTE_LINE = re.compile(
    r"^\s*(?P<label>for(?:\s+stemte)?|imod(?:\s+stemte)?|undlod(?:\s+at\s+stemme)?|"
    r"undlader\s+at\s+stemme|hverken\s+for\s+eller\s+imod|stemte\s+(?:for|imod)|blank|"
    r"afventer(?:\s+stillingtagen)?|afventede)"
    r"\s*:\s*(?P<who>.+)$",
    re.IGNORECASE,
)
# "For: Gruppe A, F og O", "Imod: Liste H og Gruppe Ø": the group or list before the letter.
_GROUP = re.compile(r"^(?:gruppe(?:n)?|liste(?:n)?|parti(?:et)?)\s+", re.IGNORECASE)
# "O stemte imod", "A og V stemte for", "F undlod at stemme" inside a sentence.
_VOTE_SENTENCE = re.compile(
    r"(?P<who>(?:\b[A-ZÆØÅ]{1,3}\b(?:\s*,\s*|\s+og\s+)?)+)\s+"
    r"(?P<label>stemte\s+for|stemte\s+imod|undlod\s+at\s+stemme)\b"
)
_PARTY = re.compile(r"^[A-ZÆØÅ]{1,3}$")
_NAMED_PARTY = re.compile(r"\(([A-ZÆØÅ]{1,3})\)")
_COUNT = re.compile(r"\(\s*\d+\s*\)|\b\d+\s+stemmer?\b")


@dataclass
class DecisionReading:
    outcome: str = ""
    votes: list[ParsedVote] = field(default_factory=list)
    # (field, message): "votes" or "outcome", and what is doubtful, in Danish for the clerk.
    problems: list[tuple[str, str]] = field(default_factory=list)


def _position(label):
    label = label.lower()
    if label.startswith(("undl", "hverken", "blank")):
        return "undlod"
    if label.startswith("afvent"):
        return "afventer"
    return "imod" if "imod" in label else "for"


def _parties(who, problems):
    """The party letters in "A, C og V (5)" or "Anne Eksempel (A) og Bent Prøvesen (V)"."""
    named = _NAMED_PARTY.findall(who)
    if named:
        return named
    who = _COUNT.sub(" ", who).strip(" .;")
    parties = []
    for piece in re.split(r"\s*,\s*|\s+og\s+|\s*\+\s*|\s*/\s*", who):
        piece = _GROUP.sub("", piece.strip(" .")).strip()
        if _PARTY.match(piece):
            parties.append(piece)
        elif piece and piece.lower() not in ("ingen", "-", "–", "0"):
            problems.append(("votes", f"“{piece}” i afstemningen kunne ikke læses som et parti."))
    return parties


def _outcomes_in(text):
    """The outcomes a piece of text states, in order of first mention, negations read."""
    text = _RECOMMENDS_APPROVAL.sub("anbefales", text)
    found = []
    for outcome, words in _OUTCOME_WORDS:
        for match in re.finditer(r"\b(?:" + words + ")", text, re.IGNORECASE):
            negated = bool(_NEGATION.search(text[: match.start()]))
            if negated and outcome in ("godkendt", "anbefalet"):
                found.append((match.start(), "afvist"))
            elif negated:
                found.append((match.start(), "?"))
            else:
                found.append((match.start(), outcome))
    ordered = []
    for _position_in_text, outcome in sorted(found):
        if outcome not in ordered:
            ordered.append(outcome)
    return ordered


def analyse_decision(text):
    """The outcome, votes and anything doubtful in a decision text."""
    reading = DecisionReading()
    prose = []
    for line in (text or "").splitlines():
        if match := _VOTE_LINE.match(line):
            position = _position(match.group("label"))
            for party in _parties(match.group("who"), reading.problems):
                reading.votes.append(ParsedVote(party, position))
        else:
            prose.append(line)
    prose = "\n".join(prose)
    for match in _VOTE_SENTENCE.finditer(prose):
        position = _position(match.group("label").replace("stemte ", ""))
        for party in _parties(match.group("who"), reading.problems):
            reading.votes.append(ParsedVote(party, position))
    reading.votes = _unique(reading.votes)
    split = sorted({v.party for v in reading.votes if _positions_of(reading.votes, v.party) > 1})
    for party in split:
        positions = " og ".join(v.position for v in reading.votes if v.party == party)
        reading.problems.append(
            ("votes", f"Partiet {party} stemte ikke samlet ({positions}); alle stemmerne er gemt.")
        )

    # "Ad 1. Godkendt. Ad 2. Afvist." states two outcomes: which is the item's is for the clerk.
    outcomes = _outcomes_in(prose)
    if len(outcomes) == 1 and outcomes[0] != "?":
        reading.outcome = outcomes[0]
    elif len(outcomes) > 1 or outcomes == ["?"]:
        reading.problems.append(("outcome", "Beslutningen er ikke entydig; udfaldet er ikke sat."))
    return reading


def _positions_of(votes, party):
    return len({v.position for v in votes if v.party == party})


def _unique(votes):
    seen, unique = set(), []
    for vote in votes:
        if (vote.party, vote.position) not in seen:
            seen.add((vote.party, vote.position))
            unique.append(vote)
    return unique


def read_decision(text):
    """(outcome, votes) read from a decision text: outcome is "" when absent or ambiguous.

    >>> read_decision("Godkendt.\\nFor: A og V\\nImod: O")[0]
    'godkendt'
    """
    reading = analyse_decision(text)
    return reading.outcome, reading.votes
