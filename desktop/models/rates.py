"""Rate tables the administrator entered in the app (the tables no public source gives:
rules.rate_forms), one dated table a row, its rows kept as the TOML files hold them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, utcnow


class EnteredRateTable(Base):
    __tablename__ = "entered_rate_table"
    __table_args__ = (UniqueConstraint("name", "effective_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))  # "gantian", "lampiran_a"
    effective_from: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(300))  # the letter the rates come from
    rows_json: Mapped[str] = mapped_column(Text)  # [{"grade": "S17", "per": "HARI", ...}]
    entered_by: Mapped[str] = mapped_column(String(60))
    entered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
