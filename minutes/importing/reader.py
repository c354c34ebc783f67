"""The two ways in: an uploaded file (PDF or Word) and text a clerk pasted.

Both are bounded, because the admin reads an upload inside the clerk's request: at most
`MAX_PAGES` pages and about `MAX_SECONDS` seconds; what was cut is said in the notes. Nothing but
DocumentError ever comes out for bad input.
"""

import contextlib
import io
import logging
import time
import zipfile

from .lines import PARAGRAPH
from .pdf_layout import read_pdf
from .plaintext import read_text
from .result import DocumentError, Note
from .structure import is_structural, parse_lines
from .word import DAMAGED as WORD_DAMAGED
from .word import read_docx

logger = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_SECONDS = 20
# The admin's upload limit is far below this; a bigger file is not minutes.
MAX_BYTES = 100 * 1024 * 1024

NOT_A_DOCUMENT = (
    "Filen er hverken en PDF eller et Word-dokument (.docx). Upload referatet som PDF eller .docx "
    "fra mødesystemet, eller indsæt teksten."
)
OLD_WORD = (
    "Filen er et ældre Word-dokument (.doc), som ikke kan læses. Gem det som .docx eller PDF "
    "og prøv igen."
)
IMAGE = (
    "Filen er et billede, ikke et dokument med tekst. Upload referatet som PDF eller .docx fra "
    "mødesystemet, eller indsæt teksten."
)
EMPTY = "Der er ingen tekst at læse. Indsæt referatets tekst, eller upload dokumentet."
TOO_BIG = "Filen er for stor til at blive læst som et referat."
NO_STRUCTURE = (
    "Teksten ligner ikke et referat eller en dagsorden: hverken en titellinje, mødefakta eller "
    "nummererede punkter blev fundet."
)

_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM", b"RIFF")


def _read_bytes(fileobj):
    """All of an upload's bytes, read from its start; the upload is rewound afterwards, so that
    storing it still stores all of it."""
    if isinstance(fileobj, bytes | bytearray):
        return bytes(fileobj)
    rewind = getattr(fileobj, "seek", None)
    if rewind is not None:
        with contextlib.suppress(OSError, ValueError):
            rewind(0)
    try:
        data = fileobj.read(MAX_BYTES + 1)
    except (OSError, ValueError, AttributeError) as error:
        raise DocumentError(NOT_A_DOCUMENT) from error
    finally:
        if rewind is not None:
            with contextlib.suppress(OSError, ValueError):
                rewind(0)
    if not isinstance(data, bytes):
        raise DocumentError(NOT_A_DOCUMENT)
    if len(data) > MAX_BYTES:
        raise DocumentError(TOO_BIG)
    return data


def _is_docx(data):
    """Whether the bytes are a Word document: a zip with word/document.xml in it."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except Exception as error:
        # A zip that cannot be opened at all: most likely a Word document cut short.
        raise DocumentError(WORD_DAMAGED) from error


def read_document(fileobj, filename="", *, max_pages=None, max_seconds=None):
    """The meeting in an uploaded file: a PDF (by its content, "%PDF-") or a .docx.

    `fileobj` is a file opened in binary mode (an upload) or bytes; `filename` is only used in
    logs, never to decide the type. `max_pages` and `max_seconds` override the bounds
    (MAX_PAGES, MAX_SECONDS), e.g. from settings. Raises DocumentError with a Danish message for
    the clerk when the file is of another kind, damaged, encrypted or scanned without a text
    layer.
    """
    started = time.monotonic()
    max_pages = MAX_PAGES if max_pages is None else max_pages
    deadline = started + (MAX_SECONDS if max_seconds is None else max_seconds)
    data = _read_bytes(fileobj)
    try:
        if b"%PDF-" in data[:1024]:
            lines, pages, notes = read_pdf(
                data, max_pages=max_pages, deadline=deadline, is_structural=is_structural
            )
        elif _is_docx(data):
            lines, notes = read_docx(data, deadline=deadline)
            pages = None
        elif data.startswith(b"\xd0\xcf\x11\xe0"):
            raise DocumentError(OLD_WORD)
        elif data.startswith(_IMAGE_MAGIC):
            raise DocumentError(IMAGE)
        else:
            raise DocumentError(NOT_A_DOCUMENT)
        if not lines:
            raise DocumentError(EMPTY)
        document = _parse(lines, notes)
    except DocumentError:
        raise
    except RecursionError as error:
        raise DocumentError(NOT_A_DOCUMENT) from error
    except Exception as error:
        # A reader or the parser tripped over something nobody foresaw: the clerk gets a clear
        # message, the logs get the trace.
        logger.exception("Reading %s as minutes failed", filename or "an upload")
        raise DocumentError(
            "Dokumentet kunne ikke læses som et referat. Prøv at indsætte teksten i stedet."
        ) from error
    document.pages = pages
    logger.info(
        "Read %s: %s pages, %d items in %.2f s",
        filename or "an upload",
        pages,
        len(document.items),
        time.monotonic() - started,
    )
    return document


def parse_text(text):
    """The meeting in text a clerk pasted (copied from the PDF or the Word document)."""
    if not isinstance(text, str) or not text.strip():
        raise DocumentError(EMPTY)
    if len(text) > MAX_BYTES:
        raise DocumentError(TOO_BIG)
    lines, removed = read_text(text, is_structural=is_structural)
    notes = []
    if removed:
        examples = ", ".join(f"“{line}”" for line in list(dict.fromkeys(removed))[:3])
        notes.append(
            Note(
                f"Sidehoveder, sidefødder og sidetal er fjernet, fx {examples}.", needs_check=False
            )
        )
    if not lines:
        raise DocumentError(EMPTY)
    try:
        return _parse(lines, notes)
    except DocumentError:
        raise
    except Exception as error:
        logger.exception("Reading pasted text as minutes failed")
        raise DocumentError("Teksten kunne ikke læses som et referat.") from error


def _parse(lines, notes):
    lines[0].brk = PARAGRAPH
    document = parse_lines(lines)
    if not document.items and document.date is None and not document.participants:
        raise DocumentError(NO_STRUCTURE)
    document.notes = notes + document.notes
    return document
