"""Rotation of the automatic backups: 7 daily, 4 weekly, 12 monthly, protected steps 90 days.

The worked examples are counted by hand on the 2026 calendar (1 March 2026 is a Sunday, so
the ISO weeks run Monday 9, 16, 23 and 30 March); the properties hold for any history.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.services.backup import REASONS, choose_kept, rotate, take_backup

NOW = datetime(2026, 3, 31, 12, 0)


def kept_dates(backups, now=NOW):
    return sorted(backups[i][1] for i in choose_kept(backups, now))


def test_a_month_of_daily_backups_keeps_a_week_and_two_more_sundays():
    backups = [("startup", datetime(2026, 3, d, 9, 0)) for d in range(1, 32)]
    expected = [datetime(2026, 3, d, 9, 0) for d in (15, 22, 25, 26, 27, 28, 29, 30, 31)]
    assert kept_dates(backups) == expected


def test_fifteen_monthly_backups_keep_the_last_twelve_months():
    backups = [("month-close", datetime(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 1, 9, 0))
               for m in range(1, 16)]  # 1 Jan 2025 .. 1 Mar 2026
    assert kept_dates(backups) == [b[1] for b in backups[3:]]  # April 2025 onwards


def test_pre_migration_backups_are_kept_for_ninety_days_only():
    backups = [
        ("startup", datetime(2026, 3, 31, 10, 0)),
        ("migration", datetime(2026, 3, 31, 9, 0)),  # same day, older: kept as protected
        ("startup", datetime(2025, 12, 1, 10, 0)),
        ("migration", datetime(2025, 12, 1, 9, 0)),  # 120 days old: no longer protected
        ("pre-restore", datetime(2026, 1, 2, 8, 0)),  # 88 days old: protected
        ("startup", datetime(2026, 1, 2, 9, 0)),
    ]
    assert choose_kept(backups, NOW) == {0, 1, 2, 4, 5}


def test_nothing_to_keep_in_an_empty_folder():
    assert choose_kept([], NOW) == set()


moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 12, 31))
histories = st.lists(st.tuples(st.sampled_from(REASONS), moments), max_size=80)


@settings(max_examples=300, deadline=None)
@given(histories, moments)
def test_rotation_properties(backups, now):
    kept = choose_kept(backups, now)
    assert kept <= set(range(len(backups)))
    protected = {i for i, (reason, taken) in enumerate(backups)
                 if reason in ("migration", "pre-restore") and taken >= now - timedelta(days=90)}
    assert protected <= kept
    assert len(kept) <= 7 + 4 + 12 + len(protected)
    if backups:
        newest = max(taken for _, taken in backups)
        assert any(backups[i][1] == newest for i in kept)

    def distinct(indexes, period):
        return {period(backups[i][1]) for i in indexes}

    everything = range(len(backups))
    for count, period in ((7, lambda t: t.date()), (4, lambda t: t.isocalendar()[:2]),
                          (12, lambda t: (t.year, t.month))):
        assert len(distinct(kept, period)) >= min(count, len(distinct(everything, period)))
    # rotating again deletes nothing more
    again = [backups[i] for i in sorted(kept)]
    assert choose_kept(again, now) == set(range(len(again)))


def test_rotate_deletes_the_files_it_does_not_keep(tmp_path):
    from tests.reliability.backup_fixtures import make_db

    path = make_db(tmp_path / "office.sqlite")
    start = date(2026, 3, 1)
    for d in range(31):
        day = start + timedelta(days=d)
        take_backup(str(path), "startup", now=datetime(day.year, day.month, day.day, 9, 0))
    names = sorted(p.name for p in (tmp_path / "sandaran").iterdir())
    assert names == [f"office-startup-202603{d:02d}-090000.sqlite"
                     for d in (15, 22, 25, 26, 27, 28, 29, 30, 31)]
    assert rotate(tmp_path / "sandaran", "office", NOW) == []
