"""The letters tests' demo office (tests/letters/conftest.py), for the API tests here."""

from tests.letters.conftest import ISSUE_DAY, demo, demo_file  # noqa: F401 - fixtures
