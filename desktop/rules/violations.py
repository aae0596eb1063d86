"""Refusals and warnings of the domain, each citing the circular's paragraph.

Every refused action anywhere in the app is one or more :class:`RuleViolation`; the UI shows
``message_ms`` (or ``message_en``) with the paragraph, and the CLI prints them on stderr.
A warning (``severity="warning"``) may be overridden by an approving officer with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class RuleViolation:
    code: str  # stable, e.g. "PSH_NOT_CITIZEN"
    paragraph: str | None  # e.g. "5A(a)"; None for plain input validation
    message_ms: str
    message_en: str
    severity: str = ERROR
    field: str | None = None  # the form field at fault, when there is one

    def message(self, lang: str = "ms") -> str:
        text = self.message_en if lang == "en" else self.message_ms
        if self.paragraph:
            label = "para" if lang == "en" else "perenggan"
            text = f"{text} ({label} {self.paragraph})"
        return text

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING


class Refused(Exception):
    """Raised when an action breaks one or more rules; nothing has been saved."""

    def __init__(self, violations: RuleViolation | Iterable[RuleViolation]):
        if isinstance(violations, RuleViolation):
            violations = [violations]
        self.violations: tuple[RuleViolation, ...] = tuple(violations)
        if not self.violations:
            raise ValueError("Refused needs at least one violation")
        super().__init__("; ".join(v.message("en") for v in self.violations))

    def message(self, lang: str = "ms") -> str:
        return "\n".join(v.message(lang) for v in self.violations)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(v.field for v in self.violations if v.field)


def invalid(field: str, message_ms: str, message_en: str, code: str = "INVALID_INPUT",
            paragraph: str | None = None) -> RuleViolation:
    """A plain input refusal that names the form field."""
    return RuleViolation(code, paragraph, message_ms, message_en, ERROR, field)
