"""A small office built with the registers' own services, for the acting and gantian tests."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

from desktop.services import acting as A
from desktop.services import gantian as G
from desktop.services.grades import GradeForm, add_grade, add_grade_salary
from desktop.services.office import OfficeInfo, save_office
from desktop.services.posts import PostForm, add_post, assign_incumbent
from desktop.services.premises import PremisesForm, add_premises
from desktop.services.staff import StaffForm, add_staff
from desktop.services.unit import perform
from desktop.services.vacancies import VacancyForm, open_vacancy

TODAY = date(2026, 3, 16)  # a Monday, a working day in Selangor and Kedah
START = date(2026, 3, 16)
# 6A(g)(iii): why Bala (SPM) is chosen over Aminah (diploma) where the tests need him
PASSED_OVER = "Aminah sedang menghadiri kursus; Bala paling berpengalaman di premis ini."
_serial = itertools.count(1)


def mykad(born_year: int = 1985) -> str:
    """A valid MyKad number (born 1 January, in Selangor), new at each call."""
    return f"{born_year % 100:02d}0101-10-{next(_serial):04d}"


def office(db, state="SGR") -> None:
    perform(db, save_office, OfficeInfo(code=f"JPNIN-{state}", name=f"JPNIN Negeri {state}",
                                         state=state))


def grade(db, code: str, title: str, salary: str | None = None,
          since: date = date(2024, 1, 1)) -> int:
    gid = perform(db, add_grade, GradeForm(code, title)).result
    if salary is not None:
        perform(db, add_grade_salary, gid, since, salary)
    return gid


def premises(db, kind="TASKA", state="SGR") -> int:
    n = next(_serial)
    return perform(db, add_premises, PremisesForm(f"{state}-{kind[:3]}-{n:03d}",
                                                  f"{kind.title()} Taman {n}", kind, state,
                                                  "Petaling", "")).result


def officer(db, grade_id: int, name: str | None = None, *, service_start=date(2015, 2, 1),
            confirmed_on: date | None = date(2017, 2, 1), qualification="DIPLOMA",
            born_year: int = 1985) -> int:
    return perform(db, add_staff, StaffForm(
        name or f"Pegawai {next(_serial)}", mykad(born_year), str(grade_id),
        service_start.isoformat(), confirmed_on.isoformat() if confirmed_on else "",
        qualification)).result


def post(db, premises_id: int, grade_id: int, incumbent: int | None = None,
         since: date = date(2017, 2, 1)) -> int:
    pid = perform(db, add_post, PostForm(premises_id, grade_id)).result
    if incumbent is not None:
        perform(db, assign_incumbent, pid, incumbent, since)
    return pid


def vacancy(db, post_id: int, kind="HAKIKI", opened_on=date(2026, 3, 2), reason=None,
            expected_end=None) -> int:
    reason = reason or ("RETIRED" if kind == "HAKIKI" else "MATERNITY_LEAVE")
    return perform(db, open_vacancy, VacancyForm(post_id=post_id, kind=kind, reason=reason,
                                                 opened_on=opened_on,
                                                 expected_end=expected_end),
                   today=TODAY).result


@dataclass
class World:
    s17: int
    s22: int
    s27: int
    taska: int
    tabika: int
    siti: int  # S27 incumbent at the Taska, on maternity leave
    aminah: int  # confirmed, diploma, holds an S17 post at the Taska
    bala: int  # confirmed, SPM, the longest serving
    chong: int  # not confirmed, degree, six years of service
    dewi: int  # not confirmed, SPM, since 1 September 2025 (a year on 1 September 2026)
    taska_s27: int  # operational vacancy: only acting may fill it (8.2(b))
    tabika_s17: int  # substantive vacancy: PSH, acting or gantian
    tabika_s22: int  # substantive vacancy of a grade paid by the month as a replacement


def build_world(db, state="SGR") -> World:
    office(db, state)
    s17 = grade(db, "S17", "Pembantu Pendidik", "1600.00")
    s22 = grade(db, "S22", "Guru Tabika", "1800.00")
    s27 = grade(db, "S27", "Pendidik", "2000.00")
    taska, tabika = premises(db, "TASKA", state), premises(db, "TABIKA", state)
    siti = officer(db, s27, "Siti Aminah binti Hassan")
    aminah = officer(db, s17, "Aminah binti Yusof", service_start=date(2012, 1, 1),
                     confirmed_on=date(2014, 1, 1), qualification="DIPLOMA")
    bala = officer(db, s17, "Bala a/l Muthu", service_start=date(2010, 5, 1),
                   confirmed_on=date(2012, 5, 1), qualification="SPM")
    chong = officer(db, s17, "Chong Wei Ling", service_start=date(2020, 3, 1),
                    confirmed_on=None, qualification="IJAZAH", born_year=1995)
    dewi = officer(db, s17, "Dewi binti Ahmad", service_start=date(2025, 9, 1),
                   confirmed_on=None, qualification="SPM", born_year=2000)
    post(db, taska, s17, aminah, since=date(2014, 1, 1))
    held = post(db, taska, s27, siti)
    taska_s27 = vacancy(db, held, "OPERASI", expected_end=date(2026, 8, 31))
    tabika_s17 = vacancy(db, post(db, tabika, s17))
    tabika_s22 = vacancy(db, post(db, tabika, s22))
    return World(s17, s22, s27, taska, tabika, siti, aminah, bala, chong, dewi, taska_s27,
                 tabika_s17, tabika_s22)


def acting_form(vacancy_id, staff_id, **kw) -> A.ActingForm:
    base = dict(vacancy_id=vacancy_id, staff_id=staff_id, start=START, end=date(2026, 6, 15),
                instruction_ref="JPNIN.SGR.100-1/2/3", instruction_date=date(2026, 3, 12),
                approval_ref="KP.JPNIN/2026/17", approval_date=date(2026, 3, 13),
                authority="Ketua Pengarah JPNIN")
    base.update(kw)
    return A.ActingForm(**base)


def gantian_form(vacancy_id, **kw) -> G.GantianForm:
    base = dict(vacancy_id=vacancy_id, name="Farah binti Osman", mykad="900505-10-5566",
                start=START, end=date(2026, 3, 31), approval_ref="KP.JPNIN/2026/21",
                approval_date=date(2026, 3, 13))
    base.update(kw)
    return G.GantianForm(**base)


def assign(db, form, today=TODAY) -> int:
    return perform(db, A.assign_acting, form, today=today).result


def appoint(db, form, today=TODAY) -> int:
    return perform(db, G.appoint_gantian, form, today=today).result
