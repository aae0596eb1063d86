"""Fixtures of the letters tests: the demo office (Selangor, seed 1, on 20 November 2026) per
test, on SQLite (a copy of one demo file built once) and on PostgreSQL when
ISITUGAS_TEST_PG_URL names a server; a trivial composer; plain empty databases."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from desktop.models import Database
from desktop.services.database import open_database
from desktop.services.demo import fill_demo
from desktop.services.unit import perform
from tests.dbfixtures import SQLITE, backends, database_fixture, fresh_url, url_fixture

DEMO_TODAY = date(2026, 11, 20)
ISSUE_DAY = date(2026, 11, 25)

db = database_fixture()
db_url = url_fixture()


def subject_only(inp) -> dict:
    """The trivial composer of the service tests: the document is its subject and the input's
    kind, so a test can tell which letter it holds."""
    return {"subject": f"SURAT {inp.kind.value}", "reference": inp.reference}


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(str(path))
    perform(database, fill_demo, state="SGR", seed=1, today=DEMO_TODAY)
    database.dispose()  # checkpoints the WAL into the file
    return path


@pytest.fixture(params=backends())
def demo(request, tmp_path, demo_file) -> Database:
    """A fresh demo database per test."""
    if request.param == SQLITE:
        path = tmp_path / "demo.sqlite"
        shutil.copyfile(demo_file, path)
        database = open_database(str(path))
        try:
            yield database
        finally:
            database.dispose()
        return
    with fresh_url(request.param, tmp_path) as url:
        database = open_database(url)
        try:
            perform(database, fill_demo, state="SGR", seed=1, today=DEMO_TODAY)
            yield database
        finally:
            database.dispose()
