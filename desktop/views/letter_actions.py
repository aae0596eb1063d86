"""Issue a letter from a register's row and open its preview: the one path behind every
"Cetak surat" button (PSH, acting and vacancy pages).

The issue runs through the operation helper: a refusal (office settings incomplete, a record
in the wrong state) is shown in Malay and nothing is numbered; an issued letter is numbered and
recorded before it is shown, so closing the preview without printing keeps its number used.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from desktop.letters import api
from desktop.rules.letters import LetterKind
from desktop.views.letter_preview import LetterPreviewDialog
from desktop.views.operations import Operations, Result

# what a letter's issue changes, for the registers listening to ops.changed
LETTER_KINDS = frozenset({"issued_letter"})


def issue_and_preview(ops: Operations, kind: LetterKind, record_id: int, parent: QWidget, *,
                      today: date | None = None) -> LetterPreviewDialog | None:
    """Issue the letter of ``kind`` for ``record_id`` and open its preview over ``parent``
    (kept as ``parent.letter_preview``); None when the issue was refused."""
    result: Result = ops.call(api.issue_pdf, kind, record_id, today=today or date.today(),
                              actor=ops.who, parent=parent, touched=LETTER_KINDS)
    parent.letter_result = result
    if not result.ok:
        return None
    row, pdf = result.value
    return show_preview(pdf, row.reference, parent)


def show_preview(pdf: bytes, title: str, parent: QWidget) -> LetterPreviewDialog:
    dialog = LetterPreviewDialog(pdf, title, parent)
    parent.letter_preview = dialog  # kept alive while open; tests read it
    dialog.open()
    return dialog


def letter_menu_button(text: str, entries: list[tuple[str, Callable[[], object]]],
                       object_name: str) -> QPushButton:
    """A button whose menu lists the letters a row can have."""
    button = QPushButton(text, objectName=object_name)
    menu = QMenu(button)
    for label, action in entries:
        menu.addAction(label).triggered.connect(lambda _=False, a=action: a())
    button.setMenu(menu)
    return button
