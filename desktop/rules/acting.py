"""Acting duty (penanggungan kerja): the rules of para 6A and the allowance of para 6B.

Allowance (6B(a)): ``percent`` (25, from ``resources/rates/acting.toml``) of the starting salary
of the post acted in, a month. The circular does not say how a part month is paid; as
``reference/statutory-rates.md`` records, the project prorates by calendar days:

    month's allowance = round(round(salary x percent / 100) x days acted in the month
                              / days in the month)

both roundings to the sen, half up. The inner rounding is the monthly allowance as JPA states
it (RM2,345.69 gives RM586.42 a month), so a whole month pays exactly that figure. A period's
allowance is the sum of its months, each rounded on its own. Calendar days include rest days
and holidays, as 6A(d) wants for an assignment that ends on one. The rate row used for a month
is the one in force on the first day of the assignment in that month.

Terms are counted like the PSH terms: "six months from 15 March" ends on 14 September, the day
before the same date six months on; when that date does not exist (31 August + 6 months), the
term runs to the end of the shorter month (28 or 29 February).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal

from desktop.rules.calendar import check_period, is_working_day, month_bounds
from desktop.rules.catalogue import rule
from desktop.rules.dates import INVALID_DATE_INPUT, format_date_en, format_date_ms
from desktop.rules.money import round_money, to_money
from desktop.rules.rates import invalid_table, parse_decimal, table_in_force
from desktop.rules.violations import Refused, RuleViolation

TERM_MONTHS = 6  # 6A(c)
INTERRUPTION_DAYS = 14  # 6A(f)
SERVICE_MONTHS = 12  # 6A(g)(ii): "sekurang-kurangnya setahun"

ACTING_NO_VACANCY = rule(
    "ACTING_NO_VACANCY", "6A(a)(i)",
    "Penanggungan kerja hanya boleh dilaksanakan jika terdapat kekosongan jawatan secara "
    "hakiki atau operasi.",
    "Acting duty needs a substantive (hakiki) or operational (operasi) vacancy.")
ACTING_DUTIES_NOT_ESSENTIAL = rule(
    "ACTING_DUTIES_NOT_ESSENTIAL", "6A(a)(ii)",
    "Penanggungan kerja hanya boleh dilaksanakan jika tugas jawatan yang kosong itu mustahak "
    "dilaksanakan secara berterusan.",
    "Acting duty is only for a vacant post whose duties must go on without a break.")
ACTING_NO_WRITTEN_INSTRUCTION = rule(
    "ACTING_NO_WRITTEN_INSTRUCTION", "6A(b)",
    "Arahan penanggungan kerja hendaklah dibuat secara bertulis oleh Ketua Jabatan.",
    "The acting instruction must be given in writing by the head of department.")
ACTING_TERM_TOO_LONG = rule(
    "ACTING_TERM_TOO_LONG", "6A(c)",
    "Tempoh penanggungan kerja tidak boleh melebihi enam (6) bulan: hari terakhir yang "
    "dibenarkan ialah {last_ms}. Selepas itu Ketua Jabatan hendaklah memohon semula kepada "
    "Pihak Berkuasa Melulus.",
    "An acting term cannot exceed six (6) months: the last day allowed is {last_en}. Beyond it "
    "the head of department must apply again to the approving authority.")
ACTING_START_NOT_WORKING_DAY = rule(
    "ACTING_START_NOT_WORKING_DAY", "6A(d)",
    "Penanggungan kerja hendaklah bermula pada hari bekerja; {day_ms} bukan hari bekerja.",
    "Acting duty must start on a working day; {day_en} is not a working day.")
ACTING_INTERRUPTED = rule(
    "ACTING_INTERRUPTED", "6A(f)",
    "Penanggungan kerja terputus selama {days} hari ({begin_ms} hingga {finish_ms}): "
    "penanggungan berakhir pada {last_ms} dan untuk meneruskannya Ketua Jabatan hendaklah "
    "membuat perakuan baru kepada Pihak Berkuasa Melulus.",
    "The acting duty is interrupted for {days} days ({begin_en} to {finish_en}): it ends on "
    "{last_en}, and going on needs a new recommendation by the head of department to the "
    "approving authority.")
ACTING_CONFIRMED_OFFICER_AVAILABLE = rule(
    "ACTING_CONFIRMED_OFFICER_AVAILABLE", "6A(g)(ii)",
    "Pegawai ini belum disahkan dalam perkhidmatan sedangkan ada pegawai yang telah disahkan: "
    "pegawai yang telah disahkan hendaklah diperakukan.",
    "This officer is not confirmed in service while a confirmed officer is available: the "
    "confirmed officer must be recommended.")
ACTING_SERVICE_UNKNOWN = rule(
    "ACTING_SERVICE_UNKNOWN", "6A(g)(ii)",
    "Tarikh mula berkhidmat pegawai yang belum disahkan diperlukan untuk menentukan sama ada "
    "beliau telah berkhidmat sekurang-kurangnya setahun.",
    "The service start date of an unconfirmed officer is needed to tell whether they have "
    "served at least one year.")
ACTING_SERVICE_UNDER_ONE_YEAR = rule(
    "ACTING_SERVICE_UNDER_ONE_YEAR", "6A(g)(ii)",
    "Pegawai yang belum disahkan dalam perkhidmatan hendaklah telah berkhidmat "
    "sekurang-kurangnya setahun (genap setahun pada {year_ms}).",
    "An officer not confirmed in service must have served at least one year (one year is "
    "completed on {year_en}).")
ACTING_SALARY_REQUIRED = rule(
    "ACTING_SALARY_REQUIRED", "6B(a)",
    "Gaji permulaan jawatan yang ditanggung kerja hendaklah lebih daripada RM 0.00.",
    "The starting salary of the post acted in must be more than RM 0.00.")

# Refusals of the acting service's own actions (services.acting: assign, renew, interrupt, end,
# hand over), declared here with the rest of para 6A.
ACTING_BEFORE_VACANCY = rule(
    "ACTING_BEFORE_VACANCY", "6A(a)(i)",
    "Penanggungan kerja tidak boleh bermula sebelum tarikh kekosongan ({day_ms}).",
    "Acting cannot start before the vacancy arises ({day_en}).")
ACTING_RENEWAL_START = rule(
    "ACTING_RENEWAL_START", "6A(c)",
    "Permohonan semula bermula sehari selepas penanggungan kerja terdahulu berakhir, iaitu "
    "{day_ms}.",
    "A renewal starts the day after the previous term ends, {day_en}.")
ACTING_END_OUTSIDE_TERM = rule(
    "ACTING_END_OUTSIDE_TERM", "6A(e)",
    "Tarikh tamat mesti dalam tempoh penanggungan kerja ({first_ms} hingga {last_ms}).",
    "The end date must fall within the assignment ({first_en} to {last_en}).")
ACTING_HAND_OVER_SAME_OFFICER = rule(
    "ACTING_HAND_OVER_SAME_OFFICER", "6A(e)",
    "Penanggungan kerja hanya boleh diserahkan kepada pegawai lain.",
    "The duties can only be handed over to another officer.")
ACTING_HAND_OVER_DATE = rule(
    "ACTING_HAND_OVER_DATE", "6A(e)",
    "Pegawai baharu mula menanggung kerja selepas {first_ms} dan selewat-lewatnya {last_ms}.",
    "The new officer starts after {first_en} and by {last_en} at the latest.")
ACTING_INTERRUPTION_OUTSIDE = rule(
    "ACTING_INTERRUPTION_OUTSIDE", "6A(f)",
    "Gangguan mesti bermula dalam tempoh penanggungan kerja, selepas hari pertamanya "
    "({first_ms} hingga {last_ms}).",
    "An interruption must start within the assignment, after its first day ({first_en} to "
    "{last_en}).")
ACTING_UNCONFIRMED_REASON_REQUIRED = rule(
    "ACTING_UNCONFIRMED_REASON_REQUIRED", "6A(g)(ii)",
    "{name} belum disahkan dalam perkhidmatan: nyatakan sebab tiada pegawai yang telah "
    "disahkan.",
    "{name} is not confirmed in service: state why no confirmed officer is available.")
ACTING_PRIORITY_REASON_REQUIRED = rule(
    "ACTING_PRIORITY_REASON_REQUIRED", "6A(g)(iii)",
    "{other} lebih diutamakan daripada {name} (disahkan, kelayakan, tempoh perkhidmatan): "
    "nyatakan sebab {name} dipilih.",
    "{other} comes before {name} (confirmation, qualification, length of service): state why "
    "{name} was chosen.")


def _day(value: object, field: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, date):
        raise INVALID_DATE_INPUT.refuse(field=field, value="" if value is None else str(value))
    return value


def _dates(prefix: str, day: date) -> dict[str, str]:
    return {f"{prefix}_ms": format_date_ms(day), f"{prefix}_en": format_date_en(day)}


def add_months(day: date, months: int) -> date:
    """The same date ``months`` later; the 1st of the next month when that date does not exist."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    first, last = month_bounds(year, month + 1)
    if day.day > last.day:
        return last + timedelta(days=1)
    return first.replace(day=day.day)


def acting_last_day(start: date) -> date:
    """The last day of a six-month acting term starting on ``start`` (6A(c))."""
    return add_months(_day(start, "start"), TERM_MONTHS) - timedelta(days=1)


def acting_percent(on: date) -> Decimal:
    """The allowance percentage in force on ``on`` (6B(a)), from ``rates/acting.toml``."""
    table = table_in_force("acting", _day(on, "on"))
    try:
        percent = parse_decimal(table.get("percent"), "percent")
    except Refused:
        percent = None
    if percent is None or not Decimal(0) < percent <= Decimal(100):
        raise invalid_table("acting.toml", f"percent {table.get('percent')!r} mesti antara 0 "
                            "dan 100", f"percent {table.get('percent')!r} must be from 0 to 100")
    return percent


def _salary(starting_salary: object) -> Decimal:
    salary = to_money(starting_salary, "starting_salary")
    if salary == 0:
        raise ACTING_SALARY_REQUIRED.refuse(field="starting_salary")
    return salary


def acting_monthly_allowance(starting_salary: Decimal | int | str, on: date) -> Decimal:
    """A whole month's allowance: the percentage in force on ``on`` of the starting salary."""
    return round_money(_salary(starting_salary) * acting_percent(on) / 100)


def acting_allowance(starting_salary: Decimal | int | str, start: date, end: date,
                     year: int, month: int) -> Decimal:
    """The allowance for the part of ``start``..``end`` (inclusive) that falls in the month."""
    salary = _salary(starting_salary)
    start, end = _day(start, "start"), _day(end, "end")
    check_period(start, end)
    first, last = month_bounds(year, month)
    lo, hi = max(start, first), min(end, last)
    if lo > hi:
        return Decimal("0.00")
    monthly = acting_monthly_allowance(salary, lo)
    days = (hi - lo).days + 1
    return round_money(monthly * days / last.day)


def acting_by_month(starting_salary: Decimal | int | str, start: date,
                    end: date) -> list[tuple[int, int, Decimal]]:
    """``(year, month, allowance)`` for every month that ``start``..``end`` touches."""
    start, end = _day(start, "start"), _day(end, "end")
    check_period(start, end)
    out = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append((year, month, acting_allowance(starting_salary, start, end, year, month)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def acting_total(starting_salary: Decimal | int | str, start: date, end: date) -> Decimal:
    """The allowance of a whole assignment: the sum of its months."""
    return sum((amount for _, _, amount in acting_by_month(starting_salary, start, end)),
               Decimal("0.00"))


def check_vacancy_exists(has_vacancy: bool,
                         duties_must_continue: bool = True) -> list[RuleViolation]:
    """6A(a): a hakiki or operasi vacancy, whose duties must go on."""
    out = []
    if not has_vacancy:
        out.append(ACTING_NO_VACANCY.violation(field="vacancy"))
    if not duties_must_continue:
        out.append(ACTING_DUTIES_NOT_ESSENTIAL.violation(field="vacancy"))
    return out


def check_written_instruction(has_instruction: bool) -> list[RuleViolation]:
    """6A(b): the head of department's instruction is a letter (the acting-instruction letter)."""
    return [] if has_instruction else [ACTING_NO_WRITTEN_INSTRUCTION.violation()]


def check_acting_term(start: date, end: date) -> list[RuleViolation]:
    """6A(c): at most six months, to :func:`acting_last_day`."""
    start, end = _day(start, "start"), _day(end, "end")
    check_period(start, end)
    last = acting_last_day(start)
    if end > last:
        return [ACTING_TERM_TOO_LONG.violation(field="end", **_dates("last", last))]
    return []


def check_acting_start(state: str, start: date,
                       extra_holidays: Iterable[date] = ()) -> list[RuleViolation]:
    """6A(d): the assignment starts on a working day of the office's state."""
    start = _day(start, "start")
    if is_working_day(state, start, extra_holidays):
        return []
    return [ACTING_START_NOT_WORKING_DAY.violation(field="start", **_dates("day", start))]


def _long_interruptions(start: date, end: date,
                        interruptions: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """Merged interruptions (overlapping or back to back) of 14 days or more touching the term."""
    check_period(start, end)
    spans = []
    for item in interruptions:
        try:
            a, b = item
        except (TypeError, ValueError):
            raise INVALID_DATE_INPUT.refuse(field="interruptions", value=str(item)) from None
        a, b = _day(a, "interruptions"), _day(b, "interruptions")
        check_period(a, b, field="interruptions")
        spans.append((a, b))
    merged: list[tuple[date, date]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return [(a, b) for a, b in merged
            if (b - a).days + 1 >= INTERRUPTION_DAYS and a <= end and b >= start]


def split_on_interruptions(start: date, end: date,
                           interruptions: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """The assignments that ``start``..``end`` becomes once interrupted (6A(f)).

    An interruption (first and last day away, inclusive; back-to-back ones count as one) of 14
    days or more ends the assignment the day before it starts; the days after it are a new
    assignment, which needs a new recommendation and must itself start on a working day
    (:func:`check_acting_start`). Shorter interruptions do not split.
    """
    start, end = _day(start, "start"), _day(end, "end")
    out = []
    cursor = start
    for a, b in _long_interruptions(start, end, interruptions):
        if a > cursor:
            out.append((cursor, a - timedelta(days=1)))
        cursor = max(cursor, b + timedelta(days=1))
    if cursor <= end:
        out.append((cursor, end))
    return out


def check_interruption(start: date, end: date,
                       interruptions: Iterable[tuple[date, date]]) -> list[RuleViolation]:
    """6A(f): one violation for each interruption of 14 days or more inside the assignment."""
    start, end = _day(start, "start"), _day(end, "end")
    out = []
    for a, b in _long_interruptions(start, end, interruptions):
        out.append(ACTING_INTERRUPTED.violation(
            field="interruptions", days=(b - a).days + 1, **_dates("begin", a),
            **_dates("finish", b), **_dates("last", a - timedelta(days=1))))
    return out


def check_acting_officer(confirmed: bool, service_start: date | None, on: date,
                         confirmed_available: bool) -> list[RuleViolation]:
    """6A(g)(i)-(ii): a confirmed officer; an unconfirmed one only when no confirmed officer is
    available, and then only after at least one year of service on ``on``."""
    on = _day(on, "on")
    if confirmed:
        return []
    if confirmed_available:
        return [ACTING_CONFIRMED_OFFICER_AVAILABLE.violation(field="officer")]
    if service_start is None:
        return [ACTING_SERVICE_UNKNOWN.violation(field="service_start")]
    one_year = add_months(_day(service_start, "service_start"), SERVICE_MONTHS)
    if on < one_year:
        return [ACTING_SERVICE_UNDER_ONE_YEAR.violation(field="service_start",
                                                        **_dates("year", one_year))]
    return []
