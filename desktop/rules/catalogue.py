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
when a code is raised that the catalogue does not know.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from dataclasses import dataclass, replace

from desktop.rules.violations import ERROR, WARNING, Refused, RuleViolation

_SAME = object()  # "keep this rule's own paragraph" in RuleInfo.adapted()


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

    def adapted(self, *, paragraph: str | None | object = _SAME,
                severity: str | None = None) -> RuleInfo:
        """The same rule given at another paragraph or severity (not registered again).

        For a check shared by several paragraphs (a workflow step cites its own) and for a
        condition that one place refuses and another only shows as a warning.
        """
        return replace(self, paragraph=self.paragraph if paragraph is _SAME else paragraph,
                       severity=severity or self.severity)


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


# The code of :func:`desktop.rules.violations.invalid` when it is given none: declared here
# because violations.py is imported by this module and cannot import it back.
INVALID_INPUT = rule("INVALID_INPUT", None, "Maklumat bagi {field} tidak sah.",
                     "The input for {field} is not valid.", module="desktop.rules.violations")


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
