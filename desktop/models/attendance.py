"""Attendance of PSH (para 5A(k)) and their official-duty claims (5A(j)).

Present is the default: only absences are stored, one row per PSH and day. Office holidays
(cuti peristiwa) are the office's own days off, on top of the state's calendar. A duty trip
keeps the amount computed when it was entered and the rates used, so a later Lampiran A
table never changes a claim already made.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, EnumText, Money, utcnow
from desktop.models.psh import PshAppointment
from desktop.rules.attendance import AbsenceKind


class OfficeHoliday(Base):
    """A day the whole office is closed (cuti peristiwa), entered once for every PSH."""

    __tablename__ = "office_holiday"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Absence(Base):
    """A working day (or half day) a PSH did not work: not paid (5A(k))."""

    __tablename__ = "absence"
    __table_args__ = (
        UniqueConstraint("psh_id", "day"),
        CheckConstraint("kind IN ('FULL', 'HALF')", name="kind_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psh_id: Mapped[int] = mapped_column(ForeignKey("psh_appointment.id"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[AbsenceKind] = mapped_column(EnumText(AbsenceKind))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    psh: Mapped[PshAppointment] = relationship()


class DutyTrip(Base):
    """One official-duty trip of a PSH and its allowance by Lampiran A (5A(j)).

    Hours away are kept in minutes and the distance in tenths of a km, so both are exact
    integers on SQLite and PostgreSQL alike.
    """

    __tablename__ = "duty_trip"
    __table_args__ = (
        CheckConstraint("minutes_away >= 0 AND km_tenths >= 0 AND nights >= 0",
                        name="figures_not_negative"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    psh_id: Mapped[int] = mapped_column(ForeignKey("psh_appointment.id"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)  # the first day of the trip
    purpose: Mapped[str] = mapped_column(Text)
    minutes_away: Mapped[int] = mapped_column(Integer)
    km_tenths: Mapped[int] = mapped_column(Integer)
    nights: Mapped[int] = mapped_column(Integer)
    lodging: Mapped[str | None] = mapped_column(String(10))  # HOTEL or LOJING, with nights
    amount: Mapped[Decimal] = mapped_column(Money)
    rate_snapshot: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    psh: Mapped[PshAppointment] = relationship()
