"""The tables entered in the app: each choice has its label in both languages, and a column's
choices are exactly what the rule that reads the table accepts."""

from datetime import date

import pytest

from desktop.rules import Refused
from desktop.rules.duty_allowance import DUTY_KINDS, QUALIFICATIONS, duty_allowance
from desktop.rules.gantian import gantian_honorarium
from desktop.rules.rate_forms import EDITABLE_TABLES, clean_rows
from desktop.rules.rates import ENTERED_IN_APP, entered_tables


def test_every_choice_has_a_malay_and_an_english_label():
    for table in EDITABLE_TABLES.values():
        for column in table.columns:
            if column.choices:
                assert len(column.choice_labels_ms) == len(column.choices), column.key
                assert len(column.choice_labels_en) == len(column.choices), column.key


def test_the_tables_entered_in_the_app_are_those_the_rules_read_entered():
    assert set(EDITABLE_TABLES) == ENTERED_IN_APP


@pytest.mark.parametrize("kind", list(DUTY_KINDS))
@pytest.mark.parametrize("qualification", [None, *QUALIFICATIONS])
def test_a_cleaned_lampiran_a_row_is_read_by_the_rule(kind, qualification):
    row = {"kind": kind.lower(), "qualification": (qualification or "").lower(), "amount": "12.5"}
    rows = clean_rows("lampiran_a", [row])
    day = date(2026, 1, 5)
    table = {"lampiran_a": [{"effective_from": date(2026, 1, 1), "source": "ujian",
                             "rows": rows}]}
    with entered_tables(lambda: table):
        assert str(duty_allowance(kind, day, qualification or "SPM")) == "12.50"


def test_a_cleaned_gantian_row_is_read_by_the_rule_and_the_source_is_read_once():
    rows = clean_rows("gantian", [{"grade": "gred s27", "per": "bulan", "amount": "1 500"}])
    calls = []

    def source():
        calls.append(1)
        return {"gantian": [{"effective_from": date(2026, 1, 1), "source": "", "rows": rows}]}

    with entered_tables(source):
        assert gantian_honorarium("S27", date(2026, 2, 1)).per == "BULAN"
        assert str(gantian_honorarium("S27", date(2026, 3, 1)).amount) == "1500.00"
    assert calls == [1]
    with pytest.raises(Refused):  # outside: the installation's empty table again
        gantian_honorarium("S27", date(2026, 2, 1))
