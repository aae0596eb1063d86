"""The workflow of a vacancy: record the next step, list the steps, undo the last one.

The step tables and the order/date/7.4(e) checks are pure (``rules.workflow``); this module
adds what needs the database: the vacancy must be live, a step that sends or receives a letter
carries its reference, and nothing is dated after today. An undone step is kept, marked undone
with its reason, so the history stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.models import VacancyStep
from desktop.models.base import utcnow
from desktop.rules import invalid
from desktop.rules.roles import STEP as STEP_ACTION
from desktop.rules.workflow import (
    STEP_ALREADY_DONE,
    check_step,
    next_step,
    step_def,
    step_number,
    steps_for,
)
from desktop.services.unit import Ctx
from desktop.services.vacancies import (
    ENTITY,
    STEP_ENTITY,
    date_field,
    load_vacancy,
    step_snapshot,
    today_or,
)
from desktop.services.validate import Checks


@dataclass(frozen=True)
class StepRow:
    code: str
    paragraph: str
    label_ms: str
    label_en: str
    needs_reference: bool
    done: bool
    step_id: int | None = None
    done_on: date | None = None
    reference: str = ""
    notes: str = ""
    psh_application_ref: str | None = None
    recorded_at: datetime | None = None
    is_next: bool = False


def _live_steps(session: Session, vacancy_id: int) -> list[VacancyStep]:
    return list(session.execute(
        select(VacancyStep).where(VacancyStep.vacancy_id == vacancy_id,
                                  VacancyStep.undone_at.is_(None))
        .order_by(VacancyStep.seq)).scalars())


def record_step(ctx: Ctx, vacancy_id: int, code: str, done_on, reference: str = "",
                notes: str = "", psh_application_ref: str | None = None,
                today: date | None = None) -> int:
    """Record the next step of a live vacancy; refused out of order, back-dated before the
    previous step, without its reference, or (7.4(e)) an interview report without the PSH
    application sent with it."""
    today = today_or(today)
    ctx.require(f"{STEP_ACTION}:{str(code or '').strip().upper()}")  # approvals: 7.5, 8.2
    v = load_vacancy(ctx.session, vacancy_id, live=True)
    c = Checks()
    on = date_field(c, "done_on", "Tarikh langkah", "Date of the step", done_on)
    reference = c.text("reference", "Rujukan", "Reference", reference, required=False,
                       max_len=100)
    notes = c.text("notes", "Catatan", "Notes", notes, required=False, max_len=2000)
    psh_ref = c.text("psh_application_ref", "Rujukan permohonan PSH", "PSH application "
                     "reference", psh_application_ref, required=False, max_len=100)
    code = str(code or "").strip().upper()
    done = _live_steps(ctx.session, v.id)
    previous = done[-1].done_on if done else None
    # a date that did not parse is reported once, by date_field
    problems = check_step(v.kind, [s.code for s in done], code, on or previous or today,
                          previous, psh_ref or None)
    c.problems.extend(problems)
    step = step_def(v.kind, code)
    if step is not None and step.needs_reference and not reference:
        c.add(invalid("reference", f"Rujukan surat bagi langkah '{step.label_ms}' wajib diisi.",
                      f"The letter reference of the step '{step.label_en}' is required.",
                      "REFERENCE_REQUIRED", step.paragraph))
    if on is not None and on > today:
        c.add(invalid("done_on", "Tarikh langkah tidak boleh selepas hari ini.",
                      "The step's date cannot be after today.", "FUTURE_DATE"))
    c.raise_if_any()
    row = VacancyStep(vacancy_id=v.id, code=code, seq=step_number(v.kind, code), done_on=on,
                      reference=reference, notes=notes, psh_application_ref=psh_ref or None,
                      undo_reason="")
    ctx.session.add(row)
    try:
        ctx.session.flush()
    except IntegrityError:  # recorded a moment ago from another PC
        raise STEP_ALREADY_DONE.adapted(paragraph=step.paragraph).refuse(
            field="code", step_ms=step.label_ms, step_en=step.label_en) from None
    ctx.audit("langkah", STEP_ENTITY, row.id, None, step_snapshot(row))
    ctx.touched.add(ENTITY)
    return row.id


def list_steps(session: Session, vacancy_id: int) -> list[StepRow]:
    """Every step of the vacancy's kind, in order: those done with their facts, then the rest."""
    v = load_vacancy(session, vacancy_id)
    done = {s.code: s for s in _live_steps(session, v.id)}
    upcoming = next_step(v.kind, done)
    out = []
    for d in steps_for(v.kind):
        s = done.get(d.code)
        if s is None:
            out.append(StepRow(d.code, d.paragraph, d.label_ms, d.label_en, d.needs_reference,
                               False, is_next=upcoming is not None and upcoming.code == d.code))
        else:
            out.append(StepRow(d.code, d.paragraph, d.label_ms, d.label_en, d.needs_reference,
                               True, s.id, s.done_on, s.reference, s.notes,
                               s.psh_application_ref, s.recorded_at))
    return out


def undo_last_step(ctx: Ctx, vacancy_id: int, reason: str) -> None:
    """Take back the last step recorded by mistake; it stays in the history, marked undone.
    The first step (identified) goes only with the vacancy itself."""
    v = load_vacancy(ctx.session, vacancy_id, live=True)
    c = Checks()
    reason = c.text("reason", "Sebab dibatalkan", "Why undone", reason, max_len=2000)
    done = _live_steps(ctx.session, v.id)
    if len(done) <= 1:
        c.add(invalid("code", "Tiada langkah untuk dibatalkan selain langkah pertama "
                      "(dikenal pasti).", "There is no step to undo but the first "
                      "(identified).", "NOTHING_TO_UNDO"))
    c.raise_if_any()
    last = done[-1]
    before = step_snapshot(last)
    last.undone_at, last.undo_reason = utcnow(), reason
    ctx.session.flush()
    ctx.audit("batal_langkah", STEP_ENTITY, last.id, before, step_snapshot(last))
    ctx.touched.add(ENTITY)
