"""The one path from a view to the database (after Anki's ``CollectionOp``).

A view never opens a session. It asks :class:`Operations` to ``run`` a service action (one
transaction, an audit record, then one ``changed(kinds)`` signal that every open register
listens to) or to ``query`` plain rows. A refusal comes back as a :class:`Result` carrying the
violations, shown in Malay (or English) with the circular's paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.rules import Refused
from desktop.rules.roles import Actor, Role, action_name, may
from desktop.services import unit


@dataclass(frozen=True)
class Result:
    ok: bool
    value: Any = None
    refused: Refused | None = None

    def message(self, lang: str = "ms") -> str:
        return self.refused.message(lang) if self.refused else ""


class Operations(QObject):
    """Runs service actions for the views and tells every register what changed."""

    changed = Signal(frozenset)  # entity kinds touched, e.g. frozenset({"premises"})

    def __init__(self, db, *, lang: str = "ms", actor: Actor | str | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._db = db  # a desktop.models.Database, held but never opened here
        self.lang = lang
        # who logged in; a plain string (tests, the demo) is a local administrator (unit.py)
        self._who = unit.as_actor(actor if actor is not None else unit.local_actor())
        self.actor: Actor = self._who.actor

    @property
    def who(self) -> unit.Who:
        """The actor to hand to a function that runs its own ``perform`` (letters.api)."""
        return self._who

    @property
    def has_account(self) -> bool:
        """Signed in with an account of the users table (not a local administrator)."""
        return not self._who.local

    @property
    def role(self) -> Role:
        return self.actor.role

    def may(self, action) -> bool:
        """Whether the logged-in role may do ``action`` (a service function or its key in
        ``rules.roles``); the window hides what it may not, the services refuse it anyway."""
        return may(self.role, action if isinstance(action, str) else action_name(action))

    @property
    def masks_mykad(self) -> bool:
        """The read-only role sees MyKad numbers masked (issue 8 item 8)."""
        return self.role is Role.BACA

    @property
    def database_name(self) -> str:
        return self._db.display_name()

    @property
    def database_url(self) -> str:
        """The database's URL, for the services that work on its file (backup, restore)."""
        return self._db.url

    def close_database(self) -> None:
        """Close every connection (before the file is replaced by a restore)."""
        self._db.dispose()

    def query(self, fn: Callable[..., Any], *args, **kwargs) -> Any:
        """Read plain rows through a service query ``fn(session, ...)``."""
        return unit.read(self._db, fn, *args, **kwargs)

    def run(self, fn: Callable[..., Any], *args, parent: QWidget | None = None,
            show_refusal: bool = True, **kwargs) -> Result:
        """Run one user action ``fn(ctx, ...)``: commit, audit, signal; or show the refusal."""
        try:
            outcome = unit.perform(self._db, fn, *args, actor=self._who, **kwargs)
        except Refused as refused:
            if show_refusal:
                self.show_refusal(refused, parent)
            return Result(False, refused=refused)
        if outcome.touched:
            self.changed.emit(outcome.touched)
        return Result(True, outcome.result)

    def run_in_background(self, fn: Callable[..., Any], *args, label: str, parent: QWidget,
                          on_done: Callable[[Result], None] | None = None,
                          with_progress: bool = False, **kwargs):
        """Like :meth:`run` for long actions: the transaction runs in a worker thread behind a
        progress dialog, the window stays responsive, and the result comes back here. With
        ``with_progress`` the action also gets ``progress`` and ``cancelled`` (see
        :meth:`call_in_background`); a cancelled action refuses, so its transaction rolls back."""

        def work(progress, cancel):
            if with_progress:
                kwargs.update(progress=progress, cancelled=cancel)
            outcome = unit.perform(self._db, fn, *args, actor=self._who, **kwargs)
            return outcome.result, outcome.touched

        return self._in_background(work, label, parent, on_done, frozenset())

    def call(self, fn: Callable[..., Any], *args, parent: QWidget | None = None,
             show_refusal: bool = True, touched: frozenset[str] = frozenset(),
             **kwargs) -> Result:
        """Run an entry point that takes the database itself and opens its own transactions
        (``desktop.letters.api``: issue then render), then say which kinds it ``touched``."""
        try:
            value = fn(self._db, *args, **kwargs)
        except Refused as refused:
            if show_refusal:
                self.show_refusal(refused, parent)
            return Result(False, refused=refused)
        if touched:
            self.changed.emit(frozenset(touched))
        return Result(True, value)

    def call_in_background(self, fn: Callable[..., Any], *args, label: str, parent: QWidget,
                           on_done: Callable[[Result], None] | None = None,
                           touched: frozenset[str] = frozenset(), with_progress: bool = False,
                           **kwargs):
        """:meth:`call` in a worker thread behind a progress dialog. With ``with_progress`` the
        entry point also gets ``progress=(done, total)`` and ``cancelled=() -> bool``, so the
        dialog's bar moves and its Batal button stops the work."""

        def work(progress, cancel):
            if with_progress:
                kwargs.update(progress=progress, cancelled=cancel)
            return fn(self._db, *args, **kwargs), frozenset(touched)

        # a refusal part-way may follow work already committed: its kinds are signalled too
        return self._in_background(work, label, parent, on_done, frozenset(touched))

    def _in_background(self, work, label: str, parent: QWidget,
                       on_done: Callable[[Result], None] | None,
                       touched_on_refusal: frozenset[str]):
        """Start ``work(progress, cancel) -> (value, touched kinds)`` in a BackgroundTask;
        signal the kinds, show a refusal, and hand the Result to ``on_done``."""
        from desktop.views.background import BackgroundTask

        task = BackgroundTask(work, label, parent)

        def finished(done) -> None:
            value, touched = done
            if touched:
                self.changed.emit(frozenset(touched))
            if on_done:
                on_done(Result(True, value))

        def failed(exc) -> None:
            if not isinstance(exc, Refused):
                raise exc
            if touched_on_refusal:
                self.changed.emit(touched_on_refusal)
            self.show_refusal(exc, parent)
            if on_done:
                on_done(Result(False, refused=exc))

        task.finished.connect(finished)
        task.failed.connect(failed)
        return task.start()

    def show_refusal(self, refused: Refused, parent: QWidget | None = None) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Tindakan ditolak"),
                          refused.message(self.lang), QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("refusalBox")
        self.last_refusal_box = box  # kept alive while shown; tests read it
        box.open()  # window-modal without a nested event loop: tests stay deterministic
