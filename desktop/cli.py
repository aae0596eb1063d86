"""Headless commands (no Qt): `isitugas --db URL COMMAND ...`.

Exit codes: 0 done, 1 refused by a rule or bad input (message on stderr, in Malay unless
``--lang en``), 2 usage (argparse's own).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from desktop import __version__
from desktop.files import write_atomically
from desktop.rules import STATE_CODES, Refused

OK, REFUSED, USAGE = 0, 1, 2

# name -> handler(args) -> int; commands register themselves below with @command.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


class Failure(Exception):
    """A refusal that is not a rule: bad file, unsound database. Carries both languages."""

    def __init__(self, message_ms: str, message_en: str):
        super().__init__(message_en)
        self.message_ms, self.message_en = message_ms, message_en


def command(name: str):
    def register(fn):
        COMMANDS[name] = fn
        return fn
    return register


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="isitugas",
        description="IsiTugas: daftar premis, jawatan dan pengisian tugas (SPSM Bil.2/2016).",
    )
    p.add_argument("--db", metavar="URL", help="pangkalan data (fail SQLite atau URL PostgreSQL)")
    p.add_argument("--lang", choices=("ms", "en"), default=None, help="bahasa (lalai: ms)")
    p.add_argument("--demo", action="store_true", help="buka tetingkap pada pangkalan data demo")
    p.add_argument("--version", action="version", version=f"IsiTugas {__version__}")
    p.add_argument("--self-test", action="store_true", help="uji pemasangan dan keluar")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo", help="isi pangkalan data kosong dengan pejabat demo")
    d.add_argument("--state", default="SGR", type=str.upper, choices=STATE_CODES)
    d.add_argument("--seed", default=1, type=int)

    sub.add_parser("check", help="semak integriti, versi skema dan log audit")

    i = sub.add_parser("import-register", help="import daftar sedia ada daripada fail Excel "
                       "(semua atau tiada)")
    i.add_argument("file", metavar="F.xlsx", help="buku kerja yang diisi mengikut templat")
    i.add_argument("--dry-run", action="store_true",
                   help="semak sahaja; tiada apa-apa disimpan walaupun fail sah")

    t = sub.add_parser("import-template", help="tulis templat Excel untuk import daftar")
    t.add_argument("--out", required=True, metavar="F.xlsx", help="fail templat yang ditulis")

    cm = sub.add_parser("close-month", help="kira dan kunci bulan (ditolak jika ada masalah)")
    cm.add_argument("month", metavar="YYYY-MM", type=_year_month)

    er = sub.add_parser("export-return", help="tulis penyata bulanan Excel bulan yang ditutup")
    er.add_argument("month", metavar="YYYY-MM", type=_year_month)
    er.add_argument("--out", required=True, metavar="F.xlsx")

    b = sub.add_parser("backup", help="sandarkan pangkalan data SQLite (lalai: folder sandaran)")
    b.add_argument("--out", metavar="F", help="fail (atau folder) sandaran yang ditulis")

    r = sub.add_parser("restore", help="pulihkan pangkalan data SQLite daripada fail sandaran "
                       "(fail semasa disandarkan dahulu)")
    r.add_argument("file", metavar="F", help="fail sandaran yang disemak dan dipulihkan")

    lt = sub.add_parser("letter", help="keluarkan surat bagi satu rekod dan tulis PDFnya "
                        "(mencetak no. rujukan)")
    lt.add_argument("kind", metavar="KIND", type=_letter_kind,
                    help="psh-offer, psh-extension, psh-termination, acting-instruction, "
                    "ora-declaration atau psh-application")
    lt.add_argument("id", metavar="ID", type=int, help="id rekod (PSH, lanjutan, tanggung "
                    "kerja atau kekosongan)")
    lt.add_argument("--out", required=True, metavar="F.pdf", help="fail PDF yang ditulis")

    vl = sub.add_parser("verify-letter", help="semak teks kod QR surat (0 sah, 1 tidak sah)")
    vl.add_argument("text", metavar="TEXT", help="teks kod QR, ISITUGAS:1:...")

    c = sub.add_parser("consolidate", help="satukan penyata bulanan negeri (HQ)")
    c.add_argument("files", nargs="+", metavar="FAIL.xlsx", help="penyata bulanan setiap negeri")
    c.add_argument("--out", required=True, metavar="NASIONAL.xlsx", help="buku kerja kebangsaan")
    return p


def _year_month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(x) for x in text.split("-"))
        if not 1 <= month <= 12 or not 2000 <= year <= 2200:
            raise ValueError
    except ValueError:
        raise argparse.ArgumentTypeError(f"bulan mesti YYYY-MM, bukan '{text}'") from None
    return year, month


def _letter_kind(text: str):
    from desktop.rules.letters import LetterKind

    try:
        return LetterKind(text.strip().lower())
    except ValueError:
        kinds = ", ".join(k.value for k in LetterKind)
        raise argparse.ArgumentTypeError(
            f"jenis surat '{text}' tidak dikenali; pilih: {kinds}") from None


def lang_of(args: argparse.Namespace) -> str:
    return args.lang or "ms"


def _say_error(args, message_ms: str, message_en: str) -> None:
    print(message_en if lang_of(args) == "en" else message_ms, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run a headless command; every refusal becomes exit 1 with a message on stderr."""
    from desktop.services.database import Unsound

    handler = COMMANDS[args.command]
    try:
        with _writer_lock(args):
            return handler(args)
    except Refused as exc:
        print(exc.message(lang_of(args)), file=sys.stderr)
    except Unsound as exc:
        print(exc.message(lang_of(args)), file=sys.stderr)
    except Failure as exc:
        _say_error(args, exc.message_ms, exc.message_en)
    return REFUSED


# commands that write to the database: refused while the window (or another of them) holds
# the SQLite file's lock (desktop.services.db_lock); PostgreSQL takes no lock
WRITERS = {"demo", "close-month", "import-register", "restore"}


def _writer_lock(args: argparse.Namespace):
    from contextlib import nullcontext

    from desktop.services import db_lock

    if args.command not in WRITERS or getattr(args, "dry_run", False):
        return nullcontext()
    return db_lock.hold(db_url(args), f"isitugas {args.command}")


def db_url(args: argparse.Namespace) -> str:
    from desktop.db_urls import default_url, demo_url

    if args.db:
        return args.db
    return demo_url() if args.demo else default_url()


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    from desktop.services.database import check

    h = check(db_url(args))
    en = lang_of(args) == "en"
    print(("Schema: " if en else "Skema: ") + f"{h.revision or '-'} (head {h.head})")
    print(("Integrity: " if en else "Integriti: ") + (h.integrity or "-"))
    if h.ok:
        print("OK: the database is sound." if en else "OK: pangkalan data sihat.")
        return OK
    for line in (h.problems_en if en else h.problems_ms):
        print(line, file=sys.stderr)
    _say_newest_backup(args)
    return REFUSED


def _say_newest_backup(args: argparse.Namespace) -> None:
    """After an unsound check: the backup to restore, and the command that restores it."""
    from desktop.models.db import is_sqlite, normalise_url
    from desktop.services import backup

    url = normalise_url(db_url(args))
    if not is_sqlite(url):
        return
    try:
        row = backup.newest_sound_backup_of(url)
        folder = backup.backup_folder(backup.database_file(url))
    except Refused:
        return
    if row is None:
        _say_error(args, f"Tiada sandaran yang sihat dalam {folder}.",
                   f"No sound backup in {folder}.")
        return
    when = f"{row.taken_at:%d/%m/%Y %H:%M}"
    _say_error(args, f"Sandaran sihat terbaru: {row.path} ({when}). Pulihkan dengan: "
               f"isitugas --db {backup.database_file(url)} restore {row.path}",
               f"Newest sound backup: {row.path} ({when}). Restore it with: "
               f"isitugas --db {backup.database_file(url)} restore {row.path}")


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.services.database import is_empty, open_database
    from desktop.services.demo import fill_demo
    from desktop.services.unit import perform

    db = open_database(db_url(args))
    try:
        if not is_empty(db):
            raise Failure("Pangkalan data ini sudah mengandungi data; demo hanya untuk pangkalan data kosong.",
                          "This database already holds data; the demo fills only an empty database.")
        summary = perform(db, fill_demo, state=args.state, seed=args.seed, actor="demo").result
    finally:
        db.dispose()
    print(summary.describe(lang_of(args)))
    return OK


@command("import-register")
def cmd_import_register(args: argparse.Namespace) -> int:

    from desktop.imports.reader import read_registers
    from desktop.services.database import open_database
    from desktop.services.register_import import import_registers, preview
    from desktop.services.unit import perform, read

    lang = lang_of(args)
    en = lang == "en"
    name = Path(args.file).name
    parsed = read_registers(args.file)
    db = open_database(db_url(args))
    try:
        if args.dry_run:
            result = read(db, preview, parsed)
            summary, problems = result.summary, result.problems
        else:
            try:
                summary, problems = perform(db, import_registers, parsed).result, ()
            except Refused as exc:
                summary, problems = None, getattr(exc, "problems", None)
                if problems is None:
                    raise
    finally:
        db.dispose()
    if problems:
        print(f"{name} was not imported; nothing was saved. {len(problems)} problem(s):" if en
              else f"{name} tidak diimport; tiada apa-apa disimpan. {len(problems)} masalah:",
              file=sys.stderr)
        for problem in problems:
            print(problem.message(lang), file=sys.stderr)
        return REFUSED
    if args.dry_run:
        print(f"Check passed (--dry-run, nothing saved): {name} would import "
              f"{summary.describe('en')}" if en else
              f"Semakan lulus (--dry-run, tiada apa-apa disimpan): {name} akan mengimport "
              f"{summary.describe('ms')}")
    else:
        print(f"Imported from {name}: {summary.describe('en')}" if en else
              f"Diimport daripada {name}: {summary.describe('ms')}")
    return OK


@command("import-template")
def cmd_import_template(args: argparse.Namespace) -> int:
    from desktop.imports.template import write_template

    try:
        path = write_template(args.out)
    except OSError as exc:
        raise Failure(f"Templat tidak dapat ditulis ke {args.out}: {exc.strerror or exc}",
                      f"The template could not be written to {args.out}: "
                      f"{exc.strerror or exc}") from exc
    print(f"Template written: {path}" if lang_of(args) == "en" else f"Templat ditulis: {path}")
    return OK


@command("close-month")
def cmd_close_month(args: argparse.Namespace) -> int:
    from desktop.services.database import open_database
    from desktop.services.month import close_month
    from desktop.services.unit import perform

    year, month = args.month
    db = open_database(db_url(args))
    try:
        row = perform(db, close_month, year, month).result
    finally:
        db.dispose()
    if lang_of(args) == "en":
        print(f"{year}-{month:02d} closed (version {row.version}).")
    else:
        print(f"Bulan {year}-{month:02d} telah ditutup (versi {row.version}).")
    return OK


@command("export-return")
def cmd_export_return(args: argparse.Namespace) -> int:
    from desktop.returns import write_return
    from desktop.services.database import open_database
    from desktop.services.month import return_data
    from desktop.services.unit import read

    year, month = args.month
    db = open_database(db_url(args))
    try:
        data = read(db, return_data, year, month)
    finally:
        db.dispose()
    path = write_return(data, args.out)
    n = (len(data.psh), len(data.acting), len(data.gantian), len(data.vacancies))
    if lang_of(args) == "en":
        print(f"Return {year}-{month:02d} version {data.meta.version} written: {path} "
              f"({n[0]} PSH, {n[1]} acting, {n[2]} replacement, {n[3]} vacancies)")
    else:
        print(f"Penyata {year}-{month:02d} versi {data.meta.version} ditulis: {path} "
              f"({n[0]} PSH, {n[1]} tanggung kerja, {n[2]} gantian, {n[3]} kekosongan)")
    return OK


@command("backup")
def cmd_backup(args: argparse.Namespace) -> int:
    """A manual backup: into the backup folder (rotated), or to --out (a file or a folder)."""
    from datetime import datetime

    from desktop.services import backup

    url = db_url(args)
    if args.out is None:
        path = backup.take_backup(url, backup.MANUAL)
    else:
        out = Path(args.out)
        if out.is_dir():
            out = backup.backup_name(out, backup.database_file(url), backup.MANUAL,
                                     datetime.now())
        path = backup.backup_sqlite(url, out)
    print(f"Backup written: {path}" if lang_of(args) == "en" else f"Sandaran ditulis: {path}")
    return OK


@command("restore")
def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.services import backup

    done = backup.restore(db_url(args), args.file)
    kept = done.previous_saved_as
    if lang_of(args) == "en":
        print(f"Restored from {done.restored_from}."
              + (f" The replaced file was kept as {kept}." if kept else ""))
    else:
        print(f"Dipulihkan daripada {done.restored_from}."
              + (f" Fail yang diganti disimpan sebagai {kept}." if kept else ""))
    return OK


@command("letter")
def cmd_letter(args: argparse.Namespace) -> int:
    """Issue one letter (numbered and recorded) and write its PDF; prints the reference."""
    from datetime import date

    from desktop.letters.api import issue_pdf
    from desktop.services.database import open_database

    db = open_database(db_url(args))
    try:
        row, pdf = issue_pdf(db, args.kind, args.id, today=date.today())
    finally:
        db.dispose()
    try:
        write_atomically(args.out, pdf)
    except OSError as exc:
        # the number is used (the letter is recorded); a reprint gives it again as a copy
        raise Failure(f"Surat {row.reference} telah dikeluarkan tetapi PDF tidak dapat ditulis "
                      f"ke {args.out}: {exc.strerror or exc}. Cetak salinannya dari daftar "
                      f"surat.",
                      f"Letter {row.reference} was issued but its PDF could not be written to "
                      f"{args.out}: {exc.strerror or exc}. Print a copy from the letters "
                      f"register.") from exc
    print(row.reference)
    return OK


@command("verify-letter")
def cmd_verify_letter(args: argparse.Namespace) -> int:
    """Exit 0 and print the letter's facts when the QR text is a letter issued here; exit 1
    when it is not (unknown reference, altered facts, forged checksum, unreadable)."""
    from desktop.rules.letters import sealed_facts
    from desktop.services.database import open_database
    from desktop.services.letters import verify_text
    from desktop.services.unit import read

    en = lang_of(args) == "en"
    db = open_database(db_url(args))
    try:
        verdict = read(db, verify_text, args.text)
    finally:
        db.dispose()
    message = verdict.message_en if en else verdict.message_ms
    if not verdict.genuine:
        print(message, file=sys.stderr)
        return REFUSED
    print(message)
    for label, value in sealed_facts(verdict.letter.essentials or {}, lang_of(args)):
        print(f"  {label}: {value}")
    return OK


@command("consolidate")
def cmd_consolidate(args: argparse.Namespace) -> int:
    """Verify each state's return and write the national workbook; refused (exit 1) with every
    problem, each naming its file, when one is changed, of another month or a state twice."""
    from desktop.returns import consolidate

    result = consolidate(args.files, args.out)
    print(result.describe(lang_of(args)))
    return OK
