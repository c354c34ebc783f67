"""Reading the clerk's minutes document into a structured meeting (a pure layer: no models).

    from minutes.importing import read_document, parse_text, DocumentError

    doc = read_document(upload, upload.name)   # PDF or .docx
    doc = parse_text(pasted_text)              # the same from pasted text

Both give a `ParsedDocument`; anything that is not minutes raises `DocumentError`, whose message is
Danish and meant for the clerk. `read_decision(text)` reads an outcome and votes on its own.
"""

from .decisions import read_decision
from .reader import parse_text, read_document
from .result import (
    DocumentError,
    Note,
    ParsedDocument,
    ParsedItem,
    ParsedParticipant,
    ParsedVote,
)

__all__ = [
    "DocumentError",
    "Note",
    "ParsedDocument",
    "ParsedItem",
    "ParsedParticipant",
    "ParsedVote",
    "parse_text",
    "read_decision",
    "read_document",
]
