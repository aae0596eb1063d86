"""Reading a return back, and refusing files that are not one, always in Malay, never a traceback."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl import xml as openpyxl_xml

from desktop.returns import ReturnData, read_return, verify_return, write_return
from desktop.rules import Refused

from .conftest import meta


def test_read_back_equals_what_was_written(written, data):
    back = read_return(written)
    assert back.verification.ok
    assert back.data == data  # every line, field by field, and the meta
    assert back.data.psh[1].name == "=SUM(A1:A9)"
    assert back.meta["sha256"] == back.verification.meta["sha256"]
    assert back.data.totals()["total_cost"] == data.totals()["total_cost"]


def test_a_changed_file_still_reads_but_does_not_verify(written):
    wb = load_workbook(written)
    wb["Kekosongan"]["J2"] = "Ahmad bin Ali"
    wb.save(written)
    back = read_return(written)
    assert not back.verification.ok
    assert back.data.vacancies[0].incumbent == "Ahmad bin Ali"


def _txt_renamed(tmp_path):
    p = tmp_path / "penyata.xlsx"
    p.write_text("Bil,Nama\n1,Ali\n", encoding="utf-8")
    return p


def _empty_workbook(tmp_path):
    p = tmp_path / "kosong.xlsx"
    Workbook().save(p)
    return p


def _truncated(tmp_path, written):
    p = tmp_path / "terpotong.xlsx"
    p.write_bytes(written.read_bytes()[: written.stat().st_size // 2])
    return p


def _zip_not_xlsx(tmp_path):
    p = tmp_path / "arkib.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    return p


def _csv(tmp_path):
    p = tmp_path / "penyata.csv"
    p.write_text("a,b\n", encoding="utf-8")
    return p


def _missing(tmp_path):
    return tmp_path / "tiada.xlsx"


@pytest.mark.parametrize("make, code, words", [
    (_txt_renamed, "RETURN_NOT_XLSX", "bukan buku kerja Excel (.xlsx) yang sah"),
    (_zip_not_xlsx, "RETURN_NOT_XLSX", "bukan buku kerja Excel (.xlsx) yang sah"),
    (_csv, "RETURN_NOT_XLSX", "bukan fail Excel .xlsx"),
    (_missing, "RETURN_FILE_MISSING", "fail tidak wujud"),
    (_empty_workbook, "RETURN_NOT_A_RETURN", "bukan penyata bulanan IsiTugas"),
])
def test_files_that_are_not_returns(tmp_path, make, code, words):
    path = make(tmp_path)
    result = verify_return(path)  # never raises
    assert not result.ok and result.problems[0].code == code
    assert result.problems_ms[0].startswith(f"Fail '{path.name}': ")
    assert words in result.problems_ms[0]
    assert result.problems_en[0].startswith(f"File '{path.name}': ")
    with pytest.raises(Refused) as info:
        read_return(path)
    assert info.value.violations[0].code == code


def test_a_truncated_file(tmp_path, written):
    path = _truncated(tmp_path, written)
    result = verify_return(path)
    assert [p.code for p in result.problems] == ["RETURN_NOT_XLSX"]
    assert "terpotong.xlsx" in result.problems_ms[0]


def test_the_empty_workbook_names_the_missing_sheets(tmp_path):
    result = verify_return(_empty_workbook(tmp_path))
    assert "'PSH'" in result.problems_ms[0] and "'_meta'" in result.problems_ms[0]


def test_unknown_schema(written):
    wb = load_workbook(written)
    wb["_meta"]["B1"] = "isitugas-return/9"
    wb.save(written)
    result = verify_return(written)
    assert [p.code for p in result.problems] == ["RETURN_SCHEMA_UNKNOWN"]
    assert "isitugas-return/9" in result.problems_ms[0]


def test_changed_headers_and_missing_rows_are_named(written):
    wb = load_workbook(written)
    wb["Gantian"]["B1"] = "Nama Penuh"
    wb["PSH"].delete_rows(3)  # one PSH fewer than _meta records
    wb.create_sheet("Nota")
    wb.save(written)
    result = verify_return(written)
    codes = {p.code for p in result.problems}
    assert {"RETURN_HEADERS_CHANGED", "RETURN_ROW_COUNT_MISMATCH", "RETURN_UNEXPECTED_SHEET",
            "RETURN_CHECKSUM_MISMATCH"} <= codes
    text = "\n".join(result.problems_ms)
    assert "'Gantian'" in text and "helaian 'PSH' mempunyai 2 baris" in text and "'Nota'" in text


def test_text_in_a_number_cell_is_named_by_cell(written):
    wb = load_workbook(written)
    wb["PSH"]["Q3"] = "tujuh ratus"
    wb.save(written)
    result = verify_return(written)
    cell = [m for m, p in zip(result.problems_ms, result.problems, strict=True)
            if p.code == "RETURN_CELL_INVALID"]
    assert cell and "Q3 (Upah Kasar (RM): bukan amaun)" in cell[0]
    with pytest.raises(Refused):
        read_return(written)


def test_meta_month_and_state_are_checked(written):
    wb = load_workbook(written)
    wb["_meta"]["B5"] = "2026-3"
    wb["_meta"]["B4"] = "XYZ"
    wb.save(written)
    result = verify_return(written)
    text = "\n".join(result.problems_ms)
    assert "'month' = '2026-3'" in text and "YYYY-MM" in text
    assert "'state' = 'XYZ'" in text and "negeri tidak dikenali" in text


def test_a_month_with_no_lines_round_trips(tmp_path):
    data = ReturnData(meta(month=2))
    path = write_return(data, tmp_path / "kosong-feb.xlsx")
    back = read_return(path)
    assert back.verification.ok and back.data == data
    assert back.meta["rows_psh"] == "0" and back.meta["total_cost"] == "0.00"


def test_an_xml_entity_bomb_is_refused_not_expanded(tmp_path, written):
    assert openpyxl_xml.DEFUSEDXML  # openpyxl parses through defusedxml
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
            '</sheetData></worksheet>')
    hostile = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(written) as src, zipfile.ZipFile(hostile, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            dst.writestr(item, bomb if item.filename == "xl/worksheets/sheet2.xml" else body)
    result = verify_return(hostile)
    assert [p.code for p in result.problems] == ["RETURN_NOT_XLSX"]
    assert result.problems_ms[0].startswith("Fail 'bom.xlsx': ")
