"""The demo office's fillings: the step ``add_fillings``, after the vacancies step.

Every vacancy the vacancies step planned as covered (``plan.vacancies``: ``method``, refusals,
the planned date filled, the day an incumbent came back) gets the real appointment behind it,
recorded through the services with the demo's ``ctx`` and ``today=plan.today``; the services
fill the vacancy themselves:

* the OS29000 allocation (5A(c)) of each year a PSH runs in: an initial warrant large enough
  for every demo PSH at the longest its term may reach, and a top-up; in the current year, once
  it is some months old, a reduction; next year (a term that runs into it) only its initial
  allocation, made known early (:func:`allocation.add_allocation_entry`);
* PSH (para 5A): on hakiki vacancies past the interview report from the successful, then the
  reserve candidates (7.4(b)), on operasi vacancies at a Tabika or for a Taska Pembantu
  Pendidik S17 after the Director-General's approval (8.2(a)) from an exercise's reserves, then
  qualified external candidates; those first in the order refuse first where planned. Each has
  the Director-General's approval, the OSA declaration and the health certificate dated on or
  before its first day. The hakiki ones older than their 3 months are extended by the head of
  department (5A(e), at least one is); one is ended by the contract appointment (7.5); the
  operasi one whose incumbent came back early is ended when its vacancy closes (5A(s));
* acting (para 6A): a confirmed officer, of the same premises where one is free, from a working
  day of the office's state, with the head of department's written instruction and the
  approval; a Taska Pendidik S27 is filled only so (8.2(b)). One is interrupted a few days, one
  for 14 days or more (it ends, and is taken up again as a new assignment linked to it, 6A(f)),
  and one nears its six-month limit (6A(c));
* the method chosen for each, with its reason and the costs compared (7.4(d), 8(c)).

A demo dated before the contribution tables begin (KWSP: 1 October 2025) leaves the PSH it
cannot cost uncovered: no allocation can be confirmed for them (5A(c)).

No replacement officer (gantian) is appointed: the honorarium table
(``resources/rates/gantian.toml``) ships empty, and the gantian service refuses with
``RATE_TABLE_EMPTY`` until the administrator fills it; the demo leaves that file alone.

Dates are planned first, then the letters are numbered in date order, then everything is
recorded in the order the fillings began.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING

from desktop.models import Candidate, PshAppointment, Staff
from desktop.rules import Refused
from desktop.rules.acting import acting_last_day
from desktop.rules.allocation import AllocationKind, psh_cost_by_year
from desktop.rules.calendar import is_working_day
from desktop.rules.enums import Method, PremisesKind, VacancyKind
from desktop.rules.money import format_rm
from desktop.rules.mykad import parse_mykad
from desktop.rules.psh import psh_last_day
from desktop.rules.psh_appointment import job_qualification, max_last_day
from desktop.rules.vacancy_enums import CandidateStatus, method_label
from desktop.rules.workflow import FILLING_APPROVED, INTERVIEW_REPORT
from desktop.services import acting, psh
from desktop.services.allocation import add_allocation_entry
from desktop.services.candidates import (
    CandidateForm,
    CandidateRow,
    add_candidate,
    list_candidates,
    mark_declined,
    update_candidate,
)
from desktop.services.demo_vacancies import Letter, People, PlannedVacancy
from desktop.services.filling_choice import FillingOption, choose_method, filling_options
from desktop.services.unit import Ctx
from desktop.services.vacancies import close_vacancy

if TYPE_CHECKING:
    from desktop.services.demo import DemoPlan

HAKIKI, OPERASI = VacancyKind.HAKIKI, VacancyKind.OPERASI
APPOINTMENT_DELIVERED, DOCUMENTS_RETURNED = "APPOINTMENT_DELIVERED", "DOCUMENTS_RETURNED"

# The letters: the office's file of acting instructions (6A(b)), and the file at headquarters
# whose letters approve the PSH of a hakiki vacancy (7.4(b)) and a resumed acting (6A(f)).
FILE_ACTING = "6 Jld.1"
HQ_FILE = "JPNIN.BSM.600-1/5/2 Jld.4"
AUTHORITY = "Ketua Pengarah Jabatan Perpaduan Negara dan Integrasi Nasional"

DECLINE_NOTES = ("Menolak tawaran: telah mendapat pekerjaan lain.",
                 "Menolak tawaran: lokasi terlalu jauh dari tempat tinggal.",
                 "Menolak tawaran: menyambung pengajian.")
EXTENSION_REASON = ("Lantikan kontrak bagi jawatan ini belum berkuat kuasa; tugas kelas perlu "
                    "diteruskan sehingga pegawai kontrak melapor diri (5A(e)).")
EXTENSION_EARLY_REASON = ("Lantikan kontrak dijangka lewat; dilanjutkan lebih awal supaya kelas "
                          "tidak terganggu (5A(e)).")
TERMINATION_REASON = ("Penyandang kembali bertugas lebih awal daripada jangkaan; PSH tidak lagi "
                      "diperlukan (5A(s)).")
PAUSE_REASONS = ("Cuti sakit.", "Cuti rehat.", "Menghadiri kursus dalam perkhidmatan.")
BREAK_REASONS = ("Cuti sakit lanjutan (dimasukkan ke hospital).",
                 "Berkursus sepenuh masa di Institut Latihan JPNIN.")
PAUSE_DAYS = (2, 5)  # a short interruption: the assignment goes on (under 14 days, 6A(f))
BREAK_DAYS = (14, 18)  # long enough to end the assignment (6A(f))
MARGIN = (6, 12)  # thousands of ringgit an initial warrant holds beyond the year's PSH
WARRANT_STEP = Decimal(5000)
TOPUPS = (Decimal(5000), Decimal(8000), Decimal(10000))
REDUCTIONS = (Decimal(2000), Decimal(3000), Decimal(4000))
REDUCTION_AFTER_DAYS = 60  # a reduction only once the year has run this long


@dataclass
class Ref:
    """A letter to be numbered in its file, in date order."""

    on: date
    file: str
    text: str = ""


@dataclass
class PlannedFill:
    """One appointment, planned; the stories after it as dates (None: not this one)."""

    v: PlannedVacancy
    method: Method
    start: date
    end: date  # the planned last day
    # the Director-General's approval: the letter of step 8.2 (operasi), or headquarters'
    # reply to the PSH application sent with the interview report (hakiki, 7.4(b))
    approval_ref: str = ""
    approval_on: date | None = None
    approval_letter: Ref | None = None  # the hakiki one, numbered with the other letters
    health_on: date | None = None  # PSH: certified healthy (5A(g))
    osa_on: date | None = None  # PSH: the OSA 1972 declaration (5A(n))
    extend_to: date | None = None
    extend_on: date | None = None
    extend_reason: str = ""
    convert_on: date | None = None  # the contract officer holds the post from this day (7.5)
    instruction: Ref | None = None  # acting: the head of department's written instruction
    pause: tuple[date, date] | None = None  # a short interruption
    pause_reason: str = ""
    gap: tuple[date, date] | None = None  # an interruption of 14 days or more
    gap_reason: str = ""
    resume_on: date | None = None  # the new assignment after it
    resume_end: date | None = None
    resume_approval: Ref | None = None
    resume_instruction: Ref | None = None

    @property
    def psh_end(self) -> date:
        """The last day the PSH's commitment ever reaches (for the allocation)."""
        return self.extend_to or self.end


# ---------------------------------------------------------------------------------------------
# dates


def _working_day(state: str, prefer: date, lo: date, hi: date) -> date | None:
    """The first working day of the state from ``prefer`` to ``hi``, else the last one from
    ``lo`` before ``prefer``; None when ``lo``..``hi`` has none."""
    day = max(prefer, lo)
    while day <= hi:
        if is_working_day(state, day):
            return day
        day += timedelta(days=1)
    day = min(prefer, hi + timedelta(days=1)) - timedelta(days=1)
    while day >= lo:
        if is_working_day(state, day):
            return day
        day -= timedelta(days=1)
    return None


def _first_day(state: str, prefer: date, lo: date, today: date, until: date | None
               ) -> date | None:
    """The first day of a filling: a working day from ``lo`` (the approval, or the last
    refusal) by today, near ``prefer``; when there is none (approved today, a holiday), the
    next working day, a planned start, within ``until``."""
    hi = min(today, until) if until else today
    day = _working_day(state, prefer, lo, hi)
    if day is None:
        day = _working_day(state, today + timedelta(days=1), lo, today + timedelta(days=7))
    return day if day is not None and (until is None or day <= until) else None


def _steps(v: PlannedVacancy) -> dict[str, Letter]:
    return {s.code: s for s in v.steps}


def _cover_until(v: PlannedVacancy) -> date | None:
    """The last day the duty needs covering: the day before the incumbent is (expected) back."""
    back = [d for d in (v.closed_on, v.expected_end) if d is not None]
    return min(back) - timedelta(days=1) if back else None


def _plan_psh(rng: random.Random, plan: DemoPlan, v: PlannedVacancy) -> PlannedFill | None:
    today, steps = plan.today, _steps(v)
    if v.kind is HAKIKI:  # 7.4(b): after the interview report, with the PSH application
        report = steps[INTERVIEW_REPORT].on
        first_offer = v.declined_on or v.filled_on
        start = _first_day(plan.state, v.filled_on, v.declined_on or report, today, None)
        if start is None:
            return None
        approved = min(report + timedelta(days=rng.randint(1, 5)), first_offer, start)
        f = PlannedFill(v, Method.PSH, start, psh_last_day(start), approval_on=approved,
                        approval_letter=Ref(approved, HQ_FILE))
    else:  # 8.2(a): after the Director-General's approval of the filling
        step = steps[FILLING_APPROVED]
        until = _cover_until(v)
        start = _first_day(plan.state, v.filled_on, v.declined_on or step.on, today, until)
        if start is None:
            return None
        end = min(psh_last_day(start), until) if until else psh_last_day(start)
        f = PlannedFill(v, Method.PSH, start, end, approval_ref=step.reference,
                        approval_on=step.on)
    offered = v.declined_on or f.approval_on  # both by today
    f.health_on = max(offered, min(today, f.start - timedelta(days=rng.randint(1, 5))))
    f.osa_on = max(f.health_on, min(today, f.start - timedelta(days=rng.randint(0, 1))))
    return f


def _plan_acting(rng: random.Random, plan: DemoPlan, v: PlannedVacancy) -> PlannedFill | None:
    step = _steps(v)[FILLING_APPROVED]
    until = _cover_until(v)
    start = _first_day(plan.state, v.filled_on, step.on, plan.today, until)
    if start is None:
        return None
    end = min(acting_last_day(start), until) if until else acting_last_day(start)
    instructed = max(step.on, min(plan.today, start - timedelta(days=rng.randint(0, 3))))
    return PlannedFill(v, Method.ACTING, start, end, approval_ref=step.reference,
                       approval_on=step.on, instruction=Ref(instructed, FILE_ACTING))


def _contract_officer(v: PlannedVacancy):
    """The candidate the PSH of a hakiki vacancy will be: the first in the panel's order who
    does not refuse. The contract appointment goes to the same person (7.5): a reserve
    candidate takes the place of a successful one who refused."""
    ranked = [c for c in v.candidates if c.category is not CandidateStatus.LUAR]
    return ranked[v.declines] if v.declines < len(ranked) else None


def _plan_conversion(rng: random.Random, plan: DemoPlan, fills: list[PlannedFill]) -> None:
    """One hakiki PSH ends when the contract officer reports for duty (after step 7.5), while
    another vacancy stays at that step for the dashboard."""
    at_step: dict[str, int] = {}
    for v in plan.vacancies:
        if v.kind is HAKIKI and v.closed_on is None:
            at_step[v.steps[-1].code] = at_step.get(v.steps[-1].code, 0) + 1
    for f in sorted(fills, key=lambda f: (f.start, f.v.id)):
        steps = _steps(f.v)
        last = f.v.steps[-1].code
        if (f.v.kind is not HAKIKI or f.method is not Method.PSH or at_step.get(last, 0) < 2
                or APPOINTMENT_DELIVERED not in steps or _contract_officer(f.v) is None):
            continue
        lo = max(steps[APPOINTMENT_DELIVERED].on, f.start + timedelta(days=1))
        hi = min(plan.today, f.end + timedelta(days=1))
        if DOCUMENTS_RETURNED in steps:  # reported for duty before the documents went back
            hi = min(hi, steps[DOCUMENTS_RETURNED].on)
        # the first day of service: Monday to Thursday, a working day in every state
        days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
        days = [d for d in days if d.weekday() <= 3 and is_working_day(plan.state, d)]
        if days:
            f.convert_on = days[min(rng.randint(0, 2), len(days) - 1)]
            return


def _plan_extensions(rng: random.Random, plan: DemoPlan, fills: list[PlannedFill]) -> None:
    """Hakiki PSH past their 3 months are extended to 6 (5A(e)); when none is, the one ending
    first is extended early, so that the register shows an extension."""
    today = plan.today
    hakiki = [f for f in fills if f.method is Method.PSH and f.v.kind is HAKIKI
              and f.convert_on is None and f.start <= today]
    for f in hakiki:
        if f.end < today:
            f.extend_to, f.extend_reason = max_last_day(f.start), EXTENSION_REASON
    if hakiki and not any(f.extend_to for f in hakiki):
        f = min(hakiki, key=lambda f: (f.end, f.v.id))
        f.extend_to, f.extend_reason = max_last_day(f.start), EXTENSION_EARLY_REASON
    for f in hakiki:
        if f.extend_to:  # approved before the term ran out, and by today
            f.extend_on = max(f.start, min(today, f.end) - timedelta(days=rng.randint(2, 7)))


def _plan_interruptions(rng: random.Random, plan: DemoPlan, fills: list[PlannedFill]) -> None:
    today = plan.today
    actings = [f for f in fills if f.method is Method.ACTING]

    def room(f: PlannedFill) -> int:  # days run by today
        return (min(today, f.end) - f.start).days

    # 6A(f): away 14 days or more ends the assignment; going on is a new one, approved anew
    for f in (f for f in actings if f.v.story == "resumed"):
        days = rng.randint(*BREAK_DAYS)
        if room(f) < days + 10:
            continue
        first = f.start + timedelta(days=rng.randint(5, room(f) - days - 4))
        last = first + timedelta(days=days - 1)
        resume = _working_day(plan.state, last + timedelta(days=1), last + timedelta(days=1),
                              min(today, f.end))
        if resume is None:
            continue
        f.gap, f.gap_reason, f.resume_on = (first, last), rng.choice(BREAK_REASONS), resume
        until = _cover_until(f.v)
        f.resume_end = min(acting_last_day(resume), until) if until else acting_last_day(resume)
        approved = max(first, resume - timedelta(days=rng.randint(1, 4)))
        f.resume_approval = Ref(approved, HQ_FILE)
        f.resume_instruction = Ref(max(approved, resume - timedelta(days=rng.randint(0, 1))),
                                   FILE_ACTING)
    # a few days away: the assignment goes on; the Taska's one when it has run long enough
    ordered = sorted((f for f in actings if f.gap is None),
                     key=lambda f: (f.v.story != "pause", -room(f)))
    for f in ordered:
        days = rng.randint(*PAUSE_DAYS)
        if room(f) >= days + 1:
            first = f.start + timedelta(days=rng.randint(1, room(f) - days + 1))
            f.pause = (first, first + timedelta(days=days - 1))
            f.pause_reason = rng.choice(PAUSE_REASONS)
            return


def _costed(plan: DemoPlan, f: PlannedFill) -> bool:
    """Whether the PSH's cost can be projected (5A(c)): the contribution tables begin on a
    date (KWSP: 1 October 2025), and a demo dated earlier has PSH starting before it."""
    try:
        psh_cost_by_year(plan.state, _job(f.v.post.grade.code, f.start), f.start, f.end)
    except Refused:
        return False
    return True


def _plan_fills(rng: random.Random, plan: DemoPlan) -> list[PlannedFill]:
    fills = []
    for v in plan.vacancies:
        if v.id is None or v.method is None or v.filled_on is None:
            continue
        f = (_plan_psh(rng, plan, v) if v.method is Method.PSH else
             _plan_acting(rng, plan, v) if v.method is Method.ACTING else None)
        if f is not None and f.method is Method.PSH and not _costed(plan, f):
            # before the contribution tables: no allocation can be confirmed (5A(c)), so the
            # vacancy is left open
            plan.extra.setdefault("not_costed", []).append(v.id)
            f = None
        if f is not None:
            fills.append(f)
    _plan_conversion(rng, plan, fills)
    _plan_extensions(rng, plan, fills)
    _plan_interruptions(rng, plan, fills)
    return fills


def _number_letters(rng: random.Random, plan: DemoPlan, fills: list[PlannedFill]) -> None:
    letters = [r for f in fills for r in (f.approval_letter, f.instruction, f.resume_approval,
                                          f.resume_instruction) if r is not None]
    prefix = plan.office.ref_prefix if plan.office else ""
    counters = {FILE_ACTING: rng.randint(3, 20), HQ_FILE: rng.randint(100, 400)}
    for _i, r in sorted(enumerate(letters), key=lambda t: (t[1].on, t[0])):
        counters[r.file] += 1
        where = f"{prefix}{r.file}" if r.file == FILE_ACTING else r.file
        r.text = f"{where} ({counters[r.file]})"
    for f in fills:
        if f.approval_letter is not None:
            f.approval_ref = f.approval_letter.text


# ---------------------------------------------------------------------------------------------
# the OS29000 allocation


def _warrant(amount: Decimal) -> Decimal:
    """Rounded up to the next RM 5,000, as warrants are issued."""
    return ((amount / WARRANT_STEP).to_integral_value(ROUND_CEILING) * WARRANT_STEP
            ).quantize(Decimal("0.01"))


def _first_working_day(state: str, year: int) -> date:
    return _working_day(state, date(year, 1, 2), date(year, 1, 1), date(year, 1, 31))


def _record_allocation(ctx: Ctx, rng: random.Random, plan: DemoPlan,
                       fills: list[PlannedFill]) -> None:
    """The warrants of each year a demo PSH runs in (and the current year): enough for every
    PSH at the longest its term may reach, so that each appointment fits its balance."""
    today, state = plan.today, plan.state
    needs: dict[int, Decimal] = {today.year: Decimal("0.00")}
    for f in fills:
        if f.method is not Method.PSH:
            continue
        officer = _contract_officer(f.v) if f.v.kind is HAKIKI else None
        qual = _job(f.v.post.grade.code, f.start)
        for year, cost in psh_cost_by_year(state, qual, f.start, f.psh_end,
                                           officer.person.birth if officer else None).items():
            needs[year] = needs.get(year, Decimal("0.00")) + cost
    for year in sorted(needs):
        margin = Decimal(rng.randint(*MARGIN) * 1000)
        if year > today.year:  # a term into next year: that year's allocation, made known early
            add_allocation_entry(ctx, year, AllocationKind.INITIAL,
                                 _warrant(needs[year] + margin),
                                 today - timedelta(days=rng.randint(1, 10)),
                                 f"Waran Peruntukan Bil. 1/{year}",
                                 f"Peruntukan OS29000 (upah PSH) tahun {year}, dimaklumkan awal "
                                 "bagi PSH yang berkhidmat merentas tahun.", today=today)
            continue
        issued = min(today, _first_working_day(state, year))
        add_allocation_entry(ctx, year, AllocationKind.INITIAL, _warrant(needs[year] + margin),
                             issued, f"Waran Peruntukan Bil. 1/{year}",
                             f"Peruntukan OS29000 (upah PSH) tahun {year}.", today=today)
        last = today if year == today.year else date(year, 12, 31)
        span = (last - issued).days
        number = rng.randint(2, 4)
        add_allocation_entry(ctx, year, AllocationKind.TOPUP, rng.choice(TOPUPS),
                             issued + timedelta(days=span * 3 // 5),
                             f"Waran Peruntukan Bil. {number}/{year}",
                             "Tambahan bagi PSH kekosongan operasi (cuti bersalin).", today=today)
        if year == today.year and span >= REDUCTION_AFTER_DAYS:
            add_allocation_entry(ctx, year, AllocationKind.REDUCTION, rng.choice(REDUCTIONS),
                                 issued + timedelta(days=span * 5 // 6),
                                 f"Waran Peruntukan Bil. {number + rng.randint(1, 3)}/{year}",
                                 "Sebahagian peruntukan dipindahkan ke objek OS lain.",
                                 today=today)


# ---------------------------------------------------------------------------------------------
# recording


def _first_in_order(ctx: Ctx, vacancy_id: int) -> CandidateRow | None:
    return next((r for r in list_candidates(ctx.session, vacancy_id) if r.position == 1), None)


def _certified(ctx: Ctx, row: CandidateRow) -> None:
    """The head of department has certified the chosen candidate healthy (5A(g))."""
    if row.health_certified:
        return
    update_candidate(ctx, row.id, CandidateForm(
        name=row.name, mykad=row.mykad, category=row.category.value, rank=row.rank,
        vacancy_id=row.vacancy_id, exercise_id=row.exercise_id, citizen=row.citizen,
        public_officer=row.public_officer,
        qualification=row.qualification.value if row.qualification else None,
        health_certified=True))


SHORT_LABELS = {Method.PSH: "PSH", Method.ACTING: "tanggung kerja", Method.GANTIAN: "gantian"}


def _reason(f: PlannedFill, options: list[FillingOption]) -> str:
    """Why this method (7.4(d), 8(c)), in Malay, with the costs compared."""
    v = f.v
    allowed = [o for o in options if o.allowed]
    chosen = next(o for o in allowed if o.method is f.method)
    para = "7.4(d)" if v.kind is HAKIKI else "8(c)"
    if len(allowed) == 1:
        grade = v.post.grade
        why = (f"Hanya {method_label(f.method).lower()} dibenarkan bagi {grade.title} "
               f"{grade.code} ({'8.2(b)' if v.post.premises.kind is PremisesKind.TASKA else para})")
    elif chosen.cheapest:
        why = f"Kos paling rendah bagi tempoh ini ({para})"
    elif f.method is Method.PSH and v.kind is HAKIKI:
        why = ("Calon berjaya dan simpanan temu duga tersedia mengikut keutamaan (7.4(b)); "
               "penanggungan kerja hanya jika calon PSH tidak mencukupi (7.4(c))")
    elif f.method is Method.PSH:
        why = ("Tiada pegawai yang dapat menanggung kerja tanpa meninggalkan kelasnya sendiri; "
               "PSH daripada calon simpanan atau calon luar yang berkelayakan (8.2(a))")
    else:
        why = "Pegawai yang diperakukan berupaya menanggung kerja jawatan ini (6A(g))"
    costs = [f"{SHORT_LABELS[o.method]} {format_rm(o.cost.total)}" for o in allowed
             if o.cost is not None and o.cost.total is not None]
    text = why + (f". Kos dibandingkan: {'; '.join(costs)}" if len(costs) > 1 else "") + "."
    if any(o.method is Method.GANTIAN and o.cost is not None and o.cost.total is None
           for o in allowed):
        text += " Kadar bayaran saguhati pegawai gantian belum ditetapkan."
    return text


def _choose(ctx: Ctx, f: PlannedFill) -> None:
    qual = job_qualification(f.v.post.grade.code, f.start)
    qual = qual.value if qual else "SPM"
    options = filling_options(ctx.session, f.v.id, f.start, f.end, qual)
    choose_method(ctx, f.v.id, f.method.value, _reason(f, options), f.start, f.end, qual)


def _appoint_psh(ctx: Ctx, rng: random.Random, plan: DemoPlan, f: PlannedFill,
                 people: People) -> int:
    """The refusals first in the order (if any), then the next candidate is engaged."""
    today, vid = plan.today, f.v.id
    for _ in range(f.v.declines):
        first = _first_in_order(ctx, vid)
        if first is not None:
            mark_declined(ctx, first.id, f.v.declined_on, rng.choice(DECLINE_NOTES),
                          today=today)
    chosen = _first_in_order(ctx, vid)
    if chosen is None:  # nobody left in the order (a small office): one applies directly
        grade = f.v.post.grade.code
        person = people.person()
        cid = add_candidate(ctx, CandidateForm(
            name=person.name, mykad=person.mykad, category=CandidateStatus.LUAR.value,
            vacancy_id=vid, qualification=_job(grade, f.start), health_certified=True))
        chosen = next(r for r in list_candidates(ctx.session, vid) if r.id == cid)
    _certified(ctx, chosen)
    form = psh.new_psh_form(ctx.session, vid, today)
    form.candidate_id, form.start, form.end = chosen.id, f.start, f.end
    form.qualification_used = _job(f.v.post.grade.code, f.start)
    form.kp_approval_ref, form.kp_approval_date = f.approval_ref, f.approval_on
    form.health_certified_on, form.osa_declared_on = f.health_on, f.osa_on
    return psh.appoint_psh(ctx, form, today=today)


def _job(grade: str, on: date) -> str:
    qual = job_qualification(grade, on)
    return qual.value if qual else "SPM"


def _after_psh(ctx: Ctx, plan: DemoPlan, f: PlannedFill, psh_id: int) -> None:
    """Extended, converted to the contract appointment, or ended as its vacancy closes."""
    today, office = plan.today, plan.office
    if f.extend_to is not None:
        psh.extend_psh(ctx, psh_id, f.extend_to, f.extend_reason,
                       f"{office.signer_name}, {office.signer_title}",
                       approved_on=f.extend_on, today=today)
    if f.convert_on is not None:
        cand = ctx.session.get(Candidate, ctx.session.get(PshAppointment, psh_id).candidate_id)
        info = parse_mykad(cand.mykad, today=today)
        # the register's own entry, as the demo's earlier steps make them: staff.add_staff
        # dates a service start by the clock, not by plan.today
        officer = Staff(name=cand.name, mykad=cand.mykad, grade=f.v.post.grade,
                        birth_date=info.birth_date, sex=info.sex, service_start=f.convert_on,
                        confirmed_on=None, qualification=cand.qualification, active=True)
        ctx.session.add(officer)
        ctx.session.flush()
        plan.staff.append(officer)
        psh.convert_to_contract(ctx, f.v.id, officer.id, f.convert_on, today=today)
    if f.v.closed_on is not None:  # 5A(s): the incumbent is back, the PSH ends the day before
        close_vacancy(ctx, f.v.id, f.v.closed_on, f.v.close_note, today=today)
        psh.terminate_psh(ctx, psh_id, f.v.closed_on - timedelta(days=1), TERMINATION_REASON,
                          today=today)


# 6A(g)(iii): the reason recorded when a better-placed officer elsewhere is passed over
SAME_PREMISES_REASON = ("Pegawai bertugas di premis yang sama; tugas diteruskan tanpa "
                        "memindahkan pegawai lain.")


def _officer(ctx: Ctx, f: PlannedFill, start: date, end: date) -> int | None:
    """A confirmed officer (6A(g)), the first in the order among those of the same premises,
    else the first in the order."""
    rows = [r for r in acting.acting_candidates(ctx.session, f.v.id, start, end)
            if r.eligible and not r.unconfirmed]
    pick = next((r for r in rows if r.same_premises), rows[0] if rows else None)
    return pick.staff_id if pick is not None else None


def _assign_acting(ctx: Ctx, plan: DemoPlan, f: PlannedFill) -> int | None:
    today = plan.today
    staff_id = _officer(ctx, f, f.start, f.end)
    if staff_id is None:
        return None
    aid = acting.assign_acting(ctx, acting.ActingForm(
        vacancy_id=f.v.id, staff_id=staff_id, start=f.start, end=f.end,
        instruction_ref=f.instruction.text, instruction_date=f.instruction.on,
        approval_ref=f.approval_ref, approval_date=f.approval_on, authority=AUTHORITY,
        unconfirmed_reason=SAME_PREMISES_REASON), today=today)
    if f.pause is not None:
        acting.record_interruption(ctx, aid, *f.pause, f.pause_reason)
    if f.gap is not None:
        result = acting.record_interruption(ctx, aid, *f.gap, f.gap_reason)
        if result.ended:  # 6A(f): going on is a new assignment, recommended and approved anew
            aid = acting.assign_acting(ctx, acting.ActingForm(
                vacancy_id=f.v.id, staff_id=staff_id, start=f.resume_on, end=f.resume_end,
                instruction_ref=f.resume_instruction.text,
                instruction_date=f.resume_instruction.on,
                approval_ref=f.resume_approval.text, approval_date=f.resume_approval.on,
                authority=AUTHORITY, previous_id=aid,
                unconfirmed_reason=SAME_PREMISES_REASON), today=today)
    return aid


def add_fillings(ctx: Ctx, rng: random.Random, plan: DemoPlan) -> None:
    """The allocation, PSH and acting behind every vacancy planned as covered (see the
    module); their ids on ``plan.extra["psh"]`` and ``plan.extra["acting"]``."""
    ctx.session.flush()
    fills = _plan_fills(rng, plan)
    _number_letters(rng, plan, fills)
    _record_allocation(ctx, rng, plan, fills)
    people = People(rng, plan)
    for f in sorted(fills, key=lambda f: (f.start, f.v.id)):
        _choose(ctx, f)
        if f.method is Method.PSH:
            pid = _appoint_psh(ctx, rng, plan, f, people)
            plan.extra.setdefault("psh", []).append(pid)
            _after_psh(ctx, plan, f, pid)
        else:
            aid = _assign_acting(ctx, plan, f)
            if aid is not None:
                plan.extra.setdefault("acting", []).append(aid)
