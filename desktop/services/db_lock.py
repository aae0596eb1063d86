"""One writer program per SQLite file: an OS-level lock on ``<database>.lock``.

The window holds the lock for as long as it is open; the CLI commands that write hold it for
the command. A second holder is refused with a Malay message naming who has the file open
(user, computer, process), which the holder writes into the lock file.

The lock is the operating system's own (``fcntl.flock`` on Linux/macOS, ``msvcrt.locking``
on Windows), not a marker file: it is released by the OS when the process ends, even after a
crash or a power cut, so a stale lock can never keep the office out. Qt's QLockFile would
need its own stale-lock guess and cannot be used by the headless CLI, so both use this.
PostgreSQL (several PCs at once) needs no lock: :func:`hold` does nothing for it.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from desktop.models.db import normalise_url, sqlite_path
from desktop.rules.violations import Refused, invalid

WINDOWS = sys.platform == "win32"
_LOCK_OFFSET = 1 << 30  # Windows locks a byte range: lock one far past the holder's note


def lock_path(db_file: str | os.PathLike) -> Path:
    return Path(str(db_file) + ".lock")


def _try_lock(fd: int) -> bool:
    if WINDOWS:
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if WINDOWS:
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _user() -> str:
    try:
        return getpass.getuser() or "?"
    except Exception:  # noqa: BLE001 - no login name on some Windows setups
        return "?"


def read_holder(db_file: str | os.PathLike) -> dict:
    """What the current holder wrote about itself (empty when unknown)."""
    try:
        text = lock_path(db_file).read_text(encoding="utf-8")
        data = json.loads(text) if text.strip() else {}
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def in_use_refusal(db_file: str | os.PathLike) -> Refused:
    h = read_holder(db_file)
    who = h.get("user", "?")
    where = h.get("host", "?")
    what = h.get("program", "?")
    since = h.get("since", "?")
    pid = h.get("pid", "?")
    return Refused(invalid(
        "database",
        f"Pangkalan data ini sedang dibuka oleh {who} di {where} ({what}, proses {pid}, sejak "
        f"{since}). Tutup program itu dahulu, kemudian cuba lagi.",
        f"This database is open in another program: {who} on {where} ({what}, process {pid}, "
        f"since {since}). Close it first, then try again.",
        "DATABASE_IN_USE"))


class DatabaseLock:
    """The held lock of one SQLite file; :meth:`release` (or process exit) frees it."""

    def __init__(self, db_file: str | os.PathLike, program: str):
        self.db_file = Path(db_file)
        self.path = lock_path(db_file)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # opened without truncating: the holder's note stays readable for the refused one
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(self._fd):
            os.close(self._fd)
            self._fd = None
            raise in_use_refusal(db_file)
        note = {"user": _user(), "host": socket.gethostname(), "pid": os.getpid(),
                "program": program, "since": datetime.now().strftime("%d/%m/%Y %H:%M")}
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, json.dumps(note).encode("utf-8"))

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


def acquire(url: str, program: str) -> DatabaseLock | None:
    """Take the lock of the SQLite file at ``url`` (refused when another program holds it);
    None for PostgreSQL and memory databases."""
    path = sqlite_path(normalise_url(url))
    if path is None:
        return None
    return DatabaseLock(os.path.abspath(path), program)


@contextmanager
def hold(url: str, program: str):
    lock = acquire(url, program)
    try:
        yield lock
    finally:
        if lock is not None:
            lock.release()
