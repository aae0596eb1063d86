"""Dated rate tables: ``resources/rates/<name>.toml``, each holding tables with ``effective_from``.

A file looks like::

    title = "Kadar upah harian PSH"        # shown in messages
    [[table]]
    effective_from = 2016-06-16            # TOML date (or "YYYY-MM-DD")
    rates = { SPM = "54.00" }              # amounts as strings: exact Decimals, never floats
    [[table]]
    effective_from = 2026-01-01
    rows_csv = "x-from-2026-01-01.csv"     # rows read from a CSV beside the file

The table in force on a day is the one whose ``effective_from`` is the latest on or before that
day. A file with no table at all, or a table whose rows are empty, is a table "not yet filled
in by the administrator": callers refuse with ``RATE_TABLE_EMPTY`` instead of computing with
nothing. Files are parsed once and cached; the dicts returned are shared, so treat them as
read-only (call :func:`clear_cache` after an administrator edits a file).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from desktop.paths import resource
from desktop.rules.catalogue import rule
from desktop.rules.violations import Refused, invalid

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

RATES_DIR = "rates"

# A missing file, or a name that cannot be one.
RATE_TABLE_MISSING = rule("RATE_TABLE_MISSING", None, "{what_ms} '{name}' {problem_ms}.",
                          "{what_en} '{name}' {problem_en}.")
# ``what``: "kadar psh.toml" / "Rate file psh.toml" here, "security.toml" in security.py.
RATE_TABLE_INVALID = rule("RATE_TABLE_INVALID", None, "Fail {what_ms} rosak: {problem_ms}.",
                          "{what_en} is broken: {problem_en}.")
RATE_TABLE_EMPTY = rule(
    "RATE_TABLE_EMPTY", None,
    # only the tables the administrator enters (ENTERED_IN_APP) ship empty: say where
    "Jadual {title} belum diisi oleh pentadbir (halaman Kadar); pengiraan tidak dapat dibuat.",
    "The {title} table has not been filled in by the administrator yet (Rates page); nothing "
    "can be computed.")
# ``what``: the table in force (here) or one rate of it (psh.py, which cites 5B); ``note``: why.
RATE_NOT_IN_FORCE = rule("RATE_NOT_IN_FORCE", None, "Tiada {what_ms} pada {day}{note_ms}.",
                         "No {what_en} on {day}{note_en}.")
INVALID_NUMBER = rule("INVALID_NUMBER", None, "'{value}' bukan nombor yang sah untuk {field}.",
                      "'{value}' is not a valid number for {field}.")


def invalid_table(name: str, problem_ms: str, problem_en: str) -> Refused:
    """The refusal for a rate file that cannot be read as the code expects."""
    return RATE_TABLE_INVALID.refuse(field="rates", what_ms=f"kadar {name}",
                                     what_en=f"Rate file {name}", problem_ms=problem_ms,
                                     problem_en=problem_en)


def _invalid_table(path: Path, problem_ms: str, problem_en: str) -> Refused:
    return invalid_table(path.name, problem_ms, problem_en)


@lru_cache(maxsize=64)
def _file_for(name: str, folder: Path | None) -> Path:
    rel = f"{name}.toml"
    if folder is not None:
        path = Path(folder) / rel
        if path.is_file():
            return path
    else:
        try:
            return resource(f"{RATES_DIR}/{rel}")
        except FileNotFoundError:
            pass
    raise RATE_TABLE_MISSING.refuse(field="rates", name=name, what_ms="Jadual kadar",
                                    what_en="Rate table", problem_ms="tiada dalam pemasangan",
                                    problem_en="is missing from the installation")


def _as_date(value, path: Path) -> date:
    if isinstance(value, datetime):  # a datetime is a date too: a time of day makes no sense here
        raise _invalid_table(path, f"effective_from {value} mengandungi masa",
                             f"effective_from {value} has a time of day")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _invalid_table(path, f"effective_from '{value}' bukan tarikh",
                         f"effective_from '{value}' is not a date")


def _read_csv(path: Path, rel: str) -> list[dict[str, str]]:
    if not isinstance(rel, str) or not (path.parent / rel).is_file():
        raise _invalid_table(path, f"fail {rel} tiada", f"file {rel} is missing")
    with (path.parent / rel).open(newline="", encoding="utf-8") as fh:
        return [{k.strip(): (v or "").strip() for k, v in row.items()}
                for row in csv.DictReader(fh)]


@lru_cache(maxsize=64)
def _load(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise _invalid_table(path, str(exc), str(exc)) from None
    tables = data.get("table", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise _invalid_table(path, "[[table]] mesti senarai jadual",
                             "[[table]] must be an array of tables")
    seen: set[date] = set()
    for table in tables:
        if "effective_from" not in table:
            raise _invalid_table(path, "satu jadual tiada effective_from",
                                 "a table has no effective_from")
        table["effective_from"] = _as_date(table["effective_from"], path)
        if table["effective_from"] in seen:
            raise _invalid_table(path, f"dua jadual berkuat kuasa {table['effective_from']}",
                                 f"two tables take effect on {table['effective_from']}")
        seen.add(table["effective_from"])
        if "rows_csv" in table:
            table["rows"] = _read_csv(path, table["rows_csv"])
    data["table"] = sorted(tables, key=lambda t: t["effective_from"])
    data.setdefault("title", path.stem)
    data["name"] = path.stem
    return data


def load_rates(name: str, folder: Path | None = None) -> dict:
    """The whole parsed file ``<name>.toml`` (``title``, ``table`` sorted by date, ...), with
    the tables the administrator entered in the app when ``name`` is one of
    :data:`ENTERED_IN_APP` (see :func:`entered_tables`)."""
    data = file_rates(name, folder)
    if folder is None and name in ENTERED_IN_APP:
        source = _entered.get()
        extra = source().get(name) if source is not None else None
        if extra:
            return _with_entered(data, extra)
    return data


def file_rates(name: str, folder: Path | None = None) -> dict:
    """``<name>.toml`` as the installation ships it, without the tables entered in the app."""
    if not isinstance(name, str) or not name or "/" in name or "\\" in name or ".." in name:
        raise RATE_TABLE_MISSING.refuse(field="rates", name=name, what_ms="Nama jadual kadar",
                                        what_en="Rate table name", problem_ms="tidak sah",
                                        problem_en="is not valid")
    return _load(_file_for(name, None if folder is None else Path(folder)))


# The tables no public source gives (the replacement officer's honorarium, Lampiran A): the
# administrator enters them in the app, and they live in the database, so that every PC on a
# shared database and every backup carry the same rates (services.rate_tables).
ENTERED_IN_APP = frozenset({"gantian", "lampiran_a"})
_entered: ContextVar[Callable[[], dict[str, list[dict]]] | None] = ContextVar(
    "isitugas_entered_rates", default=None)


@contextmanager
def entered_tables(source: Callable[[], dict[str, list[dict]]]):
    """Inside: the rules read the tables the administrator entered as well. ``source()``
    returns ``{name: [{"effective_from": date, "source": str, "rows": [...]}, ...]}``; it is
    called on first need only, once (services.unit passes the open session's reader). A
    context variable: each thread and each database sees its own."""
    found: list[dict[str, list[dict]]] = []

    def once() -> dict[str, list[dict]]:
        if not found:
            found.append(source())
        return found[0]

    token = _entered.set(once)
    try:
        yield
    finally:
        _entered.reset(token)


def _with_entered(data: dict, entered: list[dict]) -> dict:
    """The file's tables with the entered ones; an entered table replaces the file's of the
    same date (a new dict: the file's cached one stays as it is)."""
    by_date = {t["effective_from"]: t for t in data["table"]}
    by_date.update((t["effective_from"], t) for t in entered)
    return {**data, "table": sorted(by_date.values(), key=lambda t: t["effective_from"])}


_DERIVED: list = []


def derived_cache(fn):
    """Register an ``lru_cache``d function built from rate tables, so that
    :func:`clear_cache` forgets its results too."""
    _DERIVED.append(fn)
    return fn


def clear_cache() -> None:
    """Forget parsed files and what was built from them (after an administrator edits one)."""
    _load.cache_clear()
    _file_for.cache_clear()
    for fn in _DERIVED:
        fn.cache_clear()


def empty_table(title: str) -> Refused:
    """The refusal for a table the administrator has not filled in yet."""
    return RATE_TABLE_EMPTY.refuse(field="rates", title=title)


def pick_in_force(tables: Sequence[dict], on: date, title: str = "kadar") -> dict:
    """The table of ``tables`` whose ``effective_from`` is the latest on or before ``on``.

    Works on any list of dicts with ``effective_from`` dates (e.g. administrator-entered
    rates read from the database), in any order.
    """
    on = check_day(on)
    if not tables:
        raise empty_table(title)
    best = None
    for table in tables:
        start = table["effective_from"]
        if start <= on and (best is None or start > best["effective_from"]):
            best = table
    if best is None:
        first = min(t["effective_from"] for t in tables)
        raise RATE_NOT_IN_FORCE.refuse(
            field="rates", day=on.isoformat(), what_ms=f"jadual {title} yang berkuat kuasa",
            what_en=f"{title} table is in force",
            note_ms=f" (jadual paling awal bermula {first.isoformat()})",
            note_en=f" (the earliest starts on {first.isoformat()})")
    return best


def table_in_force(name: str, on: date, folder: Path | None = None) -> dict:
    """The table of ``resources/rates/<name>.toml`` in force on ``on`` (shared: read-only)."""
    data = load_rates(name, folder)
    return pick_in_force(data["table"], on, data["title"])


def require_rows(table: dict, key: str = "rows", title: str | None = None) -> list | dict:
    """``table[key]``, refusing with ``RATE_TABLE_EMPTY`` when it is missing or empty."""
    rows = table.get(key)
    if not rows:
        raise empty_table(title or table.get("title") or key)
    return rows


def check_day(on: date, field: str = "date") -> date:
    """``on`` as a plain date; a datetime loses its time, anything else is refused."""
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, date):
        return on
    raise Refused(invalid(field, f"Tarikh '{on}' tidak sah.", f"Invalid date '{on}'.",
                          "INVALID_DATE"))


def parse_decimal(value, field: str = "amount") -> Decimal:
    """An exact Decimal from a Decimal, an int or a decimal string such as ``"63.00"``.

    Floats are refused (TOML floats and Python floats are binary and round wrongly at band
    limits), as are booleans, text that is not a number, NaN and infinities.
    """
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            number = None
    else:
        number = None
    if number is None or not number.is_finite():
        raise INVALID_NUMBER.refuse(field=field, value=value)
    return number
