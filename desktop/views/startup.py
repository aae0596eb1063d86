"""Start-up with the window first: it is shown at once, and the slow work runs behind it.

Opening the app used to mean a blank second or more (several at the national scale) before any
window appeared: importing the database layer, checking and migrating the file, the day's
backup, the dashboard's figures. Now ``desktop.app.run_app`` shows the main window straight
away (menus, Help and Quit work; a loading panel says which step is under way) and
:class:`StartUp` runs each slow step in a worker thread, one after the other:

1. the OS lock on the file, then the database opened, checked and migrated (the services and
   the views are imported on the way, off the window's thread);
2. the day's start-up backup;
3. on the window's thread: a damaged file's recovery offer, the login (modal over the window);
4. the first page's reads (``PageSpec.prefetch``), then ``MainWindow.attach``.

Each failure is told in Malay as before and ends the start-up with ``stopped(code)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from desktop.views.background import BackgroundTask
from desktop.views.main_window import MainWindow


@dataclass
class StartSteps:
    """What the start-up calls, supplied by ``desktop.app`` (the views do not parse the
    command line). ``lock()`` and ``open_db()`` run in the worker thread; ``sign_in(db,
    parent)`` on the window's thread (None: the user cancelled)."""

    url: str
    lock: Callable[[], Any]
    open_db: Callable[[], Any]
    sign_in: Callable[[Any, Any], Any]


class StartUp(QObject):
    ready = Signal()  # the window is attached and its first page shown
    stopped = Signal(int)  # the start-up ended without a database (exit code; user told)

    def __init__(self, window: MainWindow, steps: StartSteps, lang: str = "ms"):
        super().__init__(window)
        self.window = window
        self.steps = steps
        self.lang = lang
        self.db = None
        self.lock = None
        self.ops = None
        self.task: BackgroundTask | None = None
        self.ended = False  # released (the window closed): late steps are dropped

    # -- the steps, in order ------------------------------------------------------------------

    def start(self) -> StartUp:
        self._in_worker(self._open, self._opened, self._open_failed)
        return self

    def _open(self):
        """Worker: the lock, then the database (its modules are imported here)."""
        self.lock = self.steps.lock()
        self.db = db = self.steps.open_db()  # set here too: a release meanwhile closes it
        # what the next steps need on the window's thread, imported here instead
        import desktop.views.login_dialog  # noqa: F401
        import desktop.views.operations  # noqa: F401
        return db

    def _opened(self, db) -> None:
        self.db = db
        self.window.set_loading(self.tr("Menyandarkan pangkalan data..."))
        self._in_worker(self._backup, self._backed_up, self._backed_up)

    def _open_failed(self, exc: BaseException) -> None:
        from desktop.rules import Refused

        if not isinstance(exc, Refused) and not _unsound(exc):
            self._crashed(exc)
            return
        if self.lock is None:  # another window holds the file: told, and nothing opened
            QMessageBox.critical(self.window, "IsiTugas", exc.message(self.lang))
            self._stop(1)
            return
        from desktop.views.recovery_dialog import recover

        db = recover(exc, self.steps.open_db, self.steps.url, self.lang, self.window)
        if db is None:
            self._stop(1)
        else:
            self._opened(db)

    def _backup(self):
        """Worker: the day's first backup; a refusal is handed back to be told."""
        from desktop.rules import Refused
        from desktop.services import backup

        try:
            backup.startup_backup(self.db)
        except Refused as exc:
            return exc
        return None

    def _backed_up(self, problem) -> None:
        if problem is not None:  # told, but the app goes on (as before)
            QMessageBox.warning(self.window, "IsiTugas", problem.message(self.lang))
        self.window.set_loading(self.tr("Menunggu log masuk..."))
        actor = self.steps.sign_in(self.db, self.window)
        if actor is None:  # the login was cancelled
            self._stop(0)
            return
        from desktop.views.operations import Operations

        self.ops = Operations(self.db, lang=self.lang, actor=actor, parent=self.window)
        self.window.set_loading(self.tr("Memuatkan papan pemuka..."))
        first = next(iter(self.window.specs_for(self.ops.role)), None)
        self._in_worker(lambda: first.fetch(self.ops) if first else None, self._fetched)

    def _fetched(self, data) -> None:
        self.window.attach(self.ops, data)
        self.task = None
        self.ready.emit()

    # -- plumbing -----------------------------------------------------------------------------

    def _in_worker(self, fn: Callable[[], Any], done: Callable[[Any], None],
                   failed: Callable[[BaseException], None] | None = None) -> None:
        def unless_ended(step):
            return lambda value: None if self.ended else step(value)

        self.task = BackgroundTask(lambda _progress, _cancel: fn(), "", self, quiet=True)
        self.task.finished.connect(unless_ended(done))
        self.task.failed.connect(unless_ended(failed or self._crashed))
        self.task.start()

    def _crashed(self, exc: BaseException) -> None:
        """An unexpected error in a step: told in the window (and its traceback on stderr for
        the support officer), never a window left loading for ever."""
        import traceback

        traceback.print_exception(exc)
        QMessageBox.critical(self.window, "IsiTugas", self.tr(
            "Ralat tidak dijangka semasa membuka IsiTugas:\n%1").replace(
                "%1", f"{type(exc).__name__}: {exc}"))
        self._stop(1)

    def _stop(self, code: int) -> None:
        self.task = None
        self.stopped.emit(code)

    def wait(self) -> None:
        """Let a step still running finish (the window was closed during the start-up)."""
        if self.task is not None and not self.task.done:
            self.task.wait()

    def release(self) -> None:
        """Close the database and let go of the file's lock (the app is ending)."""
        self.ended = True
        self.wait()
        if self.db is not None:
            self.db.dispose()
            self.db = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _unsound(exc: BaseException) -> bool:
    from desktop.services.database import Unsound

    return isinstance(exc, Unsound)

