"""GUI start-up: the Qt application, its language, the database and the main window.

Only this path imports Qt; the headless commands in ``desktop.cli`` never do.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.paths import resource

LANGUAGES = ("ms", "en")


def app_icon() -> QIcon:
    return QIcon(str(resource("icons/isitugas.svg")))


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Malay is the source language; English comes from ``i18n/isitugas_en.qm``."""
    if lang == "ms":
        QLocale.setDefault(QLocale(QLocale.Language.Malay, QLocale.Country.Malaysia))
        return None
    translator = QTranslator(app)
    if not translator.load(str(resource(f"i18n/isitugas_{lang}.qm"))):
        return None
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Malaysia))
    return translator


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("IsiTugas")
    app.setOrganizationName("JPNIN")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    return app


def create_window(db, lang: str = "ms", actor=None):
    """The main window over an open database (used by run_app, the tests and the screenshot).

    ``actor``: who signed in (an Actor), or a plain name for a local administrator; None is
    the local administrator named after the OS user (tests, screenshots)."""
    from desktop.views.main_window import MainWindow
    from desktop.views.operations import Operations

    ops = Operations(db, lang=lang, actor=actor)
    window = MainWindow(ops)
    window.setWindowIcon(app_icon())
    ops.setParent(window)
    return window


def open_app_database(args: argparse.Namespace):
    """Open (and migrate) the database; the demo one is filled on first use."""
    from desktop.cli import db_url
    from desktop.services.database import is_empty, open_database

    db = open_database(db_url(args))
    if getattr(args, "demo", False) and is_empty(db):
        from desktop.services.demo import fill_demo
        from desktop.services.unit import perform

        perform(db, fill_demo, state="SGR", seed=1, actor="demo")
    return db


def sign_in_actor(db, args: argparse.Namespace, lang: str):
    """Who uses the window: ``--demo`` opens straight away as the demo's administrator (a local
    account, not in the users table); otherwise the login (or, on a new database, the first
    administrator's registration)."""
    if getattr(args, "demo", False) and not args.db:
        from desktop.services.unit import local_administrator

        return local_administrator("demo", "Pentadbir Demo")
    from desktop.views.login_dialog import sign_in

    return sign_in(db, lang)


def hold_database(args: argparse.Namespace, lang: str):
    """The window's lock on its SQLite file (desktop.services.db_lock, an OS lock released
    even after a crash): (True, lock), or (False, None) after telling the user who holds it."""
    from desktop.cli import db_url
    from desktop.rules import Refused
    from desktop.services import db_lock

    try:
        return True, db_lock.acquire(db_url(args), "tetingkap IsiTugas")
    except Refused as exc:
        QMessageBox.critical(None, "IsiTugas", exc.message(lang))
        return False, None


def startup_backup(db, lang: str) -> None:
    """The day's first start-up backup; a failure is told but does not stop the app."""
    from desktop.rules import Refused
    from desktop.services import backup

    try:
        backup.startup_backup(db)
    except Refused as exc:
        QMessageBox.warning(None, "IsiTugas", exc.message(lang))


def run_app(args: argparse.Namespace) -> int:
    from desktop.cli import db_url
    from desktop.views.recovery_dialog import open_with_recovery

    lang = args.lang or "ms"
    app = ensure_application()
    install_translator(app, lang)
    held, lock = hold_database(args, lang)
    if not held:
        return 1
    db = None
    try:
        db = open_with_recovery(lambda: open_app_database(args), db_url(args), lang)
        if db is None:
            return 1
        startup_backup(db, lang)
        actor = sign_in_actor(db, args, lang)
        if actor is None:  # the login was cancelled
            return 0
        window = create_window(db, lang, actor)
        window.show()
        return app.exec()
    finally:
        if db is not None:
            db.dispose()
        if lock is not None:
            lock.release()
