"""Tables the administrator fills: the gantian honorarium and Lampiran A (para 5A(j)).

Both ship empty; until filled, every computation refuses with RATE_TABLE_EMPTY.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.rules import rates
from desktop.rules.duty_allowance import DUTY_KINDS, duty_allowance
from desktop.rules.enums import Qualification
from desktop.rules.gantian import PER_DAY, PER_MONTH, Honorarium, gantian_honorarium
from desktop.rules.violations import Refused

DAY = date(2026, 11, 2)


def codes(exc):
    return [v.code for v in exc.value.violations]


def test_shipped_tables_are_dated_and_empty():
    for name in ("gantian", "lampiran_a"):
        versions = rates.load_rates(name)["table"]
        assert versions and all(table["rows"] == [] for table in versions)
        assert versions[0]["effective_from"] == date(2016, 6, 16)


def test_empty_gantian_table_refused_in_malay():
    with pytest.raises(Refused) as exc:
        gantian_honorarium("S17", DAY)
    assert codes(exc) == ["RATE_TABLE_EMPTY"]
    text = exc.value.message("ms")
    assert "bayaran saguhati" in text and "belum diisi oleh pentadbir" in text


@pytest.mark.parametrize("kind", sorted(DUTY_KINDS))
def test_empty_lampiran_a_refused_in_malay(kind):
    with pytest.raises(Refused) as exc:
        duty_allowance(kind, DAY, "SPM")
    assert codes(exc) == ["RATE_TABLE_EMPTY"]
    assert "Lampiran A" in exc.value.message("ms") and "pentadbir" in exc.value.message("ms")


def _fill(folder: Path, name: str, rows: str, effective="2026-01-01"):
    with (folder / f"{name}.toml").open("a", encoding="utf-8") as fh:
        fh.write(f"\n[[table]]\neffective_from = {effective}\nrows = [\n{rows}\n]\n")


def test_filled_gantian_table(rates_dir):
    _fill(rates_dir, "gantian",
          '{ grade = "S17", per = "HARI", amount = "60.00" },\n'
          '{ grade = "Gred S27", per = "BULAN", amount = "1,500.00" },')
    assert gantian_honorarium("s17", DAY) == Honorarium("S17", PER_DAY, Decimal("60.00"))
    assert gantian_honorarium("S27", DAY) == Honorarium("S27", PER_MONTH, Decimal("1500.00"))
    # the older, empty version is still the one in force before 2026
    with pytest.raises(Refused) as exc:
        gantian_honorarium("S17", date(2025, 12, 31))
    assert codes(exc) == ["RATE_TABLE_EMPTY"]
    with pytest.raises(Refused) as exc:
        gantian_honorarium("N19", DAY)
    assert codes(exc) == ["GANTIAN_RATE_NOT_FOUND"]
    assert exc.value.violations[0].paragraph == "7.4(d)"
    with pytest.raises(Refused) as exc:
        gantian_honorarium("S 1 7 X", DAY)
    assert codes(exc) == ["INVALID_GRADE"]


@pytest.mark.parametrize("row", [
    '{ grade = "S17", per = "MINGGU", amount = "60.00" }',
    '{ grade = "S17", per = "HARI", amount = 60.5 }',
    '{ grade = "S17", per = "HARI", amount = "-1" }',
    '{ grade = "tujuh belas", per = "HARI", amount = "60.00" }',
])
def test_broken_gantian_rows_refused(rates_dir, row):
    _fill(rates_dir, "gantian", row)
    with pytest.raises(Refused) as exc:
        gantian_honorarium("S17", DAY)
    assert codes(exc) == ["RATE_TABLE_INVALID"]


def test_filled_lampiran_a(rates_dir):
    _fill(rates_dir, "lampiran_a",
          '{ kind = "HARIAN", qualification = "SPM", amount = "20.00" },\n'
          '{ kind = "HARIAN", qualification = "IJAZAH", amount = "35.00" },\n'
          '{ kind = "KENDERAAN", amount = "0.50" },')
    assert duty_allowance("HARIAN", DAY, "SPM") == Decimal("20.00")
    assert duty_allowance("harian", DAY, Qualification.IJAZAH) == Decimal("35.00")
    # a row without a qualification applies to every one
    assert duty_allowance("KENDERAAN", DAY, "STPM") == Decimal("0.50")
    assert duty_allowance("KENDERAAN", DAY) == Decimal("0.50")
    for args in (("HARIAN", DAY, "DIPLOMA"), ("MAKAN", DAY, "SPM"), ("HARIAN", DAY)):
        with pytest.raises(Refused) as exc:
            duty_allowance(*args)
        assert codes(exc) == ["DUTY_RATE_NOT_FOUND"]
        assert exc.value.violations[0].paragraph == "5A(j)"


def test_lampiran_a_bad_input_refused():
    with pytest.raises(Refused) as exc:
        duty_allowance("TEKSI", DAY)
    assert codes(exc) == ["UNKNOWN_DUTY_ALLOWANCE"] and exc.value.fields == ("kind",)
    assert exc.value.violations[0].paragraph == "5A(j)"
    with pytest.raises(Refused) as exc:
        duty_allowance("HARIAN", DAY, "PHD")
    assert codes(exc) == ["UNKNOWN_QUALIFICATION"] and exc.value.fields == ("qualification",)


def test_broken_lampiran_a_rows_refused(rates_dir):
    _fill(rates_dir, "lampiran_a", '{ kind = "TEKSI", amount = "1.00" }')
    with pytest.raises(Refused) as exc:
        duty_allowance("HARIAN", DAY, "SPM")
    assert codes(exc) == ["RATE_TABLE_INVALID"]


def test_rates_must_be_a_list(rates_dir):
    (rates_dir / "gantian.toml").write_text(
        '[[table]]\neffective_from = 2016-06-16\nrows = "none"\n', encoding="utf-8")
    with pytest.raises(Refused) as exc:
        gantian_honorarium("S17", DAY)
    assert codes(exc) == ["RATE_TABLE_INVALID"]


def test_dates_must_be_dates():
    for call in (lambda: gantian_honorarium("S17", "2026-11-02"),
                 lambda: duty_allowance("HARIAN", "2026-11-02", "SPM")):
        with pytest.raises(Refused) as exc:
            call()
        assert codes(exc) == ["INVALID_DATE"]
