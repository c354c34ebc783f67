"""A Word document is a zip file, and a zip member of a few hundred kilobytes can unpack to a
gigabyte. Every member of an uploaded .docx is read in bounded pieces, whatever its header
declares, so that a zip bomb anywhere in it is refused in Danish while the process reading it
stays small: each document is read in a process of its own, whose peak memory is measured.
"""

import io
import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GIB = 1 << 30
MIB = 1 << 20
# A process that has read a document: Python, the readers and the document itself.
MEMORY_CEILING_MB = 300

# The peak is the process's own high-water mark (VmHWM): getrusage's ru_maxrss would count the
# pytest process it was started from, whose pages the new process shared until it ran Python.
READ = """
import json, re, sys
from pathlib import Path
from minutes.importing import DocumentError, read_document
try:
    document = read_document(open(sys.argv[1], "rb"), "referat.docx")
    outcome = {"items": [item.title for item in document.items]}
except DocumentError as error:
    outcome = {"refused": str(error)}
peak_kb = re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text()).group(1)
outcome["peak_mb"] = int(peak_kb) / 1024
print(json.dumps(outcome))
"""

IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def minutes_docx():
    """A small, real .docx with one agenda item, as {member name: bytes}."""
    import docx

    document = docx.Document()
    document.add_paragraph("Referat – Almenboligudvalg Hvidovre den 29. maj 2018")
    document.add_paragraph("Mødested: Rådhuset, mødelokale 1")
    document.add_heading("1. Boligsocial helhedsplan", 1)
    document.add_heading("Beslutning", 3)
    document.add_paragraph("Godkendt.")
    out = io.BytesIO()
    document.save(out)
    import zipfile

    with zipfile.ZipFile(out) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zeros_deflated(size):
    """Raw deflate data of `size` zero bytes (a multiple of 1 MiB), and their CRC-32, made
    without holding them: one flushed block of a MiB of zeros, repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // MIB):
        crc = zlib.crc32(bytes(MIB), crc)
    return block * (size // MIB) + compressor.flush(zlib.Z_FINISH), crc


DEFLATED, BZIP2 = 8, 12


def zip_file(members):
    """A zip of [(name, compressed data, crc, declared size[, method])], written by hand so that
    a member's header may say anything."""
    out, directory = bytearray(), bytearray()
    for name, data, crc, declared, *method in members:
        encoded = name.encode()
        offset = len(out)
        method = method[0] if method else DEFLATED
        fields = (20, 0, method, 0, 0x21, crc, len(data), declared, len(encoded), 0)
        out += b"PK\x03\x04" + struct.pack("<HHHHHIIIHH", *fields) + encoded + data
        directory += (
            b"PK\x01\x02"
            + struct.pack("<HHHHHHIIIHHHHHII", 20, *fields, 0, 0, 0, 0, offset)
            + encoded
        )
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(out), 0
    )
    return bytes(out + directory + end)


def packed(parts, extra=()):
    """The document's parts deflated as Word does, plus the `extra` members as given."""
    members = []
    for name, data in parts.items():
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        members.append(
            (name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data))
        )
    return zip_file(members + list(extra))


def with_relationship(parts, rels_name, target, kind):
    rels = parts[rels_name].decode()
    relationship = f'<Relationship Id="rIdBomb" Type="{kind}" Target="{target}"/>'
    parts[rels_name] = rels.replace("</Relationships>", relationship + "</Relationships>").encode()
    return parts


def read_in_own_process(tmp_path, data):
    path = tmp_path / "referat.docx"
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-c", READ, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def gigabyte_of_zeros():
    return zeros_deflated(GIB)


def test_the_document_without_a_bomb_is_read_in_a_small_process(tmp_path):
    outcome = read_in_own_process(tmp_path, packed(minutes_docx()))

    assert outcome["items"] == ["Boligsocial helhedsplan"]
    assert outcome["peak_mb"] < MEMORY_CEILING_MB


def test_a_member_outside_word_that_unpacks_to_a_gigabyte_is_refused(tmp_path, gigabyte_of_zeros):
    data, crc = gigabyte_of_zeros
    # The package's thumbnail (python-docx's own template has one): a part that python-docx
    # loads whole, outside word/.
    parts = minutes_docx()
    del parts["docProps/thumbnail.jpeg"]
    bomb = packed(parts, [("docProps/thumbnail.jpeg", data, crc, GIB)])
    assert len(bomb) < 2 * MIB

    outcome = read_in_own_process(tmp_path, bomb)

    assert "fylder for meget, når det pakkes ud" in outcome.get("refused", ""), outcome
    assert outcome["peak_mb"] < MEMORY_CEILING_MB


@pytest.mark.parametrize("declared", [1000, 0], ids=["a kilobyte", "nothing"])
def test_a_member_that_unpacks_to_a_gigabyte_but_declares_less_is_refused(
    tmp_path, gigabyte_of_zeros, declared
):
    data, _ = gigabyte_of_zeros
    # The CRC of what the header declares: read only as far as the header says, it checks out.
    crc = zlib.crc32(bytes(declared))
    parts = with_relationship(
        minutes_docx(), "word/_rels/document.xml.rels", "media/image1.png", IMAGE
    )
    bomb = packed(parts, [("word/media/image1.png", data, crc, declared)])

    outcome = read_in_own_process(tmp_path, bomb)

    assert "fylder for meget, når det pakkes ud" in outcome.get("refused", ""), outcome
    assert outcome["peak_mb"] < MEMORY_CEILING_MB


def test_a_member_compressed_otherwise_than_word_does_is_refused(tmp_path):
    import bz2

    parts = minutes_docx()
    styles = parts.pop("word/styles.xml")
    # bzip2 cannot be unpacked in bounded pieces; Word only ever deflates (or stores).
    member = ("word/styles.xml", bz2.compress(styles), zlib.crc32(styles), len(styles), BZIP2)

    outcome = read_in_own_process(tmp_path, packed(parts, [member]))

    assert "Word-dokumentet kan ikke læses" in outcome.get("refused", ""), outcome
