"""The vacancy tables in the database: partial unique indexes, check constraint, migration."""

from datetime import date

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from desktop.models import Candidate, Vacancy, VacancyStep
from desktop.models.base import utcnow
from desktop.rules.enums import VacancyKind
from desktop.rules.vacancy_enums import CandidateOutcome, CandidateStatus, VacancyReason
from desktop.rules.vacancy_enums import VacancyStatus as St
from desktop.services import schema

from . import factories as F

TABLES = {"vacancy", "vacancy_step", "recruitment_exercise", "candidate"}


def _vacancy(s, post_id, status):
    post = s.get(F.Post, post_id)
    v = Vacancy(post_id=post_id, premises_id=post.premises_id, kind=VacancyKind.HAKIKI,
                reason=VacancyReason.RETIRED, opened_on=date(2026, 1, 5), status=status)
    s.add(v)
    s.flush()
    return v


@pytest.mark.parametrize("second", [St.OPEN, St.FILLED])
def test_database_refuses_a_second_live_vacancy_for_a_post(db, second):
    pid = F.vacant_post(db)
    with db.session() as s:
        _vacancy(s, pid, St.OPEN)
    with pytest.raises(IntegrityError), db.session() as s:
        _vacancy(s, pid, second)


def test_closed_vacancies_do_not_count_as_live(db):
    pid = F.vacant_post(db)
    with db.session() as s:
        _vacancy(s, pid, St.CLOSED)
        _vacancy(s, pid, St.CLOSED)
        _vacancy(s, pid, St.FILLED)
    with db.session() as s:
        assert s.query(Vacancy).count() == 3
        # a different post is independent
        other = F.post(s)
        _vacancy(s, other.id, St.OPEN)


def test_database_refuses_a_step_twice_unless_undone(db):
    pid = F.vacant_post(db)
    with db.session() as s:
        vid = _vacancy(s, pid, St.OPEN).id
        s.add(VacancyStep(vacancy_id=vid, code="IDENTIFIED", seq=1, done_on=date(2026, 1, 5),
                          undone_at=utcnow()))
        s.add(VacancyStep(vacancy_id=vid, code="IDENTIFIED", seq=1, done_on=date(2026, 1, 6)))
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(VacancyStep(vacancy_id=vid, code="IDENTIFIED", seq=1, done_on=date(2026, 1, 7)))
        s.flush()


def test_a_candidate_belongs_to_a_vacancy_or_an_exercise(db):
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(Candidate(name="A", mykad=F.mykad(1), category=CandidateStatus.LUAR,
                        outcome=CandidateOutcome.PENDING))
        s.flush()


def test_migration_down_and_up_again(db):
    """Down to the revision before the vacancies (whatever the chain puts there) and back."""
    script = ScriptDirectory.from_config(schema._config())
    below = script.get_revision("0003").down_revision
    assert set(inspect(db.engine).get_table_names()) >= TABLES
    schema.downgrade(db.engine, below)
    assert not TABLES & set(inspect(db.engine).get_table_names())
    assert {"post", "staff", "premises"} <= set(inspect(db.engine).get_table_names())
    schema.upgrade(db.engine)
    assert schema.current_revision(db.engine) == schema.head_revision()
    names = {ix["name"] for ix in inspect(db.engine).get_indexes("vacancy")}
    assert "uq_vacancy_live_post" in names
    # the index works again after the round trip
    pid = F.vacant_post(db)
    with db.session() as s:
        _vacancy(s, pid, St.OPEN)
    with pytest.raises(IntegrityError), db.session() as s:
        _vacancy(s, pid, St.OPEN)


def test_models_and_migrations_agree(db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from desktop.models import Base

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
