"""Vacancy reasons follow the circular's two definitions (para 1), each of one kind."""

import pytest

from desktop.rules.enums import VacancyKind
from desktop.rules.vacancy_enums import (
    LIVE_STATUSES,
    CandidateStatus,
    VacancyReason,
    VacancyStatus,
    date_ms,
    reasons_for,
)


def test_hakiki_reasons_are_the_nine_of_the_definition():
    # "baru diwujudkan ... dinaikkan pangkat, bersara, meninggal dunia, meletak jawatan,
    # dibuang kerja, ditamatkan perkhidmatan, dilantik ke Skim Perkhidmatan lain atau bertukar"
    assert [r.value for r in reasons_for(VacancyKind.HAKIKI)] == [
        "NEW_POST", "PROMOTED", "RETIRED", "DIED", "RESIGNED", "DISMISSED", "TERMINATED",
        "OTHER_SCHEME", "TRANSFERRED"]


def test_operasi_reasons_include_maternity_leave():
    reasons = reasons_for("OPERASI")
    assert VacancyReason.MATERNITY_LEAVE in reasons and VacancyReason.ON_LEAVE in reasons
    assert len(reasons) == 8
    assert not set(reasons) & set(reasons_for("HAKIKI"))


@pytest.mark.parametrize("reason", list(VacancyReason))
def test_every_reason_has_labels_and_fits_the_column(reason):
    assert reason.label_ms and reason.label_en and len(reason.value) <= 20
    assert reason.label_ms.startswith(("Penyandang", "Jawatan"))


def test_unknown_kind_is_a_value_error_for_the_service_to_catch():
    with pytest.raises(ValueError):
        reasons_for("SEMENTARA")


def test_live_statuses_and_labels():
    assert LIVE_STATUSES == (VacancyStatus.OPEN, VacancyStatus.FILLED)
    assert not VacancyStatus.CLOSED.is_live
    assert VacancyStatus.CLOSED.label_ms == "Ditutup"
    assert CandidateStatus.SIMPANAN.label_ms == "Calon simpanan"
    assert not CandidateStatus.LUAR.ranked and CandidateStatus.BERJAYA.ranked


def test_date_in_malay_like_the_circular():
    from datetime import date
    assert date_ms(date(2016, 6, 16)) == "16 Jun 2016"
    assert date_ms(date(2026, 8, 1)) == "1 Ogos 2026"
