"""Where the app finds its bundled resources and keeps the user's data.

One function, :func:`resource`, serves a source checkout, an installed wheel (resources are
shipped inside the package as ``desktop/_resources`` by the build) and a PyInstaller bundle
(``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "IsiTugas"
APP_AUTHOR = "JPNIN"


@cache
def resources_root() -> Path:
    """The folder that holds ``rates/``, ``translations/``, ``icons/`` ..."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve().parent
    candidates.append(here / "_resources")  # installed wheel
    candidates.append(here.parent / "resources")  # source checkout
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError("IsiTugas resources not found in: " + ", ".join(map(str, candidates)))


def resource(relative: str) -> Path:
    """Path of a bundled resource, e.g. ``resource("rates/psh.toml")``."""
    path = resources_root() / relative
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {relative}")
    return path


@cache
def guide_root() -> Path:
    """The folder of the user guide (``index.md`` and ``img/``). Its one source is
    ``docs/panduan`` in the checkout; the wheel ships that folder as the package
    ``desktop._guide`` (pyproject.toml) and a PyInstaller bundle as ``docs/panduan``."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "docs" / "panduan")
    here = Path(__file__).resolve().parent
    candidates.append(here / "_guide")  # installed wheel
    candidates.append(here.parent / "docs" / "panduan")  # source checkout
    for path in candidates:
        if (path / "index.md").is_file():
            return path
    raise FileNotFoundError("IsiTugas user guide not found in: " + ", ".join(map(str, candidates)))


def data_dir() -> Path:
    """The user's data folder (created on demand); ``ISITUGAS_HOME`` overrides it."""
    override = os.environ.get("ISITUGAS_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path
