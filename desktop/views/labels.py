"""Malay labels of the enumerations, shown in tables and forms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.rules.enums import Qualification


def qualification_label(q: Qualification | str | None) -> str:
    if q is None:
        return ""
    value = q.value if isinstance(q, Qualification) else str(q)
    return {
        "BAWAH_SPM": QCoreApplication.translate("Labels", "Bawah SPM"),
        "SPM": "SPM",
        "STPM": "STPM",
        "DIPLOMA": QCoreApplication.translate("Labels", "Diploma"),
        "IJAZAH": QCoreApplication.translate("Labels", "Ijazah"),
    }.get(value, value)


def sex_label(sex: str | None) -> str:
    return {"L": QCoreApplication.translate("Labels", "Lelaki"),
            "P": QCoreApplication.translate("Labels", "Perempuan")}.get(sex or "", "")
