"""Schema versions: upgrade at start-up, tell the current version, refuse a newer file."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


class NewerSchema(Exception):
    """The database was written by a newer IsiTugas; it is left untouched."""


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise NewerSchema(current)
    _migrate(engine, command.upgrade, target)


def downgrade(engine: Engine, target: str) -> None:
    _migrate(engine, command.downgrade, target)


def _migrate(engine: Engine, step, target: str) -> None:
    """Run an Alembic command in one transaction.

    On SQLite, a batch migration rebuilds a table by copying it, which foreign keys from other
    tables would refuse; SQLite's own recipe is to switch them off for the migration (outside
    the transaction) and to check them all before committing.
    """
    cfg = _config()
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                if sqlite:
                    # pysqlite opens its transaction only before INSERT/UPDATE/DELETE, so
                    # CREATE TABLE ran outside it and a crash mid-migration left half a schema
                    # that no later start could upgrade; begin it before the first DDL.
                    conn.exec_driver_sql("BEGIN")
                cfg.attributes["connection"] = conn
                step(cfg, target)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
