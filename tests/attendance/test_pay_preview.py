"""The month's pay preview: rules.psh_month_pay on the PSH's premises' state calendar, its
term, its absences and the office holidays; every figure worked out by hand (factories.py
holds the May 2026 calendar)."""

from datetime import date
from decimal import Decimal

import pytest

from desktop.rules import Refused, psh_month_pay
from desktop.rules.psh import PayLine
from desktop.services import attendance as A
from desktop.services import office_holidays as H
from desktop.services.unit import perform, read

from . import factories as F

RATE = Decimal(F.SPM_RATE)


def test_selangor_psh_with_two_absences_and_an_office_holiday(db, may):
    perform(db, A.set_absences, [(may.aminah, date(2026, 5, 4), "FULL"),
                                 (may.aminah, date(2026, 5, 5), "FULL")])
    # 21 weekdays in May 2026, less Hari Pekerja (1st) and Hari Raya Qurban (27th): 19 days,
    # all within her term (to Friday 29 May); 17 paid
    assert read(db, A.month_pay_preview, may.aminah, 2026, 5) == PayLine(
        17, Decimal("918.00"), 19, 2)
    perform(db, H.add_office_holiday, F.OFFICE_HOLIDAY, "Hari Keluarga")
    line = read(db, A.month_pay_preview, may.aminah, 2026, 5)
    assert line == PayLine(16, RATE * 16, 18, 2) and line.gross == Decimal("864.00")
    assert line == psh_month_pay("SGR", RATE, date(2026, 3, 2), date(2026, 5, 29), 2026, 5,
                                 [date(2026, 5, 4), date(2026, 5, 5)], [F.OFFICE_HOLIDAY])


def test_kedah_psh_from_the_sixth_absent_on_a_sunday(db, may):
    perform(db, H.add_office_holiday, F.OFFICE_HOLIDAY, "Hari Keluarga")
    perform(db, A.set_absence, may.badrul, date(2026, 5, 10))
    # Sunday to Thursday from the 6th: 18 days, less 27, 28 (Raya Qurban), 31 (Wesak) and
    # the office holiday on the 11th: 14 working days, 13 paid
    assert read(db, A.month_pay_preview, may.badrul, 2026, 5) == PayLine(
        13, Decimal("702.00"), 14, 1)


def test_a_full_month_and_a_month_outside_the_term(db, may):
    # April 2026 in Selangor: 22 weekdays and no public holiday
    assert read(db, A.month_pay_preview, may.aminah, 2026, 4) == PayLine(
        22, Decimal("1188.00"), 22, 0)
    assert read(db, A.month_pay_preview, may.ended, 2026, 5) == PayLine(
        0, Decimal("0.00"), 0, 0)


def test_an_absence_on_a_later_office_holiday_costs_nothing(db, may):
    perform(db, A.set_absence, may.aminah, F.OFFICE_HOLIDAY)
    assert read(db, A.month_pay_preview, may.aminah, 2026, 5).paid_days == 18
    perform(db, H.add_office_holiday, F.OFFICE_HOLIDAY, "Hari Keluarga")
    assert read(db, A.month_pay_preview, may.aminah, 2026, 5) == PayLine(
        18, RATE * 18, 18, 0)


def test_unknown_psh_and_month(db, may):
    with pytest.raises(Refused) as info:
        read(db, A.month_pay_preview, 999, 2026, 5)
    assert F.codes(info.value) == {"NOT_FOUND"}
    with pytest.raises(Refused) as info:
        read(db, A.month_pay_preview, may.aminah, 2026, 13)
    assert F.codes(info.value) == {"INVALID_MONTH"}
