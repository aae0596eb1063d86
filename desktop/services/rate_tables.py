"""Rate tables the administrator enters in the app: the replacement officer's honorarium
(7.4(d)) and Lampiran A's official-duty allowances (5A(j)), which no public source gives.

They are kept in the database (``entered_rate_table``), dated like the files' tables, so every
PC on a shared database and every backup carry the same rates; an installed file cannot be
edited by a clerk anyway (Program Files). ``services.unit`` hands them to the rules inside
every transaction (``rules.rates.entered_tables``): an entered table takes effect on its date,
and replaces the installation's table of the same date. What was computed before keeps its
amount (a replacement officer's honorarium is stored at appointment, a duty claim at entry).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import EnteredRateTable
from desktop.models.base import utcnow
from desktop.rules import rates
from desktop.rules.rate_forms import clean_rows, editable_table
from desktop.rules.violations import Refused, invalid
from desktop.services.unit import Ctx
from desktop.services.validate import Checks, typed_date

ENTITY = "rates"


@dataclass(frozen=True)
class RateTableRow:
    """One dated table, entered here or shipped with the installation."""

    name: str
    effective_from: date
    source: str
    rows: tuple[dict[str, str], ...]
    entered: bool  # entered in the app (may be removed); False: the installation's file
    entered_by: str = ""
    entered_at: datetime | None = None


@dataclass
class RateTableForm:
    name: str  # a key of rules.rate_forms.EDITABLE_TABLES
    effective_from: str  # as typed: dd/mm/yyyy or yyyy-mm-dd
    source: str  # the letter the rates come from
    rows: list[dict[str, str]] = field(default_factory=list)  # the grid's cells as text


def entered_for_rules(session: Session) -> dict[str, list[dict]]:
    """Every entered table, as ``rules.rates`` reads tables: {name: [{effective_from, source,
    rows}, ...]}."""
    found: dict[str, list[dict]] = {}
    for t in session.execute(select(EnteredRateTable)).scalars():
        found.setdefault(t.name, []).append({"effective_from": t.effective_from,
                                             "source": t.source,
                                             "rows": json.loads(t.rows_json)})
    return found


def list_rate_tables(session: Session, name: str) -> list[RateTableRow]:
    """The dated tables of ``name``, newest first: the entered ones, and the installation's
    of the dates no entered table replaces."""
    editable_table(name)
    entered = [RateTableRow(t.name, t.effective_from, t.source,
                            tuple(json.loads(t.rows_json)), True, t.entered_by, t.entered_at)
               for t in session.execute(select(EnteredRateTable)
                                        .where(EnteredRateTable.name == name)).scalars()]
    dates = {t.effective_from for t in entered}
    shipped = [RateTableRow(name, t["effective_from"], str(t.get("source", "")),
                            tuple({k: str(v) for k, v in row.items()}
                                  for row in t.get("rows") or ()), False)
               for t in rates.file_rates(name)["table"] if t["effective_from"] not in dates]
    return sorted(entered + shipped, key=lambda t: t.effective_from, reverse=True)


def save_rate_table(ctx: Ctx, form: RateTableForm) -> date:
    """Enter a dated table (an administrator's action, rules.roles); one already entered for
    that date is replaced. Every problem of the form is refused at once."""
    table = editable_table(form.name)
    c = Checks()
    start = typed_date(c, "effective_from", "Tarikh berkuat kuasa", "Effective date",
                       form.effective_from)
    source = c.text("source", "Sumber (surat atau lampiran)", "Source (letter or annex)",
                    form.source, max_len=300)
    try:
        rows = clean_rows(table.name, list(form.rows or []))
    except Refused as refused:
        c.problems.extend(refused.violations)
        rows = []
    first = rates.file_rates(table.name)["table"][0]["effective_from"]
    if start is not None and start < first:
        c.add(invalid("effective_from", f"Tarikh berkuat kuasa tidak boleh sebelum "
                      f"{first:%d/%m/%Y} (tarikh jadual ini mula digunakan).",
                      f"The effective date cannot be before {first:%d/%m/%Y} (when this table "
                      f"starts).", "RATE_TABLE_TOO_EARLY"))
    c.raise_if_any()
    existing = ctx.session.execute(select(EnteredRateTable).where(
        EnteredRateTable.name == table.name,
        EnteredRateTable.effective_from == start)).scalar_one_or_none()
    before = _snapshot(existing) if existing else None
    if existing is None:
        existing = EnteredRateTable(name=table.name, effective_from=start)
        ctx.session.add(existing)
    existing.source = source
    existing.rows_json = json.dumps(rows, ensure_ascii=False)
    existing.entered_by = ctx.actor
    existing.entered_at = utcnow()  # UTC, as every stored time; the page shows local time
    ctx.session.flush()
    ctx.audit("ubah" if before else "simpan", ENTITY, existing.id, before, _snapshot(existing))
    return start


def remove_rate_table(ctx: Ctx, name: str, effective_from: date) -> None:
    """Remove an entered table (the installation's cannot be). Amounts computed with it stay
    as they were."""
    table = editable_table(name)
    found = ctx.session.execute(select(EnteredRateTable).where(
        EnteredRateTable.name == table.name,
        EnteredRateTable.effective_from == effective_from)).scalar_one_or_none()
    if found is None:
        raise Refused(invalid(
            "effective_from", f"Tiada jadual {table.title_ms} yang dimasukkan berkuat kuasa "
            f"{effective_from:%d/%m/%Y}; jadual pemasangan tidak boleh dipadam.",
            f"No entered {table.title_en} table takes effect on {effective_from:%d/%m/%Y}; "
            "the installation's tables cannot be removed.", "RATE_TABLE_NOT_ENTERED"))
    before = _snapshot(found)
    ctx.session.delete(found)
    ctx.session.flush()
    ctx.audit("padam", ENTITY, before["id"], before, None)


def _snapshot(t: EnteredRateTable) -> dict:
    return {"id": t.id, "name": t.name, "effective_from": t.effective_from.isoformat(),
            "source": t.source, "rows": json.loads(t.rows_json), "entered_by": t.entered_by}
