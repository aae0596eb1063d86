"""Choosing the method: allowed methods side by side with their costs (7.4(d), 8(c))."""

import json
from datetime import date
from decimal import Decimal

import pytest

from desktop.models import GradeSalary
from desktop.rules import Refused
from desktop.rules.enums import Method, PremisesKind
from desktop.services import vacancies as V
from desktop.services.filling_choice import choose_method, filling_options
from desktop.services.unit import perform, read

from . import factories as F
from .helpers import counts, hakiki_form, open_, operasi_form

START, END = date(2026, 3, 1), date(2026, 3, 31)


def _salary(db, code, amount):
    with db.session() as s:
        g = F.grade(s, code)
        s.add(GradeSalary(grade_id=g.id, effective_from=date(2024, 1, 1),
                          starting_salary=Decimal(amount)))


def by_method(options):
    return {o.method: o for o in options}


def test_hakiki_before_the_interview_report_psh_is_not_allowed(db):
    _salary(db, "S17", "1800.00")
    vid = open_(db, hakiki_form(F.vacant_post(db)))
    options = by_method(read(db, filling_options, vid, START, END, "SPM"))
    psh, acting, gantian = options[Method.PSH], options[Method.ACTING], options[Method.GANTIAN]
    assert not psh.allowed and "7.4(b)" in psh.why_not and psh.cost is None
    assert acting.allowed and acting.cost.total == Decimal("450.00")  # a whole month at 25 %
    assert acting.cheapest
    assert gantian.allowed and gantian.cost.total is None
    assert gantian.cost.problem.code == "RATE_TABLE_EMPTY"


def test_taska_pendidik_operasi_offers_acting_only(db):
    with db.session() as s:
        taska = F.premises(s, kind=PremisesKind.TASKA)
        s27 = F.grade(s, "S27", "Pendidik")
        pid = F.post(s, taska, s27, F.staff(s, g=s27)).id
    vid = open_(db, operasi_form(pid))
    options = read(db, filling_options, vid, START, END)
    assert [o.method for o in options if o.allowed] == [Method.ACTING]
    assert all("8.2" in o.why_not for o in options if not o.allowed)
    # acting cannot be costed without the grade's starting salary, and says why (6B)
    assert options[1].cost.problem.paragraph == "6B"


def test_choice_is_recorded_with_reason_and_the_costs_compared(db):
    _salary(db, "S17", "1800.00")
    vid = open_(db, hakiki_form(F.vacant_post(db)))
    perform(db, choose_method, vid, "ACTING", "Kos paling rendah; guru sedia ada layak.",
            START, END)
    row = read(db, V.get_vacancy, vid)
    assert (row.chosen_method, row.method_reason) == (Method.ACTING,
                                                      "Kos paling rendah; guru sedia ada layak.")
    with db.session() as s:
        saved = json.loads(s.get(V.Vacancy, vid).method_costs)
    assert saved["cheapest"] == "ACTING" and saved["costs"]["ACTING"] == "450.00"


@pytest.mark.parametrize("method, reason, field", [
    ("PSH", "cuba", "method"),  # not allowed before the interview report
    ("ACTING", "  ", "reason"),
    ("", "x", "method"),
])
def test_bad_choices_are_refused_and_nothing_saved(db, method, reason, field):
    vid = open_(db, hakiki_form(F.vacant_post(db)))
    before = counts(db)
    with pytest.raises(Refused) as info:
        perform(db, choose_method, vid, method, reason, START, END)
    assert field in info.value.fields
    assert counts(db) == before
    assert read(db, V.get_vacancy, vid).chosen_method is None


def test_reversed_period_is_refused(db):
    vid = open_(db, hakiki_form(F.vacant_post(db)))
    with pytest.raises(Refused) as info:
        read(db, filling_options, vid, END, START)
    assert info.value.fields == ("end",)
