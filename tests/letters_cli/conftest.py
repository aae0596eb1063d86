"""A fresh migrated database per test (tests/dbfixtures.py) with a Selangor office whose
letterhead is complete, and one PSH to write letters for."""

import pytest

from tests.dbfixtures import database_fixture

from . import factories as F

db = database_fixture()


@pytest.fixture
def psh(db) -> int:
    """The id of a PSH (Tabika, S17) appointed from 2 March 2026, letterhead complete."""
    return F.letter_psh(db)
