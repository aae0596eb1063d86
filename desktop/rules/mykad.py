"""MyKad (NRIC) numbers: validation, the facts they hold, and their display form.

Format YYMMDD-PB-###G (reference/calendars-and-mykad.md). The century is not written: the
birth is put in the latest century that does not make it a future date. ``python-stdnum``
holds the birthplace table (which codes are used, which are Malaysian); the names shown are
ours, in Malay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from stdnum.exceptions import ValidationError
from stdnum.my import nric

from desktop.rules.catalogue import rule
from desktop.rules.states import STATES
from desktop.rules.violations import WARNING, Refused, RuleViolation

INVALID = "INVALID_MYKAD"
FOREIGN_BIRTHPLACE = "MYKAD_FOREIGN_BIRTHPLACE"

# One code for every way a typed number is wrong; the problem says which.
INVALID_MYKAD = rule(INVALID, None, "{problem_ms}", "{problem_en}")
MYKAD_FOREIGN_BIRTHPLACE = rule(
    FOREIGN_BIRTHPLACE, "5A(a)",
    "No. MyKad {mykad} menunjukkan tempat lahir di luar negara (kod {code}) sedangkan dia "
    "direkodkan sebagai warganegara; sila semak.",
    "MyKad {mykad} shows a birthplace abroad (code {code}) but the person is recorded as a "
    "citizen; please check.", WARNING)

MALE, FEMALE = "L", "P"  # lelaki, perempuan
ABROAD = "Luar negara"
UNKNOWN_STATE = "Tidak diketahui"

# State birthplace codes beyond 01-16 (21-59), by our state code; 01-16 come from STATES.
_MORE_STATE_CODES: dict[str, tuple[int, ...]] = {
    "JHR": (21, 22, 23, 24), "KDH": (25, 26, 27), "KTN": (28, 29), "MLK": (30,),
    "NSN": (31, 59), "PHG": (32, 33), "PNG": (34, 35), "PRK": (36, 37, 38, 39), "PLS": (40,),
    "SGR": (41, 42, 43, 44), "TRG": (45, 46), "SBH": (47, 48, 49), "SWK": (50, 51, 52, 53),
    "KUL": (54, 55, 56, 57), "LBN": (58,),
}
MALAYSIA_STATE_UNKNOWN = "82"


def _state_by_birthplace() -> dict[str, str]:
    table = {pb: code for code, (_name, pb) in STATES.items()}
    for code, numbers in _MORE_STATE_CODES.items():
        table.update({f"{n:02d}": code for n in numbers})
    return table


_STATE_BY_BIRTHPLACE = _state_by_birthplace()
_SEPARATORS = re.compile(r"[\s\-*]")


@dataclass(frozen=True)
class MyKadInfo:
    number: str  # 12 digits, no dashes
    birth_date: date
    sex: str  # "L" (lelaki) or "P" (perempuan)
    birthplace_code: str  # "10"
    birthplace: str  # "Selangor", "Luar negara" or "Tidak diketahui"
    born_in_malaysia: bool
    state: str | None = None  # the state code ("SGR") when the birthplace is a known state

    @property
    def formatted(self) -> str:
        return format_mykad(self.number)


def _refusal(field: str, message_ms: str, message_en: str) -> RuleViolation:
    return INVALID_MYKAD.violation(field, problem_ms=message_ms, problem_en=message_en)


def compact_mykad(text) -> str:
    """The number without dashes, spaces or stars (as typed, not yet validated)."""
    return _SEPARATORS.sub("", "" if text is None else str(text))


def birth_date_of(yymmdd: str, today: date) -> date | None:
    """The birth date of a YYMMDD in the latest century that does not put it after ``today``;
    None when no such date exists (an impossible day or month)."""
    yy, mm, dd = int(yymmdd[0:2]), int(yymmdd[2:4]), int(yymmdd[4:6])
    century = today.year // 100 * 100
    for year in (century + yy, century - 100 + yy):
        try:
            born = date(year, mm, dd)
        except ValueError:
            continue
        if born <= today:
            return born
    return None


@cache
def _birth_place(pb: str) -> dict | None:
    """python-stdnum's birthplace of a two-digit code (it reads only digits 7-8 of the
    number), or None for a code not in use; looked up once per code."""
    try:
        return nric.get_birth_place(f"000000{pb}0000")
    except ValidationError:
        return None


def parse_mykad(text, field: str = "mykad", *, today: date | None = None) -> MyKadInfo:
    """Validate a MyKad number as typed ("900101-10-5678", "900101105678", spaces allowed).

    Raises :class:`Refused` (code INVALID_MYKAD, naming ``field``) saying what is wrong.
    """
    today = today or date.today()
    number = compact_mykad(text)
    shown = str(text).strip() if text is not None else ""
    if not number:
        raise Refused(_refusal(field, "No. MyKad wajib diisi.", "The MyKad number is required."))
    if not number.isdigit():
        raise Refused(_refusal(
            field, f"No. MyKad '{shown}' hanya boleh mengandungi nombor (dan tanda '-').",
            f"The MyKad number '{shown}' may hold only digits (and '-')."))
    if len(number) != 12:
        raise Refused(_refusal(
            field, f"No. MyKad mesti 12 digit; '{shown}' ada {len(number)} digit.",
            f"A MyKad number has 12 digits; '{shown}' has {len(number)}."))
    problems = []
    born = birth_date_of(number[:6], today)
    if born is None:
        problems.append(_refusal(
            field, f"Tarikh lahir dalam No. MyKad ({number[:6]}, YYMMDD) tidak wujud.",
            f"The birth date in the MyKad number ({number[:6]}, YYMMDD) does not exist."))
    pb = number[6:8]
    place = _birth_place(pb)
    if place is None:
        problems.append(_refusal(
            field, f"Kod tempat lahir {pb} dalam No. MyKad tidak digunakan.",
            f"Birthplace code {pb} in the MyKad number is not in use."))
    if problems:
        raise Refused(problems)
    in_malaysia = place.get("country") == "Malaysia"
    state = _STATE_BY_BIRTHPLACE.get(pb) if in_malaysia else None
    if state is not None:
        birthplace = STATES[state][0]
    else:
        birthplace = UNKNOWN_STATE if in_malaysia else ABROAD
    sex = MALE if int(number[-1]) % 2 else FEMALE
    return MyKadInfo(number, born, sex, pb, birthplace, in_malaysia, state)


def format_mykad(number) -> str:
    """The display form "900101-10-5678" of a stored (or typed) 12-digit number."""
    digits = compact_mykad(number)
    if len(digits) != 12 or not digits.isdigit():
        raise Refused(_refusal("mykad", f"No. MyKad '{number}' tidak sah.",
                               f"'{number}' is not a MyKad number."))
    return nric.format(digits)


def check_citizen_birthplace(info: MyKadInfo, citizen: bool) -> list[RuleViolation]:
    """A warning when a person recorded as a citizen has a foreign birthplace code.

    The code is not proof either way (a citizen may be born abroad), so this only warns.
    """
    if not citizen or info.born_in_malaysia:
        return []
    return [MYKAD_FOREIGN_BIRTHPLACE.violation("mykad", mykad=info.formatted,
                                               code=info.birthplace_code)]


MASK = "#"


def mask_mykad(number) -> str:
    """The number as the read-only role sees it: "######-##-1234" (only the last 4 digits).

    A stored 12-digit number keeps the dashes of its display form; anything else (a number
    typed wrongly, an old record) has every character but the last 4 digits masked, so no
    input shows more than 4 digits.
    """
    text = "" if number is None else str(number).strip()
    digits = compact_mykad(text)
    if len(digits) == 12 and digits.isdigit():
        return f"{MASK * 6}-{MASK * 2}-{digits[-4:]}"
    kept = 4
    out = []
    for ch in reversed(text):
        if ch.isdigit() and kept:
            out.append(ch)
            kept -= 1
        elif ch.isalnum():
            out.append(MASK)
        else:
            out.append(ch)
    return "".join(reversed(out))


_MYKAD_IN_TEXT = re.compile(r"(?<!\d)\d{6}[-\s]?\d{2}[-\s]?\d{4}(?!\d)")


def mask_mykads_in(text: str) -> str:
    """``text`` (a log line, an audit record's before or after) with every MyKad-shaped number
    in it masked by :func:`mask_mykad`."""
    return _MYKAD_IN_TEXT.sub(lambda m: mask_mykad(m.group(0)), text or "")
