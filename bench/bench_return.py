"""The monthly return export at the national scale and 10x, against a raw openpyxl dump.

`python bench/bench_return.py [--scale 1 10] [--runs 3]` writes a national month (800 PSH,
2,500 open vacancies, 300 acting, 60 gantian, 400 claims) and its 10x with ``write_return``,
and compares it, in the same run, with the libraries' own fastest path: openpyxl's
``write_only`` mode appending the very same cell values (every sheet, header, line, Jumlah and
_meta row; dates as dates, amounts as Decimal) with no styles, no checksum and no charts. The
dump's rows are built before its clock starts; ``write_return`` starts from the ReturnData.
The best of ``--runs`` runs of each is reported (the two alternate, so drift hits both).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook, load_workbook  # noqa: E402

from desktop.returns import (  # noqa: E402
    ActingLine,
    ClaimLine,
    GantianLine,
    PshLine,
    ReturnData,
    ReturnMeta,
    VacancyLine,
    verify_return,
    write_return,
)
from desktop.returns.workbook import LINE_SHEETS, _summary, line_values, meta_pairs  # noqa: E402

BASE = {"psh": 800, "vacancies": 2500, "acting": 300, "gantian": 60, "claims": 400}
NAMES = ("Nur Aisyah binti Ahmad", "Siti Aminah binti Yusof", "Muhammad Hafiz bin Rahman",
         "Tan Mei Ling", "Kavitha a/p Raman", "Farah Nadia binti Ismail", "Lee Chong Wei")
CENT = Decimal("0.01")


def money(x: float) -> Decimal:
    return Decimal(str(x)).quantize(CENT)


def national(scale: int, seed: int = 1) -> ReturnData:
    rng = random.Random(seed)
    n = {k: v * scale for k, v in BASE.items()}
    march = date(2026, 3, 1)

    def mykad(i: int) -> str:
        return f"9{i % 10}0{1 + i % 9}0{1 + i % 9}10{i % 10000:04d}"

    psh = []
    for i in range(n["psh"]):
        rate = Decimal(rng.choice(("55.00", "60.00", "70.00")))
        days = rng.randrange(15, 23)
        absent = rng.randrange(0, 3)
        gross = rate * (days - absent)
        kwsp_e, kwsp_m = money(float(gross) * 0.11), money(float(gross) * 0.13)
        perk_e, perk_m = money(float(gross) * 0.005), money(float(gross) * 0.0175)
        sip = money(float(gross) * 0.002)
        psh.append(PshLine(
            rng.choice(NAMES), mykad(i), f"TBK-{i % 2500:05d}", f"Tabika Perpaduan Taman {i}",
            rng.choice(("TABIKA", "TASKA")), "Pembantu Pendidik", "S17",
            rng.choice(("HAKIKI", "OPERASI")), "SPM", rate, march, date(2026, 3, 31), days,
            absent, days - absent, gross, kwsp_e, kwsp_m, perk_e, perk_m, sip, sip,
            gross - kwsp_e - perk_e - sip, f"JPNIN.SGR/{i}"))
    acting = [ActingLine(rng.choice(NAMES), mykad(i), "Pendidik", "S27", f"Taska PERMATA {i}",
                         Decimal("1800.00"), march, None, 31, Decimal("450.00"))
              for i in range(n["acting"])]
    gantian = [GantianLine(rng.choice(NAMES), mykad(i), f"Tabika {i}", "Pendidik", "S27", "HARI",
                           Decimal("80.00"), march, date(2026, 3, 20), 14, Decimal("1120.00"))
               for i in range(n["gantian"])]
    vacancies = [VacancyLine(
        f"TBK-{i:05d}", f"Tabika Perpaduan Kampung {i}", rng.choice(("TABIKA", "TASKA")),
        "Pembantu Pendidik", "S17", rng.choice(("HAKIKI", "OPERASI")), "RETIRED",
        march - timedelta(days=rng.randrange(400)), rng.choice(NAMES + ("",)),
        "7.2 Permohonan kelulusan dihantar", rng.randrange(200), rng.choice((None, "PSH")))
        for i in range(n["vacancies"])]
    claims = [ClaimLine(rng.choice(NAMES), mykad(i), f"Tabika {i}", march + timedelta(days=i % 28),
                        "Mesyuarat di pejabat negeri", Decimal("6"), Decimal("42.5"), 0,
                        Decimal("30.00")) for i in range(n["claims"])]
    meta = ReturnMeta("NATIONAL", "Bench", "SGR", 2026, 3, 1, datetime(2026, 4, 1, 9, 0),
                      "0.1.0")
    return ReturnData(meta, psh, acting, gantian, vacancies, claims)


def same_cells(data: ReturnData) -> list[tuple[str, list[list]]]:
    """Every value write_return writes, sheet by sheet, as plain rows."""
    sheets = [("Ringkasan", [values for values, _k, _s in _summary(data).rows])]
    for s in LINE_SHEETS:
        lines = getattr(data, s.attr)
        rows = [list(s.headers)] + [list(v) for v in line_values(s, lines)]
        total = [None] * len(s.columns)
        total[0], total[1] = len(lines), "Jumlah"
        for j, c in enumerate(s.columns):
            if c.total:
                total[j] = sum((r[j] or 0) for r in rows[1:])
        rows.append(total)
        sheets.append((s.title, rows))
    sheets.append(("_meta", [list(p) for p in meta_pairs(data)] + [["sha256", "0" * 64]]))
    return sheets


def raw_dump(sheets, path: Path) -> None:
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, nargs="+", default=[1, 10])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scale:
            data = national(scale)
            sheets = same_cells(data)
            cells = sum(len(r) for _t, rows in sheets for r in rows)
            ours, raw = [], []
            for _ in range(args.runs):
                t = time.perf_counter()
                raw_dump(sheets, Path(tmp) / "raw.xlsx")
                raw.append(time.perf_counter() - t)
                t = time.perf_counter()
                write_return(data, Path(tmp) / "ours.xlsx")
                ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            check = verify_return(Path(tmp) / "ours.xlsx")
            verify = time.perf_counter() - t
            assert check.ok, check.problems_ms
            t = time.perf_counter()
            load_workbook(Path(tmp) / "raw.xlsx", read_only=True).close()
            size = (Path(tmp) / "ours.xlsx").stat().st_size
            print(f"{scale:>3}x  {len(data.psh):>6} PSH {len(data.vacancies):>6} vacancies "
                  f"{len(data.acting):>5} acting, {cells:,} cells, {size / 1e6:.1f} MB: "
                  f"write_return {min(ours):.2f} s, raw write_only dump {min(raw):.2f} s, "
                  f"ratio {min(ours) / min(raw):.2f}x; verify_return {verify:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
