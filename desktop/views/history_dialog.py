"""The history of one record: who changed what and when, from the audit log."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtWidgets import QWidget

from desktop.rules.mykad import mask_mykads_in
from desktop.services.audit import HistoryRow, history
from desktop.views.operations import Operations
from desktop.views.table_dialog import TableDialog
from desktop.views.table_model import Column


class HistoryDialog(TableDialog):
    def __init__(self, ops: Operations, entity: str, entity_id, title: str,
                 parent: QWidget | None = None, labels: dict[str, str] | None = None):
        labels = labels or {}
        super().__init__(self.tr("Sejarah: %1").replace("%1", title), [
            Column(self.tr("Masa"), lambda r: local_time(r.at).strftime("%d/%m/%Y %H:%M")),
            Column(self.tr("Oleh"), lambda r: r.actor),
            Column(self.tr("Tindakan"), lambda r: r.action),
            Column(self.tr("Perubahan"), lambda r: _private(ops, _changes(r, labels))),
        ], ops.query(history, entity, entity_id), parent, object_name="historyDialog")


def _private(ops: Operations, text: str) -> str:
    # the read-only role sees MyKad numbers masked here as in the registers
    return mask_mykads_in(text) if ops.masks_mykad else text


def local_time(at: datetime) -> datetime:
    """A stored time (UTC, naive) in the PC's own time zone, for showing it."""
    return at.replace(tzinfo=timezone.utc).astimezone() if at.tzinfo is None else at.astimezone()


def _changes(row: HistoryRow, labels: dict[str, str]) -> str:
    return "\n".join(f"{labels.get(field, field)}: {before or '-'} → {after or '-'}"
                     for field, before, after in row.changes)
