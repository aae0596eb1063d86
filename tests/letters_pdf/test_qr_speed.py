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


def test_speed_ups_are_installed():
    assert qrencoder.QRPolynomial.mod is qrspeed.fast_mod
    assert hasattr(qrencoder.QRUtil.getErrorCorrectPolynomial, "cache_info")


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
