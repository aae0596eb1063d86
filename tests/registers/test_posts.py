"""The posts register: posts per premises and grade, incumbents, moves that keep the history."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop.models import PostIncumbency
from desktop.rules import Refused
from desktop.rules.enums import PremisesKind
from desktop.services import grades as G
from desktop.services import posts as P
from desktop.services import premises as PR
from desktop.services import staff as S
from desktop.services.unit import perform, read

TODAY = date.today()
TOMORROW = TODAY + timedelta(days=1)


class Office:
    """Two premises, two grades and three officers, made through the services."""

    def __init__(self, db):
        self.db = db
        add = lambda fn, *a: perform(db, fn, *a).result  # noqa: E731
        self.tabika = add(PR.add_premises, PR.PremisesForm(
            "TBK-SGR-001", "Tabika Perpaduan Taman Melati", "TABIKA", "SGR", "Gombak"))
        self.taska = add(PR.add_premises, PR.PremisesForm(
            "TSK-SGR-002", "Taska PERMATA Perpaduan Seri Kembangan", "TASKA", "SGR"))
        self.s17 = add(G.add_grade, G.GradeForm("S17", "Pembantu Pendidik"))
        self.s27 = add(G.add_grade, G.GradeForm("S27", "Pendidik"))
        staff = lambda name, mykad, start: add(S.add_staff, S.StaffForm(  # noqa: E731
            name, mykad, str(self.s17), start, "", "SPM"))
        self.siti = staff("Siti Aminah", "850615-10-1234", "01/03/2015")
        self.ali = staff("Ali bin Abu", "900101-01-5679", "01/06/2018")
        self.mei = staff("Tan Mei Ling", "920202-07-5682", "02/01/2019")

    def post(self, premises=None, grade=None):
        return perform(self.db, P.add_post, P.PostForm(premises or self.tabika,
                                                       grade or self.s17)).result


@pytest.fixture
def office(db):
    return Office(db)


def refused(db, counts, fn, *args, **kwargs) -> Refused:
    before = counts()
    with pytest.raises(Refused) as info:
        perform(db, fn, *args, **kwargs)
    assert counts() == before
    return info.value


def codes(err: Refused) -> list[str]:
    return [v.code for v in err.violations]


# --- posts ----------------------------------------------------------------------------------

def test_add_post_lists_and_audits(db, office, last_audit):
    outcome = perform(db, P.add_post, P.PostForm(str(office.taska), str(office.s27)),
                      actor="kerani")
    assert outcome.touched == {"post", "premises"}
    pid = outcome.result
    assert read(db, P.get_post, pid) == P.PostRow(
        pid, office.taska, "TSK-SGR-002", "Taska PERMATA Perpaduan Seri Kembangan",
        PremisesKind.TASKA, office.s27, "S27", None, None, True, True, None)
    assert read(db, P.get_post, pid).label == f"TSK-SGR-002 / S27 #{pid}"
    rec = last_audit()
    assert (rec.actor, rec.action, rec.entity, rec.entity_id) == ("kerani", "tambah", "post",
                                                                 str(pid))
    assert read(db, PR.get_premises, office.taska).posts == 0  # get_ does not count
    assert [r.posts for r in read(db, PR.list_premises)] == [0, 1]


def test_list_posts_filters(db, office):
    a = office.post()
    b = office.post(grade=office.s27)
    c = office.post(premises=office.taska)
    perform(db, P.assign_incumbent, a, office.siti, date(2016, 1, 4))
    perform(db, P.set_post_active, b, False)
    ids = lambda **kw: [r.id for r in read(db, P.list_posts, **kw)]  # noqa: E731
    assert ids() == [a, b, c]  # premises code, then grade code
    assert ids(premises_id=office.tabika) == [a, b]
    assert ids(vacant_only=True) == [c]
    assert ids(premises_id=office.tabika, vacant_only=True) == []
    assert ids(include_inactive=False) == [a, c]
    rows = {r.id: r for r in read(db, P.list_posts)}
    assert (rows[a].vacant, rows[b].vacant, rows[c].vacant) == (False, False, True)
    assert (rows[a].incumbent_name, rows[a].incumbent_since) == ("Siti Aminah", date(2016, 1, 4))


@pytest.mark.parametrize("which, field, code", [
    (dict(premises_id=999), "premises_id", "NOT_FOUND"),
    (dict(grade_id=999), "grade_id", "NOT_FOUND"),
    (dict(premises_id=""), "premises_id", "REQUIRED"),
    (dict(grade_id=None), "grade_id", "REQUIRED"),
    (dict(grade_id="S17"), "grade_id", "NOT_A_NUMBER"),
])
def test_bad_post_input_is_refused(db, office, counts, which, field, code):
    form = P.PostForm(office.tabika, office.s17)
    for key, value in which.items():
        setattr(form, key, value)
    err = refused(db, counts, P.add_post, form)
    assert (err.fields, codes(err)) == ((field,), [code])


def test_post_at_inactive_premises_or_grade_is_refused(db, office, counts):
    perform(db, PR.set_premises_active, office.taska, False)
    perform(db, G.set_grade_active, office.s27, False)
    err = refused(db, counts, P.add_post, P.PostForm(office.taska, office.s27))
    assert set(codes(err)) == {"PREMISES_INACTIVE", "GRADE_INACTIVE"}
    assert set(err.fields) == {"premises_id", "grade_id"}


def test_update_post_grade_and_premises(db, office, last_audit, counts):
    pid = office.post()
    perform(db, P.update_post, pid, P.PostForm(office.taska, office.s27))
    row = read(db, P.get_post, pid)
    assert (row.premises_code, row.grade_code) == ("TSK-SGR-002", "S27")
    rec = last_audit()
    assert rec.action == "ubah" and f'"grade_id":{office.s17}' in rec.before
    n = counts()
    perform(db, P.update_post, pid, P.PostForm(office.taska, office.s27))  # no change
    assert counts() == n


def test_a_post_once_held_keeps_its_premises(db, office, counts):
    pid = office.post()
    perform(db, P.assign_incumbent, pid, office.siti, date(2016, 1, 4))
    err = refused(db, counts, P.update_post, pid, P.PostForm(office.taska, office.s17))
    assert codes(err) == ["POST_HAS_HISTORY"]
    perform(db, P.update_post, pid, P.PostForm(office.tabika, office.s27))  # grade: a correction
    assert read(db, P.get_post, pid).grade_code == "S27"


def test_update_to_inactive_grade_refused_but_unchanged_inactive_kept(db, office, counts):
    pid = office.post()
    perform(db, G.set_grade_active, office.s27, False)
    err = refused(db, counts, P.update_post, pid, P.PostForm(office.tabika, office.s27))
    assert codes(err) == ["GRADE_INACTIVE"]
    perform(db, G.set_grade_active, office.s17, False)
    perform(db, P.update_post, pid, P.PostForm(office.tabika, office.s17))  # unchanged: fine


def test_deactivate_and_reactivate_post(db, office, last_audit):
    pid = office.post()
    outcome = perform(db, P.set_post_active, pid, False)
    assert "post" in outcome.touched
    row = read(db, P.get_post, pid)
    assert (row.active, row.vacant) == (False, False)
    assert last_audit().action == "nyahaktif"
    perform(db, P.set_post_active, pid, True)
    assert read(db, P.get_post, pid).active is True
    assert last_audit().action == "aktifkan"


def test_a_held_post_cannot_be_deactivated(db, office, counts):
    pid = office.post()
    perform(db, P.assign_incumbent, pid, office.siti, date(2016, 1, 4))
    err = refused(db, counts, P.set_post_active, pid, False)
    assert (err.fields, codes(err)) == (("active",), ["POST_OCCUPIED"])
    assert "Siti Aminah" in err.message("ms")


def test_reactivating_at_inactive_premises_is_refused(db, office, counts):
    pid = office.post()
    perform(db, P.set_post_active, pid, False)
    perform(db, PR.set_premises_active, office.tabika, False)
    err = refused(db, counts, P.set_post_active, pid, True)
    assert codes(err) == ["PREMISES_INACTIVE"]


@pytest.mark.parametrize("action, args", [
    (P.update_post, (999, P.PostForm())),
    (P.set_post_active, (999, False)),
    (P.release_incumbent, (999, date(2020, 1, 1))),
])
def test_unknown_post_is_refused(db, counts, action, args):
    err = refused(db, counts, action, *args)
    assert codes(err) == ["NOT_FOUND"]


@pytest.mark.parametrize("query", [P.get_post, P.post_history, P.staff_history])
def test_unknown_ids_refused_when_read(db, query):
    with pytest.raises(Refused) as info:
        read(db, query, 999)
    assert codes(info.value) == ["NOT_FOUND"]


# --- incumbents -----------------------------------------------------------------------------

def test_assign_fills_the_post_and_starts_its_history(db, office, last_audit):
    pid = office.post()
    outcome = perform(db, P.assign_incumbent, pid, office.siti, "04/01/2016", note="Lantikan baru",
                      actor="kerani")
    assert outcome.touched == {"post", "post_incumbency", "staff"}
    row = read(db, P.get_post, pid)
    assert (row.incumbent_id, row.incumbent_name, row.incumbent_since, row.vacant) == (
        office.siti, "Siti Aminah", date(2016, 1, 4), False)
    [h] = read(db, P.post_history, pid)
    assert h == P.IncumbencyRow(outcome.result, pid, f"TBK-SGR-001 / S17 #{pid}", "TBK-SGR-001",
                                "Tabika Perpaduan Taman Melati", "S17", office.siti,
                                "Siti Aminah", "850615101234", date(2016, 1, 4), None,
                                "Lantikan baru")
    assert h.current
    assert read(db, P.staff_history, office.siti) == [h]
    rec = last_audit()
    assert (rec.action, rec.entity, rec.entity_id) == ("sandang", "post", str(pid))
    assert '"incumbent_id":null' in rec.before and f'"incumbent_id":{office.siti}' in rec.after


def test_assign_refusals(db, office, counts):
    a, b = office.post(), office.post()
    perform(db, P.assign_incumbent, a, office.siti, date(2016, 1, 4))
    err = refused(db, counts, P.assign_incumbent, a, office.ali, date(2019, 1, 1))
    assert (err.fields, codes(err)) == (("post_id",), ["POST_OCCUPIED"])
    assert "Siti Aminah" in err.message("ms")
    err = refused(db, counts, P.assign_incumbent, a, office.siti, date(2019, 1, 1))
    assert codes(err) == ["STAFF_ALREADY_IN_POST"]
    err = refused(db, counts, P.assign_incumbent, b, office.siti, date(2019, 1, 1))
    assert (err.fields, codes(err)) == (("staff_id",), ["STAFF_HOLDS_POST"])
    assert f"TBK-SGR-001 / S17 #{a}" in err.message("ms")


def test_assign_to_inactive_post_or_officer_is_refused(db, office, counts):
    pid = office.post()
    perform(db, P.set_post_active, pid, False)
    perform(db, S.set_staff_active, office.ali, False)
    err = refused(db, counts, P.assign_incumbent, pid, office.ali, date(2019, 1, 1))
    assert set(codes(err)) == {"POST_INACTIVE", "STAFF_INACTIVE"}


@pytest.mark.parametrize("start, code", [
    (TOMORROW, "START_IN_FUTURE"),
    (date(2018, 5, 31), "START_BEFORE_SERVICE"),  # Ali started service on 1 June 2018
    ("31/06/2019", "INVALID_DATE"),
    ("", "REQUIRED"),
])
def test_bad_start_is_refused(db, office, counts, start, code):
    pid = office.post()
    err = refused(db, counts, P.assign_incumbent, pid, office.ali, start)
    assert (err.fields, codes(err)) == (("start",), [code])


def test_start_on_service_start_and_today_allowed(db, office):
    a, b = office.post(), office.post()
    perform(db, P.assign_incumbent, a, office.ali, date(2018, 6, 1))
    perform(db, P.assign_incumbent, b, office.mei, TODAY)
    assert read(db, P.get_post, b).incumbent_since == TODAY


def test_unknown_officer_is_refused(db, office, counts):
    err = refused(db, counts, P.assign_incumbent, office.post(), 999, date(2019, 1, 1))
    assert codes(err) == ["NOT_FOUND"]


def test_release_vacates_the_post_and_closes_the_history(db, office, last_audit):
    pid = office.post()
    perform(db, P.assign_incumbent, pid, office.siti, date(2016, 1, 4), note="Lantikan baru")
    outcome = perform(db, P.release_incumbent, pid, "31/12/2020", "Letak jawatan")
    assert outcome.touched == {"post", "post_incumbency", "staff"}
    row = read(db, P.get_post, pid)
    assert (row.incumbent_id, row.vacant, row.incumbent_since) == (None, True, None)
    [h] = read(db, P.post_history, pid)
    assert (h.end, h.note, h.current) == (date(2020, 12, 31), "Lantikan baru; Letak jawatan",
                                          False)
    assert read(db, S.get_staff, office.siti).post is None
    assert last_audit().action == "lepas"


def test_release_on_the_first_day_is_allowed(db, office):
    pid = office.post()
    perform(db, P.assign_incumbent, pid, office.siti, date(2016, 1, 4))
    perform(db, P.release_incumbent, pid, date(2016, 1, 4), "")
    assert read(db, P.post_history, pid)[0].end == date(2016, 1, 4)


@pytest.mark.parametrize("end, field, code", [
    (date(2016, 1, 3), "end", "END_BEFORE_START"),
    (TOMORROW, "end", "END_IN_FUTURE"),
    ("2020-02-30", "end", "INVALID_DATE"),
    (None, "end", "REQUIRED"),
])
def test_bad_release_is_refused(db, office, counts, end, field, code):
    pid = office.post()
    perform(db, P.assign_incumbent, pid, office.siti, date(2016, 1, 4))
    err = refused(db, counts, P.release_incumbent, pid, end, "")
    assert (err.fields, codes(err)) == ((field,), [code])


def test_release_of_a_vacant_post_is_refused(db, office, counts):
    err = refused(db, counts, P.release_incumbent, office.post(), date(2020, 1, 1), "")
    assert codes(err) == ["POST_VACANT"]


def test_note_too_long_is_refused(db, office, counts):
    pid = office.post()
    err = refused(db, counts, P.assign_incumbent, pid, office.siti, date(2016, 1, 4),
                  note="x" * 501)
    assert err.fields == ("note",)


def test_a_new_holder_starts_after_the_last_one_left(db, office, counts):
    pid = office.post()
    perform(db, P.assign_incumbent, pid, office.siti, date(2016, 1, 4))
    perform(db, P.release_incumbent, pid, date(2020, 12, 31), "Tamat")
    err = refused(db, counts, P.assign_incumbent, pid, office.ali, date(2020, 12, 31))
    assert (err.fields, codes(err)) == (("start",), ["HISTORY_OVERLAP"])
    perform(db, P.assign_incumbent, pid, office.ali, date(2021, 1, 1))
    history = read(db, P.post_history, pid)
    assert [(h.staff_name, h.start, h.end) for h in history] == [
        ("Siti Aminah", date(2016, 1, 4), date(2020, 12, 31)),
        ("Ali bin Abu", date(2021, 1, 1), None)]


def test_an_officer_starts_again_after_leaving(db, office, counts):
    a, b = office.post(), office.post(office.taska)
    perform(db, P.assign_incumbent, a, office.siti, date(2016, 1, 4))
    perform(db, P.release_incumbent, a, date(2020, 12, 31), "")
    err = refused(db, counts, P.assign_incumbent, b, office.siti, date(2020, 6, 1))
    assert codes(err) == ["HISTORY_OVERLAP"]
    perform(db, P.assign_incumbent, b, office.siti, date(2021, 2, 1))
    assert [h.post_id for h in read(db, P.staff_history, office.siti)] == [a, b]


# --- moving an officer between posts keeps the history (issue 4 item 1) ---------------------

def test_move_closes_the_old_holding_the_day_before(db, office, last_audit):
    old, new = office.post(), office.post(office.taska)
    perform(db, P.assign_incumbent, old, office.siti, date(2016, 1, 4), note="Lantikan baru")
    outcome = perform(db, P.assign_incumbent, new, office.siti, date(2022, 3, 1), move=True)
    assert outcome.touched == {"post", "post_incumbency", "staff"}
    old_row, new_row = read(db, P.get_post, old), read(db, P.get_post, new)
    assert (old_row.incumbent_id, old_row.vacant) == (None, True)
    assert (new_row.incumbent_id, new_row.incumbent_since) == (office.siti, date(2022, 3, 1))
    history = read(db, P.staff_history, office.siti)
    assert [(h.post_id, h.start, h.end) for h in history] == [
        (old, date(2016, 1, 4), date(2022, 2, 28)),
        (new, date(2022, 3, 1), None)]
    assert history[0].note == f"Lantikan baru; Dipindahkan ke jawatan TSK-SGR-002 / S17 #{new}"
    assert [h.staff_id for h in read(db, P.post_history, old)] == [office.siti]
    assert read(db, S.get_staff, office.siti).post_id == new
    assert last_audit().action == "sandang"


def test_the_old_post_can_be_filled_after_the_move(db, office):
    old, new = office.post(), office.post()
    perform(db, P.assign_incumbent, old, office.siti, date(2016, 1, 4))
    perform(db, P.assign_incumbent, new, office.siti, date(2022, 3, 1), move=True)
    perform(db, P.assign_incumbent, old, office.ali, date(2022, 3, 1))
    assert [h.staff_name for h in read(db, P.post_history, old)] == ["Siti Aminah", "Ali bin Abu"]


def test_move_on_or_before_the_old_start_is_refused(db, office, counts):
    old, new = office.post(), office.post()
    perform(db, P.assign_incumbent, old, office.siti, date(2016, 1, 4))
    err = refused(db, counts, P.assign_incumbent, new, office.siti, date(2016, 1, 4), move=True)
    assert (err.fields, codes(err)) == (("start",), ["END_BEFORE_START"])


def test_move_into_an_occupied_post_is_refused(db, office, counts):
    a, b = office.post(), office.post()
    perform(db, P.assign_incumbent, a, office.siti, date(2016, 1, 4))
    perform(db, P.assign_incumbent, b, office.ali, date(2019, 1, 1))
    err = refused(db, counts, P.assign_incumbent, b, office.siti, date(2022, 1, 1), move=True)
    assert codes(err) == ["POST_OCCUPIED"]


def test_move_without_a_post_is_a_plain_assignment(db, office):
    pid = office.post()
    perform(db, P.assign_incumbent, pid, office.ali, date(2019, 1, 1), move=True)
    assert [h.end for h in read(db, P.staff_history, office.ali)] == [None]


# --- the database itself refuses two open holdings --------------------------------------------

@pytest.mark.parametrize("second", ["same post", "same officer"])
def test_partial_unique_indexes(db, office, second):
    a, b = office.post(), office.post()
    perform(db, P.assign_incumbent, a, office.siti, date(2016, 1, 4))
    post, staff = (a, office.ali) if second == "same post" else (b, office.siti)
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(PostIncumbency(post_id=post, staff_id=staff, start=date(2020, 1, 1), note=""))
        s.flush()
    with db.session() as s:  # closed holdings are not limited
        s.add(PostIncumbency(post_id=post, staff_id=staff, start=date(2010, 1, 1),
                             end=date(2010, 12, 31), note=""))
    with db.session() as s:
        assert len(s.execute(select(PostIncumbency)).scalars().all()) == 2


def test_dates_in_order_check_constraint(db, office):
    pid = office.post()
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(PostIncumbency(post_id=pid, staff_id=office.siti, start=date(2020, 1, 2),
                             end=date(2020, 1, 1), note=""))
        s.flush()


def test_a_post_filled_meanwhile_by_another_pc_is_refused(db, office, counts):
    """Another PC's holding reached the database after this PC read the post as vacant: the
    partial unique index stops the second holder and the user gets a message, not a crash."""
    pid = office.post()
    with db.session() as s:  # the other PC's row, as this PC has not seen it on the post
        s.add(PostIncumbency(post_id=pid, staff_id=office.mei, start=date(2020, 1, 1), note=""))
    err = refused(db, counts, P.assign_incumbent, pid, office.ali, date(2020, 1, 1))
    assert codes(err) == ["CONFLICT"]
    assert "pengguna lain" in err.message("ms")


def test_service_start_cannot_move_after_a_holding(db, office, counts):
    pid = office.post()
    perform(db, P.assign_incumbent, pid, office.siti, date(2016, 1, 4))
    form = S.staff_form(read(db, S.get_staff, office.siti))
    form.service_start, form.confirmed_on = "05/01/2016", ""
    err = refused(db, counts, S.update_staff, office.siti, form)
    assert (err.fields, codes(err)) == (("service_start",), ["DATES_OUT_OF_ORDER"])
    assert "04/01/2016" in err.message("ms")
    form.service_start = "04/01/2016"
    perform(db, S.update_staff, office.siti, form)
    assert read(db, S.get_staff, office.siti).service_start == date(2016, 1, 4)


def test_a_move_to_the_post_already_held_is_one_refusal(db, office, counts):
    pid = office.post()
    perform(db, P.assign_incumbent, pid, office.siti, date(2016, 1, 4))
    err = refused(db, counts, P.assign_incumbent, pid, office.siti, date(2016, 1, 4), move=True)
    assert codes(err) == ["STAFF_ALREADY_IN_POST"]


def test_future_checks_use_the_given_today(db, office, counts):
    """A date judged against a pinned 'today', not the machine clock."""
    pid = office.post()
    err = refused(db, counts, P.assign_incumbent, pid, office.ali, date(2020, 3, 2),
                  today=date(2020, 3, 1))
    assert codes(err) == ["START_IN_FUTURE"]
    perform(db, P.assign_incumbent, pid, office.ali, date(2020, 3, 1), today=date(2020, 3, 1))
    err = refused(db, counts, P.release_incumbent, pid, date(2020, 6, 2), "",
                  today=date(2020, 6, 1))
    assert codes(err) == ["END_IN_FUTURE"]
    perform(db, P.release_incumbent, pid, date(2020, 6, 1), "", today=date(2020, 6, 1))
    assert read(db, P.post_history, pid)[0].end == date(2020, 6, 1)
