"""The pure domain: calendars, rates, eligibility, limits and money (no Qt, no database).

The names of DESIGN.md's public API are exported here and stay stable: working_days,
is_working_day, psh_daily_rate, psh_last_day, psh_month_pay, kwsp_contribution,
acting_allowance, allowed_methods, amount_in_words.
"""

from desktop.rules.acting import (
    acting_allowance,
    acting_by_month,
    acting_last_day,
    acting_monthly_allowance,
    acting_percent,
    acting_total,
    check_acting_officer,
    check_acting_start,
    check_acting_term,
    check_interruption,
    check_vacancy_exists,
    check_written_instruction,
    split_on_interruptions,
)
from desktop.rules.calendar import check_period, is_working_day, month_bounds, working_days
from desktop.rules.catalogue import RuleInfo, all_rules, get_rule, rule
from desktop.rules.contributions import (
    Contribution,
    MonthContributions,
    age_at,
    kwsp_contribution,
    month_contributions,
    perkeso_contribution,
    sip_contribution,
)
from desktop.rules.costs import MethodCost, filling_costs
from desktop.rules.dates import format_date_en, format_date_ms, format_month_ms, parse_date
from desktop.rules.duty_allowance import DUTY_KINDS, duty_allowance
from desktop.rules.filling import allowed_methods, check_method, method_notes
from desktop.rules.gantian import Honorarium, gantian_honorarium
from desktop.rules.letters import (
    KIND_LABELS_EN,
    KIND_LABELS_MS,
    LetterKind,
    format_reference,
    letter_kind,
    parse_qr_text,
    qr_text,
    seal,
)
from desktop.rules.money import amount_in_words, format_rm, number_in_words, round_money, to_money
from desktop.rules.mykad import MyKadInfo, check_citizen_birthplace, format_mykad, parse_mykad
from desktop.rules.psh import (
    PayLine,
    check_psh_candidate,
    check_psh_term,
    psh_daily_rate,
    psh_last_day,
    psh_month_pay,
)
from desktop.rules.states import STATE_CODES, STATES, is_state, state_name
from desktop.rules.violations import ERROR, WARNING, Refused, RuleViolation, invalid

__all__ = [
    # the stable public API of DESIGN.md
    "working_days", "is_working_day", "psh_daily_rate", "psh_last_day", "psh_month_pay",
    "kwsp_contribution", "acting_allowance", "allowed_methods", "amount_in_words",
    # violations
    "ERROR", "WARNING", "Refused", "RuleViolation", "invalid",
    "rule", "RuleInfo", "all_rules", "get_rule",
    # states and calendars
    "STATES", "STATE_CODES", "is_state", "state_name", "check_period", "month_bounds",
    # PSH and contributions
    "PayLine", "check_psh_candidate", "check_psh_term",
    "Contribution", "MonthContributions", "age_at", "month_contributions",
    "perkeso_contribution", "sip_contribution",
    # acting
    "acting_by_month", "acting_last_day", "acting_monthly_allowance", "acting_percent",
    "acting_total", "check_acting_officer", "check_acting_start", "check_acting_term",
    "check_interruption", "check_vacancy_exists", "check_written_instruction",
    "split_on_interruptions",
    # filling, gantian, duty allowances
    "check_method", "method_notes", "MethodCost", "filling_costs", "Honorarium", "gantian_honorarium", "DUTY_KINDS",
    "duty_allowance",
    # money, dates, MyKad
    "format_rm", "number_in_words", "round_money", "to_money",
    "format_date_en", "format_date_ms", "format_month_ms", "parse_date",
    "MyKadInfo", "check_citizen_birthplace", "format_mykad", "parse_mykad",
    # letters
    "LetterKind", "KIND_LABELS_MS", "KIND_LABELS_EN", "letter_kind", "format_reference", "seal",
    "qr_text", "parse_qr_text",
]
