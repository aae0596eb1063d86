"""The pure domain: calendars, rates, eligibility, limits and money (no Qt, no database)."""

from desktop.rules.states import STATE_CODES, STATES, is_state, state_name
from desktop.rules.violations import ERROR, WARNING, Refused, RuleViolation, invalid

__all__ = [
    "ERROR", "WARNING", "Refused", "RuleViolation", "invalid",
    "STATES", "STATE_CODES", "is_state", "state_name",
]
