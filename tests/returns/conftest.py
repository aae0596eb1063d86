"""A small month of one office, built by hand, with every figure worked out below.

PSH (wages by statutory-rates.md: KWSP Part A bands, PERKESO first category and SIP tables of
1 Oct 2024 in shared/reference):

1. Nur Aisyah: RM55.00 x 20 paid days = 1,100.00. KWSP band U = 1,100: employer ceil(143.00)
   = 143, employee ceil(121.00) = 121. PERKESO 1,000-1,100: 18.35 / 5.25. SIP 2.10 / 2.10.
   Net 1,100 - 121 - 5.25 - 2.10 = 971.65.
2. "=SUM(A1:A9)" (a name that looks like a formula): RM60.00 x 12 = 720.00. U = 720: employer
   ceil(93.60) = 94, employee ceil(79.20) = 80. PERKESO 700-800: 13.15 / 3.75. SIP 1.50 / 1.50.
   Net 720 - 80 - 3.75 - 1.50 = 634.75.
3. "@Rahim": RM65.00 x 17 = 1,105.00. U = 20 x ceil(1,105 / 20) = 1,120: employer ceil(145.60)
   = 146, employee ceil(123.20) = 124. PERKESO 1,100-1,200: 20.15 / 5.75. SIP 2.30 / 2.30.
   Net 1,105 - 124 - 5.75 - 2.30 = 972.95.

Totals: gross 2,925.00; KWSP 325.00 / 383.00; PERKESO 14.75 / 51.65; SIP 5.90 / 5.90;
net 2,579.35; employer contributions 383.00 + 51.65 + 5.90 = 440.55; days 52 / 3 / 49.

Acting (6B, JPA's example: a starting salary of RM2,345.69 gives RM586.42 a month):
Rosnah the whole of March 586.42; "-Lim" from 12 March, 20 of 31 days: 586.4225 x 20 / 31 =
378.3371 -> 378.34. Total 964.76.
Gantian: Kavitha RM80.00 a day x 14 = 1,120.00.
Claims: 30.00 + 120.00 = 150.00; km 42.5 + 310 = 352.5; nights 1.
Cost of the month: 2,925.00 + 440.55 + 964.76 + 1,120.00 + 150.00 = 5,600.31.
Vacancies: TBK-001 hakiki, TSK-001 operasi, TSK-002 hakiki (2 hakiki, 1 operasi).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D

import pytest

from desktop.returns import (
    ActingLine,
    ClaimLine,
    GantianLine,
    PshLine,
    ReturnData,
    ReturnMeta,
    VacancyLine,
    write_return,
)
from desktop.rules.enums import Method, PremisesKind, Qualification, VacancyKind
from desktop.rules.vacancy_enums import VacancyReason

FORMULA_NAME = "=SUM(A1:A9)"
AT_NAME = "@Rahim bin Salleh"
MINUS_NAME = "-Lim Siew Mei"
PLUS_PURPOSE = "+Bengkel PERMATA di Kuala Lumpur"


def meta(state="SGR", year=2026, month=3, version=1, office=None) -> ReturnMeta:
    return ReturnMeta(office or f"JPNIN-{state}", f"JPNIN Negeri {state} & Wilayah", state, year,
                      month, version, datetime(2026, 4, 2, 9, 30, 15), "0.1.0")


def psh_lines() -> list[PshLine]:
    march = date(2026, 3, 2), date(2026, 3, 31)
    return [
        PshLine("Nur Aisyah binti Ahmad", "900101105001", "TBK-001", "Tabika Perpaduan Gombak",
                PremisesKind.TABIKA, "Pembantu Pendidik", "S17", VacancyKind.HAKIKI,
                Qualification.SPM, D("55.00"), *march, 22, 2, 20, D("1100.00"), D("121.00"),
                D("143.00"), D("5.25"), D("18.35"), D("2.10"), D("2.10"), D("971.65"),
                "JPNIN.SGR.100-1/2/3 (5)"),
        PshLine(FORMULA_NAME, "900101105002", "TSK-001", "Taska PERMATA Perpaduan Klang",
                PremisesKind.TASKA, "Pembantu Pengasuh", "S17", VacancyKind.OPERASI,
                Qualification.STPM, D("60.00"), date(2026, 3, 16), date(2026, 3, 31), 12, 0, 12,
                D("720.00"), D("80.00"), D("94.00"), D("3.75"), D("13.15"), D("1.50"), D("1.50"),
                D("634.75"), "JPNIN.SGR.100-1/2/3 (6)"),
        PshLine(AT_NAME, "900101105003", "TBK-002", "Tabika Perpaduan Sepang", "TABIKA",
                "Pembantu Pendidik", "S17", "HAKIKI", "DIPLOMA", D("65.00"), *march, 18, 1, 17,
                D("1105.00"), D("124.00"), D("146.00"), D("5.75"), D("20.15"), D("2.30"),
                D("2.30"), D("972.95"), ""),
    ]


def acting_lines() -> list[ActingLine]:
    return [
        ActingLine("Rosnah binti Omar", "800202105111", "Pendidik", "S27",
                   "Taska PERMATA Perpaduan Klang", D("2345.69"), date(2026, 3, 1), None, 31,
                   D("586.42")),
        ActingLine(MINUS_NAME, "850303105222", "Pendidik", "S27", "Tabika Perpaduan Gombak",
                   D("2345.69"), date(2026, 3, 12), date(2026, 3, 31), 20, D("378.34")),
    ]


def gantian_lines() -> list[GantianLine]:
    return [GantianLine("Kavitha a/p Raman", "880404105333", "Tabika Perpaduan Sepang",
                        "Pendidik", "S27", "HARI", D("80.00"), date(2026, 3, 9),
                        date(2026, 3, 26), 14, D("1120.00"))]


def vacancy_lines() -> list[VacancyLine]:
    return [
        VacancyLine("TBK-001", "Tabika Perpaduan Gombak", PremisesKind.TABIKA,
                    "Pembantu Pendidik", "S17", VacancyKind.HAKIKI, VacancyReason.RETIRED,
                    date(2026, 1, 5), "", "7.2 Permohonan kelulusan dihantar", 78, None),
        VacancyLine("TSK-001", "Taska PERMATA Perpaduan Klang", PremisesKind.TASKA, "Pendidik",
                    "S27", VacancyKind.OPERASI, VacancyReason.MATERNITY_LEAVE, date(2026, 2, 2),
                    "Rosnah binti Omar", "Dikenal pasti", 57, Method.ACTING),
        VacancyLine("TSK-002", "Taska PERMATA Perpaduan Klang", "TASKA", "Pembantu Pengasuh",
                    "S17", "HAKIKI", "NEW_POST", date(2026, 3, 20), "", "", None, "PSH"),
    ]


def claim_lines() -> list[ClaimLine]:
    return [
        ClaimLine("Nur Aisyah binti Ahmad", "900101105001", "Tabika Perpaduan Gombak",
                  date(2026, 3, 10), "Kursus di Shah Alam", D("8.5"), D("42.5"), 0, D("30.00")),
        ClaimLine(FORMULA_NAME, "900101105002", "Taska PERMATA Perpaduan Klang",
                  date(2026, 3, 20), PLUS_PURPOSE, 24, 310, 1, D("120.00")),
    ]


def sample(state="SGR", year=2026, month=3, version=1, psh=None, office=None) -> ReturnData:
    return ReturnData(meta(state, year, month, version, office),
                      psh_lines() if psh is None else psh, acting_lines(), gantian_lines(),
                      vacancy_lines(), claim_lines())


@pytest.fixture
def data() -> ReturnData:
    return sample()


@pytest.fixture
def written(tmp_path, data):
    return write_return(data, tmp_path / "SGR-2026-03.xlsx")
