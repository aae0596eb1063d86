"""Closed months: the immutable snapshot of what a month paid, from which its return is written."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, EnumText, utcnow


class MonthStatus(str, Enum):
    CLOSED = "CLOSED"
    REOPENED = "REOPENED"


class MonthClose(Base):
    """One closing of a month; reopening marks it REOPENED and the next close is version + 1."""

    __tablename__ = "month_close"
    __table_args__ = (UniqueConstraint("year", "month", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[MonthStatus] = mapped_column(EnumText(MonthStatus), index=True)
    closed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    closed_by: Mapped[str] = mapped_column(String(100))
    snapshot: Mapped[str] = mapped_column(Text)  # canonical JSON of the month's lines
    sha256: Mapped[str] = mapped_column(String(64))
    reopened_at: Mapped[datetime | None] = mapped_column(DateTime)
    reopened_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    reopen_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
