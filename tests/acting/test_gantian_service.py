"""Replacement officers (pegawai gantian): appointment, refusals, end, cost, register, alert.

The shipped honorarium table is empty, so these tests fill a copy (conftest ``gantian_rates``:
S17 RM60.00 a working day, S22 RM1,200.00 a month) except where the empty table is the point.
"""

from datetime import date
from decimal import Decimal

import pytest

from desktop.models import FillingStatus
from desktop.rules import Refused, rates
from desktop.rules.enums import Method
from desktop.rules.vacancy_enums import VacancyStatus
from desktop.services import acting as A
from desktop.services import gantian as G
from desktop.services import vacancies as V
from desktop.services.staff import get_staff
from desktop.services.unit import perform, read

from . import factories as F
from .factories import PASSED_OVER, START, TODAY, acting_form, appoint, assign, gantian_form


def refused(db, counts, fn, *args, **kw) -> Refused:
    before = counts()
    with pytest.raises(Refused) as info:
        perform(db, fn, *args, **kw)
    assert counts() == before
    return info.value


def codes(exc: Refused) -> set[str]:
    return {v.code for v in exc.violations}


def test_refused_with_a_clear_message_while_the_table_is_empty(db, world, counts):
    exc = refused(db, counts, G.appoint_gantian, gantian_form(world.tabika_s17), today=TODAY)
    assert codes(exc) == {"RATE_TABLE_EMPTY"}
    assert "belum diisi oleh pentadbir" in exc.message("ms")
    assert "bayaran saguhati pegawai gantian" in exc.message("ms")
    assert read(db, V.get_vacancy, world.tabika_s17).status is VacancyStatus.OPEN


def test_appointment_keeps_the_honorarium_and_fills_the_vacancy(db, world, gantian_rates):
    out = perform(db, G.appoint_gantian, gantian_form(world.tabika_s17), today=TODAY)
    assert out.touched == {"gantian", "vacancy"}
    row = read(db, G.get_gantian, out.result, today=TODAY)
    assert (row.name, row.mykad, row.grade_code, row.per, row.amount) == (
        "Farah binti Osman", "900505105566", "S17", "HARI", Decimal("60.00"))
    assert (row.start, row.end, row.status, row.days_to_end) == (
        START, date(2026, 3, 31), FillingStatus.ACTIVE, 15)
    v = read(db, V.get_vacancy, world.tabika_s17)
    assert (v.status, v.filled_method, v.filled_on) == (VacancyStatus.FILLED, Method.GANTIAN,
                                                        START)
    # 16-31 March 2026 in Selangor: 16 days less Hari Raya (20, 21 [Sat], 23 [replacement]),
    # 22, 28 and 29 (weekends) = 10 working days x RM60.00
    cost = read(db, G.gantian_cost_for, out.result)
    assert cost.total == Decimal("600.00") and cost.method == "GANTIAN"


def test_a_monthly_honorarium_is_prorated_by_calendar_days(db, world, gantian_rates):
    gid = appoint(db, gantian_form(world.tabika_s22, end=date(2026, 4, 30)))
    # March: 1,200.00 x 16 / 31 = 619.354... -> 619.35; April whole: 1,200.00
    assert read(db, G.gantian_cost_for, gid).total == Decimal("1819.35")
    assert read(db, G.get_gantian, gid).per_label == "sebulan"


def test_a_grade_without_a_rate_is_refused(db, world, gantian_rates, counts):
    s32 = F.grade(db, "S32", "Penyelia", "2400.00")
    vid = F.vacancy(db, F.post(db, world.tabika, s32))
    exc = refused(db, counts, G.appoint_gantian, gantian_form(vid), today=TODAY)
    assert codes(exc) == {"GANTIAN_RATE_NOT_FOUND"}


def test_a_taska_pendidik_operational_vacancy_cannot_take_a_replacement(db, world,
                                                                        gantian_rates, counts):
    exc = refused(db, counts, G.appoint_gantian, gantian_form(world.taska_s27), today=TODAY)
    assert "FILL_TASKA_PENDIDIK_ACTING_ONLY" in codes(exc)
    assert next(v for v in exc.violations
                if v.code == "FILL_TASKA_PENDIDIK_ACTING_ONLY").paragraph == "8.2(b)"


def test_bad_input_is_refused_with_every_problem(db, world, gantian_rates, counts):
    exc = refused(db, counts, G.appoint_gantian,
                  gantian_form(world.tabika_s17, name=" ", mykad="900231-10-5566",
                               end=date(2026, 3, 1), approval_ref="",
                               approval_date=date(2026, 3, 20)), today=TODAY)
    assert codes(exc) == {"REQUIRED", "INVALID_MYKAD", "END_BEFORE_START", "FUTURE_DATE"}
    assert set(exc.fields) == {"name", "mykad", "end", "approval_ref", "approval_date"}
    exc = refused(db, counts, G.appoint_gantian,
                  gantian_form("satu", start="esok", mykad="12345"), today=TODAY)
    assert codes(exc) == {"NOT_A_NUMBER", "INVALID_DATE", "INVALID_MYKAD"}
    exc = refused(db, counts, G.appoint_gantian, gantian_form(4242), today=TODAY)
    assert codes(exc) == {"NOT_FOUND"}
    exc = refused(db, counts, G.appoint_gantian,
                  gantian_form(world.tabika_s17, start=date(2026, 3, 1)), today=TODAY)
    assert codes(exc) == {"GANTIAN_BEFORE_VACANCY"}


def test_a_closed_vacancy_takes_no_replacement(db, world, gantian_rates, counts):
    perform(db, V.close_vacancy, world.tabika_s17, date(2026, 3, 10), "Diisi secara kontrak",
            today=TODAY)
    exc = refused(db, counts, G.appoint_gantian, gantian_form(world.tabika_s17), today=TODAY)
    assert codes(exc) == {"VACANCY_CLOSED"}


def test_overlaps_in_one_vacancy_are_refused_whatever_the_method(db, world, gantian_rates,
                                                                counts):
    appoint(db, gantian_form(world.tabika_s17))  # 16 to 31 March
    exc = refused(db, counts, G.appoint_gantian,
                  gantian_form(world.tabika_s17, name="Gita", mykad="910606-10-5678",
                               start=date(2026, 3, 31), end=date(2026, 4, 30)), today=TODAY)
    assert codes(exc) == {"FILLING_OVERLAP"}
    # an acting assignment overlapping the replacement
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.tabika_s17, world.aminah, start=date(2026, 3, 30)),
                  today=TODAY)
    assert codes(exc) == {"FILLING_OVERLAP"}
    # and a replacement overlapping an acting assignment
    # 16 March to 15 June
    assign(db, acting_form(world.tabika_s22, world.bala, unconfirmed_reason=PASSED_OVER))
    exc = refused(db, counts, G.appoint_gantian,
                  gantian_form(world.tabika_s22, start=date(2026, 6, 15),
                               end=date(2026, 6, 30)), today=TODAY)
    assert codes(exc) == {"FILLING_OVERLAP"}
    later = appoint(db, gantian_form(world.tabika_s22, start=date(2026, 6, 16),
                                     end=date(2026, 6, 30)))
    assert read(db, G.get_gantian, later).start == date(2026, 6, 16)


def test_one_person_cannot_fill_two_duties_at_once(db, world, gantian_rates, counts):
    appoint(db, gantian_form(world.tabika_s17))
    exc = refused(db, counts, G.appoint_gantian,
                  gantian_form(world.tabika_s22, mykad="900505105566",
                               start=date(2026, 3, 25), end=date(2026, 4, 10)), today=TODAY)
    assert codes(exc) == {"PERSON_OVERLAP"}
    # an officer acting elsewhere cannot be a replacement over the same days
    assign(db, acting_form(world.taska_s27, world.aminah))
    aminah = read(db, get_staff, world.aminah)
    exc = refused(db, counts, G.appoint_gantian,
                  gantian_form(world.tabika_s22, name=aminah.name, mykad=aminah.mykad,
                               start=date(2026, 4, 1), end=date(2026, 4, 30)), today=TODAY)
    assert codes(exc) == {"PERSON_OVERLAP"}


def test_end_gantian_keeps_the_record_and_reopens_the_vacancy(db, world, gantian_rates,
                                                              counts):
    gid = appoint(db, gantian_form(world.tabika_s17))
    for day in (date(2026, 3, 15), date(2026, 4, 1)):
        exc = refused(db, counts, G.end_gantian, gid, day, "Penyandang baharu dilantik")
        assert codes(exc) == {"GANTIAN_END_OUTSIDE_TERM"}
    exc = refused(db, counts, G.end_gantian, gid, date(2026, 3, 19), "")
    assert codes(exc) == {"REQUIRED"}
    perform(db, G.end_gantian, gid, date(2026, 3, 19), "Tidak diperlukan lagi")
    row = read(db, G.get_gantian, gid)
    assert (row.status, row.ended_on, row.last_day, row.days_to_end) == (
        FillingStatus.ENDED, date(2026, 3, 19), date(2026, 3, 19), None)
    # 16 to 19 March: 4 working days x RM60.00
    assert read(db, G.gantian_cost_for, gid).total == Decimal("240.00")
    assert read(db, V.get_vacancy, world.tabika_s17).status is VacancyStatus.OPEN
    with db.session() as s:
        assert [f.active for f in V.fillings_of(s, world.tabika_s17)] == [False]
    exc = refused(db, counts, G.end_gantian, gid, date(2026, 3, 19), "Lagi")
    assert codes(exc) == {"GANTIAN_NOT_ACTIVE"}


def test_cost_of_an_appointment_once_the_table_is_emptied_gives_the_reason(
        db, world, gantian_rates):
    gid = appoint(db, gantian_form(world.tabika_s17))
    gantian_rates.write_text('title = "bayaran saguhati pegawai gantian"\n[[table]]\n'
                             'effective_from = 2016-06-16\nrows = []\n', encoding="utf-8")
    rates.clear_cache()
    cost = read(db, G.gantian_cost_for, gid)
    assert cost.total is None and cost.problem.code == "RATE_TABLE_EMPTY"
    # the honorarium approved at appointment stays on the record
    assert read(db, G.get_gantian, gid).amount == Decimal("60.00")


def test_alert_when_a_replacement_ends_within_14_days(db, world, gantian_rates):
    gid = appoint(db, gantian_form(world.tabika_s17, end=date(2026, 4, 30)))

    def gantian_alerts(today):
        return [(a.kind, a.severity, a.entity_id, a.due) for a in read(db, V.alerts, today)
                if a.entity == "gantian"]

    assert gantian_alerts(date(2026, 4, 15)) == []  # 15 days ahead
    assert gantian_alerts(date(2026, 4, 16)) == [("GANTIAN_ENDING", "warning", gid,
                                                  date(2026, 4, 30))]
    assert gantian_alerts(date(2026, 4, 30)) == [("GANTIAN_ENDING", "warning", gid,
                                                  date(2026, 4, 30))]
    assert gantian_alerts(date(2026, 5, 1)) == []
    perform(db, G.end_gantian, gid, date(2026, 4, 20), "Tamat awal")
    assert gantian_alerts(date(2026, 4, 16)) == []


def test_register_lists_and_refuses_bad_queries(db, world, gantian_rates):
    g1 = appoint(db, gantian_form(world.tabika_s17))
    g2 = appoint(db, gantian_form(world.tabika_s22, name="Hana", mykad="920202-10-5432",
                                  end=date(2026, 4, 30)))
    perform(db, G.end_gantian, g1, date(2026, 3, 20), "Tamat")
    assert [r.id for r in read(db, G.list_gantian)] == [g1, g2]
    assert [r.id for r in read(db, G.list_gantian, status="ACTIVE")] == [g2]
    assert [r.id for r in read(db, G.list_gantian, status="ended")] == [g1]
    assert [r.id for r in read(db, G.list_gantian, vacancy_id=world.tabika_s22)] == [g2]
    with pytest.raises(Refused) as info:
        read(db, G.list_gantian, status="LAMA")
    assert codes(info.value) == {"UNKNOWN_VALUE"}
    with pytest.raises(Refused) as info:
        read(db, G.get_gantian, 4242)
    assert codes(info.value) == {"NOT_FOUND"}
