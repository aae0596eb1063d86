"""Speed-ups of reportlab's QR encoder (``reportlab.graphics.barcode.qrencoder``).

The letters draw reportlab's own QR widget; its encoder is plain Python, and for a batch of 500
letters it cost more than laying out the rest of the page (bench/bench_letters.py). Every change
gives exactly the same codewords and modules (tests/letters_pdf/test_qr_speed.py compares them
with the original on many inputs, versions and masks) and is installed once, on import:

- the Reed-Solomon generator polynomial depends only on the number of correction codewords,
  yet was rebuilt (a product of up to 30 factors) for every block of every code: it is cached
  (it is never modified after it is built);
- the polynomial remainder was a recursion that built a new polynomial per data codeword: it is
  the same long division on one integer, each step XOR-ing a row of the generator's multiples
  that is computed once per generator (256 rows, a few kB);
- the bit buffer wrote its data one bit at a time (a method call per bit), and the text's
  bytes went in one call each: now a whole put is one integer written out as bytes, and the
  text's bytes are one put;
- placing the data bits walked the matrix with a generator and called the mask's lambda per
  module, for every code: the walk (which depends only on the version) and the mask's values
  along it (version and mask) are computed once, leaving one loop of assignments per code.

:func:`dark_rows` goes further for the letters: it builds a code's rows as strings of "0" and
"1" without reportlab's matrix at all, from a layout computed once per (version, level, mask)
out of reportlab's own matrix of an empty code (where every function pattern, format and
version bit is, and which data bit each other module shows). Per code that leaves the
codewords (reportlab's ``createData``), one XOR of two integers and a C-level gather per row.
The tests compare its rows with reportlab's ``makeImpl`` for every mask, level and many
versions and texts.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter

from reportlab.graphics.barcode import qrencoder

_ORIGINAL_MOD = qrencoder.QRPolynomial.mod
_ORIGINAL_GENERATOR = qrencoder.QRUtil.getErrorCorrectPolynomial
_ORIGINAL_PUT = qrencoder.QRBitBuffer.put
_ORIGINAL_MAP_DATA = qrencoder.QRCode.mapData
_ORIGINAL_MAKE_IMPL = qrencoder.QRCode.makeImpl
_ORIGINAL_WRITE_BYTES = qrencoder.QR8bitByte.write


@lru_cache(maxsize=64)
def _multiples(divisor: tuple[int, ...]) -> tuple[int, ...]:
    """Row ``lead`` (as one big-endian integer) is what a division step XORs in when the
    leading coefficient is ``lead``: the generator scaled so that its first term cancels
    ``lead``. Row 0 is never used."""
    log, exp = qrencoder.LOG_TABLE, qrencoder.EXP_TABLE
    logs = [log[c] for c in divisor]  # glog of every coefficient (none is zero)
    first = logs[0]
    return (0,) + tuple(int.from_bytes(bytes(exp[(d + log[lead] - first) % 255] for d in logs),
                                       "big")  # EXP[255] == EXP[0]
                        for lead in range(1, 256))


def fast_mod(self, e):
    """The remainder of ``self`` divided by ``e`` over GF(256), as ``QRPolynomial.mod``: the
    same long division, the polynomial held as one integer (a byte a coefficient), so that a
    step is one XOR; leading zeros stripped as the original leaves them."""
    if self.getLength() < e.getLength():
        return self
    rows = _multiples(tuple(e.num))
    n, size = len(self.num), len(e.num)
    value = int.from_bytes(bytes(self.num), "big")
    for shift in range(8 * (n - 1), 8 * (size - 2), -8):  # the leading term of each step
        lead = (value >> shift) & 0xFF
        if lead:
            value ^= rows[lead] << (shift - 8 * (size - 1))
    rest = value.to_bytes(n, "big")[n - size + 1:].lstrip(b"\0")
    out = qrencoder.QRPolynomial.__new__(qrencoder.QRPolynomial)
    out.num = list(rest)
    return out


def fast_put(self, num, length):
    """``QRBitBuffer.put``: the low ``length`` bits of ``num``, most significant first, into
    the same bytes (the last one's free low bits filled first), any number of bits at once."""
    if length <= 0:
        return
    num &= (1 << length) - 1  # the original reads only these bits (also of a negative num)
    buffer = self.buffer
    used = self.length % 8
    if used:  # the partial last byte goes in front of the new bits and is written again
        num |= (buffer.pop() >> (8 - used)) << length
        length += used
        self.length -= used
    pad = -length % 8
    buffer.extend((num << pad).to_bytes((length + pad) // 8, "big"))
    self.length += length


def fast_write_bytes(self, buffer, version):
    """``QR8bitByte.write``: the header, then all the data bytes in one put."""
    self.write_header(buffer, version)
    data = self.data
    if isinstance(data, str):  # never from QR8bitByte itself (it encodes); as the original reads it
        data = bytes(ord(c) & 0xFF for c in data)
    buffer.put(int.from_bytes(data, "big"), 8 * len(data))


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


@lru_cache(maxsize=64)
def _layout(version: int, level: int, mask: int) -> tuple[int, int, tuple[itemgetter, ...]]:
    """(data modules, the mask along them as an int, one gatherer per row).

    A row's gatherer picks, for each column, one character of "<masked data bits>01": a data
    module's own bit, or the "0" or "1" just after them for a fixed module."""
    positions = _positions(version)
    count = len(positions)
    empty = qrencoder.QRCode(version, level)
    empty.dataCache = [0] * (count // 8)  # data of no importance: only the fixed modules are kept
    _ORIGINAL_MAKE_IMPL(empty, False, mask)
    source = {(row, col): n for n, (col, row) in enumerate(positions)}
    getters = []
    for row, modules in enumerate(empty.modules):
        picks = [source.get((row, col), count + bool(dark)) for col, dark in enumerate(modules)]
        getters.append(itemgetter(*picks))
    mask_bits = "".join("1" if m else "0" for m in _mask_values(version, mask))
    return count, int(mask_bits, 2), tuple(getters)


def dark_rows(qr, mask: int) -> list[str]:
    """The modules of ``qr`` (a reportlab ``QRCode`` with its data added) drawn with ``mask``,
    top row first, as strings of "1" (dark) and "0": what ``makeImpl(False, mask)`` puts in
    ``qr.modules``, without building that matrix."""
    version = qr.version = qr.version or qr.calculate_version()
    count, mask_int, getters = _layout(version, qr.errorCorrectLevel, mask)
    data = qrencoder.QRCode.createData(version, qr.errorCorrectLevel, qr.dataList)
    bits = int.from_bytes(bytes(data), "big") << (count - 8 * len(data))  # remainder bits: 0
    source = format(bits ^ mask_int, f"0{count}b") + "01"
    return ["".join(get(source)) for get in getters]


def install() -> None:
    """Install the speed-ups (idempotent)."""
    if qrencoder.QRPolynomial.mod is _ORIGINAL_MOD:
        qrencoder.QRPolynomial.mod = fast_mod
    if qrencoder.QRUtil.getErrorCorrectPolynomial is _ORIGINAL_GENERATOR:
        qrencoder.QRUtil.getErrorCorrectPolynomial = staticmethod(
            lru_cache(maxsize=64)(_ORIGINAL_GENERATOR))
    if qrencoder.QRBitBuffer.put is _ORIGINAL_PUT:
        qrencoder.QRBitBuffer.put = fast_put
    if qrencoder.QR8bitByte.write is _ORIGINAL_WRITE_BYTES:
        qrencoder.QR8bitByte.write = fast_write_bytes
    if qrencoder.QRCode.mapData is _ORIGINAL_MAP_DATA:
        qrencoder.QRCode.mapData = fast_map_data


install()
