"""The demo office: realistic, reproducible, valid MyKad numbers, refuses a database with data."""

import os
import random
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from stdnum.my import nric

from desktop.models import AuditRecord, Grade, GradeSalary, Office, Post, Premises, Staff
from desktop.rules import STATE_CODES, Refused
from desktop.rules.enums import PremisesKind, Qualification
from desktop.services import audit
from desktop.services.database import is_empty, open_database
from desktop.services.demo import DemoSummary, fill_demo
from desktop.services.demo_names import (
    district_names,
    district_slots,
    name_lists,
    place_names,
    state_geo,
)
from desktop.services.premises import PremisesForm, add_premises
from desktop.services.unit import perform, read

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 3, 15)

# Written from the reference (reference/calendars-and-mykad.md), not from the code.
SELANGOR_BIRTHPLACES = {"10", "41", "42", "43", "44"}
SELANGOR_DISTRICTS = {"Gombak", "Hulu Langat", "Hulu Selangor", "Klang", "Kuala Langat",
                      "Kuala Selangor", "Petaling", "Sabak Bernam", "Sepang"}
# Number of districts (daerah / jajahan) per state, as gazetted.
DISTRICT_COUNTS = {"JHR": 10, "KDH": 12, "KTN": 10, "MLK": 3, "NSN": 7, "PHG": 11, "PNG": 5,
                   "PRK": 12, "SGR": 9, "TRG": 8, "SBH": 27}


def fill(db, state="SGR", seed=7, today=TODAY) -> DemoSummary:
    return perform(db, fill_demo, state=state, seed=seed, today=today, actor="demo").result


def snapshot(db) -> dict:
    """Everything the demo writes, as plain tuples without ids or timestamps."""
    def q(s):
        grade = {g.id: g.code for g in s.scalars(select(Grade))}
        staff_kad = {st.id: st.mykad for st in s.scalars(select(Staff))}
        prem = {p.id: p.code for p in s.scalars(select(Premises))}
        return {
            "office": [(o.code, o.name, o.address, o.phone, o.email, o.slogans, o.signer_name,
                        o.signer_title, o.ref_prefix) for o in s.scalars(select(Office))],
            "grades": sorted((grade[r.grade_id], r.effective_from, r.starting_salary)
                             for r in s.scalars(select(GradeSalary))),
            "premises": sorted((p.code, p.name, p.kind.value, p.state, p.district, p.address,
                                p.active) for p in s.scalars(select(Premises))),
            "staff": sorted((st.mykad, st.name, grade[st.grade_id], st.service_start,
                             st.confirmed_on, st.qualification.value, st.active)
                            for st in s.scalars(select(Staff))),
            "posts": sorted((prem[p.premises_id], grade[p.grade_id],
                             staff_kad.get(p.incumbent_id, "")) for p in s.scalars(select(Post))),
        }
    return read(db, q)


@pytest.fixture(scope="module")
def sgr(tmp_path_factory):
    """One Selangor demo office, read by the tests that only look at it."""
    db = open_database(str(tmp_path_factory.mktemp("sgr") / "sgr.sqlite"))
    summary = fill(db)
    data = snapshot(db)
    yield db, summary, data
    db.dispose()


def birth_date(mykad: str, today: date) -> date:
    """YYMMDD with the latest century that does not put the birth after today."""
    yy, mm, dd = int(mykad[:2]), int(mykad[2:4]), int(mykad[4:6])
    born = date(2000 + yy, mm, dd)
    return born if born <= today else date(1900 + yy, mm, dd)


def age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def is_male_name(name: str) -> bool | None:
    words = f" {name} "
    if " bin " in words or " a/l " in words:
        return True
    if " binti " in words or " a/p " in words:
        return False
    return None  # Chinese names do not say


# --- the resources -------------------------------------------------------------------------

def test_districts_cover_every_state_and_the_real_counts():
    with (ROOT / "resources/geo/districts.toml").open("rb") as f:
        assert set(tomllib.load(f)) == set(STATE_CODES)
    assert set(district_names("SGR")) == SELANGOR_DISTRICTS
    for state, n in DISTRICT_COUNTS.items():
        names = district_names(state)
        assert len(names) == n == len(set(names)), state
    for state in STATE_CODES:
        for d in state_geo(state)["districts"]:
            assert len(d["postcode"]) == 5 and d["postcode"].isdigit(), (state, d)


def test_every_place_list_names_a_real_district():
    places = place_names()
    for state in STATE_CODES:
        assert set(places.get(state, {})) <= set(district_names(state)), state


def test_district_slots_share_by_weight_and_never_repeat_when_few():
    districts = [{"name": "A", "weight": 3}, {"name": "B"}, {"name": "C"}, {"name": "D"}]
    slots = Counter(d["name"] for d in district_slots(random.Random(1), districts, 15))
    # one each, then the other 11 in proportion 3:1:1:1 -> 5.5, 1.83, 1.83, 1.83
    assert sum(slots.values()) == 15 and slots["A"] in (6, 7) and min(slots.values()) >= 2
    few = [d["name"] for d in district_slots(random.Random(1), districts, 3)]
    assert len(few) == len(set(few)) == 3


# --- one Selangor office -------------------------------------------------------------------

def test_counts_in_the_stated_ranges(sgr):
    _db, s, data = sgr
    assert 54 <= s.tabika <= 66 and 10 <= s.taska <= 14
    assert s.premises == s.tabika + s.taska == len(data["premises"])
    assert 130 <= s.staff <= 170 and s.staff == len(data["staff"])
    assert s.posts == len(data["posts"])
    assert 0.05 * s.posts <= s.vacant_posts <= 0.15 * s.posts
    assert s.vacant_posts == sum(1 for p in data["posts"] if not p[2])
    kinds = Counter(p[2] for p in data["premises"])
    assert kinds == {"TABIKA": s.tabika, "TASKA": s.taska}


def test_premises_are_in_real_selangor_districts(sgr):
    _db, s, data = sgr
    used = {p[4] for p in data["premises"]}
    assert used <= SELANGOR_DISTRICTS
    assert len(used) > 5 and s.districts == len(used)
    for code, name, kind, state, _district, address, active in data["premises"]:
        assert state == "SGR" and active and address
        part = "TBK" if kind == "TABIKA" else "TSK"
        assert code.startswith(f"SGR-{part}-") and len(code) == len("SGR-TBK-001")
        assert name.startswith("Tabika Perpaduan " if kind == "TABIKA"
                               else "Taska PERMATA Perpaduan ")
    assert len({p[1] for p in data["premises"]}) == len(data["premises"])  # names unique
    per_district = Counter(p[4] for p in data["premises"])
    assert per_district["Petaling"] > per_district["Sabak Bernam"]  # populous gets more
    assert len({p[0] for p in data["premises"]}) == len(data["premises"])


def test_office_row(sgr):
    _db, _s, data = sgr
    [(code, name, address, phone, email, slogans, signer, title, ref)] = data["office"]
    assert code == "JPNIN-SGR"
    assert name == "Jabatan Perpaduan Negara dan Integrasi Nasional Negeri Selangor"
    assert "Shah Alam" in address and "40000" in address
    assert phone.startswith("03-") and "@" in email and slogans
    assert title == "Pengarah JPNIN Negeri Selangor" and signer
    assert ref == "JPNIN.SGR.600-1/2/"


def test_grades_with_dated_starting_salaries(sgr):
    db, s, data = sgr
    codes = {g[0] for g in data["grades"]}
    assert {"S17", "S27"} <= codes and s.grades == len(codes) >= 4
    for _code, effective, salary in data["grades"]:
        assert isinstance(salary, Decimal) and salary > 0 and effective <= TODAY
    titles = read(db, lambda ses: {g.code: g.title for g in ses.scalars(select(Grade))})
    assert "Pendidik" in titles["S27"] and "Pembantu Pendidik" in titles["S17"]


def test_posts_per_premises_and_incumbents(sgr):
    _db, _s, data = sgr
    kinds = {p[0]: p[2] for p in data["premises"]}
    grade_of_staff = {st[0]: st[2] for st in data["staff"]}
    active = {st[0] for st in data["staff"] if st[6]}
    by_premises: dict[str, list[str]] = {}
    for premises, grade, incumbent in data["posts"]:
        by_premises.setdefault(premises, []).append(grade)
        if incumbent:
            assert grade_of_staff[incumbent] == grade and incumbent in active
    tabika_grades = set()
    for code, grades in by_premises.items():
        if kinds[code] == "TASKA":
            assert 3 <= len(grades) <= 4 and set(grades) == {"S17", "S27"}, code
        else:
            assert len(grades) == 2 and len(set(grades)) == 2, code
            tabika_grades |= set(grades)
    assert set(by_premises) == set(kinds)  # every premises has posts
    assert len(tabika_grades) == 2 and not tabika_grades & {"S17", "S27"}
    incumbents = [p[2] for p in data["posts"] if p[2]]
    assert len(incumbents) == len(set(incumbents)) == len(active)  # one post each


def test_every_mykad_is_valid_unique_and_matches_age_sex_and_place(sgr):
    _db, _s, data = sgr
    kads = [st[0] for st in data["staff"]]
    assert len(kads) == len(set(kads))
    home = 0
    for kad, name, *_ in data["staff"]:
        assert nric.is_valid(kad), kad
        born = birth_date(kad, TODAY)
        # 20: a successful candidate (20 to 40) on the contract appointment (7.5)
        assert 20 <= age(born, TODAY) <= 58, (kad, born)
        male = is_male_name(name)
        if male is not None:
            assert (int(kad[-1]) % 2 == 1) == male, (name, kad)
        place = kad[6:8]
        assert "01" <= place <= "16" or "21" <= place <= "59", kad
        home += place in SELANGOR_BIRTHPLACES
    assert home > len(kads) / 2  # most were born in the office's state


def test_three_communities_and_mostly_women(sgr):
    _db, _s, data = sgr
    names = [st[1] for st in data["staff"]]
    surnames = set(name_lists()["chinese"]["surnames"])
    malay = sum(" bin " in n or " binti " in n for n in names)
    indian = sum(" a/l " in n or " a/p " in n for n in names)
    chinese = sum(n.split()[0] in surnames and is_male_name(n) is None for n in names)
    assert malay > len(names) / 2 and indian >= 5 and chinese >= 5
    assert malay + indian + chinese == len(names)
    women = sum(int(st[0][-1]) % 2 == 0 for st in data["staff"])
    assert women > len(names) / 2 and women < len(names)


def test_service_dates_and_qualifications(sgr):
    _db, _s, data = sgr
    confirmed = unconfirmed = new = 0
    for kad, _name, _grade, start, confirmed_on, _qual, _active in data["staff"]:
        assert start <= TODAY
        assert age(birth_date(kad, TODAY), start) >= 18
        assert start.weekday() <= 3  # Monday to Thursday: a working day in every state
        if confirmed_on is None:
            unconfirmed += 1
        else:
            assert start < confirmed_on <= TODAY
            confirmed += 1
        new += start > TODAY - timedelta(days=365)
    assert confirmed > 0.6 * len(data["staff"]) and unconfirmed >= 3 and 1 <= new < unconfirmed
    quals = Counter(st[5] for st in data["staff"])
    assert len(set(quals) & {"SPM", "STPM", "DIPLOMA", "IJAZAH"}) >= 3
    pendidik = [st[5] for st in data["staff"] if st[2] == "S27"]
    assert pendidik and all(Qualification(q).level >= Qualification.DIPLOMA.level
                            for q in pendidik)


def test_one_audit_record_for_the_registers_and_a_sound_chain(sgr):
    """The registers are written in bulk under one "demo" record, the last; the vacancies,
    steps, candidates, allocation, PSH, acting and attendance went through their services,
    which audit each change (a contract appointment's holding of its post too)."""
    db, s, _data = sgr
    records = read(db, lambda ses: [(r.action, r.entity, r.actor)
                                    for r in ses.scalars(select(AuditRecord)
                                                         .order_by(AuditRecord.id))])
    assert records[-1] == ("demo", "office", "demo")
    assert {actor for _a, _e, actor in records} == {"demo"}
    entities = {e for _a, e, _actor in records[:-1]}
    assert {"vacancy", "vacancy_step", "candidate", "recruitment_exercise", "allocation_entry",
            "allocation_commitment", "psh", "acting", "office_holiday", "absence"} <= entities
    assert entities <= {"vacancy", "vacancy_step", "candidate", "recruitment_exercise",
                        "allocation_entry", "allocation_commitment", "psh", "psh_extension",
                        "acting", "acting_interruption", "post", "post_incumbency",
                        "office_holiday", "absence"}
    assert sum(a == "tambah" and e == "absence" for a, e, _ in records) == s.absences
    assert sum(a == "tambah" and e == "office_holiday" for a, e, _ in records) == 1
    assert sum(a == "lantik" and e == "psh" for a, e, _ in records) == s.psh
    assert sum(a == "tambah" and e == "acting" for a, e, _ in records) == s.acting
    assert sum(a == "buka" for a, _e, _actor in records) == s.vacancies
    assert sum(a == "tambah" and e == "candidate" for a, e, _ in records) == s.candidates
    assert read(db, audit.verify_chain) is None
    assert not is_empty(db)


def test_describe_in_malay_and_english(sgr):
    _db, s, _data = sgr
    ms = s.describe()
    assert ms == s.describe("ms") and "Negeri Selangor" in ms and "daerah" in ms
    assert f"{s.premises} premis" in ms and f"{s.staff} kakitangan" in ms
    en = s.describe("en")
    assert f"{s.premises} premises" in en and "vacant" in en
    assert f"in {s.districts} districts," in en
    one = DemoSummary("PJY", 1, 60, 50, 10, 1, 4, 120, 130, 13)
    assert "in 1 district," in one.describe("en") and "Putrajaya" in one.describe("ms")


# --- determinism -----------------------------------------------------------------------------

def test_same_seed_same_office_other_seed_another(make_db):
    a, b, c = make_db("a"), make_db("b"), make_db("c")
    assert fill(a, seed=42) == fill(b, seed=42)
    fill(c, seed=43)
    first, second, third = snapshot(a), snapshot(b), snapshot(c)
    assert first == second
    assert first["premises"] != third["premises"] and first["staff"] != third["staff"]


def test_dates_follow_today(make_db):
    later = date(2031, 2, 28)
    db = make_db("later")
    fill(db, today=later)
    for kad, *_rest in snapshot(db)["staff"]:
        assert 20 <= age(birth_date(kad, later), later) <= 58
        assert nric.is_valid(kad)


# --- refusals --------------------------------------------------------------------------------

def test_refuses_a_database_that_holds_data_and_leaves_it_unchanged(db):
    perform(db, add_premises, PremisesForm(code="P1", name="Tabika Perpaduan Kg. Asal",
                                           kind="TABIKA", state="SGR", district="Klang"))
    before = snapshot(db)
    audits = read(db, lambda s: s.scalar(select(func.count()).select_from(AuditRecord)))
    with pytest.raises(Refused) as info:
        fill(db)
    [v] = info.value.violations
    assert v.code == "DATABASE_NOT_EMPTY" and "kosong" in v.message("ms")
    assert snapshot(db) == before
    assert read(db, lambda s: s.scalar(select(func.count()).select_from(AuditRecord))) == audits


def test_refuses_a_second_fill(db):
    fill(db)
    before = snapshot(db)
    with pytest.raises(Refused) as info:
        fill(db, seed=8)
    assert info.value.violations[0].code == "DATABASE_NOT_EMPTY"
    assert snapshot(db) == before


@pytest.mark.parametrize("kwargs, field", [
    ({"state": "XYZ"}, "state"), ({"state": ""}, "state"), ({"seed": "abc"}, "seed"),
    ({"seed": 1.5}, "seed"), ({"today": "2026-01-01"}, "today"),
])
def test_bad_arguments_are_refused_and_write_nothing(db, kwargs, field):
    args = {"state": "SGR", "seed": 1, "today": TODAY, **kwargs}
    with pytest.raises(Refused) as info:
        perform(db, fill_demo, **args)
    assert info.value.fields == (field,)
    assert is_empty(db)


# --- every state -----------------------------------------------------------------------------

@pytest.mark.parametrize("state", STATE_CODES)
def test_every_state(make_db, state):
    db = make_db(state)
    s = fill(db, state=state, seed=3)
    data = snapshot(db)
    districts = set(district_names(state))
    assert {p[4] for p in data["premises"]} <= districts
    assert len({p[4] for p in data["premises"]}) == min(len(districts), s.premises)
    assert all(p[3] == state and p[0].startswith(f"{state}-") for p in data["premises"])
    assert state_geo(state)["formal"] in data["office"][0][1]
    assert all(nric.is_valid(st[0]) for st in data["staff"])
    assert s.staff >= 130 and s.vacant_posts > 0


def test_fill_is_fast(db):
    started = time.perf_counter()
    fill(db)
    assert time.perf_counter() - started < 3.0


# --- the command line ------------------------------------------------------------------------

def run_cli(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_demo_then_refuses_a_second_run(tmp_path):
    target = str(tmp_path / "kdh.sqlite")
    first = run_cli("--db", target, "demo", "--state", "KDH", "--seed", "3")
    assert first.returncode == 0, first.stderr
    assert "Pejabat demo JPNIN Negeri Kedah (benih 3)" in first.stdout
    assert "Tabika" in first.stdout and "kakitangan" in first.stdout
    second = run_cli("--db", target, "demo", "--state", "KDH", "--seed", "3")
    assert second.returncode == 1
    assert "sudah mengandungi data" in second.stderr and second.stdout == ""
    db = open_database(target)
    try:
        kedah = read(db, lambda s: set(s.scalars(select(Premises.district))))
        kinds = read(db, lambda s: set(s.scalars(select(Premises.kind))))
    finally:
        db.dispose()
    assert kedah <= set(district_names("KDH")) and kinds == set(PremisesKind)


def test_demo_staff_and_holdings_agree_with_the_registers(db):
    """Birth date and sex match the MyKad; every incumbent has an open holding since service
    start; former holders' holdings are closed."""
    from desktop.rules.mykad import parse_mykad
    from desktop.services.posts import list_posts, post_history
    from desktop.services.staff import list_staff
    from desktop.services.unit import perform, read

    summary = perform(db, fill_demo, state="SGR", seed=5, actor="demo").result
    staff = read(db, list_staff)
    for s in staff:
        info = parse_mykad(s.mykad)
        assert (s.birth_date, s.sex) == (info.birth_date, info.sex)
    posts = read(db, list_posts)
    assert sum(p.vacant for p in posts) == summary.vacant_posts
    by_id = {s.id: s for s in staff}
    closed = 0
    for p in posts:
        history = read(db, post_history, p.id)
        if p.incumbent_id is not None:
            assert history[-1].end is None and history[-1].staff_id == p.incumbent_id
            assert history[-1].start == by_id[p.incumbent_id].service_start
        closed += sum(1 for h in history if h.end is not None)
    assert closed == sum(1 for s in staff if not s.active)
