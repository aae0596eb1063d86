"""Every violation code of the rules package, declared once, with its paragraph and messages.

One source of truth: a module declares each refusal it can raise as a module-level constant made
by :func:`rule`, and raises it through that constant::

    from desktop.rules.catalogue import rule

    ACTING_TERM_TOO_LONG = rule(
        "ACTING_TERM_TOO_LONG", "6A(c)",
        "Tempoh penanggungan kerja melebihi enam (6) bulan; hari akhir dibenarkan {last}.",
        "The acting term exceeds six (6) months; the last day allowed is {last}.")

    problems.append(ACTING_TERM_TOO_LONG.violation(field="end", last=...))
    raise ACTING_TERM_TOO_LONG.refuse(field="end", last=...)   # or: raise Refused([...])

The messages are ``str.format`` templates; the values are filled in when the violation is made
and the templates themselves go into ``docs/RULE-CODES.md`` (``scripts/gen_rule_codes.py``).
:func:`all_rules` imports every module of ``desktop.rules`` first, so a module only has to
exist to be listed. A code declared twice with different texts is a programming error and fails
at import. ``tests/rules/test_catalogue.py`` reads the source of every rules module and fails
when a code is raised that the catalogue does not know, so a module written before it adopted
:func:`rule` is listed in :data:`_NOT_YET_ADOPTED` until it does (then delete its entries).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from dataclasses import dataclass

from desktop.rules.violations import ERROR, WARNING, Refused, RuleViolation


@dataclass(frozen=True)
class RuleInfo:
    """A declared refusal or warning: a template for :class:`RuleViolation`."""

    code: str
    paragraph: str | None
    message_ms: str
    message_en: str
    severity: str = ERROR
    module: str = ""

    def violation(self, field: str | None = None, **values: object) -> RuleViolation:
        """The violation with the templates' ``{placeholders}`` filled from ``values``.

        ``{field}`` in a template is the form field's name.
        """
        values = {"field": field, **values}
        return RuleViolation(self.code, self.paragraph, self.message_ms.format(**values),
                             self.message_en.format(**values), self.severity, field)

    def refuse(self, field: str | None = None, **values: object) -> Refused:
        """A :class:`Refused` of this one violation, for ``raise RULE.refuse(...)``."""
        return Refused(self.violation(field, **values))


_REGISTRY: dict[str, RuleInfo] = {}


def _is_code(code: object) -> bool:
    return (isinstance(code, str) and bool(code) and code[0].isalpha()
            and all(c.isupper() or c.isdigit() or c == "_" for c in code))


def rule(code: str, paragraph: str | None, message_ms: str, message_en: str,
         severity: str = ERROR, module: str | None = None) -> RuleInfo:
    """Declare (register) a rule and return it; call at module level."""
    if not _is_code(code):
        raise ValueError(f"rule code must be UPPER_SNAKE: {code!r}")
    if severity not in (ERROR, WARNING):
        raise ValueError(f"unknown severity {severity!r} for {code}")
    if module is None:
        module = sys._getframe(1).f_globals.get("__name__", "")
    info = RuleInfo(code, paragraph, message_ms, message_en, severity, module)
    known = _REGISTRY.get(code)
    if known is not None and known != info:
        raise ValueError(f"rule code {code} declared twice with different texts "
                         f"({known.module} and {module})")
    _REGISTRY[code] = info
    return info


def get_rule(code: str) -> RuleInfo:
    _load_all()
    return _REGISTRY[code]


# Codes raised by modules that build their RuleViolation by hand (``invalid``, ``RuleViolation``)
# and do not yet declare them with rule(); the texts summarise theirs. Move each into its
# module's rule() constants when it is next edited (the module's own declaration must then
# replace the line here, or the two texts clash at import); the catalogue test lists any code
# that is raised but declared nowhere.
_NOT_YET_ADOPTED = (
    # (code, paragraph, Malay, English, module[, severity])
    ("INVALID_INPUT", None, "Maklumat bagi {field} tidak sah.", "The input for {field} is not "
     "valid.", "desktop.rules.violations"),
    ("UNKNOWN_STATE", None, "Negeri '{state}' tidak dikenali.", "Unknown state '{state}'.",
     "desktop.rules.calendar"),
    ("END_BEFORE_START", None, "Tarikh akhir tidak boleh sebelum tarikh mula.",
     "The end date cannot be before the start date.", "desktop.rules.calendar"),
    ("INVALID_MONTH", None, "Bulan {year}-{month} tidak sah.",
     "Month {year}-{month} is not valid.", "desktop.rules.calendar"),
    ("RATE_TABLE_MISSING", None, "Jadual kadar '{name}' tiada dalam pemasangan.",
     "Rate table '{name}' is missing from the installation.", "desktop.rules.rates"),
    ("RATE_TABLE_INVALID", None, "Fail kadar {name} rosak: {problem}.",
     "Rate file {name} is broken: {problem}.", "desktop.rules.rates"),
    ("RATE_TABLE_EMPTY", None,
     "Jadual {title} belum diisi oleh pentadbir; pengiraan tidak dapat dibuat.",
     "The {title} table has not been filled in by the administrator yet; nothing can be "
     "computed.", "desktop.rules.rates"),
    ("RATE_NOT_IN_FORCE", None,
     "Tiada jadual {title} yang berkuat kuasa pada {day} (jadual paling awal bermula {first}).",
     "No {title} table is in force on {day} (the earliest starts on {first}).",
     "desktop.rules.rates"),
    ("INVALID_NUMBER", None, "'{value}' bukan nombor yang sah untuk {field}.",
     "'{value}' is not a valid number for {field}.", "desktop.rules.rates"),
    ("PSH_NOT_CITIZEN", "5A(a)", "PSH mestilah warganegara Malaysia.",
     "A PSH must be a Malaysian citizen.", "desktop.rules.psh"),
    ("PSH_PUBLIC_OFFICER", "5A(b)", "Pegawai awam tidak boleh dilantik sebagai PSH.",
     "A public officer cannot be engaged as PSH.", "desktop.rules.psh"),
    ("PSH_TERM_OVER_3_MONTHS", "5A(e)",
     "Tempoh PSH tidak boleh melebihi 3 bulan (hari terakhir {last}) melainkan dilanjutkan oleh "
     "Ketua Jabatan sehingga 3 bulan lagi.",
     "A PSH term cannot exceed 3 months (last day {last}) unless the head of department extends "
     "it by up to 3 more months.", "desktop.rules.psh"),
    ("PSH_TERM_OVER_6_MONTHS", "5A(e)",
     "Tempoh PSH termasuk lanjutan tidak boleh melebihi 6 bulan: hari terakhir yang dibenarkan "
     "ialah {last}.",
     "A PSH term with its extensions cannot exceed 6 months: the last day allowed is {last}.",
     "desktop.rules.psh"),
    ("PSH_BELOW_SPM", "5A(f)", "Kelayakan bawah SPM tidak layak dilantik sebagai PSH.",
     "A qualification below SPM is not eligible for PSH.", "desktop.rules.psh"),
    ("PSH_JOB_BELOW_SPM", "5A(f)", "Tugas PSH mesti memerlukan sekurang-kurangnya SPM.",
     "A PSH job must call for at least SPM.", "desktop.rules.psh"),
    ("PSH_NOT_CERTIFIED_HEALTHY", "5A(g)", "Calon belum diperakui sihat oleh Ketua Jabatan.",
     "The candidate has not been certified healthy by the head of department.",
     "desktop.rules.psh"),
    ("PSH_UNDERQUALIFIED", "5A(h)",
     "Kelayakan calon ({qualification}) lebih rendah daripada kelayakan yang diperlukan oleh "
     "tugas ({required}); kadar upah mengikut tugas (perenggan 5B).",
     "The candidate's qualification ({qualification}) is below what the job calls for "
     "({required}); the rate follows the job (para 5B).", "desktop.rules.psh"),
    ("PSH_OSA_NOT_SIGNED", "5A(n)",
     "Calon mesti menandatangani perakuan Akta Rahsia Rasmi 1972 sebelum mula bertugas.",
     "The candidate must sign the Official Secrets Act 1972 declaration before starting.",
     "desktop.rules.psh"),
    ("INVALID_RATE", None, "Kadar upah mesti lebih daripada sifar.",
     "The daily rate must be more than zero.", "desktop.rules.psh"),
    ("INVALID_AGE", None, "Umur '{age}' tidak sah.", "Invalid age '{age}'.",
     "desktop.rules.contributions"),
    ("INVALID_BIRTH_DATE", None,
     "Tarikh lahir mesti sebelum tarikh atau bulan upah yang dikira.",
     "The birth date must come before the day or wage month computed.",
     "desktop.rules.contributions"),
    ("INVALID_MYKAD", None,
     "No. MyKad '{value}' tidak sah: wajib diisi, 12 digit, dengan tarikh lahir yang wujud dan "
     "kod tempat lahir yang digunakan.",
     "The MyKad number '{value}' is not valid: it is required, has 12 digits, a real birth date "
     "and a birthplace code in use.", "desktop.rules.mykad"),
    ("MYKAD_FOREIGN_BIRTHPLACE", "5A(a)",
     "No. MyKad {mykad} menunjukkan tempat lahir di luar negara (kod {code}) sedangkan dia "
     "direkodkan sebagai warganegara; sila semak.",
     "MyKad {mykad} shows a birthplace abroad (code {code}) but the person is recorded as a "
     "citizen; please check.", "desktop.rules.mykad", WARNING),
    ("PSH_QUALIFICATION_UNKNOWN", "5A(f)", "Kelayakan akademik calon belum direkodkan.",
     "The candidate's qualification is not recorded.", "desktop.rules.candidates_order",
     WARNING),
    ("STEP_UNKNOWN", None, "Langkah '{code}' tidak wujud bagi kekosongan {kind}.",
     "There is no step '{code}' for a {kind} vacancy.", "desktop.rules.workflow"),
    ("STEP_ALREADY_DONE", "7.1", "Langkah '{step}' telah direkodkan.",
     "The step '{step}' has already been recorded.", "desktop.rules.workflow"),
    ("STEP_OUT_OF_ORDER", "7.1",
     "Langkah mesti dibuat mengikut turutan: langkah seterusnya ialah '{step}'.",
     "Steps must be done in order: the next step is '{step}'.", "desktop.rules.workflow"),
    ("STEP_DATE_BEFORE_PREVIOUS", "7.1",
     "Tarikh langkah tidak boleh sebelum tarikh langkah sebelumnya.",
     "The step's date cannot be before the previous step's date.", "desktop.rules.workflow"),
    ("PSH_APPLICATION_WITH_REPORT", "7.4(e)",
     "Laporan temu duga dan permohonan pelantikan PSH hendaklah dikemukakan serentak: isi "
     "rujukan permohonan PSH.",
     "The interview report and the PSH application must be sent together: enter the PSH "
     "application's reference.", "desktop.rules.workflow"),
    ("PSH_REF_NOT_FOR_STEP", None,
     "Rujukan permohonan PSH hanya direkod bersama laporan temu duga.",
     "A PSH application reference goes only with the interview report.",
     "desktop.rules.workflow"),
)
for _code, _para, _ms, _en, _mod, *_severity in _NOT_YET_ADOPTED:
    rule(_code, _para, _ms, _en, *_severity, module=_mod)


def _load_all() -> None:
    """Import every module of the rules package so that all their rules are registered."""
    import desktop.rules as package

    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)


def all_rules() -> list[RuleInfo]:
    """Every declared rule, ordered by paragraph (input checks without one last), then code."""
    _load_all()

    def key(r: RuleInfo) -> tuple:
        return (r.paragraph is None, _paragraph_key(r.paragraph or ""), r.code)

    return sorted(_REGISTRY.values(), key=key)


def _paragraph_key(paragraph: str) -> tuple:
    # "6A(c)" < "6A(g)" < "7.4(b)" < "8.2(a)": numbers compare as numbers.
    out: list[tuple[int, object]] = []
    number = ""
    for ch in paragraph:
        if ch.isdigit():
            number += ch
            continue
        if number:
            out.append((0, int(number)))
            number = ""
        out.append((1, ch))
    if number:
        out.append((0, int(number)))
    return tuple(out)
