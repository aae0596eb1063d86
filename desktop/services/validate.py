"""Small field checks shared by the services; each failure names its field in Malay."""

from __future__ import annotations

from desktop.rules import RuleViolation, invalid


class Checks:
    """Collects every problem of a form, so the user sees them all at once."""

    def __init__(self) -> None:
        self.problems: list[RuleViolation] = []

    def add(self, violation: RuleViolation) -> None:
        self.problems.append(violation)

    def text(self, field: str, label_ms: str, label_en: str, value, *, required=True,
             max_len=200) -> str:
        text = "" if value is None else str(value).strip()
        if required and not text:
            self.add(invalid(field, f"{label_ms} wajib diisi.", f"{label_en} is required.",
                             "REQUIRED"))
        elif len(text) > max_len:
            self.add(invalid(field, f"{label_ms} terlalu panjang (maksimum {max_len} aksara).",
                             f"{label_en} is too long (at most {max_len} characters).",
                             "TOO_LONG"))
        return text

    def raise_if_any(self) -> None:
        if self.problems:
            from desktop.rules import Refused

            raise Refused(self.problems)
