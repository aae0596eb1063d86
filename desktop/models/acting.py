"""Acting assignments (penanggungan kerja, para 6) and replacement officers (pegawai gantian).

Both cover a vacancy for a time. Neither is ever deleted: an ended one keeps its dates and the
reason it ended, and a renewal (after the six months of 6A(c)) or a resumption after a long
interruption (6A(f)) is a new assignment that names the old one in ``previous_id``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, EnumText, Money, utcnow
from desktop.models.registers import Grade, Staff
from desktop.models.vacancies import Vacancy


class FillingStatus(str, Enum):
    """Whether an acting assignment or a replacement officer still covers the vacancy."""

    ACTIVE = "ACTIVE"
    ENDED = "ENDED"

    @property
    def label_ms(self) -> str:
        return {"ACTIVE": "Aktif", "ENDED": "Tamat"}[self.value]


class ActingEndKind(str, Enum):
    """Why an acting assignment ended (the free-text ``end_reason`` says more)."""

    ENDED = "ENDED"  # ended by the head of department (6A(e)) or at its planned end
    HANDED_OVER = "HANDED_OVER"  # another officer acts from the next day (6A(e))
    INTERRUPTED = "INTERRUPTED"  # interrupted 14 days or more (6A(f))
    RENEWED = "RENEWED"  # continued by a new application (6A(c))

    @property
    def label_ms(self) -> str:
        return {"ENDED": "Ditamatkan", "HANDED_OVER": "Diserahkan kepada pegawai lain",
                "INTERRUPTED": "Terputus 14 hari atau lebih",
                "RENEWED": "Diperbaharui"}[self.value]


# start/end are reserved words in SQL: the columns are start_date/end_date, as in post_history.
_DATES_IN_ORDER = "end_date >= start_date"
_ENDED_IN_TERM = "ended_on IS NULL OR (ended_on >= start_date AND ended_on <= end_date)"


class ActingAssignment(Base):
    """An officer ordered in writing to carry a vacant post's duties beside their own."""

    __tablename__ = "acting_assignment"
    __table_args__ = (
        CheckConstraint(_DATES_IN_ORDER, name="dates_in_order"),
        CheckConstraint(_ENDED_IN_TERM, name="ended_in_term"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    # the grade acted in, fixed when assigned: the allowance is 25 % of its starting salary (6B)
    grade_id: Mapped[int] = mapped_column(ForeignKey("grade.id"), index=True)
    start: Mapped[date] = mapped_column("start_date", Date)  # first day of the duties (6A(d))
    end: Mapped[date] = mapped_column("end_date", Date)  # planned last day, within 6 months
    instruction_ref: Mapped[str] = mapped_column(String(100))  # the written instruction, 6A(b)
    instruction_date: Mapped[date] = mapped_column(Date)
    approval_ref: Mapped[str] = mapped_column(String(100))
    approval_date: Mapped[date] = mapped_column(Date)
    authority: Mapped[str] = mapped_column(String(200))  # the approving authority
    # 6A(g)(ii): why no confirmed officer was available, when the officer is not confirmed
    unconfirmed_reason: Mapped[str | None] = mapped_column(Text)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("acting_assignment.id"),
                                                    index=True)
    status: Mapped[FillingStatus] = mapped_column(EnumText(FillingStatus), index=True)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_kind: Mapped[ActingEndKind | None] = mapped_column(EnumText(ActingEndKind))
    end_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    vacancy: Mapped[Vacancy] = relationship()
    staff: Mapped[Staff] = relationship()
    grade: Mapped[Grade] = relationship()
    previous: Mapped[ActingAssignment | None] = relationship(remote_side=[id])
    interruptions: Mapped[list[ActingInterruption]] = relationship(
        back_populates="assignment", order_by="ActingInterruption.start")


class ActingInterruption(Base):
    """Days the acting officer did not carry the duties (first and last day away)."""

    __tablename__ = "acting_interruption"
    __table_args__ = (CheckConstraint(_DATES_IN_ORDER, name="dates_in_order"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("acting_assignment.id"), index=True)
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date] = mapped_column("end_date", Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    assignment: Mapped[ActingAssignment] = relationship(back_populates="interruptions")


class GantianAppointment(Base):
    """A replacement officer on an honorarium (bayaran saguhati, 7.4(d), 8.2(c))."""

    __tablename__ = "gantian_appointment"
    __table_args__ = (
        CheckConstraint(_DATES_IN_ORDER, name="dates_in_order"),
        CheckConstraint(_ENDED_IN_TERM, name="ended_in_term"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    mykad: Mapped[str] = mapped_column(String(12), index=True)
    # the honorarium as the table gave it on the first day, kept as approved
    grade_code: Mapped[str] = mapped_column(String(10))
    per: Mapped[str] = mapped_column(String(10))  # "HARI" or "BULAN" (rules.gantian)
    amount: Mapped[Decimal] = mapped_column(Money)
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date] = mapped_column("end_date", Date)
    approval_ref: Mapped[str] = mapped_column(String(100))
    approval_date: Mapped[date] = mapped_column(Date)
    status: Mapped[FillingStatus] = mapped_column(EnumText(FillingStatus), index=True)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    vacancy: Mapped[Vacancy] = relationship()
