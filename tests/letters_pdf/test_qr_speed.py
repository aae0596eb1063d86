"""The QR encoder speed-ups give exactly reportlab's own codes; the drawn rectangles cover
exactly the dark modules."""

import random

import pytest
from reportlab.graphics.barcode import qrencoder

from desktop.letters import qrspeed
from desktop.letters.flow import _rectangles


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


def test_speed_ups_are_installed():
    assert qrencoder.QRPolynomial.mod is qrspeed.fast_mod
    assert hasattr(qrencoder.QRUtil.getErrorCorrectPolynomial, "cache_info")
    assert qrencoder.QRBitBuffer.put is qrspeed.fast_put
    assert qrencoder.QRCode.mapData is qrspeed.fast_map_data


def test_bit_buffer_writes_the_same_bytes_as_bit_by_bit():
    rng = random.Random(11)
    for _ in range(300):
        fast, slow = qrencoder.QRBitBuffer(), qrencoder.QRBitBuffer()
        for _ in range(rng.randrange(1, 40)):
            length = rng.randrange(0, 17)
            num = rng.randrange(-70000, 70000)  # wider than length: only the low bits count
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
         "x", "0123456789" * 20, "ISITUGAS:1:" + "Z" * 300 + ":" + "Q" * 26]


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_whole_codes_equal_the_original(level, request):
    fast = matrices(TEXTS, level)
    request.getfixturevalue("original_encoder")
    assert fast == matrices(TEXTS, level)


def test_rectangles_cover_exactly_the_dark_modules():
    rng = random.Random(3)
    for size in (1, 2, 21, 37):
        modules = [[rng.random() < 0.5 for _ in range(size)] for _ in range(size)]
        covered = [[0] * size for _ in range(size)]
        for r, c, w, h in _rectangles(modules):
            for rr in range(r, r + h):
                for cc in range(c, c + w):
                    covered[rr][cc] += 1
        assert covered == [[int(dark) for dark in row] for row in modules]


def test_rectangles_are_the_rows_dark_runs():
    modules = [[True, True, False]] * 2 + [[False, False, True]]
    assert _rectangles(modules) == [(0, 0, 2, 1), (1, 0, 2, 1), (2, 2, 1, 1)]
