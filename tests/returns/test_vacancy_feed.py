"""The vacancy service's return feed (``open_vacancies_for_return``) maps onto VacancyLine and is
written as the Kekosongan sheet: the way the month close will use it."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from vacancies import factories as F
from vacancies.helpers import hakiki_form, open_, operasi_form

from desktop.returns import ReturnData, VacancyLine, read_return, write_return
from desktop.rules.enums import Method, PremisesKind
from desktop.services import vacancies as V
from desktop.services import workflow as W
from desktop.services.database import open_database
from desktop.services.unit import perform, read

from .conftest import meta

APRIL = date(2026, 4, 20)
TITLES = {"S17": "Pembantu Pendidik", "S27": "Pendidik"}  # the grades made below


@pytest.fixture
def db(tmp_path):
    database = open_database(str(tmp_path / "t.sqlite"))
    yield database
    database.dispose()


def line(r: V.ReturnVacancyRow) -> VacancyLine:
    # the feed names the grade, not the post's title; the month close will look that up
    return VacancyLine(r.premises_code, r.premises_name, r.premises_kind, TITLES[r.grade_code],
                       r.grade_code, r.kind, r.reason, r.opened_on, r.incumbent_name,
                       r.current_step_label, r.days_waiting, r.filled_method)


def test_the_feed_of_march_written_and_read_back(tmp_path, db):
    with db.session() as s:
        s17, s27 = F.grade(s, "S17", TITLES["S17"]), F.grade(s, "S27", TITLES["S27"])
        tabika = F.premises(s, PremisesKind.TABIKA, "Gombak", "TBK-001")
        taska = F.premises(s, PremisesKind.TASKA, "Klang", "TSK-001")
        rosnah = F.staff(s, "Rosnah binti Omar", s27)
        tabika_s17 = F.post(s, tabika, s17).id
        taska_s27 = F.post(s, taska, s27, incumbent=rosnah).id
    a = open_(db, hakiki_form(tabika_s17), today=APRIL)
    perform(db, W.record_step, a, "AD_APPROVAL_ASKED", date(2026, 1, 12), "R/1", today=APRIL)
    b = open_(db, operasi_form(taska_s27), today=APRIL)
    perform(db, V.mark_filled, b, Method.ACTING, date(2026, 2, 9), today=APRIL)

    rows = read(db, V.open_vacancies_for_return, 2026, 3)
    data = ReturnData(meta(), vacancies=[line(r) for r in rows])
    path = write_return(data, tmp_path / "mac.xlsx")

    ws = load_workbook(path)["Kekosongan"]
    first = [c.value for c in ws[2]]
    # a: hakiki since 5 January, waiting at 7.2 since 12 January: 19 + 28 + 31 = 78 days
    assert first[2] == rows[0].premises_name and first[2].startswith("Tabika Perpaduan Taman")
    assert first[:10] == [1, "TBK-001", first[2], "Tabika Perpaduan",
                          "Pembantu Pendidik", "S17", "Hakiki", "Penyandang bersara",
                          datetime(2026, 1, 5), None]
    assert first[10].startswith("7.2 ") and first[11] == 78 and first[12] is None
    second = [c.value for c in ws[3]]
    assert second[3] == "Taska PERMATA Perpaduan" and second[6] == "Operasi"
    assert second[7] == "Penyandang bercuti bersalin" and second[9] == "Rosnah binti Omar"
    assert second[12] == "Penanggungan kerja"
    assert [c.value for c in ws[4]][:2] == [2, "Jumlah"]
    back = read_return(path)
    assert back.verification.ok and back.data.vacancies == data.vacancies

