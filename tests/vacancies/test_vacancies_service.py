"""Vacancies: open, edit, fill, close, list; every refusal saves nothing."""

from datetime import date

import pytest

from desktop.models import Vacancy
from desktop.rules import Refused
from desktop.rules.enums import Method, PremisesKind, VacancyKind
from desktop.rules.vacancy_enums import LIVE_STATUSES, VacancyReason, VacancyStatus
from desktop.services import vacancies as V
from desktop.services import workflow as W
from desktop.services.unit import perform, read

from . import factories as F
from .helpers import TODAY, counts, hakiki_form, last_audit, open_, operasi_form


def refused(db, fn, *args, **kw) -> Refused:
    """Run an action that must be refused; check nothing was saved; return the refusal."""
    before = counts(db)
    with pytest.raises(Refused) as info:
        perform(db, fn, *args, **kw)
    assert counts(db) == before
    return info.value


def codes(exc: Refused) -> set[str]:
    return {v.code for v in exc.violations}


# ------------------------------------------------------------------ open

def test_open_hakiki_records_the_facts_and_the_first_step(db):
    pid = F.vacant_post(db)
    out = perform(db, V.open_vacancy, hakiki_form(pid), today=TODAY, actor="kerani1")
    assert out.touched == {"vacancy", "vacancy_step"}
    row = read(db, V.get_vacancy, out.result, today=TODAY)
    assert (row.kind, row.reason, row.status) == (VacancyKind.HAKIKI, VacancyReason.RETIRED,
                                                  VacancyStatus.OPEN)
    assert row.reason_label == "Penyandang bersara"
    assert row.current_step_code == "IDENTIFIED" and row.current_step_label.startswith("7.1 ")
    # identified on the day it arose (the default); 5 Jan to 16 Mar 2026 is 26 + 28 + 16 days
    assert row.step_since == date(2026, 1, 5) and row.days_waiting == 70
    assert row.grade_code == "S17" and row.premises_kind is PremisesKind.TABIKA
    rec = last_audit(db)
    assert (rec.actor, rec.action, rec.entity) == ("kerani1", "langkah", "vacancy_step")


def test_open_operasi_takes_the_post_incumbent(db):
    pid, sid = F.held_post(db, name="Aminah binti Hassan")
    vid = open_(db, operasi_form(pid))
    row = read(db, V.get_vacancy, vid, today=TODAY)
    assert (row.incumbent_id, row.incumbent_name) == (sid, "Aminah binti Hassan")
    assert row.expected_end == date(2026, 5, 31)
    assert row.current_step_label.startswith("8.1 ")


def test_open_accepts_text_dates_and_ids(db):
    pid = F.vacant_post(db)
    vid = open_(db, hakiki_form(str(pid), opened_on="5/1/2026", identified_on="2026-01-07",
                                kind="hakiki", reason="died"))
    row = read(db, V.get_vacancy, vid, today=TODAY)
    assert (row.opened_on, row.step_since, row.reason) == (date(2026, 1, 5), date(2026, 1, 7),
                                                          VacancyReason.DIED)


def test_a_vacancy_about_to_arise_on_a_held_post(db):
    """7.1 "akan/telah kosong": a known retirement may be recorded before the day."""
    pid, sid = F.held_post(db)
    vid = open_(db, hakiki_form(pid, opened_on=date(2026, 4, 30)))
    row = read(db, V.get_vacancy, vid, today=TODAY)
    assert row.incumbent_id == sid and row.step_since == TODAY


def test_after_closing_the_post_may_have_a_new_vacancy(db):
    pid = F.vacant_post(db)
    vid = open_(db, hakiki_form(pid))
    perform(db, V.close_vacancy, vid, date(2026, 3, 1), "Dilantik secara kontrak", today=TODAY)
    vid2 = open_(db, hakiki_form(pid, opened_on=date(2026, 3, 2)))
    assert vid2 != vid


def _setup(db, case):
    """(form, expected code, field, paragraph) for each refusal of open_vacancy."""
    if case == "no_post":
        return hakiki_form(9999), "NOT_FOUND", "post_id", None
    if case == "post_inactive":
        return hakiki_form(F.vacant_post(db, active=False)), "POST_INACTIVE", "post_id", None
    if case == "premises_inactive":
        with db.session() as s:
            pid = F.post(s, prem=F.premises(s, active=False)).id
        return hakiki_form(pid), "PREMISES_INACTIVE", "post_id", None
    if case in ("second_open", "second_filled"):
        pid = F.vacant_post(db)
        vid = open_(db, hakiki_form(pid))
        if case == "second_filled":
            perform(db, V.mark_filled, vid, "GANTIAN", date(2026, 2, 1), today=TODAY)
        return hakiki_form(pid, reason="RESIGNED"), "VACANCY_EXISTS", "post_id", None
    if case == "second_operasi":
        pid, _ = F.held_post(db)
        open_(db, operasi_form(pid))
        return operasi_form(pid, reason="COURSE"), "VACANCY_EXISTS", "post_id", None
    if case == "hakiki_held":
        pid, _ = F.held_post(db)
        return hakiki_form(pid), "POST_NOT_VACANT", "post_id", "1"
    if case == "operasi_vacant":
        return operasi_form(F.vacant_post(db)), "POST_HAS_NO_INCUMBENT", "post_id", "8.1"
    if case == "operasi_other_incumbent":
        pid, _ = F.held_post(db)
        _, other = F.held_post(db, name="Lain")
        return operasi_form(pid, incumbent_id=other), "INCUMBENT_NOT_OF_POST", "incumbent_id", "8.1"
    if case == "reason_of_other_kind":
        return hakiki_form(F.vacant_post(db), reason="MATERNITY_LEAVE"), "REASON_NOT_OF_KIND", \
            "reason", "1"
    if case == "end_before_start":
        pid, _ = F.held_post(db)
        return operasi_form(pid, expected_end=date(2026, 2, 1)), "DATES_OUT_OF_ORDER", \
            "expected_end", None
    if case == "hakiki_expected_end":
        return hakiki_form(F.vacant_post(db), expected_end=date(2026, 6, 1)), \
            "EXPECTED_END_NOT_FOR_HAKIKI", "expected_end", "1"
    if case == "far_future":
        return hakiki_form(F.vacant_post(db), opened_on=date(2027, 3, 17)), "FUTURE_DATE", \
            "opened_on", None
    if case == "identified_future":
        return hakiki_form(F.vacant_post(db), identified_on=date(2026, 3, 17)), "FUTURE_DATE", \
            "identified_on", None
    if case == "new_post_with_incumbent":
        _, sid = F.held_post(db)
        return hakiki_form(F.vacant_post(db), reason="NEW_POST", incumbent_id=sid), \
            "INCUMBENT_NOT_EXPECTED", "incumbent_id", "7.1"
    if case == "no_such_incumbent":
        return hakiki_form(F.vacant_post(db), incumbent_id=777), "NOT_FOUND", "incumbent_id", None
    if case == "date_as_word":
        return hakiki_form(F.vacant_post(db), opened_on="semalam"), "INVALID_DATE", "opened_on", None
    if case == "date_impossible":
        return hakiki_form(F.vacant_post(db), opened_on="31/2/2026"), "INVALID_DATE", "opened_on", \
            None
    if case == "post_as_word":
        return hakiki_form("jawatan satu"), "NOT_A_NUMBER", "post_id", None
    if case == "unknown_kind":
        return hakiki_form(F.vacant_post(db), kind="SEMENTARA"), "UNKNOWN_VALUE", "kind", None
    if case == "no_date":
        return hakiki_form(F.vacant_post(db), opened_on=None), "REQUIRED", "opened_on", None
    raise AssertionError(case)


CASES = ["no_post", "post_inactive", "premises_inactive", "second_open", "second_filled",
         "second_operasi", "hakiki_held", "operasi_vacant", "operasi_other_incumbent",
         "reason_of_other_kind", "end_before_start", "hakiki_expected_end", "far_future",
         "identified_future", "new_post_with_incumbent", "no_such_incumbent", "date_as_word",
         "date_impossible", "post_as_word", "unknown_kind", "no_date"]


@pytest.mark.parametrize("case", CASES)
def test_open_refusals_name_field_and_paragraph_and_save_nothing(db, case):
    form, code, field, paragraph = _setup(db, case)
    exc = refused(db, V.open_vacancy, form, today=TODAY)
    hit = [v for v in exc.violations if v.code == code]
    assert hit, exc.violations
    assert hit[0].field == field and hit[0].paragraph == paragraph
    assert hit[0].message_ms and hit[0].message_ms != hit[0].message_en


def test_every_problem_of_a_form_at_once(db):
    pid, _ = F.held_post(db)
    exc = refused(db, V.open_vacancy, hakiki_form(pid, reason="COURSE",
                                                  expected_end="bukan tarikh"), today=TODAY)
    assert {"INVALID_DATE", "REASON_NOT_OF_KIND", "POST_NOT_VACANT"} <= codes(exc)
    assert {"expected_end", "reason", "post_id"} <= set(exc.fields)


# ------------------------------------------------------------------ edit

def test_update_corrects_facts_with_audit(db):
    pid = F.vacant_post(db)
    vid = open_(db, hakiki_form(pid))
    perform(db, V.update_vacancy, vid, hakiki_form(pid, reason="RESIGNED", notes="Surat 3/2026"),
            today=TODAY)
    row = read(db, V.get_vacancy, vid)
    assert (row.reason, row.notes) == (VacancyReason.RESIGNED, "Surat 3/2026")
    rec = last_audit(db)
    assert rec.action == "ubah" and '"RETIRED"' in rec.before and '"RESIGNED"' in rec.after


def test_update_without_change_writes_nothing(db):
    pid = F.vacant_post(db)
    vid = open_(db, hakiki_form(pid))
    n = counts(db)
    perform(db, V.update_vacancy, vid, hakiki_form(pid), today=TODAY)
    assert counts(db) == n


@pytest.mark.parametrize("change, code, field", [
    (dict(kind="OPERASI", reason="COURSE"), "FIELD_FIXED", "kind"),
    (dict(post_id="other"), "FIELD_FIXED", "post_id"),
    (dict(opened_on=date(2026, 2, 20)), "DATES_OUT_OF_ORDER", "opened_on"),  # after filled_on
])
def test_update_refusals(db, change, code, field):
    pid = F.vacant_post(db)
    vid = open_(db, hakiki_form(pid))
    perform(db, V.mark_filled, vid, "GANTIAN", date(2026, 2, 10), today=TODAY)
    change = dict(change)
    form_post = F.vacant_post(db) if change.pop("post_id", None) == "other" else pid
    exc = refused(db, V.update_vacancy, vid, hakiki_form(form_post, **change), today=TODAY)
    assert (code, field) in {(v.code, v.field) for v in exc.violations}


def test_operasi_update_needs_the_incumbent(db):
    pid, sid = F.held_post(db)
    vid = open_(db, operasi_form(pid))
    exc = refused(db, V.update_vacancy, vid, operasi_form(pid, incumbent_id=None), today=TODAY)
    assert codes(exc) == {"INCUMBENT_REQUIRED"}
    perform(db, V.update_vacancy, vid, operasi_form(pid, incumbent_id=sid, reason="COURSE"),
            today=TODAY)
    assert read(db, V.get_vacancy, vid).reason is VacancyReason.COURSE


def test_set_expected_end(db):
    pid, _ = F.held_post(db)
    vid = open_(db, operasi_form(pid, expected_end=None))
    perform(db, V.set_expected_end, vid, "2026-06-15")
    assert read(db, V.get_vacancy, vid).expected_end == date(2026, 6, 15)
    assert last_audit(db).action == "ubah"
    exc = refused(db, V.set_expected_end, vid, date(2026, 1, 1))
    assert codes(exc) == {"DATES_OUT_OF_ORDER"}
    hid = open_(db, hakiki_form(F.vacant_post(db)))
    assert codes(refused(db, V.set_expected_end, hid, date(2026, 6, 1))) == {
        "EXPECTED_END_NOT_FOR_HAKIKI"}


# ------------------------------------------------------------------ fill and close

def test_mark_filled_and_unfilled(db):
    vid = open_(db, hakiki_form(F.vacant_post(db)))
    perform(db, V.mark_filled, vid, Method.ACTING, "2026-02-01", today=TODAY)
    row = read(db, V.get_vacancy, vid)
    assert (row.status, row.filled_method, row.filled_on) == (VacancyStatus.FILLED, Method.ACTING,
                                                              date(2026, 2, 1))
    assert codes(refused(db, V.mark_filled, vid, "GANTIAN", today=TODAY)) == {
        "VACANCY_ALREADY_FILLED"}
    perform(db, V.mark_unfilled, vid, "Pegawai menanggung kerja bertukar")
    row = read(db, V.get_vacancy, vid)
    assert (row.status, row.filled_method) == (VacancyStatus.OPEN, None)
    assert codes(refused(db, V.mark_unfilled, vid, "x")) == {"VACANCY_NOT_FILLED"}


@pytest.mark.parametrize("method, when, code", [
    ("GANTIAN", date(2026, 1, 4), "DATES_OUT_OF_ORDER"),
    ("GANTIAN", date(2026, 3, 17), "FUTURE_DATE"),
    ("KONTRAK", None, "UNKNOWN_VALUE"),
    ("PSH", None, "PSH_BEFORE_INTERVIEW_REPORT"),
])
def test_mark_filled_refusals(db, method, when, code):
    vid = open_(db, hakiki_form(F.vacant_post(db)))
    exc = refused(db, V.mark_filled, vid, method, when, today=TODAY)
    assert code in codes(exc)


def test_psh_for_a_hakiki_vacancy_after_the_interview_report(db):
    vid = open_(db, hakiki_form(F.vacant_post(db)))
    for i, code in enumerate(["AD_APPROVAL_ASKED", "INTERVIEW_APPROVAL_ASKED", "INTERVIEW_REPORT"]):
        perform(db, W.record_step, vid, code, date(2026, 2, 1 + i), f"REF/{i}",
                psh_application_ref="PSH/1" if code == "INTERVIEW_REPORT" else None, today=TODAY)
    perform(db, V.mark_filled, vid, "PSH", date(2026, 3, 2), today=TODAY)
    assert read(db, V.get_vacancy, vid).filled_method is Method.PSH


def test_psh_for_an_operasi_vacancy_after_the_approval(db):
    pid, _ = F.held_post(db)
    vid = open_(db, operasi_form(pid))
    perform(db, W.record_step, vid, "FILLING_APPLIED", date(2026, 2, 3), "A/1", today=TODAY)
    exc = refused(db, V.mark_filled, vid, "PSH", date(2026, 2, 4), today=TODAY)
    assert [(v.code, v.paragraph) for v in exc.violations] == [("PSH_BEFORE_APPROVAL", "8.2(a)")]
    perform(db, W.record_step, vid, "FILLING_APPROVED", date(2026, 2, 10), "A/2", today=TODAY)
    perform(db, V.mark_filled, vid, "PSH", date(2026, 2, 11), today=TODAY)


def test_close_lists_the_fillings_that_must_end(db):
    pid, _ = F.held_post(db)
    vid = open_(db, operasi_form(pid))
    other = open_(db, hakiki_form(F.vacant_post(db)))

    def provider(session, vacancy_id):
        if vacancy_id != vid:
            return []
        return [V.FillingRef("PSH", 7, "PSH Nurul", date(2026, 5, 31)),
                V.FillingRef("ACTING", 3, "Tanggung kerja Ali", None),
                V.FillingRef("PSH", 5, "PSH lama", date(2026, 2, 28))]

    V.register_filling_provider(provider)
    V.register_filling_provider(provider)  # twice: still once
    try:
        out = perform(db, V.close_vacancy, vid, date(2026, 3, 9), "Penyandang kembali awal",
                      today=TODAY)
        res = out.result
        assert res.paragraph == "5A(s)" and res.closed_on == date(2026, 3, 9)
        assert [(f.kind, f.id) for f in res.must_end] == [("PSH", 7), ("ACTING", 3)]
        other_res = perform(db, V.close_vacancy, other, TODAY, "Diisi", today=TODAY).result
        assert other_res.must_end == ()
    finally:
        V.unregister_filling_provider(provider)
    row = read(db, V.get_vacancy, vid, today=TODAY)
    assert (row.status, row.closed_on, row.days_waiting) == (VacancyStatus.CLOSED,
                                                             date(2026, 3, 9), None)
    assert last_audit(db).action == "tutup"


@pytest.mark.parametrize("closed_on, note, code", [
    (date(2026, 1, 4), "x", "DATES_OUT_OF_ORDER"),
    (date(2026, 3, 17), "x", "FUTURE_DATE"),
    (date(2026, 2, 1), "  ", "REQUIRED"),
    ("esok", "x", "INVALID_DATE"),
])
def test_close_refusals(db, closed_on, note, code):
    vid = open_(db, hakiki_form(F.vacant_post(db)))
    assert code in codes(refused(db, V.close_vacancy, vid, closed_on, note, today=TODAY))


def test_close_before_the_filling_is_refused(db):
    vid = open_(db, hakiki_form(F.vacant_post(db)))
    perform(db, V.mark_filled, vid, "GANTIAN", date(2026, 2, 10), today=TODAY)
    assert codes(refused(db, V.close_vacancy, vid, date(2026, 2, 9), "x", today=TODAY)) == {
        "DATES_OUT_OF_ORDER"}


def test_a_closed_vacancy_takes_no_more_changes(db):
    pid = F.vacant_post(db)
    vid = open_(db, hakiki_form(pid))
    perform(db, V.close_vacancy, vid, date(2026, 3, 1), "Tamat", today=TODAY)
    for fn, args in [(V.close_vacancy, (date(2026, 3, 2), "lagi")),
                     (V.mark_filled, ("GANTIAN",)),
                     (V.update_vacancy, (hakiki_form(pid),)),
                     (V.set_expected_end, (None,)),
                     (W.record_step, ("AD_APPROVAL_ASKED", date(2026, 3, 2), "R/1"))]:
        kw = {} if fn is V.set_expected_end else {"today": TODAY}
        assert codes(refused(db, fn, vid, *args, **kw)) == {"VACANCY_CLOSED"}


def test_unknown_vacancy(db):
    with pytest.raises(Refused) as info:
        read(db, V.get_vacancy, 42)
    assert info.value.violations[0].code == "NOT_FOUND"
    assert codes(refused(db, V.mark_filled, 42, "PSH")) == {"NOT_FOUND"}
    assert codes(refused(db, V.mark_filled, "empat", "PSH")) == {"NOT_A_NUMBER"}


# ------------------------------------------------------------------ register

def _register(db):
    with db.session() as s:
        g27 = F.grade(s, "S27", "Pendidik")
        tabika = F.premises(s, PremisesKind.TABIKA, "Gombak", "TBK-001")
        taska = F.premises(s, PremisesKind.TASKA, "Klang", "TSK-001")
        a = F.post(s, tabika).id
        b_staff = F.staff(s, "Rosnah binti Omar", g27)
        b = F.post(s, taska, g27, incumbent=b_staff).id
        c = F.post(s, taska).id
    va = open_(db, hakiki_form(a))
    vb = open_(db, operasi_form(b))
    vc = open_(db, hakiki_form(c, opened_on=date(2026, 3, 1)))
    perform(db, V.close_vacancy, vc, date(2026, 3, 10), "Diisi", today=TODAY)
    return va, vb, vc


def test_list_filters(db):
    va, vb, vc = _register(db)
    ids = lambda **kw: [r.id for r in read(db, V.list_vacancies, today=TODAY, **kw)]  # noqa: E731
    assert ids() == [va, vb, vc]
    assert ids(status=LIVE_STATUSES) == [va, vb]
    assert ids(status="CLOSED") == [vc]
    assert ids(kind="OPERASI") == [vb]
    assert ids(premises_kind=PremisesKind.TASKA) == [vb, vc]
    assert ids(district="klang") == [vb, vc]
    assert ids(search="rosnah") == [vb]
    assert ids(search="tbk-0") == [va]
    assert ids(search="S27") == [vb]
    assert ids(search="100%") == []
    with pytest.raises(Refused):
        read(db, V.list_vacancies, status="HILANG")
    with pytest.raises(Refused):
        read(db, V.list_vacancies, kind="X")


def test_row_is_plain_and_frozen(db):
    va, _, _ = _register(db)
    row = read(db, V.get_vacancy, va, today=TODAY)
    with pytest.raises(AttributeError):
        row.status = VacancyStatus.CLOSED  # type: ignore[misc]
    assert not isinstance(row, Vacancy)


def test_the_database_backs_the_one_live_vacancy_rule(db, monkeypatch):
    """Two PCs opening a vacancy for one post at once: the check passes on both, the partial
    unique index refuses the second, and the service turns that into the same refusal."""
    pid = F.vacant_post(db)
    open_(db, hakiki_form(pid))
    monkeypatch.setattr(V, "_live_vacancy_of", lambda *a: None)  # the other PC's view
    exc = refused(db, V.open_vacancy, hakiki_form(pid, reason="DIED"), today=TODAY)
    assert [(v.code, v.field) for v in exc.violations] == [("VACANCY_EXISTS", "post_id")]


def test_a_taska_pendidik_operasi_vacancy_is_filled_only_by_acting(db):
    """Para 8.2: at a Taska, an operational vacancy of Pendidik S27 takes acting duty only."""
    from desktop.rules.enums import PremisesKind

    with db.session() as s:
        taska = F.premises(s, kind=PremisesKind.TASKA)
        s27 = F.grade(s, "S27", "Pendidik")
        holder = F.staff(s, g=s27)
        pid = F.post(s, taska, s27, holder).id
    vid = open_(db, operasi_form(pid))
    for method in ("GANTIAN", "PSH"):
        exc = refused(db, V.mark_filled, vid, method, date(2026, 2, 11), today=TODAY)
        assert "FILL_TASKA_PENDIDIK_ACTING_ONLY" in codes(exc)
        assert read(db, V.get_vacancy, vid).status is VacancyStatus.OPEN
    perform(db, V.mark_filled, vid, "ACTING", date(2026, 2, 11), today=TODAY)
    assert read(db, V.get_vacancy, vid).filled_method is Method.ACTING
