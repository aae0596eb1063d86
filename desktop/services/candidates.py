"""Candidates: interview results of a vacancy or of a recruitment exercise, in the circular's
priority order (7.4(b), 8.2(a)), with the PSH conditions of 5A they miss shown beside them.

A candidate belongs to a vacancy (interviewed for it), to an exercise (whose successful and
reserve lists serve every vacancy of its grade), or to both once appointed from the exercise to
a vacancy. Ranks are unique per list and category; a MyKad appears once per list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.models import Candidate, Grade, RecruitmentExercise, Vacancy
from desktop.rules import Refused, RuleViolation, invalid, parse_mykad
from desktop.rules.candidates_order import CandidateFacts, priority_order, psh_flags
from desktop.rules.enums import Qualification, VacancyKind
from desktop.rules.vacancy_enums import CandidateOutcome, CandidateStatus, VacancyStatus, date_ms
from desktop.rules.workflow import FILLING_APPROVED, INTERVIEW_REPORT
from desktop.services.unit import Ctx
from desktop.services.vacancies import (
    date_field,
    enum_field,
    id_field,
    live_step_codes,
    load_vacancy,
    not_found,
    today_or,
)
from desktop.services.validate import Checks

ENTITY = "candidate"
EXERCISE = "recruitment_exercise"

# ---------------------------------------------------------------------------------------------
# exercises


@dataclass
class ExerciseForm:
    title: str = ""
    held_on: date | str | None = None
    reference: str = ""
    grade_id: int | str | None = None  # the grade interviewed for; None: any


@dataclass(frozen=True)
class ExerciseRow:
    id: int
    title: str
    held_on: date
    reference: str
    grade_id: int | None
    grade_code: str
    candidates: int


def _clean_exercise(session: Session, form: ExerciseForm, today: date) -> tuple:
    c = Checks()
    title = c.text("title", "Tajuk", "Title", form.title)
    held_on = date_field(c, "held_on", "Tarikh temu duga", "Date held", form.held_on)
    reference = c.text("reference", "Rujukan", "Reference", form.reference, required=False,
                       max_len=100)
    grade_id = id_field(c, "grade_id", "Gred", "Grade", form.grade_id, required=False)
    if grade_id is not None and session.get(Grade, grade_id) is None:
        c.add(invalid("grade_id", f"Gred {grade_id} tidak wujud.",
                      f"Grade {grade_id} does not exist.", "NOT_FOUND"))
    if held_on is not None and held_on > today:
        c.add(invalid("held_on", "Tarikh temu duga tidak boleh selepas hari ini.",
                      "The date held cannot be after today.", "FUTURE_DATE"))
    c.raise_if_any()
    return title, held_on, reference, grade_id


def _exercise_snapshot(e: RecruitmentExercise) -> dict:
    return {"title": e.title, "held_on": e.held_on, "reference": e.reference,
            "grade_id": e.grade_id}


def add_exercise(ctx: Ctx, form: ExerciseForm, today: date | None = None) -> int:
    title, held_on, reference, grade_id = _clean_exercise(ctx.session, form, today_or(today))
    e = RecruitmentExercise(title=title, held_on=held_on, reference=reference, grade_id=grade_id)
    ctx.session.add(e)
    ctx.session.flush()
    ctx.audit("tambah", EXERCISE, e.id, None, _exercise_snapshot(e))
    return e.id


def _load_exercise(session: Session, exercise_id) -> RecruitmentExercise:
    c = Checks()
    eid = id_field(c, "exercise_id", "Temu duga", "Exercise", exercise_id)
    c.raise_if_any()
    e = session.get(RecruitmentExercise, eid)
    if e is None:
        raise not_found("Temu duga", "Exercise", eid, "exercise_id")
    return e


def update_exercise(ctx: Ctx, exercise_id: int, form: ExerciseForm,
                    today: date | None = None) -> None:
    e = _load_exercise(ctx.session, exercise_id)
    before = _exercise_snapshot(e)
    cleaned = _clean_exercise(ctx.session, form, today_or(today))
    e.title, e.held_on, e.reference, e.grade_id = cleaned
    ctx.session.flush()
    after = _exercise_snapshot(e)
    if after != before:
        ctx.audit("ubah", EXERCISE, e.id, before, after)


def list_exercises(session: Session) -> list[ExerciseRow]:
    n = (select(Candidate.exercise_id, func.count(Candidate.id).label("n"))
         .group_by(Candidate.exercise_id).subquery())
    q = (select(RecruitmentExercise, Grade.code, func.coalesce(n.c.n, 0))
         .outerjoin(Grade, Grade.id == RecruitmentExercise.grade_id)
         .outerjoin(n, n.c.exercise_id == RecruitmentExercise.id)
         .order_by(RecruitmentExercise.held_on.desc(), RecruitmentExercise.id.desc()))
    return [ExerciseRow(e.id, e.title, e.held_on, e.reference, e.grade_id, gcode or "", count)
            for e, gcode, count in session.execute(q)]


# ---------------------------------------------------------------------------------------------
# candidates


@dataclass
class CandidateForm:
    name: str = ""
    mykad: str = ""
    category: str = CandidateStatus.SIMPANAN.value
    rank: int | str | None = None  # required for successful and reserve candidates
    vacancy_id: int | str | None = None
    exercise_id: int | str | None = None
    citizen: bool | str = True
    public_officer: bool | str = False
    qualification: str | None = None
    health_certified: bool | str = False


@dataclass(frozen=True)
class CandidateRow:
    id: int
    name: str
    mykad: str
    category: CandidateStatus
    category_label: str
    rank: int | None
    outcome: CandidateOutcome
    outcome_label: str
    outcome_on: date | None
    outcome_note: str
    vacancy_id: int | None
    exercise_id: int | None
    exercise_title: str
    citizen: bool
    public_officer: bool
    qualification: Qualification | None
    health_certified: bool
    position: int | None  # place in the order of offer; None when out of it
    priority_reason: str  # Malay, e.g. "Calon simpanan yang masih ada, kedudukan 2: ..."
    priority_paragraph: str
    flags: tuple[RuleViolation, ...]  # PSH conditions of 5A not met (warnings)


def _mykad(c: Checks, value) -> str | None:
    """A MyKad number with or without dashes: 12 digits, a real birth date, a used birthplace."""
    if value is None or not str(value).strip():
        c.add(invalid("mykad", "No. MyKad wajib diisi.", "The MyKad number is required.",
                      "REQUIRED"))
        return None
    try:
        return parse_mykad(value, "mykad").number
    except Refused as refused:
        for violation in refused.violations:
            c.add(violation)
        return None


_YES = {"1", "ya", "y", "true", "yes"}
_NO = {"0", "tidak", "t", "false", "no", "n"}


def _flag(c: Checks, field: str, label_ms: str, label_en: str, value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    c.add(invalid(field, f"{label_ms} mesti Ya atau Tidak: '{value}'.",
                  f"{label_en} must be yes or no: '{value}'.", "INVALID_INPUT"))
    return False


@dataclass
class _CleanCandidate:
    name: str
    mykad: str | None
    category: CandidateStatus | None
    rank: int | None
    vacancy: Vacancy | None
    exercise: RecruitmentExercise | None
    citizen: bool
    public_officer: bool
    qualification: Qualification | None
    health_certified: bool


def _clean_candidate(session: Session, form: CandidateForm, own_id: int | None) -> _CleanCandidate:
    c = Checks()
    name = c.text("name", "Nama calon", "Candidate's name", form.name)
    mykad = _mykad(c, form.mykad)
    category = enum_field(c, "category", "Kategori calon", "Candidate category", CandidateStatus,
                          form.category)
    rank = id_field(c, "rank", "Kedudukan", "Rank", form.rank, required=False)
    vacancy_id = id_field(c, "vacancy_id", "Kekosongan", "Vacancy", form.vacancy_id,
                          required=False)
    exercise_id = id_field(c, "exercise_id", "Temu duga", "Exercise", form.exercise_id,
                           required=False)
    citizen = _flag(c, "citizen", "Warganegara", "Citizen", form.citizen)
    public_officer = _flag(c, "public_officer", "Pegawai awam", "Public officer",
                           form.public_officer)
    health = _flag(c, "health_certified", "Diperakui sihat", "Certified healthy",
                   form.health_certified)
    qualification = enum_field(c, "qualification", "Kelayakan akademik", "Qualification",
                               Qualification, form.qualification, required=False)
    if rank is not None and rank < 1:
        c.add(invalid("rank", "Kedudukan mesti 1 atau lebih.", "The rank must be 1 or more.",
                      "INVALID_RANK"))
    if (category is not None and category.ranked and rank is None
            and "rank" not in (p.field for p in c.problems)):
        c.add(invalid("rank", f"Kedudukan wajib diisi bagi {category.label_ms.lower()}.",
                      f"A {category.label_en.lower()} needs a rank.", "RANK_REQUIRED", "7.4(b)"))

    vacancy = exercise = None
    if vacancy_id is None and exercise_id is None and "vacancy_id" not in (
            p.field for p in c.problems) and "exercise_id" not in (p.field for p in c.problems):
        c.add(invalid("vacancy_id", "Pilih kekosongan atau temu duga bagi calon ini.",
                      "Choose the vacancy or the exercise of this candidate.", "SCOPE_REQUIRED"))
    if vacancy_id is not None:
        vacancy = session.get(Vacancy, vacancy_id)
        if vacancy is None:
            c.add(invalid("vacancy_id", f"Kekosongan {vacancy_id} tidak wujud.",
                          f"Vacancy {vacancy_id} does not exist.", "NOT_FOUND"))
        elif vacancy.status is VacancyStatus.CLOSED:
            c.add(invalid("vacancy_id", f"Kekosongan {vacancy_id} telah ditutup.",
                          f"Vacancy {vacancy_id} is closed.", "VACANCY_CLOSED"))
    if exercise_id is not None:
        exercise = session.get(RecruitmentExercise, exercise_id)
        if exercise is None:
            c.add(invalid("exercise_id", f"Temu duga {exercise_id} tidak wujud.",
                          f"Exercise {exercise_id} does not exist.", "NOT_FOUND"))
    if (vacancy is not None and exercise is not None and exercise.grade_id is not None
            and exercise.grade_id != vacancy.post.grade_id):
        c.add(invalid("exercise_id", "Temu duga ini bagi gred lain daripada jawatan kekosongan.",
                      "This exercise is for another grade than the vacancy's post.",
                      "GRADE_MISMATCH"))

    def others():
        q = select(Candidate)
        return q if own_id is None else q.where(Candidate.id != own_id)

    if mykad is not None:
        scopes = []
        if exercise is not None:
            scopes.append(Candidate.exercise_id == exercise.id)
        if vacancy is not None:
            scopes.append(Candidate.vacancy_id == vacancy.id)
        if scopes:
            clash = session.execute(others().where(Candidate.mykad == mykad, or_(*scopes))
                                    .limit(1)).scalar_one_or_none()
            if clash is not None:
                c.add(invalid("mykad", f"No. MyKad ini sudah ada dalam senarai calon yang sama "
                              f"({clash.name}).", f"This MyKad is already in the same list "
                              f"({clash.name}).", "DUPLICATE_MYKAD"))
    if rank is not None and rank >= 1 and category is not None and (exercise or vacancy):
        if exercise is not None:  # the exercise's list, wherever its candidates were appointed
            scope = Candidate.exercise_id == exercise.id
        else:
            scope = and_(Candidate.vacancy_id == vacancy.id, Candidate.exercise_id.is_(None))
        clash = session.execute(others().where(scope, Candidate.category == category,
                                               Candidate.rank == rank)
                                .limit(1)).scalar_one_or_none()
        if clash is not None:
            c.add(invalid("rank", f"Kedudukan {rank} {category.label_ms.lower()} telah diberi "
                          f"kepada {clash.name}.", f"Rank {rank} of the "
                          f"{category.label_en.lower()}s is already {clash.name}'s.",
                          "RANK_TAKEN", "7.4(b)"))
    c.raise_if_any()
    return _CleanCandidate(name, mykad, category, rank, vacancy, exercise, citizen,
                           public_officer, qualification, health)


def _snapshot(x: Candidate) -> dict:
    return {"name": x.name, "mykad": x.mykad, "category": x.category, "rank": x.rank,
            "vacancy_id": x.vacancy_id, "exercise_id": x.exercise_id, "citizen": x.citizen,
            "public_officer": x.public_officer, "qualification": x.qualification,
            "health_certified": x.health_certified, "outcome": x.outcome,
            "outcome_on": x.outcome_on, "outcome_note": x.outcome_note}


def _apply(x: Candidate, f: _CleanCandidate) -> None:
    x.name, x.mykad, x.category, x.rank = f.name, f.mykad, f.category, f.rank
    x.vacancy_id = f.vacancy.id if f.vacancy else None
    x.exercise_id = f.exercise.id if f.exercise else None
    x.citizen, x.public_officer = f.citizen, f.public_officer
    x.qualification, x.health_certified = f.qualification, f.health_certified


def add_candidate(ctx: Ctx, form: CandidateForm) -> int:
    f = _clean_candidate(ctx.session, form, None)
    x = Candidate(outcome=CandidateOutcome.PENDING, outcome_note="")
    _apply(x, f)
    ctx.session.add(x)
    ctx.session.flush()
    ctx.audit("tambah", ENTITY, x.id, None, _snapshot(x))
    return x.id


def _load(session: Session, candidate_id) -> Candidate:
    c = Checks()
    cid = id_field(c, "id", "Calon", "Candidate", candidate_id)
    c.raise_if_any()
    x = session.get(Candidate, cid)
    if x is None:
        raise not_found("Calon", "Candidate", cid)
    return x


def update_candidate(ctx: Ctx, candidate_id: int, form: CandidateForm) -> None:
    x = _load(ctx.session, candidate_id)
    before = _snapshot(x)
    f = _clean_candidate(ctx.session, form, x.id)
    _apply(x, f)
    ctx.session.flush()
    after = _snapshot(x)
    if after != before:
        ctx.audit("ubah", ENTITY, x.id, before, after)


def _not_pending(x: Candidate) -> RuleViolation:
    return invalid("id", f"Calon {x.name} bukan lagi dalam senarai menunggu "
                   f"({x.outcome.label_ms.lower()}).", f"Candidate {x.name} is no longer "
                   f"pending ({x.outcome.label_en.lower()}).", "CANDIDATE_NOT_PENDING")


def mark_declined(ctx: Ctx, candidate_id: int, on=None, note: str = "",
                  today: date | None = None) -> None:
    """The candidate declined the offer (or could not take it): out of the order, with the
    reason recorded."""
    today = today_or(today)
    x = _load(ctx.session, candidate_id)
    c = Checks()
    day = date_field(c, "outcome_on", "Tarikh", "Date", on, required=False) or today
    # skipping a candidate in the order of offer needs its reason on record (7.4, 8.2)
    note = c.text("note", "Sebab (cth. menolak tawaran)", "Reason (e.g. declined the offer)",
                  note, max_len=2000)
    if x.outcome is not CandidateOutcome.PENDING:
        c.add(_not_pending(x))
    if day > today:
        c.add(invalid("outcome_on", "Tarikh tidak boleh selepas hari ini.",
                      "The date cannot be after today.", "FUTURE_DATE"))
    c.raise_if_any()
    before = _snapshot(x)
    x.outcome, x.outcome_on, x.outcome_note = CandidateOutcome.DECLINED, day, note
    ctx.session.flush()
    ctx.audit("tolak", ENTITY, x.id, before, _snapshot(x))


def mark_appointed(ctx: Ctx, candidate_id: int, vacancy_id=None, on=None,
                   today: date | None = None) -> None:
    """The candidate is appointed (as PSH) to the vacancy: only the first of the priority
    order, and only once the interview report (hakiki, 7.4(b)) or the approval (operasi,
    8.2(a)) is recorded. Filling the vacancy itself is the PSH appointment's work."""
    today = today_or(today)
    x = _load(ctx.session, candidate_id)
    if vacancy_id is None:
        vacancy_id = x.vacancy_id
    if vacancy_id is None:
        raise Refused(invalid("vacancy_id", "Pilih kekosongan yang diisi oleh calon ini.",
                              "Choose the vacancy this candidate fills.", "REQUIRED"))
    v = load_vacancy(ctx.session, vacancy_id, live=True)
    c = Checks()
    day = date_field(c, "outcome_on", "Tarikh dilantik", "Date appointed", on,
                     required=False) or today
    if x.outcome is not CandidateOutcome.PENDING:
        c.add(_not_pending(x))
    if x.vacancy_id is not None and x.vacancy_id != v.id:
        c.add(invalid("vacancy_id", f"Calon ini bagi kekosongan {x.vacancy_id}.",
                      f"This candidate is for vacancy {x.vacancy_id}.",
                      "CANDIDATE_OF_OTHER_VACANCY"))
    if day > today:
        c.add(invalid("outcome_on", "Tarikh dilantik tidak boleh selepas hari ini.",
                      "The date appointed cannot be after today.", "FUTURE_DATE"))
    elif day < v.opened_on:
        c.add(invalid("outcome_on", f"Tarikh dilantik tidak boleh sebelum tarikh kekosongan "
                      f"({date_ms(v.opened_on)}).", "The date appointed cannot be before the "
                      "vacancy's date.", "DATES_OUT_OF_ORDER"))
    codes = live_step_codes(ctx.session, v.id)
    if v.kind is VacancyKind.HAKIKI and INTERVIEW_REPORT not in codes:
        c.add(invalid("vacancy_id", "Calon dilantik hanya selepas laporan temu duga dan "
                      "permohonan PSH dikemukakan.", "Candidates are appointed only after the "
                      "interview report and the PSH application.",
                      "PSH_BEFORE_INTERVIEW_REPORT", "7.4(b)"))
    if v.kind is VacancyKind.OPERASI and FILLING_APPROVED not in codes:
        c.add(invalid("vacancy_id", "Calon dilantik hanya selepas kelulusan Ketua Pengarah "
                      "diterima.", "Candidates are appointed only after the Director-General's "
                      "approval.", "PSH_BEFORE_APPROVAL", "8.2(a)"))
    if x.outcome is CandidateOutcome.PENDING:
        order = priority_order(v.kind, [_facts(cand, held) for cand, held in _pool(ctx.session, v)])
        mine = next((e for e in order if e.candidate.id == x.id), None)
        if mine is None:
            c.add(invalid("id", f"Calon {x.name} bukan dalam senarai calon kekosongan ini.",
                          f"Candidate {x.name} is not in this vacancy's list.", "NOT_IN_POOL"))
        elif mine.position is None:
            c.add(invalid("id", f"{x.name}: {mine.reason_ms}", f"{x.name}: {mine.reason_en}",
                          "CANDIDATE_NOT_IN_ORDER", mine.paragraph))
        elif mine.position > 1:
            ahead = ", ".join(e.candidate.name for e in order
                              if e.position is not None and e.position < mine.position)
            c.add(invalid("id", f"Mengikut keutamaan, tawarkan dahulu kepada: {ahead}. Rekodkan "
                          "penolakan mereka jika menolak.", f"By priority, first offer the post "
                          f"to: {ahead}. Record their refusal if they decline.",
                          "NOT_NEXT_IN_ORDER", mine.paragraph))
    c.raise_if_any()
    before = _snapshot(x)
    x.outcome, x.outcome_on, x.vacancy_id = CandidateOutcome.APPOINTED, day, v.id
    ctx.session.flush()
    ctx.audit("lantik", ENTITY, x.id, before, _snapshot(x))


# ---------------------------------------------------------------------------------------------
# lists


def _pool(session: Session, v: Vacancy) -> list[tuple[Candidate, date | None]]:
    """The vacancy's own candidates and those of the exercises of its grade not yet placed."""
    grade_id = v.post.grade_id
    q = (select(Candidate, RecruitmentExercise.held_on)
         .outerjoin(RecruitmentExercise, RecruitmentExercise.id == Candidate.exercise_id)
         .where(or_(Candidate.vacancy_id == v.id,
                    and_(Candidate.vacancy_id.is_(None), Candidate.exercise_id.is_not(None),
                         or_(RecruitmentExercise.grade_id.is_(None),
                             RecruitmentExercise.grade_id == grade_id)))))
    return [(cand, held) for cand, held in session.execute(q)]


def _facts(x: Candidate, held_on: date | None) -> CandidateFacts:
    # the vacancy's own interview first, then the exercises' lists, oldest first
    group = (0, 0, 0) if x.exercise_id is None else (1, held_on.toordinal(), x.exercise_id)
    return CandidateFacts(x.id, x.name, x.category, x.rank, x.outcome, x.citizen,
                          x.public_officer, x.qualification, x.health_certified, group)


def _candidate_row(x: Candidate, title: str, position, reason, paragraph, flags) -> CandidateRow:
    return CandidateRow(x.id, x.name, x.mykad, x.category, x.category.label_ms, x.rank, x.outcome,
                        x.outcome.label_ms, x.outcome_on, x.outcome_note or "", x.vacancy_id,
                        x.exercise_id, title, x.citizen, x.public_officer, x.qualification,
                        x.health_certified, position, reason, paragraph, tuple(flags))


def list_candidates(session: Session, vacancy_id: int) -> list[CandidateRow]:
    """The vacancy's candidates in the order they are offered the post, with the reason of
    each place and the PSH conditions each does not meet."""
    v = load_vacancy(session, vacancy_id)
    pool = _pool(session, v)
    by_id = {cand.id: cand for cand, _ in pool}
    titles = dict(session.execute(select(RecruitmentExercise.id, RecruitmentExercise.title)
                                  .where(RecruitmentExercise.id.in_(
                                      {c.exercise_id for c in by_id.values() if c.exercise_id}))
                                  ).all())
    order = priority_order(v.kind, [_facts(cand, held) for cand, held in pool])
    return [_candidate_row(by_id[e.candidate.id], titles.get(by_id[e.candidate.id].exercise_id,
                                                             ""),
                           e.position, e.reason_ms, e.paragraph, e.flags) for e in order]


def list_exercise_candidates(session: Session, exercise_id: int) -> list[CandidateRow]:
    """An exercise's list as the panel ranked it: successful, reserve, then external."""
    e = _load_exercise(session, exercise_id)
    cat_order = {CandidateStatus.BERJAYA: 0, CandidateStatus.SIMPANAN: 1, CandidateStatus.LUAR: 2}
    rows = list(session.execute(select(Candidate).where(Candidate.exercise_id == e.id)).scalars())
    rows.sort(key=lambda x: (cat_order[x.category], x.rank if x.rank is not None else 10**9,
                             x.id))
    return [_candidate_row(x, e.title, None, "", "", psh_flags(_facts(x, e.held_on)))
            for x in rows]


__all__ = [
    "CandidateForm", "CandidateRow", "ExerciseForm", "ExerciseRow", "add_candidate",
    "add_exercise", "list_candidates", "list_exercise_candidates", "list_exercises",
    "mark_appointed", "mark_declined", "update_candidate", "update_exercise",
]
