"""A letter's content: the Malay texts of its kind filled with the record's facts.

:func:`compose` turns a ``LetterInput`` (desktop.services.letters) into the *document*: a
JSON-able dict holding every word the PDF prints, so that a reprint years later reproduces the
same letter even if the templates have changed since. Dates are printed "16 Jun 2016", amounts
"RM 1,234.50" with their words computed here from the figure (so the two always agree).

The document is plain text: escaping for reportlab's markup happens in :mod:`render`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.letters.texts import common, kind_name, kind_texts
from desktop.rules.dates import format_date_ms, parse_date
from desktop.rules.letters import fact_missing
from desktop.rules.money import amount_in_words, format_rm, number_in_words, to_money
from desktop.rules.mykad import format_mykad
from desktop.rules.violations import Refused, RuleViolation, invalid

if TYPE_CHECKING:  # the service module pulls in the ORM; compose only reads the fields
    from desktop.services.letters import LetterInput

# Facts printed as dates ("2026-11-02" -> "2 November 2026") and as amounts ("RM 1,234.50").
DATE_FACTS = frozenset({
    "start", "end", "previous_end", "new_end", "approved_on", "ended_on", "kp_approval_date",
    "approval_date", "opened_on", "expected_end"})
MONEY_FACTS = frozenset({"daily_rate", "monthly_allowance", "projected_cost"})
# Amounts also written in words; the words are derived from the figure, never taken as given.
WORDS_OF = {"daily_rate": "daily_rate_words", "monthly_allowance": "monthly_allowance_words",
            "projected_cost": "projected_cost_words"}
FREE_TEXT_FACTS = frozenset({"reason", "end_reason", "vacancy_reason", "method_reason"})
ALLOCATION_MONEY = ("allocated", "committed", "spent", "balance")
DEFAULT_HOURS = "9"  # 5A(i): nine hours a day including rest


def _problem(field: str, ms: str, en: str, code: str = "LETTER_FACT_INVALID") -> RuleViolation:
    return invalid(field, ms, en, code=code)


class _Values(dict):
    """The placeholders' values; a missing or empty one is recorded instead of raising.

    An official letter with a blank where the approval reference goes is refused, not printed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.missing: set[str] = set()
        self.table_rows: list[list[str]] | None = None

    def __getitem__(self, key: str) -> str:
        value = super().get(key, "")
        if not value:
            self.missing.add(key)
        return value


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _values(kind: str, inp: LetterInput, problems: list[RuleViolation]) -> _Values:
    facts = inp.facts
    no_value = common()["labels"]["no_value"]
    values = _Values()
    for key, raw in facts.items():
        if isinstance(raw, (list, dict)):
            continue  # structured facts (costs, allocation) are handled by their kind
        values[key] = _text(raw).strip()
    for key in DATE_FACTS & facts.keys():
        text = values.get(key, "")
        if not text:
            values[key] = no_value
            continue
        try:
            values[key] = format_date_ms(parse_date(text, field=key))
        except Refused as exc:
            problems.extend(exc.violations)
    for key in MONEY_FACTS & facts.keys():
        try:
            amount = to_money(values.get(key, ""), field=key)
            values[key] = format_rm(amount)
            values[WORDS_OF[key]] = amount_in_words(amount)
        except Refused as exc:
            problems.extend(exc.violations)
            values[WORDS_OF[key]] = "?"  # refused already: not a second "missing" problem
    for key in FREE_TEXT_FACTS & facts.keys():
        # typed reasons end where the template's sentence goes on: no ".." or ";."
        values[key] = values.get(key, "").rstrip(" .;,")
    for key in ("mykad", "candidate_mykad"):
        if values.get(key):
            # printed as recorded when it does not parse: the register checked it on entry
            with contextlib.suppress(Refused):
                values[key] = format_mykad(values.get(key))
    if not values.get("name"):
        values["name"] = _text(inp.addressee.get("name", "")).strip()
    values["circular"] = common()["circular"]
    values["reference"] = inp.reference
    values["issued_on"] = format_date_ms(inp.issued_on)
    texts = kind_texts(kind)
    if kind == "psh-offer":
        _offer_values(texts, values, problems)
    elif kind == "psh-application":
        _application_values(texts, facts, values, problems)
    return values


def _offer_values(texts: Mapping, values: _Values, problems: list[RuleViolation]) -> None:
    hours = values.get("hours_per_day") or DEFAULT_HOURS
    if not hours.isdigit() or not 0 < int(hours) <= 24:
        problems.append(_problem("hours_per_day", f"Jam bekerja sehari '{hours}' tidak sah.",
                                 f"The working hours a day '{hours}' are not valid."))
        hours = DEFAULT_HOURS
    values["hours_per_day"] = str(int(hours))
    values["hours_per_day_words"] = number_in_words(int(hours)).lower()
    applies = (values.get("kwsp_applies") or "ya").lower()
    if applies not in texts["kwsp"]:
        problems.append(_problem("kwsp_applies", f"Nilai KWSP '{applies}' mesti 'ya' atau 'tidak'.",
                                 f"The KWSP value '{applies}' must be 'ya' or 'tidak'."))
        applies = "ya"
    values["kwsp_term"] = texts["kwsp"][applies]


def _application_values(texts: Mapping, facts: Mapping, values: _Values,
                        problems: list[RuleViolation]) -> None:
    labels = common()["labels"]
    costs = facts.get("costs") or []
    if not isinstance(costs, list) or not all(isinstance(c, Mapping) for c in costs):
        problems.append(_problem("costs", "Perbandingan kos kaedah tidak sah.",
                                 "The cost comparison of the methods is not valid."))
        costs = []
    rows = []
    chosen = values.get("chosen_method", "")
    values["chosen_method_label"] = chosen
    for cost in costs:
        label = _text(cost.get("label") or cost.get("method")).strip()
        if _text(cost.get("method")).strip() == chosen and label:
            values["chosen_method_label"] = label
        amount = _text(cost.get("cost")).strip()
        if amount:
            try:
                amount = format_rm(to_money(amount, field="cost"))
            except Refused as exc:
                problems.extend(exc.violations)
        note = _text(cost.get("note")).strip()
        if cost.get("cheapest"):
            note = f"{note} ({texts['table']['cheapest']})" if note else texts["table"]["cheapest"]
        rows.append([label, labels["yes"] if cost.get("allowed") else labels["no"],
                     amount or labels["no_value"], note])
    values.table_rows = rows
    allocation = facts.get("allocation") or {}
    if not isinstance(allocation, Mapping):
        problems.append(_problem("allocation", "Maklumat peruntukan OS29000 tidak sah.",
                                 "The OS29000 allocation details are not valid."))
        allocation = {}
    values["allocation_year"] = _text(allocation.get("year")).strip()
    for key in ALLOCATION_MONEY:
        try:
            values[f"allocation_{key}"] = format_rm(
                to_money(_text(allocation.get(key)).strip(), field=f"allocation.{key}",
                         allow_negative=True))
        except Refused as exc:
            problems.extend(exc.violations)
    statement = "sufficient" if allocation.get("sufficient") else "insufficient"
    values["os29000_statement"] = _fill(texts["os29000"][statement], values)


def _items(items: list, facts: Mapping[str, Any]) -> list[str]:
    """A paragraph's items: plain texts, or {text, when|unless = fact} kept only when the fact
    is recorded (or not), so that a line with nothing to say is left out, not printed "-"."""
    kept = []
    for item in items:
        if isinstance(item, str):
            kept.append(item)
        elif ("when" not in item or facts.get(item["when"])) and not (
                "unless" in item and facts.get(item["unless"])):
            kept.append(item["text"])
    return kept


def _fill(template: str, values: _Values) -> str:
    # str.format_map reads the fields through _Values.__getitem__ (missing ones recorded) as
    # string.Formatter().vformat does, in C
    return template.format_map(values)


def _strings(value: object, field: str, problems: list[RuleViolation]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        problems.append(_problem(field, f"Senarai '{field}' tidak sah.",
                                 f"The list '{field}' is not valid."))
        return []
    return [_text(v).strip() for v in value if _text(v).strip()]


def compose(inp: LetterInput) -> dict[str, Any]:
    """The document of one letter (see the module notes); refuses missing or malformed facts."""
    kind = kind_name(inp.kind)
    problems: list[RuleViolation] = []
    for name in ("letterhead", "addressee", "facts"):
        if not isinstance(getattr(inp, name, None), Mapping):
            problems.append(_problem(name, f"Maklumat '{name}' surat tidak lengkap.",
                                     f"The letter's '{name}' is missing."))
    if problems:
        raise Refused(problems)
    base, texts = common(), kind_texts(kind)
    values = _values(kind, inp, problems)

    paragraphs: list[dict[str, Any]] = []
    table_after = None
    for para in texts["paragraphs"]:
        when = para.get("when")
        if when and not values.get(when):
            continue
        if para.get("table"):
            table_after = len(paragraphs)
        paragraphs.append({"text": _fill(para["text"], values),
                           "items": [_fill(item, values)
                                     for item in _items(para.get("items", []), inp.facts)]})
    subject = _fill(texts["subject"], values).upper()
    cc = [_fill(line, values) for line in texts.get("cc", [])]
    form = None
    if "form" in texts:
        form = {"title": texts["form"]["title"],
                "text": [_fill(t, values) for t in texts["form"]["text"]],
                "lines": list(texts["form"]["lines"])}
    if values.missing:
        problems.extend(fact_missing(key) for key in sorted(values.missing))
    letterhead = dict(inp.letterhead)
    slogans = _strings(letterhead.get("slogans"), "slogans", problems) or list(
        base["default_slogans"])
    addressee = {"name": _text(inp.addressee.get("name")).strip(),
                 "lines": _strings(inp.addressee.get("lines"), "addressee", problems)}
    if problems:
        raise Refused(problems)

    document: dict[str, Any] = {
        "kind": kind,
        "reference": inp.reference,
        "issued_on": inp.issued_on.isoformat(),
        "issued_on_ms": format_date_ms(inp.issued_on),
        "letterhead": {
            "name": _text(letterhead.get("name")).strip(),
            "address": _text(letterhead.get("address")).strip(),
            "phone": _text(letterhead.get("phone")).strip(),
            "email": _text(letterhead.get("email")).strip(),
            "slogans": slogans,
            "logo_sha": _text(letterhead.get("logo_sha")).strip(),
        },
        "addressee": addressee,
        "salutation": texts.get("salutation", base["salutation"]),
        "subject": subject,
        "paragraphs": paragraphs,
        "closing": base["closing"],
        "closing_slogans": slogans,
        "signoff": base["signoff"],
        "signer": {"name": _text(letterhead.get("signer_name")).strip().upper(),  # as signed
                   "title": _text(letterhead.get("signer_title")).strip()},
        "cc": cc,
        "labels": dict(base["labels"]),
        "qr_text": inp.qr_text,
    }
    if values.table_rows is not None:
        document["table"] = {"headers": list(texts["table"]["headers"]),
                             "rows": values.table_rows,
                             "after": table_after if table_after is not None else len(paragraphs) - 1}
    if form is not None:
        document["form"] = form
    return document
