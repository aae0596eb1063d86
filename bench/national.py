"""Synthetic national data (issue 9): every state's premises, posts, staff, vacancies, PSH,
acting and the month's attendance, written in bulk into a migrated database.

Scale 1 is the national workload of DESIGN.md "Performance": about 2,500 premises, 6,000 posts
and staff, 6,000 vacancies (2,500 live: 800 covered by a PSH, 300 by an acting officer, the rest
open at every step of paras 7 and 8; 3,500 closed ones of earlier years), 800 PSH and 300 acting
in the month, and the PSH's absences of the month. Scale 10 is ten times each.

Rows are inserted with SQLAlchemy Core ``executemany`` on the models' own tables (explicit ids,
so no row is read back), not through the services one by one; they are what the services would
have written, so month close, the return, the registers and start-up read them as they read a
real office's: every MyKad is valid, rates come from ``rules`` (``psh_daily_rate``), terms from
``psh_last_day``/``acting_last_day``, absences fall on working days of the PSH's term, each PSH
has its candidate and its OS29000 commitment.

`python -m bench.national --scale 1 --out national.sqlite` writes one file; ``national_file``
caches them by scale (and month and seed) in a folder, for ``python -m bench``.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, text

from desktop.models import (
    Absence,
    ActingAssignment,
    AllocationCommitment,
    AllocationEntry,
    Candidate,
    Grade,
    GradeSalary,
    Office,
    Post,
    PostIncumbency,
    Premises,
    PshAppointment,
    Staff,
    Vacancy,
    VacancyStep,
)
from desktop.models.acting import FillingStatus
from desktop.rules.acting import acting_last_day
from desktop.rules.allocation import AllocationKind
from desktop.rules.calendar import month_bounds, working_days
from desktop.rules.enums import Method, PremisesKind, VacancyKind
from desktop.rules.psh import psh_daily_rate, psh_last_day
from desktop.rules.psh_appointment import PshStatus
from desktop.rules.states import STATE_CODES
from desktop.rules.vacancy_enums import (
    CandidateOutcome,
    CandidateStatus,
    VacancyReason,
    VacancyStatus,
)
from desktop.rules.workflow import steps_for
from desktop.services.database import open_database
from desktop.services.demo import GRADES, POSTS

# What scale 1 holds (DESIGN.md "Performance"); every count is multiplied by the scale.
BASE = {"premises": 2500, "posts": 6000, "psh": 800, "acting": 300, "open_hakiki": 1000,
        "open_operasi": 400, "closed": 3500}
TASKA_SHARE = 0.4  # 60 % Tabika (2 posts) and 40 % Taska (3): 2.4 posts a premises
ABSENT_SHARE = 0.5  # PSH with an absence in the month (one to three days)
DEFAULT_MONTH = (2026, 10)
CHUNK = 5000  # rows per executemany
WORDS = ("Taman", "Kampung", "Sri", "Bukit", "Seri", "Jaya", "Indah", "Baru", "Permai", "Utama",
         "Desa", "Bandar", "Sungai", "Padang", "Air")
GIVEN = ("Nur Aisyah", "Siti Aminah", "Muhammad Hafiz", "Farah Nadia", "Ahmad Faizal",
         "Nurul Izzah", "Mohd Azlan", "Tan Mei Ling", "Lee Chong Wei", "Kavitha", "Rajesh",
         "Wong Siew Lan", "Aminah", "Zulkifli", "Hidayah")
FATHERS = ("Ahmad", "Yusof", "Rahman", "Ismail", "Hassan", "Abdullah", "Osman", "Ibrahim")
TERM = {"HAKIKI": len(steps_for(VacancyKind.HAKIKI)), "OPERASI": len(steps_for(
    VacancyKind.OPERASI))}


@dataclass(frozen=True)
class NationalSummary:
    scale: float
    year: int
    month: int
    premises: int
    posts: int
    staff: int
    vacancies: int
    live_vacancies: int
    steps: int
    psh: int
    acting: int
    absences: int
    seconds: float

    def describe(self) -> str:
        return (f"scale {self.scale:g} ({self.year}-{self.month:02d}): {self.premises:,} "
                f"premises, {self.posts:,} posts, {self.staff:,} staff, {self.vacancies:,} "
                f"vacancies ({self.live_vacancies:,} live, {self.steps:,} steps), "
                f"{self.psh:,} PSH, {self.acting:,} acting, {self.absences:,} absences; "
                f"written in {self.seconds:.1f} s")


class People:
    """Names and MyKad numbers, unique by construction: the serial is ``i % 10000`` and the
    birth date moves 1,000 days for each further ten thousand people."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.i = 0

    def next(self) -> tuple[str, str, date]:
        i, self.i = self.i, self.i + 1
        serial = i % 10000
        born = date(1972, 1, 1) + timedelta(days=(i // 10000) * 1000 + (serial * 7) % 997)
        place = 1 + i % 14  # a state's birthplace code, 01-14
        mykad = f"{born:%y%m%d}{place:02d}{serial:04d}"
        given = self.rng.choice(GIVEN)
        joiner = "bin" if int(mykad[-1]) % 2 else "binti"
        name = f"{given} {joiner} {self.rng.choice(FATHERS)}"
        return name, mykad, born


def _count(scale: float, key: str) -> int:
    return max(1, round(BASE[key] * scale))


def _insert(conn, model, rows: list[dict]) -> None:
    """Rows keyed by the model's attribute names (``start``) into its table's columns
    (``start_date``), CHUNK at a time."""
    if not rows:
        return
    column = {a.key: a.columns[0].key for a in model.__mapper__.column_attrs}
    keys = [(k, column[k]) for k in rows[0]]
    table = model.__table__
    for i in range(0, len(rows), CHUNK):
        conn.execute(insert(table), [{c: r[k] for k, c in keys} for r in rows[i:i + CHUNK]])


def _steps(vid: int, kind: VacancyKind, done: int, opened: date, seq0: int,
           rng: random.Random, out: list[dict], last_day: date) -> date:
    """The first ``done`` steps of the vacancy's kind, dated in order from ``opened`` and never
    after ``last_day``; returns the date of the last one."""
    day = opened
    for n, step in enumerate(steps_for(kind)[:done]):
        if n:
            day = min(day + timedelta(days=rng.randrange(5, 25)), last_day)
        out.append({"id": seq0 + n, "vacancy_id": vid, "code": step.code, "seq": n + 1,
                    "done_on": day, "reference": f"JPNIN.600-1/2/{vid} ({n + 1})" if n else "",
                    "notes": "", "psh_application_ref": None,
                    "recorded_at": datetime.combine(day, datetime.min.time()),
                    "undone_at": None, "undo_reason": ""})
    return day


def generate(url: str, scale: float = 1, year: int = DEFAULT_MONTH[0],
             month: int = DEFAULT_MONTH[1], seed: int = 1) -> NationalSummary:
    """Write the national data of ``scale`` into the (new, empty) database at ``url``."""
    t0 = time.perf_counter()
    rng = random.Random(f"national:{seed}")
    first, last = month_bounds(year, month)
    db = open_database(url)
    people = People(rng)
    created = datetime(year, month, 1)
    # in the order of the foreign keys: each table only names rows inserted before it
    rows: dict[type, list[dict]] = {m: [] for m in (
        Office, Grade, GradeSalary, Premises, Staff, Post, PostIncumbency, Vacancy, VacancyStep,
        Candidate, PshAppointment, AllocationEntry, AllocationCommitment, ActingAssignment,
        Absence)}
    rows[Office].append({
        "id": 1, "code": "JPNIN-HQ", "name": "Jabatan Perpaduan Negara dan Integrasi Nasional",
        "state": "PJY", "address": "Putrajaya", "phone": "", "email": "", "slogans": "",
        "signer_name": "Pengarah", "signer_title": "Ketua Pengarah", "ref_prefix": "JPNIN.600-1/2/",
        "logo_path": "", "logo_sha": "", "updated_at": created})
    grade_id = {}
    for gid, g in enumerate(GRADES, 1):
        grade_id[g.code] = gid
        rows[Grade].append({"id": gid, "code": g.code, "title": g.title, "active": True})
        for on, salary in g.salaries:
            rows[GradeSalary].append({"id": len(rows[GradeSalary]) + 1, "grade_id": gid,
                                      "effective_from": on, "starting_salary": salary})
    qualification = {g.code: g.qualifications[0][0] for g in GRADES}

    # premises, cycling through the states; their posts by kind (demo.POSTS)
    posts: list[tuple[int, int, str, str]] = []  # post id, premises id, grade code, state
    n_premises = _count(scale, "premises")
    for pid in range(1, n_premises + 1):
        state = STATE_CODES[pid % len(STATE_CODES)]
        kind = PremisesKind.TASKA if rng.random() < TASKA_SHARE else PremisesKind.TABIKA
        part = "TSK" if kind is PremisesKind.TASKA else "TBK"
        rows[Premises].append({
            "id": pid, "code": f"{state}-{part}-{pid:05d}",
            "name": f"{kind.label_ms} {' '.join(rng.sample(WORDS, 2))} {pid}", "kind": kind,
            "state": state, "district": f"Daerah {state} {1 + pid % 9}", "address": "",
            "active": True, "created_at": created, "updated_at": created})
        for code in POSTS[kind]:
            posts.append((len(posts) + 1, pid, code, state))
    for post_id, pid, code, _state in posts:
        rows[Post].append({"id": post_id, "premises_id": pid, "grade_id": grade_id[code],
                           "incumbent_id": None, "active": True})

    order = list(range(len(posts)))
    rng.shuffle(order)
    n_psh, n_acting = _count(scale, "psh"), _count(scale, "acting")
    n_open_h, n_open_o = _count(scale, "open_hakiki"), _count(scale, "open_operasi")
    hakiki_posts = order[:n_psh + n_open_h]  # vacant: their last holder left
    held = order[n_psh + n_open_h:]

    def add_staff(code: str, active: bool, since: date) -> int:
        name, mykad, born = people.next()
        sid = len(rows[Staff]) + 1
        rows[Staff].append({"id": sid, "name": name, "mykad": mykad, "birth_date": born,
                            "sex": "L" if int(mykad[-1]) % 2 else "P",
                            "grade_id": grade_id[code], "service_start": since,
                            "confirmed_on": since + timedelta(days=365),
                            "qualification": qualification[code], "active": active})
        return sid

    incumbent: dict[int, int] = {}  # post index -> staff id
    for i in held:
        post_id, _pid, code, _state = posts[i]
        since = date(2010, 1, 4) + timedelta(days=rng.randrange(4000))
        sid = add_staff(code, True, since)
        incumbent[i] = sid
        rows[Post][i]["incumbent_id"] = sid
        rows[PostIncumbency].append({"id": len(rows[PostIncumbency]) + 1, "post_id": post_id,
                                     "staff_id": sid, "start": since, "end": None, "note": ""})
    former: dict[int, int] = {}
    for i in hakiki_posts:  # the last holder, who resigned: inactive, with a closed holding
        post_id, _pid, code, _state = posts[i]
        since = date(2008, 1, 7) + timedelta(days=rng.randrange(3000))
        sid = add_staff(code, False, since)
        former[i] = sid
        rows[PostIncumbency].append({"id": len(rows[PostIncumbency]) + 1, "post_id": post_id,
                                     "staff_id": sid, "start": since,
                                     "end": since + timedelta(days=400), "note": "Meletak jawatan"})

    step_rows = rows[VacancyStep]

    def vacancy(i: int, kind: VacancyKind, reason: VacancyReason, opened: date, status,
                done: int, incumbent_id: int | None, **extra) -> int:
        post_id, pid, _code, _state = posts[i]
        vid = len(rows[Vacancy]) + 1
        rows[Vacancy].append({
            "id": vid, "post_id": post_id, "premises_id": pid, "kind": kind, "reason": reason,
            "opened_on": opened, "incumbent_id": incumbent_id, "expected_end": None,
            "status": status, "filled_method": None, "filled_on": None, "closed_on": None,
            "close_note": "", "chosen_method": None, "method_reason": "", "method_costs": "",
            "notes": "", "created_at": datetime.combine(opened, datetime.min.time()),
            "updated_at": created, **extra})
        _steps(vid, kind, done, opened, len(step_rows) + 1, rng, step_rows,
               extra.get("filled_on") or last)
        return vid

    # 800 PSH on hakiki vacancies: candidate, appointment (3-month term overlapping the month),
    # commitment of the year
    rows[AllocationEntry].append({
        "id": 1, "year": year, "kind": AllocationKind.INITIAL,
        "amount": Decimal(20_000_000) * Decimal(str(scale)), "entry_date": date(year, 1, 2),
        "reference": "JPNIN.600-1/1/1", "note": "", "created_at": datetime(year, 1, 2)})
    psh_terms = []
    for n, i in enumerate(hakiki_posts[:n_psh]):
        _post, _pid, code, state = posts[i]
        start = first + timedelta(days=rng.randrange(-85, 20))
        end = psh_last_day(start)
        opened = start - timedelta(days=rng.randrange(120, 300))
        vid = vacancy(i, VacancyKind.HAKIKI, VacancyReason.RESIGNED, opened,
                      VacancyStatus.FILLED, 4, former[i], filled_method=Method.PSH,
                      filled_on=start, chosen_method=Method.PSH)
        name, mykad, _born = people.next()
        q = qualification[code]
        cid = len(rows[Candidate]) + 1
        rows[Candidate].append({
            "id": cid, "vacancy_id": vid, "exercise_id": None, "name": name, "mykad": mykad,
            "citizen": True, "public_officer": False, "qualification": q,
            "health_certified": True, "category": CandidateStatus.BERJAYA, "rank": 1,
            "outcome": CandidateOutcome.APPOINTED, "outcome_on": start - timedelta(days=7),
            "outcome_note": "", "created_at": created})
        ended = end < last and n % 3 == 0  # some end in the month, recorded as ended
        rate = psh_daily_rate(q, start)
        psh_id = n + 1
        rows[PshAppointment].append({
            "id": psh_id, "vacancy_id": vid, "candidate_id": cid, "name": name, "mykad": mykad,
            "qualification_held": q, "qualification_used": q, "daily_rate": rate,
            "start": start, "end": end, "kp_approval_ref": f"KP.JPNIN.600-2/5/{psh_id}",
            "kp_approval_date": start - timedelta(days=14),
            "osa_declared_on": start, "health_certified_on": start - timedelta(days=10),
            "status": PshStatus.ENDED if ended else PshStatus.ACTIVE,
            "ended_on": end if ended else None, "end_reason": "Tamat tempoh" if ended else "",
            "created_at": created, "updated_at": created})
        for y in range(start.year, end.year + 1):
            rows[AllocationCommitment].append({
                "id": len(rows[AllocationCommitment]) + 1, "psh_id": psh_id, "year": y,
                "projected": rate * 70, "spent": Decimal("0.00"), "override_reason": None,
                "active": True, "created_at": created, "updated_at": created})
        psh_terms.append((psh_id, state, start, end))

    # the remaining hakiki vacancies, open at every step of para 7
    for n, i in enumerate(hakiki_posts[n_psh:]):
        opened = last - timedelta(days=rng.randrange(10, 400))
        vacancy(i, VacancyKind.HAKIKI, VacancyReason.RESIGNED, opened, VacancyStatus.OPEN,
                1 + n % TERM["HAKIKI"], former[i])

    # operational vacancies on held posts: 300 covered by an officer acting, 400 open at every
    # step of para 8; the acting officers hold other posts (not away themselves)
    away = held[:n_acting + n_open_o]
    officers = held[n_acting + n_open_o:]
    for n, i in enumerate(away[:n_acting]):
        _post, _pid, code, _state = posts[i]
        start = first - timedelta(days=rng.randrange(0, 150))
        end = acting_last_day(start)
        opened = start - timedelta(days=rng.randrange(20, 60))
        vid = vacancy(i, VacancyKind.OPERASI, VacancyReason.MATERNITY_LEAVE, opened,
                      VacancyStatus.FILLED, TERM["OPERASI"], incumbent[i],
                      expected_end=end + timedelta(days=1), filled_method=Method.ACTING,
                      filled_on=start, chosen_method=Method.ACTING)
        rows[ActingAssignment].append({
            "id": n + 1, "vacancy_id": vid, "staff_id": incumbent[officers[n]],
            "grade_id": grade_id[code], "start": start, "end": end,
            "instruction_ref": f"JPNIN.600-1/4/{vid}", "instruction_date": start,
            "approval_ref": f"KP.JPNIN.600-2/6/{vid}", "approval_date": start,
            "authority": "Ketua Pengarah", "unconfirmed_reason": None, "previous_id": None,
            "status": FillingStatus.ACTIVE, "ended_on": None, "end_kind": None,
            "end_reason": "", "created_at": created})
    for n, i in enumerate(away[n_acting:]):
        opened = last - timedelta(days=rng.randrange(5, 90))
        vacancy(i, VacancyKind.OPERASI, VacancyReason.COURSE, opened, VacancyStatus.OPEN,
                1 + n % TERM["OPERASI"], incumbent[i], expected_end=opened + timedelta(days=90))
    live = len(rows[Vacancy])

    # closed vacancies of earlier years, on any post (filled for good by an appointment)
    for _ in range(_count(scale, "closed")):
        i = rng.randrange(len(posts))
        opened = date(year - 6, 1, 1) + timedelta(days=rng.randrange(1500))
        closed = opened + timedelta(days=rng.randrange(150, 300))
        vacancy(i, VacancyKind.HAKIKI, VacancyReason.RETIRED, opened, VacancyStatus.CLOSED,
                TERM["HAKIKI"], None, closed_on=closed, close_note="Diisi secara tetap")
        for s in step_rows[-TERM["HAKIKI"]:]:  # the steps fall within the vacancy's life
            s["done_on"] = min(s["done_on"], closed)

    # the month's attendance: one to three full days away, on the PSH's working days
    for psh_id, state, start, end in psh_terms:
        if rng.random() >= ABSENT_SHARE:
            continue
        days = working_days(state, max(start, first), min(end, last))
        for day in rng.sample(days, min(len(days), rng.randint(1, 3))):
            rows[Absence].append({"id": len(rows[Absence]) + 1, "psh_id": psh_id, "day": day,
                                  "kind": "FULL", "note": "", "created_at": created})

    with db.engine.begin() as conn:
        for model, batch in rows.items():
            _insert(conn, model, batch)
        if db.engine.dialect.name == "postgresql":  # explicit ids: move the sequences on
            for model in rows:
                t = model.__table__.name
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), "
                                  f"GREATEST((SELECT MAX(id) FROM {t}), 1))"))
    db.dispose()
    return NationalSummary(scale, year, month, n_premises, len(posts), len(rows[Staff]),
                           len(rows[Vacancy]), live, len(step_rows), len(rows[PshAppointment]),
                           len(rows[ActingAssignment]), len(rows[Absence]),
                           time.perf_counter() - t0)


def national_file(folder: Path, scale: float, year: int = DEFAULT_MONTH[0],
                  month: int = DEFAULT_MONTH[1], seed: int = 1) -> Path:
    """The national SQLite file of ``scale`` in ``folder``, generated on first use (a file
    half-written by an interrupted run is never reused: it is written under another name)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"national-x{scale:g}-{year}-{month:02d}-s{seed}.sqlite"
    if not path.exists():
        part = path.with_suffix(".part")
        part.unlink(missing_ok=True)
        generate(str(part), scale, year, month, seed)
        part.rename(path)
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1)
    ap.add_argument("--out", required=True, help="SQLite file (new) or database URL (empty)")
    ap.add_argument("--month", default=f"{DEFAULT_MONTH[0]}-{DEFAULT_MONTH[1]:02d}")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    year, month = (int(x) for x in args.month.split("-"))
    print(generate(args.out, args.scale, year, month, args.seed).describe())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
