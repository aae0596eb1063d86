"""Month pay and contributions for 10,000 PSH, against the bare arithmetic of the same pay.

`python bench/bench_rules.py [--n 10000]` prints seconds and the ratio to the baseline measured
in the same run. The baseline multiplies a precomputed day count by the rate for each PSH
(what any implementation must at least do); the measured path also finds each PSH's working
days in the state's calendar, subtracts absences and computes KWSP and PERKESO.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from decimal import Decimal

from desktop.rules import STATE_CODES, kwsp_contribution, perkeso_contribution, psh_month_pay


def workload(n: int, seed: int = 1):
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        start = date(2026, 1, 1) + timedelta(days=rng.randrange(150))
        end = start + timedelta(days=rng.randrange(20, 90))
        absences = tuple(start + timedelta(days=rng.randrange(20)) for _ in range(rng.randrange(3)))
        rows.append((rng.choice(STATE_CODES), Decimal(rng.choice(("54.00", "72.00", "100.00"))),
                     start, end, absences))
    return rows


def measured(rows, year, month):
    total = Decimal(0)
    for state, rate, start, end, absences in rows:
        pay = psh_month_pay(state, rate, start, end, year, month, absences)
        on = date(year, month, 1)
        total += pay.gross + kwsp_contribution(pay.gross, 30, on).employer
        total += perkeso_contribution(pay.gross, 30, on).employer
    return total


def baseline(rows):
    total = Decimal(0)
    for _state, rate, _start, _end, absences in rows:
        total += rate * (20 - len(absences))
    return total


def best_of(fn, *args, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=10_000)
    args = p.parse_args()
    rows = workload(args.n)
    measured(rows[:50], 2026, 3)  # warm the calendar and rate caches, as a running app has
    base = best_of(baseline, rows)
    real = best_of(measured, rows, 2026, 3)
    print(f"PSH month for {args.n}: {real:.3f} s; baseline {base:.4f} s; "
          f"ratio {real / base:.1f}x")


if __name__ == "__main__":
    main()
