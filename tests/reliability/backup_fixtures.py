"""Helpers shared by the backup tests: a small real database, its office name, damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.services.database import open_database
from desktop.services.office import OfficeInfo, get_office, save_office
from desktop.services.unit import perform, read


def make_db(path: Path, office_name: str = "JPNIN Negeri Selangor") -> Path:
    """A migrated SQLite file at ``path`` holding one office called ``office_name``."""
    db = open_database(str(path))
    try:
        set_office(db, office_name)
    finally:
        db.dispose()
    return path


def set_office(db, name: str) -> None:
    perform(db, save_office, OfficeInfo(code="JPNIN-SGR", name=name, state="SGR"))


def office_name(path: Path) -> str | None:
    db = open_database(str(path), migrate=False, create=False)
    try:
        office = read(db, get_office)
    finally:
        db.dispose()
    return office.name if office else None


def raw_office_name(path: Path) -> str:
    """The office name read with plain sqlite3, read-only (for backup files)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT name FROM office").fetchone()[0]
    finally:
        conn.close()


def damage(path: Path) -> None:
    """Overwrite every page after the first with garbage: SQLite's header still says
    'database', the tables do not."""
    data = bytearray(path.read_bytes())
    for i in range(4096, len(data)):
        data[i] = (i * 7) % 251
    path.write_bytes(bytes(data))


def set_revision(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
    finally:
        conn.close()
