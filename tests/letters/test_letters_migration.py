"""Migration 0008 on SQLite (and PostgreSQL when configured): up from 0007 with data, down,
up again; the database agrees with the models; the office keeps its settings."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop.models import Base, Database
from desktop.services import letters as L
from desktop.services import schema
from desktop.services.office import OfficeInfo, get_office, save_office
from desktop.services.unit import perform, read

NEW_TABLES = {"issued_letter", "letter_sequence", "letter_prefix", "letter_asset", "app_secret"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 25


def tables(engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def office_columns(engine) -> set[str]:
    return {c["name"] for c in sa.inspect(engine).get_columns("office")}


def test_up_down_and_up_again(db_url):
    db = Database(db_url)
    try:
        schema.upgrade(db.engine, "0007")
        assert not NEW_TABLES & tables(db.engine)
        with db.engine.begin() as conn:  # an office written before letters existed
            conn.execute(sa.text(
                "INSERT INTO office (code, name, state, address, phone, email, slogans, "
                "signer_name, signer_title, ref_prefix, logo_path, updated_at) VALUES "
                "('JPNIN-SGR', 'JPNIN Selangor', 'SGR', 'Shah Alam', '', '', '', 'Pengarah', "
                "'Pengarah', 'JPNIN.SGR.600-1/2', '', CURRENT_TIMESTAMP)"))
        schema.upgrade(db.engine)
        assert schema.current_revision(db.engine) == "0008" == schema.head_revision()
        assert tables(db.engine) >= NEW_TABLES and "logo_sha" in office_columns(db.engine)
        assert read(db, get_office).logo_sha == ""  # the old row got the default
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        perform(db, L.set_logo, PNG)
        perform(db, L.save_letter_prefixes, {"psh-offer": "JPNIN.SGR.600-2/1"})

        schema.downgrade(db.engine, "0007")
        assert not NEW_TABLES & tables(db.engine)
        assert "logo_sha" not in office_columns(db.engine)
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT name FROM office")).scalar_one() == \
                "JPNIN Selangor"

        schema.upgrade(db.engine)
        # the administrator's prefix went with its table: the default is back
        assert read(db, L.letter_prefixes)["psh-offer"] == "JPNIN.SGR.600-1/2/1"
        info = read(db, get_office)
        perform(db, save_office, OfficeInfo(**{**info.__dict__, "phone": "03-1234 5678"}))
        assert read(db, get_office).phone == "03-1234 5678"
    finally:
        db.dispose()
