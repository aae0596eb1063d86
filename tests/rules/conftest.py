"""Fixtures of the rules tests."""

import pytest

from desktop.paths import resource
from desktop.rules import rates


@pytest.fixture
def rates_dir(tmp_path, monkeypatch):
    """A copy of resources/rates that a test may change; the loader reads it instead."""
    folder = tmp_path / "rates"
    folder.mkdir()
    for file in resource("rates/psh.toml").parent.glob("*.toml"):
        (folder / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")

    def copied(rel):
        path = tmp_path / rel
        if not path.is_file():
            raise FileNotFoundError(rel)
        return path

    monkeypatch.setattr(rates, "resource", copied)
    rates.clear_cache()
    yield folder
    rates.clear_cache()
