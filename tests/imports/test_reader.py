"""Reading a workbook: files refused whole (naming the file), safety limits, cells typed."""

import shutil
import subprocess
import time
import zipfile
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from desktop.imports import reader
from desktop.imports.reader import read_registers
from desktop.services.register_import import ImportRefused
from tests.imports.workbooks import (
    AMIR,
    BILLION_LAUGHS,
    NURUL,
    good_file,
    good_workbook,
    replace_member,
    save,
    sheet_part,
)


def refused(path, **limits) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        read_registers(path, **limits)
    return info.value


def only_code(err: ImportRefused) -> str:
    (problem,) = err.problems
    assert problem.sheet is None and problem.row is None  # the whole file
    return problem.code


def test_openpyxl_parses_through_defusedxml():
    import defusedxml  # noqa: F401 - installed, as pyproject.toml requires

    assert openpyxl.DEFUSEDXML is True


def test_good_file_is_read_into_typed_rows(tmp_path):
    parsed = read_registers(good_file(tmp_path))
    assert parsed.source == "daftar.xlsx" and parsed.problems == ()
    assert [p.code for p in parsed.premises] == ["SGR-TBK-001", "sgr-tsk-002"]
    # examples (Bil. "Contoh") skipped: data starts on row 3, and row 4 on Jawatan
    assert [p.row for p in parsed.premises] == [3, 4]
    assert [p.row for p in parsed.posts] == [4, 5, 6, 7]
    s17, s27 = parsed.grades
    assert s17.starting_salary == Decimal("1800") and s17.salary_from == date(2024, 1, 1)
    assert s27.starting_salary == Decimal("2100.50") and s27.salary_from == date(2024, 1, 1)
    # a MyKad Excel held as a number is read back with its 12 digits (the leading zero too)
    assert [s.mykad for s in parsed.staff] == ["850315-10-5432", NURUL.replace("-", ""),
                                               AMIR.replace("-", "")]
    assert [s.service_start for s in parsed.staff] == [date(2015, 3, 1), date(2016, 7, 1),
                                                       date(2022, 1, 3)]
    assert parsed.posts[2].incumbent == "" and parsed.posts[2].incumbent_since is None
    assert parsed.letters["Premis"]["code"] == "B"


def test_headers_match_in_any_case_spacing_and_order(tmp_path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, headers, row in (
        ("PREMIS", ["  negeri ", "KOD", "nama", "jenis", "daerah", "alamat"],
         ["SGR", "SGR-TBK-009", "Tabika X", "TABIKA", None, None]),
        ("gred", ["kod", "nama", "gaji  permulaan (rm)", "berkuat kuasa"], []),
        ("Pegawai", ["nama", "no. mykad", "gred", "kelayakan", "mula berkhidmat",
                     "tarikh disahkan"], []),
        ("Jawatan", ["rujukan", "kod premis", "gred", "no. mykad penyandang",
                     "mula menyandang"], []),
        ("Kekosongan", ["rujukan jawatan", "jenis", "sebab", "tarikh kekosongan",
                        "dijangka kembali", "catatan"], []),
    ):
        ws = wb.create_sheet(title)
        ws.append(headers)
        if row:
            ws.append(row)
    parsed = read_registers(save(wb, tmp_path))
    assert parsed.problems == ()
    (p,) = parsed.premises
    assert (p.row, p.code, p.state, p.kind) == (2, "SGR-TBK-009", "SGR", "TABIKA")


@pytest.mark.parametrize("content", [b"Nama,MyKad\nSiti,850315-10-5432\n", b"", b"\x00" * 100])
def test_text_renamed_xlsx_is_refused_naming_the_file(tmp_path, content):
    path = tmp_path / "senarai pegawai.xlsx"
    path.write_bytes(content)
    err = refused(path)
    assert only_code(err) == "IMPORT_NOT_XLSX"
    assert err.message() == ("Fail senarai pegawai.xlsx bukan buku kerja Excel (.xlsx) yang sah "
                             "atau telah rosak.")


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "arkib.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("nota.txt", "bukan buku kerja")
    err = refused(path)
    assert only_code(err) == "IMPORT_NOT_XLSX"
    assert "arkib.xlsx ialah fail zip tetapi bukan buku kerja Excel" in err.message()


def test_truncated_workbook_is_damaged(tmp_path):
    whole = good_file(tmp_path).read_bytes()
    path = tmp_path / "terpotong.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    assert only_code(refused(path)) == "IMPORT_NOT_XLSX"


def test_workbook_with_a_damaged_part(tmp_path):
    source = good_file(tmp_path)
    path = replace_member(source, tmp_path / "rosak.xlsx", sheet_part(source, "Premis"),
                          b"<worksheet><sheetData><row>")
    err = refused(path)
    assert only_code(err) == "IMPORT_NOT_XLSX" and "rosak.xlsx" in err.message()


def test_old_xls_format_is_named(tmp_path):
    path = tmp_path / "lama.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    err = refused(path)
    assert only_code(err) == "IMPORT_NOT_XLSX"
    assert "format Excel lama (.xls)" in err.message()


def test_missing_file(tmp_path):
    err = refused(tmp_path / "tiada.xlsx")
    assert only_code(err) == "IMPORT_NO_FILE"
    assert err.message() == "Fail tiada.xlsx tidak wujud."


def test_empty_workbook(tmp_path):
    path = tmp_path / "kosong.xlsx"
    openpyxl.Workbook().save(path)
    err = refused(path)
    assert only_code(err) == "IMPORT_EMPTY"
    assert err.message().startswith("Fail kosong.xlsx kosong: tiada baris data")


def test_register_sheets_with_only_headers_and_blank_rows_are_empty(tmp_path):
    wb, _rows = good_workbook(tmp_path)
    for ws in wb.worksheets:
        if ws.title not in ("Panduan", "Senarai"):
            ws.delete_rows(2, ws.max_row)
            ws.append([None, "   ", None])  # a row of blanks is not data
    assert only_code(refused(save(wb, tmp_path))) == "IMPORT_EMPTY"


def test_rows_numbered_ahead_but_not_filled_are_skipped(tmp_path):
    wb, rows = good_workbook(tmp_path)
    for n in range(3, 50):
        wb["Premis"].append([n])
    parsed = read_registers(save(wb, tmp_path))
    assert parsed.problems == () and [p.row for p in parsed.premises] == rows["Premis"]


def test_a_time_is_not_a_date(tmp_path):
    from datetime import datetime as dt
    from datetime import time as tm

    wb, rows = good_workbook(tmp_path)
    s1, s2 = rows["Pegawai"][:2]
    wb["Pegawai"][f"F{s1}"] = tm(8, 30)
    wb["Pegawai"][f"F{s2}"] = dt(2016, 7, 1, 8, 30)
    parsed = read_registers(save(wb, tmp_path))
    assert [(p.cell, p.code) for p in parsed.problems] == [
        (f"F{s1}", "IMPORT_NOT_A_DATE"), (f"F{s2}", "IMPORT_NOT_A_DATE")]
    assert parsed.problems[0].message_ms == "Sel mengandungi masa, bukan tarikh."


def test_missing_sheets_are_listed(tmp_path):
    wb, _rows = good_workbook(tmp_path)
    del wb["Kekosongan"]
    wb["Gred"].title = "Gred Jawatan"
    err = refused(save(wb, tmp_path))
    assert only_code(err) == "IMPORT_MISSING_SHEETS"
    assert "tiada helaian Gred, Kekosongan" in err.message()


def test_file_larger_than_the_limit(tmp_path):
    path = good_file(tmp_path)
    size = path.stat().st_size
    err = refused(path, max_bytes=size - 1)
    assert only_code(err) == "IMPORT_TOO_LARGE"
    assert read_registers(path, max_bytes=size).problems == ()


def test_default_size_limit_is_20_mb(tmp_path):
    assert reader.MAX_BYTES == 20 * 1024 * 1024
    path = tmp_path / "besar.xlsx"
    with path.open("wb") as f:  # sparse: 20 MB and a byte, never read
        f.truncate(20 * 1024 * 1024 + 1)
    assert only_code(refused(path)) == "IMPORT_TOO_LARGE"


def test_zip_bomb_is_refused_by_its_unpacked_size(tmp_path):
    source = good_file(tmp_path)
    bomb = replace_member(source, tmp_path / "bom.xlsx", "docProps/app.xml", b" " * 5_000_000)
    assert bomb.stat().st_size < 1_000_000  # small on disk, large once unpacked
    err = refused(bomb, max_unpacked_bytes=4_000_000)
    assert only_code(err) == "IMPORT_TOO_LARGE" and "apabila dibuka" in err.message()


def test_too_many_rows(tmp_path, monkeypatch):
    path = good_file(tmp_path)
    # 2 + 2 + 3 + 4 + 2 data rows and 6 example rows: 19 rows below the headers
    assert read_registers(path, max_rows=19).problems == ()
    monkeypatch.setattr(reader, "MAX_ROWS", 18)
    err = refused(path)
    assert only_code(err) == "IMPORT_TOO_MANY_ROWS"
    assert "melebihi had 18 baris" in err.message()


def test_rows_far_below_count_against_the_limit(tmp_path):
    wb, _rows = good_workbook(tmp_path)
    wb["Premis"].cell(1_000_000, 2, "jauh di bawah")
    err = refused(save(wb, tmp_path), max_rows=1000)
    assert only_code(err) == "IMPORT_TOO_MANY_ROWS"


def test_billion_laughs_is_refused_not_expanded(tmp_path):
    source = good_file(tmp_path)
    for title in ("Panduan", "Premis"):  # sheet1.xml, and a register sheet
        part = sheet_part(source, title)
        path = replace_member(source, tmp_path / f"laughs-{title}.xlsx", part, BILLION_LAUGHS)
        started = time.perf_counter()
        err = refused(path)
        assert only_code(err) == "IMPORT_UNSAFE_XML"
        assert f"laughs-{title}.xlsx mengandungi XML yang tidak selamat" in err.message()
        assert time.perf_counter() - started < 5  # 10**9 "lol"s would take far longer
    assert sheet_part(source, "Panduan") == "xl/worksheets/sheet1.xml"


def test_external_entity_is_refused(tmp_path):
    source = good_file(tmp_path)
    xxe = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>'
           b"</sheetData></worksheet>")
    path = replace_member(source, tmp_path / "xxe.xlsx", sheet_part(source, "Premis"), xxe)
    assert only_code(refused(path)) == "IMPORT_UNSAFE_XML"


def test_no_import_without_defusedxml(tmp_path, monkeypatch):
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    assert only_code(refused(good_file(tmp_path))) == "IMPORT_UNSAFE_SETUP"


def test_wrong_headers_are_a_problem_of_the_sheet(tmp_path):
    wb, _rows = good_workbook(tmp_path)
    ws = wb["Premis"]
    ws["E1"] = "Negri"
    ws["H1"] = "Poskod"
    parsed = read_registers(save(wb, tmp_path))
    (problem,) = parsed.problems
    assert (problem.sheet, problem.row, problem.code) == ("Premis", None, "IMPORT_WRONG_HEADERS")
    assert problem.message() == (
        "Premis: Tajuk lajur pada baris 1 tidak sepadan dengan templat: tiada lajur Negeri; "
        "lajur tidak dikenali Negri, Poskod. Tajuk yang dijangka: Bil., Kod, Nama, Jenis, "
        "Negeri, Daerah, Alamat.")
    assert parsed.premises == ()  # the sheet's rows are not guessed at


def test_header_given_twice(tmp_path):
    wb, _rows = good_workbook(tmp_path)
    wb["Gred"]["F1"] = "KOD"
    (problem,) = read_registers(save(wb, tmp_path)).problems
    assert "lajur berulang Kod" in problem.message_ms


def test_merged_cells_refuse_the_sheet(tmp_path):
    wb, rows = good_workbook(tmp_path)
    first = rows["Jawatan"][0]
    wb["Jawatan"].merge_cells(f"C{first}:C{first + 1}")
    wb["Premis"].merge_cells("F3:G3")
    parsed = read_registers(save(wb, tmp_path))
    assert [(p.sheet, p.row, p.code) for p in parsed.problems] == [
        ("Premis", None, "IMPORT_MERGED_CELLS"), ("Jawatan", None, "IMPORT_MERGED_CELLS")]
    assert parsed.problems[1].message().startswith(
        f"Jawatan: Sel bercantum tidak dibenarkan (C{first}:C{first + 1}); nyahcantumkan")


def test_formulas_are_read_as_text_never_evaluated(tmp_path):
    wb, rows = good_workbook(tmp_path)
    g, p = rows["Gred"][0], rows["Premis"][1]
    wb["Gred"][f"D{g}"] = "=1+1"
    wb["Premis"][f"C{p}"] = '=HYPERLINK("http://example.invalid/x","Klik")'
    wb["Jawatan"]["B1"] = "=CONCAT(\"Ruj\",\"ukan\")"  # a formula header is not a header
    parsed = read_registers(save(wb, tmp_path))
    by_cell = {p.cell: p for p in parsed.problems if p.cell}
    assert by_cell[f"D{g}"].message() == (
        f"Gred, baris {g}, Gaji Permulaan (RM): Formula '=1+1' tidak dibenarkan; taip nilainya "
        "sahaja (formula tidak dikira).")
    assert by_cell[f"C{p}"].code == "IMPORT_FORMULA"
    assert "=HYPERLINK(\"http://example.invalid/x\",\"Klik\")" in by_cell[f"C{p}"].message_ms
    # the row is kept, its bad cell empty and marked, so the services do not repeat it
    grade = next(r for r in parsed.grades if r.row == g)
    assert grade.starting_salary is None and grade.bad == {"starting_salary"}
    assert any(p.sheet == "Jawatan" and p.code == "IMPORT_WRONG_HEADERS" for p in parsed.problems)


def test_text_in_number_and_date_cells(tmp_path):
    wb, rows = good_workbook(tmp_path)
    g, s = rows["Gred"][1], rows["Pegawai"][0]
    wb["Gred"][f"D{g}"] = "seribu lapan ratus"
    wb["Pegawai"][f"F{s}"] = "semalam"
    wb["Pegawai"][f"G{s}"] = 45000  # a serial number not formatted as a date
    parsed = read_registers(save(wb, tmp_path))
    assert [(p.cell, p.code) for p in parsed.problems] == [
        (f"D{g}", "IMPORT_NOT_A_NUMBER"), (f"F{s}", "IMPORT_NOT_A_DATE"),
        (f"G{s}", "IMPORT_NOT_A_DATE")]
    assert parsed.problems[0].message() == (
        f"Gred, baris {g}, Gaji Permulaan (RM): 'seribu lapan ratus' bukan nombor; taip amaun "
        "dalam angka, contohnya 1800.00.")
    assert parsed.problems[1].message_ms.startswith("'semalam' bukan tarikh")


@pytest.mark.parametrize(("typed", "amount"), [
    ("1,800.00", Decimal("1800.00")), ("RM1800", Decimal("1800")), (" rm 2,100.5 ",
                                                                     Decimal("2100.5")),
    (1800.55, Decimal("1800.55")), (2000, Decimal("2000"))])
def test_amounts_typed_as_text_or_numbers(tmp_path, typed, amount):
    wb, rows = good_workbook(tmp_path)
    wb["Gred"][f"D{rows['Gred'][0]}"] = typed
    parsed = read_registers(save(wb, tmp_path))
    assert parsed.problems == () and parsed.grades[0].starting_salary == amount


def test_error_values_and_booleans_in_cells(tmp_path):
    wb, rows = good_workbook(tmp_path)
    p = rows["Premis"][0]
    wb["Premis"][f"F{p}"] = True
    wb["Premis"][f"G{p}"] = "#N/A"
    wb["Premis"][f"G{p}"].data_type = "e"
    parsed = read_registers(save(wb, tmp_path))
    assert [(x.cell, x.code) for x in parsed.problems] == [
        (f"F{p}", "IMPORT_WRONG_TYPE"), (f"G{p}", "IMPORT_CELL_ERROR")]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_file_saved_by_libreoffice_reads_the_same(tmp_path):
    source = good_file(tmp_path)
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
                    str(source)], check=True, capture_output=True, timeout=180)
    ours, theirs = read_registers(source), read_registers(out / source.name)
    assert theirs.problems == ()
    for sheet in ("premises", "grades", "staff", "posts", "vacancies"):
        assert getattr(theirs, sheet) == getattr(ours, sheet)
