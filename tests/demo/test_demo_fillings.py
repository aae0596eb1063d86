"""The demo office's fillings: PSH, acting and the OS29000 allocation behind every vacancy shown
as filled, consistent with the circular.

Expectations come from the circular (5A(c), (e), (g), (n), (s); 6A(c), (d), (f), (g); 7.4(b),
7.5; 8.2(a)-(b)), from the rate files as shipped (job qualification, PSH daily rates) and from
the reference calendars (the Friday-Saturday weekend of Kedah, Kelantan and Terengganu), written
here by hand rather than read from the code under test.
"""

import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from itertools import product
from pathlib import Path

import holidays
import pytest
from sqlalchemy import select

from desktop.models import ActingEndKind, Vacancy
from desktop.rules import Refused
from desktop.rules.enums import Method, PremisesKind, VacancyKind
from desktop.rules.vacancy_enums import CandidateOutcome, CandidateStatus, VacancyStatus
from desktop.rules.workflow import FILLING_APPROVED, INTERVIEW_REPORT
from desktop.services import demo
from desktop.services.acting import list_acting, list_interruptions
from desktop.services.allocation import balance, list_commitments, list_entries
from desktop.services.candidates import list_candidates
from desktop.services.database import open_database
from desktop.services.demo import fill_demo
from desktop.services.demo_fillings import add_fillings
from desktop.services.gantian import GantianForm, appoint_gantian
from desktop.services.office import get_office
from desktop.services.posts import list_posts
from desktop.services.psh import list_extensions, list_psh
from desktop.services.staff import list_staff
from desktop.services.unit import perform, read
from desktop.services.vacancies import alerts, fillings_of, list_vacancies
from desktop.services.workflow import list_steps

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 25)
HAKIKI, OPERASI = VacancyKind.HAKIKI, VacancyKind.OPERASI
TABIKA, TASKA = PremisesKind.TABIKA, PremisesKind.TASKA
WINDOW = 14  # days ahead the dashboard warns of a term's end (the brief)
FRIDAY_SATURDAY = {"KDH", "KTN", "TRG"}  # reference/calendars-and-mykad.md
# resources/rates as shipped: the job's qualification by grade (5A(h)), the daily rate (5B(a))
JOB = {"S11": "SPM", "S17": "SPM", "S22": "DIPLOMA", "S27": "DIPLOMA"}
DAILY = {"SPM": Decimal("54.00"), "STPM": Decimal("72.00"), "DIPLOMA": Decimal("72.00"),
         "IJAZAH": Decimal("100.00")}
WARRANT = re.compile(r"^Waran Peruntukan Bil\. \d+/(\d{4})$")


def fill(db, state="SGR", seed=1, today=TODAY):
    return perform(db, fill_demo, state=state, seed=seed, today=today, actor="demo").result


def months_later(day: date, months: int) -> date:
    """The same day ``months`` on; the 1st of the month after when that day does not exist."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    try:
        return date(year, month + 1, day.day)
    except ValueError:
        return date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)


def last_day(start: date, months: int) -> date:
    """The last day of a term of ``months`` from ``start`` (5A(e), 6A(c))."""
    return months_later(start, months) - timedelta(days=1)


def working_day(state: str, day: date) -> bool:
    weekend = (4, 5) if state in FRIDAY_SATURDAY else (5, 6)
    return day.weekday() not in weekend and day not in holidays.country_holidays(
        "MY", subdiv=state, years=day.year)


def world(db, today=TODAY) -> dict:
    """What the PSH, acting, OS29000 and vacancy screens show, read through the services."""
    years = (today.year - 1, today.year, today.year + 1)

    def q(s):
        rows = list_vacancies(s, today=today)
        pshs = list_psh(s, today=today)
        actings = list_acting(s, today=today)
        return {
            "office": get_office(s),
            "rows": rows,
            "fillings": {r.id: fillings_of(s, r.id) for r in rows},
            "steps": {r.id: {st.code: st for st in list_steps(s, r.id) if st.done}
                      for r in rows},
            "candidates": {r.id: list_candidates(s, r.id) for r in rows},
            "psh": pshs,
            "extensions": {p.id: list_extensions(s, p.id) for p in pshs},
            "acting": actings,
            "interruptions": {a.id: list_interruptions(s, a.id) for a in actings},
            "entries": {y: list_entries(s, y) for y in years},
            "balances": {y: balance(s, y) for y in years},
            "commitments": {y: list_commitments(s, y, include_inactive=True) for y in years},
            "alerts": alerts(s, today),
            "posts": {p.id: p for p in list_posts(s)},
            "staff": {st.id: st for st in list_staff(s)},
            "choices": {v.id: (v.chosen_method, v.method_reason, v.method_costs)
                        for v in s.scalars(select(Vacancy))},
        }
    return read(db, q)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    db = open_database(str(tmp_path_factory.mktemp("fill") / "sgr.sqlite"))
    summary = fill(db)
    yield db, summary, world(db)
    db.dispose()


# --- invariants, checked on every office --------------------------------------------------

def check_filled_vacancies_have_their_appointment(w) -> None:
    for r in w["rows"]:
        active = [f for f in w["fillings"][r.id] if f.active]
        if r.status is VacancyStatus.FILLED:
            mine = [f for f in active if f.kind == r.filled_method.value]
            assert mine, r
            assert r.filled_on in {f.starts_on for f in mine}, r  # filled from its first day
        else:
            assert not active, r  # nothing runs on an open or closed vacancy


def check_taska_s27_operasi_only_acting(w) -> int:
    n = 0
    for r in w["rows"]:
        if r.kind is OPERASI and r.premises_kind is TASKA and r.grade_code == "S27":
            kinds = {f.kind for f in w["fillings"][r.id]}
            assert kinds <= {Method.ACTING.value}, r  # 8.2(b): "hanya urusan tanggung kerja"
            n += bool(kinds)
    return n


def check_allocation(w, today) -> None:
    for year, b in w["balances"].items():
        signed = sum((e.signed_amount for e in w["entries"][year]), Decimal("0.00"))
        assert b.allocated == signed, year
        spent = sum((c.spent for c in w["commitments"][year]), Decimal("0.00"))
        held = sum((max(c.projected - c.spent, Decimal("0.00"))
                    for c in w["commitments"][year] if c.active), Decimal("0.00"))
        assert (b.committed, b.spent) == (held, spent), year
        assert b.available == b.allocated - b.committed - b.spent, year
        overridden = any(c.override_reason for c in w["commitments"][year])
        assert b.available >= 0 or overridden, year
        for e in w["entries"][year]:
            assert e.entry_date <= today and e.reference and e.amount > 0, e
    # the current year: an initial warrant and a top-up (both "Waran Peruntukan Bil. n/YYYY")
    kinds = [e.kind.value for e in w["entries"][today.year]]
    assert kinds[:2] == ["INITIAL", "TOPUP"] and kinds.count("INITIAL") == 1
    for year, entries in w["entries"].items():
        for e in entries:
            m = WARRANT.match(e.reference)
            assert m and int(m.group(1)) == year, e
    # every PSH commits its cost against the years it runs in (5A(c))
    active = {}
    for year in w["commitments"]:
        for c in w["commitments"][year]:
            if c.active:
                active[c.psh_id] = active.get(c.psh_id, Decimal("0.00")) + c.projected
    for p in w["psh"]:
        assert active.get(p.id, Decimal("0.00")) == p.projected_cost > 0, p
        assert {p.start.year, p.last_day.year} <= {y for y in w["commitments"]
                                                   if any(c.psh_id == p.id
                                                          for c in w["commitments"][y])}


def check_alerts(w, today) -> None:
    ending = [a for a in w["alerts"] if a.kind == "PSH_TERM_ENDING"]
    assert ending and all(today <= a.due <= today + timedelta(days=WINDOW) for a in ending)
    by_id = {p.id: p for p in w["psh"]}
    assert all(by_id[a.entity_id].end == a.due for a in ending)
    near = [a for a in w["alerts"] if a.kind == "ACTING_LIMIT_NEAR"]
    assert near
    acts = {a.id: a for a in w["acting"]}
    for a in near:
        row = acts[a.entity_id]
        assert a.due == last_day(row.start, 6) and 0 <= (a.due - today).days <= WINDOW


# --- one Selangor office -------------------------------------------------------------------

def test_every_filled_vacancy_has_its_appointment_behind_it(office):
    _db, _s, w = office
    check_filled_vacancies_have_their_appointment(w)
    methods = {(r.kind, r.filled_method) for r in w["rows"] if r.filled_method}
    assert {(HAKIKI, Method.PSH), (OPERASI, Method.PSH), (OPERASI, Method.ACTING)} <= methods


def test_taska_s27_operational_vacancies_only_by_acting(office):
    _db, _s, w = office
    assert check_taska_s27_operasi_only_acting(w) >= 1


def test_allocation_entries_and_the_balance_agree(office):
    _db, s, w = office
    check_allocation(w, TODAY)
    assert s.allocation_year == TODAY.year
    assert s.allocation_available == w["balances"][TODAY.year].available
    # late in the year: a reduction too; terms into next year need next year's allocation
    assert "REDUCTION" in [e.kind.value for e in w["entries"][TODAY.year]]
    assert any(p.last_day.year > TODAY.year for p in w["psh"])
    assert w["entries"][TODAY.year + 1]


def test_psh_follow_paragraph_5a_and_the_order_of_offer(office):
    _db, _s, w = office
    rows = {r.id: r for r in w["rows"]}
    assert w["psh"]
    for p in w["psh"]:
        v, steps = rows[p.vacancy_id], w["steps"][p.vacancy_id]
        assert p.start >= v.opened_on and p.start <= TODAY
        assert p.kp_approval_ref and p.kp_approval_date <= p.start  # 7.4(b), 8.2(a)
        assert p.osa_declared_on <= p.start and p.health_certified_on <= p.start  # 5A(n), (g)
        assert p.end <= last_day(p.start, 6 if p.extended else 3)  # 5A(e)
        assert p.qualification_used.value == JOB[p.grade_code]  # 5A(h): the job's rate
        assert p.daily_rate == DAILY[JOB[p.grade_code]]
        if p.vacancy_kind is HAKIKI:  # after the interview report, from its lists (7.4(b))
            assert p.start >= steps[INTERVIEW_REPORT].done_on
        else:  # 8.2(a): after the approval, at a Tabika or for a Taska Pembantu Pendidik
            assert p.start >= steps[FILLING_APPROVED].done_on
            assert p.kp_approval_ref == steps[FILLING_APPROVED].reference
            assert p.premises_kind is TABIKA or p.grade_code == "S17"
        cands = w["candidates"][p.vacancy_id]
        [chosen] = [c for c in cands if c.outcome is CandidateOutcome.APPOINTED]
        assert (chosen.mykad, chosen.outcome_on) == (p.mykad, p.start)
        assert chosen.health_certified
        if p.vacancy_kind is HAKIKI:
            assert chosen.category in (CandidateStatus.BERJAYA, CandidateStatus.SIMPANAN)


def test_some_refuse_first_with_a_reason(office):
    _db, _s, w = office
    refused = [(r, c) for r in w["rows"] for c in w["candidates"][r.id]
               if c.outcome is CandidateOutcome.DECLINED]
    assert refused
    psh_of = {p.vacancy_id: p for p in w["psh"]}
    for r, c in refused:
        assert c.outcome_note.startswith("Menolak tawaran")
        if c.vacancy_id == r.id:  # the vacancy's own list: refused before the PSH began
            assert c.outcome_on <= psh_of[r.id].start


def test_a_psh_extended_by_the_head_of_department(office):
    _db, _s, w = office
    extended = [(p, w["extensions"][p.id]) for p in w["psh"] if w["extensions"][p.id]]
    assert extended
    title = w["office"].signer_title
    for p, [e] in extended:
        assert e.previous_end == last_day(p.start, 3) and e.new_end == p.end
        assert e.new_end <= last_day(p.start, 6)  # 5A(e): 3 more months at most
        assert e.reason and title in e.approved_by
        assert p.start <= e.approved_on <= min(e.previous_end, TODAY)


def test_the_incumbent_back_early_ends_the_psh_and_closes_the_vacancy(office):
    _db, _s, w = office
    [v] = [r for r in w["rows"] if r.kind is OPERASI and r.status is VacancyStatus.CLOSED]
    [p] = [p for p in w["psh"] if p.vacancy_id == v.id]
    assert p.status.value == "ENDED" and p.ended_on == v.closed_on - timedelta(days=1)
    assert "5A(s)" in p.end_reason and v.filled_method is Method.PSH
    assert v.closed_on < v.expected_end
    assert not [a for a in w["alerts"] if a.kind == "PSH_VACANCY_CLOSED"]


def test_a_hakiki_psh_ends_with_the_contract_appointment(office):
    _db, s, w = office
    [v] = [r for r in w["rows"] if r.kind is HAKIKI and r.status is VacancyStatus.CLOSED]
    [p] = [p for p in w["psh"] if p.vacancy_id == v.id]
    post = w["posts"][v.post_id]
    officer = w["staff"][post.incumbent_id]
    # 7.5 first; the contract officer (the same person) holds the post from the day closed
    assert w["steps"][v.id]["APPOINTMENT_DELIVERED"].done_on <= v.closed_on <= TODAY
    assert post.incumbent_since == officer.service_start == v.closed_on
    assert officer.mykad == p.mykad and officer.grade_code == v.grade_code
    assert p.ended_on == v.closed_on - timedelta(days=1) and "7.5" in p.end_reason
    assert v.closed_on.weekday() <= 3 and working_day("SGR", v.closed_on)
    assert s.vacant_posts == sum(x.vacant for x in w["posts"].values())


def test_alerts_of_a_psh_term_ending_and_an_acting_near_six_months(office):
    _db, _s, w = office
    check_alerts(w, TODAY)


def test_acting_follows_paragraph_6a(office):
    _db, _s, w = office
    rows = {r.id: r for r in w["rows"]}
    assert w["acting"]
    for a in w["acting"]:
        v, officer = rows[a.vacancy_id], w["staff"][a.staff_id]
        assert working_day("SGR", a.start) and a.start >= v.opened_on  # 6A(d)
        assert a.end <= last_day(a.start, 6)  # 6A(c)
        assert officer.confirmed_on is not None and officer.confirmed_on <= a.start  # 6A(g)
        assert a.staff_id != v.incumbent_id and officer.active
        assert a.instruction_ref and a.instruction_date <= a.start  # 6A(b)
        assert a.approval_ref and a.approval_date <= a.start and a.authority
        assert a.start >= w["steps"][a.vacancy_id][FILLING_APPROVED].done_on
        assert a.allowance_per_month and a.allowance_per_month > 0  # 6B


def test_a_short_interruption_and_a_long_one_resumed(office):
    _db, _s, w = office
    acts = {a.id: a for a in w["acting"]}
    short = [(a, i) for a in acts.values() for i in w["interruptions"][a.id] if i.days < 14]
    assert any(a.status.value == "ACTIVE" and a.start < i.start <= i.end <= TODAY
               for a, i in short)
    [ended] = [a for a in acts.values() if a.end_kind is ActingEndKind.INTERRUPTED]
    [gap] = w["interruptions"][ended.id]
    assert gap.days >= 14 and ended.ended_on == gap.start - timedelta(days=1)  # 6A(f)
    [resumed] = [a for a in acts.values() if a.previous_id == ended.id]
    assert resumed.staff_id == ended.staff_id and resumed.vacancy_id == ended.vacancy_id
    assert resumed.start > gap.end and resumed.status.value == "ACTIVE"
    assert resumed.approval_ref != ended.approval_ref  # a new recommendation, approved anew
    assert not [a for a in w["alerts"] if a.kind == "ACTING_INTERRUPTED"]


def test_the_method_chosen_for_each_filled_vacancy(office):
    _db, _s, w = office
    for r in w["rows"]:
        kinds = {f.kind for f in w["fillings"][r.id]}
        chosen, reason, costs = w["choices"][r.id]
        if not kinds:
            assert chosen is None
            continue
        assert {chosen.value} == kinds and reason.endswith(".")
        compared = json.loads(costs)
        assert compared["costs"][chosen.value] is not None
        if r.kind is OPERASI and r.premises_kind is TASKA and r.grade_code == "S27":
            assert "8.2(b)" in reason and set(compared["costs"]) == {"ACTING"}
        elif compared["cheapest"] == chosen.value:
            assert reason.startswith("Kos paling rendah")


def test_no_replacement_officer_until_the_honorarium_table_is_filled(office):
    db, s, w = office
    assert s.gantian == 0 and not any(f.kind == "GANTIAN" for fs in w["fillings"].values()
                                      for f in fs)
    assert "tiada pegawai gantian" in s.describe() and "no replacement officer" in s.describe(
        "en")
    [open_one, *_] = [r for r in w["rows"] if r.status is VacancyStatus.OPEN
                      and r.kind is HAKIKI and r.opened_on <= TODAY]
    with pytest.raises(Refused) as info:
        perform(db, appoint_gantian, GantianForm(
            vacancy_id=open_one.id, name="Siti Aminah binti Salleh", mykad="900101-10-5678",
            start=TODAY, end=TODAY + timedelta(days=30), approval_ref="R/1",
            approval_date=TODAY), today=TODAY, actor="demo")
    assert "RATE_TABLE_EMPTY" in {v.code for v in info.value.violations}


def test_the_summary_counts_the_registers(office):
    _db, s, w = office
    assert s.psh == len(w["psh"]) and s.acting == len(w["acting"])
    assert s.active_psh == sum(p.status.value == "ACTIVE" for p in w["psh"])
    assert s.active_acting == sum(a.status.value == "ACTIVE" for a in w["acting"])
    ms, en = s.describe(), s.describe("en")
    assert f"{s.psh} PSH ({s.active_psh} aktif)" in ms
    assert f"{s.acting} penanggungan kerja ({s.active_acting} aktif)" in ms
    assert f"baki peruntukan OS29000 {TODAY.year}: RM " in ms
    assert f"{s.psh} PSH ({s.active_psh} active)" in en and f"for {TODAY.year}: RM " in en


# --- determinism, the steps' independence, other offices, the command line --------------------

def fillings_snapshot(db) -> tuple:
    def q(s):
        return (tuple((p.premises_code, p.grade_code, p.mykad, p.start, p.end, p.status,
                       p.ended_on, p.kp_approval_ref, p.projected_cost)
                      for p in list_psh(s, today=TODAY)),
                tuple((a.premises_code, a.officer_mykad, a.start, a.end, a.status,
                       a.instruction_ref, a.approval_ref)
                      for a in list_acting(s, today=TODAY)),
                tuple((e.kind, e.amount, e.entry_date, e.reference)
                      for y in (TODAY.year, TODAY.year + 1) for e in list_entries(s, y)),
                tuple(sorted((v.chosen_method or Method.PSH, v.method_reason)
                             for v in s.scalars(select(Vacancy)))))
    return read(db, q)


def test_same_seed_same_fillings_another_seed_others(make_db):
    a, b, c = make_db("a"), make_db("b"), make_db("c")
    assert fill(a, seed=4) == fill(b, seed=4)
    fill(c, seed=5)
    first, second, third = fillings_snapshot(a), fillings_snapshot(b), fillings_snapshot(c)
    assert first == second and first[0] and first[1]
    assert first != third


def test_the_fillings_step_leaves_the_vacancies_and_candidates_unchanged(make_db, monkeypatch):
    def planned(db):
        def q(s):
            return tuple((v.post_id, v.kind, v.opened_on, v.expected_end,
                          tuple((st.code, st.done_on, st.reference) for st in v.steps))
                         for v in s.scalars(select(Vacancy).order_by(Vacancy.id)))
        return read(db, q)

    full = make_db("full")
    fill(full, seed=6)
    without = make_db("without")
    monkeypatch.setattr(demo, "DEMO_STEPS", [s for s in demo.DEMO_STEPS if s is not add_fillings])
    summary = fill(without, seed=6)
    assert summary.psh == summary.acting == 0
    assert planned(full) == planned(without)


@pytest.mark.parametrize("state, today", list(product(
    ("KDH", "JHR", "SBH"), (date(2026, 1, 15), date(2026, 7, 1), date(2026, 11, 25)))))
def test_other_offices_and_days(make_db, state, today):
    db = make_db(f"{state}{today:%m}")
    s = fill(db, state=state, seed=2, today=today)
    w = world(db, today)
    check_filled_vacancies_have_their_appointment(w)
    assert check_taska_s27_operasi_only_acting(w) >= 1
    check_allocation(w, today)
    check_alerts(w, today)
    assert s.psh >= 3 and s.acting >= 3
    for a in w["acting"]:  # 6A(d), with Kedah's Friday-Saturday weekend
        assert working_day(state, a.start), a
    if today.month == 1:  # PSH of last year run into this one: last year's allocation too
        assert w["entries"][today.year - 1]


def run_cli(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_demo_seed_2_fills_psh_and_acting(tmp_path):
    target = str(tmp_path / "seed2.sqlite")
    result = run_cli("--db", target, "demo", "--seed", "2")
    assert result.returncode == 0, result.stderr
    assert "PSH" in result.stdout and "penanggungan kerja" in result.stdout
    db = open_database(target)
    try:
        today = date.today()  # the command line dates the demo from the clock
        w = world(db, today)
    finally:
        db.dispose()
    assert w["psh"] and w["acting"]
    check_filled_vacancies_have_their_appointment(w)
    check_allocation(w, today)


def test_job_and_rate_tables_as_this_test_reads_them():
    """The tables the expectations above were written from, as shipped."""
    with (ROOT / "resources/rates/job_qualification.toml").open("rb") as f:
        jobs = tomllib.load(f)["table"][-1]["grades"]
    with (ROOT / "resources/rates/psh.toml").open("rb") as f:
        rates = tomllib.load(f)["table"][-1]["rates"]
    assert jobs == JOB
    assert {k: Decimal(v) for k, v in rates.items()} == DAILY
