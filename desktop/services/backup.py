"""Backups of the SQLite file: taken with SQLite's online backup API, checked, rotated, restored.

Automatic backups go to the ``sandaran`` folder next to the database (``ISITUGAS_SANDARAN``
names another folder), one file per backup named ``<db>-<reason>-<YYYYMMDD-HHMMSS>.sqlite``:
at start-up (at most one a day), before a migration, before a month close, by hand. Rotation
(:func:`choose_kept`, a pure function) keeps 7 daily, 4 weekly and 12 monthly backups, plus
every pre-migration and pre-restore backup of the last 90 days.

PostgreSQL is backed up by the server's own tools (``pg_dump``/``pg_restore``); every function
here refuses it with a message that says so.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.models import Database
from desktop.models.db import normalise_url, sqlite_path
from desktop.rules.violations import Refused, invalid

FOLDER_NAME = "sandaran"
FOLDER_ENV = "ISITUGAS_SANDARAN"
STAMP = "%Y%m%d-%H%M%S"

STARTUP, MIGRATION, MONTH_CLOSE, MANUAL, PRE_RESTORE = (
    "startup", "migration", "month-close", "manual", "pre-restore")
REASONS = (STARTUP, MIGRATION, MONTH_CLOSE, MANUAL, PRE_RESTORE)
REASON_MS = {STARTUP: "Mula aplikasi", MIGRATION: "Sebelum kemas kini skema",
             MONTH_CLOSE: "Sebelum tutup bulan", MANUAL: "Manual",
             PRE_RESTORE: "Sebelum pemulihan"}
REASON_EN = {STARTUP: "App start", MIGRATION: "Before a schema upgrade",
             MONTH_CLOSE: "Before a month close", MANUAL: "Manual",
             PRE_RESTORE: "Before a restore"}
# backups that protect a one-way step are kept for PROTECT_DAYS whatever the rotation says
PROTECTED = frozenset({MIGRATION, PRE_RESTORE})
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, PROTECT_DAYS = 7, 4, 12, 90

_NAME = re.compile(r"^(?P<stem>.+)-(?P<reason>" + "|".join(map(re.escape, REASONS))
                   + r")-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite$")

PG_MS = ("Sandaran dan pemulihan PostgreSQL dibuat dengan alat pelayan sendiri: pg_dump untuk "
         "sandaran dan pg_restore untuk pemulihan (lihat docs/ARCHITECTURE.md, 'Sandaran').")
PG_EN = ("PostgreSQL is backed up and restored with the server's own tools: pg_dump to back up "
         "and pg_restore to restore (see docs/ARCHITECTURE.md, 'Sandaran').")


def _refuse(code: str, ms: str, en: str, field: str = "backup") -> Refused:
    return Refused(invalid(field, ms, en, code))


# ---------------------------------------------------------------- the copy itself

def database_file(db_or_url: Database | str) -> Path:
    """The SQLite file behind a database or URL; PostgreSQL and memory databases are refused."""
    url = db_or_url.url if isinstance(db_or_url, Database) else normalise_url(str(db_or_url))
    path = sqlite_path(url)
    if path is None:
        if url.startswith("postgresql"):
            raise _refuse("BACKUP_POSTGRESQL", PG_MS, PG_EN)
        raise _refuse("BACKUP_NO_FILE", "Pangkalan data ini tiada fail untuk disandarkan.",
                      "This database has no file to back up.")
    return Path(path)


def _quick_check(conn: sqlite3.Connection) -> str:
    return "; ".join(str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall())


def _copy(source: sqlite3.Connection, dest: Path) -> None:
    """Online backup of ``source`` into ``dest`` through a temporary file, checked before the
    rename so that a half-written or damaged copy never carries a backup's name."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            # the copy of a WAL database is itself WAL: make it one self-contained file
            target.execute("PRAGMA journal_mode=DELETE").fetchall()
            result = _quick_check(target)
        finally:
            target.close()
        if result != "ok":
            raise _refuse("BACKUP_UNSOUND", f"Salinan sandaran tidak sihat ({result}).",
                          f"The backup copy is not sound ({result}).")
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        raise _refuse("BACKUP_FAILED", f"Sandaran gagal: {exc}", f"The backup failed: {exc}") \
            from exc
    except OSError as exc:
        raise _refuse("BACKUP_FAILED", f"Sandaran tidak dapat ditulis ke {dest}: "
                      f"{exc.strerror or exc}",
                      f"The backup could not be written to {dest}: {exc.strerror or exc}") \
            from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def backup_sqlite(db_or_path: Database | str | os.PathLike, dest: str | os.PathLike) -> Path:
    """Copy a live SQLite database to ``dest`` (SQLite's online backup API; other
    connections may keep working); the copy is checked with ``PRAGMA quick_check``."""
    if isinstance(db_or_path, Database):
        source_path = database_file(db_or_path)
    elif "://" in str(db_or_path):
        source_path = database_file(str(db_or_path))
    else:
        source_path = Path(db_or_path)
    if not source_path.is_file():
        raise _refuse("BACKUP_NO_FILE", f"Pangkalan data tidak wujud: {source_path}",
                      f"The database does not exist: {source_path}")
    dest = Path(dest)
    if dest.resolve() == source_path.resolve():
        raise _refuse("BACKUP_SAME_FILE", "Sandaran tidak boleh ditulis ke atas pangkalan data "
                      "itu sendiri.", "A backup cannot overwrite the database itself.")
    source = sqlite3.connect(source_path)
    try:
        _copy(source, dest)
    finally:
        source.close()
    return dest


# ---------------------------------------------------------------- the backup folder

def backup_folder(db_file: str | os.PathLike) -> Path:
    """``ISITUGAS_SANDARAN`` when set, else ``sandaran`` next to the database file."""
    override = os.environ.get(FOLDER_ENV)
    return Path(override) if override else Path(db_file).resolve().parent / FOLDER_NAME


@dataclass(frozen=True)
class BackupRow:
    path: Path
    stem: str  # the database the backup belongs to (its file name without .sqlite)
    reason: str
    taken_at: datetime
    size: int
    sound: bool | None = None  # None: not checked

    def reason_text(self, lang: str = "ms") -> str:
        return (REASON_EN if lang == "en" else REASON_MS).get(self.reason, self.reason)


def parse_name(name: str) -> tuple[str, str, datetime] | None:
    """(database stem, reason, time taken) of a backup file name, or None for another file."""
    m = _NAME.match(name)
    if not m:
        return None
    try:
        taken = datetime.strptime(m["stamp"], STAMP)
    except ValueError:
        return None
    return m["stem"], m["reason"], taken


def _sequence(name: str) -> int:
    """1 for ``...-080507.sqlite``, 2 for ``...-080507-2.sqlite`` (taken in the same second)."""
    m = _NAME.match(name)
    return int(m["n"]) if m and m["n"] else 1


def is_sound(path: str | os.PathLike) -> bool:
    """Opens the file read-only: a SQLite database that passes ``quick_check``."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return _quick_check(conn) == "ok"
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def list_backups(folder: str | os.PathLike, stem: str | None = None, *,
                 check: bool = True) -> list[BackupRow]:
    """The backups in ``folder`` (of the database ``stem`` only, when given), newest first;
    ``check`` opens each one to tell whether it is sound."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    rows = []
    for path in folder.iterdir():
        parsed = parse_name(path.name)
        if parsed is None or not path.is_file() or (stem is not None and parsed[0] != stem):
            continue
        rows.append(BackupRow(path, parsed[0], parsed[1], parsed[2], path.stat().st_size,
                              is_sound(path) if check else None))
    rows.sort(key=lambda r: (r.taken_at, _sequence(r.path.name)), reverse=True)
    return rows


def backups_of(db_or_url: Database | str, *, check: bool = True) -> list[BackupRow]:
    """The automatic and manual backups of one database, newest first."""
    path = database_file(db_or_url)
    return list_backups(backup_folder(path), _stem(path), check=check)


def newest_sound_backup(folder: str | os.PathLike, stem: str | None = None) -> BackupRow | None:
    for row in list_backups(folder, stem, check=False):
        if is_sound(row.path):
            return BackupRow(row.path, row.stem, row.reason, row.taken_at, row.size, True)
    return None


def newest_sound_backup_of(db_or_url: Database | str) -> BackupRow | None:
    path = database_file(db_or_url)
    return newest_sound_backup(backup_folder(path), _stem(path))


def _stem(db_file: Path) -> str:
    return db_file.name[:-len(".sqlite")] if db_file.name.endswith(".sqlite") else db_file.name


def backup_name(folder: str | os.PathLike, db_file: str | os.PathLike, reason: str,
                when: datetime) -> Path:
    """A free file name in ``folder`` for a backup of ``db_file`` taken for ``reason``."""
    return _name_for(Path(folder), _stem(Path(db_file)), reason, when)


def _name_for(folder: Path, stem: str, reason: str, when: datetime) -> Path:
    base = f"{stem}-{reason}-{when.strftime(STAMP)}"
    path, n = folder / f"{base}.sqlite", 1
    while path.exists():  # two backups in the same second
        n += 1
        path = folder / f"{base}-{n}.sqlite"
    return path


# ---------------------------------------------------------------- rotation (pure)

def choose_kept(backups: Iterable[tuple[str, datetime]], now: datetime) -> set[int]:
    """Indexes of the ``(reason, taken_at)`` backups that rotation keeps.

    The newest backup of each of the 7 most recent days that have one, of each of the 4 most
    recent ISO weeks, and of each of the 12 most recent months; plus every pre-migration and
    pre-restore backup taken in the last 90 days.
    """
    items = list(backups)
    order = sorted(range(len(items)), key=lambda i: items[i][1], reverse=True)
    kept: set[int] = set()
    periods = (
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    )
    for count, period in periods:
        seen: set = set()
        for i in order:  # newest first: the first of a period is its newest
            key = period(items[i][1])
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            kept.add(i)
    horizon = now - timedelta(days=PROTECT_DAYS)
    kept.update(i for i, (reason, taken) in enumerate(items)
                if reason in PROTECTED and taken >= horizon)
    return kept


def rotate(folder: str | os.PathLike, stem: str, now: datetime | None = None) -> list[Path]:
    """Delete the backups of ``stem`` in ``folder`` that :func:`choose_kept` does not keep."""
    rows = list_backups(folder, stem, check=False)
    kept = choose_kept([(r.reason, r.taken_at) for r in rows], now or datetime.now())
    removed = []
    for i, row in enumerate(rows):
        if i not in kept:
            try:
                row.path.unlink()
                removed.append(row.path)
            except OSError:  # in use or read-only: tried again at the next backup
                pass
    return removed


# ---------------------------------------------------------------- automatic backups

def take_backup(db_or_url: Database | str, reason: str, *, now: datetime | None = None,
                folder: str | os.PathLike | None = None) -> Path:
    """A backup into the backup folder, named by reason and time; then rotation."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    path = database_file(db_or_url)
    now = now or datetime.now()
    target_folder = Path(folder) if folder is not None else backup_folder(path)
    dest = backup_sqlite(path, _name_for(target_folder, _stem(path), reason, now))
    rotate(target_folder, _stem(path), now)
    return dest


def startup_backup(db: Database, now: datetime | None = None) -> Path | None:
    """The start-up backup, at most one a day; none for PostgreSQL or a file not yet there."""
    path = db.path
    if not db.is_sqlite or path is None or not os.path.exists(path):
        return None
    now = now or datetime.now()
    folder = backup_folder(path)
    if any(r.reason == STARTUP and r.taken_at.date() == now.date()
           for r in list_backups(folder, _stem(Path(path)), check=False)):
        return None
    return take_backup(db, STARTUP, now=now)


def before_change(session_or_engine, reason: str) -> Path | None:
    """The hook a service calls before a one-way step (a month close): a backup of the SQLite
    file behind the session; PostgreSQL and memory databases skip it (the server's own
    backups cover them)."""
    bind = session_or_engine.get_bind() if hasattr(session_or_engine, "get_bind") \
        else session_or_engine
    url = bind.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return take_backup(url.render_as_string(hide_password=False), reason)


# ---------------------------------------------------------------- restore

@dataclass(frozen=True)
class Restored:
    restored_from: Path
    previous_saved_as: Path | None  # the file that was replaced, kept as a pre-restore backup
    revision: str | None


def _candidate_revision(conn: sqlite3.Connection, name: str) -> str:
    from desktop.services import schema

    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        raise _refuse("RESTORE_NOT_ISITUGAS", f"{name} bukan pangkalan data IsiTugas (tiada "
                      "versi skema); tiada apa-apa diubah.",
                      f"{name} is not an IsiTugas database (no schema version); nothing "
                      "was changed.", "file")
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = row[0] if row else None
    if revision is None:
        raise _refuse("RESTORE_NOT_ISITUGAS", f"{name} belum disediakan (versi skema kosong); "
                      "tiada apa-apa diubah.",
                      f"{name} has not been set up (empty schema version); nothing was "
                      "changed.", "file")
    if revision not in schema.known_revisions():
        raise _refuse("RESTORE_NEWER_SCHEMA", f"{name} dibuat oleh versi IsiTugas yang lebih "
                      f"baharu (skema {revision}); kemas kini aplikasi dahulu. Tiada apa-apa "
                      "diubah.",
                      f"{name} was written by a newer IsiTugas (schema {revision}); update "
                      "the app first. Nothing was changed.", "file")
    return revision


def restore(url: str, backup_file: str | os.PathLike, *,
            now: datetime | None = None) -> Restored:
    """Replace the SQLite database at ``url`` by ``backup_file``.

    The file is checked first (opened read-only, ``quick_check``, an IsiTugas schema no newer
    than this app) through a checked copy next to the database; the current file is backed up
    (reason ``pre-restore``) before it is replaced atomically; stale ``-wal``/``-shm`` files
    go. The caller closes its own connections first (and the window asks for a restart).
    """
    target = database_file(url)
    source = Path(backup_file)
    name = source.name
    if not source.is_file():
        raise _refuse("RESTORE_NO_FILE", f"Fail sandaran tidak wujud: {source}",
                      f"The backup file does not exist: {source}", "file")
    if target.exists() and source.resolve() == target.resolve():
        raise _refuse("RESTORE_SAME_FILE", "Fail sandaran ialah pangkalan data itu sendiri.",
                      "The backup file is the database itself.", "file")
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.restore-{os.getpid()}.tmp")
    try:
        try:
            conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise _refuse("RESTORE_UNREADABLE", f"{name} tidak dapat dibuka: {exc}",
                          f"{name} cannot be opened: {exc}", "file") from exc
        try:
            try:
                result = _quick_check(conn)
            except sqlite3.Error as exc:
                raise _refuse("RESTORE_UNREADABLE", f"{name} bukan pangkalan data SQLite yang "
                              f"boleh dibaca ({exc}); tiada apa-apa diubah.",
                              f"{name} is not a readable SQLite database ({exc}); nothing "
                              "was changed.", "file") from exc
            if result != "ok":
                raise _refuse("RESTORE_UNSOUND", f"{name} rosak ({result}); tiada apa-apa "
                              "diubah.", f"{name} is damaged ({result}); nothing was changed.",
                              "file")
            revision = _candidate_revision(conn, name)
            _copy(conn, staged)  # checked again after the copy
        finally:
            conn.close()
        previous = None
        if target.exists() and target.stat().st_size > 0:
            previous = _save_current(target, now or datetime.now())
        for suffix in ("-wal", "-shm", "-journal"):
            stale = Path(str(target) + suffix)
            if stale.exists():
                stale.unlink()
        os.replace(staged, target)
    except OSError as exc:
        raise _refuse("RESTORE_FAILED", f"Pemulihan gagal: {exc.strerror or exc}. Tutup "
                      "aplikasi lain yang membuka pangkalan data ini dan cuba lagi.",
                      f"The restore failed: {exc.strerror or exc}. Close any other program "
                      "that has this database open and try again.", "file") from exc
    finally:
        if staged.exists():
            staged.unlink()
    return Restored(source, previous, revision)


def _save_current(target: Path, now: datetime) -> Path:
    """Keep the file about to be replaced; a damaged one is copied byte for byte (with its
    -wal) since the backup API cannot read it."""
    folder = backup_folder(target)
    dest = _name_for(folder, _stem(target), PRE_RESTORE, now)
    try:
        return backup_sqlite(target, dest)
    except Refused:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(target, dest)
        wal = Path(str(target) + "-wal")
        if wal.exists():
            shutil.copy2(wal, Path(str(dest) + "-wal"))
        return dest
