"""Which methods may fill a vacancy (circular paras 7 and 8) and the conditions on each.

The table (DESIGN.md, "Which methods may fill a vacancy"):

=========  =======  ====================  ====================
premises   vacancy  grade                 methods
=========  =======  ====================  ====================
any        HAKIKI   any                   PSH, ACTING, GANTIAN  (7.4(b)-(d))
TABIKA     OPERASI  any                   PSH, ACTING, GANTIAN  (8.2(a)-(c), Tabika)
TASKA      OPERASI  Pembantu Pendidik     PSH, ACTING, GANTIAN  (8.2(a), Taska)
TASKA      OPERASI  Pendidik              ACTING                (8.2(b), Taska)
TASKA      OPERASI  other                 ACTING, GANTIAN
=========  =======  ====================  ====================

Which grades are "Pembantu Pendidik" (S17) and "Pendidik" (S27) is data, in
``resources/rates/filling.toml``, dated. The circular's para 8 has two tables, Tabika and Taska,
each numbered 1 and 2; a Taska rule is cited as "8.2(a)" with "Taska" in its message.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum

from desktop.rules.catalogue import rule
from desktop.rules.enums import Method, PremisesKind, VacancyKind
from desktop.rules.rates import invalid_table, table_in_force
from desktop.rules.violations import WARNING, Refused, RuleViolation

ALL_METHODS = frozenset(m.value for m in Method)

UNKNOWN_PREMISES_KIND = rule(
    "UNKNOWN_PREMISES_KIND", None,
    "Jenis premis '{value}' tidak dikenali (TABIKA atau TASKA).",
    "Unknown premises kind '{value}' (TABIKA or TASKA).")
UNKNOWN_VACANCY_KIND = rule(
    "UNKNOWN_VACANCY_KIND", None,
    "Jenis kekosongan '{value}' tidak dikenali (HAKIKI atau OPERASI).",
    "Unknown vacancy kind '{value}' (HAKIKI or OPERASI).")
UNKNOWN_METHOD = rule(
    "UNKNOWN_METHOD", None,
    "Kaedah pengisian '{value}' tidak dikenali (PSH, ACTING atau GANTIAN).",
    "Unknown filling method '{value}' (PSH, ACTING or GANTIAN).")
INVALID_GRADE = rule(
    "INVALID_GRADE", None,
    "Gred '{value}' tidak sah: tulis huruf dan nombor gred, seperti S17.",
    "The grade '{value}' is not valid: write its letters and number, like S17.")
FILL_TASKA_PSH_S17_ONLY = rule(
    "FILL_TASKA_PSH_S17_ONLY", "8.2(a)",
    "Bagi kekosongan operasi di Taska PERMATA Perpaduan, PSH hanya terhad kepada jawatan "
    "Pembantu Pendidik Gred {grades}; gred {grade} tidak boleh diisi dengan PSH.",
    "For an operational vacancy at a Taska PERMATA Perpaduan, PSH is limited to Pembantu "
    "Pendidik posts of grade {grades}; grade {grade} cannot be filled by a PSH.")
FILL_TASKA_PENDIDIK_ACTING_ONLY = rule(
    "FILL_TASKA_PENDIDIK_ACTING_ONLY", "8.2(b)",
    "Bagi kekosongan operasi jawatan Pendidik Gred {grade} di Taska PERMATA Perpaduan, hanya "
    "urusan tanggung kerja boleh dilaksanakan.",
    "For an operational vacancy of a Pendidik post of grade {grade} at a Taska PERMATA "
    "Perpaduan, only acting duty may be used.")
FILL_HAKIKI_PSH_BEFORE_INTERVIEW_REPORT = rule(
    "FILL_HAKIKI_PSH_BEFORE_INTERVIEW_REPORT", "7.4(b)",
    "Bagi kekosongan hakiki, PSH hanya boleh dipohon selepas Laporan Temuduga dengan calon "
    "berjaya dan calon simpanan dikemukakan (serentak dengan permohonan PSH, 7.4(e)).",
    "For a substantive vacancy, a PSH may only be applied for once the interview report with "
    "its successful and reserve candidates is submitted (together with the PSH application, "
    "7.4(e)).")
FILL_HAKIKI_ACTING_PSH_AVAILABLE = rule(
    "FILL_HAKIKI_ACTING_PSH_AVAILABLE", "7.4(c)",
    "Bagi kekosongan hakiki, tanggung kerja hanya dipohon jika calon PSH tidak mencukupi; "
    "masih ada calon berjaya atau simpanan.",
    "For a substantive vacancy, acting is applied for only when PSH candidates are not enough; "
    "successful or reserve candidates remain.", severity=WARNING)

_GRADE = re.compile(r"^[A-Z]{1,3}\d{1,2}$")


def _enum_value(value: object, enum: type[Enum], unknown) -> str:
    if isinstance(value, enum):
        return value.value
    text = value.strip().upper() if isinstance(value, str) else None
    if text not in {e.value for e in enum}:
        raise unknown.refuse(field=unknown.code.removeprefix("UNKNOWN_").lower(),
                             value="" if value is None else str(value))
    return text


def normalise_grade(grade: object) -> str:
    """"S17" from "S17", "s 17" or "Gred S17"; refuses anything that is not a grade code."""
    text = re.sub(r"\s+", "", grade).upper() if isinstance(grade, str) else ""
    text = text.removeprefix("GRED")
    if not _GRADE.match(text):
        raise INVALID_GRADE.refuse(field="grade", value="" if grade is None else str(grade))
    return text


def taska_grades(on: date | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """(Pembantu Pendidik grades, Pendidik grades) in force on ``on`` (default today)."""
    table = table_in_force("filling", date.today() if on is None else on)
    out = []
    for key in ("pembantu_pendidik", "pendidik"):
        grades = table.get(key)
        try:
            codes = (frozenset(normalise_grade(g) for g in grades)
                     if isinstance(grades, list) else None)
        except Refused:
            codes = None
        if codes is None:
            raise invalid_table("filling.toml", f"{key} = {grades!r} bukan senarai gred",
                                f"{key} = {grades!r} is not a list of grades")
        out.append(codes)
    return out[0], out[1]


def _key(premises_kind: object, vacancy_kind: object, grade: object,
         on: date | None) -> tuple[str, str, str, str]:
    """(premises, vacancy, grade, grade class) where the class is S17, S27 or OTHER."""
    premises = _enum_value(premises_kind, PremisesKind, UNKNOWN_PREMISES_KIND)
    vacancy = _enum_value(vacancy_kind, VacancyKind, UNKNOWN_VACANCY_KIND)
    code = normalise_grade(grade)
    assistants, teachers = taska_grades(on)
    grade_class = "S17" if code in assistants else "S27" if code in teachers else "OTHER"
    return premises, vacancy, code, grade_class


def _allowed(premises: str, vacancy: str, grade_class: str) -> frozenset[str]:
    if vacancy == VacancyKind.HAKIKI.value or premises == PremisesKind.TABIKA.value:
        return ALL_METHODS
    return {"S17": ALL_METHODS,
            "S27": frozenset({Method.ACTING.value}),
            "OTHER": frozenset({Method.ACTING.value, Method.GANTIAN.value})}[grade_class]


def allowed_methods(premises_kind: PremisesKind | str, vacancy_kind: VacancyKind | str,
                    grade: str, on: date | None = None) -> frozenset[str]:
    """The methods ("PSH", "ACTING", "GANTIAN") that may fill the vacancy, by the grade lists in
    force on ``on`` (default today)."""
    premises, vacancy, _, grade_class = _key(premises_kind, vacancy_kind, grade, on)
    return _allowed(premises, vacancy, grade_class)


_NOTES = {
    # (vacancy, premises or None for any, method) -> (Malay, English)
    ("HAKIKI", None, "PSH"): (
        "Calon berjaya atau calon simpanan sahaja, mengikut senarai keutamaan, selepas Laporan "
        "Temuduga; Laporan Temuduga dan permohonan PSH dikemukakan serentak bersama pengesahan "
        "peruntukan OS29000 (perenggan 7.4(b), 7.4(e)).",
        "Successful or reserve candidates only, in priority order, after the interview report; "
        "the report and the PSH application go together, with the OS29000 allocation "
        "confirmation (para 7.4(b), 7.4(e))."),
    ("HAKIKI", None, "ACTING"): (
        "Hanya jika calon PSH tidak mencukupi, dan pegawai yang diperakukan berupaya menanggung "
        "kerja jawatan tersebut (perenggan 7.4(c)).",
        "Only when PSH candidates are not enough, and the officer recommended can carry the "
        "post's duties (para 7.4(c))."),
    ("HAKIKI", None, "GANTIAN"): (
        "Diutamakan jika tidak menjadi isu: calon gantian dengan bayaran saguhati mengikut "
        "ketetapan JPTP; kaedah yang lebih menguntungkan Kerajaan terpakai (perenggan 7.4(d)).",
        "Preferred when it raises no issue: a replacement on an honorarium set by JPTP; "
        "whichever method costs the Government less applies (para 7.4(d))."),
    ("OPERASI", "TABIKA", "PSH"): (
        "Calon simpanan yang masih ada dahulu, kemudian calon luar yang berkelayakan; "
        "pengesahan peruntukan OS29000 dikemukakan bersama permohonan (perenggan 8.2(a)).",
        "Remaining reserve candidates first, then qualified external candidates; the OS29000 "
        "allocation confirmation goes with the application (para 8.2(a))."),
    ("OPERASI", "TASKA", "PSH"): (
        "Terhad kepada jawatan Pembantu Pendidik; calon simpanan yang masih ada dahulu, "
        "kemudian calon luar yang berkelayakan; pengesahan peruntukan OS29000 dikemukakan "
        "bersama permohonan (perenggan 8.2(a), Taska).",
        "Pembantu Pendidik posts only; remaining reserve candidates first, then qualified "
        "external candidates; the OS29000 allocation confirmation goes with the application "
        "(para 8.2(a), Taska)."),
    ("OPERASI", None, "ACTING"): (
        "Hanya jika pegawai yang diperakukan berupaya menanggung kerja jawatan tersebut "
        "(perenggan 8.2(b)).",
        "Only if the officer recommended can carry the post's duties (para 8.2(b))."),
    ("OPERASI", None, "GANTIAN"): (
        "Diutamakan jika tidak menjadi isu: calon gantian dengan bayaran saguhati; kaedah yang "
        "lebih menguntungkan Kerajaan terpakai (perenggan 8.2(c)).",
        "Preferred when it raises no issue: a replacement on an honorarium; whichever method "
        "costs the Government less applies (para 8.2(c))."),
}
_PENDIDIK_NOTE = (
    "Bagi jawatan Pendidik, hanya urusan tanggung kerja boleh dilaksanakan, jika pegawai yang "
    "diperakukan berupaya menanggung kerja jawatan tersebut (perenggan 8.2(b), Taska).",
    "For a Pendidik post only acting may be used, if the officer recommended can carry the "
    "post's duties (para 8.2(b), Taska).")


def method_notes(premises_kind: PremisesKind | str, vacancy_kind: VacancyKind | str,
                 grade: str, on: date | None = None, lang: str = "ms") -> dict[str, str]:
    """For each allowed method, the conditions the circular puts on it (Malay, or English)."""
    premises, vacancy, _, grade_class = _key(premises_kind, vacancy_kind, grade, on)
    index = 1 if lang == "en" else 0
    out = {}
    for method in sorted(_allowed(premises, vacancy, grade_class)):
        if premises == "TASKA" and vacancy == "OPERASI" and grade_class == "S27":
            note = _PENDIDIK_NOTE
        else:
            note = _NOTES.get((vacancy, premises, method)) or _NOTES[(vacancy, None, method)]
        out[method] = note[index]
    return out


def check_method(premises_kind: PremisesKind | str, vacancy_kind: VacancyKind | str,
                 grade: str, method: Method | str, on: date | None = None,
                 interview_report_done: bool | None = None,
                 psh_candidates_left: bool | None = None) -> list[RuleViolation]:
    """Why ``method`` may not fill the vacancy (empty when it may).

    For a hakiki vacancy two stage facts are checked when given (``None`` = not known yet):
    a PSH needs the interview report (7.4(b)), and acting while successful or reserve
    candidates remain is a warning (7.4(c)).
    """
    premises, vacancy, code, grade_class = _key(premises_kind, vacancy_kind, grade, on)
    chosen = _enum_value(method, Method, UNKNOWN_METHOD)
    out: list[RuleViolation] = []
    if vacancy == "OPERASI" and premises == "TASKA":
        if grade_class == "S27" and chosen != "ACTING":
            out.append(FILL_TASKA_PENDIDIK_ACTING_ONLY.violation(field="method", grade=code))
        elif grade_class != "S17" and chosen == "PSH":
            assistants = ", ".join(sorted(taska_grades(on)[0]))
            out.append(FILL_TASKA_PSH_S17_ONLY.violation(field="method", grade=code,
                                                         grades=assistants))
    if vacancy == "HAKIKI":
        if chosen == "PSH" and interview_report_done is False:
            out.append(FILL_HAKIKI_PSH_BEFORE_INTERVIEW_REPORT.violation(field="method"))
        if chosen == "ACTING" and psh_candidates_left:
            out.append(FILL_HAKIKI_ACTING_PSH_AVAILABLE.violation(field="method"))
    return out
