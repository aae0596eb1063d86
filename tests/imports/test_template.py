"""The blank template: sheets, headers, drop-down lists, examples, and that it imports nothing."""

import openpyxl
import pytest

from desktop.imports.reader import read_registers
from desktop.imports.template import write_template
from desktop.rules import STATE_CODES
from desktop.rules.vacancy_enums import VacancyReason
from desktop.services.register_import import ImportRefused


@pytest.fixture
def template(tmp_path):
    return openpyxl.load_workbook(write_template(tmp_path / "sub" / "templat.xlsx"))


def test_sheets_in_order_with_the_lists_hidden(template):
    assert template.sheetnames == ["Panduan", "Premis", "Gred", "Pegawai", "Jawatan",
                                   "Kekosongan", "Senarai"]
    assert template["Senarai"].sheet_state == "hidden"
    assert template.active.title == "Panduan"


def test_malay_headers_on_row_1_frozen(template):
    expected = {
        "Premis": ["Bil.", "Kod", "Nama", "Jenis", "Negeri", "Daerah", "Alamat"],
        "Gred": ["Bil.", "Kod", "Nama", "Gaji Permulaan (RM)", "Berkuat Kuasa"],
        "Pegawai": ["Bil.", "Nama", "No. MyKad", "Gred", "Kelayakan", "Mula Berkhidmat",
                    "Tarikh Disahkan"],
        "Jawatan": ["Bil.", "Rujukan", "Kod Premis", "Gred", "No. MyKad Penyandang",
                    "Mula Menyandang"],
        "Kekosongan": ["Bil.", "Rujukan Jawatan", "Jenis", "Sebab", "Tarikh Kekosongan",
                       "Dijangka Kembali", "Catatan"],
    }
    for sheet, headers in expected.items():
        ws = template[sheet]
        assert [c.value for c in ws[1]] == headers
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.b


def _list_values(wb, formula: str) -> list[str]:
    sheet, cells = formula.split("!")
    ws = wb[sheet.strip("'")]
    return [row[0].value for row in ws[cells.replace("$", "")]]


def _validations(wb, sheet: str) -> dict[str, list[str]]:
    """Header of the validated column -> the values its drop-down offers."""
    ws = wb[sheet]
    headers = {c.column_letter: c.value for c in ws[1]}
    out = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list" and dv.showErrorMessage
        first = str(dv.sqref).split(":")[0]
        assert first[1:] == "2"  # from the first data row on
        out[headers[first[0]]] = _list_values(wb, dv.formula1)
    return out


def test_drop_down_lists(template):
    assert _validations(template, "Premis") == {"Jenis": ["TABIKA", "TASKA"],
                                                "Negeri": list(STATE_CODES)}
    assert _validations(template, "Pegawai") == {
        "Kelayakan": ["Bawah SPM", "SPM", "STPM", "Diploma", "Ijazah"]}
    lists = _validations(template, "Kekosongan")
    assert lists["Jenis"] == ["HAKIKI", "OPERASI"]
    # the 17 reasons of para 1 (9 hakiki, 8 operasi), by their Malay labels
    assert len(lists["Sebab"]) == 17 and "Penyandang bersara" in lists["Sebab"]
    assert lists["Sebab"] == [r.label_ms for r in VacancyReason]
    assert _validations(template, "Gred") == {}


def test_examples_are_grey_italic_and_marked_contoh(template):
    for sheet in ("Premis", "Gred", "Pegawai", "Jawatan", "Kekosongan"):
        ws = template[sheet]
        examples = [row for row in ws.iter_rows(min_row=2) if row[0].value is not None]
        assert examples, sheet
        for row in examples:
            assert row[0].value == "Contoh"
            assert row[1].font.i and row[1].font.color.rgb.endswith("808080")


def test_guide_explains_the_format(template):
    text = "\n".join(str(c.value) for row in template["Panduan"].iter_rows() for c in row
                     if c.value is not None)
    for needle in ("Contoh", "formula", "cantum", "dd/mm/yyyy", "Semua atau tiada",
                   "Helaian Kekosongan", "Rujukan Jawatan", "W.P. Labuan"):
        assert needle in text


def test_the_blank_template_imports_nothing(tmp_path):
    path = write_template(tmp_path / "kosong.xlsx")
    with pytest.raises(ImportRefused) as info:
        read_registers(path)
    assert [p.code for p in info.value.problems] == ["IMPORT_EMPTY"]
    assert "kosong.xlsx" in info.value.message()
