"""The official-duty allowance of one trip of a PSH (para 5A(j)), from the Lampiran A rates.

5A(j) names four allowances; a trip pays, by the rates of ``duty_allowance`` for the PSH's
wage qualification on the trip's first day:

- (i) Elaun Perjalanan Kenderaan: the kilometres travelled x the rate per km;
- (ii) Bayaran Sewa Hotel or Elaun Lojing: the nights away x the rate per night of the kind
  chosen (HOTEL or LOJING: the clerk says which was paid);
- (iii) Elaun Harian: one day for a trip away "melebihi 8 jam sehari tetapi kurang daripada 24
  jam" (more than 8 and less than 24 hours);
- (iv) Elaun Makan: for a trip of 24 hours or more, one day per whole 24 hours away, and one
  more when the hours left over exceed 8 (the same threshold as (iii)). The circular does not
  say how a part day of a long trip counts: this is the app's reading of it.

Each line is rounded to the sen (half up) and the trip's amount is their sum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from desktop.rules.catalogue import rule
from desktop.rules.duty_allowance import DUTY_KINDS, duty_allowance
from desktop.rules.enums import Qualification
from desktop.rules.gantian import filled_rows
from desktop.rules.rates import check_day, table_in_force
from desktop.rules.violations import Refused, invalid

CENT = Decimal("0.01")
MINUTES_A_DAY = 24 * 60
DAILY_OVER_MINUTES = 8 * 60  # (iii): "melebihi 8 jam"
LODGING_KINDS = ("HOTEL", "LOJING")

TRIP_OUTSIDE_TERM = rule(
    "TRIP_OUTSIDE_TERM", "5A(j)",
    "Tugas rasmi {first_ms} hingga {last_ms} mesti dalam tempoh perkhidmatan PSH {name} "
    "({start_ms} hingga {end_ms}).",
    "The official duty from {first_en} to {last_en} must fall within the term of PSH {name} "
    "({start_en} to {end_en}).")
TRIP_ON_ABSENT_DAY = rule(
    "TRIP_ON_ABSENT_DAY", "5A(j)",
    "PSH {name} direkodkan tidak hadir pada {day_ms}: hari tugas rasmi ialah hari bekerja. "
    "Tandakan hari itu hadir dahulu jika ketidakhadiran itu salah.",
    "PSH {name} is recorded absent on {day_en}: a day of official duty is worked. Mark the day "
    "present first if the absence is wrong.")
TRIP_OVERLAPS = rule(
    "TRIP_OVERLAPS", "5A(j)",
    "PSH {name} sudah mempunyai tuntutan tugas rasmi {other_ms} ({purpose}) pada hari yang "
    "sama: satu perjalanan dituntut sekali sahaja.",
    "PSH {name} already has an official-duty claim on {other_en} ({purpose}) over the same "
    "days: a trip is claimed once.")
TRIP_HOURS_OVER_NIGHTS = rule(
    "TRIP_HOURS_OVER_NIGHTS", "5A(j)",
    "{hours} jam di luar pejabat tidak muat dalam {nights} malam (paling banyak {most} jam): "
    "semak jam atau bilangan malam.",
    "{hours} hours away do not fit in {nights} night(s) (at most {most} hours): check the "
    "hours or the number of nights.")
TRIP_NOTHING_PAYABLE = rule(
    "TRIP_NOTHING_PAYABLE", "5A(j)",
    "Tiada elaun yang layak bagi tugas ini: tiada jarak perjalanan, tiada malam, dan tempoh di "
    "luar pejabat tidak melebihi 8 jam.",
    "No allowance is due for this duty: no distance travelled, no night away, and not more "
    "than 8 hours away from the office.")
TRIP_LODGING_REQUIRED = rule(
    "TRIP_LODGING_REQUIRED", "5A(j)(ii)",
    "Pilih penginapan bagi {nights} malam: HOTEL (Bayaran Sewa Hotel) atau LOJING (Elaun "
    "Lojing).",
    "Choose the lodging for {nights} night(s): HOTEL (hotel rent) or LOJING (lodging "
    "allowance).")


@dataclass(frozen=True)
class TripLine:
    """One allowance of a trip: ``quantity`` ``unit``s at ``rate``."""

    kind: str  # a key of DUTY_KINDS
    name: str  # its Malay name in 5A(j)
    quantity: Decimal
    unit: str  # km, malam, hari
    rate: Decimal
    amount: Decimal


@dataclass(frozen=True)
class TripAllowance:
    qualification: str
    day: date
    table_from: date  # effective_from of the Lampiran A table used
    lines: tuple[TripLine, ...]
    total: Decimal

    def describe(self) -> str:
        """The rates used, in Malay, kept with the claim so a later table changes nothing."""
        parts = [f"{ln.name} {ln.quantity} {ln.unit} x RM{ln.rate} = RM{ln.amount}"
                 for ln in self.lines]
        return (f"Lampiran A berkuat kuasa {self.table_from.isoformat()}, kelayakan "
                f"{self.qualification}: " + "; ".join(parts) + f"; jumlah RM{self.total}")


def meal_days(minutes_away: int) -> int:
    """Days of Elaun Makan (iv) for a trip of ``minutes_away``: 0 below 24 hours."""
    if minutes_away < MINUTES_A_DAY:
        return 0
    whole, rest = divmod(minutes_away, MINUTES_A_DAY)
    return whole + (1 if rest > DAILY_OVER_MINUTES else 0)


def trip_quantities(minutes_away: int, km: Decimal, nights: int, lodging: str | None
                    ) -> list[tuple[str, Decimal]]:
    """(kind, quantity) of each allowance a trip pays; [] when it pays nothing."""
    out: list[tuple[str, Decimal]] = []
    if km > 0:
        out.append(("KENDERAAN", km))
    if nights > 0:
        out.append((lodging, Decimal(nights)))
    if DAILY_OVER_MINUTES < minutes_away < MINUTES_A_DAY:
        out.append(("HARIAN", Decimal(1)))
    elif minutes_away >= MINUTES_A_DAY:
        out.append(("MAKAN", Decimal(meal_days(minutes_away))))
    return out


def check_trip(minutes_away: int, km: Decimal, nights: int, lodging: str | None,
               field_prefix: str = "") -> list:
    """The problems of a trip's figures that no rate can fix (already non-negative numbers)."""
    out = []
    most = MINUTES_A_DAY * (nights + 1)  # N nights away span at most N + 1 days
    if minutes_away > most:
        out.append(TRIP_HOURS_OVER_NIGHTS.violation(
            field_prefix + "hours_away", hours=_hours_text(minutes_away), nights=nights,
            most=most // 60))
    if nights > 0 and lodging not in LODGING_KINDS:
        out.append(TRIP_LODGING_REQUIRED.violation(field_prefix + "lodging", nights=nights))
    if not out and not trip_quantities(minutes_away, km, nights, lodging):
        out.append(TRIP_NOTHING_PAYABLE.violation(field_prefix + "hours_away"))
    return out


def _hours_text(minutes: int) -> str:
    hours = (Decimal(minutes) / 60).quantize(CENT, ROUND_HALF_UP)
    return f"{hours.normalize():f}"


def table_problems(day: date) -> list:
    """Why no trip starting on ``day`` can be computed yet (the Lampiran A table is empty or
    not in force), or [] when its table has rows."""
    try:
        filled_rows("lampiran_a", check_day(day, "day"))
    except Refused as refused:
        return list(refused.violations)
    return []


def trip_allowance(qualification: Qualification | str, day: date, minutes_away: int,
                   km: Decimal, nights: int, lodging: str | None = None) -> TripAllowance:
    """The allowances of a trip starting on ``day`` by the Lampiran A table in force that day
    for a PSH paid by ``qualification``. Refuses (``RATE_TABLE_EMPTY``) while the table is
    empty, and ``DUTY_RATE_NOT_FOUND`` when a rate the trip needs is missing."""
    day = check_day(day, "day")
    for value, field in ((minutes_away, "hours_away"), (nights, "nights")):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise Refused(invalid(field, f"Nilai {field} tidak sah: '{value}'.",
                                  f"The value of {field} is not valid: '{value}'."))
    if not isinstance(km, Decimal) or not km.is_finite() or km < 0:
        raise Refused(invalid("km", f"Jarak '{km}' tidak sah.", f"Distance '{km}' is not valid."))
    problems = check_trip(minutes_away, km, nights, lodging)
    if problems:
        raise Refused(problems)
    qual = qualification.value if isinstance(qualification, Qualification) else qualification
    lines = []
    for kind, quantity in trip_quantities(minutes_away, km, nights, lodging):
        rate = duty_allowance(kind, day, qual)
        name, unit = DUTY_KINDS[kind]
        lines.append(TripLine(kind, name, quantity, unit, rate,
                              (rate * quantity).quantize(CENT, ROUND_HALF_UP)))
    table_from = table_in_force("lampiran_a", day)["effective_from"]
    return TripAllowance(str(qual), day, table_from, tuple(lines),
                         sum((ln.amount for ln in lines), Decimal("0.00")))
