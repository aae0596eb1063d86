"""IsiTugas: registers and duty filling for JPNIN state offices (SPSM Bil.2/2016)."""

__version__ = "0.1.0"
