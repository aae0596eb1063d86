"""The audit screen's queries on every backend: filters, newest first, the chain's state."""

from datetime import date, timedelta

from sqlalchemy import text

from desktop.models.base import utcnow
from desktop.services.audit_log import AuditFilter, audit_choices, chain_status, search_audit
from desktop.services.premises import PremisesForm, add_premises, update_premises
from desktop.services.unit import perform, read


def premises(db, code, name, actor):
    return perform(db, add_premises, PremisesForm(code, name, "TABIKA", "SGR", "Klang", ""),
                   actor=actor).result


def test_filters_and_order(db):
    a = premises(db, "SGR-TBK-001", "Tabika Perpaduan Taman Sri Muda", "kerani1")
    premises(db, "SGR-TBK-002", "Tabika Perpaduan Kampung Baru", "kerani2")
    perform(db, update_premises, a, PremisesForm("SGR-TBK-001", "Tabika Perpaduan Sri Andalas",
                                                 "TABIKA", "SGR", "Klang", ""), actor="kerani2")
    rows = read(db, search_audit)
    assert [(r.actor, r.action) for r in rows] == [("kerani2", "ubah"), ("kerani2", "tambah"),
                                                   ("kerani1", "tambah")]
    assert [r.action for r in read(db, search_audit, AuditFilter(actor="kerani2"))] == [
        "ubah", "tambah"]
    assert [r.actor for r in read(db, search_audit, AuditFilter(action="tambah"))] == [
        "kerani2", "kerani1"]
    # text: any case, every word, in the before or the after
    found = read(db, search_audit, AuditFilter(text="SRI muda"))
    assert [(r.action, r.entity_id) for r in found] == [("ubah", str(a)), ("tambah", str(a))]
    assert read(db, search_audit, AuditFilter(text="andalas kampung")) == []
    today = utcnow().date()
    assert len(read(db, search_audit, AuditFilter(start=today, end=today))) == 3
    assert read(db, search_audit, AuditFilter(end=today - timedelta(days=1))) == []
    assert read(db, search_audit, AuditFilter(start=date(2099, 1, 1))) == []
    assert len(read(db, search_audit, None, 2)) == 2
    assert read(db, audit_choices) == (["kerani1", "kerani2"], ["premises"], ["tambah", "ubah"])


def test_chain_status(db):
    for i in range(3):
        premises(db, f"SGR-TBK-00{i}", f"Tabika {i}", "kerani1")
    status = read(db, chain_status)
    assert (status.records, status.first_broken, status.ok) == (3, None, True)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET after = '{}' WHERE id = 2"))
    status = read(db, chain_status)
    assert (status.first_broken, status.ok) == (2, False)
