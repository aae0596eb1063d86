"""QR verification: the genuine text matches its letter; altered, forged, foreign and
garbage texts do not."""

import json

import pytest
from sqlalchemy import update

from desktop.models import AppSecret, IssuedLetter
from desktop.rules.letters import qr_text, seal
from desktop.services import letters as L
from desktop.services.unit import perform, read

from .conftest import ISSUE_DAY, subject_only


@pytest.fixture
def letter(demo):
    return perform(demo, L.issue_letter, "psh-extension", 1, today=ISSUE_DAY,
                   compose=subject_only).result


def letter_json(essentials: dict, **changes) -> str:
    return json.dumps({**essentials, **changes}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))


def check(db, text) -> L.Verification:
    return read(db, L.verify_text, text)


def test_the_genuine_text_verifies_and_shows_the_letter(demo, letter):
    v = check(demo, letter.qr_text)
    assert v.genuine and v.letter.id == letter.id
    assert v.letter.essentials["new_end"] == "2027-04-11"
    assert letter.reference in v.message_ms and "tulen" in v.message_ms
    assert "genuine" in v.message("en")


def test_the_seal_is_over_the_essentials_stored_with_the_letter(demo, letter):
    with demo.session() as s:
        key = bytes.fromhex(s.get(AppSecret, "letter_key").value)
    assert len(key) == 32
    assert letter.qr_text == qr_text(letter.reference, seal(key, letter.essentials))
    assert letter.essentials["kind"] == "psh-extension"
    assert letter.essentials["issued_on"] == ISSUE_DAY.isoformat()


def test_an_altered_reference_is_not_genuine(demo, letter):
    other = perform(demo, L.issue_letter, "psh-extension", 1, today=ISSUE_DAY,
                    compose=subject_only).result
    mac = letter.qr_text.rsplit(":", 1)[1]
    # another issued letter's reference with this letter's code
    v = check(demo, qr_text(other.reference, mac))
    assert not v.genuine and v.letter is None
    # a reference never issued
    v = check(demo, qr_text(letter.reference.replace("(1)", "(7)"), mac))
    assert not v.genuine and "No letter" in v.message_en


def test_every_one_character_change_of_the_code_is_refused(demo, letter):
    head, mac = letter.qr_text.rsplit(":", 1)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    for i, ch in enumerate(mac):
        swapped = alphabet[(alphabet.index(ch) + 1) % 32]
        v = check(demo, f"{head}:{mac[:i]}{swapped}{mac[i + 1:]}")
        assert not v.genuine, i
    assert check(demo, f"{head}:{mac}").genuine


def test_one_character_changes_of_the_reference_are_refused(demo, letter):
    head, mac = letter.qr_text.rsplit(":", 1)
    prefix = "ISITUGAS:1:"
    reference = head[len(prefix):]
    for i in range(len(reference)):
        changed = reference[:i] + ("X" if reference[i] != "X" else "Y") + reference[i + 1:]
        assert not check(demo, f"{prefix}{changed}:{mac}").genuine, changed


def test_a_text_sealed_with_another_key_is_refused(demo, letter):
    forged = qr_text(letter.reference, seal(bytes(32), letter.essentials))
    assert not check(demo, forged).genuine


def test_a_letter_from_another_database_is_refused(demo, letter, db, tmp_path):
    # the same office filled in another database issues its own key
    from desktop.services.demo import fill_demo

    from .conftest import DEMO_TODAY

    perform(db, fill_demo, state="SGR", seed=1, today=DEMO_TODAY)
    theirs = perform(db, L.issue_letter, "psh-extension", 1, today=ISSUE_DAY,
                     compose=subject_only).result
    assert theirs.reference == letter.reference and theirs.qr_text != letter.qr_text
    assert check(db, theirs.qr_text).genuine
    v = check(demo, theirs.qr_text)
    assert not v.genuine and "forged or altered" in v.message_en


@pytest.mark.parametrize("text", ["", "   ", "hello", "ISITUGAS:1:", None, "ISITUGAS:1:x:y",
                                  "\u0000\u00ff" * 40])
def test_garbage_and_empty_texts_are_not_genuine(demo, letter, text):
    v = check(demo, text)
    assert not v.genuine and v.letter is None
    assert "QR" in v.message_en


def test_nothing_verifies_before_any_letter_was_issued(demo):
    text = qr_text("JPNIN.SGR.600-1/2/1/2026 (1)", "A" * 26)
    assert not check(demo, text).genuine
    with demo.session() as s:  # verifying does not make a key
        assert s.get(AppSecret, "letter_key") is None


def test_a_register_row_edited_outside_the_app_no_longer_verifies(demo, letter):
    with demo.session() as s:  # the sealed facts changed: the code no longer matches them
        s.execute(update(IssuedLetter).where(IssuedLetter.id == letter.id).values(
            essentials=letter_json(letter.essentials, new_end="2027-05-11")))
    assert not check(demo, letter.qr_text).genuine
    with demo.session() as s:  # put back as issued: genuine again
        s.execute(update(IssuedLetter).where(IssuedLetter.id == letter.id).values(
            essentials=letter_json(letter.essentials)))
    assert check(demo, letter.qr_text).genuine


def test_a_document_edited_outside_the_app_no_longer_verifies(demo, letter):
    with demo.session() as s:
        row = s.get(IssuedLetter, letter.id)
        row.document = row.document.replace("SURAT", "SURAT PALSU")
    v = check(demo, letter.qr_text)
    assert not v.genuine and "changed outside the app" in v.message_en
