"""The audit chain: intact after normal work, broken by an edit made outside the app."""

from sqlalchemy import text

from desktop.services import audit
from desktop.services import premises as P
from desktop.services.database import check
from desktop.services.unit import perform


def _add(db, n):
    for i in range(n):
        perform(db, P.add_premises, P.PremisesForm(f"TBK-{i:03}", f"Tabika {i}", "TABIKA", "SGR"))


def test_chain_holds_after_normal_work(db):
    _add(db, 5)
    with db.session() as s:
        assert audit.verify_chain(s) is None
    assert check(db.url).ok


def test_outside_edit_is_named(db):
    _add(db, 5)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'penceroboh' WHERE id = 3"))
    with db.session() as s:
        assert audit.verify_chain(s) == 3
    health = check(db.url)
    assert not health.ok and health.audit_break == 3
    assert "rekod 3" in health.problems_ms[0]


def test_deleted_record_breaks_the_link(db):
    _add(db, 4)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = 2"))
    with db.session() as s:
        assert audit.verify_chain(s) == 3
