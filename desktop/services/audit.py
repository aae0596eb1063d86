"""Audit records chained by hashes: an edit made outside the app breaks the chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.models import AuditRecord
from desktop.models.base import utcnow


def _plain(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if is_dataclass(value):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def canonical(value) -> str:
    """Stable JSON of a snapshot (sorted keys, no spaces); "" for nothing."""
    if value is None:
        return ""
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def record_hash(prev_hash: str, at: datetime, actor: str, action: str, entity: str,
                entity_id: str, before: str, after: str) -> str:
    payload = "\x1f".join([prev_hash, at.isoformat(), actor, action, entity, entity_id, before, after])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(session: Session, actor: str, action: str, entity: str, entity_id, before=None,
           after=None) -> AuditRecord:
    """Add one audit record, chained to the newest one, in the caller's transaction."""
    prev = _newest_hash(session)
    at = utcnow().replace(microsecond=0)
    rec = AuditRecord(at=at, actor=actor, action=action, entity=entity,
                      entity_id=str(entity_id or ""), before=canonical(before),
                      after=canonical(after), prev_hash=prev)
    rec.hash = record_hash(prev, at, rec.actor, action, entity, rec.entity_id, rec.before, rec.after)
    session.add(rec)
    session.flush()
    return rec


def _newest_hash(session: Session) -> str:
    last = session.execute(
        select(AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)
    ).scalar_one_or_none()
    return last or ""


def append_many(session: Session, actor: str, entries) -> None:
    """Add one audit record per ``(action, entity, entity_id, before, after)``, in order, each
    chained to the one before, as ``append`` would one by one: the newest hash is read once and
    the records inserted in one statement (a month close audits every PSH's spending)."""
    session.flush()  # the records' ids follow whatever the caller has pending
    prev = _newest_hash(session)
    at = utcnow().replace(microsecond=0)
    rows = []
    for action, entity, entity_id, before, after in entries:
        row = {"at": at, "actor": actor, "action": action, "entity": entity,
               "entity_id": str(entity_id or ""), "before": canonical(before),
               "after": canonical(after), "prev_hash": prev}
        row["hash"] = prev = record_hash(prev, at, actor, action, entity, row["entity_id"],
                                         row["before"], row["after"])
        rows.append(row)
    if rows:
        session.execute(insert(AuditRecord), rows)


def verify_chain(session: Session) -> int | None:
    """The id of the first record whose hash or link does not hold, or None when all hold."""
    prev = ""
    rows = session.execute(select(AuditRecord).order_by(AuditRecord.id)).scalars()
    for rec in rows:
        expected = record_hash(prev, rec.at, rec.actor, rec.action, rec.entity, rec.entity_id,
                               rec.before, rec.after)
        if rec.prev_hash != prev or rec.hash != expected:
            return rec.id
        prev = rec.hash
    return None


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    actor: str
    action: str
    changes: tuple[tuple[str, str, str], ...]  # (field, before, after) for each changed field


def _decode(text: str) -> dict:
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {"nilai": value}


def history(session: Session, entity: str, entity_id) -> list[HistoryRow]:
    """The changes made to one record, oldest first, each field with its before and after."""
    q = (select(AuditRecord)
         .where(AuditRecord.entity == entity, AuditRecord.entity_id == str(entity_id))
         .order_by(AuditRecord.id))
    out = []
    for rec in session.execute(q).scalars():
        before, after = _decode(rec.before), _decode(rec.after)
        fields = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
        changes = tuple((k, _shown(before.get(k)), _shown(after.get(k))) for k in fields)
        out.append(HistoryRow(rec.at, rec.actor, rec.action, changes))
    return out


def _shown(value) -> str:
    return "" if value is None else str(value)
