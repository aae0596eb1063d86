"""The monthly return feed, the dashboard counts and the alert lists."""

from datetime import date

import pytest

from desktop.rules import Refused
from desktop.rules.enums import Method, PremisesKind, VacancyKind
from desktop.rules.vacancy_enums import VacancyReason, VacancyStatus
from desktop.services import vacancies as V
from desktop.services import workflow as W
from desktop.services.unit import perform, read

from . import factories as F
from .helpers import hakiki_form, open_, operasi_form

APRIL = date(2026, 4, 20)
MARCH = date(2026, 3, 16)


def _office(db):
    """Posts: Tabika S17 in Gombak (vacant), Taska S27 in Klang (held), Taska S17 in Klang."""
    with db.session() as s:
        s17 = F.grade(s, "S17", "Pembantu Pendidik")
        s27 = F.grade(s, "S27", "Pendidik")
        tabika = F.premises(s, PremisesKind.TABIKA, "Gombak", "TBK-001")
        taska = F.premises(s, PremisesKind.TASKA, "Klang", "TSK-001")
        rosnah = F.staff(s, "Rosnah binti Omar", s27)
        return dict(tabika_s17=F.post(s, tabika, s17).id,
                    taska_s27=F.post(s, taska, s27, incumbent=rosnah).id,
                    taska_s17=F.post(s, taska, s17).id,
                    taska_s17b=F.post(s, taska, s17).id)


# ------------------------------------------------------------------ return feed

@pytest.fixture
def months(db):
    p = _office(db)
    a = open_(db, hakiki_form(p["tabika_s17"]), today=APRIL)
    perform(db, W.record_step, a, "AD_APPROVAL_ASKED", date(2026, 1, 12), "R/1", today=APRIL)
    perform(db, W.record_step, a, "INTERVIEW_APPROVAL_ASKED", date(2026, 4, 2), "R/2", today=APRIL)
    perform(db, V.mark_filled, a, "GANTIAN", date(2026, 4, 2), today=APRIL)
    b = open_(db, operasi_form(p["taska_s27"]), today=APRIL)
    perform(db, V.mark_filled, b, Method.ACTING, date(2026, 2, 9), today=APRIL)
    c = open_(db, hakiki_form(p["taska_s17"], opened_on=date(2026, 2, 2)), today=APRIL)
    perform(db, V.close_vacancy, c, date(2026, 3, 10), "Diisi secara kontrak", today=APRIL)
    d = open_(db, hakiki_form(p["taska_s17b"], opened_on=date(2026, 4, 1)), today=APRIL)
    return a, b, c, d


def test_return_lists_what_was_live_on_the_last_day_of_the_month(db, months):
    a, b, c, d = months
    rows = read(db, V.open_vacancies_for_return, 2026, 3)
    assert [r.vacancy_id for r in rows] == [a, b]  # c closed on 10 March, d arose in April
    ra, rb = rows
    # as of 31 March: a waits at 7.2 since 12 January (19 + 28 + 31 days), not yet filled
    assert (ra.premises_kind, ra.grade_code, ra.kind, ra.reason) == (
        PremisesKind.TABIKA, "S17", VacancyKind.HAKIKI, VacancyReason.RETIRED)
    assert (ra.current_step_code, ra.step_since, ra.days_waiting) == (
        "AD_APPROVAL_ASKED", date(2026, 1, 12), 78)
    assert ra.current_step_label.startswith("7.2 ")
    assert (ra.status, ra.filled_method, ra.filled_method_label) == (VacancyStatus.OPEN, None, "")
    # b: operasi at Taska S27, incumbent away, covered by acting since 9 February
    assert (rb.premises_kind, rb.grade_code, rb.kind, rb.incumbent_name) == (
        PremisesKind.TASKA, "S27", VacancyKind.OPERASI, "Rosnah binti Omar")
    assert (rb.status, rb.filled_method, rb.filled_method_label) == (
        VacancyStatus.FILLED, Method.ACTING, "Penanggungan kerja")
    assert (rb.current_step_code, rb.days_waiting) == ("IDENTIFIED", 57)  # 2 Feb -> 31 Mar
    assert rb.reason_label == "Penyandang bercuti bersalin" and rb.expected_end == date(2026, 5, 31)


def test_return_of_other_months(db, months):
    a, b, c, d = months
    # ordered by premises code, then grade: TSK-001's S17 before its S27
    assert [r.vacancy_id for r in read(db, V.open_vacancies_for_return, 2026, 2)] == [a, c, b]
    april = read(db, V.open_vacancies_for_return, 2026, 4)
    assert [r.vacancy_id for r in april] == [a, d, b]
    assert (april[0].current_step_code, april[0].filled_method) == ("INTERVIEW_APPROVAL_ASKED",
                                                                    Method.GANTIAN)
    assert read(db, V.open_vacancies_for_return, 2025, 12) == []


@pytest.mark.parametrize("year, month", [(2026, 13), (2026, 0), ("2026", 3)])
def test_return_of_a_month_that_does_not_exist(db, year, month):
    with pytest.raises(Refused) as info:
        read(db, V.open_vacancies_for_return, year, month)
    assert info.value.violations[0].code == "INVALID_MONTH"


# ------------------------------------------------------------------ dashboard

def test_dashboard_counts_and_waiting(db):
    p = _office(db)
    v1 = open_(db, hakiki_form(p["tabika_s17"]), today=MARCH)  # waits since 5 Jan: 70 days
    v2 = open_(db, hakiki_form(p["taska_s17"], opened_on=date(2026, 2, 2)), today=MARCH)
    perform(db, W.record_step, v2, "AD_APPROVAL_ASKED", date(2026, 2, 10), "R/1", today=MARCH)
    v3 = open_(db, operasi_form(p["taska_s27"], identified_on=date(2026, 2, 1)), today=MARCH)
    perform(db, V.mark_filled, v3, "ACTING", date(2026, 2, 9), today=MARCH)
    v4 = open_(db, hakiki_form(p["taska_s17b"]), today=MARCH)
    perform(db, V.close_vacancy, v4, date(2026, 3, 1), "Diisi", today=MARCH)

    d = read(db, V.dashboard_summary, MARCH)
    assert d.total == 3
    # waits: v1 70 (5 Jan), v2 34 (10 Feb), v3 43 (1 Feb)
    assert [r.id for r in d.rows] == [v1, v3, v2]
    assert [r.days_waiting for r in d.rows] == [70, 43, 34]
    kinds = {w.key: (w.count, w.longest_days, w.mean_days) for w in d.by_kind}
    assert kinds == {"HAKIKI": (2, 70, 52), "OPERASI": (1, 43, 43)}
    # Taska: 34 and 43 days, mean 38.5 rounded half up
    pk = {w.key: (w.count, w.longest_days, w.mean_days) for w in d.by_premises_kind}
    assert pk == {"TABIKA": (1, 70, 70), "TASKA": (2, 43, 39)}
    assert {w.key: w.count for w in d.by_status} == {"OPEN": 2, "FILLED": 1}
    steps = {w.key: w.count for w in d.by_step}
    assert len(d.by_step) == 6 + 3
    assert steps["HAKIKI:IDENTIFIED"] == 1 and steps["HAKIKI:AD_APPROVAL_ASKED"] == 1
    assert steps["OPERASI:IDENTIFIED"] == 1 and sum(steps.values()) == 3
    assert d.by_step[1].label_ms.startswith("7.2 ")
    assert [(w.key, w.count, w.mean_days) for w in d.by_district] == [("Gombak", 1, 70),
                                                                      ("Klang", 2, 39)]


def test_empty_dashboard(db):
    d = read(db, V.dashboard_summary, MARCH)
    assert d.total == 0 and d.rows == () and d.by_district == ()
    assert all(w.count == 0 and w.longest_days == 0 for w in d.by_step)


# ------------------------------------------------------------------ alerts

def test_alerts_incumbent_back_and_providers(db):
    posts = []
    for i in range(6):
        posts.append(F.held_post(db, name=f"Penyandang {i}")[0])
    ends = [date(2026, 3, 20), date(2026, 3, 30), date(2026, 3, 31), date(2026, 3, 10), None]
    ids = [open_(db, operasi_form(posts[i], opened_on=date(2026, 2, 2), expected_end=e),
                 today=MARCH) for i, e in enumerate(ends)]
    closed = open_(db, operasi_form(posts[5], expected_end=date(2026, 3, 12)), today=MARCH)
    perform(db, V.close_vacancy, closed, date(2026, 3, 12), "Penyandang kembali", today=MARCH)
    open_(db, hakiki_form(F.vacant_post(db)), today=MARCH)

    def psh_terms(session, today):
        return [V.Alert("PSH_TERM_ENDING", "warning", "Tempoh PSH tamat", "psh", 1,
                        date(2026, 3, 18))]

    V.register_alert_provider(psh_terms)
    try:
        got = read(db, V.alerts, MARCH)
    finally:
        V.unregister_alert_provider(psh_terms)
    # overdue first; then warnings by due date (within 14 days: to 30 March); then no date
    assert [(a.kind, a.severity, a.entity_id, a.due) for a in got] == [
        ("INCUMBENT_RETURNING", "urgent", ids[3], date(2026, 3, 10)),
        ("PSH_TERM_ENDING", "warning", 1, date(2026, 3, 18)),
        ("INCUMBENT_RETURNING", "warning", ids[0], date(2026, 3, 20)),
        ("INCUMBENT_RETURNING", "warning", ids[1], date(2026, 3, 30)),
        ("EXPECTED_END_MISSING", "info", ids[4], None)]
    assert "Penyandang dijangka kembali pada 20 Mac 2026" in got[2].text_ms
    assert "Penyandang 0" in got[2].text_ms and got[2].entity == "vacancy"
    assert read(db, V.alerts, MARCH) == [a for a in got if a.kind != "PSH_TERM_ENDING"]
