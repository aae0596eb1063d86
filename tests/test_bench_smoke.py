"""The national benchmark's generator at a hundredth of the scale: its rows load through the
services as a real office's do (registers, month close, the return)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bench.national import BASE, DEFAULT_MONTH, generate, national_file
from desktop.rules.enums import VacancyKind
from desktop.rules.vacancy_enums import VacancyStatus
from desktop.services.acting import list_acting
from desktop.services.audit import verify_chain
from desktop.services.database import open_database
from desktop.services.month import close_month, month_lines, return_data
from desktop.services.psh import list_psh
from desktop.services.unit import perform, read
from desktop.services.vacancies import list_vacancies

SCALE = 0.01
YEAR, MONTH = DEFAULT_MONTH


def expected(key: str) -> int:
    return max(1, round(BASE[key] * SCALE))


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    path = tmp_path_factory.mktemp("national") / "national.sqlite"
    summary = generate(str(path), SCALE)
    db = open_database(str(path))
    yield summary, db
    db.dispose()


def test_counts_are_the_scaled_workload(national):
    summary, db = national
    assert summary.psh == expected("psh") == 8
    assert summary.acting == expected("acting") == 3
    live = expected("psh") + expected("open_hakiki") + expected("acting") + expected("open_operasi")
    assert summary.live_vacancies == live
    assert summary.vacancies == live + expected("closed")
    assert summary.premises == 25
    assert 2 * 25 <= summary.posts <= 3 * 25  # two posts a Tabika, three a Taska


def test_registers_read_the_rows(national):
    summary, db = national
    psh = read(db, list_psh, today=date(YEAR, MONTH, 15))
    assert len(psh) == summary.psh
    # the rates of resources/rates/psh.toml (5B(a)): SPM 54, STPM/Diploma 72, Ijazah 100
    assert {p.daily_rate for p in psh} <= {Decimal("54.00"), Decimal("72.00"), Decimal("100.00")}
    acting = read(db, list_acting)
    assert len(acting) == summary.acting
    vacancies = read(db, list_vacancies)
    assert len(vacancies) == summary.vacancies
    live = [v for v in vacancies if v.status is not VacancyStatus.CLOSED]
    assert len(live) == summary.live_vacancies
    # open vacancies stand at every step of both kinds' workflows
    steps = {(v.kind, v.current_step_code) for v in live if v.status is VacancyStatus.OPEN}
    assert {k for k, _s in steps} == {VacancyKind.HAKIKI, VacancyKind.OPERASI}
    assert len({s for k, s in steps if k is VacancyKind.OPERASI}) == 3


def test_the_month_closes_and_its_return_holds_every_line(national):
    summary, db = national
    lines = read(db, month_lines, YEAR, MONTH)
    assert lines.problems == ()
    assert len(lines.psh) == summary.psh and len(lines.acting) == summary.acting
    # each PSH's gross pay is its rate times its paid days (para 5B)
    assert all(p.gross == p.daily_rate * p.paid_days for p in lines.psh)
    assert sum(p.absent_days for p in lines.psh) <= summary.absences
    perform(db, close_month, YEAR, MONTH, actor="bench")
    data = read(db, return_data, YEAR, MONTH)
    assert len(data.psh) == summary.psh
    assert len(data.vacancies) == summary.live_vacancies
    assert read(db, verify_chain) is None  # one spending record per PSH, chained


def test_files_are_cached_by_scale(tmp_path):
    first = national_file(tmp_path, SCALE)
    stamp = first.stat().st_mtime_ns
    assert national_file(tmp_path, SCALE) == first
    assert first.stat().st_mtime_ns == stamp  # reused, not written again
    assert not list(tmp_path.glob("*.part"))
