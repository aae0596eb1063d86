"""The plain data a return takes: labels, and wrong values refused before anything is written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from desktop.returns import ClaimLine, ReturnData, VacancyLine, write_return
from desktop.rules import Refused
from desktop.rules.enums import Method, PremisesKind, Qualification, VacancyKind

from .conftest import claim_lines, meta, psh_lines, sample, vacancy_lines


def test_enums_become_their_malay_labels():
    line = vacancy_lines()[1]
    assert (line.premises_kind, line.vacancy_kind, line.reason, line.filling_method) == (
        "Taska PERMATA Perpaduan", "Operasi", "Penyandang bercuti bersalin",
        "Penanggungan kerja")
    # the stored values ("TASKA", "HAKIKI", "PSH") are accepted too
    assert vacancy_lines()[2].premises_kind == PremisesKind.TASKA.label_ms
    assert vacancy_lines()[2].filling_method == "Pekerja Sambilan Harian (PSH)"
    p = psh_lines()
    assert p[0].qualification == "SPM" and p[2].qualification == "Diploma"
    assert replace(p[0], qualification=Qualification.BELOW_SPM).qualification == "Bawah SPM"
    assert replace(p[0], vacancy_kind=VacancyKind.OPERASI).vacancy_kind == "Operasi"
    assert replace(vacancy_lines()[0], filling_method=Method.GANTIAN).filling_method == \
        "Pegawai gantian"


def test_text_is_made_safe_for_the_file():
    line = replace(claim_lines()[0], purpose="Kursus\r\nhari 1\x07\x00")
    assert line.purpose == "Kursus\nhari 1"  # CR as LF (XML would), control characters dropped


@pytest.mark.parametrize("field, value, words", [
    ("gross", 1100.0, "amaun mesti Decimal atau int"),  # a float has already lost its sen
    ("gross", Decimal("-1.00"), "tidak negatif"),
    ("net", Decimal("971.655"), "tepat ke sen"),
    ("gross", "1100", "amaun mesti"),
    ("paid_days", 20.0, "nombor bulat"),
    ("paid_days", True, "nombor bulat"),
    ("absent_days", -1, "nombor bulat"),
    ("start", "2026-03-02", "mesti tarikh"),
    ("mykad", 900101105001, "mesti teks"),  # a number would lose leading zeros
])
def test_wrong_values_are_refused_naming_line_and_field(field, value, words):
    with pytest.raises(Refused) as info:
        replace(psh_lines()[0], **{field: value})
    v = info.value.violations[0]
    assert v.code == "RETURN_INVALID_DATA" and v.field == field
    assert "PSH 'Nur Aisyah binti Ahmad'" in v.message_ms and words in v.message_ms


def test_every_wrong_field_is_listed_at_once():
    with pytest.raises(Refused) as info:
        replace(claim_lines()[0], hours=-1, km=1.5, amount=None)
    assert [v.field for v in info.value.violations] == ["hours", "km", "amount"]


def test_optional_fields():
    line = VacancyLine("TBK-9", "Tabika", "TABIKA", "Pembantu", "S17", "HAKIKI", "RETIRED",
                       datetime(2026, 1, 5, 0, 0), None, None, None, None)
    assert line.opened_on == date(2026, 1, 5) and line.incumbent == "" and line.days_waiting is None
    with pytest.raises(Refused):
        replace(line, opened_on=None)  # the day the vacancy arose is required


@pytest.mark.parametrize("change, field", [
    (dict(state="XX"), "state"), (dict(month=13), "month"), (dict(version=0), "version"),
    (dict(office_code=" "), "office_code"),
    (dict(generated_at=datetime(2026, 4, 2, tzinfo=timezone.utc)), "generated_at"),
    (dict(generated_at=date(2026, 4, 2)), "generated_at"),
])
def test_meta_is_checked(change, field):
    with pytest.raises(Refused) as info:
        replace(meta(), **change)
    assert [v.field for v in info.value.violations] == [field]


def test_return_data_takes_only_its_own_lines():
    with pytest.raises(Refused) as info:
        ReturnData(meta(), psh=[claim_lines()[0]])
    assert "mesti PshLine" in info.value.violations[0].message_ms
    d = ReturnData(meta(), claims=[ClaimLine("A", "1", "P", date(2026, 3, 1), "x", 1, 1, 0, 5)])
    assert d.claims[0].amount == Decimal("5.00") and d.psh == ()


def test_totals_by_hand():
    d = sample()
    assert d.psh_gross == Decimal("2925.00") and d.psh_net == Decimal("2579.35")
    assert d.employer_contributions == Decimal("440.55")
    assert d.acting_allowance == Decimal("964.76") and d.gantian_honorarium == Decimal("1120.00")
    assert d.claims_amount == Decimal("150.00") and d.total_cost == Decimal("5600.31")
    assert d.vacancies_by_kind() == {"Hakiki": 2, "Operasi": 1}


def test_an_unwritable_place_is_refused_in_malay(tmp_path, data):
    with pytest.raises(Refused) as info:
        write_return(data, tmp_path / "tiada" / "SGR.xlsx")
    v = info.value.violations[0]
    assert v.code == "RETURN_WRITE_FAILED" and "tidak dapat ditulis" in v.message_ms
    assert "SGR.xlsx" in v.message_ms
