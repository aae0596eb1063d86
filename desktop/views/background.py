"""Long work off the window's thread: a progress dialog that can cancel, and no frozen window.

The work is a plain function ``fn(progress, cancel)`` (no Qt, no database session): it reports
``progress(done, total)`` and stops when ``cancel()`` says so. The result or the error comes
back on the window's thread through ``finished``/``failed``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[..., Any]):
        super().__init__()
        self.fn = fn
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            result = self.fn(lambda done, total: self.progressed.emit(done, total),
                             self.stop.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the window, never lost
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class BackgroundTask(QObject):
    """Run ``fn`` in a thread with a cancellable progress dialog over ``parent``; with
    ``quiet`` there is no dialog (the start-up shows its own progress in the window)."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[..., Any], label: str, parent: QObject, *,
                 quiet: bool = False):
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = _Worker(fn)
        self.worker.moveToThread(self.thread)
        self.dialog = None
        if not quiet:
            self.dialog = QProgressDialog(label, self.tr("Batal"), 0, 0, parent)
            self.dialog.setObjectName("progressDialog")
            self.dialog.setMinimumDuration(300)  # quick work shows no dialog at all
            self.dialog.canceled.connect(self.worker.stop.set)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progress)
        self.worker.finished.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.done = False

    def start(self) -> BackgroundTask:
        self.thread.start()
        return self

    def cancel(self) -> None:
        self.worker.stop.set()

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def wait(self) -> None:
        """Block until the work has ended (a window closing while its start-up still runs)."""
        self.worker.stop.set()
        self.thread.quit()
        self.thread.wait()

    def _finish(self) -> None:
        self.done = True
        if self.dialog is not None:
            self.dialog.reset()
        self.thread.quit()
        self.thread.wait()

    def _done(self, result) -> None:
        self._finish()
        self.finished.emit(result)

    def _failed(self, exc) -> None:
        self._finish()
        self.failed.emit(exc)
