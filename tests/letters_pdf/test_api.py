"""api: issuing, reprinting, previewing and batches of real letters on the demo office."""

import io
import json

import pypdf
import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from desktop.letters import api
from desktop.services import letters as L
from desktop.services.unit import perform, read

from .conftest import ISSUE_DAY

# a demo record of each kind (the ones tests/letters/test_facts.py reads)
RECORDS = {"psh-offer": 2, "psh-extension": 1, "psh-termination": 6, "ora-declaration": 2,
           "acting-instruction": 1, "psh-application": 2}


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def qr_of(pdf: bytes) -> list[str]:
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=3).to_pil()
    return [r.text for r in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_issue_pdf_prints_the_record_and_a_verifiable_qr(demo, kind):
    row, pdf = api.issue_pdf(demo, kind, RECORDS[kind], today=ISSUE_DAY, actor="ujian")
    text = text_of(pdf)
    assert row.reference in text and "25 November 2026" in text
    assert row.subject and row.subject in text
    assert row.document["addressee"]["name"] in text
    if kind != "psh-application":
        assert row.person in text
    assert "Saya yang menjalankan amanah," in text and "SALINAN" not in text
    assert qr_of(pdf) == [row.qr_text]
    check = read(demo, L.verify_text, qr_of(pdf)[0])
    assert check.genuine and check.letter.id == row.id


def test_reprint_is_the_same_letter_marked_salinan_and_counted(demo):
    row, original = api.issue_pdf(demo, "psh-offer", 2, today=ISSUE_DAY)
    assert api.letter_pdf(demo, row.id) == original  # the preview is the letter as issued
    copy = api.reprint_pdf(demo, row.id, actor="ujian")
    assert "SALINAN" in text_of(copy) and row.reference in text_of(copy)
    assert text_of(copy).replace("SALINAN", "").count(row.reference) >= 1
    assert read(demo, L.get_letter, row.id).copies_printed == 1
    api.reprint_pdf(demo, row.id)
    assert read(demo, L.get_letter, row.id).copies_printed == 2
    assert api.letter_pdf(demo, row.id) == original
    # the window's copy: the same SALINAN, counted only once printed or saved (views)
    assert api.copy_pdf(demo, row.id) == copy
    assert read(demo, L.get_letter, row.id).copies_printed == 2


def test_a_failed_render_leaves_the_number_used(demo, monkeypatch):
    def broken(*_a, **_k):
        raise RuntimeError("printer on fire")

    first, _ = api.issue_pdf(demo, "ora-declaration", 1, today=ISSUE_DAY)
    monkeypatch.setattr(api, "render_pdf", broken)
    with pytest.raises(RuntimeError):
        api.issue_pdf(demo, "ora-declaration", 2, today=ISSUE_DAY)
    monkeypatch.undo()
    third, _ = api.issue_pdf(demo, "ora-declaration", 3, today=ISSUE_DAY)
    assert third.seq == first.seq + 2  # the failed one kept its number
    refs = {r.reference for r in read(demo, L.list_letters, kind="ora-declaration")}
    assert len(refs) == 3


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (90, 60), (10, 90, 200)).save(out, format="PNG")
    return out.getvalue()


def test_the_office_logo_is_printed(demo):
    perform(demo, L.set_logo, png())
    row, pdf = api.issue_pdf(demo, "psh-termination", 6, today=ISSUE_DAY)
    assert row.document["letterhead"]["logo_sha"]
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    images = [x.get_object() for x in page["/Resources"]["/XObject"].values()
              if x.get_object()["/Subtype"] == "/Image"]
    assert [(i["/Width"], i["/Height"]) for i in images] == [(90, 60)]
    assert api.letter_pdf(demo, row.id) == pdf


def test_file_names_are_safe():
    assert api.file_name("JPNIN.SGR.600-2/3/1/2026 (15)") == "JPNIN.SGR.600-2_3_1_2026_15.pdf"
    assert api.file_name("../../etc/passwd") == "etc_passwd.pdf"
    assert api.file_name("///") == "surat.pdf"


def test_run_batch_writes_one_file_per_letter_with_progress(demo, tmp_path):
    seen = []
    paths = api.run_batch(demo, "ora-declaration", [1, 2, 3], tmp_path / "out", today=ISSUE_DAY,
                          progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)
    letters = read(demo, L.list_letters, kind="ora-declaration")
    assert {api.file_name(r.reference) for r in letters} == {p.name for p in paths}
    for path, letter in zip(paths, sorted(letters, key=lambda r: r.seq), strict=True):
        assert path.read_bytes().startswith(b"%PDF") and letter.reference in text_of(
            path.read_bytes())


def test_run_batch_stops_cleanly_when_cancelled(demo, tmp_path):
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2  # cancel before the third letter

    out = tmp_path / "out"
    paths = api.run_batch(demo, "ora-declaration", [1, 2, 3, 4], out, today=ISSUE_DAY,
                          cancelled=cancelled)
    assert len(paths) == 2 and all(p.exists() for p in paths)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)
    assert len(read(demo, L.list_letters, kind="ora-declaration")) == 2


def test_a_refused_record_stops_the_batch_keeping_the_files_written(demo, tmp_path):
    from desktop.rules import Refused

    out = tmp_path / "out"
    with pytest.raises(Refused):
        api.run_batch(demo, "ora-declaration", [1, 999_999], out, today=ISSUE_DAY)
    assert [p.suffix for p in out.iterdir()] == [".pdf"]  # no half-written ".part"


def test_stored_document_is_the_composed_one(demo):
    row, _ = api.issue_pdf(demo, "psh-extension", 1, today=ISSUE_DAY)
    assert row.document["kind"] == "psh-extension" and row.document["qr_text"] == row.qr_text
    assert json.loads(json.dumps(row.document)) == row.document
