"""The About box: version, purpose, database and the circular the app enforces."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__


def about_text(database: str) -> str:
    return (
        f"<h3>IsiTugas {__version__}</h3>"
        + "<p>" + QCoreApplication.translate("About", "Daftar premis, jawatan dan pegawai Tabika dan Taska PERMATA "
                     "Perpaduan, serta pengisian tugas jawatan kosong (PSH, pegawai gantian dan "
                     "penanggungan kerja) mengikut Surat Pekeliling SPSM Bil.2/2016.") + "</p>"
        + "<p>" + QCoreApplication.translate("About", "Pangkalan data:") + f" {database}</p>"
        + "<p>Jabatan Perpaduan Negara dan Integrasi Nasional (JPNIN)</p>"
    )


def show_about(parent: QWidget, database: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("About", "Perihal IsiTugas"))
    box.setText(about_text(database))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.open()
    return box
