"""Settings every test shares: Qt offscreen, and a data folder that is never the user's own."""

import os
import tempfile

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("ISITUGAS_HOME", tempfile.mkdtemp(prefix="isitugas-test-home-"))
os.environ.pop("ISITUGAS_DB", None)


@pytest.fixture
def rates_dir(tmp_path, monkeypatch):
    """A copy of resources/rates that a test may change (e.g. fill an empty table); the rate
    loader reads it instead of the shipped one for this test only."""
    from desktop.paths import resource
    from desktop.rules import rates

    folder = tmp_path / "rates"
    folder.mkdir()
    for file in resource("rates/psh.toml").parent.iterdir():
        if file.suffix in (".toml", ".csv"):
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


@pytest.fixture(scope="session", autouse=True)
def _drop_pg_templates():
    """The PostgreSQL template databases the session built are dropped at its end."""
    yield
    from tests.dbfixtures import PG_ENV, drop_pg_templates

    if os.environ.get(PG_ENV):
        drop_pg_templates(os.environ[PG_ENV])
