"""Alembic migrations: every schema change of the app, applied at start-up."""
