"""Opening a database: sound-file check, migrations at start-up, emptiness, health report."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import DatabaseError, OperationalError

from desktop.models import Database, Office, Premises, Staff
from desktop.models.db import normalise_url, sqlite_path
from desktop.rules.violations import Refused
from desktop.services import audit, backup, schema


class Unsound(Exception):
    """The database cannot be used; ``message_ms``/``message_en`` say why.

    ``kind`` tells start-up what it may offer: ``DAMAGED`` and ``UNREADABLE`` files may be
    restored from a backup; a ``NEWER`` file is left untouched; ``MISSING`` is just missing.
    """

    DAMAGED, UNREADABLE, NEWER, MISSING = "damaged", "unreadable", "newer", "missing"

    def __init__(self, message_ms: str, message_en: str, kind: str = "unreadable"):
        super().__init__(message_en)
        self.message_ms, self.message_en = message_ms, message_en
        self.kind = kind

    def message(self, lang: str = "ms") -> str:
        return self.message_en if lang == "en" else self.message_ms


def _quick_check(db: Database) -> str:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
    return "; ".join(str(r[0]) for r in rows)


def open_database(url: str, *, migrate: bool = True, create: bool = True) -> Database:
    """Open (and by default create and migrate) the database at ``url``.

    Raises :class:`Unsound` with a Malay message for a file that is not a sound SQLite
    database or that a newer IsiTugas wrote (left untouched).
    """
    url = normalise_url(url)
    path = sqlite_path(url)
    if path is not None and not os.path.exists(path):
        if not create:
            raise Unsound(f"Pangkalan data tidak wujud: {path}",
                          f"The database does not exist: {path}", Unsound.MISSING)
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    db = Database(url)
    try:
        if path is not None and os.path.exists(path) and os.path.getsize(path) > 0:
            result = _quick_check(db)
            if result != "ok":
                raise Unsound(f"Fail pangkalan data rosak ({result}). Pulihkan daripada salinan sandaran.",
                              f"The database file is damaged ({result}). Restore it from a backup.",
                              Unsound.DAMAGED)
        if migrate:
            _backup_before_migration(db)
            schema.upgrade(db.engine)
    except schema.NewerSchema as exc:
        db.dispose()
        raise Unsound(
            f"Pangkalan data ini dibuat oleh versi IsiTugas yang lebih baharu (skema {exc}). "
            "Sila kemas kini aplikasi; fail tidak diubah.",
            f"This database was written by a newer IsiTugas (schema {exc}). "
            "Please update the app; the file was not changed.", Unsound.NEWER) from exc
    except (DatabaseError, OperationalError) as exc:
        db.dispose()
        raise Unsound(f"Fail ini bukan pangkalan data IsiTugas yang boleh dibaca: {exc.orig}",
                      f"This file is not a readable IsiTugas database: {exc.orig}",
                      Unsound.UNREADABLE) from exc
    except Refused:
        db.dispose()
        raise
    return db


def _backup_before_migration(db: Database) -> None:
    """A SQLite file that holds an older schema is backed up before it is upgraded (a file
    from a newer app is refused by the upgrade itself, untouched; a new file has nothing)."""
    if not db.is_sqlite or db.path is None:
        return
    current = schema.current_revision(db.engine)
    if current is None or current not in schema.known_revisions():
        return
    if current != schema.head_revision():
        backup.take_backup(db, backup.MIGRATION)


def is_empty(db: Database) -> bool:
    with db.session() as s:
        for model in (Office, Premises, Staff):
            if s.execute(select(func.count()).select_from(model)).scalar_one():
                return False
    return True


@dataclass
class Health:
    revision: str | None = None
    head: str = ""
    integrity: str = ""
    audit_break: int | None = None
    problems_ms: list[str] = field(default_factory=list)
    problems_en: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems_ms

    def problem(self, ms: str, en: str) -> None:
        self.problems_ms.append(ms)
        self.problems_en.append(en)


def check(url: str) -> Health:
    """`isitugas check`: integrity, schema version and the audit chain, without changing anything."""
    h = Health(head=schema.head_revision())
    try:
        db = open_database(url, migrate=False, create=False)
    except Unsound as exc:
        h.problem(exc.message_ms, exc.message_en)
        return h
    try:
        h.integrity = _quick_check(db) if db.is_sqlite else "ok"
        if "alembic_version" not in inspect(db.engine).get_table_names():
            h.problem("Pangkalan data belum disediakan (tiada versi skema).",
                      "The database has not been set up (no schema version).")
            return h
        h.revision = schema.current_revision(db.engine)
        if h.revision != h.head:
            if h.revision not in schema.known_revisions():
                h.problem(f"Skema {h.revision} lebih baharu daripada aplikasi ini.",
                          f"Schema {h.revision} is newer than this app.")
            else:
                h.problem(f"Skema {h.revision} perlu dikemas kini ke {h.head}.",
                          f"Schema {h.revision} needs upgrading to {h.head}.")
        with db.session() as s:
            s.execute(text("SELECT 1"))
            h.audit_break = audit.verify_chain(s)
        if h.audit_break is not None:
            h.problem(f"Log audit telah diubah di luar aplikasi: rekod {h.audit_break} tidak sepadan.",
                      f"The audit log was edited outside the app: record {h.audit_break} does not match.")
    except (DatabaseError, OperationalError) as exc:
        h.problem(f"Pangkalan data tidak boleh dibaca: {exc.orig}",
                  f"The database cannot be read: {exc.orig}")
    finally:
        db.dispose()
    return h
