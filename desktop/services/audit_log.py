"""The audit screen's queries: records by date, user, entity, action and text; the chain's state.

Read-only: the records are written by ``services.audit`` in each action's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.models import AuditRecord
from desktop.services.audit import verify_chain

# The screen shows the newest records first and at most this many (a filter narrows them).
DEFAULT_LIMIT = 2000


@dataclass(frozen=True)
class AuditFilter:
    start: date | None = None  # first day shown (UTC dates, as recorded)
    end: date | None = None  # last day shown, included
    actor: str = ""
    entity: str = ""
    action: str = ""
    text: str = ""  # found in the entity id, before or after (any case)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: str  # canonical JSON, "" when none
    after: str


@dataclass(frozen=True)
class ChainStatus:
    records: int
    first_broken: int | None  # the id of the first record an outside edit broke

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def search_audit(session: Session, f: AuditFilter | None = None,
                 limit: int = DEFAULT_LIMIT) -> list[AuditRow]:
    """The records matching every filter given, newest first."""
    f = f or AuditFilter()
    q = select(AuditRecord)
    if f.start is not None:
        q = q.where(AuditRecord.at >= datetime.combine(f.start, time.min))
    if f.end is not None:
        q = q.where(AuditRecord.at < datetime.combine(f.end + timedelta(days=1), time.min))
    for column, value in ((AuditRecord.actor, f.actor), (AuditRecord.entity, f.entity),
                          (AuditRecord.action, f.action)):
        if value:
            q = q.where(column == value)
    for word in f.text.split():
        pattern = f"%{word.lower()}%"
        q = q.where(or_(*(column.ilike(pattern) for column in (
            AuditRecord.entity_id, AuditRecord.before, AuditRecord.after))))
    q = q.order_by(AuditRecord.id.desc()).limit(limit)
    return [AuditRow(r.id, r.at, r.actor, r.action, r.entity, r.entity_id, r.before, r.after)
            for r in session.execute(q).scalars()]


def audit_choices(session: Session) -> tuple[list[str], list[str], list[str]]:
    """The actors, entities and actions that occur, sorted: the filters' lists."""
    def values(column) -> list[str]:
        return sorted(session.execute(select(column).distinct()).scalars())

    return values(AuditRecord.actor), values(AuditRecord.entity), values(AuditRecord.action)


def chain_status(session: Session) -> ChainStatus:
    count = session.execute(select(func.count(AuditRecord.id))).scalar_one()
    return ChainStatus(count, verify_chain(session))
