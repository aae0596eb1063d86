"""Refusals (unknown record, wrong state, missing office settings), reference prefixes, the
letterhead logo, and the month's batch of records due a letter."""

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

from desktop.models import IssuedLetter, LetterAsset, Office, Vacancy
from desktop.rules import Refused
from desktop.rules.letters import LetterKind
from desktop.services import letters as L
from desktop.services.office import OfficeInfo, get_office, save_office
from desktop.services.unit import perform, read

from .conftest import ISSUE_DAY, subject_only

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20 + b"\xff\xd9"


def issue(db, kind, record, compose=subject_only):
    return perform(db, L.issue_letter, kind, record, today=ISSUE_DAY, compose=compose).result


def codes(err) -> list[str]:
    return [v.code for v in err.value.violations]


@pytest.mark.parametrize("kind", [k.value for k in LetterKind])
@pytest.mark.parametrize("record", [999, "abc", None, -1, True])
def test_an_unknown_record_is_refused(demo, kind, record):
    with pytest.raises(Refused) as err:
        issue(demo, kind, record)
    assert codes(err) == ["LETTER_RECORD_NOT_FOUND"]
    assert err.value.fields == ("record_id",)


def test_a_termination_letter_for_an_active_psh_is_refused(demo):
    with pytest.raises(Refused) as err:
        issue(demo, "psh-termination", 2)
    assert codes(err) == ["LETTER_PSH_NOT_ENDED"]
    assert err.value.violations[0].paragraph == "5A(s)"
    assert "Mohd Rizal bin Sulaiman" in err.value.message("ms")


def test_an_application_needs_a_candidate_and_a_chosen_period(demo):
    from desktop.services.candidates import list_candidates

    with demo.session() as s:
        open_ids = [v.id for v in s.execute(select(Vacancy).order_by(Vacancy.id)).scalars()
                    if v.chosen_method is None]
    lonely = [v for v in open_ids
              if not [c for c in read(demo, list_candidates, v) if c.position is not None]]
    waiting = [v for v in open_ids if v not in lonely]
    assert lonely and waiting
    with pytest.raises(Refused) as err:
        issue(demo, "psh-application", lonely[0])
    assert codes(err) == ["LETTER_NO_CANDIDATE"]
    with pytest.raises(Refused) as err:
        issue(demo, "psh-application", waiting[0])
    assert codes(err) == ["LETTER_NO_PERIOD"]


def test_missing_office_settings_are_listed_all_at_once(demo):
    with demo.session() as s:
        o = s.execute(select(Office)).scalar_one()
        o.address, o.signer_name, o.signer_title, o.ref_prefix = "", " ", "", ""
    with pytest.raises(Refused) as err:
        issue(demo, "psh-offer", 2)
    assert codes(err) == ["LETTER_OFFICE_SETTING_MISSING"] * 4
    assert set(err.value.fields) == {"address", "signer_name", "signer_title", "ref_prefix"}
    # a prefix of the kind's own replaces the office's
    perform(demo, L.save_letter_prefixes, {"psh-offer": "JPNIN.SGR.100-1/1"})
    with pytest.raises(Refused) as err:
        issue(demo, "psh-offer", 2)
    assert set(err.value.fields) == {"address", "signer_name", "signer_title"}


def test_no_office_at_all_is_refused_naming_every_setting(db):
    with pytest.raises(Refused) as err:
        issue(db, "psh-offer", 1)
    assert set(err.value.fields) == {"name", "address", "signer_name", "signer_title",
                                     "ref_prefix"}


def test_prefixes_are_saved_and_used(demo):
    perform(demo, L.save_letter_prefixes, {"psh-offer": " JPNIN.SGR.600-2/3/1 ",
                                           LetterKind.PSH_EXTENSION: "JPNIN.SGR.600-2/3/2"})
    prefixes = read(demo, L.letter_prefixes)
    assert prefixes[LetterKind.PSH_OFFER] == "JPNIN.SGR.600-2/3/1"
    assert prefixes[LetterKind.PSH_TERMINATION] == "JPNIN.SGR.600-1/2/3"  # default kept
    assert issue(demo, "psh-offer", 2).reference == "JPNIN.SGR.600-2/3/1/2026 (1)"


@pytest.mark.parametrize("prefixes,code", [
    ({"psh-offer": ""}, "LETTER_PREFIX_EMPTY"),
    ({"psh-offer": "   "}, "LETTER_PREFIX_EMPTY"),
    ({"psh-offer": "JPNIN:SGR"}, "LETTER_PREFIX_INVALID"),
    ({"psh-offer": "JPNIN\nSGR"}, "LETTER_PREFIX_INVALID"),
    ({"psh-offer": "J" * 61}, "LETTER_PREFIX_INVALID"),
    ({"psh-offer": "A/1", "psh-extension": "A/1"}, "LETTER_PREFIX_SHARED"),
    ({"psh-offer": "JPNIN.SGR.600-1/2/2"}, "LETTER_PREFIX_SHARED"),  # extension's default
    ({"surat": "A/1"}, "LETTER_KIND_UNKNOWN"),
])
def test_bad_prefixes_are_refused_and_nothing_is_saved(demo, prefixes, code):
    before = read(demo, L.letter_prefixes)
    with pytest.raises(Refused) as err:
        perform(demo, L.save_letter_prefixes, prefixes)
    assert code in codes(err)
    assert read(demo, L.letter_prefixes) == before


def test_a_reference_already_used_is_refused(demo):
    first = issue(demo, "psh-offer", 2)  # JPNIN.SGR.600-1/2/1/2026 (1)
    perform(demo, L.save_letter_prefixes, {"psh-offer": "JPNIN.SGR.600-9/1"})
    perform(demo, L.save_letter_prefixes, {"psh-extension": "JPNIN.SGR.600-1/2/1"})
    with pytest.raises(Refused) as err:
        issue(demo, "psh-extension", 1)
    assert codes(err) == ["LETTER_REFERENCE_TAKEN"] and first.reference in err.value.message()


def test_an_office_prefix_with_a_colon_cannot_make_references(demo):
    with demo.session() as s:
        s.execute(select(Office)).scalar_one().ref_prefix = "JPNIN:SGR"
    with pytest.raises(Refused) as err:
        issue(demo, "psh-offer", 2)
    assert codes(err) == ["LETTER_PREFIX_INVALID"]


@pytest.mark.parametrize("data,mime", [(PNG, "image/png"), (JPEG, "image/jpeg")])
def test_a_logo_is_stored_by_its_hash_and_named_by_the_office(demo, data, mime):
    sha = perform(demo, L.set_logo, data).result
    assert sha == hashlib.sha256(data).hexdigest()
    assert read(demo, L.logo_bytes, sha) == data
    assert read(demo, get_office).logo_sha == sha
    with demo.session() as s:
        assert s.get(LetterAsset, sha).mime == mime
    seen = []
    issue(demo, "psh-offer", 2, compose=lambda inp: seen.append(inp) or {"subject": "X"})
    assert seen[0].letterhead["logo_sha"] == sha
    # saving the office settings keeps the logo
    info = read(demo, get_office)
    perform(demo, save_office, OfficeInfo(**{**info.__dict__, "logo_sha": ""}))
    assert read(demo, get_office).logo_sha == sha
    perform(demo, L.clear_logo)
    assert read(demo, get_office).logo_sha == "" and read(demo, L.logo_bytes, sha) == data
    assert read(demo, L.logo_bytes, "") is None and read(demo, L.logo_bytes, "0" * 64) is None


@pytest.mark.parametrize("data", [b"", b"GIF89a" + b"\x00" * 30, b"%PDF-1.4", "text",
                                  b"\x89PNG", None])
def test_a_logo_that_is_not_a_png_or_jpeg_is_refused(demo, data):
    with pytest.raises(Refused) as err:
        perform(demo, L.set_logo, data)
    assert codes(err) == ["LETTER_LOGO_NOT_IMAGE"]
    assert read(demo, get_office).logo_sha == ""


def test_a_logo_over_2_mb_is_refused(demo):
    limit = 2 * 1024 * 1024
    perform(demo, L.set_logo, PNG + b"\x00" * (limit - len(PNG)))  # exactly 2 MB is accepted
    with pytest.raises(Refused) as err:
        perform(demo, L.set_logo, JPEG + b"\x00" * (limit + 1 - len(JPEG)))
    assert codes(err) == ["LETTER_LOGO_TOO_BIG"]


def test_a_logo_needs_an_office(db):
    with pytest.raises(Refused) as err:
        perform(db, L.set_logo, PNG)
    assert codes(err) == ["LETTER_OFFICE_SETTING_MISSING"]


def test_the_register_lists_filters_and_finds(demo):
    a = issue(demo, "psh-offer", 2)
    b = issue(demo, "psh-extension", 1)
    everything = read(demo, L.list_letters)
    assert [r.id for r in everything] == [b.id, a.id]
    assert [r.id for r in read(demo, L.list_letters, kind="psh-offer")] == [a.id]
    assert read(demo, L.list_letters, year=2025) == []
    assert [r.id for r in read(demo, L.list_letters, text="rizal")] == [a.id]
    assert [r.id for r in read(demo, L.list_letters, text=b.reference)] == [b.id]
    assert read(demo, L.get_letter, str(a.id)) == a
    for bad in (999, "x", None):
        with pytest.raises(Refused) as err:
            read(demo, L.get_letter, bad)
        assert codes(err) == ["LETTER_NOT_FOUND"]
    with pytest.raises(Refused):
        read(demo, L.list_letters, year="dua ribu")


def test_the_batch_lists_records_due_and_drops_those_issued(demo):
    offers = read(demo, L.batch_records, "psh-offer", 2026, 11)
    with demo.session() as s:
        from desktop.models import PshAppointment

        november = [p.id for p in s.execute(select(PshAppointment).order_by(
            PshAppointment.start, PshAppointment.id)).scalars()
            if date(2026, 11, 1) <= p.start <= date(2026, 11, 30)]
    assert [rid for rid, _ in offers] == november and november
    assert all("November 2026" in label for _, label in offers)
    issue(demo, "psh-offer", november[0])
    assert [rid for rid, _ in read(demo, L.batch_records, "psh-offer", 2026, 11)] == november[1:]
    # the extension approved on 17 November 2026 is due in November, not in October
    assert [rid for rid, _ in read(demo, L.batch_records, "psh-extension", 2026, 11)] == [1]
    assert read(demo, L.batch_records, "psh-extension", 2026, 10) == []
    ended = read(demo, L.batch_records, "psh-termination", 2026, 11)
    assert [rid for rid, _ in ended] == [6]
    acting = read(demo, L.batch_records, "acting-instruction", 2026, 11)
    assert [rid for rid, _ in acting] == [4]
    with pytest.raises(Refused):
        read(demo, L.batch_records, "psh-offer", 2026, 13)
    with pytest.raises(Refused):
        read(demo, L.batch_records, "psh-offer", "x", 1)


def test_issuing_is_audited(demo):
    from desktop.models import AuditRecord

    row = issue(demo, "psh-offer", 2)
    with demo.session() as s:
        rec = s.execute(select(AuditRecord).where(AuditRecord.entity == "issued_letter")
                        ).scalar_one()
        assert rec.entity_id == str(row.id) and row.reference in rec.after
        assert s.get(IssuedLetter, row.id).actor == rec.actor
