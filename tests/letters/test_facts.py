"""The facts of every kind match the record they are issued for (read here straight from the
tables), with the keys of letters-spec.md; all are text (JSON) but the application's lists."""

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.models import (
    ActingAssignment,
    GradeSalary,
    Post,
    PshAppointment,
    PshExtension,
    Vacancy,
)
from desktop.services import letters as L
from desktop.services.unit import perform

from .conftest import ISSUE_DAY

COMMON = {"name", "mykad", "premises_name", "premises_address", "post_title", "grade", "state",
          "state_name"}
KEYS = {
    "psh-offer": {"daily_rate", "daily_rate_words", "start", "end", "kp_approval_ref",
                  "kp_approval_date", "qualification_used", "vacancy_kind", "hours_per_day",
                  "kwsp_applies"},
    "psh-extension": {"daily_rate", "daily_rate_words", "start", "previous_end", "new_end",
                      "reason", "approved_by", "approved_on"},
    "psh-termination": {"start", "ended_on", "end_reason"},
    "acting-instruction": {"staff_grade", "acting_post_title", "acting_grade", "start", "end",
                           "allowance_percent", "monthly_allowance", "monthly_allowance_words",
                           "approval_ref", "approval_date", "authority", "instruction_ref"},
    "ora-declaration": {"role"},
    "psh-application": {"vacancy_id", "vacancy_kind", "vacancy_reason", "opened_on",
                        "expected_end", "candidate_name", "candidate_mykad",
                        "candidate_qualification", "daily_rate", "start", "end",
                        "projected_cost", "costs", "allocation", "chosen_method",
                        "method_reason"},
}


def captured(db, kind, record):
    """Issue the letter with a composer that keeps its input; (input, issued row)."""
    seen = []

    def compose(inp):
        seen.append(inp)
        return {"subject": "X"}

    row = perform(db, L.issue_letter, kind, record, today=ISSUE_DAY, compose=compose).result
    json.dumps(seen[0].facts)  # JSON as it is
    return seen[0], row


def place_of(s, vacancy_id):
    v = s.get(Vacancy, vacancy_id)
    return v, {"premises_name": v.premises.name, "post_title": v.post.grade.title,
               "grade": v.post.grade.code, "state": "SGR", "state_name": "Selangor"}


def assert_text_values(facts, kind):
    assert set(facts) == COMMON | KEYS[kind]
    lists = {"costs", "allocation"}
    assert all(isinstance(v, str) for k, v in facts.items() if k not in lists), facts


def test_offer(demo):
    inp, row = captured(demo, "psh-offer", 2)
    f = inp.facts
    assert_text_values(f, "psh-offer")
    with demo.session() as s:
        p = s.get(PshAppointment, 2)
        v, place = place_of(s, p.vacancy_id)
        assert {k: f[k] for k in place} == place
        assert (f["name"], f["mykad"]) == (p.name, p.mykad)
        assert f["premises_address"].startswith(v.premises.address.splitlines()[0].strip())
        assert Decimal(f["daily_rate"]) == p.daily_rate
        assert (f["start"], f["end"]) == (p.start.isoformat(), p.end.isoformat())
        assert f["kp_approval_ref"] == p.kp_approval_ref
        assert f["kp_approval_date"] == p.kp_approval_date.isoformat()
        used = p.qualification_used.value
    # 5B(a): SPM RM54.00 a day; words in the reference's cheque style
    assert f["daily_rate"] == "54.00" and used == "SPM"
    assert f["daily_rate_words"] == "Ringgit Malaysia Lima Puluh Empat Sahaja"
    assert "SPM" in f["qualification_used"]
    assert f["vacancy_kind"] in ("Kekosongan hakiki", "Kekosongan operasi")
    assert f["hours_per_day"] == "9" and f["kwsp_applies"] == "ya"
    assert inp.addressee["name"] == f["name"] and inp.addressee["lines"][0] == f["premises_name"]
    assert row.essentials == {"kind": "psh-offer", "reference": row.reference,
                              "issued_on": "2026-11-25", "name": f["name"], "mykad": f["mykad"],
                              "daily_rate": "54.00", "start": f["start"], "end": f["end"]}


def test_offer_of_an_extended_psh_gives_the_first_term(demo):
    inp, _ = captured(demo, "psh-offer", 4)  # PSH 4 was extended once
    with demo.session() as s:
        e = s.execute(select(PshExtension).where(PshExtension.appointment_id == 4)).scalar_one()
        assert inp.facts["end"] == e.previous_end.isoformat()
        assert s.get(PshAppointment, 4).end == e.new_end


def test_extension(demo):
    inp, row = captured(demo, "psh-extension", 1)
    f = inp.facts
    assert_text_values(f, "psh-extension")
    with demo.session() as s:
        e = s.get(PshExtension, 1)
        p = e.appointment
        assert (f["name"], f["mykad"], f["start"]) == (p.name, p.mykad, p.start.isoformat())
        assert f["previous_end"] == e.previous_end.isoformat()
        assert f["new_end"] == e.new_end.isoformat()
        assert (f["reason"], f["approved_by"]) == (e.reason, e.approved_by)
        assert f["approved_on"] == e.approved_on.isoformat()
        assert Decimal(f["daily_rate"]) == p.daily_rate
    assert row.essentials["new_end"] == f["new_end"]
    assert (row.entity, row.entity_id) == ("psh_extension", 1)


def test_termination(demo):
    inp, row = captured(demo, "psh-termination", 6)
    f = inp.facts
    assert_text_values(f, "psh-termination")
    with demo.session() as s:
        p = s.get(PshAppointment, 6)
        assert f["ended_on"] == p.ended_on.isoformat() and f["end_reason"] == p.end_reason
        assert f["start"] == p.start.isoformat()
    assert row.essentials["ended_on"] == f["ended_on"]


def test_ora_declaration(demo):
    inp, row = captured(demo, "ora-declaration", 2)
    f = inp.facts
    assert_text_values(f, "ora-declaration")
    assert f["role"] == f"Pekerja Sambilan Harian, {f['premises_name']}"
    assert set(row.essentials) == {"kind", "reference", "issued_on", "name", "mykad"}


def test_acting_instruction(demo):
    inp, row = captured(demo, "acting-instruction", 1)
    f = inp.facts
    assert_text_values(f, "acting-instruction")
    with demo.session() as s:
        a = s.get(ActingAssignment, 1)
        salary = s.execute(select(GradeSalary.starting_salary)
                           .where(GradeSalary.grade_id == a.grade_id,
                                  GradeSalary.effective_from <= a.start)
                           .order_by(GradeSalary.effective_from.desc()).limit(1)).scalar_one()
        assert (f["name"], f["mykad"]) == (a.staff.name, a.staff.mykad)
        assert f["staff_grade"] == a.staff.grade.code
        assert (f["acting_grade"], f["acting_post_title"]) == (a.grade.code, a.grade.title)
        assert (f["start"], f["end"]) == (a.start.isoformat(), a.end.isoformat())
        assert (f["approval_ref"], f["instruction_ref"]) == (a.approval_ref, a.instruction_ref)
        assert f["approval_date"] == a.approval_date.isoformat()
        assert f["authority"] == a.authority
        own = s.execute(select(Post).where(Post.incumbent_id == a.staff_id)).scalars().first()
        if own is not None:
            assert inp.addressee["lines"][0] == own.premises.name
    # 6B(a): 25 % of the starting salary, rounded half up to the sen
    assert f["allowance_percent"] == "25"
    expected = (salary / 4).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert f["monthly_allowance"] == str(expected)
    assert f["monthly_allowance_words"].startswith("Ringgit Malaysia ")
    assert row.essentials["allowance"] == f["monthly_allowance"]


def test_psh_application_of_a_vacancy_with_its_psh(demo):
    inp, row = captured(demo, "psh-application", 2)
    f = inp.facts
    assert_text_values(f, "psh-application")
    with demo.session() as s:
        v = s.get(Vacancy, 2)
        p = s.execute(select(PshAppointment).where(PshAppointment.vacancy_id == 2)
                      ).scalars().one()
        costs_then = json.loads(v.method_costs)
        assert (f["candidate_name"], f["candidate_mykad"]) == (p.name, p.mykad)
        assert f["vacancy_id"] == "2" and f["opened_on"] == v.opened_on.isoformat()
        assert f["vacancy_reason"] == v.reason.label_ms
        assert f["method_reason"] == v.method_reason and f["chosen_method"].startswith("Pekerja")
        assert Decimal(f["daily_rate"]) == p.daily_rate
    assert [c["method"] for c in f["costs"]] == ["PSH", "ACTING", "GANTIAN"]
    assert sum(c["cheapest"] for c in f["costs"]) == 1
    psh = f["costs"][0]
    assert psh["allowed"] and psh["cost"] == f["projected_cost"]
    # the same period as when the method was chosen costs the same
    if (costs_then["start"], costs_then["end"]) == (f["start"], f["end"]):
        assert costs_then["costs"]["PSH"] == f["projected_cost"]
    gantian = f["costs"][2]
    assert gantian["cost"] == "" and gantian["note"]  # the honorarium table is empty
    alloc = f["allocation"]
    assert alloc["year"] == f["start"][:4]
    assert (Decimal(alloc["allocated"]) - Decimal(alloc["committed"]) - Decimal(alloc["spent"])
            == Decimal(alloc["balance"]))
    assert isinstance(alloc["sufficient"], bool)
    assert inp.addressee["name"] == "Ketua Pengarah"
    assert row.essentials["vacancy_id"] == "2" and row.person == p.name


def test_psh_application_before_any_psh_takes_the_first_candidate(demo):
    """A vacancy with candidates whose method was chosen as PSH for a period: the letter
    applies for the first candidate in the order of offer, over that period."""
    from desktop.services.candidates import list_candidates
    from desktop.services.filling_choice import choose_method
    from desktop.services.unit import read

    with demo.session() as s:
        ids = [v.id for v in s.execute(select(Vacancy).order_by(Vacancy.id)).scalars()
               if v.chosen_method is None and v.status.value == "OPEN"
               and v.kind.value == "HAKIKI"]
    chosen = None
    for vid in ids:
        ranked = [c for c in read(demo, list_candidates, vid) if c.position is not None]
        if ranked:
            chosen = vid, ranked[0]
            break
    assert chosen, "the demo has an open vacancy with candidates"
    vid, first = chosen
    start, end = date(2026, 12, 1), date(2027, 2, 26)
    perform(demo, choose_method, vid, "PSH", "Calon sedia ada; kos setara.", start, end)
    inp, _ = captured(demo, "psh-application", vid)
    f = inp.facts
    assert (f["candidate_name"], f["candidate_mykad"]) == (first.name, first.mykad)
    assert (f["start"], f["end"]) == ("2026-12-01", "2027-02-26")
    assert f["method_reason"] == "Calon sedia ada; kos setara."


@pytest.mark.parametrize("kind,record", [("psh-offer", 2), ("acting-instruction", 1)])
def test_letterhead_comes_from_the_office_settings(demo, kind, record):
    from desktop.models import Office

    inp, _ = captured(demo, kind, record)
    with demo.session() as s:
        o = s.execute(select(Office)).scalar_one()
        assert inp.letterhead == {
            "name": o.name, "address": o.address, "phone": o.phone, "email": o.email,
            "slogans": o.slogans.splitlines(), "signer_name": o.signer_name,
            "signer_title": o.signer_title, "logo_sha": ""}
    assert inp.letterhead["slogans"] == ["MALAYSIA MADANI", "BERKHIDMAT UNTUK NEGARA"]
    assert inp.issued_on == ISSUE_DAY and inp.qr_text.startswith("ISITUGAS:1:" + inp.reference)


def test_the_application_goes_to_the_head_office_address_the_office_set(demo):
    """Blank, the Ketua Pengarah is addressed at the department in Putrajaya; once the office
    sets Ibu Pejabat's address (Tetapan pejabat), letters print it, line by line."""
    from dataclasses import replace

    from desktop.services.office import get_office, save_office
    from desktop.services.unit import read

    inp, _row = captured(demo, "psh-application", 2)
    assert inp.addressee["lines"] == ["Jabatan Perpaduan Negara dan Integrasi Nasional",
                                      "Putrajaya"]
    office = read(demo, get_office)
    perform(demo, save_office, replace(office, hq_address=(
        " Ibu Pejabat JPNIN \n\nAras 5, Blok F2, Kompleks F\n62000 Putrajaya  ")))
    assert read(demo, get_office).hq_address == (
        "Ibu Pejabat JPNIN\nAras 5, Blok F2, Kompleks F\n62000 Putrajaya")  # as saved
    inp, _row = captured(demo, "psh-application", 2)
    assert inp.addressee == {"name": "Ketua Pengarah", "lines": [
        "Ibu Pejabat JPNIN", "Aras 5, Blok F2, Kompleks F", "62000 Putrajaya"]}


def test_a_head_office_address_too_long_is_refused(demo):
    from dataclasses import replace

    from desktop.rules import Refused
    from desktop.services.office import get_office, save_office
    from desktop.services.unit import read

    office = read(demo, get_office)
    with pytest.raises(Refused) as info:
        perform(demo, save_office, replace(office, hq_address="Jalan " * 100))
    assert [(v.field, v.code) for v in info.value.violations] == [("hq_address", "TOO_LONG")]
    assert read(demo, get_office) == office
