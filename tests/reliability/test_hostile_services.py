"""Hostile input to the services (issue 8, item 7): hypothesis types anything into the forms.

Random text (control characters, right-to-left marks, emoji, formulas, 300 characters), numbers
(huge, negative, NaN, floats, booleans, digits as text), dates (impossible, far, typed every
way) and MyKad numbers (well formed or not) go through ``perform`` into the premises, staff,
post, grade salary, vacancy and PSH services. Whatever comes in:

* the service either saves (and audits) or raises ``Refused``: never another exception;
* every refusal names a field and says what is wrong in Malay (and in English);
* a refusal leaves every table, the audit log included, exactly as it was.

One database per backend for the whole module (an office built by the real services); values
that happen to be valid are saved, which later examples then meet as duplicates.
"""

from __future__ import annotations

import contextlib
from dataclasses import fields, replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from sqlalchemy import select, text

from desktop.models import Base
from desktop.rules import STATE_CODES, Refused
from desktop.services import psh as P
from desktop.services import vacancies as V
from desktop.services.database import open_database
from desktop.services.grades import add_grade_salary
from desktop.services.posts import PostForm, add_post, assign_incumbent
from desktop.services.premises import PremisesForm, add_premises
from desktop.services.staff import StaffForm, add_staff
from desktop.services.unit import perform
from desktop.services.validate import MAX_ID
from tests.dbfixtures import backends, fresh_url
from tests.psh import factories as F

HOSTILE = settings(max_examples=50, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow])

# -- what a hostile (or careless) user types ---------------------------------------------------

ODD_TEXT = [
    "", " ", "\t\n", "\x00", "a\x00b", "\u202eKOD", "\ufeff", "💥💥", "'; DROP TABLE premises;--",
    "=1+1", "@SUM(A1)", "9" * 400, "9" * 5000, "²", "NaN", "Infinity", "-0", "1e9999", "0x1F", "١٢٣", "RM -5",
    "31/02/2024", "2024-13-01", "00/00/0000", "0001-01-01", "9999-12-31", "15/01/24",
    "29/02/2023", "2024-02-30", "1,000,00", "12/31/2024", "None", "null", "1e30",
]
ODD = st.sampled_from(ODD_TEXT)
# and values of every type a caller might hand over by mistake
NASTY = [*ODD_TEXT, None, 10**30, -(10**30), -1, 0, float("nan"), float("inf"), Decimal("NaN"),
         Decimal("sNaN"), Decimal("1e30"), Decimal("-0.001"), True, date.max, date.min,
         datetime.max, b"bytes", ["list"], {"a": 1}]
TEXT = st.one_of(st.text(max_size=300), ODD, st.none())
NUMBER = st.one_of(st.integers(), st.integers(-5, 60), st.text(max_size=25), ODD, st.none(),
                   st.booleans(), st.floats(), st.decimals())
MONEY = st.one_of(st.decimals(), st.decimals(places=2, min_value=0, max_value=10**6),
                  st.decimals().map(str), st.sampled_from(["1e30", "1E+5", "RM 1,800.00", "1,000"]),
                  st.floats().map(str), NUMBER)
DAY = st.one_of(st.dates(), st.datetimes(), st.text(max_size=25), ODD, st.none(),
                st.dates().map(lambda d: f"{d:%d/%m/%Y}"), st.dates().map(str))
MYKAD = st.one_of(st.from_regex(r"\A\d{6}-?\d{2}-?\d{4}\Z"), st.text(max_size=20), ODD,
                  st.integers(0, 10**13).map(str), st.none())
STATE = st.one_of(st.sampled_from(sorted(STATE_CODES)), TEXT)
KIND = st.one_of(st.sampled_from(["TABIKA", "TASKA", "tabika", "HAKIKI", "OPERASI"]), TEXT)
CODE = st.one_of(st.from_regex(r"\A[A-Z0-9][A-Z0-9./-]{0,19}\Z"), TEXT)


def some_id(known: list[int]):
    """An id field of a form: one of the records that exist, or anything at all."""
    return st.one_of(st.sampled_from(known), st.sampled_from(known).map(str), NUMBER)


def record_id(known: list[int]):
    """An id the program passes (typed ``int``, a 64-bit key): one that exists, or a stale or
    forged one."""
    return st.one_of(st.sampled_from(known), st.integers(-MAX_ID - 1, MAX_ID))


# -- the database ----------------------------------------------------------------------------

@pytest.fixture(scope="module", params=backends())
def world(request, tmp_path_factory):
    """An office (F.make_office) with a held post, a vacant post, a substantive vacancy at its
    interview report and a candidate for it; the ids the strategies draw from."""
    with fresh_url(request.param, tmp_path_factory.mktemp("hostile")) as url:
        db = open_database(url)
        try:
            o = F.make_office(db)
            held = F.held_post(db, o.tabika, o.s17)
            vacant = F.vacant_post(db, o.taska, o.s27)
            vid = F.hakiki_vacancy(db, o.tabika, o.s22)
            cid = F.candidate(db, vid)
            yield db, {"premises": [o.tabika, o.taska], "grades": [o.s11, o.s17, o.s22, o.s27],
                       "posts": [held, vacant], "staff": [F.staff(db, o.s27)],
                       "vacancies": [vid], "candidates": [cid]}
        finally:
            db.dispose()


# refusals about the office's data rather than what was typed: a date before every rate table
NOT_A_FORM_FIELD = {"rates"}


def note(outcome: str) -> None:
    """Count the outcome in hypothesis's statistics (only inside a hypothesis test)."""
    with contextlib.suppress(InvalidArgument):
        event(outcome)


def dump(db) -> dict[str, list]:
    """Every row of every table: what a refusal must leave exactly as it found it."""
    with db.session() as s:
        return {t.name: sorted(map(repr, s.execute(select(t)).all()))
                for t in Base.metadata.sorted_tables}


def audit_count(db) -> int:
    with db.session() as s:
        return s.execute(text("SELECT count(*) FROM audit_log")).scalar_one()


def attempt(db, form_fields: set[str], fn, *args, **kwargs) -> None:
    """Run one action as the app does and hold it to every promise above."""
    before, audited = dump(db), audit_count(db)
    try:
        perform(db, fn, *args, **kwargs)
    except Refused as refused:
        note("refused")
        assert dump(db) == before, "a refused action changed the database"
        for v in refused.violations:
            assert v.message_ms.strip() and v.message_en.strip(), v
            assert v.message_ms != v.message_en, f"no Malay message: {v}"
            assert v.field in form_fields | NOT_A_FORM_FIELD, f"the refusal names no field: {v}"
        return
    note("saved")
    assert audit_count(db) > audited, "an action was saved without its audit record"


def names(form_class, *more: str) -> set[str]:
    return {f.name for f in fields(form_class)} | set(more)


# -- the forms -------------------------------------------------------------------------------

@HOSTILE
@given(data=st.data())
def test_premises_form(world, data):
    db, _ids = world
    form = PremisesForm(data.draw(CODE), data.draw(TEXT), data.draw(KIND), data.draw(STATE),
                        data.draw(TEXT), data.draw(TEXT))
    attempt(db, names(PremisesForm), add_premises, form)


@HOSTILE
@given(data=st.data())
def test_staff_form(world, data):
    db, ids = world
    form = StaffForm(data.draw(TEXT), data.draw(MYKAD), data.draw(some_id(ids["grades"])),
                     data.draw(DAY), data.draw(DAY), data.draw(st.one_of(
                         st.sampled_from(["SPM", "STPM", "Diploma", "Ijazah"]), TEXT)))
    attempt(db, names(StaffForm), add_staff, form)


@HOSTILE
@given(data=st.data())
def test_grade_salary(world, data):
    db, ids = world
    attempt(db, {"grade_id", "effective_from", "starting_salary"}, add_grade_salary,
            data.draw(record_id(ids["grades"])), data.draw(DAY), data.draw(MONEY))


@HOSTILE
@given(data=st.data())
def test_post_form_and_holder(world, data):
    db, ids = world
    form = PostForm(data.draw(some_id(ids["premises"])), data.draw(some_id(ids["grades"])))
    attempt(db, names(PostForm), add_post, form)
    attempt(db, {"post_id", "staff_id", "start", "note", "id"}, assign_incumbent,
            data.draw(record_id(ids["posts"])), data.draw(record_id(ids["staff"])), data.draw(DAY),
            note=data.draw(TEXT))


@HOSTILE
@given(data=st.data())
def test_vacancy_form(world, data):
    db, ids = world
    form = V.VacancyForm(data.draw(some_id(ids["posts"])), data.draw(KIND),
                         data.draw(st.one_of(st.sampled_from(["RETIRED", "MATERNITY_LEAVE",
                                                              "COURSE", "NEW_POST"]), TEXT)),
                         data.draw(DAY), data.draw(some_id(ids["staff"])), data.draw(DAY),
                         data.draw(TEXT), data.draw(DAY), data.draw(TEXT))
    attempt(db, names(V.VacancyForm), V.open_vacancy, form, today=F.TODAY)


@HOSTILE
@given(data=st.data())
def test_psh_form(world, data):
    db, ids = world
    good = F.psh_form(ids["vacancies"][0], ids["candidates"][0])
    # each field: the good value or anything, so that some examples reach the deeper rules
    values = {f.name: data.draw(st.one_of(st.just(getattr(good, f.name)), hostile))
              for f, hostile in zip(fields(P.PshForm), (
                  some_id(ids["vacancies"]), some_id(ids["candidates"]), DAY, DAY, TEXT, DAY,
                  DAY, DAY, st.one_of(st.sampled_from(["SPM", "DIPLOMA"]), TEXT), TEXT),
                  strict=True)}
    attempt(db, names(P.PshForm), P.appoint_psh, P.PshForm(**values), today=F.TODAY)


# -- every odd value in every field, the others good: what sampling may miss -----------------

def every_field_spoiled(form, nasty=NASTY):
    """The form once per (field, odd value), every other field left as given."""
    for f in fields(form):
        for value in nasty:
            yield replace(form, **{f.name: value})


def test_every_odd_value_in_every_field(world):
    db, ids = world
    forms = [
        (add_premises, PremisesForm("SGR-TBK-900", "Tabika Perpaduan Uji", "TABIKA", "SGR",
                                    "Gombak", "Jalan 1"), {}),
        (add_staff, StaffForm("Pegawai Uji", "850315-10-5999", str(ids["grades"][1]),
                              "01/01/2020", "01/01/2021", "SPM"), {}),
        (add_post, PostForm(ids["premises"][0], ids["grades"][0]), {}),
        (V.open_vacancy, V.VacancyForm(ids["posts"][1], "HAKIKI", "RETIRED", "05/01/2026"),
         {"today": F.TODAY}),
        (P.appoint_psh, F.psh_form(ids["vacancies"][0], ids["candidates"][0]),
         {"today": F.TODAY}),
    ]
    for fn, good, kwargs in forms:
        for form in every_field_spoiled(good):
            attempt(db, names(type(form)), fn, form, **kwargs)
    for value in NASTY:
        attempt(db, {"grade_id", "effective_from", "starting_salary"}, add_grade_salary,
                ids["grades"][0], "01/01/2025", value)
        attempt(db, {"grade_id", "effective_from", "starting_salary"}, add_grade_salary,
                ids["grades"][0], value, "1800.00")
