"""Issuing letters: reference numbers, the issued-letters register, QR verification, the
letterhead's logo and the reference prefixes (issue 7; the facts are ``letter_facts``).

Numbering. A reference runs per kind per year. :func:`issue_letter` takes the next number as
its first statement (an UPDATE of the kind's ``letter_sequence`` row: the row lock on
PostgreSQL, the database's write lock on SQLite), so two clerks issuing at once get distinct
numbers and the second waits for the first to commit. The number, the issued letter and its
audit record are committed together:

- when anything fails before the commit (a refusal, or ``compose`` raising) the transaction rolls
  back, nothing was issued and nobody saw the number, so the next letter takes it;
- once committed, the number belongs to the letter for good: a failure to render or print
  afterwards leaves it used, and a reprint reproduces the same letter marked as a copy.

The QR seal's key is the database's own (``app_secret`` "letter_key", 32 random bytes made on
first use in the issuing transaction), so a letter verifies only against the database that
issued it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.models import (
    ActingAssignment,
    AppSecret,
    IssuedLetter,
    LetterAsset,
    LetterPrefix,
    LetterSequence,
    Office,
    PshAppointment,
    PshExtension,
    Vacancy,
)
from desktop.rules import Refused, invalid, month_bounds
from desktop.rules.dates import format_date_ms
from desktop.rules.enums import Method
from desktop.rules.letters import (
    LETTER_DOCUMENT_INVALID,
    LETTER_LOGO_NOT_IMAGE,
    LETTER_LOGO_TOO_BIG,
    LETTER_NOT_FOUND,
    LETTER_OFFICE_SETTING_MISSING,
    LETTER_PREFIX_EMPTY,
    LETTER_PREFIX_INVALID,
    LETTER_PREFIX_SHARED,
    LETTER_REFERENCE_TAKEN,
    PREFIX_MAX,
    LetterKind,
    format_reference,
    letter_kind,
    parse_qr_text,
    prefix_problem,
    qr_text,
    seal,
    seal_matches,
)
from desktop.rules.vacancy_enums import VacancyStatus
from desktop.services.letter_facts import entity_of, gather, planned_period
from desktop.services.office import OfficeInfo, save_office
from desktop.services.unit import Ctx
from desktop.services.validate import Checks, typed_date

ENTITY = "issued_letter"
PREFIX_ENTITY = "letter_prefix"
KEY_NAME = "letter_key"
LOGO_LIMIT = 2 * 1024 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"

# the office settings a letter cannot go out without: (field, Malay label, English label)
LETTERHEAD_FIELDS = (
    ("name", "Nama pejabat", "the office name"),
    ("address", "Alamat pejabat", "the office address"),
    ("signer_name", "Nama pegawai yang menandatangani", "the signing officer's name"),
    ("signer_title", "Jawatan pegawai yang menandatangani", "the signing officer's title"),
)


@dataclass
class LetterInput:
    """Everything the composer needs to write the letter (plain data, no ORM)."""

    kind: LetterKind
    reference: str
    issued_on: date
    letterhead: dict
    addressee: dict
    facts: dict
    qr_text: str


@dataclass(frozen=True)
class IssuedLetterRow:
    id: int
    kind: LetterKind
    year: int
    seq: int
    reference: str
    issued_on: date
    subject: str
    person: str
    entity: str
    entity_id: int
    checksum: str
    qr_text: str
    document: dict
    essentials: dict
    copies_printed: int
    mykad: str = ""
    actor: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class Verification:
    genuine: bool
    letter: IssuedLetterRow | None  # the issued letter, only when genuine
    message_ms: str
    message_en: str

    def message(self, lang: str = "ms") -> str:
        return self.message_en if lang == "en" else self.message_ms


# ---------------------------------------------------------------------------------------------
# reading

def typed_int(c: Checks, field: str, label_ms: str, label_en: str, value) -> int | None:
    text = "" if value is None or isinstance(value, bool) else str(value).strip()
    if text.isdigit():
        return int(text)
    c.add(invalid(field, f"{label_ms} mesti nombor bulat: '{text}'.",
                  f"{label_en} must be a whole number: '{text}'."))
    return None


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _checksum(document_json: str) -> str:
    return hashlib.sha256(document_json.encode("utf-8")).hexdigest()


def _row(x: IssuedLetter) -> IssuedLetterRow:
    return IssuedLetterRow(x.id, LetterKind(x.kind), x.year, x.seq, x.reference, x.issued_on,
                           x.subject, x.person, x.entity, x.entity_id, x.checksum, x.qr_text,
                           json.loads(x.document), json.loads(x.essentials), x.copies_printed,
                           x.mykad, x.actor, x.created_at)


def _load(session: Session, letter_id) -> IssuedLetter:
    text = "" if letter_id is None or isinstance(letter_id, bool) else str(letter_id).strip()
    x = session.get(IssuedLetter, int(text)) if text.isdigit() else None
    if x is None:
        raise LETTER_NOT_FOUND.refuse(field="letter_id", ident=text or "-")
    return x


def get_letter(session: Session, letter_id) -> IssuedLetterRow:
    return _row(_load(session, letter_id))


def list_letters(session: Session, kind=None, year=None, text: str = "") -> list[IssuedLetterRow]:
    """The register, newest first; ``text`` matches the reference, person, MyKad or subject."""
    q = select(IssuedLetter).order_by(IssuedLetter.issued_on.desc(), IssuedLetter.id.desc())
    if kind:
        q = q.where(IssuedLetter.kind == letter_kind(kind).value)
    if year not in (None, ""):
        c = Checks()
        y = typed_int(c, "year", "Tahun", "Year", year)
        c.raise_if_any()
        q = q.where(IssuedLetter.year == y)
    words = (text or "").strip().lower()
    if words:
        like = f"%{words}%"
        q = q.where(or_(*(col.ilike(like) for col in (
            IssuedLetter.reference, IssuedLetter.person, IssuedLetter.mykad,
            IssuedLetter.subject))))
    return [_row(x) for x in session.execute(q).scalars()]


# ---------------------------------------------------------------------------------------------
# settings: prefixes, letterhead, key

def _office(session: Session) -> Office | None:
    return session.execute(select(Office).order_by(Office.id).limit(1)).scalar_one_or_none()


def default_prefix(office_prefix: str, kind: LetterKind) -> str:
    """The office's prefix + "/" + the kind's number (1..6); "" without an office prefix."""
    base = (office_prefix or "").strip().rstrip("/")
    return f"{base}/{kind.number}" if base else ""


def letter_prefixes(session: Session) -> dict[LetterKind, str]:
    """Each kind's reference prefix: the administrator's, else the default."""
    office = _office(session)
    own = dict(session.execute(select(LetterPrefix.kind, LetterPrefix.prefix)).all())
    base = office.ref_prefix if office is not None else ""
    return {k: own.get(k.value) or default_prefix(base, k) for k in LetterKind}


def save_letter_prefixes(ctx: Ctx, prefixes: dict) -> None:
    """Set the prefixes of the kinds given; refuses an empty one, one holding ':' or a line
    break, and two kinds sharing one (after the kinds not given keep theirs)."""
    c = Checks()
    given: dict[LetterKind, str] = {}
    for key, value in (prefixes or {}).items():
        try:
            kind = letter_kind(key)
        except Refused as refused:
            c.problems.extend(refused.violations)
            continue
        prefix = "" if value is None else str(value).strip()
        if not prefix:
            c.add(LETTER_PREFIX_EMPTY.violation(field=kind.value, kind=kind.label_ms))
        elif prefix_problem(prefix):
            c.add(LETTER_PREFIX_INVALID.violation(field=kind.value, prefix=prefix,
                                                  limit=PREFIX_MAX))
        given[kind] = prefix
    c.raise_if_any()
    before = letter_prefixes(ctx.session)
    after = {**before, **given}
    _refuse_shared(after)
    for kind, prefix in given.items():
        row = ctx.session.get(LetterPrefix, kind.value)
        if row is None:
            ctx.session.add(LetterPrefix(kind=kind.value, prefix=prefix))
        else:
            row.prefix = prefix
    ctx.session.flush()
    if after != before:
        ctx.audit("simpan", PREFIX_ENTITY, "", {k.value: v for k, v in before.items()},
                  {k.value: v for k, v in after.items()})


def _refuse_shared(prefixes: dict[LetterKind, str]) -> None:
    by_prefix: dict[str, list[LetterKind]] = {}
    for kind, prefix in prefixes.items():
        if prefix:
            by_prefix.setdefault(prefix, []).append(kind)
    shared = [LETTER_PREFIX_SHARED.violation(field=kinds[0].value, prefix=prefix,
                                             kinds=", ".join(k.value for k in kinds))
              for prefix, kinds in by_prefix.items() if len(kinds) > 1]
    if shared:
        raise Refused(shared)


def _letterhead(session: Session, kind: LetterKind) -> tuple[dict, str]:
    """The letterhead and the kind's prefix; refuses, listing every setting missing."""
    office = _office(session)
    c = Checks()
    for field, label_ms, label_en in LETTERHEAD_FIELDS:
        if office is None or not (getattr(office, field) or "").strip():
            c.add(LETTER_OFFICE_SETTING_MISSING.violation(field=field, label_ms=label_ms,
                                                          label_en=label_en))
    prefix = letter_prefixes(session)[kind]
    if not prefix:
        c.add(LETTER_OFFICE_SETTING_MISSING.violation(
            field="ref_prefix", label_ms="Awalan no. rujukan surat",
            label_en="the letters' reference prefix"))
    elif prefix_problem(prefix):
        c.add(LETTER_PREFIX_INVALID.violation(field="ref_prefix", prefix=prefix,
                                              limit=PREFIX_MAX))
    c.raise_if_any()
    letterhead = {"name": office.name, "address": office.address, "phone": office.phone,
                  "email": office.email,
                  "slogans": [s.strip() for s in (office.slogans or "").splitlines()
                              if s.strip()],
                  "signer_name": office.signer_name, "signer_title": office.signer_title,
                  "logo_sha": office.logo_sha or ""}
    return letterhead, prefix


def _letter_key(session: Session, *, create: bool) -> bytes | None:
    row = session.get(AppSecret, KEY_NAME)
    if row is None and create:
        try:
            with session.begin_nested():
                session.add(AppSecret(name=KEY_NAME, value=secrets.token_bytes(32).hex()))
        except IntegrityError:  # another session made it first (PostgreSQL): use theirs
            pass
        row = session.get(AppSecret, KEY_NAME)
    return bytes.fromhex(row.value) if row is not None else None


# ---------------------------------------------------------------------------------------------
# issuing

def _next_seq(session: Session, kind: LetterKind, year: int) -> int:
    """Take the next number of ``kind`` in ``year``: the UPDATE locks the row (PostgreSQL) or
    the database (SQLite) until the transaction ends, so no two transactions share a number."""
    where = (LetterSequence.kind == kind.value, LetterSequence.year == year)
    for _attempt in range(2):
        bumped = session.execute(update(LetterSequence).where(*where)
                                 .values(last_seq=LetterSequence.last_seq + 1)
                                 .execution_options(synchronize_session=False))
        if bumped.rowcount:
            return session.execute(select(LetterSequence.last_seq).where(*where)).scalar_one()
        try:
            with session.begin_nested():
                session.add(LetterSequence(kind=kind.value, year=year, last_seq=1))
            return 1
        except IntegrityError:  # the year's first letter raced with ours: bump theirs
            continue
    raise RuntimeError("letter sequence could not be taken")  # pragma: no cover


def _document_json(document) -> str:
    if not isinstance(document, dict):
        raise LETTER_DOCUMENT_INVALID.refuse(problem=f"{type(document).__name__}, not a dict")
    try:
        return _json(document)
    except (TypeError, ValueError) as exc:
        raise LETTER_DOCUMENT_INVALID.refuse(problem=str(exc)) from None


def _snapshot(x: IssuedLetter) -> dict:
    return {"kind": x.kind, "reference": x.reference, "issued_on": x.issued_on,
            "subject": x.subject, "person": x.person, "entity": x.entity,
            "entity_id": x.entity_id, "checksum": x.checksum,
            "copies_printed": x.copies_printed}


def issue_letter(ctx: Ctx, kind, record_id, *, today: date,
                 compose: Callable[[LetterInput], dict]) -> IssuedLetterRow:
    """Issue the letter of ``kind`` for a record: the next reference, the facts, ``compose``'s
    document (stored with its sha256), the sealed QR text, the register row and its audit."""
    kind = letter_kind(kind)
    c = Checks()
    today = typed_date(c, "today", "Tarikh surat", "Letter date", today)
    c.raise_if_any()
    seq = _next_seq(ctx.session, kind, today.year)  # first: it serialises concurrent issues
    letterhead, prefix = _letterhead(ctx.session, kind)
    got = gather(ctx.session, kind, record_id)
    reference = format_reference(prefix, today.year, seq)
    if ctx.session.execute(select(IssuedLetter.id).where(IssuedLetter.reference == reference)
                           ).first():
        raise LETTER_REFERENCE_TAKEN.refuse(field="ref_prefix", reference=reference)
    essentials = {"kind": kind.value, "reference": reference, "issued_on": today.isoformat(),
                  "name": got.facts["name"], "mykad": got.facts["mykad"], **got.sealed}
    text = qr_text(reference, seal(_letter_key(ctx.session, create=True), essentials))
    inp = LetterInput(kind, reference, today, letterhead, got.addressee, got.facts, text)
    document_json = _document_json(compose(inp))
    document = json.loads(document_json)
    letter = IssuedLetter(
        kind=kind.value, year=today.year, seq=seq, reference=reference, issued_on=today,
        subject=str(document.get("subject") or ""), person=got.facts["name"],
        mykad=got.facts["mykad"], entity=got.entity, entity_id=got.entity_id,
        document=document_json, essentials=_json(essentials),
        checksum=_checksum(document_json), qr_text=text, copies_printed=0, actor=ctx.actor)
    ctx.session.add(letter)
    ctx.session.flush()
    ctx.audit("keluarkan", ENTITY, letter.id, None, _snapshot(letter))
    return _row(letter)


def mark_reprinted(ctx: Ctx, letter_id) -> int:
    """Count one more copy ("SALINAN") printed of an issued letter; returns the count."""
    x = _load(ctx.session, letter_id)
    before = _snapshot(x)
    x.copies_printed = (x.copies_printed or 0) + 1
    ctx.session.flush()
    ctx.audit("cetak_salinan", ENTITY, x.id, before, _snapshot(x))
    return x.copies_printed


# ---------------------------------------------------------------------------------------------
# verification

def _not_genuine(ms: str, en: str) -> Verification:
    return Verification(False, None, ms, en)


def verify_text(session: Session, text) -> Verification:
    """Whether a QR text matches a letter this database issued, unaltered."""
    try:
        reference, mac = parse_qr_text(text)
    except Refused as refused:
        v = refused.violations[0]
        return _not_genuine(v.message_ms, v.message_en)
    x = session.execute(select(IssuedLetter).where(IssuedLetter.reference == reference)
                        ).scalar_one_or_none()
    if x is None:
        return _not_genuine(f"Tiada surat bernombor rujukan {reference} dikeluarkan oleh "
                            "pangkalan data ini.",
                            f"No letter with reference {reference} was issued by this "
                            "database.")
    key = _letter_key(session, create=False)
    try:
        essentials = json.loads(x.essentials)
    except ValueError:
        essentials = None
    if (key is None or not isinstance(essentials, dict)
            or essentials.get("reference") != x.reference
            or not seal_matches(key, essentials, mac)):
        return _not_genuine(f"Kod pengesahan tidak sepadan dengan surat {reference}: teks ini "
                            "dipalsukan atau telah diubah.",
                            f"The check code does not match letter {reference}: this text is "
                            "forged or altered.")
    if _checksum(x.document) != x.checksum:
        return _not_genuine(f"Rekod surat {reference} telah diubah di luar aplikasi; "
                            "kandungannya tidak dapat disahkan.",
                            f"The record of letter {reference} was changed outside the app; "
                            "its content cannot be confirmed.")
    return Verification(True, _row(x),
                        f"Surat {reference} bertarikh {format_date_ms(x.issued_on)} adalah "
                        "tulen: ia dikeluarkan oleh pejabat ini.",
                        f"Letter {reference} of {x.issued_on.isoformat()} is genuine: this "
                        "office issued it.")


# ---------------------------------------------------------------------------------------------
# the logo

def _mime(data: bytes) -> str | None:
    if data.startswith(PNG_MAGIC):
        return "image/png"
    if data.startswith(JPEG_MAGIC):
        return "image/jpeg"
    return None


def logo_bytes(session: Session, sha: str | None) -> bytes | None:
    if not sha:
        return None
    asset = session.get(LetterAsset, sha)
    return bytes(asset.data) if asset is not None else None


def set_logo(ctx: Ctx, data: bytes) -> str:
    """Store a PNG or JPEG (at most 2 MB) as the letterhead's logo; returns its sha256."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise LETTER_LOGO_NOT_IMAGE.refuse(field="logo")
    data = bytes(data)
    if len(data) > LOGO_LIMIT:
        raise LETTER_LOGO_TOO_BIG.refuse(field="logo", size=len(data), limit=LOGO_LIMIT)
    mime = _mime(data)
    if mime is None:
        raise LETTER_LOGO_NOT_IMAGE.refuse(field="logo")
    office = _office(ctx.session)
    if office is None:
        raise LETTER_OFFICE_SETTING_MISSING.refuse(field="name", label_ms="Nama pejabat",
                                                   label_en="the office name")
    sha = hashlib.sha256(data).hexdigest()
    if ctx.session.get(LetterAsset, sha) is None:
        ctx.session.add(LetterAsset(sha256=sha, data=data, mime=mime))
    before = {"logo_sha": office.logo_sha}
    office.logo_sha = sha
    ctx.session.flush()
    ctx.audit("ubah_logo", "office", office.id, before, {"logo_sha": sha, "mime": mime,
                                                         "bytes": len(data)})
    return sha


def clear_logo(ctx: Ctx) -> None:
    """Print letters without a logo (the stored image stays for the letters that used it)."""
    office = _office(ctx.session)
    if office is None or not office.logo_sha:
        return
    before = {"logo_sha": office.logo_sha}
    office.logo_sha = ""
    ctx.session.flush()
    ctx.audit("ubah_logo", "office", office.id, before, {"logo_sha": ""})


# ---------------------------------------------------------------------------------------------
# batches

def _in(day: date | None, first: date, last: date) -> bool:
    return day is not None and first <= day <= last


def batch_records(session: Session, kind, year, month) -> list[tuple[int, str]]:
    """The records of ``kind`` due a letter in the month that have none yet, as
    (record id, label): PSH starting (offer, OSA declaration), extensions whose new period
    starts or that were approved, PSH that ended, acting starting, vacancies whose chosen PSH
    period starts (application)."""
    kind = letter_kind(kind)
    c = Checks()
    y = typed_int(c, "year", "Tahun", "Year", year)
    m = typed_int(c, "month", "Bulan", "Month", month)
    c.raise_if_any()
    first, last = month_bounds(y, m)
    done = set(session.execute(select(IssuedLetter.entity_id).where(
        IssuedLetter.kind == kind.value)).scalars())
    out: list[tuple[int, str, date]] = []
    if kind in (LetterKind.PSH_OFFER, LetterKind.ORA_DECLARATION, LetterKind.PSH_TERMINATION):
        for p in session.execute(select(PshAppointment).order_by(PshAppointment.id)).scalars():
            day = p.ended_on if kind is LetterKind.PSH_TERMINATION else p.start
            if _in(day, first, last) and p.id not in done:
                out.append((p.id, f"{p.name} – {p.vacancy.premises.name}", day))
    elif kind is LetterKind.PSH_EXTENSION:
        for e in session.execute(select(PshExtension).order_by(PshExtension.id)).scalars():
            starts = date.fromordinal(e.previous_end.toordinal() + 1)
            if (_in(starts, first, last) or _in(e.approved_on, first, last)) \
                    and e.id not in done:
                out.append((e.id, f"{e.appointment.name} – hingga "
                            f"{format_date_ms(e.new_end)}", starts))
    elif kind is LetterKind.ACTING_INSTRUCTION:
        for a in session.execute(select(ActingAssignment).order_by(ActingAssignment.id)
                                 ).scalars():
            if _in(a.start, first, last) and a.id not in done:
                out.append((a.id, f"{a.staff.name} – {a.vacancy.premises.name}", a.start))
    else:
        for v in session.execute(select(Vacancy).where(Vacancy.chosen_method == Method.PSH)
                                 .order_by(Vacancy.id)).scalars():
            period = planned_period(v)
            if (period and _in(period[0], first, last) and v.id not in done
                    and v.status is not VacancyStatus.CLOSED):
                out.append((v.id, f"Kekosongan {v.id} – {v.premises.name}", period[0]))
    out.sort(key=lambda r: (r[2], r[0]))
    return [(rid, f"{label} ({format_date_ms(day)})") for rid, label, day in out]


__all__ = [
    "LetterInput", "IssuedLetterRow", "Verification", "issue_letter", "get_letter",
    "list_letters", "mark_reprinted", "verify_text", "logo_bytes", "set_logo", "clear_logo",
    "letter_prefixes", "save_letter_prefixes", "default_prefix", "batch_records",
    "entity_of",
]


def save_letterhead(ctx: Ctx, info: OfficeInfo, prefixes: dict) -> None:
    """The office settings and the changed prefixes in one transaction: both, or neither
    (an administrator's action, see rules.roles)."""
    save_office(ctx, info)
    if prefixes:
        save_letter_prefixes(ctx, prefixes)
