"""Vacancies, their workflow steps, recruitment exercises and candidates (paras 7 and 8)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, EnumText, utcnow
from desktop.models.registers import Grade, Post, Premises, Staff
from desktop.rules.enums import Method, Qualification, VacancyKind
from desktop.rules.vacancy_enums import (
    LIVE_STATUSES,
    CandidateOutcome,
    CandidateStatus,
    VacancyReason,
    VacancyStatus,
)

# One live (open or filled) vacancy per post, held by the database itself.
_LIVE = text("status IN (" + ", ".join(f"'{s.value}'" for s in LIVE_STATUSES) + ")")
# A step is recorded once per vacancy, unless it was undone (undone steps are kept).
_STEP_LIVE = text("undone_at IS NULL")


class Vacancy(Base):
    __tablename__ = "vacancy"
    __table_args__ = (
        Index("uq_vacancy_live_post", "post_id", unique=True,
              sqlite_where=_LIVE, postgresql_where=_LIVE),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"), index=True)
    premises_id: Mapped[int] = mapped_column(ForeignKey("premises.id"), index=True)
    kind: Mapped[VacancyKind] = mapped_column(EnumText(VacancyKind))
    reason: Mapped[VacancyReason] = mapped_column(EnumText(VacancyReason))
    opened_on: Mapped[date] = mapped_column(Date)  # the day the post is (or will be) vacant
    # last incumbent (hakiki) or the incumbent who is away (operasi)
    incumbent_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    expected_end: Mapped[date | None] = mapped_column(Date)  # operasi: incumbent expected back
    status: Mapped[VacancyStatus] = mapped_column(EnumText(VacancyStatus), index=True)
    filled_method: Mapped[Method | None] = mapped_column(EnumText(Method))
    filled_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    close_note: Mapped[str] = mapped_column(Text, default="")
    # the method chosen to fill the duty and why (7.4(d), 8(c)), with the costs compared then
    chosen_method: Mapped[Method | None] = mapped_column(EnumText(Method))
    method_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    method_costs: Mapped[str] = mapped_column(Text, default="", server_default="")  # JSON
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    post: Mapped[Post] = relationship()
    premises: Mapped[Premises] = relationship()
    incumbent: Mapped[Staff | None] = relationship()
    steps: Mapped[list[VacancyStep]] = relationship(back_populates="vacancy",
                                                    order_by="VacancyStep.seq")


class VacancyStep(Base):
    """One step of the vacancy's workflow, as done (``rules.workflow`` holds the tables)."""

    __tablename__ = "vacancy_step"
    __table_args__ = (
        Index("uq_vacancy_step_live", "vacancy_id", "code", unique=True,
              sqlite_where=_STEP_LIVE, postgresql_where=_STEP_LIVE),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    code: Mapped[str] = mapped_column(String(30))
    seq: Mapped[int] = mapped_column(Integer)  # position in the kind's step table, for queries
    done_on: Mapped[date] = mapped_column(Date)
    reference: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    psh_application_ref: Mapped[str | None] = mapped_column(String(100))  # 7.4(e)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)
    undo_reason: Mapped[str] = mapped_column(Text, default="")

    vacancy: Mapped[Vacancy] = relationship(back_populates="steps")


class RecruitmentExercise(Base):
    """An interview round whose successful and reserve lists serve several vacancies."""

    __tablename__ = "recruitment_exercise"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date)
    reference: Mapped[str] = mapped_column(String(100), default="")
    grade_id: Mapped[int | None] = mapped_column(ForeignKey("grade.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    grade: Mapped[Grade | None] = relationship()


class Candidate(Base):
    """A candidate of a vacancy or of an exercise (ranks unique per list: see the service)."""

    __tablename__ = "candidate"
    __table_args__ = (
        CheckConstraint("vacancy_id IS NOT NULL OR exercise_id IS NOT NULL", name="scope"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vacancy_id: Mapped[int | None] = mapped_column(ForeignKey("vacancy.id"), index=True)
    exercise_id: Mapped[int | None] = mapped_column(ForeignKey("recruitment_exercise.id"),
                                                    index=True)
    name: Mapped[str] = mapped_column(String(200))
    mykad: Mapped[str] = mapped_column(String(12), index=True)
    citizen: Mapped[bool] = mapped_column(Boolean, default=True)
    public_officer: Mapped[bool] = mapped_column(Boolean, default=False)
    qualification: Mapped[Qualification | None] = mapped_column(EnumText(Qualification))
    health_certified: Mapped[bool] = mapped_column(Boolean, default=False)
    category: Mapped[CandidateStatus] = mapped_column(EnumText(CandidateStatus))
    rank: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[CandidateOutcome] = mapped_column(EnumText(CandidateOutcome))
    outcome_on: Mapped[date | None] = mapped_column(Date)
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    vacancy: Mapped[Vacancy | None] = relationship()
    exercise: Mapped[RecruitmentExercise | None] = relationship()
