"""The office's registers: office, premises, grades, posts and contract staff."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, EnumText, Money, utcnow
from desktop.rules.enums import PremisesKind, Qualification


class Office(Base):
    """The state office this database belongs to (one row) and its letterhead."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20))  # e.g. "JPNIN-SGR"
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(3))
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    slogans: Mapped[str] = mapped_column(Text, default="")  # one per line, printed on letters
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    ref_prefix: Mapped[str] = mapped_column(String(60), default="")
    logo_path: Mapped[str] = mapped_column(String(500), default="")
    # the letterhead's logo: a LetterAsset's sha256, "" when none was chosen
    logo_sha: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # the Ketua Pengarah's address under "Ketua Pengarah" on letters to Ibu Pejabat, one line
    # each; "" prints the department and Putrajaya (services.letter_facts.KP_ADDRESSEE)
    hq_address: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Premises(Base):
    __tablename__ = "premises"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[PremisesKind] = mapped_column(EnumText(PremisesKind))
    state: Mapped[str] = mapped_column(String(3), index=True)
    district: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    posts: Mapped[list[Post]] = relationship(back_populates="premises")


class Grade(Base):
    """A grade such as S17 (Pembantu Pendidik) or S27 (Pendidik)."""

    __tablename__ = "grade"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    salaries: Mapped[list[GradeSalary]] = relationship(
        back_populates="grade", order_by="GradeSalary.effective_from"
    )


class GradeSalary(Base):
    """Starting salary of a grade from a date (dated data entered by the administrator)."""

    __tablename__ = "grade_salary"
    __table_args__ = (UniqueConstraint("grade_id", "effective_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    grade_id: Mapped[int] = mapped_column(ForeignKey("grade.id"), index=True)
    effective_from: Mapped[date] = mapped_column(Date)
    starting_salary: Mapped[Decimal] = mapped_column(Money)

    grade: Mapped[Grade] = relationship(back_populates="salaries")


class Staff(Base):
    """A contract-of-service (COS) officer."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    mykad: Mapped[str] = mapped_column(String(12), unique=True)
    # Both read from the MyKad number when it is saved (rules.mykad); None for older rows
    # whose number could not be read.
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(1))  # "L" lelaki, "P" perempuan
    grade_id: Mapped[int | None] = mapped_column(ForeignKey("grade.id"), index=True)
    service_start: Mapped[date | None] = mapped_column(Date)
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    qualification: Mapped[Qualification] = mapped_column(EnumText(Qualification))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    grade: Mapped[Grade | None] = relationship()


class Post(Base):
    """A post (jawatan) at a premises, of a grade, with its incumbent when filled."""

    __tablename__ = "post"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    premises_id: Mapped[int] = mapped_column(ForeignKey("premises.id"), index=True)
    grade_id: Mapped[int] = mapped_column(ForeignKey("grade.id"), index=True)
    incumbent_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    premises: Mapped[Premises] = relationship(back_populates="posts")
    grade: Mapped[Grade] = relationship()
    incumbent: Mapped[Staff | None] = relationship()
