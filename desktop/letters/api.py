"""The entry points the CLI and the window use: issue, reprint, preview and batch letters.

Issuing is one transaction in the service (``issue_letter``: the reference is allocated and the
composed document stored with it); rendering happens after the commit, so a render failure
leaves the number used, as the register requires (numbers are never reused).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from desktop.files import write_atomically
from desktop.letters.compose import compose
from desktop.letters.render import render_pdf
from desktop.services import letters as service
from desktop.services.unit import perform, read

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _logo(db, document: dict) -> bytes | None:
    sha = (document.get("letterhead") or {}).get("logo_sha") or ""
    return read(db, service.logo_bytes, sha) if sha else None


def _render(db, row, *, copy: bool) -> bytes:
    return render_pdf(row.document, copy=copy, logo=_logo(db, row.document))


def issue_pdf(db, kind, record_id: int, *, today: date, actor: str | None = None):
    """Issue the next letter of ``kind`` for the record; returns (IssuedLetterRow, PDF bytes)."""
    row = perform(db, service.issue_letter, kind, record_id, today=today, compose=compose,
                  actor=actor).result
    return row, _render(db, row, copy=False)


def reprint_pdf(db, letter_id: int, *, actor: str | None = None) -> bytes:
    """The issued letter again, marked "SALINAN", and the copy counted (for a copy that is
    surely made: the window counts its copies when they are printed or saved instead)."""
    pdf = copy_pdf(db, letter_id)
    perform(db, service.mark_reprinted, letter_id, actor=actor)
    return pdf


def copy_pdf(db, letter_id: int) -> bytes:
    """The issued letter again, marked "SALINAN"; nothing is recorded (the window counts the
    copy once it is printed or saved: ``service.mark_reprinted``)."""
    return _render(db, read(db, service.get_letter, letter_id), copy=True)


def letter_pdf(db, letter_id: int) -> bytes:
    """The issued letter as first printed (for previewing it; nothing is recorded)."""
    return _render(db, read(db, service.get_letter, letter_id), copy=False)


def file_name(reference: str) -> str:
    """"JPNIN.SGR.600-2/3/1/2026 (15)" -> "JPNIN.SGR.600-2_3_1_2026_15.pdf"."""
    stem = _UNSAFE.sub("_", reference).strip("._") or "surat"
    return stem[:150] + ".pdf"


def run_batch(db, kind, record_ids: Iterable[int], out_dir: Path, *, today: date,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None,
              actor: str | None = None) -> list[Path]:
    """Issue one letter per record into ``out_dir`` ("<reference>.pdf"); returns the files.

    Checks ``cancelled`` before each letter and stops cleanly: every letter issued so far has
    its file. A refused record stops the batch with its refusal; the files already written stay.
    """
    ids = list(record_ids)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for done, record_id in enumerate(ids):
        if cancelled is not None and cancelled():
            break
        row, pdf = issue_pdf(db, kind, record_id, today=today, actor=actor)
        path = out_dir / file_name(row.reference)
        write_atomically(path, pdf)
        written.append(path)
        if progress is not None:
            progress(done + 1, len(ids))
    return written
