"""The monthly Excel return to HQ: build, write, read back, verify, consolidate.

Plain data in (``ReturnData``), files out; no Qt and no ORM here (import-linter holds it).
"""

from desktop.returns.consolidate import ConsolidationResult, StateSummary, consolidate
from desktop.returns.data import (
    ActingLine,
    Cancelled,
    ClaimLine,
    GantianLine,
    PshLine,
    ReturnData,
    ReturnMeta,
    VacancyLine,
)
from desktop.returns.readback import ReturnFile, Verification, read_return, verify_return
from desktop.returns.workbook import CHECKSUM_METHOD, SCHEMA, SHEET_NAMES, write_return

__all__ = [
    "ActingLine", "Cancelled", "ClaimLine", "GantianLine", "PshLine", "ReturnData", "ReturnMeta",
    "VacancyLine",
    "write_return", "SCHEMA", "SHEET_NAMES", "CHECKSUM_METHOD",
    "read_return", "verify_return", "ReturnFile", "Verification",
    "consolidate", "ConsolidationResult", "StateSummary",
]
