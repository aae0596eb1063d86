"""The pure part of letters: kinds, the reference format, the QR seal and its text."""

import base64
import hashlib
import hmac
import json

import pytest

from desktop.rules import Refused
from desktop.rules.letters import (
    KIND_LABELS_EN,
    KIND_LABELS_MS,
    LetterKind,
    format_reference,
    letter_kind,
    parse_qr_text,
    qr_text,
    seal,
    seal_matches,
)

KEY = bytes(range(32))
FACTS = {"kind": "psh-offer", "reference": "JPNIN.SGR.600-2/3/1/2026 (15)",
         "issued_on": "2026-11-02", "name": "Aminah binti Ali", "mykad": "900505105566",
         "daily_rate": "54.00", "start": "2026-11-02", "end": "2027-01-31"}


def test_kinds_are_the_cli_names_in_the_spec_order():
    assert [k.value for k in LetterKind] == [
        "psh-offer", "psh-extension", "psh-termination", "acting-instruction",
        "ora-declaration", "psh-application"]
    assert [k.number for k in LetterKind] == [1, 2, 3, 4, 5, 6]
    assert set(KIND_LABELS_MS) == set(KIND_LABELS_EN) == set(LetterKind)
    assert letter_kind("psh-extension") is LetterKind.PSH_EXTENSION
    assert letter_kind("ACTING_INSTRUCTION") is LetterKind.ACTING_INSTRUCTION


@pytest.mark.parametrize("bad", ["", None, "psh", "surat", 3])
def test_an_unknown_kind_is_refused_naming_the_kinds(bad):
    with pytest.raises(Refused) as err:
        letter_kind(bad)
    assert err.value.violations[0].code == "LETTER_KIND_UNKNOWN"
    assert "psh-application" in err.value.message("en")


def test_reference_format_of_the_spec():
    assert format_reference("JPNIN.SGR.600-2/3/1", 2026, 15) == "JPNIN.SGR.600-2/3/1/2026 (15)"
    assert format_reference("A", 2027, 1) == "A/2027 (1)"


def test_seal_is_hmac_sha256_of_sorted_json_in_26_base32_characters():
    message = json.dumps(FACTS, sort_keys=True, ensure_ascii=False,
                         separators=(",", ":")).encode("utf-8")
    digest = hmac.new(KEY, message, hashlib.sha256).digest()
    expected = base64.b32encode(digest).decode()[:26]
    mac = seal(KEY, FACTS)
    assert mac == expected and len(mac) == 26 and mac.isupper()
    # the order the facts come in does not matter, their values do
    assert seal(KEY, dict(reversed(list(FACTS.items())))) == mac
    assert seal(KEY, {**FACTS, "daily_rate": "54.01"}) != mac
    assert seal(bytes(32), FACTS) != mac
    assert seal_matches(KEY, FACTS, mac) and not seal_matches(KEY, FACTS, mac[:-1] + "A"
                                                               if mac[-1] != "A" else "B")


def test_qr_text_round_trip_with_colons_split_at_the_last():
    mac = seal(KEY, FACTS)
    text = qr_text(FACTS["reference"], mac)
    assert text == "ISITUGAS:1:JPNIN.SGR.600-2/3/1/2026 (15):" + mac
    assert parse_qr_text(text) == (FACTS["reference"], mac)
    assert parse_qr_text("  " + text + "\n") == (FACTS["reference"], mac)


@pytest.mark.parametrize("text", [
    "", " ", None, 12345, b"ISITUGAS:1:A/2026 (1):" + b"A" * 26,
    "ISITUGAS:1:", "ISITUGAS:1:A/2026 (1)", "ISITUGAS:2:A/2026 (1):" + "A" * 26,
    "isitugas:1:A/2026 (1):" + "A" * 26, "ISITUGAS:1::" + "A" * 26,
    "ISITUGAS:1:A/2026 (1):" + "A" * 25, "ISITUGAS:1:A/2026 (1):" + "A" * 27,
    "ISITUGAS:1:A/2026 (1):" + "a" * 26, "ISITUGAS:1:A/2026 (1):" + "1" * 26,
    "https://example.com/?q=ISITUGAS", "\x00\xff garbage",
])
def test_malformed_qr_text_is_refused(text):
    with pytest.raises(Refused) as err:
        parse_qr_text(text)
    assert [v.code for v in err.value.violations] == ["LETTER_QR_UNREADABLE"]


def test_sealed_facts_are_shown_in_order_and_in_words_a_clerk_reads():
    from desktop.rules.letters import sealed_facts

    essentials = {"mykad": "850615105678", "end": "2026-06-30", "kind": "psh-extension",
                  "name": "Siti binti Ali", "reference": "JPNIN.SGR.600-2/3/2/2026 (4)",
                  "issued_on": "2026-06-16", "daily_rate": "54.00", "new_end": "2026-09-29"}
    assert sealed_facts(essentials) == [
        ("No. rujukan", "JPNIN.SGR.600-2/3/2/2026 (4)"),
        ("Jenis surat", LetterKind.PSH_EXTENSION.label_ms),
        ("Tarikh surat", "16 Jun 2026"),
        ("Nama", "Siti binti Ali"),
        ("No. MyKad", "850615-10-5678"),
        ("Kadar sehari", "RM 54.00"),
        ("Hingga", "30 Jun 2026"),
        ("Hari terakhir baharu", "29 September 2026"),
    ]
    english = dict(sealed_facts(essentials, "en", mask=True))
    assert english["MyKad no."] == "######-##-5678"
    assert english["Letter kind"] == LetterKind.PSH_EXTENSION.label_en


def test_a_sealed_fact_that_does_not_parse_is_shown_as_sealed():
    from desktop.rules.letters import sealed_facts

    assert sealed_facts({"start": "2026-02-30", "extra": "x"}) == [
        ("Mula", "2026-02-30"), ("extra", "x")]
