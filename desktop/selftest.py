"""`isitugas --self-test`: proves an installation works end to end, in a few seconds.

Migrates an in-memory database, runs a rule, renders the main window offscreen. Prints one line
per check and returns 0 only when all pass.
"""

from __future__ import annotations

import os
import sys
from datetime import date


def _check(name: str, fn) -> bool:
    try:
        detail = fn()
    except Exception as exc:  # noqa: BLE001 - a self-test reports every failure, never crashes
        print(f"GAGAL  {name}: {type(exc).__name__}: {exc}")
        return False
    print(f"OK     {name}" + (f": {detail}" if detail else ""))
    return True


def _database():
    from desktop.services.database import open_database
    from desktop.services.schema import current_revision

    db = open_database("sqlite://")
    try:
        return f"skema {current_revision(db.engine)}"
    finally:
        db.dispose()


def _rule():
    from desktop.rules import working_days

    days = len(working_days("KDH", date(2026, 5, 1), date(2026, 5, 31)))
    return f"{days} hari bekerja di Kedah, Mei 2026"


def _widget():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import create_window, ensure_application
    from desktop.services.database import open_database

    app = ensure_application()
    db = open_database("sqlite://")
    try:
        window = create_window(db)
        window.show()
        app.processEvents()
        image = window.grab()
        window.close()
        if image.isNull():
            raise RuntimeError("the window did not render")
        return f"tetingkap {image.width()}x{image.height()}"
    finally:
        db.dispose()


def run_self_test() -> int:
    checks = [("pangkalan data", _database), ("peraturan", _rule), ("antara muka", _widget)]
    ok = all([_check(name, fn) for name, fn in checks])
    print("Ujian kendiri lulus." if ok else "Ujian kendiri GAGAL.", file=sys.stdout)
    return 0 if ok else 1
