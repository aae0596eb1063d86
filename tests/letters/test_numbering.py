"""Reference numbers: per kind per year, never reused once issued, distinct under concurrent
issue; a compose that raises issues nothing (the number is not consumed: nobody saw it)."""

import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.models import AuditRecord, IssuedLetter, LetterSequence
from desktop.rules import Refused
from desktop.services import letters as L
from desktop.services.unit import perform, read

from .conftest import ISSUE_DAY, subject_only

OFFER = "JPNIN.SGR.600-1/2/1"  # the demo office's prefix "JPNIN.SGR.600-1/2/" + "/1"
EXTENSION = "JPNIN.SGR.600-1/2/2"


def issue(db, kind, record, today=ISSUE_DAY, compose=subject_only):
    return perform(db, L.issue_letter, kind, record, today=today, compose=compose).result


def count(db, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_default_prefixes_come_from_the_office_prefix(demo):
    prefixes = read(demo, L.letter_prefixes)
    assert prefixes[L.LetterKind.PSH_OFFER] == OFFER
    assert prefixes[L.LetterKind.PSH_APPLICATION] == "JPNIN.SGR.600-1/2/6"
    assert len(set(prefixes.values())) == 6


def test_two_kinds_interleaved_keep_their_own_numbers(demo):
    refs = [issue(demo, "psh-offer", 2).reference, issue(demo, "psh-extension", 1).reference,
            issue(demo, "psh-offer", 3).reference, issue(demo, "psh-offer", 2).reference,
            issue(demo, "psh-extension", 1).reference]
    assert refs == [f"{OFFER}/2026 (1)", f"{EXTENSION}/2026 (1)", f"{OFFER}/2026 (2)",
                    f"{OFFER}/2026 (3)", f"{EXTENSION}/2026 (2)"]
    rows = read(demo, L.list_letters)
    assert sorted((r.kind.value, r.seq) for r in rows) == [
        ("psh-extension", 1), ("psh-extension", 2), ("psh-offer", 1), ("psh-offer", 2),
        ("psh-offer", 3)]


def test_a_new_year_starts_again_at_one_without_reusing_a_reference(demo):
    first = issue(demo, "psh-offer", 2, today=date(2026, 12, 31))
    second = issue(demo, "psh-offer", 2, today=date(2027, 1, 4))
    third = issue(demo, "psh-offer", 3, today=date(2027, 1, 5))
    assert (first.year, first.seq, first.reference) == (2026, 1, f"{OFFER}/2026 (1)")
    assert (second.year, second.seq, second.reference) == (2027, 1, f"{OFFER}/2027 (1)")
    assert third.reference == f"{OFFER}/2027 (2)"
    assert read(demo, L.list_letters, year=2027, kind="psh-offer")[0].id == third.id


def test_compose_raising_issues_nothing_and_the_number_is_not_consumed(demo):
    issue(demo, "psh-offer", 2)
    audits = count(demo, AuditRecord)

    def broken(inp):
        assert inp.reference == f"{OFFER}/2026 (2)"  # it was offered the next number
        raise RuntimeError("the composer failed")

    with pytest.raises(RuntimeError):
        issue(demo, "psh-offer", 3, compose=broken)
    assert count(demo, IssuedLetter) == 1 and count(demo, AuditRecord) == audits
    assert issue(demo, "psh-offer", 3).reference == f"{OFFER}/2026 (2)"


def test_a_document_that_is_not_json_is_refused_and_consumes_nothing(demo):
    for bad in (lambda inp: ["not", "a", "dict"], lambda inp: {"subject": {1, 2}}):
        with pytest.raises(Refused) as err:
            issue(demo, "psh-offer", 2, compose=bad)
        assert err.value.violations[0].code == "LETTER_DOCUMENT_INVALID"
    assert issue(demo, "psh-offer", 2).seq == 1


def test_a_failure_after_the_commit_leaves_the_number_used(demo):
    def render(row):  # what a printer failing after issue_letter committed looks like
        raise OSError("printer offline")

    first = issue(demo, "psh-offer", 2)
    with pytest.raises(OSError):
        render(first)
    again = issue(demo, "psh-offer", 2)  # the clerk tries again: a new number, a new letter
    assert (first.seq, again.seq) == (1, 2)
    assert read(demo, L.get_letter, first.id).reference == f"{OFFER}/2026 (1)"


def test_a_refused_letter_consumes_no_number(demo):
    with pytest.raises(Refused):
        issue(demo, "psh-termination", 2)  # PSH 2 is still active
    with pytest.raises(Refused):
        issue(demo, "psh-termination", 999)
    assert issue(demo, "psh-termination", 1).seq == 1
    with demo.session() as s:
        seqs = s.execute(select(LetterSequence.kind, LetterSequence.last_seq)).all()
    assert seqs == [("psh-termination", 1)]


def test_the_stored_document_and_checksum_are_what_compose_returned(demo):
    import hashlib
    import json

    row = issue(demo, "psh-offer", 2, compose=lambda inp: {"subject": "TAWARAN", "n": [1, "2"]})
    assert row.document == {"subject": "TAWARAN", "n": [1, "2"]} and row.subject == "TAWARAN"
    text = json.dumps(row.document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert row.checksum == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert row.person == "Mohd Rizal bin Sulaiman" and row.copies_printed == 0
    assert (row.entity, row.entity_id) == ("psh", 2)


def test_reprints_are_counted_and_audited(demo):
    row = issue(demo, "psh-offer", 2)
    audits = count(demo, AuditRecord)
    assert perform(demo, L.mark_reprinted, row.id).result == 1
    assert perform(demo, L.mark_reprinted, row.id).result == 2
    assert read(demo, L.get_letter, row.id).copies_printed == 2
    assert count(demo, AuditRecord) == audits + 2
    with pytest.raises(Refused) as err:
        perform(demo, L.mark_reprinted, 999)
    assert err.value.violations[0].code == "LETTER_NOT_FOUND"


def test_concurrent_issues_on_one_sqlite_file_get_distinct_numbers(demo):
    if not demo.is_sqlite:
        pytest.skip("two engines on one file: the SQLite case")
    from desktop.models import Database

    other = Database(demo.url)  # a second copy of the app on the same file
    results, errors = [], []
    start = threading.Barrier(6)

    def worker(db, record):
        start.wait()
        try:
            results.append(issue(db, "psh-offer", record).seq)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(db, record))
               for db in (demo, other) for record in (2, 3, 5)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        other.dispose()
    assert errors == []
    assert sorted(results) == [1, 2, 3, 4, 5, 6]
