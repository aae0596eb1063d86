"""What the letters cache per process (logo reader, table cells, wrapped lines, QR layouts) can
never print one letter's data in another: each test renders different data in turn, in one
process, and reads every PDF back."""

import io

import pypdf
import pypdfium2
import zxingcpp
from PIL import Image

from desktop.letters.cells import cell_paragraph
from desktop.letters.compose import compose
from desktop.letters.flow import wrap_words
from desktop.letters.render import FONT, _cell_styles, render_pdf

from .samples import sample


def png(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), colour).save(out, format="PNG")
    return out.getvalue()


def logo_colour(pdf: bytes):
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    (image,) = page.images
    return image.image.convert("RGB").getpixel((30, 20))


def text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_a_changed_logo_prints_the_new_image():
    doc = compose(sample("psh-offer"))
    red, blue = png((220, 20, 20)), png((20, 20, 220))
    colours = [logo_colour(render_pdf(doc, logo=logo)) for logo in (red, blue, red)]
    assert colours == [(220, 20, 20), (20, 20, 220), (220, 20, 20)]


def test_each_letter_prints_its_own_table_cells():
    first, second = sample("psh-application"), sample("psh-application")
    first.facts["costs"][0]["note"] = "nota pertama"
    second.facts["costs"][0]["note"] = "<b>nota kedua</b> & lain"  # markup prints as typed
    texts = [text(render_pdf(compose(inp))) for inp in (first, second, first)]
    assert "nota pertama" in texts[0] and "nota kedua" not in texts[0]
    assert "<b>nota kedua</b> & lain" in texts[1] and "nota pertama" not in texts[1]
    assert texts[2] == texts[0]


def test_a_cell_is_not_changed_by_an_earlier_cell_of_the_same_text():
    style = _cell_styles()[0]
    used = cell_paragraph("Pekerja Sambilan Harian", style)
    used.wrap(40, 1000)  # narrow: several lines
    used.frags[0].text = "changed in place"  # whatever a table might do to its own cell
    fresh = cell_paragraph("Pekerja Sambilan Harian", style)
    assert fresh.frags[0].text == "Pekerja Sambilan Harian"
    assert fresh.wrap(400, 1000)[1] == style.leading  # one line at a wide column
    assert used.wrap(40, 1000)[1] > style.leading  # its own width, not the other's


def test_wrapped_lines_are_a_fresh_list_each_time():
    first = wrap_words("satu dua tiga empat lima", FONT, 10, 40)
    first[0] = ("poisoned", 1.0, True)
    first.append(("more", 1.0, True))
    again = wrap_words("satu dua tiga empat lima", FONT, 10, 40)
    assert "poisoned" not in [line for line, _w, _end in again]
    assert " ".join(line for line, _w, _end in again) == "satu dua tiga empat lima"


def test_qr_codes_of_the_same_size_decode_to_their_own_text():
    # the same version, level and mask: the cached layout is shared, the data is not
    texts = [f"ISITUGAS:1:JPNIN.SGR.600-2/3/1/2026 ({n}):{n * 104729:026d}" for n in (1, 2, 3)]
    decoded = []
    for qr_text in texts:
        doc = compose(sample("psh-termination"))
        doc["qr_text"] = qr_text
        image = pypdfium2.PdfDocument(render_pdf(doc))[0].render(scale=3).to_pil()
        decoded += [r.text for r in zxingcpp.read_barcodes(image)]
    assert decoded == texts
