"""The demo office's vacancies, candidates and recruitment exercises: the step ``add_vacancies``.

It gives the vacancy register, the dashboard and the monthly return real content:

* a HAKIKI vacancy on every vacant post (resigned holders' posts name the holder), and one "akan
  kosong" at a Taska (an officer has given notice), spread over every step of para 7: the older
  the vacancy, the further it has gone. Those past the interview report (7.4) have their
  successful and reserve candidates, some of whom declined, and some are covered by a PSH
  appointed from them in the circular's order;
* OPERASI vacancies on held posts (:data:`OPERASI_SLOTS`: maternity leave most often, a course,
  official duty, a secondment) at every step of para 8, with the incumbent due back soon,
  overdue, later or at no known date; some to be covered by PSH or acting (a Taska Pendidik S27
  only by acting, 8.2(b)), one whose incumbent came back early;
* recruitment exercises (:data:`EXERCISES`) whose reserve lists the operational vacancies draw
  on, and a few external (LUAR) candidates.

Everything is recorded through the services (``vacancies``, ``workflow``, ``candidates``) with
the demo's ``ctx`` and ``today=plan.today``, so the demo passes the checks a user's entries pass
and is audited like them. The story is planned first (who, what, which dates), then its letters
are numbered in date order in the office's files, then it is recorded.

How each vacancy is covered (``method``, refusals, the planned date filled, the day an incumbent
came back) is planned here but recorded by the next step, ``demo_fillings.add_fillings``,
through the PSH and acting services, which fill (and close) the vacancy themselves: the plans
are left on ``plan.vacancies`` with their ids.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.models import Post, PostIncumbency, Staff
from desktop.rules.acting import acting_last_day, add_months
from desktop.rules.calendar import is_working_day
from desktop.rules.enums import Method, PremisesKind, Qualification, VacancyKind
from desktop.rules.filling import allowed_methods
from desktop.rules.vacancy_enums import CandidateStatus, VacancyReason, date_ms, method_label
from desktop.rules.workflow import FILLING_APPROVED, INTERVIEW_REPORT, steps_for
from desktop.services.candidates import (
    CandidateForm,
    ExerciseForm,
    add_candidate,
    add_exercise,
)
from desktop.services.demo_names import COMMUNITIES, Person, PersonMaker, age_on, name_lists
from desktop.services.unit import Ctx
from desktop.services.vacancies import VacancyForm, close_vacancy, open_vacancy
from desktop.services.workflow import record_step

if TYPE_CHECKING:
    from desktop.services.demo import DemoPlan

HAKIKI, OPERASI = VacancyKind.HAKIKI, VacancyKind.OPERASI
R = VacancyReason
TABIKA, TASKA = PremisesKind.TABIKA, PremisesKind.TASKA
Q = Qualification

# The office's files the letters go in: "JPNIN.SGR.600-1/2/" + file + " (enclosure number)".
FILE_RECRUITMENT = "3 Jld.2"  # advertising, interviews and appointments (para 7)
FILE_OPERASI = "4 Jld.1"  # fillings of operational vacancies (para 8)
FILE_PSH = "5 Jld.1"  # applications to appoint PSH (7.4(e))

# Days from the vacancy's date to its identification, then from each step of para 7 to the next
# (the advert runs some weeks before the interview approval; the offer follows the report).
HAKIKI_GAPS = ((0, 10), (7, 21), (21, 45), (14, 30), (14, 30), (5, 14))
OPERASI_GAPS = ((0, 3), (1, 7), (7, 21))
# The reasons of a vacant post whose last holder is not in the staff register, by weight.
HAKIKI_REASONS = ((R.RETIRED, 3), (R.TRANSFERRED, 2), (R.PROMOTED, 1), (R.OTHER_SCHEME, 1),
                  (R.NEW_POST, 1))
NOTICE_DAYS = 30  # an officer who resigns gives a month's notice
MATERNITY_DAYS = 90
MATERNITY_MAX_AGE = 42
DURATIONS = {R.MATERNITY_LEAVE: (MATERNITY_DAYS, MATERNITY_DAYS), R.COURSE: (60, 120),
             R.OFFICIAL_DUTY: (21, 45), R.SECONDED: (180, 365)}
# Candidates' highest qualifications by the grade they are interviewed for, by weight: at least
# what the job calls for (resources/rates/job_qualification.toml, 5A(h)), as a panel passes.
CANDIDATE_QUALIFICATIONS = {
    "S22": ((Q.DIPLOMA, 0.75), (Q.IJAZAH, 0.25)),
    "S11": ((Q.SPM, 0.8), (Q.STPM, 0.2)),
    "S27": ((Q.DIPLOMA, 0.7), (Q.IJAZAH, 0.3)),
    "S17": ((Q.SPM, 0.7), (Q.STPM, 0.2), (Q.DIPLOMA, 0.1)),
}
HEALTH_CERTIFIED_SHARE = 0.85
HAKIKI_FILLED_SHARE = 0.4  # of those past the interview report, beyond the first two
EXERCISES = (("S17", 5), ("S11", 5))  # grade, reserve candidates
COURSES = ("Kursus Kurikulum PERMATA Negara", "Kursus Pendidikan Awal Kanak-kanak",
           "Kursus Kepimpinan Pendidik Prasekolah", "Kursus Pengurusan Kelas Perpaduan")
DUTIES = ("Urus setia Program Rukun Tetangga peringkat negeri",
          "Jurulatih Kem Perpaduan Prasekolah", "Urus setia Karnival Perpaduan negeri")
SECONDMENTS = ("Dipinjamkan ke Ibu Pejabat JPNIN, Putrajaya.",
               "Ditukar sementara ke Taska PERMATA Perpaduan yang baharu dibuka.")
LIMIT_DAYS = (3, 12)  # the acting near its six-month limit reaches it this many days ahead


@dataclass(frozen=True)
class OperasiSlot:
    """One operational vacancy of the demo: where, why, how far along, how it ends."""

    premises: PremisesKind
    grade: str
    reason: VacancyReason
    steps: int  # how many steps of para 8 are done (1..3)
    method: Method | None  # how it is covered once approved; None: not (yet) covered
    end: str  # "soon" (back within 14 days), "overdue", "later", "none" (unknown),
    # "future" (leave starts next week), "closed" (back early: the vacancy is closed),
    # "limit" (a long secondment whose acting nears its six-month limit, 6A(c))
    declines: int = 0  # candidates first in the order who decline before one is appointed
    story: str = ""  # what else happens to its filling (demo_fillings): "pause" (a short
    # interruption of the acting), "resumed" (an interruption of 14 days or more, 6A(f))


OPERASI_SLOTS: tuple[OperasiSlot, ...] = (
    OperasiSlot(TASKA, "S27", R.MATERNITY_LEAVE, 3, Method.ACTING, "later", story="pause"),
    OperasiSlot(TASKA, "S27", R.COURSE, 2, None, "soon"),
    OperasiSlot(TASKA, "S17", R.MATERNITY_LEAVE, 3, Method.PSH, "soon", declines=1),
    OperasiSlot(TASKA, "S17", R.OFFICIAL_DUTY, 1, None, "later"),
    OperasiSlot(TABIKA, "S22", R.MATERNITY_LEAVE, 3, Method.PSH, "later"),
    OperasiSlot(TABIKA, "S22", R.MATERNITY_LEAVE, 3, None, "soon"),
    OperasiSlot(TABIKA, "S22", R.SECONDED, 3, Method.ACTING, "none", story="resumed"),
    OperasiSlot(TABIKA, "S22", R.SECONDED, 3, Method.ACTING, "limit"),
    OperasiSlot(TABIKA, "S22", R.COURSE, 3, Method.PSH, "closed"),
    OperasiSlot(TABIKA, "S22", R.OFFICIAL_DUTY, 2, None, "soon"),
    OperasiSlot(TABIKA, "S11", R.MATERNITY_LEAVE, 3, Method.PSH, "overdue"),
    OperasiSlot(TABIKA, "S11", R.MATERNITY_LEAVE, 3, Method.PSH, "later"),
    OperasiSlot(TABIKA, "S11", R.MATERNITY_LEAVE, 2, None, "later"),
    OperasiSlot(TABIKA, "S11", R.MATERNITY_LEAVE, 1, None, "future"),
    OperasiSlot(TABIKA, "S11", R.COURSE, 1, None, "later"),
)


# ---------------------------------------------------------------------------------------------
# the plan


@dataclass
class Letter:
    """A step as planned; ``reference`` (and the PSH application's) are numbered later."""

    code: str
    on: date
    notes: str = ""
    reference: str = ""
    psh_ref: str | None = None


@dataclass
class PlannedCandidate:
    person: Person
    category: CandidateStatus
    rank: int | None
    qualification: Qualification
    health_certified: bool
    public_officer: bool = False


@dataclass
class PlannedVacancy:
    post: Post
    kind: VacancyKind
    reason: VacancyReason
    opened_on: date
    steps: list[Letter]
    # the last holder when the register has them (hakiki), else None: for an operational
    # vacancy the service takes the post's incumbent
    incumbent: Staff | None = None
    expected_end: date | None = None
    notes: str = ""
    candidates: list[PlannedCandidate] = field(default_factory=list)
    method: Method | None = None
    declines: int = 0
    declined_on: date | None = None
    filled_on: date | None = None  # planned: the fillings step may move it to a working day
    closed_on: date | None = None
    close_note: str = ""
    story: str = ""  # see OperasiSlot.story
    id: int | None = None  # once recorded


@dataclass
class PlannedExercise:
    grade: str
    held_on: date
    title: str
    candidates: list[PlannedCandidate]
    reference: str = ""


def _workday(day: date) -> date:
    """Move a date back to the Thursday of its week when it falls on Friday to Sunday: letters
    go out Monday to Thursday, working days in every state."""
    return day - timedelta(days=max(0, day.weekday() - 3))


def _dates(rng: random.Random, start: date, latest: date,
           gaps: tuple[tuple[int, int], ...]) -> list[date]:
    """Working-day dates after ``start``, each a drawn gap after the one before, squeezed to end
    by ``latest`` when they would run past it; in order, never before ``start``."""
    offsets = [0]
    for lo, hi in gaps:
        offsets.append(offsets[-1] + rng.randint(lo, hi))
    span = max(0, (latest - start).days)
    if offsets[-1] > span:
        offsets = [o * span // offsets[-1] for o in offsets]
    return [max(start, _workday(start + timedelta(days=o))) for o in offsets[1:]]


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


class People:
    """Candidates: unique names and MyKad numbers, none of them a staff member's."""

    def __init__(self, rng: random.Random, plan: DemoPlan):
        self.rng = rng
        self.maker = PersonMaker(rng, plan.state, plan.today)
        self.staff_kads = {s.mykad for s in plan.staff}
        self.staff_names = {s.name for s in plan.staff}
        self.shares = [name_lists()[c]["share"] for c in COMMUNITIES]

    def person(self) -> Person:
        while True:
            community = self.rng.choices(COMMUNITIES, self.shares)[0]
            p = self.maker.person(community, min_age=20, max_age=40)
            if p.mykad not in self.staff_kads and p.name not in self.staff_names:
                return p

    def candidate(self, grade: str, category: CandidateStatus, rank: int | None,
                  qualification: Qualification | None = None) -> PlannedCandidate:
        person = self.person()
        qual = qualification or _weighted(self.rng, CANDIDATE_QUALIFICATIONS.get(
            grade, ((Q.SPM, 1),)))
        return PlannedCandidate(person, category, rank, qual,
                                self.rng.random() < HEALTH_CERTIFIED_SHARE)


def _former_holders(ctx: Ctx) -> dict[int, PostIncumbency]:
    """The closed holding of each post whose last holder left (the post is vacant since)."""
    rows = ctx.session.execute(select(PostIncumbency).where(PostIncumbency.end.is_not(None)))
    return {h.post_id: h for h in rows.scalars()}


def _plan_hakiki(rng: random.Random, plan: DemoPlan, people: People,
                 former: dict[int, PostIncumbency]) -> list[PlannedVacancy]:
    today = plan.today
    made = []
    for post in plan.posts:
        if post.incumbent is not None or not post.active:
            continue
        held = former.get(post.id)
        if held is not None:  # resigned (the holding's note says so): vacant the day after
            made.append(PlannedVacancy(post, HAKIKI, R.RESIGNED, held.end + timedelta(days=1), [],
                                       incumbent=held.staff))
            continue
        reason = _weighted(rng, HAKIKI_REASONS)
        opened = today - timedelta(days=rng.randint(10, 155))
        if reason is R.NEW_POST:
            notes = "Jawatan baharu diluluskan bagi kelas tambahan."
        else:
            notes = f"Penyandang terakhir: {people.person().name} (tiada dalam daftar kakitangan)."
        made.append(PlannedVacancy(post, HAKIKI, reason, opened, [], notes=notes))
    # The older the vacancy, the further along para 7: the oldest sixth at 7.6, and so on, so
    # that every step has some vacancy waiting at it.
    made.sort(key=lambda v: (v.opened_on, v.post.id))
    n, codes = len(made), [s.code for s in steps_for(HAKIKI)]
    past_report = 0
    for i, v in enumerate(made):
        depth = len(codes) - (i * len(codes)) // n
        latest = max(v.opened_on, today - timedelta(days=rng.randint(1, 21)))
        days = _dates(rng, v.opened_on, latest, HAKIKI_GAPS[:depth])
        v.steps = [Letter(code, day) for code, day in zip(codes, days, strict=False)]
        _hakiki_notes(rng, v)
        if depth >= codes.index(INTERVIEW_REPORT) + 1:
            _interview(rng, plan, people, v, past_report)
            past_report += 1
    return made


def _hakiki_notes(rng: random.Random, v: PlannedVacancy) -> None:
    notes = {
        "AD_APPROVAL_ASKED": "Permohonan kelulusan mengiklankan jawatan dihantar kepada Ketua "
                             "Pengarah.",
        "INTERVIEW_APPROVAL_ASKED": f"Bersama PLP; {rng.randint(6, 28)} permohonan diterima "
                                    "melalui iklan.",
        "APPOINTMENT_DELIVERED": "Surat tawaran dan perjanjian kontrak diserahkan kepada calon "
                                 "berjaya.",
        "DOCUMENTS_RETURNED": "Borang lapor diri dan perjanjian yang ditandatangani dihantar ke "
                              "Ibu Pejabat.",
    }
    for step in v.steps:
        step.notes = notes.get(step.code, "")


def _interview(rng: random.Random, plan: DemoPlan, people: People, v: PlannedVacancy,
               nth: int) -> None:
    """The interview for the vacancy, its report (7.4) and candidates, and whether a PSH from
    them covers it: the first two vacancies past the report always (the first after a refusal),
    the others at random."""
    report = next(s for s in v.steps if s.code == INTERVIEW_REPORT)
    before = v.steps[[s.code for s in v.steps].index(INTERVIEW_REPORT) - 1].on
    held = max(before, _workday(report.on - timedelta(days=rng.randint(3, 10))))
    grade = v.post.grade.code
    successful, reserve = (1 if rng.random() < 0.8 else 2), rng.randint(2, 3)
    v.candidates = ([people.candidate(grade, CandidateStatus.BERJAYA, r)
                     for r in range(1, successful + 1)]
                    + [people.candidate(grade, CandidateStatus.SIMPANAN, r)
                       for r in range(1, reserve + 1)])
    if nth == 1:  # someone who wrote in directly: listed, but not taken for a hakiki post (7.4(b))
        v.candidates.append(people.candidate(grade, CandidateStatus.LUAR, None))
    report.notes = (f"Temu duga pada {date_ms(held)}: {successful} calon berjaya, {reserve} "
                    "calon simpanan; dikemukakan serentak dengan permohonan PSH.")
    report.psh_ref = ""  # numbered with the letters
    if nth < 2 or rng.random() < HAKIKI_FILLED_SHARE:
        v.method = Method.PSH
        v.declines = 1 if nth == 0 or rng.random() < 0.3 else 0
        _cover(rng, plan, v, report.on)


def _cover(rng: random.Random, plan: DemoPlan, v: PlannedVacancy, approved: date,
           until: date | None = None) -> None:
    """Dates of the refusals (if any) and of the filling, after ``approved``, by today and by
    ``until`` (the last day the duty needs covering); not covered when no day is left."""
    last = min(plan.today, until or plan.today)
    if approved > last:
        v.method, v.declines = None, 0
        return
    if v.declines:
        v.declined_on = min(last, approved + timedelta(days=rng.randint(2, 6)))
        approved = v.declined_on
    v.filled_on = max(v.opened_on, min(last, approved + timedelta(days=rng.randint(2, 12))))


def _future_hakiki(rng: random.Random, plan: DemoPlan, used: set[int]) -> PlannedVacancy | None:
    """A Taska officer has given notice: the post will be vacant in a month ("akan kosong")."""
    held = [p for p in plan.posts if p.premises.kind is TASKA and p.incumbent is not None
            and p.active and p.id not in used]
    if not held:
        return None
    post = rng.choice(held)
    identified = _workday(plan.today - timedelta(days=rng.randint(0, 6)))
    return PlannedVacancy(post, HAKIKI, R.RESIGNED, identified + timedelta(days=NOTICE_DAYS),
                          [Letter("IDENTIFIED", identified)], incumbent=post.incumbent,
                          notes=f"Notis letak jawatan {NOTICE_DAYS} hari diterima pada "
                                f"{date_ms(identified)}.")


def _operasi_post(rng: random.Random, plan: DemoPlan, slot: OperasiSlot, used: set[int]
                  ) -> tuple[Post, VacancyReason] | None:
    def held(p: Post) -> bool:
        return (p.active and p.incumbent is not None and p.id not in used
                and p.premises.kind is slot.premises and p.grade.code == slot.grade)

    def may_give_birth(p: Post) -> bool:
        s = p.incumbent
        return s.sex == "P" and s.birth_date is not None and (
            age_on(s.birth_date, plan.today) <= MATERNITY_MAX_AGE)

    posts = [p for p in plan.posts if held(p)]
    reason = slot.reason
    if reason is R.MATERNITY_LEAVE:
        mothers = [p for p in posts if may_give_birth(p)]
        if not mothers:
            reason = R.COURSE
        else:
            posts = mothers
    return (rng.choice(posts), reason) if posts else None


def _limit_start(rng: random.Random, state: str, today: date) -> date:
    """A working day on which an acting started so that its six-month limit (6A(c)) falls a
    few days after ``today``: the dashboard warns of it (14 days ahead)."""
    for ahead in range(rng.randint(*LIMIT_DAYS), 14):
        start = add_months(today, -6) + timedelta(days=ahead)
        while acting_last_day(start) <= today:
            start += timedelta(days=1)
        while not is_working_day(state, start):
            start += timedelta(days=1)
        if 0 < (acting_last_day(start) - today).days <= 14:
            return start
    return _workday(add_months(today, -6) + timedelta(days=LIMIT_DAYS[0]))


def _operasi_dates(rng: random.Random, today: date, reason: VacancyReason, end: str,
                   story: str = "") -> tuple[date, date | None, date | None]:
    """(vacancy's date, expected return, date closed) for the slot's ending."""
    lo, hi = DURATIONS.get(reason, (30, 90))
    length = rng.randint(lo, hi)
    closed = None
    if end == "none":  # a resumed acting needs the weeks of its interruption behind it
        return today - timedelta(days=rng.randint(75 if story else 30, 120)), None, None
    if end == "future":
        opened = today + timedelta(days=rng.randint(5, 12))
    elif end == "closed":
        opened = today - timedelta(days=rng.randint(40, 60))
        closed = today - timedelta(days=rng.randint(3, 12))
        return opened, max(opened + timedelta(days=length - 1),
                           today + timedelta(days=rng.randint(20, 60))), closed
    else:
        back = {"soon": (1, 13), "overdue": (-6, -2), "later": (20, 75)}[end]
        expected = today + timedelta(days=rng.randint(*back))
        opened = expected - timedelta(days=length - 1)
        if opened > today - timedelta(days=10):  # a short absence: it began a little while ago
            opened = today - timedelta(days=rng.randint(10, 30))
    return opened, opened + timedelta(days=length - 1), closed


def _plan_operasi(rng: random.Random, plan: DemoPlan, people: People, used: set[int]
                  ) -> list[PlannedVacancy]:
    today = plan.today
    made = []
    codes = [s.code for s in steps_for(OPERASI)]
    for slot in OPERASI_SLOTS:
        found = _operasi_post(rng, plan, slot, used)
        if found is None:
            continue
        post, reason = found
        used.add(post.id)
        acting_start = None
        if slot.end == "limit":  # approved within days of the vacancy: the acting began then
            acting_start = _limit_start(rng, plan.state, today)
            opened = acting_start - timedelta(days=rng.randint(4, 8))
            expected, closed = opened + timedelta(days=rng.randint(270, 365)), None
        else:
            opened, expected, closed = _operasi_dates(rng, today, reason, slot.end, slot.story)
        if opened > today:  # known ahead: identified (and applied for) before it begins
            start = today - timedelta(days=rng.randint(2, 6))
            latest = today
        else:
            start = opened
            latest = max(opened, (closed - timedelta(days=5)) if closed
                         else (acting_start - timedelta(days=1)) if acting_start
                         else today - timedelta(days=rng.randint(0, 7)))
        days = _dates(rng, start, latest, OPERASI_GAPS[:slot.steps])
        v = PlannedVacancy(post, OPERASI, reason, opened,
                           [Letter(c, d) for c, d in zip(codes, days, strict=False)],
                           expected_end=expected, notes=_absence_note(rng, reason),
                           story=slot.story)
        methods = allowed_methods(post.premises.kind, OPERASI, post.grade.code, on=today)
        method = slot.method
        if method is not None and method.value not in methods:
            method = Method.ACTING  # allowed for every post (8.2(b))
        proposed = method or (Method.PSH if Method.PSH.value in methods else Method.ACTING)
        for step in v.steps[1:]:
            step.notes = (f"Cadangan: {method_label(proposed).lower()}; bersama pengesahan "
                          "peruntukan OS29000." if step.code != FILLING_APPROVED else
                          f"Diluluskan oleh Ketua Pengarah: {method_label(proposed).lower()}.")
        if method is not None and v.steps[-1].code == FILLING_APPROVED and opened <= today:
            v.method, v.declines = method, slot.declines
            # covered until the day before the incumbent is back (or expected back)
            back = [d for d in (closed, expected) if d is not None]
            _cover(rng, plan, v, v.steps[-1].on,
                   min(back) - timedelta(days=1) if back else None)
            if acting_start is not None and v.method is not None:
                v.filled_on = acting_start
        if method is Method.PSH and post.grade.code not in dict(EXERCISES):
            # no reserve list for this grade: people who applied directly, one not qualified
            v.candidates = [people.candidate(post.grade.code, CandidateStatus.LUAR, None),
                            people.candidate(post.grade.code, CandidateStatus.LUAR, None,
                                             Q.BELOW_SPM)]
        if closed is not None:
            v.closed_on = closed
            v.close_note = "Penyandang kembali bertugas lebih awal daripada jangkaan (5A(s))."
        made.append(v)
    return made


def _absence_note(rng: random.Random, reason: VacancyReason) -> str:
    if reason is R.MATERNITY_LEAVE:
        return f"Cuti bersalin {MATERNITY_DAYS} hari."
    if reason is R.COURSE:
        return f"{rng.choice(COURSES)}."
    if reason is R.OFFICIAL_DUTY:
        return f"{rng.choice(DUTIES)}."
    if reason is R.SECONDED:
        return rng.choice(SECONDMENTS)
    return ""


def _plan_exercises(rng: random.Random, plan: DemoPlan, people: People
                    ) -> list[PlannedExercise]:
    made = []
    for code, reserves in EXERCISES:
        if code not in plan.grades:
            continue
        held = _workday(plan.today - timedelta(days=rng.randint(180, 270)))
        made.append(PlannedExercise(
            code, held, f"Temu duga {plan.grades[code].title} {held.year}",
            [people.candidate(code, CandidateStatus.SIMPANAN, r) for r in range(1, reserves + 1)]))
    return made


def _number_letters(rng: random.Random, plan: DemoPlan, vacancies: list[PlannedVacancy],
                    exercises: list[PlannedExercise]) -> None:
    """Each letter gets the next enclosure number of its file, in date order."""
    letters = []  # (date, order, file, object, attribute)
    for e in exercises:
        letters.append((e.held_on, len(letters), FILE_RECRUITMENT, e, "reference"))
    for v in vacancies:
        kind_file = FILE_RECRUITMENT if v.kind is HAKIKI else FILE_OPERASI
        for step in v.steps[1:]:  # the first step (identified) sends no letter
            letters.append((step.on, len(letters), kind_file, step, "reference"))
            if step.psh_ref is not None:
                letters.append((step.on, len(letters), FILE_PSH, step, "psh_ref"))
    counters = {f: rng.randint(8, 40) for f in (FILE_RECRUITMENT, FILE_OPERASI, FILE_PSH)}
    prefix = plan.office.ref_prefix if plan.office else ""
    for _on, _order, file, obj, attr in sorted(letters, key=lambda t: (t[0], t[1])):
        counters[file] += 1
        setattr(obj, attr, f"{prefix}{file} ({counters[file]})")


# ---------------------------------------------------------------------------------------------
# recording it through the services


def _candidate_form(c: PlannedCandidate, **scope) -> CandidateForm:
    return CandidateForm(name=c.person.name, mykad=c.person.mykad, category=c.category.value,
                         rank=c.rank, citizen=True, public_officer=c.public_officer,
                         qualification=c.qualification.value,
                         health_certified=c.health_certified, **scope)


def _record_vacancy(ctx: Ctx, plan: DemoPlan, v: PlannedVacancy) -> int:
    """Open the vacancy, record its steps and candidates, and close it when the incumbent is
    back and nothing covered it (the fillings step closes the others); its id."""
    today = plan.today
    first, *rest = v.steps
    vid = open_vacancy(ctx, VacancyForm(
        post_id=v.post.id, kind=v.kind.value, reason=v.reason.value, opened_on=v.opened_on,
        incumbent_id=v.incumbent.id if v.incumbent else None, expected_end=v.expected_end,
        notes=v.notes, identified_on=first.on, identified_ref=first.reference), today=today)
    for s in rest:
        record_step(ctx, vid, s.code, s.on, s.reference, s.notes, s.psh_ref, today=today)
    for c in v.candidates:
        add_candidate(ctx, _candidate_form(c, vacancy_id=vid))
    if v.closed_on is not None and v.method is None:
        close_vacancy(ctx, vid, v.closed_on, v.close_note, today=today)
    return vid


def add_vacancies(ctx: Ctx, rng: random.Random, plan: DemoPlan) -> None:
    """Vacancies of both kinds at every step, exercises and candidates (see the module)."""
    ctx.session.flush()  # the services take ids: give the registers made so far theirs
    people = People(rng, plan)
    hakiki = _plan_hakiki(rng, plan, people, _former_holders(ctx))
    used = {v.post.id for v in hakiki}  # one live vacancy per post
    future = _future_hakiki(rng, plan, used)
    if future is not None:
        hakiki.append(future)
        used.add(future.post.id)
    operasi = _plan_operasi(rng, plan, people, used)
    exercises = _plan_exercises(rng, plan, people)
    _number_letters(rng, plan, hakiki + operasi, exercises)

    today = plan.today
    for e in exercises:
        eid = add_exercise(ctx, ExerciseForm(title=e.title, held_on=e.held_on,
                                             reference=e.reference,
                                             grade_id=plan.grades[e.grade].id), today=today)
        plan.extra.setdefault("exercises", []).append(eid)
        for c in e.candidates:
            add_candidate(ctx, _candidate_form(c, exercise_id=eid))
    for v in hakiki + operasi:
        v.id = _record_vacancy(ctx, plan, v)
        plan.extra.setdefault("vacancies", []).append(v.id)
        plan.vacancies.append(v)
