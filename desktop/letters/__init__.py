"""PDF letters the director signs: templates, reference numbers, QR verification.

- :mod:`desktop.letters.texts`: the Malay texts (``resources/letters/*.toml``);
- :mod:`desktop.letters.compose`: ``compose(LetterInput) -> document`` (plain data);
- :mod:`desktop.letters.render`: ``render_pdf(document, copy=False, logo=None) -> bytes``,
  ``letterhead_overflow(head) -> [field]`` (what a letterhead would print cut);
- :mod:`desktop.letters.api`: ``issue_pdf``, ``reprint_pdf``, ``copy_pdf``, ``letter_pdf``,
  ``run_batch``
  (through ``desktop.services.letters``).

The names are imported on first use: reportlab and the database layer stay out of start-up.
"""

from __future__ import annotations

import importlib

_EXPORTS = {"compose": "compose", "render_pdf": "render", "issue_pdf": "api",
            "reprint_pdf": "api", "copy_pdf": "api", "letter_pdf": "api", "run_batch": "api",
            "letterhead_overflow": "render"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
