"""Vacancy status and reasons, candidate categories and outcomes, with their Malay labels.

The reasons are the two lists of the circular's definitions (para 1, "Kekosongan Hakiki" and
"Kekosongan Operasi"); each reason belongs to one kind, so a vacancy's reason must be of its
kind. Every enum is stored by its value (``EnumText``) and shown by ``label_ms``.
"""

from __future__ import annotations

from enum import Enum

from desktop.rules.dates import format_date_ms
from desktop.rules.enums import Method, VacancyKind


class VacancyStatus(str, Enum):
    OPEN = "OPEN"  # vacant, not (or no longer) covered
    FILLED = "FILLED"  # covered by PSH, acting or a replacement; the workflow may go on
    CLOSED = "CLOSED"  # ended: the post is filled for good or the incumbent is back

    @property
    def label_ms(self) -> str:
        return _STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _STATUS_LABELS[self][1]

    @property
    def is_live(self) -> bool:
        return self is not VacancyStatus.CLOSED


_STATUS_LABELS = {
    VacancyStatus.OPEN: ("Kosong", "Open"),
    VacancyStatus.FILLED: ("Diisi sementara", "Filled"),
    VacancyStatus.CLOSED: ("Ditutup", "Closed"),
}

# A post has at most one vacancy in these statuses (a partial unique index holds it).
LIVE_STATUSES: tuple[VacancyStatus, ...] = (VacancyStatus.OPEN, VacancyStatus.FILLED)


class VacancyReason(str, Enum):
    # hakiki: the post has no incumbent at all
    NEW_POST = "NEW_POST"
    PROMOTED = "PROMOTED"
    RETIRED = "RETIRED"
    DIED = "DIED"
    RESIGNED = "RESIGNED"
    DISMISSED = "DISMISSED"
    TERMINATED = "TERMINATED"
    OTHER_SCHEME = "OTHER_SCHEME"
    TRANSFERRED = "TRANSFERRED"
    # operasi: the incumbent holds the post but is away for a time
    ON_LEAVE = "ON_LEAVE"
    MATERNITY_LEAVE = "MATERNITY_LEAVE"
    OFFICIAL_DUTY = "OFFICIAL_DUTY"
    COURSE = "COURSE"
    SECONDED = "SECONDED"
    ACTING_ELSEWHERE = "ACTING_ELSEWHERE"
    INTERDICTED = "INTERDICTED"
    ABSENT = "ABSENT"

    @property
    def kind(self) -> VacancyKind:
        return _REASONS[self][0]

    @property
    def label_ms(self) -> str:
        return _REASONS[self][1]

    @property
    def label_en(self) -> str:
        return _REASONS[self][2]


_H, _O = VacancyKind.HAKIKI, VacancyKind.OPERASI
_REASONS: dict[VacancyReason, tuple[VacancyKind, str, str]] = {
    VacancyReason.NEW_POST: (_H, "Jawatan baru diwujudkan", "New post"),
    VacancyReason.PROMOTED: (_H, "Penyandang dinaikkan pangkat", "Incumbent promoted"),
    VacancyReason.RETIRED: (_H, "Penyandang bersara", "Incumbent retired"),
    VacancyReason.DIED: (_H, "Penyandang meninggal dunia", "Incumbent died"),
    VacancyReason.RESIGNED: (_H, "Penyandang meletak jawatan", "Incumbent resigned"),
    VacancyReason.DISMISSED: (_H, "Penyandang dibuang kerja", "Incumbent dismissed"),
    VacancyReason.TERMINATED: (_H, "Penyandang ditamatkan perkhidmatan",
                               "Incumbent's service terminated"),
    VacancyReason.OTHER_SCHEME: (_H, "Penyandang dilantik ke skim perkhidmatan lain",
                                 "Incumbent appointed to another scheme"),
    VacancyReason.TRANSFERRED: (_H, "Penyandang bertukar", "Incumbent transferred"),
    VacancyReason.ON_LEAVE: (_O, "Penyandang bercuti", "Incumbent on leave"),
    VacancyReason.MATERNITY_LEAVE: (_O, "Penyandang bercuti bersalin",
                                    "Incumbent on maternity leave"),
    VacancyReason.OFFICIAL_DUTY: (_O, "Penyandang menjalankan tugas rasmi di luar pejabat",
                                  "Incumbent on official duty away"),
    VacancyReason.COURSE: (_O, "Penyandang berkursus", "Incumbent on a course"),
    VacancyReason.SECONDED: (_O, "Penyandang dipinjamkan atau ditukar sementara",
                             "Incumbent seconded or temporarily transferred"),
    VacancyReason.ACTING_ELSEWHERE: (_O, "Penyandang memangku jawatan lain",
                                     "Incumbent acting in another post"),
    VacancyReason.INTERDICTED: (_O, "Penyandang ditahan atau digantung kerja",
                                "Incumbent interdicted or suspended"),
    VacancyReason.ABSENT: (_O, "Penyandang tidak hadir bertugas dan tidak dapat dikesan",
                           "Incumbent absent and untraced"),
}


def reasons_for(kind: VacancyKind | str) -> tuple[VacancyReason, ...]:
    """The reasons a vacancy of ``kind`` may have, in the circular's order."""
    kind = VacancyKind(kind)
    return tuple(r for r in VacancyReason if r.kind is kind)


class CandidateStatus(str, Enum):
    """The interview result: successful, reserve, or an external (not interviewed) candidate."""

    BERJAYA = "BERJAYA"
    SIMPANAN = "SIMPANAN"
    LUAR = "LUAR"

    @property
    def label_ms(self) -> str:
        return {"BERJAYA": "Calon berjaya", "SIMPANAN": "Calon simpanan",
                "LUAR": "Calon luar"}[self.value]

    @property
    def label_en(self) -> str:
        return {"BERJAYA": "Successful candidate", "SIMPANAN": "Reserve candidate",
                "LUAR": "External candidate"}[self.value]

    @property
    def ranked(self) -> bool:
        """Successful and reserve candidates carry the interview panel's rank."""
        return self is not CandidateStatus.LUAR


class CandidateOutcome(str, Enum):
    PENDING = "PENDING"
    DECLINED = "DECLINED"
    APPOINTED = "APPOINTED"

    @property
    def label_ms(self) -> str:
        return {"PENDING": "Belum ditawarkan", "DECLINED": "Menolak / tidak dilantik",
                "APPOINTED": "Dilantik"}[self.value]

    @property
    def label_en(self) -> str:
        return {"PENDING": "Pending", "DECLINED": "Declined / passed over",
                "APPOINTED": "Appointed"}[self.value]


_KIND_LABELS = {VacancyKind.HAKIKI: ("Kekosongan hakiki", "Substantive vacancy"),
                VacancyKind.OPERASI: ("Kekosongan operasi", "Operational vacancy")}
_METHOD_LABELS = {Method.PSH: ("Pekerja Sambilan Harian (PSH)", "Daily-paid worker (PSH)"),
                  Method.ACTING: ("Penanggungan kerja", "Acting duty"),
                  Method.GANTIAN: ("Pegawai gantian", "Replacement officer")}


def kind_label(kind: VacancyKind | str, lang: str = "ms") -> str:
    ms, en = _KIND_LABELS[VacancyKind(kind)]
    return en if lang == "en" else ms


def method_label(method: Method | str | None, lang: str = "ms") -> str:
    """The filling method's name; "" when the vacancy is not filled."""
    if method is None:
        return ""
    ms, en = _METHOD_LABELS[Method(method)]
    return en if lang == "en" else ms


# a date as Malay letters write it ("16 Jun 2016"): one definition, in rules.dates
date_ms = format_date_ms
