"""The written return, read back cell by cell with openpyxl: values, types, formats, layout."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart

from .conftest import AT_NAME, FORMULA_NAME, MINUS_NAME, PLUS_PURPOSE

# the issue's headers, typed from its text (issue 6, item 4)
ISSUE_PSH = ["Bil", "Nama", "No. KP", "Kod Premis", "Premis", "Jenis Premis", "Jawatan", "Gred",
             "Jenis Kekosongan", "Kelayakan", "Kadar Sehari (RM)", "Tarikh Mula", "Tarikh Tamat",
             "Hari Bekerja", "Hari Tidak Hadir", "Hari Dibayar", "Upah Kasar (RM)",
             "KWSP Pekerja (RM)", "KWSP Majikan (RM)", "PERKESO Pekerja (RM)",
             "PERKESO Majikan (RM)", "Upah Bersih (RM)", "No. Rujukan Kelulusan"]
ISSUE_ACTING = ["Bil", "Nama", "No. KP", "Jawatan Ditanggung", "Gred", "Premis",
                "Gaji Permulaan (RM)", "Tarikh Mula", "Tarikh Tamat", "Hari Dalam Bulan",
                "Elaun (RM)"]
ISSUE_VACANCY = ["Bil", "Kod Premis", "Premis", "Jenis Premis", "Jawatan", "Gred",
                 "Jenis Kekosongan", "Sebab", "Tarikh Kekosongan", "Penyandang",
                 "Langkah Semasa", "Hari Menunggu", "Kaedah Pengisian"]
LINE_SHEETS = ["PSH", "Tanggung Kerja", "Gantian", "Kekosongan", "Tuntutan"]
ROWS = {"PSH": 3, "Tanggung Kerja": 2, "Gantian": 1, "Kekosongan": 3, "Tuntutan": 2}


@pytest.fixture
def wb(written):
    book = load_workbook(written)
    yield book
    book.close()


def values(ws, row):
    return [c.value for c in ws[row]]


def money(v) -> Decimal:
    """A read-back amount as Decimal (openpyxl gives float or int)."""
    assert isinstance(v, (int, float)) and not isinstance(v, bool), repr(v)
    return Decimal(repr(v)).quantize(Decimal("0.01"))


def test_sheets_in_order_and_meta_hidden_and_protected(wb):
    assert wb.sheetnames == ["Ringkasan", "PSH", "Tanggung Kerja", "Gantian", "Kekosongan",
                             "Tuntutan", "_meta"]
    assert wb["_meta"].sheet_state == "hidden"
    assert wb["_meta"].protection.sheet is True
    assert all(wb[n].sheet_state == "visible" for n in wb.sheetnames[:-1])
    assert wb.active.title == "Ringkasan"


def test_headers_are_the_issue_s_in_its_order(wb):
    psh = values(wb["PSH"], 1)
    assert psh[:len(ISSUE_PSH)] == ISSUE_PSH
    assert psh[len(ISSUE_PSH):] == ["SIP Pekerja (RM)", "SIP Majikan (RM)"]  # added after them
    assert values(wb["Tanggung Kerja"], 1) == ISSUE_ACTING
    assert values(wb["Kekosongan"], 1) == ISSUE_VACANCY
    assert values(wb["Gantian"], 1) == ["Bil", "Nama", "No. KP", "Premis", "Jawatan", "Gred",
                                        "Asas Kadar", "Kadar (RM)", "Tarikh Mula",
                                        "Tarikh Tamat", "Hari", "Bayaran Saguhati (RM)"]
    assert values(wb["Tuntutan"], 1) == ["Bil", "Nama", "No. KP", "Premis", "Tarikh", "Tujuan",
                                         "Jam", "Jarak (km)", "Malam", "Amaun (RM)"]


def test_psh_row_cell_by_cell(wb):
    ws = wb["PSH"]
    row = values(ws, 2)
    assert row[:10] == [1, "Nur Aisyah binti Ahmad", "900101105001", "TBK-001",
                        "Tabika Perpaduan Gombak", "Tabika Perpaduan", "Pembantu Pendidik", "S17",
                        "Hakiki", "SPM"]
    assert money(row[10]) == Decimal("55.00")
    assert row[11:13] == [datetime(2026, 3, 2), datetime(2026, 3, 31)]
    assert row[13:16] == [22, 2, 20]
    assert [money(v) for v in row[16:22]] == [Decimal(x) for x in (
        "1100.00", "121.00", "143.00", "5.25", "18.35", "971.65")]
    assert row[22] == "JPNIN.SGR.100-1/2/3 (5)"
    assert [money(v) for v in row[23:]] == [Decimal("2.10"), Decimal("2.10")]
    # types in the file: numbers are numbers, dates are dates, MyKad and codes are text
    types = [c.data_type for c in ws[2]]
    assert types[0] == "n" and types[1:10] == ["s"] * 9
    assert types[10] == "n" and types[11:13] == ["d", "d"]
    assert types[13:22] == ["n"] * 9 and types[22] == "s" and types[23:] == ["n", "n"]
    # the third PSH has no approval reference: an empty cell, not ""
    assert ws["W4"].value is None
    assert values(ws, 4)[9] == "Diploma" and values(ws, 3)[8] == "Operasi"


def test_other_sheets_cell_by_cell(wb):
    acting = values(wb["Tanggung Kerja"], 3)
    assert acting[:6] == [2, MINUS_NAME, "850303105222", "Pendidik", "S27",
                          "Tabika Perpaduan Gombak"]
    assert money(acting[6]) == Decimal("2345.69") and money(acting[10]) == Decimal("378.34")
    assert acting[7:10] == [datetime(2026, 3, 12), datetime(2026, 3, 31), 20]
    assert wb["Tanggung Kerja"]["I2"].value is None  # Rosnah's acting has no end yet
    gantian = values(wb["Gantian"], 2)
    assert gantian[6] == "Sehari" and money(gantian[7]) == Decimal("80.00")
    assert gantian[10] == 14 and money(gantian[11]) == Decimal("1120.00")
    vac = values(wb["Kekosongan"], 3)
    assert vac == [2, "TSK-001", "Taska PERMATA Perpaduan Klang", "Taska PERMATA Perpaduan",
                   "Pendidik", "S27", "Operasi", "Penyandang bercuti bersalin",
                   datetime(2026, 2, 2), "Rosnah binti Omar", "Dikenal pasti", 57,
                   "Penanggungan kerja"]
    new_post = values(wb["Kekosongan"], 4)
    assert new_post[7] == "Jawatan baru diwujudkan" and new_post[12] == \
        "Pekerja Sambilan Harian (PSH)"
    assert new_post[11] is None and new_post[10] is None  # no step yet, no wait counted
    claim = values(wb["Tuntutan"], 3)
    assert claim[4] == datetime(2026, 3, 20) and claim[5] == PLUS_PURPOSE
    assert claim[6:9] == [24, 310, 1] and money(claim[9]) == Decimal("120.00")
    assert values(wb["Tuntutan"], 2)[6:8] == [8.5, 42.5]


def test_rm_columns_and_dates_are_formatted(wb):
    for name in LINE_SHEETS:
        ws = wb[name]
        headers = values(ws, 1)
        for col, header in enumerate(headers, 1):
            cells = [ws.cell(r, col) for r in range(2, ROWS[name] + 2)]
            if header.endswith("(RM)"):
                assert {c.number_format for c in cells} == {"#,##0.00"}, (name, header)
                total = ws.cell(ROWS[name] + 2, col)  # the Jumlah row, where it sums
                assert total.value is None or total.number_format == "#,##0.00"
            elif header.startswith("Tarikh"):
                assert {c.number_format for c in cells if c.value is not None} == {
                    "dd/mm/yyyy"}, (name, header)
                assert all(isinstance(c.value, datetime) for c in cells if c.value is not None)


def test_frozen_headers_filters_widths_and_print_setup(wb):
    for name in LINE_SHEETS:
        ws = wb[name]
        last = ws.cell(1, len(values(ws, 1))).column_letter
        assert ws.freeze_panes == "C2"  # header row, Bil and the name stay in view
        assert ws.auto_filter.ref == f"A1:{last}{ROWS[name] + 1}"  # header and lines, no Jumlah
        assert ws.column_dimensions["B"].width >= 13
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.print_title_rows == "$1:$1"
        # the office and the month in the printed header ('&' is doubled there)
        assert ws.oddHeader.left.text == "JPNIN Negeri SGR && Wilayah (JPNIN-SGR)"
        assert ws.oddHeader.right.text == "Penyata Mac 2026"
    assert wb["PSH"].column_dimensions["B"].width == 30


def test_totals_rows(wb):
    psh = values(wb["PSH"], 5)
    assert psh[:2] == [3, "Jumlah"] and psh[2:13] == [None] * 11
    assert psh[13:16] == [52, 3, 49]
    assert [money(v) for v in psh[16:22]] == [Decimal(x) for x in (
        "2925.00", "325.00", "383.00", "14.75", "51.65", "2579.35")]
    assert psh[22] is None and [money(v) for v in psh[23:]] == [Decimal("5.90")] * 2
    acting = values(wb["Tanggung Kerja"], 4)
    assert acting[:2] == [2, "Jumlah"] and acting[9] == 51 and money(acting[10]) == \
        Decimal("964.76")
    assert money(values(wb["Gantian"], 3)[11]) == Decimal("1120.00")
    claims = values(wb["Tuntutan"], 4)
    assert claims[7] == 352.5 and claims[8] == 1 and money(claims[9]) == Decimal("150.00")
    assert values(wb["Kekosongan"], 5)[:2] == [3, "Jumlah"]
    assert wb["PSH"]["Q5"].font.b is True


def _ringkasan(ws) -> dict:
    return {r[0]: r[1:] for r in ws.iter_rows(values_only=True) if r[0]}


def test_ringkasan_totals(wb):
    rows = _ringkasan(wb["Ringkasan"])
    assert rows["Pejabat"][0] == "JPNIN Negeri SGR & Wilayah"
    assert rows["Negeri"][0] == "Selangor" and rows["Bulan"][0] == "Mac 2026"
    assert rows["Versi"][0] == 1
    assert rows["Pekerja Sambilan Harian (upah kasar)"][0] == 3
    assert money(rows["Pekerja Sambilan Harian (upah kasar)"][1]) == Decimal("2925.00")
    assert money(rows["Caruman majikan PSH (KWSP, PERKESO, SIP)"][1]) == Decimal("440.55")
    assert money(rows["Upah bersih PSH"][1]) == Decimal("2579.35")
    assert rows["Penanggungan kerja (elaun)"][0] == 2
    assert money(rows["Pegawai gantian (bayaran saguhati)"][1]) == Decimal("1120.00")
    assert money(rows["Tuntutan tugas rasmi"][1]) == Decimal("150.00")
    assert rows["Kekosongan pada akhir bulan (belum ditutup)"][0] == 3
    assert money(rows["Jumlah kos bulan ini"][1]) == Decimal("5600.31")
    # the chart's table: PSH wages and employer contributions, acting, gantian
    assert money(rows["PSH (upah dan caruman majikan)"][0]) == Decimal("3365.55")
    assert money(rows["Penanggungan kerja"][0]) == Decimal("964.76")
    assert money(rows["Pegawai gantian"][0]) == Decimal("1120.00")
    # by premises kind: PSH, hakiki, operasi
    assert rows["Tabika Perpaduan"][:3] == (2, 1, 0)
    assert rows["Taska PERMATA Perpaduan"][:3] == (1, 1, 1)


def test_ringkasan_carries_charts_of_the_month(wb):
    charts = wb["Ringkasan"]._charts
    assert len(charts) == 2 and all(isinstance(c, BarChart) for c in charts)
    refs = [s.val.numRef.f for c in charts for s in c.series]
    assert refs[0] == "'Ringkasan'!$B$19:$B$21"  # cost by method, under its header row 18
    assert all(r.startswith("'Ringkasan'!") for r in refs) and len(refs) == 4


def test_text_that_looks_like_a_formula_stays_text(wb, written):
    cells = {FORMULA_NAME: wb["PSH"]["B3"], AT_NAME: wb["PSH"]["B4"],
             MINUS_NAME: wb["Tanggung Kerja"]["B3"], PLUS_PURPOSE: wb["Tuntutan"]["F3"]}
    for text, cell in cells.items():
        assert cell.value == text
        assert cell.data_type == "s"
        assert cell.quotePrefix is True  # Excel shows it as text typed after an apostrophe
    assert wb["PSH"]["B2"].quotePrefix is False  # plain names are left alone
    with zipfile.ZipFile(written) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(re.search(rb"<f[ >]", z.read(n)) for n in sheets)


def test_meta_rows(wb):
    meta = {k: v for k, v in wb["_meta"].iter_rows(values_only=True)}
    expected = {
        "schema": "isitugas-return/1", "office_code": "JPNIN-SGR", "state": "SGR",
        "office_name": "JPNIN Negeri SGR & Wilayah", "month": "2026-03", "version": "1",
        "generated_at": "2026-04-02T09:30:15", "app_version": "0.1.0",
        "rows_psh": "3", "rows_tanggung_kerja": "2", "rows_gantian": "1",
        "rows_kekosongan": "3", "rows_tuntutan": "2",
        "total_psh_gross": "2925.00", "total_psh_net": "2579.35",
        "total_kwsp_employee": "325.00", "total_kwsp_employer": "383.00",
        "total_perkeso_employee": "14.75", "total_perkeso_employer": "51.65",
        "total_sip_employee": "5.90", "total_sip_employer": "5.90",
        "total_employer_contributions": "440.55", "total_acting_allowance": "964.76",
        "total_gantian_honorarium": "1120.00", "total_claims": "150.00",
        "total_cost": "5600.31", "checksum_method": "sha256-json-1",
    }
    assert {k: v for k, v in meta.items() if k != "sha256"} == expected
    assert re.fullmatch(r"[0-9a-f]{64}", meta["sha256"])
    assert list(meta)[-1] == "sha256"
