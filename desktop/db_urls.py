"""Database URLs without the database layer: where the files are and how a URL is written.

Kept apart from ``desktop.models.db`` (which imports SQLAlchemy) so that the window can name
its database and be shown before SQLAlchemy is imported (``desktop.views.startup``).
"""

from __future__ import annotations

import os
import re

from desktop.paths import data_dir


def default_url() -> str:
    """``ISITUGAS_DB`` if set, else the SQLite file in the user's data folder."""
    return os.environ.get("ISITUGAS_DB") or sqlite_url(data_dir() / "isitugas.sqlite")


def demo_url() -> str:
    return sqlite_url(data_dir() / "isitugas-demo.sqlite")


def sqlite_url(path) -> str:
    return "sqlite:///" + str(path)


def normalise_url(url: str) -> str:
    """Accept a bare file path as a SQLite database; pick psycopg 3 for PostgreSQL."""
    if "://" not in url:
        return sqlite_url(os.path.abspath(url))
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def shown_name(url: str) -> str:
    """How the status bar names a database before it is open: a SQLite file's path, or the
    URL with its password hidden (as ``Database.display_name`` does once it is open)."""
    url = normalise_url(url)
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)
