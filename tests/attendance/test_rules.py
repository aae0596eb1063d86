"""The pure rules under attendance and claims: why a day is off, half days by the dated table,
and the days of each allowance a trip pays (5A(j) iii and iv)."""

from datetime import date
from decimal import Decimal

import pytest

from desktop.rules import Refused
from desktop.rules.attendance import half_days_allowed, month_values, rest_reason
from desktop.rules.duty_claim import (
    TRIP_HOURS_OVER_NIGHTS,
    TRIP_LODGING_REQUIRED,
    TRIP_NOTHING_PAYABLE,
    check_trip,
    meal_days,
    table_problems,
    trip_allowance,
    trip_quantities,
)

from . import factories as F

HOUR = 60


def test_rest_reasons():
    office = {date(2026, 5, 11): "Hari Keluarga"}
    assert rest_reason("SGR", date(2026, 5, 4), office) is None
    assert rest_reason("SGR", date(2026, 5, 11), office) == (
        "Cuti peristiwa: Hari Keluarga", "office holiday: Hari Keluarga")
    assert rest_reason("SGR", date(2026, 5, 9)) == ("cuti mingguan", "weekly rest day")
    assert rest_reason("KDH", date(2026, 5, 10)) is None  # Sunday works in Kedah
    assert rest_reason("KDH", date(2026, 5, 3))[0] == "Cuti Hari Pekerja"  # observed
    assert rest_reason("SGR", date(2026, 5, 1))[0] == "Hari Pekerja"
    # a public holiday is named before an office holiday the same day
    assert rest_reason("SGR", date(2026, 5, 1), {date(2026, 5, 1): "X"})[0] == "Hari Pekerja"
    with pytest.raises(Refused) as info:
        rest_reason("XX", date(2026, 5, 1))
    assert info.value.violations[0].code == "UNKNOWN_STATE"


def test_month_values():
    assert month_values(2026, 5) == {"month_ms": "Mei 2026", "month_en": "2026-05"}


def test_half_days_follow_the_dated_table(rates_dir):
    assert half_days_allowed(date(2026, 5, 4)) is False  # as shipped: paid by the day (5B)
    path = rates_dir / "attendance.toml"
    path.write_text('[[table]]\neffective_from = 2016-06-16\nhalf_days_allowed = "ya"\n',
                    encoding="utf-8")
    from desktop.rules import rates

    rates.clear_cache()
    with pytest.raises(Refused) as info:
        half_days_allowed(date(2026, 5, 4))
    assert info.value.violations[0].code == "RATE_TABLE_INVALID"
    with pytest.raises(Refused) as info:
        half_days_allowed(date(2010, 1, 4))
    assert info.value.violations[0].code == "RATE_NOT_IN_FORCE"


@pytest.mark.parametrize("minutes, days", [
    (0, 0), (23 * HOUR + 59, 0), (24 * HOUR, 1), (32 * HOUR, 1), (32 * HOUR + 1, 2),
    (48 * HOUR, 2), (56 * HOUR + 1, 3),
])
def test_meal_days(minutes, days):
    assert meal_days(minutes) == days


def test_what_a_trip_pays():
    assert trip_quantities(8 * HOUR, Decimal(0), 0, None) == []  # not more than 8 hours
    assert trip_quantities(8 * HOUR + 1, Decimal(0), 0, None) == [("HARIAN", 1)]
    assert trip_quantities(24 * HOUR, Decimal("10.5"), 1, "LOJING") == [
        ("KENDERAAN", Decimal("10.5")), ("LOJING", 1), ("MAKAN", 1)]
    assert trip_quantities(3 * HOUR, Decimal(4), 0, None) == [("KENDERAAN", 4)]


def test_trip_checks():
    assert [v.code for v in check_trip(49 * HOUR, Decimal(0), 1, "HOTEL")] == [
        TRIP_HOURS_OVER_NIGHTS.code]
    assert check_trip(48 * HOUR, Decimal(0), 1, "HOTEL") == []
    assert [v.code for v in check_trip(20 * HOUR, Decimal(0), 1, None)] == [
        TRIP_LODGING_REQUIRED.code]
    assert [v.code for v in check_trip(HOUR, Decimal(0), 0, None)] == [
        TRIP_NOTHING_PAYABLE.code]


def test_trip_allowance_from_a_filled_table(rates_dir):
    assert [v.code for v in table_problems(date(2026, 5, 4))] == ["RATE_TABLE_EMPTY"]
    F.fill_lampiran_a(rates_dir)
    assert table_problems(date(2026, 5, 4)) == []
    # DIPLOMA has its own Elaun Harian (RM35.00); 33.3 km x RM0.55 = RM18.315 -> RM18.32
    trip = trip_allowance("DIPLOMA", date(2026, 5, 4), 10 * HOUR, Decimal("33.3"), 0)
    assert [(ln.kind, ln.amount) for ln in trip.lines] == [
        ("KENDERAAN", Decimal("18.32")), ("HARIAN", Decimal("35.00"))]
    assert trip.total == Decimal("53.32") and trip.table_from == date(2016, 6, 16)
    assert trip.describe().endswith("jumlah RM53.32")
    with pytest.raises(Refused) as info:
        trip_allowance("SPM", date(2026, 5, 4), -1, Decimal(0), 0)
    assert info.value.violations[0].field == "hours_away"
    with pytest.raises(Refused) as info:
        trip_allowance("SPM", date(2026, 5, 4), HOUR, Decimal(0), 0)
    assert info.value.violations[0].code == "TRIP_NOTHING_PAYABLE"
