"""Attendance of a PSH (para 5A(k)): absences, office holidays (cuti peristiwa), closed months.

A PSH is paid for the working days of the premises' state within the term, less the days not
worked (5A(k)); present is the default, so only absences are recorded. Rest days, public
holidays and the office's own holidays are not working days: nothing is marked on them.
Whether half days may be marked is dated data (``resources/rates/attendance.toml``), shipped
``false`` because the circular pays per day (5B).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum

from desktop.rules.calendar import holiday_name, is_working_day, month_bounds
from desktop.rules.catalogue import rule
from desktop.rules.dates import format_date_en, format_date_ms, format_month_ms
from desktop.rules.rates import check_day, invalid_table, table_in_force


class AbsenceKind(str, Enum):
    FULL = "FULL"  # the whole day not worked
    HALF = "HALF"  # half a day, only while the attendance table allows it

    @property
    def label_ms(self) -> str:
        return {"FULL": "Tidak hadir", "HALF": "Separuh hari"}[self.value]

    @property
    def label_en(self) -> str:
        return {"FULL": "Absent", "HALF": "Half day"}[self.value]


ABSENCE_OUTSIDE_TERM = rule(
    "ABSENCE_OUTSIDE_TERM", "5A(k)",
    "{day_ms} di luar tempoh perkhidmatan PSH {name} ({start_ms} hingga {last_ms}): tiada "
    "kehadiran untuk direkodkan.",
    "{day_en} is outside the term of PSH {name} ({start_en} to {last_en}): there is no "
    "attendance to record.")
ABSENCE_ON_REST_DAY = rule(
    "ABSENCE_ON_REST_DAY", "5A(k)",
    "{day_ms} bukan hari bekerja bagi PSH {name} ({why_ms}): PSH tidak dibayar upah pada hari "
    "itu, maka tiada ketidakhadiran untuk direkodkan.",
    "{day_en} is not a working day for PSH {name} ({why_en}): no wage is paid for it, so "
    "there is no absence to record.")
HALF_DAY_NOT_ALLOWED = rule(
    "HALF_DAY_NOT_ALLOWED", "5A(k)",
    "Ketidakhadiran separuh hari tidak dibenarkan pada {day_ms}: upah PSH dibayar mengikut "
    "hari; rekodkan hadir atau tidak hadir sehari.",
    "A half-day absence is not allowed on {day_en}: a PSH is paid by the day; record the day "
    "as worked or not worked.")
HALF_DAY_PAY_UNDEFINED = rule(
    "HALF_DAY_PAY_UNDEFINED", "5A(k)",
    "PSH {name} mempunyai {count} hari separuh hari pada {month_ms}; upah separuh hari belum "
    "ditetapkan dalam peraturan, maka upah bulan ini tidak dapat dikira.",
    "PSH {name} has {count} half day(s) in {month_en}; the pay of a half day is not defined "
    "by the rules, so this month's wage cannot be computed.")
ABSENCE_ON_DUTY_TRIP = rule(
    "ABSENCE_ON_DUTY_TRIP", "5A(j)",
    "PSH {name} direkodkan menjalankan tugas rasmi pada {day_ms} ({purpose}): hari tugas rasmi "
    "ialah hari bekerja, bukan tidak hadir. Padam tuntutan itu dahulu jika salah.",
    "PSH {name} is recorded on official duty on {day_en} ({purpose}): a day of official duty "
    "is worked, not absent. Remove that claim first if it is wrong.")
MONTH_LOCKED = rule(
    "MONTH_LOCKED", None,
    "Bulan {month_ms} telah ditutup: kehadiran, cuti peristiwa dan tuntutannya tidak boleh "
    "diubah lagi melainkan bulan itu dibuka semula.",
    "The month {month_en} is closed: its attendance, office holidays and claims cannot change "
    "unless the month is reopened.")
OFFICE_NOT_SET = rule(
    "OFFICE_NOT_SET", None,
    "Maklumat pejabat (negerinya) belum disimpan: simpan maklumat pejabat dahulu.",
    "The office (and its state) has not been saved yet: save the office's details first.")
OFFICE_HOLIDAY_EXISTS = rule(
    "OFFICE_HOLIDAY_EXISTS", None,
    "{day_ms} sudah direkodkan sebagai cuti peristiwa ({name}).",
    "{day_en} is already recorded as an office holiday ({name}).")
OFFICE_HOLIDAY_NOT_WORKING_DAY = rule(
    "OFFICE_HOLIDAY_NOT_WORKING_DAY", "5A(k)",
    "{day_ms} sudah bukan hari bekerja di {state} ({why_ms}); cuti peristiwa hanya direkodkan "
    "pada hari bekerja.",
    "{day_en} is already not a working day in {state} ({why_en}); an office holiday is "
    "recorded only on a working day.")

OFFICE_HOLIDAY_PREFIX = "Cuti peristiwa"


def day_values(**days: date) -> dict[str, str]:
    """Each date as Malay and English text: ``day=d`` gives ``day_ms`` and ``day_en``."""
    out = {}
    for name, day in days.items():
        out[f"{name}_ms"], out[f"{name}_en"] = format_date_ms(day), format_date_en(day)
    return out


def month_values(year: int, month: int) -> dict[str, str]:
    """``month_ms`` ("November 2026") and ``month_en`` ("2026-11") for the templates."""
    month_bounds(year, month)
    return {"month_ms": format_month_ms(year, month), "month_en": f"{year:04d}-{month:02d}"}


def rest_reason(state: str, day: date, office_holidays: Mapping[date, str] | None = None
                ) -> tuple[str, str] | None:
    """Why ``day`` is not a working day in ``state`` as (Malay, English) text, or None when it
    is one: the public holiday's name, the office holiday ("Cuti peristiwa: ..."), or the
    weekly rest day. A public holiday is named before an office holiday on the same day."""
    office_holidays = office_holidays or {}
    day = check_day(day, "day")
    if is_working_day(state, day, office_holidays.keys()):
        return None
    name = holiday_name(state, day)
    if name and not is_working_day(state, day):
        return name, f"public holiday: {name}"
    if day in office_holidays:
        return (f"{OFFICE_HOLIDAY_PREFIX}: {office_holidays[day]}",
                f"office holiday: {office_holidays[day]}")
    return "cuti mingguan", "weekly rest day"


def half_days_allowed(on: date) -> bool:
    """Whether a half-day absence may be recorded on ``on`` (``rates/attendance.toml``)."""
    table = table_in_force("attendance", check_day(on, "day"))
    value = table.get("half_days_allowed")
    if not isinstance(value, bool):
        raise invalid_table("attendance.toml",
                            f"half_days_allowed = {value!r} mesti true atau false",
                            f"half_days_allowed = {value!r} must be true or false")
    return value
