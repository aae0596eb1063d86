"""The steps of filling a vacancy (circular paras 7 and 8) and the check of the next step.

A hakiki vacancy goes through the six steps of para 7; an operasi one through the steps of
para 8 (identified, then the application to the KP for approval of the filling with the
OS29000 confirmation, then the approval). Steps are done in order, one after the other, each
on or after the date of the one before. Para 7.4(e): the interview report and the application
to appoint PSH go to the KP together, so the interview-report step carries the reference of
that application.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop.rules.catalogue import rule
from desktop.rules.enums import VacancyKind
from desktop.rules.vacancy_enums import date_ms
from desktop.rules.violations import ERROR, RuleViolation


@dataclass(frozen=True)
class StepDef:
    code: str
    paragraph: str
    label_ms: str
    label_en: str
    needs_reference: bool  # a letter or file reference that the step sent or received
    short_ms: str = ""  # for charts and narrow columns
    short_en: str = ""

    def label(self, lang: str = "ms") -> str:
        return self.label_en if lang == "en" else self.label_ms


IDENTIFIED = "IDENTIFIED"
INTERVIEW_REPORT = "INTERVIEW_REPORT"
FILLING_APPROVED = "FILLING_APPROVED"

HAKIKI_STEPS: tuple[StepDef, ...] = (
    StepDef(IDENTIFIED, "7.1", "Kekosongan dikenal pasti (lokasi, tarikh, sebab, penyandang "
            "terakhir)", "Vacancy identified (location, date, reason, last incumbent)", False,
            "Dikenal pasti", "Identified"),
    StepDef("AD_APPROVAL_ASKED", "7.2", "Kelulusan mengiklankan pengambilan dipohon daripada "
            "Ketua Pengarah", "Approval to advertise asked of the Director-General", True,
            "Mohon kelulusan iklan", "Advert approval asked"),
    StepDef("INTERVIEW_APPROVAL_ASKED", "7.3", "Kelulusan mengadakan temu duga dipohon "
            "bersama Penyata Lembaga Permulaan (PLP)",
            "Approval to interview asked with the PLP", True,
            "Mohon kelulusan temu duga", "Interview approval asked"),
    StepDef(INTERVIEW_REPORT, "7.4", "Laporan temu duga (calon berjaya dan simpanan) "
            "dikemukakan serentak dengan permohonan pelantikan PSH",
            "Interview report (successful and reserve candidates) sent together with the "
            "PSH application", True,
            "Laporan temu duga + permohonan PSH", "Interview report + PSH application"),
    StepDef("APPOINTMENT_DELIVERED", "7.5", "Kelulusan pelantikan diterima; surat tawaran dan "
            "perjanjian kontrak disampaikan", "Appointment approved; offer and contract "
            "delivered", True,
            "Tawaran disampaikan", "Offer delivered"),
    StepDef("DOCUMENTS_RETURNED", "7.6", "Dokumen dikemukakan kembali kepada Ibu Pejabat",
            "Documents returned to headquarters", True,
            "Dokumen ke Ibu Pejabat", "Documents to HQ"),
)

OPERASI_STEPS: tuple[StepDef, ...] = (
    StepDef(IDENTIFIED, "8.1", "Kekosongan dikenal pasti (lokasi, tarikh, sebab, penyandang "
            "sedia ada)", "Vacancy identified (location, date, reason, current incumbent)",
            False,
            "Dikenal pasti", "Identified"),
    StepDef("FILLING_APPLIED", "8.2(a)", "Permohonan kelulusan pengisian (PSH, tanggung kerja "
            "atau gantian) dikemukakan kepada Ketua Pengarah bersama pengesahan peruntukan "
            "OS29000", "Filling approval (PSH, acting or replacement) asked of the "
            "Director-General with the OS29000 confirmation", True,
            "Mohon kelulusan pengisian", "Filling approval asked"),
    StepDef(FILLING_APPROVED, "8.2", "Kelulusan pengisian diterima",
            "Filling approval received", True,
            "Kelulusan diterima", "Approval received"),
)

_STEPS = {VacancyKind.HAKIKI: HAKIKI_STEPS, VacancyKind.OPERASI: OPERASI_STEPS}

STEP_UNKNOWN = rule("STEP_UNKNOWN", None, "Langkah '{code}' tidak wujud bagi kekosongan {kind}.",
                    "There is no step '{code}' for a {kind} vacancy (steps: {known}).")
# Declared at 7.1; a violation cites the paragraph of the step at fault (7.1-7.6, 8.1-8.2).
STEP_ALREADY_DONE = rule("STEP_ALREADY_DONE", "7.1", "Langkah '{step_ms}' telah direkodkan.",
                         "The step '{step_en}' has already been recorded.")
STEP_OUT_OF_ORDER = rule(
    "STEP_OUT_OF_ORDER", "7.1",
    "Langkah mesti dibuat mengikut turutan: langkah seterusnya ialah '{step_ms}' "
    "(perenggan {step_paragraph}).",
    "Steps must be done in order: the next step is '{step_en}' (para {step_paragraph}).")
STEP_DATE_BEFORE_PREVIOUS = rule(
    "STEP_DATE_BEFORE_PREVIOUS", "7.1",
    "Tarikh langkah ({day_ms}) tidak boleh sebelum tarikh langkah sebelumnya ({previous_ms}).",
    "The step's date ({day_en}) cannot be before the previous step's date ({previous_en}).")
PSH_APPLICATION_WITH_REPORT = rule(
    "PSH_APPLICATION_WITH_REPORT", "7.4(e)",
    "Laporan temu duga dan permohonan pelantikan PSH hendaklah dikemukakan serentak: isi "
    "rujukan permohonan PSH.",
    "The interview report and the PSH application must be sent together: enter the PSH "
    "application's reference.")
PSH_REF_NOT_FOR_STEP = rule("PSH_REF_NOT_FOR_STEP", None,
                            "Rujukan permohonan PSH hanya direkod bersama laporan temu duga.",
                            "A PSH application reference goes only with the interview report.")


def steps_for(kind: VacancyKind | str) -> tuple[StepDef, ...]:
    return _STEPS[VacancyKind(kind)]


def step_def(kind: VacancyKind | str, code: str) -> StepDef | None:
    for step in steps_for(kind):
        if step.code == code:
            return step
    return None


def step_number(kind: VacancyKind | str, code: str) -> int | None:
    """1-based position of a step in its kind's table (stored with the step for queries)."""
    for i, step in enumerate(steps_for(kind), start=1):
        if step.code == code:
            return i
    return None


def next_step(kind: VacancyKind | str, done_codes: Iterable[str]) -> StepDef | None:
    """The first step not yet done, or None when the workflow is complete."""
    done = set(done_codes)
    for step in steps_for(kind):
        if step.code not in done:
            return step
    return None


def _v(code: str, paragraph: str | None, ms: str, en: str, field: str | None) -> RuleViolation:
    return RuleViolation(code, paragraph, ms, en, ERROR, field)


def check_step(kind: VacancyKind | str, done_codes: Iterable[str], next_code: str,
               step_date: date | None, previous_date: date | None,
               psh_application_ref: str | None = None) -> list[RuleViolation]:
    """Every reason why ``next_code`` may not be recorded now; an empty list when it may.

    ``done_codes`` are the steps already done, ``previous_date`` the date of the last of them.
    """
    kind = VacancyKind(kind)
    done = list(done_codes)
    step = step_def(kind, next_code)
    if step is None:
        known = ", ".join(s.code for s in steps_for(kind))
        return [STEP_UNKNOWN.violation("code", code=next_code, kind=kind.value.lower(),
                                       known=known)]
    problems: list[RuleViolation] = []
    expected = next_step(kind, done)
    if next_code in done:
        problems.append(STEP_ALREADY_DONE.adapted(paragraph=step.paragraph).violation(
            "code", step_ms=step.label_ms, step_en=step.label_en))
    elif expected is not None and expected.code != next_code:
        problems.append(STEP_OUT_OF_ORDER.adapted(paragraph=step.paragraph).violation(
            "code", step_ms=expected.label_ms, step_en=expected.label_en,
            step_paragraph=expected.paragraph))
    if not isinstance(step_date, date):
        problems.append(_v("REQUIRED", None, "Tarikh langkah wajib diisi.",
                           "The step's date is required.", "done_on"))
    elif previous_date is not None and step_date < previous_date:
        problems.append(STEP_DATE_BEFORE_PREVIOUS.adapted(paragraph=step.paragraph).violation(
            "done_on", day_ms=date_ms(step_date), previous_ms=date_ms(previous_date),
            day_en=step_date.isoformat(), previous_en=previous_date.isoformat()))
    psh_ref = (psh_application_ref or "").strip()
    if kind is VacancyKind.HAKIKI and next_code == INTERVIEW_REPORT:
        if not psh_ref:
            problems.append(PSH_APPLICATION_WITH_REPORT.violation("psh_application_ref"))
    elif psh_ref:
        problems.append(PSH_REF_NOT_FOR_STEP.violation("psh_application_ref"))
    return problems
