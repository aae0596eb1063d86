"""Whether a month is closed, the one question every change to a month's data asks first.

Attendance, office holidays and duty claims of a closed month never change: the month close
(issue 6, item 3) stores a snapshot and locks the month, and reopening it needs an approving
officer. Until that service exists no month is closed; it will answer here, so that the
services already calling this module need no change. Callers use the module attribute
(``month_lock.is_month_locked``) so that tests can stand in for the month close.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from desktop.rules.attendance import MONTH_LOCKED, month_values
from desktop.rules.violations import RuleViolation


def is_month_locked(session: Session, year: int, month: int) -> bool:
    """True once the month is closed (and not reopened). No month can be closed yet: the
    month-close service will provide the answer from its table."""
    return False


def locked_violation(session: Session, day: date, field: str | None = None
                     ) -> RuleViolation | None:
    """``MONTH_LOCKED`` naming ``field`` when ``day``'s month is closed, else None."""
    if is_month_locked(session, day.year, day.month):
        return MONTH_LOCKED.violation(field, **month_values(day.year, day.month))
    return None
