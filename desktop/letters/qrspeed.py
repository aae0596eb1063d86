"""Two speed-ups of reportlab's QR encoder (``reportlab.graphics.barcode.qrencoder``).

The letters draw reportlab's own QR widget; its encoder is plain Python, and for a batch of 500
letters it cost more than laying out the rest of the page (bench/bench_letters.py). Both
changes give exactly the same codewords (tests/letters_pdf/test_qr_speed.py compares them with
the original on many inputs) and are installed once, on import:

- the Reed-Solomon generator polynomial depends only on the number of correction codewords,
  yet was rebuilt (a product of up to 30 factors) for every block of every code: it is cached
  (it is never modified after it is built);
- the polynomial remainder was a recursion that built a new polynomial per data codeword: it is
  the same long division as one loop over a list.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.barcode import qrencoder

_ORIGINAL_MOD = qrencoder.QRPolynomial.mod
_ORIGINAL_GENERATOR = qrencoder.QRUtil.getErrorCorrectPolynomial


def fast_mod(self, e):
    """The remainder of ``self`` divided by ``e`` over GF(256), as ``QRPolynomial.mod``."""
    if self.getLength() < e.getLength():
        return self
    log, exp = qrencoder.LOG_TABLE, qrencoder.EXP_TABLE
    divisor = [log[c] for c in e.num]  # glog of every coefficient (none is zero)
    first, size = divisor[0], len(divisor)
    num = list(self.num)
    start = 0
    while len(num) - start >= size:
        lead = num[start]
        if lead:
            ratio = log[lead] - first
            for i in range(size):
                num[start + i] ^= exp[(divisor[i] + ratio) % 255]  # EXP[255] == EXP[0]
        start += 1
        while start < len(num) and not num[start]:
            start += 1
    out = qrencoder.QRPolynomial.__new__(qrencoder.QRPolynomial)
    out.num = num[start:]
    return out


def install() -> None:
    """Install both speed-ups (idempotent)."""
    if qrencoder.QRPolynomial.mod is _ORIGINAL_MOD:
        qrencoder.QRPolynomial.mod = fast_mod
    if qrencoder.QRUtil.getErrorCorrectPolynomial is _ORIGINAL_GENERATOR:
        qrencoder.QRUtil.getErrorCorrectPolynomial = staticmethod(
            lru_cache(maxsize=64)(_ORIGINAL_GENERATOR))


install()
