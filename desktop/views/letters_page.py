"""Surat dikeluarkan: the register of issued letters, their preview and copies (marked SALINAN),
the batch of many letters, and the check of a letter's QR text."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from desktop.letters import api
from desktop.rules.letters import KIND_LABELS_MS, LetterKind, letter_kind, sealed_facts
from desktop.rules.mykad import format_mykad
from desktop.services.letters import IssuedLetterRow, list_letters, mark_reprinted, verify_text
from desktop.views.letter_actions import LETTER_KINDS, show_preview
from desktop.views.register_page import RegisterPage
from desktop.views.table_model import Column
from desktop.views.widgets import choice_combo

ALL_YEARS = 2015  # the year box's lowest value stands for every year

GENUINE_STYLE = "color: #1b5e20;"
FORGED_STYLE = "color: #b00020;"


def kind_text(kind) -> str:
    try:
        return KIND_LABELS_MS[letter_kind(kind)]
    except Exception:  # noqa: BLE001 - a kind this version does not know is shown as stored
        return str(kind)


class LettersPage(RegisterPage):
    kinds = LETTER_KINDS | {"office"}
    can_add = False

    def __init__(self, ops, parent=None):
        super().__init__(ops, parent)
        self.setObjectName("lettersPage")
        self.edit_button.hide()  # an issued letter is never edited
        self.show_inactive.hide()
        self.batch_dialog = None
        self.layout().addWidget(self._verify_box())

    # -- the register ------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Surat Dikeluarkan")

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Jenis"), lambda r: kind_text(r.kind)),
            Column(self.tr("No. rujukan"), lambda r: r.reference,  # (15) after (9)
                   sort_key=lambda r: (str(getattr(r.kind, "value", r.kind)), r.year, r.seq)),
            Column(self.tr("Tarikh"), lambda r: r.issued_on),
            Column(self.tr("Nama"), lambda r: r.person),
            Column(self.tr("Salinan dicetak"), lambda r: r.copies_printed, align_right=True),
            Column(self.tr("Perkara"), lambda r: r.subject),  # long: last, it stretches
        ]

    def make_buttons(self) -> list:
        self.kind_filter: QComboBox = choice_combo(
            [(KIND_LABELS_MS[k], k) for k in LetterKind], blank=self.tr("Semua jenis"))
        self.kind_filter.setObjectName("kindFilter")
        self.year_filter = QSpinBox(objectName="yearFilter")
        self.year_filter.setRange(ALL_YEARS, 2100)
        self.year_filter.setSpecialValueText(self.tr("Semua tahun"))
        self.year_filter.setValue(ALL_YEARS)
        self.kind_filter.currentIndexChanged.connect(lambda *_: self.reload())
        self.year_filter.valueChanged.connect(lambda *_: self.reload())
        self.view_button = QPushButton(self.tr("Lihat"), objectName="viewButton")
        self.copy_button = QPushButton(self.tr("Cetak salinan"), objectName="copyButton")
        self.batch_button = QPushButton(self.tr("Kelompok..."), objectName="batchButton")
        self.view_button.clicked.connect(lambda: self.view_selected())
        self.copy_button.clicked.connect(lambda: self.reprint_selected())
        self.batch_button.clicked.connect(lambda: self.open_batch())
        return [self.view_button, self.copy_button, self.batch_button, self.kind_filter,
                self.year_filter]

    def load(self) -> list[IssuedLetterRow]:
        year = self.year_filter.value()
        return self.ops.query(list_letters, kind=self.kind_filter.currentData(),
                              year=None if year == ALL_YEARS else year)

    def extra_search(self, row: IssuedLetterRow) -> str:
        mykad = (getattr(row, "essentials", None) or {}).get("mykad", "")
        return f"{mykad} {format_mykad(mykad) if mykad else ''}"

    def selection_changed(self) -> None:
        super().selection_changed()
        chosen = self.selected_row() is not None
        self.view_button.setEnabled(chosen)
        self.copy_button.setEnabled(chosen)

    def edit_selected(self):
        return self.view_selected()  # double-click or Enter opens the letter

    def row_title(self, row: IssuedLetterRow) -> str:
        return row.reference

    # -- a letter's original and its copies --------------------------------------------------
    def view_selected(self):
        row = self.selected_row()
        if row is None:
            return None
        result = self.ops.call(api.letter_pdf, row.id, parent=self)
        return show_preview(result.value, row.reference, self) if result.ok else None

    def reprint_selected(self):
        """The same letter rendered again and marked SALINAN; each copy is counted when it is
        printed or saved, not when it is only looked at."""
        row = self.selected_row()
        if row is None:
            return None
        result = self.ops.call(api.copy_pdf, row.id, parent=self)
        if not result.ok:
            return None
        preview = show_preview(result.value, self.tr("%1 (SALINAN)").replace(
            "%1", row.reference), self)
        preview.delivered.connect(lambda _how: self.ops.run(mark_reprinted, row.id,
                                                            parent=preview))
        return preview

    def open_batch(self):
        from desktop.views.letter_batch import BatchDialog

        self.batch_dialog = BatchDialog(self.ops, self)
        self.batch_dialog.open()
        return self.batch_dialog

    # -- checking a QR text ------------------------------------------------------------------
    def _verify_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Semak kod QR surat"), objectName="verifyBox")
        self.verify_input = QLineEdit(objectName="verifyInput")
        self.verify_input.setPlaceholderText(self.tr("Tampal teks kod QR, cth. ISITUGAS:1:..."))
        self.verify_input.returnPressed.connect(lambda: self.verify())
        self.verify_button = QPushButton(self.tr("Semak"), objectName="verifyButton")
        self.verify_button.clicked.connect(lambda: self.verify())
        self.verify_result = QLabel(objectName="verifyResult")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextFormat(Qt.TextFormat.RichText)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.verify_input, 1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.verify_result)
        return box

    def verify(self, text: str | None = None):
        """Whether the text is the QR code of a letter issued here, with the letter's facts."""
        if text is not None:
            self.verify_input.setText(text)
        text = self.verify_input.text().strip()
        if not text:
            self.verify_result.clear()
            return None
        verdict = self.ops.query(verify_text, text)
        self.last_verification = verdict
        message = verdict.message_en if self.ops.lang == "en" else verdict.message_ms
        lines = [f"<b>{html.escape(message)}</b>"]
        if verdict.genuine and verdict.letter is not None:
            facts = sealed_facts(verdict.letter.essentials or {}, self.ops.lang,
                                 mask=self.ops.masks_mykad)
            lines.append("<table>" + "".join(
                f"<tr><td>{html.escape(label)}:&nbsp;</td><td>{html.escape(value)}</td></tr>"
                for label, value in facts) + "</table>")
        self.verify_result.setStyleSheet(GENUINE_STYLE if verdict.genuine else FORGED_STYLE)
        self.verify_result.setText("".join(lines))
        if verdict.genuine and verdict.letter is not None:
            self.search.clear()
            self.select_where(lambda r: r.id == verdict.letter.id)
        return verdict
