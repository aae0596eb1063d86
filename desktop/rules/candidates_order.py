"""The order in which candidates are offered a PSH post, and the PSH conditions they miss.

Para 7.4(b): for a hakiki vacancy, PSH come only from the interview's successful candidates,
then its reserve candidates, by the panel's rank; external candidates are not taken.
Para 8.2(a): for an operasi vacancy, the remaining reserve candidates come first, then
qualified external candidates. Candidates who declined or were already appointed are out of
the order. The conditions of para 5A (citizen, not a public officer, at least SPM, certified
healthy) are shown as warnings beside each candidate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.rules.catalogue import rule
from desktop.rules.enums import Qualification, VacancyKind
from desktop.rules.psh import (
    PSH_BELOW_SPM,
    PSH_NOT_CERTIFIED_HEALTHY,
    PSH_NOT_CITIZEN,
    PSH_PUBLIC_OFFICER,
)
from desktop.rules.vacancy_enums import CandidateOutcome, CandidateStatus
from desktop.rules.violations import WARNING, RuleViolation

BIG = 10**9

PSH_QUALIFICATION_UNKNOWN = rule("PSH_QUALIFICATION_UNKNOWN", "5A(f)",
                                 "Kelayakan akademik calon belum direkodkan.",
                                 "The candidate's qualification is not recorded.", WARNING)


@dataclass(frozen=True)
class CandidateFacts:
    id: int
    name: str
    category: CandidateStatus
    rank: int | None = None
    outcome: CandidateOutcome = CandidateOutcome.PENDING
    citizen: bool = True
    public_officer: bool = False
    qualification: Qualification | None = None
    health_certified: bool = False
    group: tuple = ()  # sort key of the list the candidate came from (e.g. exercise date, id)


@dataclass(frozen=True)
class PriorityEntry:
    candidate: CandidateFacts
    position: int | None  # 1, 2, ... in the order of offer; None when not in the order
    reason_ms: str
    reason_en: str
    paragraph: str
    flags: tuple[RuleViolation, ...] = field(default=())


def psh_flags(c: CandidateFacts) -> list[RuleViolation]:
    """The PSH conditions of para 5A that the candidate does not (yet) meet, as warnings."""
    # The refusals of psh.py, given here as warnings in the words of a candidate list.
    flags: list[RuleViolation] = []
    if not c.citizen:
        flags.append(PSH_NOT_CITIZEN.adapted(severity=WARNING).violation(
            "citizen", subject_ms="Calon bukan", subject_en="The candidate is not"))
    if c.public_officer:
        flags.append(PSH_PUBLIC_OFFICER.adapted(severity=WARNING).violation(
            "public_officer", finding_ms="Calon ialah pegawai awam; ",
            rule_ms="PSH tidak boleh terdiri daripada pegawai awam",
            finding_en="The candidate is a public officer; ", rule_en="a PSH may not be one"))
    if c.qualification is None:
        flags.append(PSH_QUALIFICATION_UNKNOWN.violation("qualification"))
    elif c.qualification.level < Qualification.SPM.level:
        flags.append(PSH_BELOW_SPM.adapted(severity=WARNING).violation(
            "qualification", whose_ms="calon ", finding_ms="di bawah Sijil Pelajaran Malaysia (SPM)",
            whose_en="The candidate's", finding_en="is below SPM"))
    if not c.health_certified:
        flags.append(PSH_NOT_CERTIFIED_HEALTHY.adapted(severity=WARNING).violation(
            "health_certified", subject_en="The head of department",
            verb_en="has not certified the candidate", by_en=""))
    return flags


def _qualified_external(c: CandidateFacts) -> bool:
    """'Berkelayakan' (8.2(a)): meets 5A(a), (b) and (f); health is certified after choosing."""
    return (c.citizen and not c.public_officer and c.qualification is not None
            and c.qualification.level >= Qualification.SPM.level)


def _key(c: CandidateFacts) -> tuple:
    return (c.group, c.rank if c.rank is not None else BIG, c.id)


def priority_order(kind: VacancyKind | str,
                   candidates: Iterable[CandidateFacts]) -> list[PriorityEntry]:
    """Candidates in the order they are offered the post, those out of the order last."""
    kind = VacancyKind(kind)
    para = "7.4(b)" if kind is VacancyKind.HAKIKI else "8.2(a)"
    ordered: list[tuple[CandidateFacts, str, str]] = []
    outside: list[tuple[int, CandidateFacts, str, str]] = []
    pending = []
    for c in candidates:
        if c.outcome is CandidateOutcome.APPOINTED:
            outside.append((2, c, "Telah dilantik.", "Already appointed."))
        elif c.outcome is CandidateOutcome.DECLINED:
            outside.append((3, c, "Telah menolak tawaran atau tidak dilantik.",
                            "Declined or passed over."))
        else:
            pending.append(c)

    def rank_ms(c):
        return f", kedudukan {c.rank}" if c.rank is not None else ""

    def rank_en(c):
        return f", rank {c.rank}" if c.rank is not None else ""

    if kind is VacancyKind.HAKIKI:
        for cat, ms, en in ((CandidateStatus.BERJAYA, "keutamaan pertama", "first priority"),
                            (CandidateStatus.SIMPANAN, "selepas calon berjaya",
                             "after the successful candidates")):
            for c in sorted((c for c in pending if c.category is cat), key=_key):
                ordered.append((c, f"{cat.label_ms}{rank_ms(c)}: {ms}.",
                                f"{cat.label_en}{rank_en(c)}: {en}."))
        for c in sorted((c for c in pending if c.category is CandidateStatus.LUAR), key=_key):
            outside.append((1, c, "Calon luar tidak boleh diambil bagi kekosongan hakiki; hanya "
                                  "calon berjaya atau simpanan.",
                            "External candidates are not taken for a substantive vacancy; "
                            "only successful or reserve candidates."))
    else:
        for c in sorted((c for c in pending if c.category is CandidateStatus.SIMPANAN), key=_key):
            ordered.append((c, f"Calon simpanan yang masih ada{rank_ms(c)}: keutamaan pertama.",
                            f"Remaining reserve candidate{rank_en(c)}: first priority."))
        for c in sorted((c for c in pending if c.category is CandidateStatus.LUAR), key=_key):
            if _qualified_external(c):
                ordered.append((c, "Calon luar yang berkelayakan: selepas calon simpanan.",
                                "Qualified external candidate: after the reserve candidates."))
            else:
                outside.append((1, c, "Calon luar tidak berkelayakan (syarat 5A): tiada dalam "
                                      "senarai keutamaan.",
                                "External candidate who does not qualify (5A): not in the "
                                "order."))
        for c in sorted((c for c in pending if c.category is CandidateStatus.BERJAYA), key=_key):
            outside.append((0, c, "Calon berjaya menunggu pelantikan kontrak; keutamaan PSH bagi "
                                  "kekosongan operasi bermula dengan calon simpanan.",
                            "Successful candidate awaiting a contract appointment; PSH for an "
                            "operational vacancy start with the reserve candidates."))

    result = [PriorityEntry(c, i, ms, en, para, tuple(psh_flags(c)))
              for i, (c, ms, en) in enumerate(ordered, start=1)]
    outside.sort(key=lambda t: (t[0], t[1].category.value, _key(t[1])))
    result += [PriorityEntry(c, None, ms, en, para, tuple(psh_flags(c)))
               for _, c, ms, en in outside]
    return result
