"""An office whose letterhead is complete and a PSH to write letters for, built with the real
services (tests/psh/factories.py), shared by the CLI and the window's letter tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.services.office import OfficeInfo, get_office, save_office
from desktop.services.premises import PremisesForm, list_premises, update_premises
from desktop.services.unit import perform, read
from tests.psh import factories as P

REF_PREFIX = "JPNIN.SGR.600-2/3"
SIGNER = "Ahmad Fauzi bin Ismail"
PSH_NAME = "Nur Aisyah binti Kamal"
PSH_MYKAD = "980412-10-5566"

LETTERHEAD = dict(
    name="Jabatan Perpaduan Negara dan Integrasi Nasional Negeri Selangor",
    address="Tingkat 5, Wisma Perpaduan\nJalan Plumbum 7/102\n40000 Shah Alam, Selangor",
    phone="03-5511 2233", email="jpnin.sgr@example.gov.my",
    slogans="MALAYSIA MADANI\nBERKHIDMAT UNTUK NEGARA",
    signer_name=SIGNER, signer_title="Pengarah JPNIN Negeri Selangor", ref_prefix=REF_PREFIX)


def complete_letterhead(db) -> OfficeInfo:
    """The office's letterhead filled in, and an address for every premises (a letter names
    the premises' address)."""
    info = replace(read(db, get_office) or OfficeInfo(code="JPNIN-SGR", state="SGR"),
                   **LETTERHEAD)
    perform(db, save_office, info)
    for p in read(db, list_premises):
        if not p.address:
            perform(db, update_premises, p.id, PremisesForm(
                p.code, p.name, p.kind.value, p.state, p.district,
                f"Jalan Perpaduan {p.id}\n41000 Klang, Selangor"))
    return info


def letter_psh(db, *, letterhead: bool = True) -> int:
    office = P.make_office(db)
    vid = P.hakiki_vacancy(db, office.tabika, office.s17)
    if letterhead:
        complete_letterhead(db)
    cid = P.candidate(db, vid, name=PSH_NAME, number=PSH_MYKAD)
    return P.appoint(db, P.psh_form(vid, cid))


def default_reference(kind_number: int, seq: int, year: int | None = None) -> str:
    """The reference the spec gives when no kind has its own prefix: the office's prefix,
    "/n" for the n-th kind, the year, and the running number in brackets."""
    year = year or date.today().year
    return f"{REF_PREFIX}/{kind_number}/{year} ({seq})"
