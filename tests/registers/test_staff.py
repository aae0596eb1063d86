"""The staff register: MyKad-derived facts, search, edits, deactivation, every refusal."""

from datetime import date, timedelta

import pytest

from desktop.rules import Refused
from desktop.rules.enums import Qualification
from desktop.services import grades as G
from desktop.services import posts as P
from desktop.services import premises as PR
from desktop.services import staff as S
from desktop.services.unit import perform, read

TOMORROW = date.today() + timedelta(days=1)


@pytest.fixture
def grade(db):
    return perform(db, G.add_grade, G.GradeForm("S17", "Pembantu Pendidik")).result


def form(grade, **kw):
    base = dict(name="Siti Aminah binti Ali", mykad="850615-10-1234", grade_id=str(grade),
                service_start="01/03/2015", confirmed_on="01/03/2018", qualification="SPM")
    base.update(kw)
    return S.StaffForm(**base)


def add(db, grade, **kw):
    return perform(db, S.add_staff, form(grade, **kw)).result


def refused(db, counts, fn, *args) -> Refused:
    before = counts()
    with pytest.raises(Refused) as info:
        perform(db, fn, *args)
    assert counts() == before
    return info.value


def test_add_derives_birth_date_and_sex_and_audits(db, grade, last_audit):
    outcome = perform(db, S.add_staff, form(grade, name="  Siti   Aminah binti Ali "),
                      actor="kerani")
    assert outcome.touched == {"staff"}
    row = read(db, S.get_staff, outcome.result)
    # 850615-10-1234: born 15 June 1985, Selangor, last digit even = perempuan
    assert row == S.StaffRow(outcome.result, "Siti Aminah binti Ali", "850615101234",
                             date(1985, 6, 15), "P", "S17", date(2015, 3, 1), date(2018, 3, 1),
                             Qualification.SPM, True, None, grade, None)
    assert row.confirmed
    rec = last_audit()
    assert (rec.actor, rec.action, rec.entity, rec.entity_id) == ("kerani", "tambah", "staff",
                                                                 str(row.id))
    assert '"birth_date":"1985-06-15"' in rec.after and '"sex":"P"' in rec.after
    assert '"mykad":"850615101234"' in rec.after


def test_male_and_unconfirmed(db, grade):
    sid = add(db, grade, mykad="010203 14 5671", confirmed_on="", qualification="diploma")
    row = read(db, S.get_staff, sid)
    assert (row.birth_date, row.sex, row.confirmed_on, row.qualification) == (
        date(2001, 2, 3), "L", None, Qualification.DIPLOMA)
    assert not row.confirmed


@pytest.mark.parametrize("typed, expected", [
    ("bawah spm", Qualification.BELOW_SPM), ("BAWAH_SPM", Qualification.BELOW_SPM),
    ("below_spm", Qualification.BELOW_SPM), ("Ijazah", Qualification.IJAZAH),
    (" stpm ", Qualification.STPM), (Qualification.DIPLOMA, Qualification.DIPLOMA),
])
def test_qualification_as_typed(db, grade, typed, expected):
    sid = add(db, grade, qualification=typed)
    assert read(db, S.get_staff, sid).qualification == expected


def test_search_by_name_or_mykad(db, grade):
    siti = add(db, grade)
    ali = add(db, grade, name="Ali bin Abu", mykad="900101-01-5679")
    names = lambda q, **kw: [r.id for r in read(db, S.list_staff, q, **kw)]  # noqa: E731
    assert names(None) == [ali, siti]  # by name
    assert names("") == [ali, siti]
    assert names("AMINAH") == [siti]
    assert names("bin") == [ali, siti]  # "binti" contains "bin"
    assert names("0615-10") == [siti]  # part of the MyKad as typed with a dash
    assert names("5679") == [ali]
    assert names("9001 01") == [ali]
    assert names("Tiada") == []
    assert names("%") == []  # a wildcard typed by the user is only a character


def test_list_can_hide_inactive(db, grade):
    sid = add(db, grade)
    perform(db, S.set_staff_active, sid, False)
    assert [r.active for r in read(db, S.list_staff)] == [False]
    assert read(db, S.list_staff, include_inactive=False) == []
    assert read(db, S.list_staff, "Siti", include_inactive=False) == []


def test_edit_rederives_and_audits(db, grade, last_audit):
    sid = add(db, grade)
    perform(db, S.update_staff, sid, form(grade, mykad="870228-08-1231"))
    row = read(db, S.get_staff, sid)
    assert (row.mykad, row.birth_date, row.sex) == ("870228081231", date(1987, 2, 28), "L")
    rec = last_audit()
    assert rec.action == "ubah"
    assert '"mykad":"850615101234"' in rec.before and '"mykad":"870228081231"' in rec.after


def test_edit_without_change_writes_no_audit(db, grade, counts):
    sid = add(db, grade)
    n = counts()
    perform(db, S.update_staff, sid, S.staff_form(read(db, S.get_staff, sid)))
    perform(db, S.update_staff, sid, form(grade, mykad="850615101234"))
    assert counts() == n


def test_staff_form_shows_the_record_as_typed(db, grade):
    sid = add(db, grade)
    assert S.staff_form(read(db, S.get_staff, sid)) == S.StaffForm(
        "Siti Aminah binti Ali", "850615-10-1234", str(grade), "01/03/2015", "01/03/2018", "SPM")


@pytest.mark.parametrize("bad, field, code, words", [
    (dict(name=" "), "name", "REQUIRED", "Nama pegawai wajib diisi"),
    (dict(mykad=""), "mykad", "REQUIRED", "No. MyKad wajib diisi"),
    (dict(mykad="991332-10-5678"), "mykad", "INVALID_MYKAD", "tidak wujud"),
    (dict(mykad="850615-00-1234"), "mykad", "INVALID_MYKAD", "Kod tempat lahir 00"),
    (dict(mykad="850615-10-123"), "mykad", "INVALID_MYKAD", "mesti 12 digit"),
    (dict(mykad="85O615-10-1234"), "mykad", "INVALID_MYKAD", "hanya boleh mengandungi nombor"),
    (dict(grade_id=""), "grade_id", "REQUIRED", "Gred wajib dipilih"),
    (dict(grade_id="999"), "grade_id", "NOT_FOUND", "Gred 999 tidak wujud"),
    (dict(grade_id="S17"), "grade_id", "NOT_A_NUMBER", "nombor bulat"),
    (dict(service_start=""), "service_start", "REQUIRED", "wajib diisi"),
    (dict(service_start="31/02/2015"), "service_start", "INVALID_DATE", "bukan tarikh"),
    (dict(service_start=TOMORROW.isoformat(), confirmed_on=""), "service_start",
     "DATE_IN_FUTURE", "masa hadapan"),
    (dict(service_start="14/06/1985", confirmed_on=""), "service_start", "DATES_OUT_OF_ORDER",
     "selepas tarikh lahir"),
    (dict(confirmed_on="28/02/2015"), "confirmed_on", "DATES_OUT_OF_ORDER",
     "sebelum tarikh mula berkhidmat"),
    (dict(confirmed_on="semalam"), "confirmed_on", "INVALID_DATE", "bukan tarikh"),
    (dict(confirmed_on=TOMORROW.strftime("%d/%m/%Y")), "confirmed_on", "DATE_IN_FUTURE",
     "masa hadapan"),
    (dict(qualification=""), "qualification", "REQUIRED", "wajib dipilih"),
    (dict(qualification="PHD"), "qualification", "INVALID_QUALIFICATION", "tidak dikenali"),
])
def test_bad_input_is_refused_on_add_and_edit(db, grade, counts, bad, field, code, words):
    err = refused(db, counts, S.add_staff, form(grade, **bad))
    assert err.fields == (field,)
    assert err.violations[0].code == code
    assert words in err.message("ms")
    sid = add(db, grade, mykad="900101-01-5679")
    err = refused(db, counts, S.update_staff, sid, form(grade, **bad))
    assert err.fields == (field,) and err.violations[0].code == code


def test_confirmation_on_the_first_day_is_allowed(db, grade):
    sid = add(db, grade, confirmed_on="01/03/2015")
    assert read(db, S.get_staff, sid).confirmed_on == date(2015, 3, 1)


def test_service_start_today_is_allowed(db, grade):
    sid = add(db, grade, service_start=date.today(), confirmed_on="")
    assert read(db, S.get_staff, sid).service_start == date.today()


def test_all_problems_at_once(db, grade, counts):
    err = refused(db, counts, S.add_staff, S.StaffForm("", "123", "", "x", "", "?"))
    assert set(err.fields) == {"name", "mykad", "grade_id", "service_start", "qualification"}


def test_duplicate_mykad_refused_however_typed(db, grade, counts):
    add(db, grade)
    err = refused(db, counts, S.add_staff, form(grade, name="Orang Lain", mykad="850615101234"))
    assert (err.fields, err.violations[0].code) == (("mykad",), "DUPLICATE")
    assert "850615-10-1234" in err.message("ms") and "Siti Aminah binti Ali" in err.message("ms")
    other = add(db, grade, name="Ali bin Abu", mykad="900101-01-5679")
    err = refused(db, counts, S.update_staff, other, form(grade, mykad=" 850615 10 1234 "))
    assert err.violations[0].code == "DUPLICATE"


def test_inactive_grade_refused_for_new_but_kept_on_edit(db, grade, counts):
    sid = add(db, grade)
    perform(db, G.set_grade_active, grade, False)
    err = refused(db, counts, S.add_staff, form(grade, mykad="900101-01-5679"))
    assert (err.fields, err.violations[0].code) == (("grade_id",), "GRADE_INACTIVE")
    perform(db, S.update_staff, sid, form(grade, name="Siti Aminah"))
    assert read(db, S.get_staff, sid).name == "Siti Aminah"
    s27 = perform(db, G.add_grade, G.GradeForm("S27", "Pendidik")).result
    perform(db, S.update_staff, sid, form(s27))
    err = refused(db, counts, S.update_staff, sid, form(grade))  # back to the inactive one
    assert err.violations[0].code == "GRADE_INACTIVE"


def test_deactivate_and_reactivate(db, grade, last_audit):
    sid = add(db, grade)
    perform(db, S.set_staff_active, sid, False)
    assert read(db, S.get_staff, sid).active is False
    assert last_audit().action == "nyahaktif"
    perform(db, S.set_staff_active, sid, True)
    assert read(db, S.get_staff, sid).active is True
    assert last_audit().action == "aktifkan"


def test_an_officer_holding_a_post_cannot_be_deactivated(db, grade, counts):
    sid = add(db, grade)
    premises = perform(db, PR.add_premises, PR.PremisesForm(
        "TBK-SGR-001", "Tabika Perpaduan Taman Melati", "TABIKA", "SGR")).result
    post = perform(db, P.add_post, P.PostForm(premises, grade)).result
    perform(db, P.assign_incumbent, post, sid, date(2016, 1, 4))
    row = read(db, S.get_staff, sid)
    assert (row.post, row.post_id) == (f"TBK-SGR-001 / S17 #{post}", post)
    err = refused(db, counts, S.set_staff_active, sid, False)
    assert (err.fields, err.violations[0].code) == (("active",), "STAFF_HOLDS_POST")
    assert f"TBK-SGR-001 / S17 #{post}" in err.message("ms")
    perform(db, P.release_incumbent, post, date(2020, 12, 31), "Tamat kontrak")
    perform(db, S.set_staff_active, sid, False)
    assert read(db, S.get_staff, sid).post is None


@pytest.mark.parametrize("action, args", [
    (S.update_staff, (999, S.StaffForm())),
    (S.set_staff_active, (999, False)),
])
def test_unknown_officer_is_refused(db, counts, action, args):
    err = refused(db, counts, action, *args)
    assert err.violations[0].code == "NOT_FOUND"


def test_unknown_officer_is_refused_when_read(db):
    with pytest.raises(Refused) as info:
        read(db, S.get_staff, 999)
    assert info.value.violations[0].code == "NOT_FOUND"



def test_future_dates_are_judged_against_the_given_today(db, grade, counts):
    pinned = date(2015, 3, 1)
    before = counts()
    with pytest.raises(Refused) as info:
        perform(db, S.add_staff, form(grade, service_start="02/03/2015", confirmed_on=""),
                today=pinned)
    assert counts() == before
    assert [v.field for v in info.value.violations] == ["service_start"]
    sid = perform(db, S.add_staff, form(grade, service_start="01/03/2015", confirmed_on=""),
                  today=pinned).result
    assert read(db, S.get_staff, sid).service_start == pinned
