"""The plain data a monthly return is written from: frozen dataclasses, no ORM, no Qt.

The lead's month close builds a :class:`ReturnData` from its snapshot; ``read_return`` builds
the same classes back from a workbook, so a return written and read back compares equal.

Each line checks and normalises its fields when it is made, so a wrong value is refused here
(``Refused`` with ``RETURN_INVALID_DATA`` naming the line and the field), never written:

- money: ``Decimal`` or ``int``, to the sen, not negative (a float is refused: it has already
  lost its sen);
- counts and days: ``int`` from 0; dates: ``date`` (a ``datetime`` keeps its date);
- text: an enum becomes its Malay label (``Tabika Perpaduan``, ``Hakiki``, ``SPM``...), ``None``
  becomes ``""``, a carriage return becomes a line feed (XML would turn it into one anyway) and
  the control characters an xlsx file cannot hold are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import ClassVar

from desktop.rules.enums import Method, PremisesKind, Qualification, VacancyKind
from desktop.rules.states import is_state
from desktop.rules.vacancy_enums import VacancyReason, method_label
from desktop.rules.violations import ERROR, Refused, RuleViolation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

VACANCY_KIND_LABELS = {VacancyKind.HAKIKI: "Hakiki", VacancyKind.OPERASI: "Operasi"}
QUALIFICATION_LABELS = {Qualification.BELOW_SPM: "Bawah SPM", Qualification.SPM: "SPM",
                        Qualification.STPM: "STPM", Qualification.DIPLOMA: "Diploma",
                        Qualification.IJAZAH: "Ijazah"}
PER_LABELS = {"HARI": "Sehari", "BULAN": "Sebulan"}  # the gantian rate's basis (rules.gantian)

# Fields whose text may also come as the enum's stored value ("HAKIKI", "TASKA", "PSH").
_ENUM_OF: dict[str, type[Enum]] = {
    "premises_kind": PremisesKind, "vacancy_kind": VacancyKind, "qualification": Qualification,
    "reason": VacancyReason, "filling_method": Method}

# Characters XML 1.0 cannot carry (openpyxl refuses them): dropped from text.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class Cancelled(Exception):
    """The user cancelled a write; no file was left behind."""


def invalid_data(where: str, field: str, value: object, what_ms: str, what_en: str
                 ) -> RuleViolation:
    shown = "" if value is None else str(value)
    return RuleViolation(
        "RETURN_INVALID_DATA", None,
        f"Data penyata tidak sah: {where}, {field} = '{shown}': {what_ms}.",
        f"Invalid return data: {where}, {field} = '{shown}': {what_en}.", ERROR, field)


def label(value: object) -> str:
    """The text a return shows for ``value``: an enum's Malay label, ``""`` for ``None``."""
    if value is None:
        return ""
    if value.__class__ is str and value.isprintable():  # the usual text: nothing to change
        return value
    if isinstance(value, VacancyKind):
        return VACANCY_KIND_LABELS[value]
    if isinstance(value, Qualification):
        return QUALIFICATION_LABELS[value]
    if isinstance(value, Method):
        return method_label(value)
    if isinstance(value, Enum):
        return getattr(value, "label_ms", None) or str(value.value)
    if not isinstance(value, str):
        raise TypeError
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub("", text)


def _money(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(CENT):
        return None
    return amount.quantize(CENT) + 0


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    amount = Decimal(value)
    return amount if amount.is_finite() and amount >= 0 else None


_PLANS: dict[type, tuple[tuple[str, str], ...]] = {}


def _plan(cls) -> tuple[tuple[str, str], ...]:
    """(field, kind) of each of the class's fields, kind one of "money", "number", "int",
    "date" and "text": worked out once per class (a national month makes tens of thousands of
    lines)."""
    plan = _PLANS.get(cls)
    if plan is None:
        def kind(name: str) -> str:
            if name in cls.MONEY:
                return "money"
            if name in cls.NUMBERS:
                return "number"
            if name in cls.INTS or name in cls.OPTIONAL_INTS:
                return "int"
            if name in cls.DATES or name in cls.OPTIONAL_DATES:
                return "date"
            return "text"
        plan = _PLANS[cls] = tuple((f.name, kind(f.name)) for f in fields(cls))
    return plan


class _Checked:
    """Checks and normalises the fields named in the class's kind tuples (see the module)."""

    MONEY: ClassVar[tuple[str, ...]] = ()
    NUMBERS: ClassVar[tuple[str, ...]] = ()  # non-money decimals: hours, km
    INTS: ClassVar[tuple[str, ...]] = ()
    OPTIONAL_INTS: ClassVar[tuple[str, ...]] = ()
    DATES: ClassVar[tuple[str, ...]] = ()
    OPTIONAL_DATES: ClassVar[tuple[str, ...]] = ()
    WHAT: ClassVar[str] = ""

    def _where(self) -> str:
        return f"{self.WHAT} '{getattr(self, 'name', '') or getattr(self, 'premises_code', '')}'"

    def __post_init__(self) -> None:
        problems: list[RuleViolation] = []

        def bad(name: str, value: object, ms: str, en: str) -> None:
            problems.append(invalid_data(self._where(), name, value, ms, en))

        for name, kind in _plan(type(self)):
            value = getattr(self, name)
            if kind == "money":
                new = _money(value)
                if new is None:
                    bad(name, value, "amaun mesti Decimal atau int, tepat ke sen dan tidak negatif",
                        "an amount must be a Decimal or int, to the sen and not negative")
            elif kind == "number":
                new = _number(value)
                if new is None:
                    bad(name, value, "mesti nombor (Decimal atau int) tidak negatif",
                        "must be a non-negative number (Decimal or int)")
            elif kind == "int":
                new = value
                if value is None and name in self.OPTIONAL_INTS:
                    pass
                elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    bad(name, value, "mesti nombor bulat tidak negatif",
                        "must be a whole number from 0")
            elif kind == "date":
                new = value.date() if isinstance(value, datetime) else value
                if new is None and name in self.OPTIONAL_DATES:
                    pass
                elif not isinstance(new, date):
                    bad(name, value, "mesti tarikh", "must be a date")
            elif value.__class__ is str and name not in _ENUM_OF and value.isprintable():
                continue  # the usual text: kept as it is
            else:
                enum = _ENUM_OF.get(name)
                if enum is not None and isinstance(value, str) and value in enum._value2member_map_:
                    value = enum(value)
                try:
                    new = label(value)
                except TypeError:
                    new = value
                    bad(name, value, "mesti teks", "must be text")
            if new is not value:
                object.__setattr__(self, name, new)
        if problems:
            raise Refused(problems)


@dataclass(frozen=True)
class ReturnMeta:
    office_code: str
    office_name: str
    state: str  # a code of desktop.rules.states (SGR, JHR ...)
    year: int
    month: int
    version: int  # 1, then 2 after the month is reopened and closed again ...
    generated_at: datetime
    app_version: str

    def __post_init__(self) -> None:
        where = "maklumat penyata"
        problems = []
        for name in ("office_code", "office_name", "app_version"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                problems.append(invalid_data(where, name, value, "mesti diisi", "is required"))
        if not isinstance(self.state, str) or not is_state(self.state):
            problems.append(invalid_data(where, "state", self.state, "negeri tidak dikenali",
                                         "unknown state"))
        for name, lo, hi in (("year", 2000, 9999), ("month", 1, 12), ("version", 1, 9999)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                problems.append(invalid_data(where, name, value, f"mesti nombor bulat {lo}-{hi}",
                                             f"must be a whole number {lo}-{hi}"))
        if not isinstance(self.generated_at, datetime) or self.generated_at.tzinfo is not None:
            problems.append(invalid_data(where, "generated_at", self.generated_at,
                                         "mesti tarikh dan masa tempatan (tanpa zon waktu)",
                                         "must be a local date and time (no time zone)"))
        if problems:
            raise Refused(problems)
        for name in ("office_code", "office_name", "app_version"):
            object.__setattr__(self, name, label(getattr(self, name)))
        # the file keeps whole seconds; keep the same here so that a read-back compares equal
        object.__setattr__(self, "generated_at", self.generated_at.replace(microsecond=0))

    @property
    def month_key(self) -> str:
        """``YYYY-MM``."""
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class PshLine(_Checked):
    name: str
    mykad: str
    premises_code: str
    premises_name: str
    premises_kind: str  # PremisesKind or its label
    post: str
    grade: str
    vacancy_kind: str  # VacancyKind or its label
    qualification: str  # Qualification or its label
    daily_rate: Decimal
    start: date  # the PSH's first day within the month
    end: date  # the PSH's last day within the month
    working_days: int
    absent_days: int
    paid_days: int
    gross: Decimal
    kwsp_employee: Decimal
    kwsp_employer: Decimal
    perkeso_employee: Decimal
    perkeso_employer: Decimal
    sip_employee: Decimal
    sip_employer: Decimal
    net: Decimal
    approval_ref: str

    MONEY = ("daily_rate", "gross", "kwsp_employee", "kwsp_employer", "perkeso_employee",
             "perkeso_employer", "sip_employee", "sip_employer", "net")
    INTS = ("working_days", "absent_days", "paid_days")
    DATES = ("start", "end")
    WHAT = "PSH"

    @property
    def employer_contributions(self) -> Decimal:
        return self.kwsp_employer + self.perkeso_employer + self.sip_employer


@dataclass(frozen=True)
class ActingLine(_Checked):
    name: str
    mykad: str
    post: str  # the post acted in
    grade: str
    premises: str
    starting_salary: Decimal  # of the grade acted in (6B)
    start: date
    end: date | None
    days_in_month: int
    allowance: Decimal

    MONEY = ("starting_salary", "allowance")
    INTS = ("days_in_month",)
    DATES = ("start",)
    OPTIONAL_DATES = ("end",)
    WHAT = "Tanggung Kerja"


@dataclass(frozen=True)
class GantianLine(_Checked):
    name: str
    mykad: str
    premises: str
    post: str
    grade: str
    per: str  # "HARI" / "BULAN" (rules.gantian) or their labels Sehari / Sebulan
    amount: Decimal  # the rate per day or per month
    start: date
    end: date | None
    days: int
    honorarium: Decimal

    MONEY = ("amount", "honorarium")
    INTS = ("days",)
    DATES = ("start",)
    OPTIONAL_DATES = ("end",)
    WHAT = "Gantian"

    def __post_init__(self) -> None:
        if isinstance(self.per, str) and self.per.upper() in PER_LABELS:
            object.__setattr__(self, "per", PER_LABELS[self.per.upper()])
        super().__post_init__()


@dataclass(frozen=True)
class VacancyLine(_Checked):
    premises_code: str
    premises_name: str
    premises_kind: str
    post: str
    grade: str
    vacancy_kind: str
    reason: str  # VacancyReason or its label
    opened_on: date
    incumbent: str
    current_step: str
    days_waiting: int | None
    filling_method: str  # Method or its label; "" while open

    INTS = ()
    OPTIONAL_INTS = ("days_waiting",)
    DATES = ("opened_on",)
    WHAT = "Kekosongan"


@dataclass(frozen=True)
class ClaimLine(_Checked):
    name: str
    mykad: str
    premises: str
    day: date
    purpose: str
    hours: Decimal
    km: Decimal
    nights: int
    amount: Decimal

    MONEY = ("amount",)
    NUMBERS = ("hours", "km")
    INTS = ("nights",)
    DATES = ("day",)
    WHAT = "Tuntutan"


TOTAL_KEYS = ("total_psh_gross", "total_psh_net", "total_kwsp_employee", "total_kwsp_employer",
              "total_perkeso_employee", "total_perkeso_employer", "total_sip_employee",
              "total_sip_employer", "total_employer_contributions", "total_acting_allowance",
              "total_gantian_honorarium", "total_claims", "total_cost")


def _sum(values) -> Decimal:
    return sum(values, ZERO)


@dataclass(frozen=True)
class ReturnData:
    meta: ReturnMeta
    psh: tuple[PshLine, ...] = ()
    acting: tuple[ActingLine, ...] = ()
    gantian: tuple[GantianLine, ...] = ()
    vacancies: tuple[VacancyLine, ...] = ()
    claims: tuple[ClaimLine, ...] = ()

    def __post_init__(self) -> None:
        problems = []
        if not isinstance(self.meta, ReturnMeta):
            problems.append(invalid_data("penyata", "meta", type(self.meta).__name__,
                                         "mesti ReturnMeta", "must be a ReturnMeta"))
        for name, cls in (("psh", PshLine), ("acting", ActingLine), ("gantian", GantianLine),
                          ("vacancies", VacancyLine), ("claims", ClaimLine)):
            lines = tuple(getattr(self, name))
            wrong = next((x for x in lines if not isinstance(x, cls)), None)
            if wrong is not None:
                problems.append(invalid_data("penyata", name, type(wrong).__name__,
                                             f"mesti {cls.__name__}", f"must be {cls.__name__}"))
            object.__setattr__(self, name, lines)
        if problems:
            raise Refused(problems)

    # -- totals (Decimal, to the sen) ------------------------------------------------------
    @property
    def psh_gross(self) -> Decimal:
        return _sum(p.gross for p in self.psh)

    @property
    def psh_net(self) -> Decimal:
        return _sum(p.net for p in self.psh)

    @property
    def employer_contributions(self) -> Decimal:
        """KWSP, PERKESO and SIP paid by the employer for every PSH."""
        return _sum(p.employer_contributions for p in self.psh)

    @property
    def acting_allowance(self) -> Decimal:
        return _sum(a.allowance for a in self.acting)

    @property
    def gantian_honorarium(self) -> Decimal:
        return _sum(g.honorarium for g in self.gantian)

    @property
    def claims_amount(self) -> Decimal:
        return _sum(c.amount for c in self.claims)

    @property
    def total_cost(self) -> Decimal:
        """What the month cost the office: wages, employer contributions, allowances,
        honoraria and claims."""
        return (self.psh_gross + self.employer_contributions + self.acting_allowance
                + self.gantian_honorarium + self.claims_amount)

    def totals(self) -> dict[str, Decimal]:
        """Every total the ``_meta`` sheet records, by its key (:data:`TOTAL_KEYS`)."""
        p = self.psh
        return dict(zip(TOTAL_KEYS, (
            self.psh_gross, self.psh_net,
            _sum(x.kwsp_employee for x in p), _sum(x.kwsp_employer for x in p),
            _sum(x.perkeso_employee for x in p), _sum(x.perkeso_employer for x in p),
            _sum(x.sip_employee for x in p), _sum(x.sip_employer for x in p),
            self.employer_contributions, self.acting_allowance, self.gantian_honorarium,
            self.claims_amount, self.total_cost), strict=True))

    def vacancies_by_kind(self) -> dict[str, int]:
        """The month-end vacancies (open or filled for a time) by kind label (``Hakiki``...)."""
        out = {VACANCY_KIND_LABELS[k]: 0 for k in VacancyKind}
        for v in self.vacancies:
            out[v.vacancy_kind] = out.get(v.vacancy_kind, 0) + 1
        return out
