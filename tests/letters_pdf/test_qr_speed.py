"""The QR encoder speed-ups give exactly reportlab's own codes; the drawn path covers exactly
the dark modules."""

import random

import pytest
from reportlab.graphics.barcode import qrencoder

from desktop.letters import qrspeed
from desktop.letters.qrdraw import qr_path


def original_mod(poly, e):
    """reportlab's recursive remainder, as shipped (kept here to compare against)."""
    return qrspeed._ORIGINAL_MOD(poly, e)


@pytest.fixture
def original_encoder(monkeypatch):
    monkeypatch.setattr(qrencoder.QRPolynomial, "mod", qrspeed._ORIGINAL_MOD)
    monkeypatch.setattr(qrencoder.QRUtil, "getErrorCorrectPolynomial",
                        staticmethod(qrspeed._ORIGINAL_GENERATOR))
    monkeypatch.setattr(qrencoder.QRBitBuffer, "put", qrspeed._ORIGINAL_PUT)
    monkeypatch.setattr(qrencoder.QRCode, "mapData", qrspeed._ORIGINAL_MAP_DATA)
    monkeypatch.setattr(qrencoder.QR8bitByte, "write", qrspeed._ORIGINAL_WRITE_BYTES)


def test_speed_ups_are_installed():
    assert qrencoder.QRPolynomial.mod is qrspeed.fast_mod
    assert hasattr(qrencoder.QRUtil.getErrorCorrectPolynomial, "cache_info")
    assert qrencoder.QRBitBuffer.put is qrspeed.fast_put
    assert qrencoder.QRCode.mapData is qrspeed.fast_map_data
    assert qrencoder.QR8bitByte.write is qrspeed.fast_write_bytes


def test_bit_buffer_writes_the_same_bytes_as_bit_by_bit():
    rng = random.Random(11)
    for _ in range(300):
        fast, slow = qrencoder.QRBitBuffer(), qrencoder.QRBitBuffer()
        for _ in range(rng.randrange(1, 40)):
            length = rng.choice((rng.randrange(0, 17), rng.randrange(17, 700)))  # 700: a text
            num = rng.getrandbits(length + 9) - (1 << (length + 8))  # wider, and negative
            qrspeed.fast_put(fast, num, length)
            qrspeed._ORIGINAL_PUT(slow, num, length)
        assert (fast.buffer, fast.length) == (slow.buffer, slow.length)


def one_code(text, version, mask):
    qr = qrencoder.QRCode(version, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.makeImpl(False, mask)
    return qr.modules


@pytest.mark.parametrize("version", [1, 4, 7, 10, 25, 40])
def test_every_mask_places_the_same_modules(version, request):
    # versions from 7 on carry the version blocks the data walk goes around; 40 the largest
    text = "ISITUGAS:1:JPNIN.SGR.600-2/3/1/2026 (15):"[:10 + version]
    fast = [one_code(text, version, mask) for mask in range(8)]
    request.getfixturevalue("original_encoder")
    assert fast == [one_code(text, version, mask) for mask in range(8)]


def test_remainder_equals_the_original_on_random_polynomials():
    rng = random.Random(7)
    for _ in range(3000):
        generator = qrspeed._ORIGINAL_GENERATOR(rng.choice((7, 10, 13, 17, 20, 22, 26, 30)))
        data = [rng.randrange(256) for _ in range(rng.randrange(1, 120))]
        if rng.random() < 0.2:
            data = [0] * rng.randrange(1, 5) + data  # leading zeros are stripped by both
        if not any(data):
            data[-1] = 1
        poly = qrencoder.QRPolynomial(data, generator.getLength() - 1)
        assert qrspeed.fast_mod(poly, generator).num == original_mod(poly, generator).num


def matrices(texts, level):
    out = []
    for text in texts:
        qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
        qr.addData(text)
        qr.make()
        out.append(qr.modules)
    return out


TEXTS = ["ISITUGAS:1:JPNIN.SGR.600-2/3/1/2026 (15):ABCDEFGHIJKLMNOPQRSTUVWXYZ",
         "x", "0123456789" * 20, "ISITUGAS:1:" + "Z" * 300 + ":" + "Q" * 26,
         "Ruj. Kami: café — Nur Aisyah ñ 漢字"]  # bytes mode, several bytes a character


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_whole_codes_equal_the_original(level, request):
    fast = matrices(TEXTS, level)
    request.getfixturevalue("original_encoder")
    assert fast == matrices(TEXTS, level)


def rectangles(path):
    """(x, y, w, h) of every "re" of a path, back from the text."""
    assert path.endswith(" f")
    numbers = path[:-2].split(" re")
    return [tuple(int(n) for n in part.split()) for part in numbers if part.strip()]


def test_path_covers_exactly_the_dark_modules():
    rng = random.Random(3)
    for size in (1, 2, 21, 37):
        rows = ["".join(rng.choice("01") for _ in range(size)) for _ in range(size)]
        covered = [[0] * size for _ in range(size)]
        for x, y, w, h in rectangles(qr_path(rows)):
            for yy in range(y, y + h):
                for xx in range(x, x + w):
                    covered[size - 1 - yy][xx] += 1  # the PDF's y counts from the bottom
        assert covered == [[int(c) for c in row] for row in rows]


def test_path_is_the_rows_dark_runs():
    assert qr_path(["110", "110", "001"]) == "0 2 2 1 re 0 1 2 1 re 2 0 1 1 re f"


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_dark_rows_are_reportlabs_own_modules(level, request):
    ec = getattr(qrencoder.QRErrorCorrectLevel, level)
    texts = TEXTS + [f"ISITUGAS:1:JPNIN.SGR.600-2/3/{n}/2026 ({n}):{n * 7919:026d}"
                     for n in range(1, 6)]
    fast = []
    for text in texts:
        for mask in range(8):
            qr = qrencoder.QRCode(None, ec)
            qr.addData(text)
            fast.append(qrspeed.dark_rows(qr, mask))
    request.getfixturevalue("original_encoder")
    slow = []
    for text in texts:
        for mask in range(8):
            qr = qrencoder.QRCode(None, ec)
            qr.addData(text)
            qr.version = qr.calculate_version()
            qr.makeImpl(False, mask)
            slow.append(["".join("1" if dark else "0" for dark in row) for row in qr.modules])
    assert fast == slow
