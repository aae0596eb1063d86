"""The pure domain: calendars, rates, eligibility, limits and money (no Qt, no database)."""

from desktop.rules.calendar import check_period, is_working_day, month_bounds, working_days
from desktop.rules.states import STATE_CODES, STATES, is_state, state_name
from desktop.rules.violations import ERROR, WARNING, Refused, RuleViolation, invalid

__all__ = [
    "ERROR", "WARNING", "Refused", "RuleViolation", "invalid",
    "STATES", "STATE_CODES", "is_state", "state_name",
    "working_days", "is_working_day", "check_period", "month_bounds",
]
