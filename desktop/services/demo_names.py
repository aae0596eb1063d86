"""Synthetic names for the demo office: people (with MyKad numbers) and places (with addresses).

A MyKad number is YYMMDD-PB-###G (reference/calendars-and-mykad.md): the birth date, a place of
birth code, three digits and a last digit that is odd for a man and even for a woman. The numbers
made here have real dates and Malaysian birthplace codes, so python-stdnum accepts them, but they
are drawn at random and checked unique within the office only.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from desktop.paths import resource
from desktop.rules import state_name

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

COMMUNITIES = ("malay", "chinese", "indian")

# MyKad place-of-birth codes of each state: its 01-16 code first, then the further codes 21-59.
BIRTHPLACES: dict[str, tuple[str, ...]] = {
    "JHR": ("01", "21", "22", "23", "24"),
    "KDH": ("02", "25", "26", "27"),
    "KTN": ("03", "28", "29"),
    "MLK": ("04", "30"),
    "NSN": ("05", "31", "59"),
    "PHG": ("06", "32", "33"),
    "PNG": ("07", "34", "35"),
    "PRK": ("08", "36", "37", "38", "39"),
    "PLS": ("09", "40"),
    "SGR": ("10", "41", "42", "43", "44"),
    "TRG": ("11", "45", "46"),
    "SBH": ("12", "47", "48", "49"),
    "SWK": ("13", "50", "51", "52", "53"),
    "KUL": ("14", "54", "55", "56", "57"),
    "LBN": ("15", "58"),
    "PJY": ("16",),
}
HOME_STATE_SHARE = 0.75  # most staff were born in the state they work in
WOMEN_SHARE = 0.85  # Tabika and Taska staff are mostly women


@cache
def _toml(rel: str) -> dict:
    with resource(rel).open("rb") as f:
        return tomllib.load(f)


def name_lists() -> dict:
    """resources/demo/names.toml: given names, surnames and fathers' names per community."""
    return _toml("demo/names.toml")


def state_geo(state: str) -> dict:
    """The state's table of resources/geo/districts.toml (formal name, capital, districts)."""
    return _toml("geo/districts.toml")[state]


def district_names(state: str) -> list[str]:
    return [d["name"] for d in state_geo(state)["districts"]]


def place_names() -> dict:
    """resources/geo/places.toml: localities per state and district, and generic parts."""
    return _toml("geo/places.toml")


@dataclass(frozen=True)
class Person:
    name: str
    community: str  # "malay" | "chinese" | "indian"
    male: bool
    birth: date
    mykad: str  # 12 digits, no dashes


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (28 February for a 29 February that is gone)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def age_on(birth: date, day: date) -> int:
    """Completed years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def community_quota(rng: random.Random, n: int) -> list[str]:
    """``n`` communities in the shares of names.toml, every community present when n >= 3."""
    lists = name_lists()
    counts = {c: max(1, round(n * lists[c]["share"])) for c in COMMUNITIES[1:]}
    counts["malay"] = n - sum(counts.values())
    out = [c for c in COMMUNITIES for _ in range(counts[c])][:n]
    rng.shuffle(out)
    return out


def full_name(rng: random.Random, community: str, male: bool) -> str:
    lists = name_lists()[community]
    if community == "chinese":
        given = rng.choice(lists["male"] if male else lists["female"])
        return f"{rng.choice(lists['surnames'])} {given}"
    given = rng.choice(lists["male"] if male else lists["female"])
    link = lists["son"] if male else lists["daughter"]
    father = rng.choice(lists["fathers"])
    while father == given:  # "Ismail bin Ismail" happens, but reads like a typing error
        father = rng.choice(lists["fathers"])
    return f"{given} {link} {father}"


class PersonMaker:
    """Makes people with unique names and unique, valid MyKad numbers for one office."""

    def __init__(self, rng: random.Random, state: str, today: date):
        self.rng, self.state, self.today = rng, state, today
        self._mykads: set[str] = set()
        self._names: set[str] = set()
        self._others = tuple(c for s, codes in BIRTHPLACES.items() if s != state for c in codes)

    def birthplace(self) -> str:
        home = BIRTHPLACES[self.state]
        if self.rng.random() < HOME_STATE_SHARE:
            # The state's own 01-16 code is the usual one; 21-59 are the further ones.
            return home[0] if len(home) == 1 or self.rng.random() < 0.6 else self.rng.choice(home[1:])
        return self.rng.choice(self._others)

    def birth_date(self, min_age: int, max_age: int) -> date:
        """A day on which someone aged ``min_age``..``max_age`` today was born."""
        latest = years_before(self.today, min_age)
        earliest = years_before(self.today, max_age + 1) + timedelta(days=1)
        return earliest + timedelta(days=self.rng.randrange((latest - earliest).days + 1))

    def mykad(self, birth: date, male: bool) -> str:
        while True:
            serial = self.rng.randrange(1000)
            last = self.rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
            number = f"{birth:%y%m%d}{self.birthplace()}{serial:03d}{last}"
            if number not in self._mykads:
                self._mykads.add(number)
                return number

    def person(self, community: str, *, male: bool | None = None, min_age: int = 22,
               max_age: int = 58) -> Person:
        if male is None:
            male = self.rng.random() >= WOMEN_SHARE
        name = full_name(self.rng, community, male)
        while name in self._names:
            name = full_name(self.rng, community, male)
        self._names.add(name)
        birth = self.birth_date(min_age, max_age)
        return Person(name, community, male, birth, self.mykad(birth, male))


# --- places ------------------------------------------------------------------------------------

def postal_line(postcode: str, town: str, state: str) -> str:
    """"46000 Petaling Jaya, Selangor"; "50480 Kuala Lumpur" where the town names the state."""
    short = state_name(state).removeprefix("W.P. ")
    return f"{postcode} {town}" if town == short else f"{postcode} {town}, {state_name(state)}"


def phone_number(rng: random.Random, geo: dict) -> str:
    """A number in the state's area code: "03-5511 2345", "07-731 2345", "088-212345"."""
    digits = str(rng.randrange(2, 10))  # local numbers do not start with 0 or 1
    digits += "".join(str(rng.randrange(10)) for _ in range(geo["phone_digits"] - 1))
    if len(digits) > 6:
        digits = f"{digits[:-4]} {digits[-4:]}"
    return f"{geo['phone_prefix']}-{digits}"


def district_slots(rng: random.Random, districts: list[dict], n: int) -> list[dict]:
    """``n`` districts for ``n`` premises, shuffled: every district once when there are enough
    premises, the rest shared in proportion to the districts' weights (largest remainder)."""
    weights = [d.get("weight", 1) for d in districts]
    if n < len(districts):
        return rng.sample(districts, n)
    rest = n - len(districts)
    shares = [rest * w / sum(weights) for w in weights]
    counts = [1 + int(s) for s in shares]
    # Seats left by rounding down go to the largest remainders (ties broken by the draw).
    order = sorted(range(len(districts)), key=lambda i: (int(shares[i]) - shares[i], rng.random()))
    for i in order[: n - sum(counts)]:
        counts[i] += 1
    slots = [d for d, k in zip(districts, counts, strict=True) for _ in range(k)]
    rng.shuffle(slots)
    return slots


class PlaceNames:
    """Unused localities of each district, then generic ones; never the same place twice."""

    def __init__(self, rng: random.Random, state: str):
        self.by_district = {d: list(names) for d, names in place_names().get(state, {}).items()}
        for names in self.by_district.values():
            rng.shuffle(names)
        generic = place_names()["generic"]
        self.generic = [p.format(word=w) for p in generic["patterns"] for w in generic["words"]]
        rng.shuffle(self.generic)
        self.used: set[str] = set()

    def take(self, district: str) -> str:
        for pool in (self.by_district.get(district, []), self.generic):
            while pool:
                name = pool.pop()
                if name not in self.used:
                    self.used.add(name)
                    return name
        raise RuntimeError("demo place names exhausted")  # 340 generic names: not reachable


def premises_address(rng: random.Random, place: str, district: dict, state: str) -> str:
    """"Balai Raya Kg. Jawa, Jalan Masjid, 41000 Klang, Selangor"."""
    parts = place_names()["generic"]
    building = rng.choice(parts["buildings"]).format(n=rng.randint(1, 30))
    street = rng.choice(parts["streets"]).format(n=rng.randint(1, 12))
    return f"{building} {place}, {street}, " + postal_line(district["postcode"], district["town"],
                                                           state)
