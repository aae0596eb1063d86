"""The states and federal territories, by the subdivision codes of the `holidays` package."""

from __future__ import annotations

# code -> (Malay name, MyKad birthplace code 01-16)
STATES: dict[str, tuple[str, str]] = {
    "JHR": ("Johor", "01"),
    "KDH": ("Kedah", "02"),
    "KTN": ("Kelantan", "03"),
    "MLK": ("Melaka", "04"),
    "NSN": ("Negeri Sembilan", "05"),
    "PHG": ("Pahang", "06"),
    "PNG": ("Pulau Pinang", "07"),
    "PRK": ("Perak", "08"),
    "PLS": ("Perlis", "09"),
    "SGR": ("Selangor", "10"),
    "TRG": ("Terengganu", "11"),
    "SBH": ("Sabah", "12"),
    "SWK": ("Sarawak", "13"),
    "KUL": ("W.P. Kuala Lumpur", "14"),
    "LBN": ("W.P. Labuan", "15"),
    "PJY": ("W.P. Putrajaya", "16"),
}

STATE_CODES: tuple[str, ...] = tuple(STATES)


def state_name(code: str) -> str:
    return STATES[code][0]


def is_state(code: str) -> bool:
    return code in STATES
