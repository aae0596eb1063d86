"""Dated tables in ``resources/rates/*.toml``: read once, and the version in force on a date.

A table file holds one or more arrays of tables; each version (row) carries an
``effective_from`` date (a TOML date, e.g. ``effective_from = 2016-06-16``) and the row in force
on a day is the one with the latest ``effective_from`` not after it. This is the small loader of
the acting, filling, Lampiran A and gantian tables; files are cached per process (the
administrator's edits take effect on restart, or after :func:`clear_cache`).
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from desktop.paths import resource
from desktop.rules.catalogue import rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

RATE_TABLE_INVALID = rule(
    "RATE_TABLE_INVALID", None,
    "Jadual kadar '{table}' rosak atau tidak lengkap: {detail}",
    "The rate table '{table}' is damaged or incomplete: {detail}")
RATE_NOT_IN_FORCE = rule(
    "RATE_NOT_IN_FORCE", None,
    "Tiada kadar '{table}' yang berkuat kuasa pada {day}.",
    "No '{table}' rate is in force on {day}.")


@lru_cache(maxsize=32)
def load_table(name: str) -> dict[str, Any]:
    """The parsed ``resources/rates/<name>.toml`` (cached); refuses a missing or broken file."""
    try:
        with resource(f"rates/{name}.toml").open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise RATE_TABLE_INVALID.refuse(table=name, detail="fail tiada / file missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RATE_TABLE_INVALID.refuse(table=name, detail=str(exc)) from exc


def clear_cache() -> None:
    load_table.cache_clear()


def versions(name: str, key: str) -> list[dict[str, Any]]:
    """The versions of table ``key`` in file ``name``, oldest first, each with a valid date."""
    rows = load_table(name).get(key)
    label = f"{name}.{key}"
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        raise RATE_TABLE_INVALID.refuse(table=label, detail="[[" + key + "]] tiada / missing")
    for row in rows:
        eff = row.get("effective_from")
        if not isinstance(eff, date) or isinstance(eff, datetime):
            raise RATE_TABLE_INVALID.refuse(
                table=label, detail="effective_from mesti tarikh / must be a date")
    return sorted(rows, key=lambda r: r["effective_from"])


def in_force(name: str, key: str, on: date) -> dict[str, Any]:
    """The version of table ``key`` in ``name`` in force on ``on``."""
    if not isinstance(on, date):
        raise RATE_NOT_IN_FORCE.refuse(field="on", table=f"{name}.{key}", day=repr(on))
    if isinstance(on, datetime):
        on = on.date()
    chosen = None
    for row in versions(name, key):
        if row["effective_from"] <= on:
            chosen = row
    if chosen is None:
        raise RATE_NOT_IN_FORCE.refuse(table=f"{name}.{key}", day=on.isoformat())
    return chosen


RATE_TABLE_EMPTY = rule(
    "RATE_TABLE_EMPTY", None,
    "Kadar {what_ms} belum dimasukkan oleh pentadbir. Pengiraan ini tidak dapat dibuat "
    "sehingga pentadbir mengisi jadual '{table}'.",
    "The {what_en} rates have not been entered by the administrator. This cannot be computed "
    "until the administrator fills the table '{table}'.")


def rate_rows(name: str, key: str, on: date, what_ms: str, what_en: str) -> list[dict[str, Any]]:
    """The ``rates`` rows of the version in force on ``on``; refuses while they are empty (the
    tables the administrator fills: gantian honorarium, Lampiran A)."""
    version = in_force(name, key, on)
    rows = version.get("rates", [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise RATE_TABLE_INVALID.refuse(table=f"{name}.{key}",
                                        detail="rates mesti senarai / must be a list")
    if not rows:
        raise RATE_TABLE_EMPTY.refuse(table=f"{name}.toml", what_ms=what_ms, what_en=what_en)
    return rows
