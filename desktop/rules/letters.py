"""Letters: their kinds, reference numbers and the keyed seal their QR code carries (pure).

A letter's reference is the kind's prefix, the year and the running number of that kind in that
year: ``JPNIN.SGR.600-2/3/1/2026 (15)``; the year keeps numbers unique across years.

The QR code holds ``ISITUGAS:1:<reference>:<mac>``, where ``mac`` is an HMAC-SHA256, under the
database's own secret key, of the letter's essential facts as canonical JSON (sorted keys), in
base32 upper case without padding, cut to 26 characters (130 bits). A forged or altered text
does not match: the key never leaves the database, so nobody can compute a mac for facts that
were not issued. A prefix may not hold ':' (the text is split at its last ':', but a colon in
the reference would make the text ambiguous to a reader).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from datetime import date
from enum import Enum

from desktop.rules.catalogue import rule
from desktop.rules.dates import format_date_ms
from desktop.rules.enums import Qualification
from desktop.rules.money import format_rm
from desktop.rules.mykad import format_mykad, mask_mykad
from desktop.rules.violations import Refused, RuleViolation


class LetterKind(str, Enum):
    """The letters the app issues; the value is the CLI's name of the kind."""

    PSH_OFFER = "psh-offer"  # record: PshAppointment.id
    PSH_EXTENSION = "psh-extension"  # record: PshExtension.id
    PSH_TERMINATION = "psh-termination"  # record: PshAppointment.id, ended
    ACTING_INSTRUCTION = "acting-instruction"  # record: ActingAssignment.id
    ORA_DECLARATION = "ora-declaration"  # record: PshAppointment.id (5A(n))
    PSH_APPLICATION = "psh-application"  # record: Vacancy.id (7.4(e))

    @property
    def label_ms(self) -> str:
        return KIND_LABELS_MS[self]

    @property
    def label_en(self) -> str:
        return KIND_LABELS_EN[self]

    @property
    def number(self) -> int:
        """1..6 in declaration order: the last part of the default prefix."""
        return list(LetterKind).index(self) + 1


KIND_LABELS_MS: dict[LetterKind, str] = {
    LetterKind.PSH_OFFER: "Surat tawaran pelantikan PSH",
    LetterKind.PSH_EXTENSION: "Surat lanjutan tempoh PSH",
    LetterKind.PSH_TERMINATION: "Surat penamatan PSH",
    LetterKind.ACTING_INSTRUCTION: "Arahan penanggungan kerja",
    LetterKind.ORA_DECLARATION: "Akuan Akta Rahsia Rasmi 1972",
    LetterKind.PSH_APPLICATION: "Permohonan kelulusan pelantikan PSH",
}
KIND_LABELS_EN: dict[LetterKind, str] = {
    LetterKind.PSH_OFFER: "PSH offer of appointment",
    LetterKind.PSH_EXTENSION: "PSH extension",
    LetterKind.PSH_TERMINATION: "PSH termination",
    LetterKind.ACTING_INSTRUCTION: "Acting instruction",
    LetterKind.ORA_DECLARATION: "Official Secrets Act 1972 declaration",
    LetterKind.PSH_APPLICATION: "Application for PSH approval",
}

# The qualification as a letter names it (the views have their own, translated, labels).
QUALIFICATION_LABELS_MS: dict[Qualification, str] = {
    Qualification.BELOW_SPM: "Bawah SPM",
    Qualification.SPM: "Sijil Pelajaran Malaysia (SPM)",
    Qualification.STPM: "Sijil Tinggi Persekolahan Malaysia (STPM)",
    Qualification.DIPLOMA: "Diploma",
    Qualification.IJAZAH: "Ijazah Sarjana Muda",
}

QR_MAGIC = "ISITUGAS:1:"
MAC_LENGTH = 26  # base32 characters: 130 bits
PREFIX_MAX = 60
_MAC = re.compile(r"^[A-Z2-7]{26}$")

LETTER_QR_UNREADABLE = rule(
    "LETTER_QR_UNREADABLE", None,
    "Teks kod QR tidak dapat dibaca sebagai kod surat IsiTugas.",
    "The QR text cannot be read as an IsiTugas letter code.")
LETTER_KIND_UNKNOWN = rule(
    "LETTER_KIND_UNKNOWN", None,
    "Jenis surat '{value}' tidak dikenali; jenis yang ada: {kinds}.",
    "Unknown letter kind '{value}'; the kinds are: {kinds}.")
LETTER_FACT_MISSING = rule(
    "LETTER_FACT_MISSING", None,
    "Surat ini memerlukan {what_ms}, yang belum direkodkan; rekodkan dahulu, kemudian cetak "
    "semula.",
    "This letter needs {what_en}, which has not been recorded; record it first, then print "
    "again.")
LETTER_LOGO_UNREADABLE = rule(
    "LETTER_LOGO_UNREADABLE", None,
    "Imej logo pejabat tidak dapat dibaca; pilih semula logo dalam Tetapan pejabat.",
    "The office logo image cannot be read; choose the logo again in the Office Settings.")

# What a fact of a letter is, for the user told that it is missing (and where to record it)
FACT_LABELS = {
    "premises_address": ("alamat premis (daftar Premis)", "the premises' address (Premises)"),
    "premises_name": ("nama premis (daftar Premis)", "the premises' name (Premises)"),
    "post_title": ("nama jawatan (daftar Jawatan)", "the post's title (Posts)"),
    "grade": ("gred jawatan (daftar Jawatan)", "the post's grade (Posts)"),
    "mykad": ("No. MyKad", "the MyKad number"),
    "kp_approval_ref": ("rujukan kelulusan Ketua Pengarah", "the Director-General's approval "
                        "reference"),
    "kp_approval_date": ("tarikh kelulusan Ketua Pengarah", "the Director-General's approval "
                         "date"),
    "approved_by": ("pegawai yang meluluskan lanjutan", "who approved the extension"),
    "approved_on": ("tarikh kelulusan lanjutan", "the date the extension was approved"),
    "reason": ("sebab lanjutan", "the reason for the extension"),
    "end_reason": ("sebab penamatan", "the reason for the termination"),
    "instruction_ref": ("rujukan arahan bertulis (6A(b))", "the written instruction's reference "
                        "(6A(b))"),
    "approval_ref": ("rujukan kelulusan", "the approval reference"),
    "authority": ("Pihak Berkuasa Melulus", "the approving authority"),
    "chosen_method": ("kaedah pengisian yang dipilih (Isi kekosongan)", "the filling method "
                      "chosen (Fill the vacancy)"),
    "chosen_method_label": ("kaedah pengisian yang dipilih (Isi kekosongan)", "the filling "
                            "method chosen (Fill the vacancy)"),
    "method_reason": ("justifikasi kaedah yang dipilih (Isi kekosongan)", "the justification of "
                      "the method chosen (Fill the vacancy)"),
    "candidate_name": ("calon yang berjaya (Temu Duga)", "the successful candidate (Interviews)"),
    "candidate_mykad": ("No. MyKad calon", "the candidate's MyKad number"),
    "expected_end": ("tarikh penyandang dijangka kembali", "the date the incumbent is expected "
                     "back"),
}


def fact_missing(key: str) -> RuleViolation:
    what_ms, what_en = FACT_LABELS.get(key, (f"maklumat '{key}'", f"the fact '{key}'"))
    return LETTER_FACT_MISSING.violation(key, what_ms=what_ms, what_en=what_en)


LETTER_RECORD_NOT_FOUND = rule(
    "LETTER_RECORD_NOT_FOUND", None,
    "{what_ms} {ident} tidak wujud; surat tidak dapat dikeluarkan.",
    "{what_en} {ident} does not exist; no letter can be issued.")
LETTER_NOT_FOUND = rule(
    "LETTER_NOT_FOUND", None,
    "Surat {ident} tiada dalam daftar surat yang dikeluarkan.",
    "Letter {ident} is not in the register of issued letters.")
LETTER_PSH_NOT_ENDED = rule(
    "LETTER_PSH_NOT_ENDED", "5A(s)",
    "PSH {name} masih aktif: surat penamatan hanya dikeluarkan selepas penamatannya "
    "direkodkan.",
    "PSH {name} is still active: a termination letter is issued only after the termination "
    "is recorded.")
LETTER_OFFICE_SETTING_MISSING = rule(
    "LETTER_OFFICE_SETTING_MISSING", None,
    "Tetapan pejabat belum lengkap: {label_ms} wajib diisi sebelum surat dikeluarkan.",
    "The office settings are incomplete: {label_en} must be filled in before a letter is "
    "issued.")
LETTER_NO_CANDIDATE = rule(
    "LETTER_NO_CANDIDATE", "7.4(e)",
    "Kekosongan {vacancy} tiada calon PSH untuk dipohon kelulusan; rekodkan calon dahulu.",
    "Vacancy {vacancy} has no PSH candidate to apply for; record the candidates first.")
LETTER_NO_PERIOD = rule(
    "LETTER_NO_PERIOD", "7.4(d)",
    "Kaedah pengisian kekosongan {vacancy} belum dipilih bersama tempohnya; pilih kaedah "
    "(perbandingan kos) sebelum memohon kelulusan PSH.",
    "The filling method of vacancy {vacancy} has not been chosen with its period; choose the "
    "method (cost comparison) before applying for PSH approval.")
LETTER_REFERENCE_TAKEN = rule(
    "LETTER_REFERENCE_TAKEN", None,
    "No. rujukan {reference} telah digunakan oleh surat lain; tukar awalan rujukan jenis "
    "surat ini.",
    "Reference {reference} is already used by another letter; change this kind's reference "
    "prefix.")
LETTER_DOCUMENT_INVALID = rule(
    "LETTER_DOCUMENT_INVALID", None,
    "Kandungan surat yang disusun tidak sah ({problem}); tiada surat dikeluarkan.",
    "The composed letter is not valid ({problem}); no letter was issued.")
LETTER_PREFIX_EMPTY = rule(
    "LETTER_PREFIX_EMPTY", None,
    "Awalan rujukan bagi {kind} wajib diisi.",
    "The reference prefix for {kind} is required.")
LETTER_PREFIX_INVALID = rule(
    "LETTER_PREFIX_INVALID", None,
    "Awalan rujukan '{prefix}' tidak sah: tanpa ':', tanpa baris baru, paling panjang "
    "{limit} aksara.",
    "The reference prefix '{prefix}' is not valid: no ':', no line break, at most {limit} "
    "characters.")
LETTER_PREFIX_SHARED = rule(
    "LETTER_PREFIX_SHARED", None,
    "Awalan rujukan '{prefix}' digunakan oleh lebih daripada satu jenis surat ({kinds}); "
    "setiap jenis memerlukan awalannya sendiri.",
    "The reference prefix '{prefix}' is used by more than one kind of letter ({kinds}); each "
    "kind needs its own.")
LETTER_LOGO_NOT_IMAGE = rule(
    "LETTER_LOGO_NOT_IMAGE", None,
    "Fail logo bukan imej PNG atau JPEG.",
    "The logo file is not a PNG or JPEG image.")
LETTER_LOGO_TOO_BIG = rule(
    "LETTER_LOGO_TOO_BIG", None,
    "Fail logo terlalu besar ({size} bait); had ialah {limit} bait.",
    "The logo file is too big ({size} bytes); the limit is {limit} bytes.")


def letter_kind(value: object) -> LetterKind:
    """The kind named by ``value`` (a LetterKind, its value or its member name)."""
    if isinstance(value, LetterKind):
        return value
    text = str(value or "").strip()
    for kind in LetterKind:
        if text in (kind.value, kind.name):
            return kind
    raise LETTER_KIND_UNKNOWN.refuse(field="kind", value=text,
                                     kinds=", ".join(k.value for k in LetterKind))


def format_reference(prefix: str, year: int, seq: int) -> str:
    """``("JPNIN.SGR.600-2/3/1", 2026, 15)`` -> ``"JPNIN.SGR.600-2/3/1/2026 (15)"``."""
    return f"{prefix}/{year} ({seq})"


def prefix_problem(prefix: str) -> bool:
    """Whether ``prefix`` (already stripped) cannot make a reference."""
    return (":" in prefix or "\n" in prefix or "\r" in prefix or len(prefix) > PREFIX_MAX)


def canonical_json(essentials: Mapping[str, str]) -> str:
    return json.dumps(dict(essentials), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))


def seal(key: bytes, essentials: Mapping[str, str]) -> str:
    """The keyed checksum of a letter's essential facts (26 base32 characters, upper case)."""
    digest = hmac.new(key, canonical_json(essentials).encode("utf-8"), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii").rstrip("=")[:MAC_LENGTH].upper()


def seal_matches(key: bytes, essentials: Mapping[str, str], mac: str) -> bool:
    """Compare in constant time: a forger learns nothing from how long a refusal takes."""
    return hmac.compare_digest(seal(key, essentials), str(mac))


def qr_text(reference: str, mac: str) -> str:
    return QR_MAGIC + reference + ":" + mac


def parse_qr_text(text: object) -> tuple[str, str]:
    """``(reference, mac)`` of a QR text; refuses (LETTER_QR_UNREADABLE) anything malformed."""
    if not isinstance(text, str):
        raise LETTER_QR_UNREADABLE.refuse(field="text")
    text = text.strip()
    if not text.startswith(QR_MAGIC):
        raise LETTER_QR_UNREADABLE.refuse(field="text")
    reference, sep, mac = text[len(QR_MAGIC):].rpartition(":")
    if not sep or not reference.strip() or not _MAC.match(mac) or reference != reference.strip():
        raise LETTER_QR_UNREADABLE.refuse(field="text")
    return reference, mac


# The sealed facts shown when a letter is verified, in this order: key -> (Malay, English)
SEALED_FACT_LABELS = {
    "reference": ("No. rujukan", "Reference"), "kind": ("Jenis surat", "Letter kind"),
    "issued_on": ("Tarikh surat", "Date of the letter"), "name": ("Nama", "Name"),
    "mykad": ("No. MyKad", "MyKad no."), "daily_rate": ("Kadar sehari", "Daily rate"),
    "allowance": ("Elaun sebulan", "Monthly allowance"), "start": ("Mula", "Start"),
    "end": ("Hingga", "Until"), "new_end": ("Hari terakhir baharu", "New last day"),
    "ended_on": ("Tarikh tamat", "Ended on"), "vacancy_id": ("Kekosongan", "Vacancy"),
}
_MONEY_FACTS = frozenset({"daily_rate", "allowance"})
_DATE_FACTS = frozenset({"issued_on", "start", "end", "new_end", "ended_on"})


def sealed_facts(essentials: Mapping[str, str], lang: str = "ms", *,
                 mask: bool = False) -> list[tuple[str, str]]:
    """(label, value) of a verified letter's sealed facts, in a fixed order, for display:
    the kind by name, dates in Malay ("16 Jun 2016"), money as "RM 1,234.50", MyKad as
    "900101-10-5678" (masked for the read-only role)."""
    order = list(SEALED_FACT_LABELS) + sorted(set(essentials) - set(SEALED_FACT_LABELS))
    lines = []
    for key in order:
        if key not in essentials:
            continue
        value = str(essentials[key])
        try:
            if key == "kind":
                kind = letter_kind(value)
                value = kind.label_en if lang == "en" else kind.label_ms
            elif key in _DATE_FACTS:
                value = format_date_ms(date.fromisoformat(value))
            elif key in _MONEY_FACTS:
                value = format_rm(value)
            elif key == "mykad":
                value = mask_mykad(value) if mask else format_mykad(value)
        except (ValueError, Refused):
            pass  # shown as sealed
        ms, en = SEALED_FACT_LABELS.get(key, (key, key))
        lines.append((en if lang == "en" else ms, value))
    return lines
