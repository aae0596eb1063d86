"""Enumerations shared by every layer (stored by value in the database)."""

from __future__ import annotations

from enum import Enum


class PremisesKind(str, Enum):
    TABIKA = "TABIKA"
    TASKA = "TASKA"

    @property
    def label_ms(self) -> str:
        return {"TABIKA": "Tabika Perpaduan", "TASKA": "Taska PERMATA Perpaduan"}[self.value]


class VacancyKind(str, Enum):
    HAKIKI = "HAKIKI"
    OPERASI = "OPERASI"


class Qualification(str, Enum):
    """Highest academic qualification, in ascending order of level."""

    BELOW_SPM = "BAWAH_SPM"
    SPM = "SPM"
    STPM = "STPM"
    DIPLOMA = "DIPLOMA"
    IJAZAH = "IJAZAH"

    @property
    def level(self) -> int:
        return _QUAL_LEVEL[self]


_QUAL_LEVEL = {
    Qualification.BELOW_SPM: 0,
    Qualification.SPM: 1,
    Qualification.STPM: 2,
    Qualification.DIPLOMA: 2,
    Qualification.IJAZAH: 3,
}


class Method(str, Enum):
    PSH = "PSH"
    ACTING = "ACTING"
    GANTIAN = "GANTIAN"
