"""SQLAlchemy entities and the database engine/session."""

from desktop.models.acting import (
    ActingAssignment,
    ActingEndKind,
    ActingInterruption,
    FillingStatus,
    GantianAppointment,
)
from desktop.models.attendance import Absence, DutyTrip, OfficeHoliday
from desktop.models.audit import AuditRecord
from desktop.models.base import Base, EnumText, Money
from desktop.models.db import Database, default_url, demo_url, make_engine
from desktop.models.letters import (
    AppSecret,
    IssuedLetter,
    LetterAsset,
    LetterPrefix,
    LetterSequence,
)
from desktop.models.month import MonthClose, MonthStatus
from desktop.models.post_history import PostIncumbency
from desktop.models.psh import (
    AllocationCommitment,
    AllocationEntry,
    PshAppointment,
    PshExtension,
)
from desktop.models.rates import EnteredRateTable
from desktop.models.registers import Grade, GradeSalary, Office, Post, Premises, Staff
from desktop.models.users import User
from desktop.models.vacancies import Candidate, RecruitmentExercise, Vacancy, VacancyStep

__all__ = [
    "MonthClose", "MonthStatus", "EnteredRateTable",
    "AuditRecord", "Base", "Database", "EnumText", "Grade", "GradeSalary", "Money", "Office",
    "Post", "PostIncumbency", "Premises", "Staff", "default_url", "demo_url", "make_engine",
    "Candidate", "RecruitmentExercise", "Vacancy", "VacancyStep",
    "ActingAssignment", "ActingEndKind", "ActingInterruption", "FillingStatus",
    "GantianAppointment",
    "AllocationCommitment", "AllocationEntry", "PshAppointment", "PshExtension",
    "Absence", "DutyTrip", "OfficeHoliday",
    "AppSecret", "IssuedLetter", "LetterAsset", "LetterPrefix", "LetterSequence",
    "User",
]
