"""Whether a month is closed, the one question every change to a month's data asks first.

Attendance, office holidays and duty claims of a closed month never change: the month close
(``services.month``) stores a snapshot and locks the month; reopening it needs an approving
officer and a reason. Callers use the module attribute (``month_lock.is_month_locked``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import MonthClose, MonthStatus
from desktop.rules.attendance import MONTH_LOCKED, month_values
from desktop.rules.violations import RuleViolation


def is_month_locked(session: Session, year: int, month: int) -> bool:
    """True once the month is closed (and not reopened since)."""
    q = (select(MonthClose.id).where(MonthClose.year == year, MonthClose.month == month,
                                     MonthClose.status == MonthStatus.CLOSED).limit(1))
    return session.execute(q).first() is not None


def locked_violation(session: Session, day: date, field: str | None = None
                     ) -> RuleViolation | None:
    """``MONTH_LOCKED`` naming ``field`` when ``day``'s month is closed, else None."""
    if is_month_locked(session, day.year, day.month):
        return MONTH_LOCKED.violation(field, **month_values(day.year, day.month))
    return None
