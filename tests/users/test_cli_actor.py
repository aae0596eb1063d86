"""The command line acts as a named local administrator, "cli:<os user>", and is audited so
(issue 8 item 1): even where users exist, a headless command needs no login (whoever can run it
can also read the database file), but every change it makes carries its name."""

import getpass

from sqlalchemy import select

from desktop.__main__ import main
from desktop.models import AuditRecord
from desktop.services import users as U
from desktop.services.database import open_database
from desktop.services.office import OfficeInfo, save_office
from desktop.services.unit import perform


def test_a_cli_command_is_audited_as_the_local_administrator(tmp_path):
    path = str(tmp_path / "cli.sqlite")
    db = open_database(path)
    perform(db, U.create_first_admin, U.UserForm("pentadbir", "Pentadbir", "", "rahsia-123"),
            actor="pemasangan")
    perform(db, save_office, OfficeInfo(code="JPNIN-SGR", name="JPNIN Negeri Selangor",
                                         state="SGR"), actor="pentadbir-tempatan")
    db.dispose()
    # close-month is an approving officer's action: the CLI's administrator may do it
    assert main(["--db", path, "close-month", "2026-01"]) == 0
    db = open_database(path)
    try:
        with db.session() as s:
            rows = s.execute(select(AuditRecord.actor, AuditRecord.entity)
                             .order_by(AuditRecord.id)).all()
    finally:
        db.dispose()
    assert rows[0] == ("pemasangan", "user")
    assert rows[-1] == ("cli:" + getpass.getuser(), "month")
