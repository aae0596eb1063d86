"""Importing registers through the services: a good file saves everything; any problem saves
nothing (every table and the audit log unchanged) and lists every bad row and cell in Malay."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.imports.reader import read_registers
from desktop.models import AuditRecord
from desktop.rules.enums import PremisesKind, Qualification, VacancyKind
from desktop.rules.vacancy_enums import VacancyReason, VacancyStatus
from desktop.services import grades as G
from desktop.services import posts as P
from desktop.services import premises as PR
from desktop.services import staff as S
from desktop.services import vacancies as V
from desktop.services.audit import verify_chain
from desktop.services.register_import import (
    ImportRefused,
    ImportSummary,
    import_registers,
    preview,
)
from desktop.services.unit import perform, read
from tests.imports.workbooks import AMIR, NURUL, SITI, good_file, good_workbook, save

# What the good file holds, counted by hand from tests/imports/workbooks.py
GOOD = ImportSummary(premises=2, grades=2, salaries=2, staff=3, posts=4, incumbents=3,
                     vacancies=2)


def do_import(db, path, **kw):
    return perform(db, import_registers, read_registers(path), actor="kerani", **kw).result


def refused_import(db, counts, path) -> list[str]:
    """Import ``path``, expect a refusal with nothing saved; the Malay lines of the refusal."""
    before = counts()
    parsed = read_registers(path)
    with pytest.raises(ImportRefused) as info:
        perform(db, import_registers, parsed)
    assert counts() == before
    lines = info.value.message().splitlines()
    assert lines == [p.message() for p in info.value.problems]
    # the preview finds the same problems, and saves nothing either
    result = read(db, preview, parsed)
    assert [p.message() for p in result.problems] == lines
    assert counts() == before
    return lines


def test_good_file_imports_every_register(db, tmp_path, counts):
    before = counts()
    assert do_import(db, good_file(tmp_path)) == GOOD
    after = counts()
    assert after["premises"] - before["premises"] == 2
    assert after["post_incumbency"] - before["post_incumbency"] == 3
    assert after["vacancy_step"] - before["vacancy_step"] == 2  # each opened at "identified"

    premises = read(db, PR.list_premises)
    assert [(p.code, p.kind, p.state, p.district) for p in premises] == [
        ("SGR-TBK-001", PremisesKind.TABIKA, "SGR", "Gombak"),
        ("SGR-TSK-002", PremisesKind.TASKA, "SGR", "Petaling")]
    assert premises[0].posts == 2 and premises[1].posts == 2

    grades = {g.code: g for g in read(db, G.list_grades, on=date(2024, 6, 1))}
    assert grades["S17"].starting_salary == Decimal("1800.00")
    assert grades["S27"].starting_salary == Decimal("2100.50")
    assert grades["S27"].salary_from == date(2024, 1, 1)

    staff = {s.mykad: s for s in read(db, S.list_staff)}
    assert set(staff) == {"850315105432", "920720086124", "010203145671"}
    amir = staff["010203145671"]
    assert (amir.name, amir.grade_code, amir.qualification, amir.birth_date,
            amir.service_start) == ("Amir bin Hassan", "S17", Qualification.BELOW_SPM,
                                    date(2001, 2, 3), date(2022, 1, 3))
    assert staff["850315105432"].confirmed_on == date(2018, 3, 1)
    assert staff["920720086124"].qualification is Qualification.DIPLOMA

    posts = read(db, P.list_posts)
    held = sorted((p.premises_code, p.grade_code, p.incumbent_name or "", p.incumbent_since)
                  for p in posts)
    assert held == [
        ("SGR-TBK-001", "S17", "Siti Aminah binti Ali", date(2015, 3, 1)),
        ("SGR-TBK-001", "S27", "Nurul Huda binti Osman", date(2016, 7, 1)),
        ("SGR-TSK-002", "S17", "", None),
        ("SGR-TSK-002", "S17", "Amir bin Hassan", date(2022, 1, 3))]

    vacancies = read(db, V.list_vacancies)
    assert [(v.premises_code, v.kind, v.reason, v.opened_on, v.expected_end, v.status,
             v.incumbent_name, v.notes) for v in vacancies] == [
        ("SGR-TSK-002", VacancyKind.HAKIKI, VacancyReason.RETIRED, date(2025, 2, 1), None,
         VacancyStatus.OPEN, "", "Bersara wajib"),
        ("SGR-TSK-002", VacancyKind.OPERASI, VacancyReason.COURSE, date(2025, 3, 1),
         date(2025, 6, 30), VacancyStatus.OPEN, "Amir bin Hassan", "")]
    vacant = next(p for p in posts if p.incumbent_id is None)
    assert vacancies[0].post_id == vacant.id


def test_import_is_audited_and_the_chain_holds(db, tmp_path):
    do_import(db, good_file(tmp_path, "daftar-pejabat.xlsx"))
    with db.session() as s:
        records = s.execute(select(AuditRecord).order_by(AuditRecord.id)).scalars().all()
        assert verify_chain(s) is None
    # every row went through its service's own audit, then one record for the file
    assert {r.actor for r in records} == {"kerani"}
    assert [r.entity for r in records].count("premises") == 2
    assert [r.entity for r in records].count("staff") >= 3
    last = records[-1]
    assert (last.action, last.entity) == ("import", "register_import")
    assert '"file":"daftar-pejabat.xlsx"' in last.after and '"vacancies":2' in last.after


def test_preview_of_a_good_file_saves_nothing(db, tmp_path, counts):
    before = counts()
    result = read(db, preview, read_registers(good_file(tmp_path)))
    assert result.ok and result.problems == () and result.summary == GOOD
    assert counts() == before
    assert GOOD.by_sheet() == {"Premis": 2, "Gred": 2, "Pegawai": 3, "Jawatan": 4,
                               "Kekosongan": 2}


def test_records_already_in_the_registers_are_referred_to(db, tmp_path, counts):
    perform(db, G.add_grade, G.GradeForm("S17", "Pembantu Pendidik"))
    perform(db, PR.add_premises, PR.PremisesForm("SGR-TBK-001", "Tabika Sedia Ada", "TABIKA",
                                                 "SGR"))
    wb, rows = good_workbook(tmp_path)
    wb["Premis"].delete_rows(rows["Premis"][0])
    wb["Gred"].delete_rows(rows["Gred"][0])
    summary = do_import(db, save(wb, tmp_path))
    assert (summary.premises, summary.grades, summary.staff, summary.posts) == (1, 1, 3, 4)


def test_duplicate_premises_code_within_the_file(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    first = rows["Premis"][0]
    again = wb["Premis"].max_row + 1
    wb["Premis"].append([3, " sgr-tbk-001 ", "Tabika Lain", "TABIKA", "SGR"])
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert lines == [f"Premis, baris {again}, Kod: Kod SGR-TBK-001 berulang dalam fail ini "
                     f"(juga di baris {first})."]


def test_duplicate_premises_code_against_the_database(db, tmp_path, counts):
    perform(db, PR.add_premises, PR.PremisesForm("SGR-TBK-001", "Tabika Sedia Ada", "TABIKA",
                                                 "SGR"))
    wb, rows = good_workbook(tmp_path)
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert lines == [f"Premis, baris {rows['Premis'][0]}, Kod: Kod premis SGR-TBK-001 telah "
                     "digunakan."]


def test_bad_mykad_is_named_once(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    s = rows["Pegawai"][0]
    wb["Pegawai"][f"C{s}"] = "850399-10-5432"
    wb["Jawatan"][f"E{rows['Jawatan'][0]}"] = "850399-10-5432"  # the post refers to the same
    lines = refused_import(db, counts, save(wb, tmp_path))
    # the refused officer is not reported again where the post names them
    assert lines == [f"Pegawai, baris {s}, No. MyKad: Tarikh lahir dalam No. MyKad (850399, "
                     "YYMMDD) tidak wujud."]


def test_duplicate_mykad_within_the_file_with_and_without_dashes(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    again = wb["Pegawai"].max_row + 1
    wb["Pegawai"].append([4, "Siti Lain", SITI.replace("-", ""), "S17", "SPM", "01/01/2020"])
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert lines == [f"Pegawai, baris {again}, No. MyKad: No. MyKad 850315105432 berulang "
                     f"dalam fail ini (juga di baris {rows['Pegawai'][0]})."]


def test_every_problem_of_every_sheet_listed_at_once(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    p1, p2 = rows["Premis"]
    g1 = rows["Gred"][0]
    s2 = rows["Pegawai"][1]
    j3, j4 = rows["Jawatan"][2:4]
    k1 = rows["Kekosongan"][0]
    wb["Premis"][f"E{p1}"] = "XYZ"  # unknown state
    wb["Premis"][f"D{p2}"] = "TADIKA"  # unknown kind
    wb["Gred"][f"D{g1}"] = "=1800*1"  # a formula
    wb["Pegawai"][f"E{s2}"] = "PhD"  # unknown qualification
    wb["Jawatan"][f"D{j3}"] = "S99"  # a grade that exists nowhere
    wb["Jawatan"][f"E{j4}"] = "900101-10-1235"  # an officer that exists nowhere
    wb["Kekosongan"][f"D{k1}"] = "Penyandang bercuti"  # an operasi reason on a hakiki vacancy
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert lines == [
        f"Premis, baris {p1}, Negeri: Negeri 'XYZ' tidak dikenali.",
        f"Premis, baris {p2}, Jenis: Jenis premis mesti Tabika atau Taska.",
        f"Gred, baris {g1}, Gaji Permulaan (RM): Formula '=1800*1' tidak dibenarkan; taip "
        "nilainya sahaja (formula tidak dikira).",
        f"Pegawai, baris {s2}, Kelayakan: Kelayakan akademik 'PhD' tidak dikenali (Bawah SPM, "
        "SPM, STPM, Diploma, Ijazah).",
        f"Jawatan, baris {j3}, Gred: Kod gred S99 tiada dalam helaian Gred mahupun dalam daftar.",
        f"Jawatan, baris {j4}, No. MyKad Penyandang: Pegawai dengan No. MyKad 900101-10-1235 "
        "tiada dalam helaian Pegawai mahupun dalam daftar.",
        f"Kekosongan, baris {k1}, Sebab: Sebab 'Penyandang bercuti' bukan sebab kekosongan "
        "hakiki. (perenggan 1)",
    ]


def test_problems_carry_sheet_row_column_and_cell(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    p1 = rows["Premis"][0]
    wb["Premis"][f"E{p1}"] = "XYZ"
    parsed = read_registers(save(wb, tmp_path))
    with pytest.raises(ImportRefused) as info:
        perform(db, import_registers, parsed)
    (problem,) = info.value.problems
    assert (problem.sheet, problem.row, problem.column, problem.cell, problem.code) == (
        "Premis", p1, "Negeri", f"E{p1}", "INVALID_INPUT")
    assert problem.message("en") == f"Premis, row {p1}, Negeri: Unknown state 'XYZ'."
    (violation,) = info.value.violations
    assert violation.field == "Negeri"


def test_refused_premises_are_not_reported_again_by_posts_and_vacancies(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    p2 = rows["Premis"][1]
    wb["Premis"][f"C{p2}"] = None  # SGR-TSK-002 has no name: refused
    lines = refused_import(db, counts, save(wb, tmp_path))
    # its posts (J3, J4) and their vacancies cannot be checked; they are not reported
    assert lines == [f"Premis, baris {p2}, Nama: Nama premis wajib diisi."]


def test_vacancy_of_an_unknown_post_reference(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    k2 = rows["Kekosongan"][1]
    wb["Kekosongan"][f"B{k2}"] = "J9"
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert lines == [f"Kekosongan, baris {k2}, Rujukan Jawatan: Rujukan jawatan J9 tiada dalam "
                     "helaian Jawatan."]


def test_the_services_own_rules_hold(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    j1, j2 = rows["Jawatan"][:2]
    k2 = rows["Kekosongan"][1]
    wb["Jawatan"][f"E{j2}"] = SITI  # Siti would hold two posts
    wb["Jawatan"][f"F{j1}"] = "01/01/2010"  # before Siti's service start (01/03/2015)
    wb["Kekosongan"][f"F{k2}"] = "01/01/2025"  # expected back before the vacancy opened
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert lines == [
        f"Jawatan, baris {j1}, Mula Menyandang: Tarikh mula menyandang mesti pada atau selepas "
        "tarikh mula berkhidmat Siti Aminah binti Ali (01/03/2015).",
        f"Kekosongan, baris {k2}, Dijangka Kembali: Tarikh penyandang dijangka kembali tidak "
        "boleh sebelum tarikh kekosongan.",
    ]


def test_incumbent_and_start_date_go_together(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    j1, j3 = rows["Jawatan"][0], rows["Jawatan"][2]
    wb["Jawatan"][f"F{j1}"] = None
    wb["Jawatan"][f"F{j3}"] = "01/01/2020"
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert lines == [
        f"Jawatan, baris {j1}, Mula Menyandang: Tarikh mula menyandang wajib diisi bagi "
        "jawatan yang disandang.",
        f"Jawatan, baris {j3}, No. MyKad Penyandang: No. MyKad penyandang wajib diisi apabila "
        "tarikh mula menyandang diisi.",
    ]


def test_salary_and_its_date_go_together(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    g2 = rows["Gred"][1]
    wb["Gred"][f"E{g2}"] = None
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert lines == [f"Gred, baris {g2}, Berkuat Kuasa: Berkuat Kuasa wajib diisi bersama Gaji "
                     "Permulaan (RM)."]


def test_salary_of_a_refused_grade_is_still_checked(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    g1 = rows["Gred"][0]
    wb["Gred"][f"C{g1}"] = None  # no title: the grade is refused
    wb["Gred"][f"D{g1}"] = "-5"
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert lines == [f"Gred, baris {g1}, Nama: Nama gred wajib diisi.",
                     f"Gred, baris {g1}, Gaji Permulaan (RM): Gaji permulaan mesti lebih "
                     "daripada RM0.00."]


def test_wrong_headers_save_nothing(db, tmp_path, counts):
    wb, _rows = good_workbook(tmp_path)
    wb["Pegawai"]["C1"] = "No. KP"
    lines = refused_import(db, counts, save(wb, tmp_path))
    (line,) = lines  # the other sheets' references into it are not guessed at
    assert line.startswith("Pegawai: Tajuk lajur pada baris 1 tidak sepadan dengan templat: "
                           "tiada lajur No. MyKad; lajur tidak dikenali No. KP.")


def test_merged_cells_save_nothing(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    wb["Premis"].merge_cells(f"F{rows['Premis'][0]}:G{rows['Premis'][0]}")
    (line,) = refused_import(db, counts, save(wb, tmp_path))
    assert line.startswith("Premis: Sel bercantum tidak dibenarkan")


def test_formulas_save_nothing(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    p1 = rows["Premis"][0]
    wb["Premis"][f"B{p1}"] = "=1+1"
    wb["Premis"][f"C{rows['Premis'][1]}"] = '=HYPERLINK("http://example.invalid","Klik")'
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert len(lines) == 2 and all("Formula '=" in line for line in lines)
    assert lines[0].startswith(f"Premis, baris {p1}, Kod: Formula '=1+1'")


def test_text_in_a_number_cell_saves_nothing(db, tmp_path, counts):
    wb, rows = good_workbook(tmp_path)
    g1 = rows["Gred"][0]
    wb["Gred"][f"D{g1}"] = "seribu lapan ratus"
    lines = refused_import(db, counts, save(wb, tmp_path))
    assert lines == [f"Gred, baris {g1}, Gaji Permulaan (RM): 'seribu lapan ratus' bukan "
                     "nombor; taip amaun dalam angka, contohnya 1800.00."]


def test_vacancy_dates_are_checked_against_the_given_today(db, tmp_path, counts):
    # 01/02/2025 is more than a year after 2024-01-31: "akan kosong" that far is a typo
    before = counts()
    parsed = read_registers(good_file(tmp_path))
    with pytest.raises(ImportRefused) as info:
        perform(db, import_registers, parsed, today=date(2024, 1, 31))
    assert counts() == before
    assert [p.code for p in info.value.problems] == ["FUTURE_DATE", "FUTURE_DATE"]
    assert perform(db, import_registers, parsed, today=date(2025, 3, 1)).result == GOOD


def test_unused_mykads_of_the_fixture_are_valid():
    from desktop.rules.mykad import parse_mykad

    for number in (SITI, NURUL, AMIR):
        assert parse_mykad(number).born_in_malaysia


def test_a_clash_with_another_user_saves_nothing(db, tmp_path, counts, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    from desktop.services import register_import

    def clash(ctx, form):
        raise IntegrityError("INSERT INTO premises", {}, Exception("unique"))

    monkeypatch.setattr(register_import, "add_premises", clash)
    before = counts()
    with pytest.raises(ImportRefused) as info:
        do_import(db, good_file(tmp_path))
    assert counts() == before
    assert [p.code for p in info.value.problems] == ["CONFLICT"]
    assert info.value.message() == ("Daftar baru sahaja dikemas kini oleh pengguna lain; cuba "
                                    "import semula.")


def test_progress_counts_every_row_of_every_sheet(db, tmp_path):
    parsed = read_registers(good_file(tmp_path))
    rows = sum(len(r) for r in (parsed.premises, parsed.grades, parsed.staff, parsed.posts,
                                parsed.vacancies))
    seen = []
    perform(db, import_registers, parsed, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, rows) for n in range(1, rows + 1)]


@pytest.mark.parametrize("after_rows", [0, 3])
def test_a_cancelled_import_saves_nothing(db, tmp_path, counts, after_rows):
    """Batal in the progress dialog: the import stops at the next row, and its one
    transaction rolls back whatever rows were already added."""
    parsed = read_registers(good_file(tmp_path))
    before = counts()
    done = []
    with pytest.raises(ImportRefused) as info:
        perform(db, import_registers, parsed, progress=lambda n, _t: done.append(n),
                cancelled=lambda: len(done) >= after_rows)
    assert [p.code for p in info.value.problems] == ["IMPORT_CANCELLED"]
    assert "dibatalkan" in info.value.message()
    assert len(done) == after_rows
    assert counts() == before
