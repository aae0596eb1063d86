"""HQ's consolidation: three states add up; every refusal names its file; nothing half-written.

Figures (from conftest's month): Selangor is the whole sample (cost 5,600.31); Johor has only
the first two PSH (gross 1,100 + 720 = 1,820.00; employer 143 + 18.35 + 2.10 + 94 + 13.15 + 1.50
= 272.10; cost 1,820.00 + 272.10 + 964.76 + 1,120.00 + 150.00 = 4,326.86); Kelantan has no PSH
(cost 964.76 + 1,120.00 + 150.00 = 2,234.76). The nation: 5 PSH, gross 4,745.00, employer
712.65, acting 6 for 2,894.28, gantian 3 for 3,360.00, claims 6 for 450.00, 6 hakiki and 3
operasi vacancies, cost 12,161.93.
"""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from desktop.__main__ import main
from desktop.returns import Cancelled, consolidate, write_return
from desktop.rules import Refused

from .conftest import psh_lines, sample
from .test_workbook import money, values


@pytest.fixture
def three(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    return [write_return(sample("SGR"), folder / "selangor.xlsx"),
            write_return(sample("JHR", psh=psh_lines()[:2]), folder / "johor.xlsx"),
            write_return(sample("KTN", psh=[]), folder / "kelantan.xlsx")]


def refusal(paths, out):
    with pytest.raises(Refused) as info:
        consolidate(paths, out)
    assert not out.exists()
    return info.value.violations


def test_three_states_add_up(tmp_path, three):
    out = tmp_path / "NASIONAL.xlsx"
    result = consolidate(three, out)
    assert result.month == "2026-03" and result.path == out
    assert [s.state for s in result.states] == ["JHR", "KTN", "SGR"]
    johor, kelantan, selangor = result.states
    assert (johor.psh, johor.gross, johor.employer, johor.total_cost) == (
        2, Decimal("1820.00"), Decimal("272.10"), Decimal("4326.86"))
    assert (kelantan.psh, kelantan.gross, kelantan.total_cost) == (0, Decimal("0.00"),
                                                                   Decimal("2234.76"))
    assert selangor.total_cost == Decimal("5600.31") and selangor.file == "selangor.xlsx"
    assert result.total("total_cost") == Decimal("12161.93")
    assert result.total("psh") == 5 and result.total("hakiki") == 6

    wb = load_workbook(out)
    assert wb.sheetnames == ["Ringkasan Negeri", "PSH", "Tanggung Kerja", "Gantian",
                             "Kekosongan", "Tuntutan", "_meta"]
    ws = wb["Ringkasan Negeri"]
    assert values(ws, 1)[:6] == ["Bil", "Negeri", "Kod Pejabat", "Pejabat", "Versi", "Bil. PSH"]
    assert values(ws, 2)[:6] == [1, "Johor", "JPNIN-JHR", "JPNIN Negeri JHR & Wilayah", 1, 2]
    total = values(ws, 5)
    assert total[:2] == [3, "Jumlah"] and total[5] == 5
    assert [money(total[i]) for i in (6, 7, 9, 11, 13, 16)] == [Decimal(x) for x in (
        "4745.00", "712.65", "2894.28", "3360.00", "450.00", "12161.93")]
    assert (total[8], total[10], total[12], total[14], total[15]) == (6, 3, 6, 6, 3)
    assert len(ws._charts) == 2
    assert ws.page_setup.orientation == "landscape" and ws.freeze_panes == "C2"

    psh = wb["PSH"]
    assert values(psh, 1)[:3] == ["Bil", "Negeri", "Nama"]
    assert [values(psh, r)[:3] for r in range(2, 7)] == [
        [1, "Johor", "Nur Aisyah binti Ahmad"], [2, "Johor", "=SUM(A1:A9)"],
        [3, "Selangor", "Nur Aisyah binti Ahmad"], [4, "Selangor", "=SUM(A1:A9)"],
        [5, "Selangor", "@Rahim bin Salleh"]]
    assert psh["C3"].data_type == "s" and psh["C3"].quotePrefix is True
    assert values(psh, 7)[:2] == [5, "Jumlah"] and money(psh["R7"].value) == Decimal("4745.00")
    assert psh["R2"].number_format == "#,##0.00" and psh.auto_filter.ref == "A1:Z6"
    assert values(wb["Kekosongan"], 11)[:2] == [9, "Jumlah"]  # 9 lines from row 2
    meta = dict(wb["_meta"].iter_rows(values_only=True))
    assert wb["_meta"].sheet_state == "hidden"
    assert meta["schema"] == "isitugas-national/1" and meta["month"] == "2026-03"
    assert meta["states"] == "JHR,KTN,SGR" and meta["total_cost"] == "12161.93"
    assert meta["source_SGR"].startswith("selangor.xlsx | versi 1 | ")
    assert len(meta["sha256"]) == 64


def test_a_tampered_file_is_refused_by_name(tmp_path, three):
    wb = load_workbook(three[1])
    wb["PSH"]["Q2"] = 1500
    wb.save(three[1])
    problems = refusal(three, tmp_path / "N.xlsx")
    assert problems[0].code == "RETURN_CHECKSUM_MISMATCH"
    assert problems[0].message_ms.startswith("Fail 'johor.xlsx': semakan sha256 tidak sepadan")


def test_files_of_different_months_are_refused(tmp_path, three):
    feb = write_return(sample("PHG", month=2), tmp_path / "pahang.xlsx")
    problems = refusal([*three, feb], tmp_path / "N.xlsx")
    assert [p.code for p in problems] == ["CONSOLIDATE_MONTH_MISMATCH"]
    assert problems[0].message_ms.startswith("Fail 'pahang.xlsx' ialah penyata bulan 2026-02, "
                                             "bukan 2026-03")


def test_two_files_of_one_state_are_refused(tmp_path, three):
    again = write_return(sample("SGR", version=2), tmp_path / "selangor-v2.xlsx")
    problems = refusal([*three, again], tmp_path / "N.xlsx")
    assert [p.code for p in problems] == ["CONSOLIDATE_STATE_TWICE"]
    assert "'selangor.xlsx', 'selangor-v2.xlsx'" in problems[0].message_ms
    assert "Selangor (SGR)" in problems[0].message_ms


def test_a_text_file_renamed_and_an_empty_workbook_are_refused(tmp_path, three):
    txt = tmp_path / "nota.xlsx"
    txt.write_text("bukan penyata", encoding="utf-8")
    empty = tmp_path / "kosong.xlsx"
    Workbook().save(empty)
    problems = refusal([*three, txt, empty], tmp_path / "N.xlsx")
    assert [p.code for p in problems] == ["RETURN_NOT_XLSX", "RETURN_NOT_A_RETURN"]
    assert problems[0].message_ms.startswith("Fail 'nota.xlsx': ")
    assert problems[1].message_ms.startswith("Fail 'kosong.xlsx': bukan penyata bulanan")


def test_every_problem_is_listed_at_once(tmp_path, three):
    wb = load_workbook(three[0])
    wb["_meta"]["B1"] = "isitugas-return/0"
    wb.save(three[0])
    feb = write_return(sample("PHG", month=2), tmp_path / "pahang.xlsx")
    problems = refusal([*three, feb, tmp_path / "hilang.xlsx"], tmp_path / "N.xlsx")
    assert [p.code for p in problems] == ["RETURN_SCHEMA_UNKNOWN", "RETURN_FILE_MISSING",
                                          "CONSOLIDATE_MONTH_MISMATCH"]


def test_bad_arguments(tmp_path, three):
    assert [p.code for p in refusal([], tmp_path / "N.xlsx")] == ["CONSOLIDATE_NO_FILES"]
    assert [p.code for p in refusal(three, tmp_path / "N.csv")] == ["CONSOLIDATE_OUT_NOT_XLSX"]
    assert [p.code for p in refusal([three[0], three[0]], tmp_path / "N.xlsx")] == [
        "CONSOLIDATE_SAME_FILE_TWICE"]
    assert [p.code for p in refusal(three, tmp_path / "tiada" / "N.xlsx")] == [
        "CONSOLIDATE_OUT_FOLDER_MISSING"]
    with pytest.raises(Refused) as info:
        consolidate(three, three[0])
    assert info.value.violations[0].code == "CONSOLIDATE_OUT_IS_INPUT"


def test_progress_and_cancel(tmp_path, three):
    calls = []
    consolidate(three, tmp_path / "N.xlsx", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (1000, 1000) and [d for d, _t in calls] == sorted(d for d, _t in calls)
    assert (500, 1000) in calls  # the three files read: half way
    asked = []
    with pytest.raises(Cancelled):
        consolidate(three, tmp_path / "M.xlsx", cancel=lambda: asked.append(1) or len(asked) > 30)
    assert not (tmp_path / "M.xlsx").exists()
    assert sorted(os.listdir(tmp_path)) == ["N.xlsx", "in"]


def test_cli_consolidates(tmp_path, three, capsys):
    out = tmp_path / "NASIONAL.xlsx"
    assert main(["consolidate", *map(str, three), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "3 penyata negeri bagi 2026-03 disatukan ke dalam NASIONAL.xlsx" in said
    assert "RM 12,161.93" in said and out.exists()


def test_cli_refusal_exits_1_with_the_malay_message(tmp_path, three, capsys):
    wb = load_workbook(three[2])
    wb["Tuntutan"]["J2"] = 99
    wb.save(three[2])
    out = tmp_path / "NASIONAL.xlsx"
    assert main(["consolidate", *map(str, three), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Fail 'kelantan.xlsx': semakan sha256 tidak sepadan" in err
    assert not out.exists()
    assert main(["--lang", "en", "consolidate", str(three[0]), str(three[0]), "--out",
                 str(out)]) == 1
    assert "The file 'selangor.xlsx' is chosen twice." in capsys.readouterr().err
