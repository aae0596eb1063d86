"""render_pdf(): the PDF read back (pypdf), its fonts, page size, marks and QR code."""

import io
import re

import pypdf
import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from desktop.letters.compose import compose
from desktop.letters.render import render_pdf
from desktop.rules import Refused

from .samples import KINDS, sample

STANDARD_14 = re.compile(r"^/?(Courier|Helvetica|Times|Symbol|ZapfDingbats)")
A4_POINTS = (595.28, 841.89)  # 210 x 297 mm


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def rendered():
    out = {}
    for kind in KINDS:
        doc = compose(sample(kind))
        out[kind] = (doc, render_pdf(doc))
    return out


# What each kind prints, worked out by hand from samples.FACTS.
REQUIRED = {
    "psh-offer": ["TAWARAN PELANTIKAN SEBAGAI PEKERJA SAMBILAN HARIAN (PSH)",
                  "RM 54.00 (Ringgit Malaysia Lima Puluh Empat Sahaja) sehari",
                  "2 November 2026", "31 Januari 2027", "sembilan (9) jam sehari",
                  "Elaun Lebih Masa", "KWSP", "Akta Rahsia Rasmi 1972", "faedah persaraan",
                  "tidak lagi diperlukan", "AKUAN PENERIMAAN"],
    "psh-extension": ["LANJUTAN TEMPOH PERKHIDMATAN", "30 Oktober 2026", "29 Januari 2027",
                      "RM 54.00 (Ringgit Malaysia Lima Puluh Empat Sahaja)"],
    "psh-termination": ["PENAMATAN PERKHIDMATAN", "30 September 2026", "5A(s)"],
    "acting-instruction": ["ARAHAN PENANGGUNGAN KERJA JAWATAN PENDIDIK GRED S27", "6A(b)",
                           "RM 450.00 (Ringgit Malaysia Empat Ratus Lima Puluh Sahaja)", "25%",
                           "30 April 2027"],
    "ora-declaration": ["PERAKUAN AKTA RAHSIA RASMI 1972", "5A(n)", "PERAKUAN", "Tandatangan",
                        "Disaksikan oleh"],
    "psh-application": ["PERMOHONAN KELULUSAN PELANTIKAN PEKERJA SAMBILAN HARIAN",
                        "Tan Mei Ling", "950707-14-5012",
                        "RM 3,456.00 (Ringgit Malaysia Tiga Ribu Empat Ratus Lima Puluh Enam "
                        "Sahaja)", "Kaedah", "Anggaran kos", "paling jimat", "OS) 29000",
                        "baki RM 19,499.50"],
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_prints_its_content_and_the_letter_frame(rendered, kind):
    doc, pdf = rendered[kind]
    text = pdf_text(pdf)
    for words in REQUIRED[kind]:
        assert words in text, words
    inp = sample(kind)
    assert "Ruj. Kami" in text and inp.reference in text
    assert "Tarikh" in text and "1 November 2026" in text
    assert inp.addressee["name"] in text and inp.addressee["lines"][0] in text
    assert doc["subject"] in text  # bold, in capitals (and short enough for one line here)
    assert "Saya yang menjalankan amanah," in text
    assert "(HAJAH ROSNAH BINTI ISMAIL)" in text and "Pengarah Perpaduan Negeri Selangor" in text
    assert "BERKHIDMAT UNTUK NEGARA" in text
    assert "s.k." in text and doc["cc"][0] in text
    assert "Jabatan Perpaduan Negara dan Integrasi Nasional Negeri Selangor" in text
    assert "03-5511 2233" in text
    assert "2. " in text  # numbered paragraphs
    assert "SALINAN" not in text
    if kind != "psh-application":
        assert "Nur Aisyah binti Ahmad" in text
    if kind in ("psh-offer", "ora-declaration"):
        assert "900101-10-5678" in text


@pytest.mark.parametrize("kind", KINDS)
def test_a4_and_only_embedded_truetype_fonts(rendered, kind):
    reader = pypdf.PdfReader(io.BytesIO(rendered[kind][1]))
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2),
                round(float(page.mediabox.height), 2)) == A4_POINTS
        fonts = page["/Resources"]["/Font"]
        assert fonts
        for ref in fonts.values():
            font = ref.get_object()
            assert not STANDARD_14.match(str(font["/BaseFont"])), font["/BaseFont"]
            assert "LiberationSans" in str(font["/BaseFont"])
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


@pytest.mark.parametrize("kind", KINDS)
def test_qr_code_decodes_to_the_qr_text(rendered, kind):
    doc, pdf = rendered[kind]
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=3).to_pil()
    texts = [r.text for r in zxingcpp.read_barcodes(image)]
    assert texts == [doc["qr_text"]]


def test_copy_is_marked_salinan_on_every_page_and_otherwise_the_same(rendered):
    doc, original = rendered["psh-offer"]
    copy = render_pdf(doc, copy=True)
    copy_pages, original_pages = pages(copy), pages(original)
    assert len(copy_pages) == len(original_pages) >= 2
    for copy_text, original_text in zip(copy_pages, original_pages, strict=True):
        assert "SALINAN" in copy_text and "SALINAN" not in original_text
        assert copy_text.replace("SALINAN", "") != ""
    assert doc["reference"] in copy_pages[0] and "RM 54.00" in pdf_text(copy)


def test_page_numbers_only_on_letters_longer_than_a_page(rendered):
    short = pages(rendered["psh-termination"][1])
    assert len(short) == 1 and "- 1 -" not in short[0] and "- 2 -" not in short[0]
    long_inp = sample("psh-termination")
    long_inp.facts["end_reason"] = " ".join(["perkhidmatan tidak lagi diperlukan"] * 400)
    long = pages(render_pdf(compose(long_inp)))
    assert len(long) >= 3
    for number, text in enumerate(long[1:], start=2):
        assert f"- {number} -" in text and long_inp.reference in text


def test_same_document_gives_the_same_bytes(rendered):
    doc, pdf = rendered["psh-extension"]
    assert render_pdf(doc) == pdf


def test_a_stored_document_renders_without_compose(rendered):
    """A reprint renders the stored JSON: the document alone is enough."""
    import json

    doc, pdf = rendered["acting-instruction"]
    assert render_pdf(json.loads(json.dumps(doc))) == pdf


def png(width=120, height=80) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def test_logo_is_drawn_in_the_letterhead(rendered):
    doc, plain = rendered["psh-offer"]
    with_logo = render_pdf(doc, logo=png())
    page = pypdf.PdfReader(io.BytesIO(with_logo)).pages[0]
    images = [x for x in page["/Resources"].get("/XObject", {}).values()
              if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1 and images[0].get_object()["/Width"] == 120
    assert "/XObject" not in pypdf.PdfReader(io.BytesIO(plain)).pages[0]["/Resources"] or not [
        x for x in pypdf.PdfReader(io.BytesIO(plain)).pages[0]["/Resources"]["/XObject"].values()
        if x.get_object()["/Subtype"] == "/Image"]


def test_damaged_logo_is_refused():
    with pytest.raises(Refused) as err:
        render_pdf(compose(sample("psh-termination")), logo=b"\x89PNG\r\n\x1a\n not really")
    assert err.value.violations[0].code == "LETTER_LOGO_UNREADABLE"


def test_hostile_values_print_as_typed():
    inp = sample("psh-offer")
    inp.addressee["name"] = "<b>Ali & Co</b> <font size=80>X</font> 陈美玲 தமிழ் \x07"
    inp.facts["premises_name"] = "Tabika <i>Perpaduan</i> & Sons"
    inp.facts["name"] = inp.addressee["name"]
    inp.facts["kp_approval_ref"] = "R" * 3000  # one unbreakable word
    inp.letterhead["name"] = "Pejabat " * 300
    inp.addressee["lines"] = ["Jalan " * 500]
    pdf = render_pdf(compose(inp), copy=True)
    text = pdf_text(pdf)
    assert "<b>Ali & Co</b>" in text and "<font size=80>X</font>" in text
    assert "TABIKA <I>PERPADUAN</I> & SONS" in text
    assert "\x07" not in text
    assert text.count("R" * 40) >= 1


def test_table_cell_longer_than_a_page_still_renders():
    inp = sample("psh-application")
    inp.facts["costs"][0]["note"] = "nota panjang " * 1500
    text = pdf_text(render_pdf(compose(inp)))
    assert "Pekerja Sambilan Harian" in text and "nota panjang" in text


# -- a letterhead too long for its box: measured before saving, cut with "…" when printed --------

FIVE_LINES = "Tingkat 5, Wisma Perpaduan\nPersiaran Perbandaran\nSeksyen 14\n40000 Shah Alam\nSelangor"


@pytest.mark.parametrize("change, fields", [
    ({}, []),
    ({"address": FIVE_LINES}, ["address"]),
    ({"name": "Jabatan Perpaduan Negara dan Integrasi Nasional Negeri Selangor " * 3},
     ["name"]),
    ({"phone": " / ".join(f"03-5511 22{n:02d}" for n in range(12)),
      "email": "pejabat.perpaduan.negeri.selangor.darul.ehsan@perpaduan.gov.my"}, ["contact"]),
])
def test_letterhead_overflow_names_the_fields_the_box_cannot_hold(change, fields):
    from desktop.letters.render import letterhead_overflow

    assert letterhead_overflow({**LETTERHEAD_FIELDS, **change}) == fields


def test_what_overflow_names_is_what_the_letter_prints_cut():
    """The measure before saving and the printed letter agree: a fitting letterhead prints
    whole, the one named too long prints its fourth address line ending in "…"."""
    fits = sample("psh-offer")
    fits.letterhead = {**fits.letterhead, "address": FIVE_LINES.rsplit("\n", 1)[0]}
    cut = sample("psh-offer")
    cut.letterhead = {**cut.letterhead, "address": FIVE_LINES}
    whole, shortened = (pages(render_pdf(compose(inp)))[0] for inp in (fits, cut))
    assert "40000 Shah Alam" in whole and "…" not in whole.split("Ruj. Kami")[0]
    assert "40000 Shah Alam …" in shortened and "Selangor Tel." not in shortened


LETTERHEAD_FIELDS = {k: v for k, v in sample("psh-offer").letterhead.items()
                     if k in ("name", "address", "phone", "email")}
