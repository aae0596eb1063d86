"""Render every screenshot of the user guide (docs/panduan/) offscreen from a fresh demo office.

`python scripts/guide_screenshots.py [--only NAME ...] [--out docs/panduan/img] [--list]`

Each entry of SHOTS is the file name the guide links (img/NAME) and the function that brings
the window (or a dialog over it) into the state to show; tests/test_guide.py checks that every
image the guide links is listed here. Like scripts/screenshot.py, it works on a temporary demo
database (Selangor, seed 1), signed in as a local administrator, so the pictures follow the app.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "panduan" / "img"
WINDOW_SIZE = (1100, 780)  # readable in the guide, small on disk
WINDOWS_DATA = r"C:\Users\kerani\AppData\Local\JPNIN\IsiTugas"  # platformdirs' folder
PNG_QUALITY = 0  # for PNG, Qt's quality is the compression: 0 = smallest file


@dataclass
class Studio:
    """What a shot needs: the application, the main window on the demo office, the folder."""

    app: object
    window: object
    db: object
    tmp: Path
    keep: list = field(default_factory=list)  # dialogs kept alive until grabbed

    def page(self, key: str):
        return self.window.open_page(key)

    def dialog(self, dialog, size: tuple[int, int] | None = None):
        self.keep.append(dialog)
        if size:
            dialog.resize(*size)
        dialog.show()
        return dialog


def _page(key: str) -> Callable[[Studio], object]:
    def shot(s: Studio):
        s.page(key)
        return s.window
    return shot


def _select(page, predicate) -> None:
    if not page.select_where(predicate):
        raise SystemExit(f"no row to show on {page.objectName()}")


def _first_admin(s: Studio):
    from desktop.services.database import open_database
    from desktop.views.login_dialog import FirstAdminDialog

    empty = open_database(str(s.tmp / "pejabat.sqlite"))
    s.keep.append(empty)
    return s.dialog(FirstAdminDialog(empty), (520, 0))


def _login(s: Studio):
    from desktop.views.login_dialog import LoginDialog

    dialog = s.dialog(LoginDialog(s.db), (460, 0))
    dialog.intro.setText(dialog.tr("Pangkalan data: %1").replace("%1", "isitugas.sqlite"))
    dialog.username.setText("kerani1")
    return dialog


def _filling(s: Studio):
    from desktop.views.filling_dialog import FillingDialog

    page = s.page("vacancies")
    # a Tabika operasi vacancy: all three methods are allowed there (para 8, Tabika table)
    _select(page, lambda r: r.kind.value == "OPERASI" and r.status.is_live
            and r.filled_method is None and r.premises_code.startswith("SGR-TBK"))
    return s.dialog(page.open_dialog(FillingDialog), (1100, 600))


def _steps(s: Studio):
    from desktop.views.workflow_dialog import StepsDialog

    page = s.page("vacancies")
    _select(page, lambda r: r.kind.value == "HAKIKI" and r.status.is_live)
    return s.dialog(page.open_dialog(StepsDialog), (900, 520))


def _candidates(s: Studio):
    from desktop.views.candidates_dialog import CandidatesDialog

    page = s.page("vacancies")
    _select(page, lambda r: r.kind.value == "HAKIKI" and r.status.is_live
            and r.current_step_label and "temu duga" in r.current_step_label.lower())
    return s.dialog(page.open_dialog(CandidatesDialog), (900, 480))


def _psh_letter(s: Studio):
    from desktop.letters import api
    from desktop.rules.letters import LetterKind
    from desktop.services.psh import list_psh
    from desktop.views.letter_actions import show_preview

    page = s.page("psh")
    psh = s.window.ops.query(list_psh, "ACTIVE")[0]
    row, pdf = api.issue_pdf(s.db, LetterKind.PSH_OFFER, psh.id, today=date.today(),
                             actor="pentadbir")
    dialog = show_preview(pdf, row.reference, page)
    return s.dialog(dialog, (900, 640))


def _letters(s: Studio):
    from desktop.letters import api
    from desktop.rules.letters import LetterKind
    from desktop.services.acting import list_acting
    from desktop.services.psh import list_psh

    query = s.window.ops.query
    first = None
    for psh in query(list_psh, "ACTIVE")[:3]:
        row, _ = api.issue_pdf(s.db, LetterKind.PSH_OFFER, psh.id, today=date.today(),
                               actor="pentadbir")
        first = first or row
        api.issue_pdf(s.db, LetterKind.ORA_DECLARATION, psh.id, today=date.today(),
                      actor="pentadbir")
    for acting in query(list_acting, "ACTIVE")[:2]:
        api.issue_pdf(s.db, LetterKind.ACTING_INSTRUCTION, acting.id, today=date.today(),
                      actor="pentadbir")
    page = s.page("letters")
    page.reload()
    page.verify(first.qr_text)  # the check of a QR code, with the letter's sealed facts
    return s.window


def _batch(s: Studio):
    from desktop.views.letter_batch import BatchDialog

    page = s.page("letters")
    return s.dialog(BatchDialog(s.window.ops, page), (760, 520))


def _backup(s: Studio):
    from desktop.services.backup import take_backup

    take_backup(s.db, "manual")
    page = s.page("backup")
    page.refresh()
    # the note names the temporary folder: show where the installed app keeps it on Windows
    page.note.setText(page.note.text().replace(str(s.tmp / "sandaran"),
                                            WINDOWS_DATA + "\\sandaran"))
    return s.window


def _users(s: Studio):
    from desktop.services.unit import perform
    from desktop.services.users import UserForm, add_user

    for username, name, role in [("pentadbir", "Azman bin Yusof", "PENTADBIR"),
                                 ("pelulus", "Rohani binti Ismail", "PELULUS"),
                                 ("kerani1", "Siti Nurhaliza binti Omar", "KERANI"),
                                 ("baca", "Lim Wei Jie", "BACA")]:
        perform(s.db, add_user, UserForm(username, name, role, "Panduan-2026!", "Panduan-2026!"),
                actor="pentadbir")
    page = s.page("users")
    page.reload()
    return s.window


def _open_help_menu(s: Studio):
    """The main window with its Bantuan menu drawn open (a menu is its own window)."""
    from PySide6.QtGui import QPainter

    window = s.window
    s.page("dashboard")
    bar = window.menuBar()
    help_menu = next(a.menu() for a in bar.actions() if a.objectName() == "helpMenu")
    shot = window.grab()
    help_menu.popup(window.mapToGlobal(bar.actionGeometry(help_menu.menuAction())
                                       .bottomLeft()))
    s.app.processEvents()
    painter = QPainter(shot)
    painter.drawPixmap(bar.actionGeometry(help_menu.menuAction()).bottomLeft(),
                       help_menu.grab())
    painter.end()
    help_menu.hide()
    return _Grabbed(shot)


class _Grabbed:
    """A pixmap already drawn, offered with the widget's grab() so render() saves it alike."""

    def __init__(self, pixmap):
        self.pixmap = pixmap

    def grab(self):
        return self.pixmap


def _rates(s: Studio):
    """Kadar: a new honorarium table begun, its date and rows still to be filled (no figures:
    the guide must not look like it gives official rates)."""
    page = s.page("rates")
    page.new_table()  # with its first, empty row
    return s.window


# file name in docs/panduan/img -> how to bring the screen up (in the guide's reading order)
SHOTS: dict[str, Callable[[Studio], object]] = {
    "pentadbir-pertama.png": _first_admin,
    "log-masuk.png": _login,
    "papan-pemuka.png": _page("dashboard"),
    "menu-bantuan.png": _open_help_menu,
    "tetapan-pejabat.png": _page("office"),
    "premis.png": _page("premises"),
    "jawatan.png": _page("posts"),
    "pegawai.png": _page("staff"),
    "gred.png": _page("grades"),
    "import-excel.png": _page("import"),
    "kekosongan.png": _page("vacancies"),
    "langkah.png": _steps,
    "calon.png": _candidates,
    "isi-kekosongan.png": _filling,
    "psh.png": _page("psh"),
    "peruntukan.png": _page("allocation"),
    "tanggung-kerja.png": _page("acting"),
    "gantian.png": _page("gantian"),
    "kehadiran.png": _page("attendance"),
    "tuntutan.png": _page("claims"),
    "tutup-bulan.png": _page("month"),
    "pratonton-surat.png": _psh_letter,
    "surat-dikeluarkan.png": _letters,
    "surat-kelompok.png": _batch,
    "sandaran.png": _backup,
    "gabungan-hq.png": _page("consolidate"),
    "pengguna.png": _users,
    "log-audit.png": _page("audit"),
    "kadar.png": _rates,
}


def render(names: list[str], out: Path) -> list[Path]:
    """Write the named shots into ``out`` and return their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import create_window, ensure_application, install_translator
    from desktop.services.database import open_database
    from desktop.services.demo import fill_demo
    from desktop.services.unit import perform

    app = ensure_application()
    install_translator(app, "ms")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        saved = os.environ.get("ISITUGAS_SANDARAN")
        os.environ["ISITUGAS_SANDARAN"] = str(tmp / "sandaran")  # never the user's own folder
        db = open_database(str(tmp / "isitugas.sqlite"))
        try:
            perform(db, fill_demo, state="SGR", seed=1, actor="demo")
            window = create_window(db, "ms", actor="pentadbir")
            window.resize(*WINDOW_SIZE)
            # the status bar names a temporary file: show the usual one instead
            window.db_label.setText(window.tr("Pangkalan data: %1")
                                    .replace("%1", "isitugas.sqlite"))
            window.show()
            studio = Studio(app, window, db, tmp)
            for name in names:
                widget = SHOTS[name](studio)
                app.processEvents()
                path = out / name
                if not widget.grab().save(str(path), "PNG", PNG_QUALITY):
                    raise SystemExit(f"could not write {path}")
                written.append(path)
                for dialog in studio.keep:
                    if hasattr(dialog, "close"):
                        dialog.close()
                    elif hasattr(dialog, "dispose"):
                        dialog.dispose()
                studio.keep.clear()
                app.processEvents()
            window.close()
        finally:
            db.dispose()
            if saved is None:
                os.environ.pop("ISITUGAS_SANDARAN", None)
            else:
                os.environ["ISITUGAS_SANDARAN"] = saved
    return written


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", nargs="+", choices=sorted(SHOTS), help="these shots only")
    p.add_argument("--out", default=str(OUT))
    p.add_argument("--list", action="store_true", help="print the shots' names and stop")
    args = p.parse_args(argv)
    if args.list:
        print("\n".join(SHOTS))
        return 0
    for path in render(args.only or list(SHOTS), Path(args.out)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
