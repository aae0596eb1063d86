"""The demo office: fill an empty database with a realistic, reproducible JPNIN state office.

``fill_demo(ctx, state="SGR", seed=1)`` runs the steps of :data:`DEMO_STEPS` in order, in the
caller's transaction (``perform(db, fill_demo, state=..., seed=...)``), flushes once and writes
one audit record. The same seed (and the same ``today``) gives the same records.

The steps: the office, grades, premises, posts and staff (written in bulk), then the vacancies
(``demo_vacancies``), their fillings with the OS29000 allocation (``demo_fillings``) and the
attendance of the last three full months and this one (``demo_attendance``), all through the
services.

Adding a step:

1. Write ``def add_things(ctx: Ctx, rng: random.Random, plan: DemoPlan) -> None``. Read what
   earlier steps made from ``plan`` (``plan.posts``, ``plan.staff``, ``plan.today`` ...). Either
   add new ORM objects with ``ctx.session.add_all``, linked by relationship (``post=...``)
   rather than by id, so that nothing needs a flush before the final one; or, better where a
   service exists, call the services with the same ``ctx`` and ``today=plan.today`` (they
   validate and audit): then flush first, since they take ids. ``add_vacancies``
   (``demo_vacancies``) does the latter. Keep what later steps need on the plan: in
   ``plan.extra["vacancies"]`` (ids), or as a new field of :class:`DemoPlan`.
2. Append it to :data:`DEMO_STEPS`, and add its count to :class:`DemoSummary` and
   :meth:`DemoSummary.describe` when users should see it.

Each step draws from its own ``random.Random`` seeded by the demo seed and the step's name, so
a new step never changes what the earlier ones make. Never use the global ``random`` nor the
clock: dates are relative to ``plan.today``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from desktop.models import (
    Absence,
    ActingAssignment,
    Candidate,
    FillingStatus,
    GantianAppointment,
    Grade,
    GradeSalary,
    Office,
    OfficeHoliday,
    Post,
    PostIncumbency,
    Premises,
    PshAppointment,
    Staff,
    Vacancy,
)
from desktop.rules import Refused, RuleViolation, invalid, is_state
from desktop.rules.enums import PremisesKind, Qualification
from desktop.rules.money import format_rm
from desktop.rules.psh_appointment import PshStatus
from desktop.rules.vacancy_enums import VacancyStatus
from desktop.services.allocation import balance
from desktop.services.demo_attendance import add_attendance
from desktop.services.demo_fillings import add_fillings
from desktop.services.demo_names import (
    PersonMaker,
    PlaceNames,
    community_quota,
    district_slots,
    phone_number,
    postal_line,
    premises_address,
    state_geo,
)
from desktop.services.demo_vacancies import PlannedVacancy, add_vacancies
from desktop.services.unit import Ctx

Q = Qualification
TABIKA, TASKA = PremisesKind.TABIKA, PremisesKind.TASKA


@dataclass(frozen=True)
class DemoGrade:
    code: str
    title: str
    kind: PremisesKind
    salaries: tuple[tuple[date, Decimal], ...]  # (effective from, starting salary)
    qualifications: tuple[tuple[Qualification, float], ...]  # highest qualification, weight


# The grades a demo office uses. S17 and S27 are the Taska grades the circular names (para 8);
# the Tabika teacher and assistant grades and every starting salary here are illustrative (no
# public table gives them: reference/statutory-rates.md): the administrator enters the real ones.
GRADES: tuple[DemoGrade, ...] = (
    DemoGrade("S22", "Guru Tabika Perpaduan", TABIKA,
              ((date(2016, 1, 1), Decimal("1597.00")), (date(2024, 12, 1), Decimal("1836.55"))),
              ((Q.SPM, 0.35), (Q.STPM, 0.2), (Q.DIPLOMA, 0.35), (Q.IJAZAH, 0.1))),
    DemoGrade("S11", "Pembantu Guru Tabika Perpaduan", TABIKA,
              ((date(2016, 1, 1), Decimal("1250.00")), (date(2024, 12, 1), Decimal("1437.50"))),
              ((Q.SPM, 0.85), (Q.STPM, 0.15))),
    DemoGrade("S27", "Pendidik Taska PERMATA Perpaduan", TASKA,
              ((date(2016, 1, 1), Decimal("1879.00")), (date(2024, 12, 1), Decimal("2160.85"))),
              ((Q.DIPLOMA, 0.7), (Q.IJAZAH, 0.3))),
    DemoGrade("S17", "Pembantu Pendidik Taska PERMATA Perpaduan", TASKA,
              ((date(2016, 1, 1), Decimal("1352.00")), (date(2024, 12, 1), Decimal("1554.80"))),
              ((Q.SPM, 0.75), (Q.STPM, 0.15), (Q.DIPLOMA, 0.1))),
)
# Posts of each premises, by grade code: a Tabika class has a teacher and an assistant; a Taska a
# Pendidik and two Pembantu Pendidik, and in about half of them a third Pembantu.
POSTS = {TABIKA: ("S22", "S11"), TASKA: ("S27", "S17", "S17")}
TASKA_EXTRA_POST, TASKA_EXTRA_SHARE = "S17", 0.5
TABIKA_RANGE, TASKA_RANGE = (56, 64), (10, 14)
VACANT_SHARE = 0.10
FORMER_STAFF = 4  # inactive former incumbents (resigned) of some vacant posts
CODE_PART = {TABIKA: "TBK", TASKA: "TSK"}
SLOGANS = ("MALAYSIA MADANI", "BERKHIDMAT UNTUK NEGARA")


@dataclass
class DemoPlan:
    """What the steps have made so far; each step reads it and adds to it."""

    state: str
    seed: int
    today: date
    office: Office | None = None
    grades: dict[str, Grade] = field(default_factory=dict)  # by code
    premises: list[Premises] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    staff: list[Staff] = field(default_factory=list)
    # the vacancy step's plans (with the vacancies' ids), for the fillings step
    vacancies: list[PlannedVacancy] = field(default_factory=list)
    extra: dict[str, list] = field(default_factory=dict)  # later steps' records, by kind

    @property
    def geo(self) -> dict:
        return state_geo(self.state)


DemoStep = Callable[[Ctx, random.Random, DemoPlan], None]


def add_office(ctx: Ctx, rng: random.Random, plan: DemoPlan) -> None:
    geo, state = plan.geo, plan.state
    director = PersonMaker(rng, state, plan.today).person("malay", min_age=45, max_age=58)
    plan.office = Office(
        code=f"JPNIN-{state}",
        name=f"Jabatan Perpaduan Negara dan Integrasi Nasional {geo['formal']}",
        state=state,
        address=(f"Tingkat {rng.randint(2, 9)}, Wisma Persekutuan, {geo['office_street']}, "
                 + postal_line(geo["capital_postcode"], geo["capital"], state)),
        phone=phone_number(rng, geo),
        email=f"jpnin.{state.lower()}@perpaduan.gov.my",
        slogans="\n".join(SLOGANS),
        signer_name=director.name,
        signer_title=f"Pengarah JPNIN {geo['formal']}",
        ref_prefix=f"JPNIN.{state}.600-1/2/",
    )
    ctx.session.add(plan.office)


def add_grades(ctx: Ctx, rng: random.Random, plan: DemoPlan) -> None:
    for g in GRADES:
        grade = Grade(code=g.code, title=g.title, active=True)
        grade.salaries = [GradeSalary(effective_from=d, starting_salary=s) for d, s in g.salaries]
        plan.grades[g.code] = grade
    ctx.session.add_all(plan.grades.values())


def add_premises(ctx: Ctx, rng: random.Random, plan: DemoPlan) -> None:
    state = plan.state
    n_tabika, n_taska = rng.randint(*TABIKA_RANGE), rng.randint(*TASKA_RANGE)
    slots = district_slots(rng, plan.geo["districts"], n_tabika + n_taska)
    kinds = [TASKA] * n_taska + [TABIKA] * n_tabika
    places = PlaceNames(rng, state)
    made = []
    for kind, district in zip(kinds, slots, strict=True):
        place = places.take(district["name"])
        made.append((kind, district, place, premises_address(rng, place, district, state)))
    # Codes run by district and place, as an office numbers its register.
    made.sort(key=lambda m: (m[0].value, m[1]["name"], m[2]))
    counters = dict.fromkeys(CODE_PART, 0)
    for kind, district, place, address in made:
        counters[kind] += 1
        plan.premises.append(Premises(
            code=f"{state}-{CODE_PART[kind]}-{counters[kind]:03d}",
            name=f"{kind.label_ms} {place}", kind=kind, state=state,
            district=district["name"], address=address, active=True))
    ctx.session.add_all(plan.premises)


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _working_start(day: date) -> date:
    """Move a date to the Monday-Thursday of its week, working days in every state."""
    return day - timedelta(days=max(0, day.weekday() - 3))


def _service(rng: random.Random, birth: date, today: date) -> tuple[date, date | None]:
    """Service start and confirmation: most confirmed, some not yet, a few under a year in."""
    room = (today - birth).days - 20 * 365  # nobody started before about twenty
    roll = rng.random()
    if roll < 0.07:
        lo, hi, confirmed = 30, 360, False
    elif roll < 0.17:
        lo, hi, confirmed = 365, 3 * 365, False
    else:
        lo, hi, confirmed = 2 * 365, 25 * 365, True
    hi = min(hi, room)
    if hi < lo:
        lo, hi, confirmed = 30, min(360, max(room, 30)), False
    start = _working_start(today - timedelta(days=rng.randint(lo, hi)))
    if not confirmed:
        return start, None
    confirmed_on = min(start + timedelta(days=365 + rng.randrange(365)), today)
    return start, confirmed_on


def _staff(rng: random.Random, plan: DemoPlan, maker: PersonMaker, community: str,
           grade_code: str, active: bool) -> Staff:
    person = maker.person(community)
    start, confirmed = _service(rng, person.birth, plan.today)
    spec = next(g for g in GRADES if g.code == grade_code)
    return Staff(name=person.name, mykad=person.mykad, grade=plan.grades[grade_code],
                 birth_date=person.birth, sex="L" if person.male else "P",
                 service_start=start, confirmed_on=confirmed,
                 qualification=_weighted(rng, spec.qualifications), active=active)


def add_posts_and_staff(ctx: Ctx, rng: random.Random, plan: DemoPlan) -> None:
    for p in plan.premises:
        codes = list(POSTS[p.kind])
        if p.kind is TASKA and rng.random() < TASKA_EXTRA_SHARE:
            codes.append(TASKA_EXTRA_POST)
        plan.posts.extend(Post(premises=p, grade=plan.grades[c], active=True) for c in codes)
    vacant = set(rng.sample(range(len(plan.posts)), round(VACANT_SHARE * len(plan.posts))))
    former = sorted(vacant)[:FORMER_STAFF]
    filled = [i for i in range(len(plan.posts)) if i not in vacant]
    communities = community_quota(rng, len(filled) + len(former))
    maker = PersonMaker(rng, plan.state, plan.today)
    holdings: list[PostIncumbency] = []
    for i, community in zip(filled + former, communities, strict=True):
        post = plan.posts[i]
        s = _staff(rng, plan, maker, community, post.grade.code, active=i not in vacant)
        if i not in vacant:
            post.incumbent = s
            holdings.append(PostIncumbency(post=post, staff=s, start=s.service_start))
        else:  # a former holder who resigned a few months ago: the post's history shows it
            left = max(plan.today - timedelta(days=30 + rng.randrange(150)), s.service_start)
            holdings.append(PostIncumbency(post=post, staff=s, start=s.service_start, end=left,
                                           note="Meletak jawatan"))
        plan.staff.append(s)
    ctx.session.add_all(plan.posts)
    ctx.session.add_all(plan.staff)
    ctx.session.add_all(holdings)


DEMO_STEPS: list[DemoStep] = [add_office, add_grades, add_premises, add_posts_and_staff,
                              add_vacancies, add_fillings, add_attendance]


@dataclass(frozen=True)
class DemoSummary:
    state: str
    seed: int
    premises: int
    tabika: int
    taska: int
    districts: int
    grades: int
    staff: int
    posts: int
    vacant_posts: int
    vacancies: int = 0  # every vacancy recorded, closed ones included
    open_vacancies: int = 0  # not closed: open, or filled for the time being
    candidates: int = 0  # of the vacancies and of the recruitment exercises
    psh: int = 0  # PSH appointments, ended ones included
    active_psh: int = 0
    acting: int = 0  # acting assignments, ended ones included
    active_acting: int = 0
    gantian: int = 0  # none until the administrator fills the honorarium table
    allocation_year: int = 0
    allocation_available: Decimal = Decimal("0.00")  # the OS29000 balance of that year
    absences: int = 0  # full days of absence of the PSH, the last three full months and this
    office_holidays: int = 0

    def _attendance(self, lang: str) -> str:
        if lang == "en":
            return (f"; {self.absences} {'absence' if self.absences == 1 else 'absences'} and "
                    f"{self.office_holidays} office "
                    f"{'holiday' if self.office_holidays == 1 else 'holidays'} over the last "
                    "three full months and this one; no duty trips (the Lampiran A rate table "
                    "is still empty)")
        return (f"; {self.absences} hari tidak hadir dan {self.office_holidays} cuti peristiwa "
                "bagi tiga bulan penuh lalu dan bulan ini; tiada tuntutan perjalanan (jadual "
                "kadar Lampiran A belum diisi)")

    def _fillings(self, lang: str) -> str:
        balance = format_rm(self.allocation_available)
        if lang == "en":
            gantian = (f"{self.gantian} replacement officers" if self.gantian else
                       "no replacement officer (the honorarium table is still empty)")
            return (f"; {self.psh} PSH ({self.active_psh} active), {self.acting} acting "
                    f"{'assignment' if self.acting == 1 else 'assignments'} "
                    f"({self.active_acting} active), {gantian}; OS29000 balance for "
                    f"{self.allocation_year}: {balance}")
        gantian = (f"{self.gantian} pegawai gantian" if self.gantian else
                   "tiada pegawai gantian (jadual bayaran saguhati belum diisi)")
        return (f"; {self.psh} PSH ({self.active_psh} aktif), {self.acting} penanggungan kerja "
                f"({self.active_acting} aktif), {gantian}; baki peruntukan OS29000 "
                f"{self.allocation_year}: {balance}")

    def describe(self, lang: str = "ms") -> str:
        office = f"JPNIN {state_geo(self.state)['formal']}"
        if lang == "en":
            return (f"Demo office {office} (seed {self.seed}) filled: {self.premises} premises "
                    f"({self.tabika} Tabika, {self.taska} Taska) in {self.districts} "
                    f"{'district' if self.districts == 1 else 'districts'}, "
                    f"{self.grades} grades, {self.staff} staff and {self.posts} posts, "
                    f"{self.vacant_posts} of them vacant; {self.vacancies} "
                    f"{'vacancy' if self.vacancies == 1 else 'vacancies'} "
                    f"({self.open_vacancies} not closed) and {self.candidates} "
                    f"{'candidate' if self.candidates == 1 else 'candidates'}"
                    f"{self._fillings('en')}{self._attendance('en')}.")
        return (f"Pejabat demo {office} (benih {self.seed}) telah diisi: {self.premises} premis "
                f"({self.tabika} Tabika, {self.taska} Taska) di {self.districts} daerah, "
                f"{self.grades} gred, {self.staff} kakitangan dan {self.posts} jawatan, "
                f"{self.vacant_posts} daripadanya kosong; {self.vacancies} kekosongan "
                f"({self.open_vacancies} belum ditutup) dan {self.candidates} calon"
                f"{self._fillings('ms')}{self._attendance('ms')}.")


NOT_EMPTY = RuleViolation(
    "DATABASE_NOT_EMPTY", None,
    "Pangkalan data ini sudah mengandungi data (pejabat, premis, gred, jawatan atau kakitangan); "
    "demo hanya boleh diisi ke dalam pangkalan data kosong.",
    "This database already holds data (office, premises, grades, posts or staff); "
    "the demo fills only an empty database.")


def _holds_data(ctx: Ctx) -> bool:
    return any(ctx.session.execute(select(func.count()).select_from(m)).scalar_one()
               for m in (Office, Premises, Grade, Post, Staff))


def _clean(state, seed, today) -> tuple[str, int, date]:
    problems = []
    code = str(state or "").strip().upper()
    if not is_state(code):
        problems.append(invalid("state", f"Negeri '{state}' tidak dikenali.",
                                f"Unknown state '{state}'."))
    if isinstance(seed, bool) or not isinstance(seed, int):
        problems.append(invalid("seed", f"Benih mesti nombor bulat, bukan '{seed}'.",
                                f"The seed must be a whole number, not '{seed}'."))
    if today is None:
        today = date.today()
    elif isinstance(today, datetime):
        today = today.date()
    elif not isinstance(today, date):
        problems.append(invalid("today", f"Tarikh '{today}' tidak sah.",
                                f"'{today}' is not a date."))
    if problems:
        raise Refused(problems)
    return code, seed, today


def fill_demo(ctx: Ctx, state: str = "SGR", seed: int = 1, today: date | None = None
              ) -> DemoSummary:
    """Fill an empty database with a demo office of ``state``; the same seed, the same office.

    Refuses (``DATABASE_NOT_EMPTY``) a database that holds any office, premises, grade, post
    or staff, and bad arguments, before writing anything.
    """
    state, seed, today = _clean(state, seed, today)
    if _holds_data(ctx):
        raise Refused(NOT_EMPTY)
    plan = DemoPlan(state, seed, today)
    for step in DEMO_STEPS:
        step(ctx, random.Random(f"{seed}:{step.__name__}"), plan)
    ctx.session.flush()

    def count(model, *where) -> int:
        return ctx.session.execute(select(func.count()).select_from(model).where(*where)
                                   ).scalar_one()

    # staff and holders from the database: a contract appointment (7.5) adds both
    summary = DemoSummary(
        state=state, seed=seed, premises=len(plan.premises),
        tabika=sum(p.kind is TABIKA for p in plan.premises),
        taska=sum(p.kind is TASKA for p in plan.premises),
        districts=len({p.district for p in plan.premises}), grades=len(plan.grades),
        staff=count(Staff), posts=len(plan.posts),
        vacant_posts=count(Post, Post.incumbent_id.is_(None)),
        vacancies=count(Vacancy),
        open_vacancies=count(Vacancy, Vacancy.status != VacancyStatus.CLOSED),
        candidates=count(Candidate),
        psh=count(PshAppointment),
        active_psh=count(PshAppointment, PshAppointment.status == PshStatus.ACTIVE),
        acting=count(ActingAssignment),
        active_acting=count(ActingAssignment,
                            ActingAssignment.status == FillingStatus.ACTIVE),
        gantian=count(GantianAppointment), allocation_year=today.year,
        allocation_available=balance(ctx.session, today.year).available,
        absences=count(Absence), office_holidays=count(OfficeHoliday))
    ctx.audit("demo", "office", plan.office.id, None,
              {**asdict(summary), "today": today, **{k: len(v) for k, v in plan.extra.items()}})
    ctx.touched.update({"premises", "grade", "post", "staff"})
    return summary
