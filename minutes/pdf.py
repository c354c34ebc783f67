"""Stored PDFs: their text read out, within bounds, for search; their number of pages and size,
for the links to them; and the file as a response."""

import logging
import time
from typing import NamedTuple

from django.conf import settings
from django.http import FileResponse, Http404
from pypdf import PdfReader
from pypdf.errors import DependencyError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

logger = logging.getLogger(__name__)

# Extraction runs inside the clerk's upload request: bounded so that a long or hostile PDF cannot
# hold a worker. Both can be set in settings.
DEFAULT_TEXT_MAX_PAGES = 200
DEFAULT_TEXT_MAX_SECONDS = 5


def opens_without_password(reader):
    """Whether an encrypted PDF opens with the empty password (only editing is restricted)."""
    try:
        return bool(reader.decrypt(""))
    except DependencyError:
        # AES needs the optional cryptography package; without it the content is out of reach.
        return False


# What a PDF can carry that acts by itself in a reader, in Danish for the clerk who uploads it.
ACTIVE_CONTENT = {
    "javascript": "JavaScript – kode, der kan køre, når filen åbnes",
    "launch": "en handling, der starter et andet program eller åbner en anden fil",
    "embedded_file": "en indlejret fil",
    "automatic_action": "handlinger, der udføres af sig selv, fx når filen eller en side åbnes",
    "xfa": "en XFA-formular, som kan indeholde scripts",
}
# Action types that run code or something outside the PDF.
_ACTION_TYPES = {"/JavaScript": "javascript", "/Launch": "launch", "/GoToE": "embedded_file"}
# The scan follows references from the document's root; a bound keeps a hostile file from holding
# the clerk's request (a minutes PDF has a few thousand objects).
MAX_SCANNED_OBJECTS = 200_000


def active_content(reader):
    """
    The first kind of active content in the PDF (a key of ACTIVE_CONTENT), or None.

    Walks every object reachable from the trailer (catalog, pages, annotations, forms, name
    trees) without decoding streams: JavaScript (a /JS entry, a JavaScript action or name tree),
    launch actions, embedded files (name tree, file attachments, embedded file streams),
    additional actions (/AA, run on opening, closing or viewing a page or field) and XFA forms.
    An /OpenAction that only opens a page at a place is harmless and allowed; one that runs an
    action is caught by the action's type.
    """
    seen = set()
    pending = [reader.trailer]
    while pending:
        node = pending.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > MAX_SCANNED_OBJECTS:
                raise ValueError("too many objects to scan")
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            keys = set(node.keys())
            if keys & {"/JS", "/JavaScript"}:
                return "javascript"
            if node.get("/S") in _ACTION_TYPES:
                return _ACTION_TYPES[node.get("/S")]
            if "/AA" in keys:
                return "automatic_action"
            if (
                keys & {"/EmbeddedFiles", "/EF"}
                or node.get("/Type") == "/EmbeddedFile"
                or node.get("/Subtype") == "/FileAttachment"
            ):
                return "embedded_file"
            if "/XFA" in keys:
                return "xfa"
            pending.extend(value for name, value in node.items() if name != "/Parent")
        elif isinstance(node, ArrayObject):
            pending.extend(node)
    return None


class PdfFacts(NamedTuple):
    """What the site keeps of a PDF it takes in: its text for search, and what its links say
    ("PDF, 1,2 MB, 14 sider"). `pages` and `size` are None when they cannot be known."""

    text: str
    pages: int | None
    size: int | None


def extract_text(fileobj, *, max_pages=None, max_seconds=None):
    """
    The text layer of a PDF, for search, as one string with a blank line between pages.

    Reads at most `max_pages` pages and stops starting new pages once `max_seconds` of wall time
    have passed. Never raises: a PDF whose text cannot be read (scanned, damaged, encrypted) gives
    what could be read, possibly "", and a logged warning, because it must still be published.
    """
    return read_text_and_pages(fileobj, max_pages=max_pages, max_seconds=max_seconds)[0]


def read_text_and_pages(fileobj, *, max_pages=None, max_seconds=None):
    """(text, number of pages) as `extract_text` reads them; the number is None if the PDF cannot
    be opened. Counting the pages costs nothing more: pypdf reads the page tree to open it."""
    if max_pages is None:
        max_pages = getattr(settings, "MINUTES_PDF_TEXT_MAX_PAGES", DEFAULT_TEXT_MAX_PAGES)
    if max_seconds is None:
        max_seconds = getattr(settings, "MINUTES_PDF_TEXT_MAX_SECONDS", DEFAULT_TEXT_MAX_SECONDS)
    started = time.monotonic()
    name = getattr(fileobj, "name", None) or "PDF"

    try:
        reader = PdfReader(fileobj)
        if reader.is_encrypted and not opens_without_password(reader):
            logger.warning("No text extracted from %s: it is encrypted", name)
            return "", None
        page_count = len(reader.pages)
    except Exception:
        logger.warning("No text extracted from %s: pypdf cannot open it", name, exc_info=True)
        return "", None

    texts = []
    for number in range(1, min(page_count, max_pages) + 1):
        if time.monotonic() - started > max_seconds:
            logger.warning(
                "Text extraction from %s stopped after %s s, at page %d of %d",
                name,
                max_seconds,
                number,
                page_count,
            )
            break
        try:
            text = reader.pages[number - 1].extract_text() or ""
        except Exception:
            logger.warning("No text extracted from page %d of %s", number, name, exc_info=True)
            continue
        if text.strip():
            texts.append(text.strip())
    if page_count > max_pages:
        logger.warning(
            "Text extracted from the first %d of %d pages of %s", max_pages, page_count, name
        )
    # PostgreSQL cannot store NUL characters in text, and some PDFs carry them.
    return "\n\n".join(texts).replace("\x00", ""), page_count


def read_file(field_file):
    """
    The PdfFacts of the PDF in a FileField: a fresh upload (in memory or in a temporary file,
    before it is stored) or a file already in storage. Empty facts when there is no file or it
    cannot be read.
    """
    if not field_file:
        return PdfFacts("", None, None)
    if field_file._committed:
        try:
            with field_file.storage.open(field_file.name, "rb") as stored:
                text, pages = read_text_and_pages(stored)
                return PdfFacts(text, pages, field_file.storage.size(field_file.name))
        except OSError:
            logger.warning("No text extracted from %s: it cannot be opened", field_file.name)
            return PdfFacts("", None, None)
    # An upload not yet stored: read it in place and rewind, so that storing it copies it whole.
    upload = field_file.file
    upload.seek(0)
    try:
        text, pages = read_text_and_pages(upload)
        return PdfFacts(text, pages, upload.size)
    finally:
        upload.seek(0)


def extract_file_text(field_file):
    """The text of the PDF in a FileField, as `read_file` reads it; "" when there is none."""
    return read_file(field_file).text


def pdf_response(field_file, filename):
    """A stored PDF shown in the browser under a readable name; a 404 if the file is gone."""
    try:
        stored = field_file.storage.open(field_file.name, "rb")
    except (OSError, ValueError) as error:
        raise Http404("Filen findes ikke.") from error
    response = FileResponse(stored, content_type="application/pdf", filename=filename)
    # Clerks' files are not the site's code: a browser must never run anything in them as this
    # site, whatever slipped past the upload check (or was stored before it).
    response["Content-Security-Policy"] = settings.FILE_CONTENT_SECURITY_POLICY
    return response
