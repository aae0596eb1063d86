"""GUI start-up: the Qt application, its language, the database and the main window.

Only this path imports Qt; the headless commands in ``desktop.cli`` never do.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

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


def sign_in_actor(db, args: argparse.Namespace, lang: str, parent=None):
    """Who uses the window: ``--demo`` opens straight away as the demo's administrator (a local
    account, not in the users table); otherwise the login (or, on a new database, the first
    administrator's registration), modal over ``parent``."""
    if getattr(args, "demo", False) and not args.db:
        from desktop.services.unit import local_administrator

        return local_administrator("demo", "Pentadbir Demo")
    from desktop.views.login_dialog import sign_in

    return sign_in(db, lang, parent)


def take_lock(url: str):
    """The window's lock on its SQLite file (desktop.services.db_lock, an OS lock released
    even after a crash); refuses, naming who holds it, when another window or command does."""
    from desktop.services import db_lock

    return db_lock.acquire(url, "tetingkap IsiTugas")


def launch(args: argparse.Namespace, sign_in=None):
    """Show the main window at once and start opening its database behind it
    (``desktop.views.startup``): returns (window, start-up). ``sign_in(db, parent)`` replaces
    the login (the bench opens as a local administrator)."""
    from desktop.cli import db_url
    from desktop.db_urls import shown_name
    from desktop.views.main_window import MainWindow
    from desktop.views.startup import StartSteps, StartUp

    lang = args.lang or "ms"
    url = db_url(args)
    window = MainWindow(database_name=shown_name(url))
    window.setWindowIcon(app_icon())
    steps = StartSteps(
        url=url, lock=lambda: take_lock(url), open_db=lambda: open_app_database(args),
        sign_in=sign_in or (lambda db, parent: sign_in_actor(db, args, lang, parent)))
    window.show()
    return window, StartUp(window, steps, lang)


def run_app(args: argparse.Namespace) -> int:
    app = ensure_application()
    install_translator(app, args.lang or "ms")
    window, startup = launch(args)
    startup.stopped.connect(app.exit)
    startup.start()
    try:
        return app.exec()
    finally:
        window.hide()
        startup.release()
