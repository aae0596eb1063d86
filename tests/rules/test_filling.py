"""Which methods may fill a vacancy: DESIGN.md's table, paras 7.4 and 8.2 of the circular."""

from datetime import date

import pytest

from desktop.rules.enums import Method, PremisesKind, VacancyKind
from desktop.rules.filling import (
    allowed_methods,
    check_method,
    method_notes,
    normalise_grade,
    taska_grades,
)
from desktop.rules.violations import ERROR, WARNING, Refused

ALL = {"PSH", "ACTING", "GANTIAN"}

# DESIGN.md "Which methods may fill a vacancy", row by row
TABLE = [
    ("TABIKA", "HAKIKI", "S17", ALL), ("TABIKA", "HAKIKI", "S27", ALL),
    ("TABIKA", "HAKIKI", "N19", ALL), ("TASKA", "HAKIKI", "S17", ALL),
    ("TASKA", "HAKIKI", "S27", ALL), ("TASKA", "HAKIKI", "N19", ALL),
    ("TABIKA", "OPERASI", "S17", ALL), ("TABIKA", "OPERASI", "S27", ALL),
    ("TABIKA", "OPERASI", "DG41", ALL),
    ("TASKA", "OPERASI", "S17", ALL),
    ("TASKA", "OPERASI", "S27", {"ACTING"}),
    ("TASKA", "OPERASI", "N19", {"ACTING", "GANTIAN"}),
    ("TASKA", "OPERASI", "S19", {"ACTING", "GANTIAN"}),
]


@pytest.mark.parametrize("premises, vacancy, grade, methods", TABLE)
def test_allowed_methods_table(premises, vacancy, grade, methods):
    result = allowed_methods(premises, vacancy, grade)
    assert result == frozenset(methods)
    assert isinstance(result, frozenset) and all(type(m) is str for m in result)
    # enums and loose spellings give the same answer
    assert allowed_methods(PremisesKind(premises), VacancyKind(vacancy), grade) == result
    assert allowed_methods(premises.lower(), f" {vacancy.title()} ", f"gred {grade.lower()}") \
        == result


@pytest.mark.parametrize("premises, vacancy, grade, methods", TABLE)
def test_check_method_agrees_with_the_table(premises, vacancy, grade, methods):
    for method in ALL:
        problems = check_method(premises, vacancy, grade, method)
        assert (problems == []) == (method in methods), (method, problems)
        assert all(p.severity == ERROR for p in problems)


def test_taska_operasi_psh_only_for_pembantu_pendidik_8_2_a():
    problems = check_method(PremisesKind.TASKA, VacancyKind.OPERASI, "N19", Method.PSH)
    assert [p.code for p in problems] == ["FILL_TASKA_PSH_S17_ONLY"]
    assert problems[0].paragraph == "8.2(a)" and problems[0].field == "method"
    assert "S17" in problems[0].message_ms and "N19" in problems[0].message_ms
    assert "Taska" in problems[0].message_ms


@pytest.mark.parametrize("method", ["PSH", "GANTIAN"])
def test_taska_operasi_pendidik_acting_only_8_2_b(method):
    problems = check_method("TASKA", "OPERASI", "S27", method)
    assert [p.code for p in problems] == ["FILL_TASKA_PENDIDIK_ACTING_ONLY"]
    assert problems[0].paragraph == "8.2(b)"
    assert check_method("TASKA", "OPERASI", "S27", "ACTING") == []


def test_hakiki_psh_needs_the_interview_report_7_4_b():
    problems = check_method("TABIKA", "HAKIKI", "S17", "PSH", interview_report_done=False)
    assert [p.code for p in problems] == ["FILL_HAKIKI_PSH_BEFORE_INTERVIEW_REPORT"]
    assert problems[0].paragraph == "7.4(b)" and problems[0].severity == ERROR
    assert check_method("TABIKA", "HAKIKI", "S17", "PSH", interview_report_done=True) == []
    # an operasi vacancy has no interview report step
    assert check_method("TABIKA", "OPERASI", "S17", "PSH", interview_report_done=False) == []


def test_hakiki_acting_while_psh_candidates_remain_is_a_warning_7_4_c():
    problems = check_method("TASKA", "HAKIKI", "S27", "ACTING", psh_candidates_left=True)
    assert [p.code for p in problems] == ["FILL_HAKIKI_ACTING_PSH_AVAILABLE"]
    assert problems[0].paragraph == "7.4(c)" and problems[0].severity == WARNING
    assert check_method("TASKA", "HAKIKI", "S27", "ACTING", psh_candidates_left=False) == []
    assert check_method("TASKA", "OPERASI", "S27", "ACTING", psh_candidates_left=True) == []


def test_method_notes_cite_the_conditions():
    hakiki = method_notes("TABIKA", "HAKIKI", "S17")
    assert set(hakiki) == ALL
    assert "simpanan" in hakiki["PSH"] and "Laporan Temuduga" in hakiki["PSH"]
    assert "7.4(b)" in hakiki["PSH"]
    assert "tidak mencukupi" in hakiki["ACTING"] and "7.4(c)" in hakiki["ACTING"]
    assert "7.4(d)" in hakiki["GANTIAN"]
    operasi = method_notes("TABIKA", "OPERASI", "S17")
    assert "simpanan yang masih ada dahulu" in operasi["PSH"] and "luar" in operasi["PSH"]
    assert "8.2(a)" in operasi["PSH"]
    assert "8.2(b)" in operasi["ACTING"] and "8.2(c)" in operasi["GANTIAN"]
    taska = method_notes("TASKA", "OPERASI", "S17")
    assert "Pembantu Pendidik" in taska["PSH"]
    pendidik = method_notes("TASKA", "OPERASI", "S27")
    assert set(pendidik) == {"ACTING"} and "8.2(b)" in pendidik["ACTING"]
    assert set(method_notes("TASKA", "OPERASI", "N19")) == {"ACTING", "GANTIAN"}
    english = method_notes("TABIKA", "HAKIKI", "S17", lang="en")
    assert "reserve" in english["PSH"] and "interview report" in english["PSH"]


@pytest.mark.parametrize("grade, expected", [
    ("S17", "S17"), ("s17", "S17"), (" S 17 ", "S17"), ("Gred S27", "S27"), ("gred s27", "S27"),
    ("DG41", "DG41"), ("N19", "N19"), ("KP19", "KP19"),
])
def test_grade_spellings(grade, expected):
    assert normalise_grade(grade) == expected


@pytest.mark.parametrize("grade", ["", None, 17, "17", "S", "S170", "Pembantu Pendidik",
                                   "S17/S19", "ABCD1"])
def test_bad_grade_refused(grade):
    with pytest.raises(Refused) as exc:
        allowed_methods("TASKA", "OPERASI", grade)
    assert [v.code for v in exc.value.violations] == ["INVALID_GRADE"]
    assert exc.value.fields == ("grade",)


@pytest.mark.parametrize("args, code, field", [
    (("TADIKA", "HAKIKI", "S17"), "UNKNOWN_PREMISES_KIND", "premises_kind"),
    ((None, "HAKIKI", "S17"), "UNKNOWN_PREMISES_KIND", "premises_kind"),
    (("TASKA", "SEMENTARA", "S17"), "UNKNOWN_VACANCY_KIND", "vacancy_kind"),
    (("TASKA", 1, "S17"), "UNKNOWN_VACANCY_KIND", "vacancy_kind"),
])
def test_unknown_kind_refused(args, code, field):
    with pytest.raises(Refused) as exc:
        allowed_methods(*args)
    assert [v.code for v in exc.value.violations] == [code]
    assert exc.value.fields == (field,)
    with pytest.raises(Refused):
        method_notes(*args)


def test_unknown_method_refused():
    with pytest.raises(Refused) as exc:
        check_method("TASKA", "OPERASI", "S17", "KONTRAK")
    assert [v.code for v in exc.value.violations] == ["UNKNOWN_METHOD"]
    assert exc.value.fields == ("method",)


# -- the grade lists are dated data -----------------------------------------------------------

def test_shipped_grade_lists():
    assert taska_grades(date(2026, 1, 1)) == (frozenset({"S17"}), frozenset({"S27"}))


def test_grade_lists_follow_the_row_in_force(rates_dir):
    with (rates_dir / "filling.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[[table]]\neffective_from = 2030-01-01\n'
                 'pembantu_pendidik = ["S19"]\npendidik = ["S29", "s 27"]\n')
    before, after = date(2029, 12, 31), date(2030, 1, 1)
    assert allowed_methods("TASKA", "OPERASI", "S17", on=before) == frozenset(ALL)
    assert allowed_methods("TASKA", "OPERASI", "S17", on=after) == {"ACTING", "GANTIAN"}
    assert allowed_methods("TASKA", "OPERASI", "S19", on=after) == frozenset(ALL)
    assert allowed_methods("TASKA", "OPERASI", "S29", on=after) == {"ACTING"}
    assert allowed_methods("TASKA", "OPERASI", "S27", on=after) == {"ACTING"}
    problems = check_method("TASKA", "OPERASI", "S17", "PSH", on=after)
    assert "S19" in problems[0].message_ms


def test_no_grade_list_before_the_circular():
    with pytest.raises(Refused) as exc:
        allowed_methods("TASKA", "OPERASI", "S17", on=date(2016, 6, 15))
    assert [v.code for v in exc.value.violations] == ["RATE_NOT_IN_FORCE"]


@pytest.mark.parametrize("content, code", [
    ('[[table]]\neffective_from = 2016-06-16\npembantu_pendidik = "S17"\npendidik = ["S27"]\n',
     "RATE_TABLE_INVALID"),
    ('[[table]]\neffective_from = 2016-06-16\npembantu_pendidik = ["S 1 7 X"]\npendidik = []\n',
     "RATE_TABLE_INVALID"),
    ('[[table]]\neffective_from = 2016-06-16\npembantu_pendidik = ["S17"]\n', "RATE_TABLE_INVALID"),
    ('[[table]]\neffective_from = "16/06/2016"\npembantu_pendidik = ["S17"]\npendidik = []\n',
     "RATE_TABLE_INVALID"),
    ('[[table]\n', "RATE_TABLE_INVALID"),
    ('title = "senarai gred"\n', "RATE_TABLE_EMPTY"),
])
def test_broken_grade_table_refused(rates_dir, content, code):
    (rates_dir / "filling.toml").write_text(content, encoding="utf-8")
    with pytest.raises(Refused) as exc:
        allowed_methods("TASKA", "OPERASI", "S17", on=date(2026, 1, 1))
    assert [v.code for v in exc.value.violations] == [code]


def test_missing_table_refused(rates_dir):
    (rates_dir / "filling.toml").unlink()
    with pytest.raises(Refused) as exc:
        allowed_methods("TASKA", "OPERASI", "S17", on=date(2026, 1, 1))
    assert [v.code for v in exc.value.violations] == ["RATE_TABLE_MISSING"]
