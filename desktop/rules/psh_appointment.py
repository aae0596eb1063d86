"""A PSH appointment as the office records it: its status, the qualification its job calls for,
and the checks of its dates and approvals (paras 5A, 7.4(b), 7.5 and 8.2(a)).

The eligibility of the person (5A(a), (b), (f), (g), (n)) and the length of the term (5A(e)) are
``rules.psh``'s; this module adds what an appointment needs beyond them: the Director-General's
approval recorded before the start (7.4(b) for a hakiki vacancy, 8.2(a) for an operasi one), the
OSA 1972 declaration and the health certificate dated no later than the first day, and the
conditions of an extension, a termination and the conversion to a contract appointment (7.5).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import Enum

from desktop.rules.calendar import check_period
from desktop.rules.catalogue import RuleInfo, rule
from desktop.rules.dates import format_date_en, format_date_ms
from desktop.rules.enums import Qualification, VacancyKind
from desktop.rules.filling import normalise_grade
from desktop.rules.psh import check_psh_term, parse_qualification, psh_last_day
from desktop.rules.rates import invalid_table, table_in_force
from desktop.rules.violations import Refused, RuleViolation


class PshStatus(str, Enum):
    ACTIVE = "ACTIVE"  # engaged (or about to start); stays so until an end is recorded
    ENDED = "ENDED"  # terminated, converted or run to its last day; kept as history

    @property
    def label_ms(self) -> str:
        return {"ACTIVE": "Aktif", "ENDED": "Tamat"}[self.value]

    @property
    def label_en(self) -> str:
        return {"ACTIVE": "Active", "ENDED": "Ended"}[self.value]


PSH_EXTERNAL_ON_HAKIKI = rule(
    "PSH_EXTERNAL_ON_HAKIKI", "7.4(b)",
    "Calon luar {name} tidak boleh dilantik sebagai PSH bagi kekosongan hakiki: hanya calon "
    "berjaya atau calon simpanan, mengikut senarai keutamaan.",
    "External candidate {name} cannot be engaged as PSH for a substantive vacancy: only "
    "successful or reserve candidates, in priority order.")
PSH_QUALIFICATION_NOT_RECORDED = rule(
    "PSH_QUALIFICATION_NOT_RECORDED", "5A(f)",
    "Kelayakan akademik {name} belum direkodkan; rekodkan kelayakannya sebelum melantiknya "
    "sebagai PSH.",
    "The qualification of {name} is not recorded; record it before engaging them as PSH.")
PSH_JOB_QUALIFICATION_UNKNOWN = rule(
    "PSH_JOB_QUALIFICATION_UNKNOWN", "5A(h)",
    "Kelayakan yang diperlukan oleh tugas gred {grade} tiada dalam jadual kelayakan tugas; "
    "pilih kelayakan yang menentukan kadar upah.",
    "The qualification the job of grade {grade} calls for is not in the job qualification "
    "table; choose the qualification that sets the daily rate.")
PSH_KP_APPROVAL_REQUIRED = rule(
    "PSH_KP_APPROVAL_REQUIRED", "7.4(b)",
    "Rujukan dan tarikh kelulusan Ketua Pengarah bagi pelantikan PSH wajib direkodkan "
    "(perenggan 8.2(a) bagi kekosongan operasi).",
    "The reference and date of the Director-General's approval of the PSH must be recorded "
    "(para 8.2(a) for an operational vacancy).")
PSH_KP_APPROVAL_AFTER_START = rule(
    "PSH_KP_APPROVAL_AFTER_START", "7.4(b)",
    "Kelulusan Ketua Pengarah bertarikh {approval_ms}, selepas tarikh mula PSH ({start_ms}); "
    "PSH hanya mula bertugas selepas pelantikannya diluluskan.",
    "The Director-General's approval is dated {approval_en}, after the PSH's start "
    "({start_en}); a PSH starts only once the appointment is approved.")
PSH_OSA_AFTER_START = rule(
    "PSH_OSA_AFTER_START", "5A(n)",
    "Perakuan Akta Rahsia Rasmi 1972 ditandatangani pada {osa_ms}, selepas tarikh mula "
    "({start_ms}); PSH mesti menandatanganinya sebelum mula bertugas.",
    "The Official Secrets Act 1972 declaration was signed on {osa_en}, after the start "
    "({start_en}); a PSH must sign it before starting.")
PSH_HEALTH_AFTER_START = rule(
    "PSH_HEALTH_AFTER_START", "5A(g)",
    "Calon diperakui sihat pada {day_ms}, selepas tarikh mula ({start_ms}); Ketua Jabatan "
    "memperakui calon sihat sebelum dia mula bertugas.",
    "The candidate was certified healthy on {day_en}, after the start ({start_en}); the head "
    "of department certifies the candidate before they start.")
PSH_START_BEFORE_VACANCY = rule(
    "PSH_START_BEFORE_VACANCY", None,
    "Tarikh mula PSH ({start_ms}) tidak boleh sebelum tarikh kekosongan ({opened_ms}).",
    "The PSH's start ({start_en}) cannot be before the vacancy's date ({opened_en}).")
PSH_EXTENSION_NOT_LATER = rule(
    "PSH_EXTENSION_NOT_LATER", "5A(e)",
    "Tarikh akhir lanjutan ({new_ms}) mesti selepas tarikh akhir semasa ({end_ms}).",
    "The extended last day ({new_en}) must be after the current last day ({end_en}).")
PSH_NOT_ACTIVE = rule(
    "PSH_NOT_ACTIVE", None,
    "PSH {name} telah tamat pada {ended_ms}; rekod yang tamat kekal sebagai sejarah dan tidak "
    "boleh diubah.",
    "PSH {name} ended on {ended_en}; an ended record stays as history and cannot be changed.")
PSH_END_OUTSIDE_TERM = rule(
    "PSH_END_OUTSIDE_TERM", None,
    "Tarikh tamat ({day_ms}) mesti dalam tempoh PSH, {start_ms} hingga {end_ms}.",
    "The end date ({day_en}) must fall within the PSH's term, {start_en} to {end_en}.")
PSH_CONVERSION_HAKIKI_ONLY = rule(
    "PSH_CONVERSION_HAKIKI_ONLY", "7.5",
    "Lantikan kontrak hanya mengisi kekosongan hakiki; kekosongan operasi ditutup apabila "
    "penyandangnya kembali.",
    "A contract appointment fills only a substantive vacancy; an operational vacancy closes "
    "when its incumbent returns.")
PSH_CONVERSION_NEEDS_APPOINTMENT = rule(
    "PSH_CONVERSION_NEEDS_APPOINTMENT", "7.5",
    "Rekodkan dahulu langkah 7.5 (kelulusan pelantikan diterima; surat tawaran dan perjanjian "
    "kontrak disampaikan), pada atau sebelum {start_ms}.",
    "First record step 7.5 (appointment approved; offer and contract delivered), on or before "
    "{start_en}.")
PSH_STARTS_AFTER_CONTRACT = rule(
    "PSH_STARTS_AFTER_CONTRACT", "7.5",
    "PSH {name} bermula pada {psh_ms}, tidak sebelum pegawai kontrak mula menyandang "
    "({start_ms}); tamatkan PSH itu dahulu.",
    "PSH {name} starts on {psh_en}, not before the contract officer takes up the post "
    "({start_en}); end that PSH first.")


def date_values(**days: date) -> dict[str, str]:
    """Each date as Malay and English text: ``start=d`` gives ``start_ms`` and ``start_en``."""
    out = {}
    for name, day in days.items():
        out[f"{name}_ms"], out[f"{name}_en"] = format_date_ms(day), format_date_en(day)
    return out


def approval_paragraph(vacancy_kind: VacancyKind | str) -> str:
    """Where the circular asks for the Director-General's approval of a PSH (and the OS29000
    confirmation with it): 7.4(b) for a hakiki vacancy, 8.2(a) for an operasi one."""
    return "7.4(b)" if VacancyKind(vacancy_kind) is VacancyKind.HAKIKI else "8.2(a)"


def for_kind(info: RuleInfo, vacancy_kind: VacancyKind | str, field: str | None = None,
             **values) -> RuleViolation:
    """``info``'s violation citing the approval paragraph of the vacancy's kind."""
    return replace(info.violation(field, **values), paragraph=approval_paragraph(vacancy_kind))


def job_qualification(grade: str, on: date) -> Qualification | None:
    """The qualification the job of ``grade`` calls for (5A(h)), by the table in force on
    ``on`` (``resources/rates/job_qualification.toml``); None when the grade is not listed."""
    code = normalise_grade(grade)
    table = table_in_force("job_qualification", on)
    grades = table.get("grades")
    if not isinstance(grades, dict):
        raise invalid_table("job_qualification.toml", "tiada jadual [table.grades]",
                            "no [table.grades] table")
    value = grades.get(code)
    if value is None:
        return None
    try:
        return parse_qualification(value, "grades")
    except Refused:
        raise invalid_table("job_qualification.toml", f"{code} = {value!r} bukan kelayakan",
                            f"{code} = {value!r} is not a qualification") from None


def check_appointment_dates(vacancy_kind: VacancyKind | str, opened_on: date, start: date,
                            end: date, *, kp_approval_date: date | None,
                            osa_declared_on: date | None,
                            health_certified_on: date | None) -> list[RuleViolation]:
    """The problems of a new PSH's dates: start on or after the vacancy's date, a term of at
    most 3 months (5A(e)), and the KP's approval, the OSA declaration (5A(n)) and the health
    certificate (5A(g)) dated no later than the start. A missing OSA or health date is
    ``check_psh_candidate``'s to report."""
    out: list[RuleViolation] = []
    if start < opened_on:
        out.append(PSH_START_BEFORE_VACANCY.violation("start",
                                                      **date_values(start=start, opened=opened_on)))
    try:
        check_period(start, end)
    except Refused as refused:
        out.extend(refused.violations)
    else:
        out.extend(check_psh_term(start, end))
    if kp_approval_date is None:
        out.append(for_kind(PSH_KP_APPROVAL_REQUIRED, vacancy_kind, "kp_approval_date"))
    elif kp_approval_date > start:
        out.append(for_kind(PSH_KP_APPROVAL_AFTER_START, vacancy_kind, "kp_approval_date",
                            **date_values(approval=kp_approval_date, start=start)))
    if osa_declared_on is not None and osa_declared_on > start:
        out.append(PSH_OSA_AFTER_START.violation("osa_declared_on",
                                                 **date_values(osa=osa_declared_on, start=start)))
    if health_certified_on is not None and health_certified_on > start:
        out.append(PSH_HEALTH_AFTER_START.violation(
            "health_certified_on", **date_values(day=health_certified_on, start=start)))
    return out


def check_extension(start: date, end: date, new_end: date) -> list[RuleViolation]:
    """An extension moves the last day later, and the whole term stays within 6 months of the
    start (5A(e): 3 months, extended by the head of department by at most 3 more)."""
    if new_end <= end:
        return [PSH_EXTENSION_NOT_LATER.violation("new_end", **date_values(new=new_end, end=end))]
    # the refusal belongs to the new last day the user typed
    return [replace(v, field="new_end") for v in check_psh_term(start, new_end, extended=True)]


def check_end_date(start: date, end: date, ended_on: date) -> list[RuleViolation]:
    """A PSH ends on a day of its term (para 5A(s): as soon as it is no longer needed)."""
    if start <= ended_on <= end:
        return []
    return [PSH_END_OUTSIDE_TERM.violation("ended_on",
                                           **date_values(day=ended_on, start=start, end=end))]


def max_last_day(start: date) -> date:
    """The latest last day any extension may reach (6 months from the start)."""
    return psh_last_day(start, extended=True)
