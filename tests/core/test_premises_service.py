"""The premises register's services: add, edit, deactivate, refusals that save nothing."""

import pytest
from sqlalchemy import func, select

from desktop.models import AuditRecord, Premises
from desktop.rules import Refused
from desktop.rules.enums import PremisesKind
from desktop.services import premises as P
from desktop.services.unit import perform, read


def form(**kw):
    base = dict(code="TBK-SGR-001", name="Tabika Perpaduan Taman Melati", kind="TABIKA",
                state="SGR", district="Gombak", address="Jalan Melati 3")
    base.update(kw)
    return P.PremisesForm(**base)


def counts(db):
    with db.session() as s:
        return (s.execute(select(func.count()).select_from(Premises)).scalar_one(),
                s.execute(select(func.count()).select_from(AuditRecord)).scalar_one())


def test_add_lists_and_audits(db):
    outcome = perform(db, P.add_premises, form(code=" tbk-sgr-001 "), actor="kerani1")
    assert outcome.touched == {"premises"}
    rows = read(db, P.list_premises)
    assert [(r.code, r.kind, r.state, r.active) for r in rows] == [
        ("TBK-SGR-001", PremisesKind.TABIKA, "SGR", True)]
    with db.session() as s:
        rec = s.execute(select(AuditRecord)).scalar_one()
    assert (rec.actor, rec.action, rec.entity, rec.entity_id) == ("kerani1", "tambah", "premises",
                                                                 str(outcome.result))
    assert '"code":"TBK-SGR-001"' in rec.after and rec.before == ""


def test_edit_records_before_and_after(db):
    pid = perform(db, P.add_premises, form()).result
    perform(db, P.update_premises, pid, form(name="Tabika Perpaduan Taman Mawar", kind="TASKA"))
    row = read(db, P.get_premises, pid)
    assert (row.name, row.kind) == ("Tabika Perpaduan Taman Mawar", PremisesKind.TASKA)
    with db.session() as s:
        last = s.execute(select(AuditRecord).order_by(AuditRecord.id.desc())).scalars().first()
    assert last.action == "ubah"
    assert "Taman Melati" in last.before and "Taman Mawar" in last.after


def test_edit_without_change_writes_no_audit(db):
    pid = perform(db, P.add_premises, form()).result
    n = counts(db)
    perform(db, P.update_premises, pid, form())
    assert counts(db) == n


def test_deactivate_keeps_the_row(db):
    pid = perform(db, P.add_premises, form()).result
    perform(db, P.set_premises_active, pid, False)
    assert read(db, P.list_premises)[0].active is False
    assert read(db, P.list_premises, include_inactive=False) == []
    perform(db, P.set_premises_active, pid, True)
    assert read(db, P.list_premises)[0].active is True


@pytest.mark.parametrize("bad, field, words", [
    (dict(name="  "), "name", "Nama premis wajib diisi"),
    (dict(code=""), "code", "Kod premis wajib diisi"),
    (dict(code="TBK 001!"), "code", "hanya boleh mengandungi"),
    (dict(state="XYZ"), "state", "Negeri 'XYZ' tidak dikenali"),
    (dict(kind="SEKOLAH"), "kind", "Tabika atau Taska"),
    (dict(name="x" * 201), "name", "terlalu panjang"),
])
def test_bad_input_names_the_field_and_saves_nothing(db, bad, field, words):
    n = counts(db)
    with pytest.raises(Refused) as info:
        perform(db, P.add_premises, form(**bad))
    assert field in info.value.fields
    assert words in info.value.message("ms")
    assert counts(db) == n


def test_duplicate_code_is_refused_case_insensitively(db):
    perform(db, P.add_premises, form())
    n = counts(db)
    with pytest.raises(Refused) as info:
        perform(db, P.add_premises, form(code="tbk-sgr-001", name="Lain"))
    assert info.value.fields == ("code",)
    assert "telah digunakan" in info.value.message("ms")
    assert "already in use" in info.value.message("en")
    assert counts(db) == n


def test_all_problems_reported_at_once(db):
    with pytest.raises(Refused) as info:
        perform(db, P.add_premises, form(code="", name="", state="??"))
    assert set(info.value.fields) == {"code", "name", "state"}


def test_unknown_id_is_refused(db):
    with pytest.raises(Refused):
        perform(db, P.update_premises, 999, form())
