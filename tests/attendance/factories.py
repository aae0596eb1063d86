"""The office and PSH of the attendance tests, built with the real services; the month is
May 2026, whose calendar is worked out by hand below.

May 2026 begins on a Friday. Fridays 1 8 15 22 29, Saturdays 2 9 16 23 30, Sundays 3 10 17 24
31; Mondays 4 11 18 25, Tuesdays 5 12 19 26, Wednesdays 6 13 20 27, Thursdays 7 14 21 28.
Public holidays (reference/calendars-and-mykad.md and the `holidays` package it names):
Hari Pekerja Fri 1 May (Kedah observes it on Sun 3 May, its rest days being Fri-Sat),
Hari Raya Qurban Wed 27 May (Kedah also Thu 28 May), Hari Wesak Sun 31 May (Selangor
observes it on Tue 2 June).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.models import Absence, AuditRecord, DutyTrip, OfficeHoliday
from desktop.rules import Refused
from desktop.services.premises import PremisesForm, add_premises
from desktop.services.unit import perform
from tests.psh import factories as P

OFFICE_HOLIDAY = date(2026, 5, 11)  # a Monday: worked in Selangor and Kedah alike
SPM_RATE = "54.00"  # reference circular para 5B(a)

LAMPIRAN_A = '''title = "elaun tugas rasmi (Lampiran A)"

[[table]]
effective_from = 2016-06-16
rows = [
  { kind = "KENDERAAN", amount = "0.55" },
  { kind = "HOTEL", amount = "120.00" },
  { kind = "LOJING", amount = "50.00" },
  { kind = "HARIAN", qualification = "SPM", amount = "25.00" },
  { kind = "HARIAN", qualification = "DIPLOMA", amount = "35.00" },
  { kind = "MAKAN", qualification = "SPM", amount = "40.00" },
]
'''


def fill_lampiran_a(folder, text: str = LAMPIRAN_A) -> None:
    from desktop.rules import rates

    (folder / "lampiran_a.toml").write_text(text, encoding="utf-8")
    rates.clear_cache()


@dataclass(frozen=True)
class May:
    office: P.Office
    kedah_tabika: int
    aminah: int  # Selangor, 2 March - 29 May 2026
    badrul: int  # Kedah, 6 May - 5 August 2026
    ended: int  # Selangor, 2 March - 30 April 2026: not in May's grid


def psh(db, premises_id: int, grade_id: int, start: date, end: date, name: str) -> int:
    vid = P.hakiki_vacancy(db, premises_id, grade_id)
    cid = P.candidate(db, vid, name=name)
    return P.appoint(db, P.psh_form(vid, cid, start=start, end=end), today=max(P.TODAY, start))


def make_may(db) -> May:
    office = P.make_office(db)
    kedah = perform(db, add_premises, PremisesForm(
        "KDH-TBK-001", "Tabika Perpaduan Taman Aman", "TABIKA", "KDH", "Kota Setar",
        "")).result
    aminah = psh(db, office.tabika, office.s17, date(2026, 3, 2), date(2026, 5, 29),
                 "Aminah binti Ali")
    badrul = psh(db, kedah, office.s11, date(2026, 5, 6), date(2026, 8, 5),
                 "Badrul bin Osman")
    ended = psh(db, office.tabika, office.s11, date(2026, 3, 2), date(2026, 4, 30),
                "Chong Mei Ling")
    return May(office, kedah, aminah, badrul, ended)


TABLES = (OfficeHoliday, Absence, DutyTrip, AuditRecord)


def counts(db) -> tuple[int, ...]:
    with db.session() as s:
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one() for m in TABLES)


def refused(db, fn, *args, **kw) -> Refused:
    """Run the action, expect a refusal, and check that nothing at all was kept."""
    before = counts(db)
    with pytest.raises(Refused) as info:
        perform(db, fn, *args, **kw)
    assert counts(db) == before
    return info.value


codes = P.codes
