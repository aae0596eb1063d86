"""`isitugas --self-test`: proves an installation works end to end, in a few seconds.

Migrates an in-memory database, runs a rule, renders the main window offscreen. Prints one line
per check and returns 0 only when all pass.

An installer bundle (installer/isitugas.spec) carries only what PyInstaller saw imported plus
what the spec collects, so every check here also stands for something a bundle could lack:
modules the app imports by name, data files of holidays, babel, reportlab and openpyxl, the
PostgreSQL driver, our resources, and the Qt plugins (SVG icon, offscreen platform, printing).
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


def _modules():
    """Every module the app imports by name (so PyInstaller cannot see it) imports here."""
    import importlib

    from desktop.letters import _EXPORTS
    from desktop.rules.catalogue import all_rules
    from desktop.services.vacancies import FILLING_MODULES
    from desktop.views.filling_dialog import METHOD_FORMS
    from desktop.views.pages import pages

    targets = [spec.page for spec in pages()] + list(METHOD_FORMS.values())
    targets += [spec.prefetch for spec in pages() if spec.prefetch]  # the start-up's reads
    targets.append("_rl_accel")  # reportlab's C accelerators, imported inside a try
    targets.append("desktop.views.guide_dialog:show_guide")  # Bantuan > Panduan pengguna
    targets += [f"{module}:{name}" for spec in pages() for _button, action in spec.guards
                for module, name in [action.rsplit(".", 1)]]
    targets += [f"desktop.letters.{module}:{name}" for name, module in _EXPORTS.items()]
    # vacancies loads these quietly (a filling method may be absent from an installation), so
    # a bundle that lacks one would pass every other check
    targets += list(FILLING_MODULES)
    for target in sorted(set(targets)):
        module, _, name = target.partition(":")
        loaded = importlib.import_module(module)
        if name:
            getattr(loaded, name)
    modules = {t.partition(":")[0] for t in targets}
    return f"{len(modules)} modul dimuat nama, {len(all_rules())} peraturan dalam katalog"


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


def _postgres_driver():
    from sqlalchemy import create_engine

    from desktop.models.db import normalise_url

    # no server is contacted: create_engine only loads the dialect and the driver
    engine = create_engine(normalise_url("postgresql://ujian@127.0.0.1/ujian"))
    try:
        import psycopg

        if engine.dialect.driver != "psycopg":
            raise RuntimeError(f"unexpected driver {engine.dialect.driver}")
        return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__})"
    finally:
        engine.dispose()


def _expect(what: str, got, expected) -> None:
    if got != expected:
        raise RuntimeError(f"{what}: {got!r}, expected {expected!r}")


def _calendar_and_formats():
    from decimal import Decimal

    from desktop.rules.calendar import holiday_name
    from desktop.rules.dates import format_date_en, format_date_ms
    from desktop.rules.money import format_rm

    national_day = date(2026, 8, 31)
    # holidays (country module loaded by name, Malay names) and babel's ms/en locale data
    _expect("holiday", holiday_name("SGR", national_day), "Hari Kebangsaan")
    _expect("Malay date", format_date_ms(national_day), "31 Ogos 2026")
    _expect("English date", format_date_en(national_day), "31 August 2026")
    _expect("amount", format_rm(Decimal("1234.5")), "RM 1,234.50")
    return "Hari Kebangsaan, 31 Ogos 2026, RM 1,234.50"


# the rate tables the rules read by name (desktop/rules/*: load_rates / table_in_force)
RATE_TABLES = ("psh", "kwsp", "perkeso", "sip", "acting", "gantian", "filling", "attendance",
               "lampiran_a", "job_qualification")


def _resources():
    from desktop.letters.texts import kind_texts
    from desktop.paths import guide_root
    from desktop.rules.letters import LetterKind
    from desktop.rules.rates import load_rates
    from desktop.rules.security import policy
    from desktop.rules.states import STATE_CODES
    from desktop.services.demo_names import name_lists
    from desktop.services.geo import districts_by_state

    for name in RATE_TABLES:
        load_rates(name)
    for kind in LetterKind:
        kind_texts(kind)
    districts = districts_by_state()  # quietly empty when the file is missing
    missing = [s for s in STATE_CODES if not districts.get(s)]
    if missing:
        raise RuntimeError("no districts for " + ", ".join(missing))
    policy()
    name_lists()
    guide = guide_root()
    pages = len(list(guide.glob("*.md")))
    images = len(list(guide.glob("img/*.png")))
    return (f"{len(RATE_TABLES)} jadual kadar, {len(LetterKind)} jenis surat, daerah, demo, "
            f"panduan {pages} halaman {images} gambar")


def _excel():
    import tempfile
    from pathlib import Path

    from desktop.imports.reader import read_registers
    from desktop.imports.template import write_template
    from desktop.services.register_import import ImportRefused

    with tempfile.TemporaryDirectory(prefix="isitugas-selftest-") as folder:
        path = write_template(Path(folder) / "templat.xlsx")
        try:  # openpyxl through defusedxml, as an import reads a file
            read_registers(path)
        except ImportRefused as exc:
            codes = [p.code for p in exc.problems]
            # the template holds only example rows: read to the end, then refused as empty
            if codes != ["IMPORT_EMPTY"]:
                raise
        else:
            raise RuntimeError("the empty template was read as holding data")
    return "templat ditulis dan dibaca semula"


def _letter_pdf():
    import pypdfium2 as pdfium

    from desktop.letters.compose import compose
    from desktop.letters.render import render_pdf
    from desktop.rules.letters import LetterKind
    from desktop.services.letters import LetterInput

    person = {"name": "Ujian Kendiri", "lines": ["Jalan Ujian", "40000 Shah Alam, Selangor"]}
    letterhead = {"name": "Jabatan Perpaduan Negara dan Integrasi Nasional", "address": "Ujian",
                  "phone": "", "email": "", "slogans": [], "signer_name": "UJIAN",
                  "signer_title": "Pengarah", "logo_sha": ""}
    facts = {"name": "Ujian Kendiri", "mykad": "900101105678", "premises_name": "Tabika Ujian",
             "premises_address": "Jalan Ujian", "post_title": "Pembantu Pendidik",
             "grade": "S17", "state": "SGR", "state_name": "Selangor",
             "role": "Pekerja Sambilan Harian"}
    document = compose(LetterInput(LetterKind("ora-declaration"), "UJIAN (1)",
                                   date(2026, 8, 31), letterhead, person, facts,
                                   "ISITUGAS:1:UJIAN"))
    pdf = render_pdf(document)  # reportlab, our TrueType fonts, the QR code
    if b"LiberationSans" not in pdf:
        raise RuntimeError("the letter's fonts are not embedded")
    doc = pdfium.PdfDocument(pdf)  # what the preview and printing render with
    try:
        bitmap = doc[0].render(scale=0.5)
        return f"{len(doc)} halaman, {bitmap.width}x{bitmap.height} piksel"
    finally:
        doc.close()


def _widget():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtPrintSupport import QPrinter

    from desktop.app import create_window, ensure_application
    from desktop.paths import resource
    from desktop.services.database import open_database

    app = ensure_application()
    # the icon is an SVG: it draws only when Qt's SVG icon engine plugin is present
    if QIcon(str(resource("icons/isitugas.svg"))).pixmap(32, 32).isNull():
        raise RuntimeError("the SVG icon does not draw (Qt's iconengines plugin)")
    if not QTranslator().load(str(resource("i18n/isitugas_en.qm"))):
        raise RuntimeError("the English translation does not load")
    QPrinter(QPrinter.PrinterMode.HighResolution)  # Qt print support, as the preview uses
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
    checks = [("modul", _modules), ("pangkalan data", _database),
              ("pemacu PostgreSQL", _postgres_driver), ("peraturan", _rule),
              ("cuti dan format", _calendar_and_formats), ("sumber", _resources),
              ("Excel", _excel), ("surat PDF", _letter_pdf), ("antara muka", _widget)]
    ok = all([_check(name, fn) for name, fn in checks])
    print("Ujian kendiri lulus." if ok else "Ujian kendiri GAGAL.", file=sys.stdout)
    return 0 if ok else 1
