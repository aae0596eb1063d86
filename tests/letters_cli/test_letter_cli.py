"""`isitugas letter KIND ID --out F.pdf` and `isitugas verify-letter TEXT`, as a user runs them."""

import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from desktop.__main__ import main
from desktop.services.letters import list_letters
from desktop.services.unit import read

from . import factories as F

ROOT = Path(__file__).resolve().parents[2]
OFFER, TERMINATION = 1, 3  # the kinds' places in the spec's order: the default prefix's "/n"


def cli(db, *args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # this checkout, not an installed copy
    return subprocess.run([sys.executable, "-m", "desktop", "--db", db.url, *map(str, args)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)


def run(capsys, db, *args) -> tuple[int, str, str]:
    code = main(["--db", db.url, *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_letter_writes_the_pdf_and_prints_its_reference(db, psh, tmp_path):
    out = tmp_path / "tawaran.pdf"
    result = cli(db, "letter", "psh-offer", psh, "--out", out)
    assert result.returncode == 0, result.stderr
    reference = F.default_reference(OFFER, 1)
    assert result.stdout.strip() == reference
    text = pdf_text(out)
    # the signing officer's name is printed in capitals, as in government letters
    assert reference in text and F.PSH_NAME in text and f"({F.SIGNER.upper()})" in text
    (row,) = read(db, list_letters)
    assert row.reference == reference and row.entity_id == psh


def test_numbers_run_on_and_are_printed_each_time(db, psh, tmp_path, capsys):
    refs = []
    for i in range(2):
        code, out, err = run(capsys, db, "letter", "ora-declaration", psh, "--out",
                             tmp_path / f"{i}.pdf")
        assert code == 0, err
        refs.append(out.strip())
    assert refs == [F.default_reference(5, 1), F.default_reference(5, 2)]


def test_a_refused_letter_exits_1_with_the_malay_message_and_writes_nothing(db, psh, tmp_path,
                                                                         capsys):
    out = tmp_path / "penamatan.pdf"
    code, stdout, err = run(capsys, db, "letter", "psh-termination", psh, "--out", out)
    assert code == 1 and stdout == ""
    assert "masih aktif" in err  # the PSH has not been terminated
    assert not out.exists() and read(db, list_letters) == []


def test_an_incomplete_letterhead_is_refused(db, tmp_path, capsys):
    pid = F.letter_psh(db, letterhead=False)  # name and state only: no signer, no prefix
    code, _, err = run(capsys, db, "letter", "psh-offer", pid, "--out", tmp_path / "x.pdf")
    assert code == 1 and "Tetapan pejabat" in err
    assert read(db, list_letters) == []


def test_an_unknown_record_is_refused(db, psh, tmp_path, capsys):
    code, _, err = run(capsys, db, "letter", "psh-offer", 9999, "--out", tmp_path / "x.pdf")
    assert code == 1 and "9999" in err


@pytest.mark.parametrize("kind", ["psh-offers", "surat", ""])
def test_a_bad_kind_is_a_usage_error(db, psh, tmp_path, capsys, kind):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", db.url, "letter", kind, str(psh), "--out", str(tmp_path / "x.pdf")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "tidak dikenali" in err and "psh-offer" in err


def test_a_pdf_that_cannot_be_written_names_the_used_number(db, psh, tmp_path, capsys):
    blocker = tmp_path / "fail"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, db, "letter", "psh-offer", psh, "--out", blocker / "x.pdf")
    assert code == 1 and F.default_reference(OFFER, 1) in err
    assert len(read(db, list_letters)) == 1  # the number stays used: never given again


def qr_of(path: Path) -> str:
    """The QR code's text, decoded from the rendered first page as a phone would read it."""
    import zxingcpp

    image = pdfium.PdfDocument(str(path))[0].render(scale=200 / 72).to_pil()
    (code,) = [c for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
    return code.text


def test_verify_letter_accepts_the_printed_qr_and_shows_the_facts(db, psh, tmp_path, capsys):
    out = tmp_path / "tawaran.pdf"
    assert run(capsys, db, "letter", "psh-offer", psh, "--out", out)[0] == 0
    text = qr_of(out)
    assert text.startswith("ISITUGAS:1:" + F.default_reference(OFFER, 1) + ":")
    code, stdout, err = run(capsys, db, "verify-letter", text)
    assert code == 0, err
    assert F.PSH_NAME in stdout and F.default_reference(OFFER, 1) in stdout
    assert F.PSH_MYKAD.replace("-", "") in stdout.replace("-", "")


def forgeries(text: str) -> list[str]:
    prefix, mac = text.rsplit(":", 1)
    flipped = mac[:-1] + ("A" if mac[-1] != "A" else "B")
    other_number = text.replace("(1):", "(2):")
    return [prefix + ":" + flipped, other_number, text.replace("ISITUGAS:1:", "ISITUGAS:2:"),
            prefix, "hello", text.lower()]


def test_verify_letter_refuses_forged_and_altered_texts(db, psh, tmp_path, capsys):
    out = tmp_path / "tawaran.pdf"
    assert run(capsys, db, "letter", "psh-offer", psh, "--out", out)[0] == 0
    (row,) = read(db, list_letters)
    for forged in forgeries(row.qr_text):
        code, stdout, err = run(capsys, db, "verify-letter", forged)
        assert code == 1, forged
        assert stdout == "" and err.strip()


def test_verify_letter_by_subprocess_exit_codes(db, psh, tmp_path):
    out = tmp_path / "ora.pdf"
    assert cli(db, "letter", "ora-declaration", psh, "--out", out).returncode == 0
    (row,) = read(db, list_letters)
    assert cli(db, "verify-letter", row.qr_text).returncode == 0
    assert cli(db, "verify-letter", forgeries(row.qr_text)[0]).returncode == 1
