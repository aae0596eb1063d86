"""Issued letters, their running numbers, reference prefixes, the logo, and the app's secrets."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, utcnow


class IssuedLetter(Base):
    """One letter as issued: the document exactly as composed (reprints render it again) and
    the essential facts its QR seal covers. Never deleted nor edited, except its reprint count.
    """

    __tablename__ = "issued_letter"
    __table_args__ = (UniqueConstraint("kind", "year", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)  # LetterKind's value
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(100), unique=True)
    issued_on: Mapped[date] = mapped_column(Date, index=True)
    subject: Mapped[str] = mapped_column(Text)
    person: Mapped[str] = mapped_column(String(200), index=True)
    mykad: Mapped[str] = mapped_column(String(12), default="")
    entity: Mapped[str] = mapped_column(String(40))  # the record's table, e.g. "psh_extension"
    entity_id: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)  # JSON, as compose returned it
    essentials: Mapped[str] = mapped_column(Text)  # JSON of str values, sealed in the QR text
    checksum: Mapped[str] = mapped_column(String(64))  # sha256 hex of the document's JSON
    qr_text: Mapped[str] = mapped_column(String(200))
    copies_printed: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100), default="")


class LetterSequence(Base):
    """The last number given to a kind of letter in a year (incremented under a row lock)."""

    __tablename__ = "letter_sequence"

    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class LetterPrefix(Base):
    """The reference prefix an administrator set for a kind (else the office's + "/n")."""

    __tablename__ = "letter_prefix"

    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(60), unique=True)


class LetterAsset(Base):
    """An image the letters print (the office logo), stored once by its content's hash."""

    __tablename__ = "letter_asset"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    mime: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AppSecret(Base):
    """A secret the database keeps for itself, e.g. the key that seals letters' QR codes
    (hex text, so that it survives any export)."""

    __tablename__ = "app_secret"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
