"""Official-duty claims (5A(j)): refused while Lampiran A is empty, computed from a filled
table for the PSH's wage qualification (SPM), every refusal saving nothing. The rates of the
filled table are illustrative (factories.LAMPIRAN_A); the amounts are worked out by hand."""

from datetime import date
from decimal import Decimal

import pytest

from desktop.rules import Refused
from desktop.services import attendance as A
from desktop.services import claims as C
from desktop.services.unit import perform, read

from . import factories as F


def form(psh_id=None, **kw) -> C.DutyTripForm:
    base = dict(psh_id=psh_id, day=date(2026, 5, 12), purpose="Mesyuarat di Shah Alam",
                hours_away="12", km="85.5", nights="", lodging="")
    base.update(kw)
    return C.DutyTripForm(**base)


def test_refused_while_lampiran_a_is_empty(db, may):
    exc = F.refused(db, C.add_trip, form(may.aminah))
    assert F.codes(exc) == {"RATE_TABLE_EMPTY"}
    assert "Lampiran A" in exc.message("ms") and "belum diisi oleh pentadbir" in exc.message("ms")
    # said together with the form's own problems
    exc = F.refused(db, C.add_trip, form(may.aminah, km="lima"))
    assert F.codes(exc) == {"NOT_A_NUMBER", "RATE_TABLE_EMPTY"}
    with pytest.raises(Refused):
        read(db, C.preview_trip, form(may.aminah))


def test_a_day_trip_with_a_car(db, may, lampiran_a):
    # 85.5 km x RM0.55 = RM47.025 -> RM47.03 (half up); over 8 hours: Elaun Harian SPM RM25.00
    allowance = read(db, C.preview_trip, form(may.aminah))
    assert [(ln.kind, ln.quantity, ln.amount) for ln in allowance.lines] == [
        ("KENDERAAN", Decimal("85.5"), Decimal("47.03")), ("HARIAN", 1, Decimal("25.00"))]
    tid = perform(db, C.add_trip, form(may.aminah)).result
    [row] = read(db, C.list_trips, may.aminah)
    assert (row.id, row.day, row.last_day, row.amount) == (
        tid, date(2026, 5, 12), date(2026, 5, 12), Decimal("72.03"))
    assert (row.hours_away, row.km, row.nights, row.lodging) == (
        Decimal("12.00"), Decimal("85.5"), 0, "")
    assert "SPM" in row.rate_snapshot and "RM0.55" in row.rate_snapshot
    assert "RM72.03" in row.rate_snapshot


def test_trips_with_nights(db, may, lampiran_a):
    # 2 nights, 50 hours (two whole days and 2 hours): 2 days of Elaun Makan RM40.00 (80.00),
    # 2 nights of Elaun Lojing RM50.00 (100.00), 200 km x RM0.55 = RM110.00 -> RM290.00
    perform(db, C.add_trip, form(may.badrul, day="17/05/2026", hours_away="50", km="200",
                                 nights="2", lodging="lojing"))
    # 1 night, 34 hours (one day and 10 hours, over 8): 2 days of Elaun Makan, a hotel
    # night RM120.00, no car -> RM200.00
    perform(db, C.add_trip, form(may.badrul, day=date(2026, 5, 24), hours_away="34:00",
                                 km="", nights=1, lodging="HOTEL"))
    rows = read(db, C.list_trips, year=2026, month=5)
    assert [(r.psh_id, r.last_day, r.amount, r.lodging) for r in rows] == [
        (may.badrul, date(2026, 5, 19), Decimal("290.00"), "LOJING"),
        (may.badrul, date(2026, 5, 25), Decimal("200.00"), "HOTEL")]
    perform(db, C.add_trip, form(may.aminah, hours_away="9:30", km=0))  # Elaun Harian only
    totals = read(db, C.month_claims, 2026, 5)
    assert [(t.psh_id, t.trips, t.total) for t in totals] == [
        (may.badrul, 2, Decimal("490.00")), (may.aminah, 1, Decimal("25.00"))]
    assert read(db, C.month_claims, 2026, 6) == []
    assert len(read(db, C.list_trips, year=2026)) == 3
    assert read(db, C.list_trips, year=2026, month=4) == []


def test_a_rate_the_trip_needs_is_missing(db, may, rates_dir):
    F.fill_lampiran_a(rates_dir, F.LAMPIRAN_A.replace(
        '  { kind = "MAKAN", qualification = "SPM", amount = "40.00" },\n', ""))
    exc = F.refused(db, C.add_trip, form(may.badrul, day=date(2026, 5, 17), hours_away="30",
                                         km="0", nights="1", lodging="HOTEL"))
    assert F.codes(exc) == {"DUTY_RATE_NOT_FOUND"} and "Elaun Makan" in exc.message("ms")


@pytest.mark.parametrize("changes, code, field", [
    (dict(hours_away="sembilan"), "NOT_A_NUMBER", "hours_away"),
    (dict(hours_away=""), "REQUIRED", "hours_away"),
    (dict(km="-5"), "NEGATIVE_NUMBER", "km"),
    (dict(km="12.25"), "TOO_PRECISE", "km"),
    (dict(km="20000"), "TOO_LARGE", "km"),
    (dict(nights="1.5"), "TOO_PRECISE", "nights"),
    (dict(nights="satu"), "NOT_A_NUMBER", "nights"),
    (dict(nights=True), "NOT_A_NUMBER", "nights"),
    (dict(nights="1", lodging="KHEMAH"), "UNKNOWN_VALUE", "lodging"),
    (dict(nights="1"), "TRIP_LODGING_REQUIRED", "lodging"),
    (dict(hours_away="30", nights="0"), "TRIP_HOURS_OVER_NIGHTS", "hours_away"),
    (dict(hours_away="8", km="0"), "TRIP_NOTHING_PAYABLE", "hours_away"),
    (dict(purpose=" "), "REQUIRED", "purpose"),
    (dict(day="12/13/2026"), "INVALID_DATE", "day"),
    (dict(psh_id=999), "NOT_FOUND", "psh_id"),
])
def test_bad_figures_are_refused_by_field(db, may, lampiran_a, changes, code, field):
    exc = F.refused(db, C.add_trip, form(**{"psh_id": may.aminah, **changes}))
    assert [(v.code, v.field) for v in exc.violations] == [(code, field)]


def test_the_trip_must_fall_in_the_term(db, may, lampiran_a):
    exc = F.refused(db, C.add_trip, form(may.badrul, day=date(2026, 5, 5)))  # starts the 6th
    assert F.codes(exc) == {"TRIP_OUTSIDE_TERM"} and "6 Mei 2026" in exc.message("ms")
    # back on 30 May, after her last day (29 May)
    exc = F.refused(db, C.add_trip, form(may.aminah, day=date(2026, 5, 28), hours_away="40",
                                         nights="2", lodging="HOTEL"))
    assert F.codes(exc) == {"TRIP_OUTSIDE_TERM"} and "30 Mei 2026" in exc.message("ms")


def test_absent_days_and_trips_exclude_each_other(db, may, lampiran_a):
    perform(db, A.set_absence, may.badrul, date(2026, 5, 18))
    exc = F.refused(db, C.add_trip, form(may.badrul, day=date(2026, 5, 17), hours_away="30",
                                         nights="1", lodging="HOTEL"))
    assert F.codes(exc) == {"TRIP_ON_ABSENT_DAY"} and "18 Mei 2026" in exc.message("ms")
    perform(db, C.add_trip, form(may.badrul, day=date(2026, 5, 12), hours_away="30",
                                 nights="1", lodging="HOTEL"))
    exc = F.refused(db, A.set_absence, may.badrul, date(2026, 5, 13))
    assert F.codes(exc) == {"ABSENCE_ON_DUTY_TRIP"}
    assert "Mesyuarat di Shah Alam" in exc.message("ms")
    exc = F.refused(db, C.add_trip, form(may.badrul, day=date(2026, 5, 13)))
    assert F.codes(exc) == {"TRIP_OVERLAPS"} and "12 Mei 2026" in exc.message("ms")


def test_remove_and_the_closed_month(db, may, lampiran_a, request):
    keep = perform(db, C.add_trip, form(may.aminah)).result
    gone = perform(db, C.add_trip, form(may.aminah, day=date(2026, 4, 14))).result
    perform(db, C.remove_trip, gone)
    assert [r.id for r in read(db, C.list_trips)] == [keep]
    assert F.codes(F.refused(db, C.remove_trip, gone)) == {"NOT_FOUND"}
    request.getfixturevalue("locked_may")
    assert F.codes(F.refused(db, C.remove_trip, keep)) == {"MONTH_LOCKED"}
    exc = F.refused(db, C.add_trip, form(may.aminah, day=date(2026, 5, 13)))
    assert F.codes(exc) == {"MONTH_LOCKED"} and "Mei 2026" in exc.message("ms")
    perform(db, C.add_trip, form(may.aminah, day=date(2026, 4, 15)))  # April is open


def test_listing_needs_a_year_for_a_month_and_a_psh_by_its_id(db, may):
    with pytest.raises(Refused) as info:
        read(db, C.list_trips, month=5)
    assert F.codes(info.value) == {"REQUIRED"}
    with pytest.raises(Refused) as info:
        read(db, C.list_trips, psh_id="Aminah")
    assert F.codes(info.value) == {"NOT_A_NUMBER"}
    assert read(db, C.list_trips, psh_id=str(may.aminah)) == []
