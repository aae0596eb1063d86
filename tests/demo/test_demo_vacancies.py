"""The demo office's vacancies: both kinds at every step, candidates, alerts, the return feed.

Expectations come from the circular's rules as the rule tables state them (steps in order,
7.4(b), 7.4(e), 8.2(a)-(b)) and from the brief (a Taska S27 operational vacancy is filled only
by acting; an incumbent due back within 14 days is an alert), not from the demo's own output.
"""

import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from itertools import product
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import Candidate, Premises, Staff, Vacancy
from desktop.rules.enums import Method, PremisesKind, Qualification, VacancyKind
from desktop.rules.filling import allowed_methods
from desktop.rules.vacancy_enums import (
    CandidateOutcome,
    CandidateStatus,
    VacancyReason,
    VacancyStatus,
)
from desktop.rules.workflow import (
    FILLING_APPROVED,
    HAKIKI_STEPS,
    INTERVIEW_REPORT,
    OPERASI_STEPS,
    step_number,
)
from desktop.services import demo
from desktop.services.candidates import (
    list_candidates,
    list_exercise_candidates,
    list_exercises,
)
from desktop.services.database import open_database
from desktop.services.demo import fill_demo
from desktop.services.demo_vacancies import add_vacancies
from desktop.services.posts import list_posts, post_history
from desktop.services.staff import list_staff
from desktop.services.unit import perform, read
from desktop.services.vacancies import (
    alerts,
    dashboard_summary,
    list_vacancies,
    open_vacancies_for_return,
)
from desktop.services.workflow import list_steps

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 25)
HAKIKI, OPERASI = VacancyKind.HAKIKI, VacancyKind.OPERASI
TABIKA, TASKA = PremisesKind.TABIKA, PremisesKind.TASKA
# "JPNIN.SGR.600-1/2/3 Jld.2 (15)": the office's prefix, the file and volume, the enclosure
REFERENCE = re.compile(r"^JPNIN\.SGR\.600-1/2/(\d+ Jld\.\d+) \((\d+)\)$")
# six months and a little more: the secondment whose acting nears its six-month limit (6A(c))
# began a week or so before the acting did
OLDEST = timedelta(days=183 + 14)
ALERT_DAYS = 14


def fill(db, state="SGR", seed=1, today=TODAY):
    return perform(db, fill_demo, state=state, seed=seed, today=today, actor="demo").result


def world(db, today=TODAY) -> dict:
    """Everything the vacancy screens show, read through the services."""
    def q(s):
        rows = list_vacancies(s, today=today)
        exercises = list_exercises(s)
        return {
            "rows": rows,
            "steps": {r.id: list_steps(s, r.id) for r in rows},
            "candidates": {r.id: list_candidates(s, r.id) for r in rows},
            "dash": dashboard_summary(s, today),
            "alerts": alerts(s, today),
            "return": open_vacancies_for_return(s, today.year, today.month),
            "posts": {p.id: p for p in list_posts(s)},
            "staff": {st.id: st for st in list_staff(s)},
            "history": {r.post_id: post_history(s, r.post_id) for r in rows},
            "exercises": exercises,
            "exercise_candidates": {e.id: list_exercise_candidates(s, e.id) for e in exercises},
            "candidate_count": s.scalar(select(func.count()).select_from(Candidate)),
        }
    return read(db, q)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    db = open_database(str(tmp_path_factory.mktemp("vac") / "sgr.sqlite"))
    summary = fill(db)
    yield summary, world(db)
    db.dispose()


def live(w):
    return [r for r in w["rows"] if r.status is not VacancyStatus.CLOSED]


def done(steps):
    return [s for s in steps if s.done]


# --- how many, and where -------------------------------------------------------------------

def test_counts_and_the_summary(office):
    s, w = office
    assert 25 <= len(live(w)) <= 35
    assert s.open_vacancies == len(live(w)) == w["dash"].total
    assert s.vacancies == len(w["rows"]) > s.open_vacancies  # one closed early
    assert s.candidates == w["candidate_count"] >= 20
    ms, en = s.describe(), s.describe("en")
    assert f"{s.vacancies} kekosongan ({s.open_vacancies} belum ditutup)" in ms
    assert f"{s.candidates} calon" in ms
    assert f"{s.vacancies} vacancies ({s.open_vacancies} not closed)" in en
    assert f"{s.candidates} candidates" in en
    # the registers' counts are still there
    assert f"{s.staff} kakitangan" in ms and f"{s.vacant_posts} daripadanya kosong" in ms


def test_every_step_of_both_kinds_is_some_live_vacancy_s_current_step(office):
    _s, w = office
    counts = {c.key: c.count for c in w["dash"].by_step}
    expected = ([f"HAKIKI:{st.code}" for st in HAKIKI_STEPS]
                + [f"OPERASI:{st.code}" for st in OPERASI_STEPS])
    assert set(counts) == set(expected)
    assert all(counts[k] >= 1 for k in expected), counts
    # and the rows themselves agree
    current = {(r.kind, r.current_step_code) for r in live(w)}
    assert current == {(HAKIKI, st.code) for st in HAKIKI_STEPS} | {
        (OPERASI, st.code) for st in OPERASI_STEPS}


def test_both_kinds_at_both_premises_kinds_including_taska_s27_and_s17(office):
    _s, w = office
    rows = live(w)
    assert {(r.kind, r.premises_kind) for r in rows} == set(product(VacancyKind, PremisesKind))
    taska = {(r.kind, r.grade_code) for r in rows if r.premises_kind is TASKA}
    assert {(OPERASI, "S27"), (OPERASI, "S17")} <= taska
    assert {g for k, g in taska if k is HAKIKI} & {"S27", "S17"}
    assert {r.district for r in rows} and len({r.district for r in rows}) > 1


def test_hakiki_on_vacant_posts_operasi_on_held_posts(office):
    _s, w = office
    posts, staff = w["posts"], w["staff"]
    for r in w["rows"]:
        assert r.reason.kind is r.kind, r
        post = posts[r.post_id]
        if r.kind is OPERASI:
            assert r.incumbent_id == post.incumbent_id is not None, r
            if r.reason is VacancyReason.MATERNITY_LEAVE:
                assert staff[r.incumbent_id].sex == "P", r
        elif r.status is VacancyStatus.CLOSED:  # the contract officer holds it (7.5)
            assert not post.vacant and post.incumbent_since == r.closed_on, r
        elif r.opened_on <= TODAY:
            assert post.vacant, r
        else:  # "akan kosong": the incumbent has given notice
            assert r.incumbent_id == post.incumbent_id is not None, r
    operasi = Counter(r.reason for r in w["rows"] if r.kind is OPERASI)
    assert operasi.most_common(1)[0][0] is VacancyReason.MATERNITY_LEAVE
    assert {VacancyReason.COURSE, VacancyReason.OFFICIAL_DUTY, VacancyReason.SECONDED} <= set(
        operasi)
    # every vacant post has its hakiki vacancy
    vacant = {p.id for p in posts.values() if p.vacant}
    assert vacant == {r.post_id for r in live(w) if r.kind is HAKIKI and r.opened_on <= TODAY}


def test_a_resigned_holder_is_the_last_incumbent_from_the_day_after_he_left(office):
    _s, w = office
    resigned = [r for r in w["rows"] if r.kind is HAKIKI and r.incumbent_id is not None
                and r.opened_on <= TODAY]
    assert resigned
    for r in resigned:
        assert r.reason is VacancyReason.RESIGNED
        assert not w["staff"][r.incumbent_id].active
        [last] = [h for h in w["history"][r.post_id] if h.staff_id == r.incumbent_id]
        assert last.end is not None and r.opened_on == last.end + timedelta(days=1)


# --- dates and letters ---------------------------------------------------------------------

def test_steps_done_in_order_dated_between_the_vacancy_and_today(office):
    _s, w = office
    for r in w["rows"]:
        assert r.opened_on >= TODAY - OLDEST, r
        steps = w["steps"][r.id]
        made = done(steps)
        assert made and steps[:len(made)] == made, r  # a prefix of the kind's table
        days = [st.done_on for st in made]
        assert days == sorted(days) and days[-1] <= TODAY, r
        if r.opened_on <= TODAY:
            assert days[0] >= r.opened_on, r
        else:  # known ahead: only identified so far
            assert len(made) == 1
        assert r.current_step_code == made[-1].code
        for st in made:
            if st.needs_reference:
                assert REFERENCE.match(st.reference), (r.id, st)
            if st.code == INTERVIEW_REPORT:  # 7.4(e): the PSH application goes with it
                assert REFERENCE.match(st.psh_application_ref or ""), (r.id, st)
            else:
                assert st.psh_application_ref is None


def test_each_file_numbers_its_letters_once_in_date_order(office):
    _s, w = office
    letters: dict[str, list[tuple[int, date]]] = {}

    def file_it(ref, on):
        m = REFERENCE.match(ref)
        letters.setdefault(m.group(1), []).append((int(m.group(2)), on))

    for steps in w["steps"].values():
        for st in done(steps):
            if st.needs_reference:
                file_it(st.reference, st.done_on)
            if st.psh_application_ref:
                file_it(st.psh_application_ref, st.done_on)
    for e in w["exercises"]:
        file_it(e.reference, e.held_on)
    assert len(letters) >= 3  # recruitment, operational fillings, PSH applications
    for file, items in letters.items():
        numbers = [n for n, _ in items]
        assert len(numbers) == len(set(numbers)), file
        by_number = [on for _, on in sorted(items)]
        assert by_number == sorted(by_number), file


def test_fillings_follow_their_steps_and_the_filling_table(office):
    _s, w = office
    methods = Counter()
    for r in w["rows"]:
        if r.filled_method is None:
            continue
        methods[(r.kind, r.filled_method)] += 1
        assert r.opened_on <= r.filled_on <= TODAY, r
        allowed = allowed_methods(r.premises_kind, r.kind, r.grade_code, on=TODAY)
        assert r.filled_method.value in allowed, r
        dated = {st.code: st.done_on for st in done(w["steps"][r.id])}
        if r.filled_method is Method.PSH and r.kind is HAKIKI:  # 7.4(b)
            assert r.filled_on >= dated[INTERVIEW_REPORT], r
        if r.kind is OPERASI:  # filled once the Director-General approved (8.2)
            assert r.filled_on >= dated[FILLING_APPROVED], r
    assert methods[(HAKIKI, Method.PSH)] >= 1
    assert methods[(OPERASI, Method.PSH)] >= 1 and methods[(OPERASI, Method.ACTING)] >= 1


def test_taska_s27_operational_vacancies_are_filled_only_by_acting(office):
    _s, w = office
    s27 = [r for r in w["rows"] if r.kind is OPERASI and r.premises_kind is TASKA
           and r.grade_code == "S27"]
    assert s27
    assert any(r.filled_method is not None for r in s27)
    for r in s27:  # 8.2(b), Taska: "hanya urusan tanggung kerja"
        assert r.filled_method in (None, Method.ACTING), r


def test_one_operational_vacancy_closed_early_when_the_incumbent_came_back(office):
    _s, w = office
    [closed] = [r for r in w["rows"] if r.status is VacancyStatus.CLOSED and r.kind is OPERASI]
    assert closed.kind is OPERASI and closed.filled_method is not None
    assert closed.filled_on <= closed.closed_on <= TODAY
    assert closed.expected_end is not None and closed.closed_on < closed.expected_end


# --- candidates ----------------------------------------------------------------------------

def panel_order(cands):
    """The interview panel's own list: successful by rank, then reserve by rank (7.4(b))."""
    cat = {CandidateStatus.BERJAYA: 0, CandidateStatus.SIMPANAN: 1}
    return sorted((c for c in cands if c.category in cat), key=lambda c: (cat[c.category],
                                                                             c.rank))


def test_candidates_past_the_interview_report_in_the_circular_s_order(office):
    _s, w = office
    report = step_number(HAKIKI, INTERVIEW_REPORT)
    past = [r for r in live(w) if r.kind is HAKIKI
            and step_number(HAKIKI, r.current_step_code) >= report]
    assert past
    declined = appointed = 0
    for r in live(w):
        rows = w["candidates"][r.id]
        own = [c for c in rows if c.vacancy_id == r.id and c.exercise_id is None]
        if r.kind is HAKIKI and r not in past:
            assert not own, r  # nobody interviewed yet
    for r in past:
        rows = w["candidates"][r.id]
        own = [c for c in rows if c.vacancy_id == r.id and c.exercise_id is None]
        for cat in (CandidateStatus.BERJAYA, CandidateStatus.SIMPANAN):
            ranks = sorted(c.rank for c in own if c.category is cat)
            assert ranks == list(range(1, len(ranks) + 1)), (r.id, cat)
        assert any(c.category is CandidateStatus.BERJAYA for c in own)
        assert any(c.category is CandidateStatus.SIMPANAN for c in own)
        # positions 1..n first, then those out of the order
        positions = [c.position for c in rows]
        placed = [p for p in positions if p is not None]
        assert placed == list(range(1, len(placed) + 1))
        assert positions[:len(placed)] == placed
        # the vacancy's own pending candidates lead, in the panel's order
        pending = [c for c in panel_order(own) if c.outcome is CandidateOutcome.PENDING]
        assert [c.id for c in rows[:len(pending)]] == [c.id for c in pending]
        for c in rows:
            if c.category is CandidateStatus.LUAR:  # not taken for a hakiki post
                assert c.position is None
            if c.outcome is not CandidateOutcome.PENDING:
                assert c.position is None
        chosen = [c for c in own if c.outcome is CandidateOutcome.APPOINTED]
        declined += sum(c.outcome is CandidateOutcome.DECLINED for c in own)
        if chosen:
            [c] = chosen
            appointed += 1
            assert r.status is VacancyStatus.FILLED and r.filled_method is Method.PSH
            assert c.outcome_on == r.filled_on
            ahead = panel_order(own)[:panel_order(own).index(c)]
            assert all(a.outcome is CandidateOutcome.DECLINED for a in ahead), r.id
        else:
            assert r.filled_method is not Method.PSH
    assert declined >= 1 and appointed >= 1
    assert any(c.category is CandidateStatus.LUAR for r in past for c in w["candidates"][r.id])


def test_an_exercise_s_reserves_serve_the_operational_vacancies(office):
    _s, w = office
    by_id = {r.id: r for r in w["rows"]}
    assert w["exercises"]
    used = 0
    for e in w["exercises"]:
        assert e.grade_code and e.held_on < TODAY - timedelta(days=90)
        cands = w["exercise_candidates"][e.id]
        assert len(cands) == e.candidates >= 3
        assert all(c.category is CandidateStatus.SIMPANAN for c in cands)
        assert [c.rank for c in cands] == list(range(1, len(cands) + 1))
        for c in cands:
            if c.outcome is CandidateOutcome.APPOINTED:
                v = by_id[c.vacancy_id]
                assert v.kind is OPERASI and v.grade_code == e.grade_code
                assert v.filled_method is Method.PSH and v.filled_on == c.outcome_on
                used += 1
    assert used >= 2
    # operational vacancies filled by PSH: exactly one appointed, the first in the order then
    for r in w["rows"]:
        if r.kind is OPERASI and r.filled_method is Method.PSH:
            chosen = [c for c in w["candidates"][r.id] if c.outcome is CandidateOutcome.APPOINTED]
            assert len(chosen) == 1 and chosen[0].vacancy_id == r.id


def test_external_candidates_qualified_in_the_order_the_others_out(office):
    _s, w = office
    luar = [(r, c) for r in w["rows"] if r.kind is OPERASI for c in w["candidates"][r.id]
            if c.category is CandidateStatus.LUAR]
    assert luar
    assert any(c.outcome is CandidateOutcome.APPOINTED for _r, c in luar)
    for _r, c in luar:
        if c.qualification is Qualification.BELOW_SPM:  # 5A(f): not qualified (8.2(a))
            assert c.position is None and c.flags
    assert any(c.qualification is Qualification.BELOW_SPM for _r, c in luar)


# --- dashboard alerts and the monthly return -----------------------------------------------

def test_alerts_show_incumbents_back_soon_overdue_and_unknown(office):
    _s, w = office
    back = [a for a in w["alerts"] if a.kind == "INCUMBENT_RETURNING"]
    soon = [a for a in back if TODAY <= a.due <= TODAY + timedelta(days=ALERT_DAYS)]
    overdue = [a for a in back if a.due < TODAY]
    assert len(soon) >= 2 and overdue
    assert any(a.kind == "EXPECTED_END_MISSING" for a in w["alerts"])
    # each alert points at a live operational vacancy whose expected return it names
    by_id = {r.id: r for r in live(w)}
    for a in back:
        assert by_id[a.entity_id].kind is OPERASI and by_id[a.entity_id].expected_end == a.due
    later = [r for r in live(w) if r.kind is OPERASI and r.expected_end is not None
             and r.expected_end > TODAY + timedelta(days=ALERT_DAYS)]
    assert later and not {r.id for r in later} & {a.entity_id for a in back}


def test_the_monthly_return_lists_the_month_s_live_vacancies(office):
    _s, w = office
    rows = w["return"]
    assert rows
    month_end = date(TODAY.year, TODAY.month + 1, 1) - timedelta(days=1)
    expected = {r.id for r in live(w) if r.opened_on <= month_end}
    assert {x.vacancy_id for x in rows} == expected
    assert {x.kind for x in rows} == set(VacancyKind)
    assert {x.premises_kind for x in rows} == set(PremisesKind)
    assert all(x.current_step_label for x in rows)
    assert any(x.filled_method_label for x in rows)


# --- determinism, earlier steps, other days, the command line --------------------------------

def vacancy_snapshot(db) -> tuple:
    """The vacancies with their steps and candidates, without ids or timestamps."""
    def q(s):
        premises = {p.id: p.code for p in s.scalars(select(Premises))}
        kads = {st.id: st.mykad for st in s.scalars(select(Staff))}
        out = []
        for v in s.scalars(select(Vacancy).order_by(Vacancy.id)):
            steps = tuple((st.code, st.done_on, st.reference, st.psh_application_ref, st.notes)
                          for st in v.steps)
            cands = tuple(sorted((c.mykad, c.name, c.category.value, c.rank or 0,
                                  c.outcome.value, c.outcome_on or date.min)
                                 for c in s.scalars(select(Candidate)
                                                    .where(Candidate.vacancy_id == v.id))))
            out.append((premises[v.premises_id], v.post.grade.code, v.kind, v.reason,
                        kads.get(v.incumbent_id), v.opened_on, v.expected_end, v.status,
                        v.filled_method, v.filled_on, v.closed_on, v.notes, steps, cands))
        return tuple(out)
    return read(db, q)


def registers_snapshot(db) -> tuple:
    def q(s):
        return (tuple(sorted((p.code, p.name, p.district) for p in s.scalars(select(Premises)))),
                tuple(sorted((st.mykad, st.name, st.service_start, st.active)
                             for st in s.scalars(select(Staff)))))
    return read(db, q)


def test_same_seed_same_vacancies_another_seed_others(make_db):
    a, b, c = make_db("a"), make_db("b"), make_db("c")
    assert fill(a, seed=4) == fill(b, seed=4)
    fill(c, seed=5)
    first, second, third = vacancy_snapshot(a), vacancy_snapshot(b), vacancy_snapshot(c)
    assert first == second and len(first) >= 25
    assert first != third


def test_the_vacancy_step_leaves_the_earlier_steps_unchanged(make_db, monkeypatch):
    full = make_db("full")
    fill(full, seed=6)
    without = make_db("without")
    # the fillings step needs the vacancies: without them it has nothing to fill
    monkeypatch.setattr(demo, "DEMO_STEPS", [s for s in demo.DEMO_STEPS if s is not add_vacancies])
    summary = fill(without, seed=6)
    assert summary.vacancies == summary.candidates == summary.psh == summary.acting == 0
    premises, staff = registers_snapshot(full)
    # the full office has one more officer: a successful candidate on her contract (7.5)
    candidates = read(full, lambda s: set(s.scalars(select(Candidate.mykad))))
    registers = (premises, tuple(st for st in staff if st[0] not in candidates))
    assert len(registers[1]) == len(staff) - 1
    assert registers == registers_snapshot(without)


@pytest.mark.parametrize("state, today", [("KDH", date(2031, 2, 28)), ("PJY", date(2026, 1, 5))])
def test_other_offices_and_days(make_db, state, today):
    db = make_db(f"{state}{today:%Y}")
    s = fill(db, state=state, seed=3, today=today)
    w = world(db, today)
    assert all(c.count >= 1 for c in w["dash"].by_step)
    assert {(r.kind, r.premises_kind) for r in live(w)} == set(product(VacancyKind,
                                                                       PremisesKind))
    assert w["return"] and s.open_vacancies == w["dash"].total >= 20
    for r in w["rows"]:
        assert all(st.done_on <= today for st in done(w["steps"][r.id]))


def run_cli(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_demo_seed_2_fills_vacancies(tmp_path):
    target = str(tmp_path / "seed2.sqlite")
    result = run_cli("--db", target, "demo", "--seed", "2")
    assert result.returncode == 0, result.stderr
    assert "(benih 2)" in result.stdout and "kekosongan" in result.stdout
    assert "calon" in result.stdout
    db = open_database(target)
    try:
        today = date.today()  # the command line dates the demo from the clock
        dash = read(db, dashboard_summary, today)
        feed = read(db, open_vacancies_for_return, today.year, today.month)
    finally:
        db.dispose()
    assert dash.total >= 20 and all(c.count >= 1 for c in dash.by_step)
    assert feed
