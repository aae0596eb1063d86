"""Tetapan pejabat: the office's own particulars, which head every letter (name, address, logo,
slogans, the signing officer) and number it (the reference prefixes, one per kind of letter)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.rules import STATES
from desktop.rules.letters import KIND_LABELS_MS, LetterKind
from desktop.services.letters import letter_prefixes, logo_bytes, save_letterhead, set_logo
from desktop.services.office import OfficeInfo, get_office
from desktop.views.forms import FieldErrors
from desktop.views.operations import Operations, Result
from desktop.views.widgets import choice_combo, select_data

THUMBNAIL = 96  # pixels: enough to recognise the crest, small beside the form
LOGO_LIMIT = 2 * 1024 * 1024  # the service refuses more; read no further than that


class OfficePage(QWidget):
    kinds = frozenset({"office", "letter_prefix", "letter_asset"})

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("officePage")
        self.office: OfficeInfo | None = None
        self.loaded_prefixes: dict[LetterKind, str] = {}

        self.form_layout = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.name = self._line("name", self.tr("Nama pejabat"))
        self.code = self._line("code", self.tr("Kod pejabat"))
        self.state: QComboBox = choice_combo([(f"{name} ({code})", code)
                                              for code, (name, _) in STATES.items()],
                                             blank=self.tr("(pilih negeri)"))
        self._add("state", self.tr("Negeri"), self.state)
        self.address = self._text("address", self.tr("Alamat"))
        self.phone = self._line("phone", self.tr("Telefon"))
        self.email = self._line("email", self.tr("E-mel"))
        self.slogans = self._text("slogans", self.tr("Slogan (satu sebaris)"))
        self.signer_name = self._line("signer_name", self.tr("Nama pegawai yang menandatangani"))
        self.signer_title = self._line("signer_title", self.tr("Jawatan pegawai tersebut"))
        self.ref_prefix = self._line("ref_prefix", self.tr("Awalan rujukan surat"))
        self.hq_address = self._text("hq_address",
                                     self.tr("Alamat Ibu Pejabat (surat kepada Ketua Pengarah)"))
        # what letters print while it is left blank (services.letter_facts.KP_ADDRESSEE)
        self.hq_address.setPlaceholderText(
            "Jabatan Perpaduan Negara dan Integrasi Nasional\nPutrajaya")

        self.prefixes = QTableWidget(len(LetterKind), 2, objectName="prefixes")
        self.prefixes.setHorizontalHeaderLabels([self.tr("Jenis surat"),
                                                 self.tr("Awalan rujukan")])
        self.prefixes.verticalHeader().hide()
        self.prefixes.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.prefixes.horizontalHeader().setStretchLastSection(True)
        for row, kind in enumerate(LetterKind):
            label = QTableWidgetItem(KIND_LABELS_MS[kind])
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            label.setData(Qt.ItemDataRole.UserRole, kind)
            self.prefixes.setItem(row, 0, label)
            self.prefixes.setItem(row, 1, QTableWidgetItem(""))
        self.prefixes.setMinimumHeight(60 + 30 * len(LetterKind))
        self._add("prefixes", self.tr("Awalan mengikut jenis"), self.prefixes)

        self.logo = QLabel(objectName="logoThumbnail")
        self.logo.setFixedSize(THUMBNAIL, THUMBNAIL)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setStyleSheet("border: 1px solid #c8c8c8;")
        self.logo_button = QPushButton(self.tr("Pilih logo..."), objectName="logoButton")
        self.logo_button.clicked.connect(lambda: self.choose_logo())
        logo_row = QWidget()
        row_layout = QHBoxLayout(logo_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.logo)
        row_layout.addWidget(self.logo_button, 0, Qt.AlignmentFlag.AlignBottom)
        row_layout.addStretch(1)
        self._add("logo", self.tr("Logo kepala surat"), logo_row)
        self.errors = FieldErrors(self.form_layout, self.fields, ops.lang)

        self.save_button = QPushButton(self.tr("Simpan"), objectName="saveButton")
        self.save_button.clicked.connect(lambda: self.save())
        self.status = QLabel(objectName="status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(self.form_layout)
        body_layout.addLayout(buttons)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Tetapan Pejabat") + "</h2>"))
        layout.addWidget(QLabel(self.tr("Butiran ini dicetak pada kepala setiap surat; nombor "
                                        "rujukan berjalan mengikut jenis dan tahun.")))
        layout.addWidget(scroll, 1)
        ops.changed.connect(lambda kinds: self.reload() if kinds & self.kinds else None)
        self.reload()

    # -- building ----------------------------------------------------------------------------
    def _add(self, name: str, label: str, widget: QWidget) -> QWidget:
        if not widget.objectName():
            widget.setObjectName(name)
        self.form_layout.addRow(label, widget)
        self.fields[name] = widget
        return widget

    def _line(self, name: str, label: str) -> QLineEdit:
        return self._add(name, label, QLineEdit())

    def _text(self, name: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(72)
        return self._add(name, label, edit)

    # -- reading and saving ------------------------------------------------------------------
    def reload(self) -> None:
        self.office = self.ops.query(get_office)
        info = self.office or OfficeInfo()
        for name in ("name", "code", "phone", "email", "signer_name", "signer_title",
                     "ref_prefix"):
            getattr(self, name).setText(getattr(info, name))
        self.address.setPlainText(info.address)
        self.hq_address.setPlainText(info.hq_address)
        self.slogans.setPlainText(info.slogans)
        select_data(self.state, info.state or None)
        self.loaded_prefixes = dict(self.ops.query(letter_prefixes)) if self.office else {}
        for row, kind in enumerate(LetterKind):
            self.prefixes.item(row, 1).setText(self.loaded_prefixes.get(kind, ""))
        self.show_logo()

    def info(self) -> OfficeInfo:
        """The form as the service's OfficeInfo; fields this page does not show (the logo's
        reference) keep what is saved."""
        edited = dict(
            name=self.name.text(), code=self.code.text(), state=self.state.currentData() or "",
            address=self.address.toPlainText().strip(), phone=self.phone.text(),
            hq_address=self.hq_address.toPlainText().strip(),
            email=self.email.text(), slogans=_lines(self.slogans.toPlainText()),
            signer_name=self.signer_name.text(), signer_title=self.signer_title.text(),
            ref_prefix=self.ref_prefix.text())
        if self.office is None:
            return OfficeInfo(**edited)
        return dataclasses.replace(self.office, **edited)

    def edited_prefixes(self) -> dict[LetterKind, str]:
        """Only the prefixes the user changed: one left alone keeps following the office's
        reference prefix."""
        changed = {}
        for row, kind in enumerate(LetterKind):
            text = self.prefixes.item(row, 1).text().strip()
            if text != self.loaded_prefixes.get(kind, ""):
                changed[kind] = text
        return changed

    def save(self) -> Result | None:
        """Save the form; None when the user chose to shorten a letterhead that letters would
        print cut (nothing saved)."""
        self.errors.clear()
        self.status.clear()
        info = self.info()
        too_long = self.letterhead_too_long(info)
        if too_long and not self.confirm_cut(too_long):
            return None
        result = self.ops.run(save_letterhead, info, self.edited_prefixes(), parent=self,
                              show_refusal=False)
        if not result.ok:
            self.errors.show(result.refused)
            return result
        self.status.setText(self.tr("Tetapan disimpan."))
        return result

    def letterhead_too_long(self, info: OfficeInfo) -> list[str]:
        """The labels of the fields the letterhead's box cannot hold whole (measured as the
        letters print them: name and address 4 lines each, telephone and e-mail 2)."""
        from desktop.letters import letterhead_overflow

        labels = {"name": self.tr("Nama pejabat"), "address": self.tr("Alamat"),
                  "contact": self.tr("Telefon dan e-mel")}
        head = {"name": info.name.strip(), "address": info.address.strip(),
                "phone": info.phone.strip(), "email": info.email.strip()}
        return [labels[field] for field in letterhead_overflow(head)]

    def confirm_cut(self, fields: list[str]) -> bool:
        """Yes: save anyway, and letters print the field cut with "…"."""
        text = (self.tr("Kepala surat tidak muat: %1 akan dicetak terpotong (…) pada "
                        "surat. Pendekkan dahulu, atau simpan juga?")
                .replace("%1", ", ".join(fields)))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Kepala surat terlalu panjang"), text,
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("letterheadTooLong")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Save

    # -- the logo ----------------------------------------------------------------------------
    def choose_logo(self, path: str | None = None) -> Result | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih logo"), "",
                                                  self.tr("Imej (*.png *.jpg *.jpeg)"))
            if not path:
                return None
        try:
            with open(path, "rb") as f:
                data = f.read(LOGO_LIMIT + 1)  # one byte more lets the service see "too big"
        except OSError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Logo"),
                              self.tr("Fail tidak dapat dibaca: %1").replace(
                                  "%1", f"{Path(path).name} ({exc.strerror or exc})"),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("logoUnreadable")
            box.open()
            self.logo_box = box
            return None
        return self.ops.run(set_logo, data, parent=self)

    def show_logo(self) -> None:
        sha = getattr(self.office, "logo_sha", "") if self.office else ""
        data = self.ops.query(logo_bytes, sha) if sha else None
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo.setPixmap(pixmap.scaled(THUMBNAIL, THUMBNAIL,
                                              Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo.setPixmap(QPixmap())
            self.logo.setText(self.tr("(tiada logo)"))


def _lines(text: str) -> str:
    """One slogan a line, without the blank lines and stray spaces of typing."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
