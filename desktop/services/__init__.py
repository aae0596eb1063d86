"""Use cases: one function per user action, run through :func:`desktop.services.unit.perform`."""
