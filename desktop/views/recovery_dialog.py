"""Start-up recovery: a damaged or unreadable database file is explained in Malay and the
newest sound backup is offered for restoring; never a traceback.

A file written by a newer IsiTugas, a missing file or PostgreSQL get the message only: the
file is left exactly as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.rules import Refused
from desktop.services import backup
from desktop.services.database import Unsound

RESTORABLE = (Unsound.DAMAGED, Unsound.UNREADABLE)


def tr(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def show_error(parent: QWidget | None, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "IsiTugas", text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("recoveryError")
    box.exec()


def ask_restore(parent: QWidget | None, problem: str, row: backup.BackupRow,
                lang: str = "ms") -> bool:
    """Yes/No: restore ``row`` in place of the damaged file?"""
    text = (problem + "\n\n"
            + tr("Sandaran sihat terbaru: %1 (%2, %3).").replace("%1", row.path.name)
            .replace("%2", f"{row.taken_at:%d/%m/%Y %H:%M}").replace("%3", row.reason_text(lang))
            + "\n\n" + tr("Pulihkan pangkalan data daripada sandaran ini? Fail yang rosak "
                          "disimpan dahulu dalam folder sandaran."))
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Pangkalan data rosak"), text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("recoveryQuestion")
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def open_with_recovery(open_db: Callable[[], object], url: str, lang: str = "ms",
                       parent: QWidget | None = None):
    """``open_db()``, or after an unsound file the offer to restore the newest sound backup
    and a second try; None (after telling the user why) when the database stays closed."""
    try:
        return open_db()
    except (Unsound, Refused) as exc:
        return recover(exc, open_db, url, lang, parent)


def recover(exc: Unsound | Refused, open_db: Callable[[], object], url: str, lang: str = "ms",
            parent: QWidget | None = None):
    """After ``open_db()`` failed with ``exc``: the restore offer and a second try, or None
    (after telling the user why). The start-up calls it once its worker's first try failed."""
    problem = exc.message(lang)
    if getattr(exc, "kind", None) not in RESTORABLE:
        show_error(parent, problem)
        return None
    try:
        row = backup.newest_sound_backup_of(url)
    except Refused:
        row = None
    if row is None:
        show_error(parent, problem + "\n\n" + tr("Tiada sandaran yang sihat ditemui."))
        return None
    if not ask_restore(parent, problem, row, lang):
        return None
    try:
        backup.restore(url, row.path)
        return open_db()
    except (Unsound, Refused) as exc:
        show_error(parent, exc.message(lang))
        return None
