"""The grades register and its dated starting salaries: every action, every refusal."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from desktop.rules import Refused
from desktop.services import grades as G
from desktop.services.unit import perform, read


def add(db, code="S17", title="Pembantu Pendidik"):
    return perform(db, G.add_grade, G.GradeForm(code, title)).result


def refused(db, counts, fn, *args, **kwargs) -> Refused:
    """Run an action that must be refused, and check that it saved nothing."""
    before = counts()
    with pytest.raises(Refused) as info:
        perform(db, fn, *args, **kwargs)
    assert counts() == before
    return info.value


# --- grades -----------------------------------------------------------------------------------

def test_add_lists_and_audits(db, last_audit):
    outcome = perform(db, G.add_grade, G.GradeForm(" s17 ", " Pembantu Pendidik "), actor="kerani")
    assert outcome.touched == {"grade"}
    [row] = read(db, G.list_grades)
    assert row == G.GradeRow(outcome.result, "S17", "Pembantu Pendidik", True, None, None)
    assert row.label == "S17 Pembantu Pendidik"
    rec = last_audit()
    assert (rec.actor, rec.action, rec.entity, rec.entity_id) == ("kerani", "tambah", "grade",
                                                                 str(row.id))
    assert rec.before == "" and '"code":"S17"' in rec.after


def test_list_is_sorted_by_code_and_can_hide_inactive(db):
    s27 = add(db, "S27", "Pendidik")
    add(db, "S17")
    perform(db, G.set_grade_active, s27, False)
    assert [r.code for r in read(db, G.list_grades)] == ["S17", "S27"]
    assert [r.code for r in read(db, G.list_grades, include_inactive=False)] == ["S17"]


def test_edit_records_before_and_after(db, last_audit):
    gid = add(db)
    perform(db, G.update_grade, gid, G.GradeForm("S17", "Pembantu Pengasuh"))
    assert read(db, G.get_grade, gid).title == "Pembantu Pengasuh"
    rec = last_audit()
    assert rec.action == "ubah"
    assert "Pembantu Pendidik" in rec.before and "Pembantu Pengasuh" in rec.after


def test_edit_without_change_writes_no_audit(db, counts):
    gid = add(db)
    before = counts()
    perform(db, G.update_grade, gid, G.GradeForm("s17", "Pembantu Pendidik"))
    assert counts() == before


def test_deactivate_and_reactivate(db, last_audit, counts):
    gid = add(db)
    perform(db, G.set_grade_active, gid, False)
    assert read(db, G.get_grade, gid).active is False
    assert last_audit().action == "nyahaktif"
    n = counts()
    perform(db, G.set_grade_active, gid, False)  # already inactive: nothing to record
    assert counts() == n
    perform(db, G.set_grade_active, gid, True)
    assert read(db, G.get_grade, gid).active is True
    assert last_audit().action == "aktifkan"


@pytest.mark.parametrize("form, field, words", [
    (G.GradeForm("", "Pendidik"), "code", "Kod gred wajib diisi"),
    (G.GradeForm("S 27", "Pendidik"), "code", "hanya boleh mengandungi"),
    (G.GradeForm("S27LONGCODE", "Pendidik"), "code", "terlalu panjang"),
    (G.GradeForm("S27", "  "), "title", "Nama gred wajib diisi"),
    (G.GradeForm("S27", "x" * 201), "title", "terlalu panjang"),
])
def test_bad_grade_input_is_refused(db, counts, form, field, words):
    err = refused(db, counts, G.add_grade, form)
    assert err.fields == (field,)
    assert words in err.message("ms")


def test_duplicate_code_refused_case_insensitively(db, counts):
    add(db, "S17")
    other = add(db, "S27", "Pendidik")
    err = refused(db, counts, G.add_grade, G.GradeForm("s17", "Lain"))
    assert err.violations[0].code == "DUPLICATE" and "telah digunakan" in err.message("ms")
    err = refused(db, counts, G.update_grade, other, G.GradeForm("S17", "Pendidik"))
    assert err.fields == ("code",)


def test_all_grade_problems_at_once(db, counts):
    err = refused(db, counts, G.add_grade, G.GradeForm("", ""))
    assert set(err.fields) == {"code", "title"}


@pytest.mark.parametrize("action, args", [
    (G.update_grade, (999, G.GradeForm("S17", "X"))),
    (G.set_grade_active, (999, False)),
    (G.add_grade_salary, (999, date(2024, 1, 1), "1500")),
])
def test_unknown_grade_is_refused(db, counts, action, args):
    err = refused(db, counts, action, *args)
    assert err.violations[0].code == "NOT_FOUND"


@pytest.mark.parametrize("query, args", [
    (G.get_grade, (999,)),
    (G.grade_salary_history, (999,)),
    (G.starting_salary_on, (999, date(2024, 1, 1))),
])
def test_unknown_grade_is_refused_when_read(db, query, args):
    with pytest.raises(Refused) as info:
        read(db, query, *args)
    assert info.value.violations[0].code == "NOT_FOUND"


# --- starting salaries ----------------------------------------------------------------------

def test_salary_history_and_the_salary_in_force(db):
    gid = add(db)
    perform(db, G.add_grade_salary, gid, date(2024, 1, 1), "1500.00")
    perform(db, G.add_grade_salary, gid, "01/12/2024", Decimal("1650.50"))  # entered out of order
    perform(db, G.add_grade_salary, gid, "2022-07-01", 1400)
    history = read(db, G.grade_salary_history, gid)
    assert [(h.effective_from, h.starting_salary) for h in history] == [
        (date(2022, 7, 1), Decimal("1400.00")),
        (date(2024, 1, 1), Decimal("1500.00")),
        (date(2024, 12, 1), Decimal("1650.50")),
    ]
    on = lambda d: read(db, G.starting_salary_on, gid, d)  # noqa: E731
    assert on(date(2022, 7, 1)) == Decimal("1400.00")
    assert on(date(2023, 12, 31)) == Decimal("1400.00")
    assert on(date(2024, 1, 1)) == Decimal("1500.00")
    assert on(date(2024, 11, 30)) == Decimal("1500.00")
    assert on(date(2024, 12, 1)) == Decimal("1650.50")
    [row] = read(db, G.list_grades, on=date(2024, 6, 30))
    assert (row.starting_salary, row.salary_from) == (Decimal("1500.00"), date(2024, 1, 1))
    today = read(db, G.get_grade, gid)  # today is after every date above
    assert (today.starting_salary, today.salary_from) == (Decimal("1650.50"), date(2024, 12, 1))


def test_a_salary_announced_for_later_is_not_yet_current(db):
    gid = add(db)
    later = date.today() + timedelta(days=30)
    perform(db, G.add_grade_salary, gid, date(2020, 1, 1), "1200")
    perform(db, G.add_grade_salary, gid, later, "1300")
    assert read(db, G.get_grade, gid).starting_salary == Decimal("1200.00")
    assert read(db, G.get_grade, gid, on=later).starting_salary == Decimal("1300.00")


def test_no_salary_in_force_is_refused(db):
    gid = add(db)
    with pytest.raises(Refused) as info:
        read(db, G.starting_salary_on, gid, date(2024, 1, 1))
    assert info.value.violations[0].code == "NO_STARTING_SALARY"
    perform(db, G.add_grade_salary, gid, date(2024, 1, 2), "1500")
    with pytest.raises(Refused) as info:
        read(db, G.starting_salary_on, gid, date(2024, 1, 1))
    v = info.value.violations[0]
    assert (v.code, v.paragraph) == ("NO_STARTING_SALARY", "6B")
    assert "01/01/2024" in v.message("ms") and "S17" in v.message("ms")


def test_salary_is_audited_and_touches_the_grade(db, last_audit):
    gid = add(db)
    outcome = perform(db, G.add_grade_salary, gid, date(2024, 1, 1), "RM 1,500.00")
    assert outcome.touched == {"grade", "grade_salary"}
    rec = last_audit()
    assert (rec.action, rec.entity, rec.entity_id) == ("tambah", "grade_salary",
                                                       str(outcome.result))
    assert '"starting_salary":"1500.00"' in rec.after and '"grade_code":"S17"' in rec.after


@pytest.mark.parametrize("typed, amount", [
    ("1500", Decimal("1500.00")), ("1,234.56", Decimal("1234.56")),
    ("RM1234.5", Decimal("1234.50")), (" rm 2,000 ", Decimal("2000.00")),
    ("12,345.6", Decimal("12345.60")),
    (Decimal("0.01"), Decimal("0.01")), (99999, Decimal("99999.00")),
])
def test_salary_as_typed(db, typed, amount):
    gid = add(db)
    perform(db, G.add_grade_salary, gid, date(2024, 1, 1), typed)
    assert read(db, G.starting_salary_on, gid, date(2024, 1, 1)) == amount


@pytest.mark.parametrize("typed, words", [
    ("-100", "lebih daripada RM0.00"), ("0", "lebih daripada RM0.00"),
    (Decimal("-0.01"), "lebih daripada RM0.00"),
    ("abc", "bukan amaun ringgit"), ("12,3a", "bukan amaun ringgit"),
    ("1500,50", "bukan amaun ringgit"), ("15,00.50", "bukan amaun ringgit"),
    ("1 500", "bukan amaun ringgit"), ("RM", "wajib diisi"),
    ("NaN", "bukan amaun ringgit"), ("Infinity", "bukan amaun ringgit"),
    (1500.0, "bukan amaun ringgit"), (None, "bukan amaun ringgit"), (True, "bukan amaun ringgit"),
    ("", "wajib diisi"), ("1500.005", "dua tempat perpuluhan"),
    ("1000000", "melebihi had"), ("1e9", "melebihi had"),
])
def test_bad_salary_refused(db, counts, typed, words):
    gid = add(db)
    err = refused(db, counts, G.add_grade_salary, gid, date(2024, 1, 1), typed)
    assert err.fields == ("starting_salary",)
    assert words in err.message("ms")


@pytest.mark.parametrize("typed", ["31/02/2024", "2024-13-01", "semalam", "", None, 20240101,
                                   "15/01/24", "0024-01-15", "15/01-2024", "2024/01/15"])
def test_bad_effective_date_refused(db, counts, typed):
    gid = add(db)
    err = refused(db, counts, G.add_grade_salary, gid, typed, "1500")
    assert err.fields == ("effective_from",)


@pytest.mark.parametrize("typed", ["2024-01-15", "15/01/2024", "15-01-2024", "15.01.2024",
                                   " 15/1/2024 "])
def test_effective_date_as_typed(db, typed):
    gid = add(db)
    perform(db, G.add_grade_salary, gid, typed, "1500")
    assert read(db, G.grade_salary_history, gid)[0].effective_from == date(2024, 1, 15)


def test_duplicate_date_refused_but_other_grades_may_share_it(db, counts):
    gid = add(db)
    perform(db, G.add_grade_salary, gid, date(2024, 1, 1), "1500")
    err = refused(db, counts, G.add_grade_salary, gid, "01/01/2024", "1600")
    assert (err.fields, err.violations[0].code) == (("effective_from",), "DUPLICATE")
    assert "telah direkodkan" in err.message("ms")
    other = add(db, "S27", "Pendidik")
    perform(db, G.add_grade_salary, other, date(2024, 1, 1), "2000")
    assert read(db, G.starting_salary_on, other, date(2024, 1, 1)) == Decimal("2000.00")


def test_date_and_amount_problems_together(db, counts):
    gid = add(db)
    err = refused(db, counts, G.add_grade_salary, gid, "esok", "-5")
    assert set(err.fields) == {"effective_from", "starting_salary"}
