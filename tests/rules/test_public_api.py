"""The names and parameters of DESIGN.md's public API stay as documented."""

import inspect

import pytest

import desktop.rules as rules

API = {
    "working_days": ["state", "start", "end", "extra_holidays"],
    "is_working_day": ["state", "day", "extra_holidays"],
    "psh_daily_rate": ["qualification", "on"],
    "psh_last_day": ["start", "extended"],
    "psh_month_pay": ["state", "rate", "start", "end", "year", "month", "absences",
                      "extra_holidays"],
    "kwsp_contribution": ["wage", "age"],
    "acting_allowance": ["starting_salary", "start", "end", "year", "month"],
    "allowed_methods": ["premises_kind", "vacancy_kind", "grade"],
    "amount_in_words": ["amount"],
}


@pytest.mark.parametrize("name", sorted(API))
def test_public_name_and_parameters(name):
    fn = getattr(rules, name)
    assert name in rules.__all__
    params = list(inspect.signature(fn).parameters)
    assert params[:len(API[name])] == API[name]
    # anything beyond the documented parameters must be optional
    extra = list(inspect.signature(fn).parameters.values())[len(API[name]):]
    assert all(p.default is not inspect.Parameter.empty for p in extra)


def test_every_exported_name_exists():
    missing = [n for n in rules.__all__ if not hasattr(rules, n)]
    assert missing == []
