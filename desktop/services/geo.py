"""The districts (daerah) of each state, from ``resources/geo/districts.toml``."""

from __future__ import annotations

from functools import cache

from desktop.paths import resource


@cache
def districts_by_state() -> dict[str, list[str]]:
    """State code -> its districts in the file's order; empty when the file is missing."""
    try:
        path = resource("geo/districts.toml")
    except FileNotFoundError:
        return {}
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for state, value in data.items():
        if isinstance(value, list):
            out[state] = [str(v) for v in value]
        elif isinstance(value, dict) and isinstance(value.get("districts"), list):
            out[state] = [d if isinstance(d, str) else str(d.get("name")) for d in
                          value["districts"]]
        elif isinstance(value, dict):
            out[state] = list(value)
    return out


def districts_of(state: str) -> list[str]:
    return districts_by_state().get(state, [])
