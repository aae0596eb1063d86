"""Speed-ups of reportlab's QR encoder (``reportlab.graphics.barcode.qrencoder``).

The letters draw reportlab's own QR widget; its encoder is plain Python, and for a batch of 500
letters it cost more than laying out the rest of the page (bench/bench_letters.py). Every change
gives exactly the same codewords and modules (tests/letters_pdf/test_qr_speed.py compares them
with the original on many inputs, versions and masks) and is installed once, on import:

- the Reed-Solomon generator polynomial depends only on the number of correction codewords,
  yet was rebuilt (a product of up to 30 factors) for every block of every code: it is cached
  (it is never modified after it is built);
- the polynomial remainder was a recursion that built a new polynomial per data codeword: it is
  the same long division, one loop over a list, each step XOR-ing a row of the generator's
  multiples that is computed once per generator (256 rows, a few kB);
- the bit buffer wrote its data one bit at a time (a method call per bit): it now writes up to
  a byte's worth at once, to the same bytes;
- placing the data bits walked the matrix with a generator and called the mask's lambda per
  module, for every code: the walk (which depends only on the version) and the mask's values
  along it (version and mask) are computed once, leaving one loop of assignments per code.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain, repeat
from operator import xor

from reportlab.graphics.barcode import qrencoder

_ORIGINAL_MOD = qrencoder.QRPolynomial.mod
_ORIGINAL_GENERATOR = qrencoder.QRUtil.getErrorCorrectPolynomial
_ORIGINAL_PUT = qrencoder.QRBitBuffer.put
_ORIGINAL_MAP_DATA = qrencoder.QRCode.mapData


@lru_cache(maxsize=64)
def _multiples(divisor: tuple[int, ...]) -> tuple[list[int] | None, ...]:
    """Row ``lead`` is what one division step XORs in when the leading coefficient is ``lead``
    (the generator scaled so that its first term cancels ``lead``); row 0 is never used."""
    log, exp = qrencoder.LOG_TABLE, qrencoder.EXP_TABLE
    logs = [log[c] for c in divisor]  # glog of every coefficient (none is zero)
    first = logs[0]
    return (None,) + tuple([exp[(d + log[lead] - first) % 255] for d in logs]  # EXP[255]==EXP[0]
                           for lead in range(1, 256))


def fast_mod(self, e):
    """The remainder of ``self`` divided by ``e`` over GF(256), as ``QRPolynomial.mod``."""
    if self.getLength() < e.getLength():
        return self
    rows = _multiples(tuple(e.num))
    size = len(e.num)
    num = list(self.num)
    start = 0
    while len(num) - start >= size:
        lead = num[start]
        if lead:
            num[start:start + size] = map(xor, num[start:start + size], rows[lead])
        start += 1
        while start < len(num) and not num[start]:
            start += 1
    out = qrencoder.QRPolynomial.__new__(qrencoder.QRPolynomial)
    out.num = num[start:]
    return out


def fast_put(self, num, length):
    """``QRBitBuffer.put``: the low ``length`` bits of ``num``, most significant first."""
    num &= (1 << length) - 1  # the original reads only these bits (also of a negative num)
    buffer = self.buffer
    while length > 0:
        used = self.length % 8
        if not used:
            buffer.append(0)
        take = min(8 - used, length)
        length -= take
        buffer[-1] |= ((num >> length) & ((1 << take) - 1)) << (8 - used - take)
        self.length += take


@lru_cache(maxsize=64)
def _positions(version: int) -> tuple[tuple[int, int], ...]:
    """The (column, row) of every data module in placing order: reportlab's own walk."""
    qr = qrencoder.QRCode.__new__(qrencoder.QRCode)
    qr.version, qr.moduleCount = version, version * 4 + 17
    return tuple(qr._dataPosIterator())  # noqa: SLF001 - the walk itself, reused not copied


@lru_cache(maxsize=64)
def _mask_values(version: int, pattern: int) -> tuple[bool, ...]:
    mask = qrencoder.QRUtil.getMask(pattern)
    return tuple(bool(mask(row, col)) for col, row in _positions(version))


def fast_map_data(self, data, maskPattern):  # noqa: N803 - reportlab's name
    """``QRCode.mapData``: the data bits, masked, into the free modules; the modules left
    over (the remainder bits) get a 0 bit, masked, as in the original."""
    positions = _positions(self.version)
    masks = _mask_values(self.version, maskPattern)
    bits = [(byte >> shift) & 1 == 1 for byte in data for shift in range(7, -1, -1)]
    modules = self.modules
    for (col, row), mask, dark in zip(positions, masks, chain(bits, repeat(False)),
                                      strict=False):  # the remainder: 0 bits
        modules[row][col] = dark ^ mask


def install() -> None:
    """Install the speed-ups (idempotent)."""
    if qrencoder.QRPolynomial.mod is _ORIGINAL_MOD:
        qrencoder.QRPolynomial.mod = fast_mod
    if qrencoder.QRUtil.getErrorCorrectPolynomial is _ORIGINAL_GENERATOR:
        qrencoder.QRUtil.getErrorCorrectPolynomial = staticmethod(
            lru_cache(maxsize=64)(_ORIGINAL_GENERATOR))
    if qrencoder.QRBitBuffer.put is _ORIGINAL_PUT:
        qrencoder.QRBitBuffer.put = fast_put
    if qrencoder.QRCode.mapData is _ORIGINAL_MAP_DATA:
        qrencoder.QRCode.mapData = fast_map_data


install()
