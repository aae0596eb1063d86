"""Declarative base, naming convention and the column types every entity uses."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import BigInteger, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase

# Named constraints so that Alembic's batch mode can alter SQLite tables later.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Money(TypeDecorator):
    """Ringgit as ``Decimal`` in Python, whole sen (an integer) in the database.

    Integers are exact on SQLite (which has no decimal type) and PostgreSQL alike, and they
    sum correctly in SQL.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must be Decimal, int or str, not float")
        sen = (Decimal(value) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return int(sen)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))


class EnumText(TypeDecorator):
    """A ``str`` Enum stored by its value in a VARCHAR (portable, readable in exports)."""

    impl = String(20)
    cache_ok = True

    def __init__(self, enum_cls, length: int = 20):
        super().__init__(length)
        self.enum_cls = enum_cls

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return self.enum_cls(value).value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        # the member straight from the enum's own map: Enum(value) is slow on big reads
        member = self.enum_cls._value2member_map_.get(value)
        return member if member is not None else self.enum_cls(value)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


__all__ = ["Base", "Money", "EnumText", "utcnow", "date", "datetime"]
