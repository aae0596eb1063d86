"""PSH appointments and their extensions; the OS29000 allocation and what PSH commit of it."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

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

from desktop.models.base import Base, EnumText, Money, utcnow
from desktop.models.vacancies import Candidate, Vacancy
from desktop.rules.allocation import AllocationKind
from desktop.rules.enums import Qualification
from desktop.rules.psh_appointment import PshStatus

_ACTIVE = text("active")  # a true boolean on SQLite (1) and PostgreSQL alike


class PshAppointment(Base):
    """A daily-paid worker engaged on a vacancy (para 5A). Never deleted: an ended PSH keeps
    its dates, extensions and commitments as history.

    ``start``/``end`` are ``start_date``/``end_date`` in SQL (END is a reserved word); ``end``
    is the planned last day, moved by extensions; ``ended_on`` is the day it really ended.
    """

    __tablename__ = "psh_appointment"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates_in_order"),
        CheckConstraint("ended_on IS NULL OR (ended_on >= start_date AND ended_on <= end_date)",
                        name="ended_within_term"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    mykad: Mapped[str] = mapped_column(String(12), index=True)
    qualification_held: Mapped[Qualification] = mapped_column(EnumText(Qualification))
    # the qualification the job calls for, which sets the rate (5A(h), 5B)
    qualification_used: Mapped[Qualification] = mapped_column(EnumText(Qualification))
    daily_rate: Mapped[Decimal] = mapped_column(Money)
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date] = mapped_column("end_date", Date)
    kp_approval_ref: Mapped[str] = mapped_column(String(100))
    kp_approval_date: Mapped[date] = mapped_column(Date)
    osa_declared_on: Mapped[date] = mapped_column(Date)  # 5A(n)
    health_certified_on: Mapped[date] = mapped_column(Date)  # 5A(g)
    status: Mapped[PshStatus] = mapped_column(EnumText(PshStatus), index=True)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    vacancy: Mapped[Vacancy] = relationship()
    candidate: Mapped[Candidate] = relationship()
    extensions: Mapped[list[PshExtension]] = relationship(
        back_populates="appointment", order_by="PshExtension.id")


class PshExtension(Base):
    """The head of department's extension of a PSH's term (5A(e)), with its reason."""

    __tablename__ = "psh_extension"
    __table_args__ = (CheckConstraint("new_end > previous_end", name="later"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("psh_appointment.id"), index=True)
    previous_end: Mapped[date] = mapped_column(Date)
    new_end: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    approved_by: Mapped[str] = mapped_column(String(200))  # the head of department, or a ref
    approved_on: Mapped[date | None] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    appointment: Mapped[PshAppointment] = relationship(back_populates="extensions")


class AllocationEntry(Base):
    """One line of a year's OS29000 allocation: initial, top-up or reduction (never edited)."""

    __tablename__ = "allocation_entry"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[AllocationKind] = mapped_column(EnumText(AllocationKind))
    amount: Mapped[Decimal] = mapped_column(Money)
    entry_date: Mapped[date] = mapped_column(Date)
    reference: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AllocationCommitment(Base):
    """What one PSH holds back of one year's allocation: its projected cost in that year, and
    what closed months have already spent. Re-projected in place (audited) when the PSH is
    extended or ends; inactive once the PSH no longer costs anything in that year."""

    __tablename__ = "allocation_commitment"
    __table_args__ = (
        CheckConstraint("projected >= 0 AND spent >= 0", name="amounts_not_negative"),
        Index("uq_allocation_commitment_active", "psh_id", "year", unique=True,
              sqlite_where=_ACTIVE, postgresql_where=_ACTIVE),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psh_id: Mapped[int] = mapped_column(ForeignKey("psh_appointment.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    projected: Mapped[Decimal] = mapped_column(Money)
    spent: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    override_reason: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    psh: Mapped[PshAppointment] = relationship()
