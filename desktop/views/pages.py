"""The sidebar's registry of pages: one line per register, in the order users see them.

A later register adds one line here; the main window builds the sidebar from this list and
imports a page's module only when the page is first shown (start-up stays light).

Roles, in one place: a page is shown to ``role`` and the roles above it; ``guards`` name the
buttons of the page (by object name) with the service action behind each, and the main window
hides a button whose action the logged-in role may not do (``rules.roles``). The services
refuse such an action anyway; hiding it only spares the user a refusal.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.rules.roles import Role


@dataclass(frozen=True)
class PageSpec:
    key: str
    text: str  # Malay source text, translated in the "Pages" context when shown
    page: str  # "module:Class" of a widget built as Class(ops, parent)
    role: Role = Role.BACA  # the least role that sees the page
    guards: tuple[tuple[str, str], ...] = ()  # (button's objectName, service action)
    # "module:function(ops) -> data": the page's first reads, safe off the window's thread;
    # the start-up runs it in its worker and the page is built as Class(ops, parent, data)
    prefetch: str = ""

    def visible_to(self, role: Role) -> bool:
        return role.rank >= self.role.rank

    def title(self) -> str:
        return QCoreApplication.translate("Pages", self.text)

    def factory(self, ops, parent, data=None) -> QWidget:
        cls = _resolve(self.page)
        return cls(ops, parent) if data is None else cls(ops, parent, data)

    def fetch(self, ops):
        """The page's first reads (None when it has no ``prefetch``)."""
        return _resolve(self.prefetch)(ops) if self.prefetch else None


def _resolve(target: str):
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)


_S = "desktop.services."
_LETTER = _S + "letters.issue_letter"  # printing a letter issues it: a number is used


def _register(module: str, add: str, update: str, set_active: str,
              *more: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """The guards of a register page: Add, Edit, (de)activate and the page's own buttons."""
    return (("addButton", f"{_S}{module}.{add}"), ("editButton", f"{_S}{module}.{update}"),
            ("activeButton", f"{_S}{module}.{set_active}"), *more)


def pages() -> list[PageSpec]:
    return [
        PageSpec("dashboard", QT_TRANSLATE_NOOP("Pages", "Papan Pemuka"),
                 "desktop.views.dashboard_page:DashboardPage",
                 prefetch="desktop.views.dashboard_page:fetch_dashboard"),
        PageSpec("vacancies", QT_TRANSLATE_NOOP("Pages", "Kekosongan"),
                 "desktop.views.vacancies_page:VacanciesPage",
                 guards=_register("vacancies", "open_vacancy", "update_vacancy", "close_vacancy",
                                  ("stepsButton", _S + "workflow.record_step"),
                                  ("undoButton", _S + "workflow.undo_last_step"),
                                  ("chooseButton", _S + "filling_choice.choose_method"),
                                  ("closeButton", _S + "vacancies.close_vacancy"),
                                  ("letterButton", _LETTER))),
        PageSpec("exercises", QT_TRANSLATE_NOOP("Pages", "Temu Duga"),
                 "desktop.views.exercises_page:ExercisesPage",
                 guards=_register("candidates", "add_exercise", "update_exercise",
                                  "update_exercise")),
        PageSpec("psh", QT_TRANSLATE_NOOP("Pages", "PSH"), "desktop.views.psh_page:PshPage",
                 guards=(("endButton", _S + "psh.terminate_psh"), ("letterButton", _LETTER),
                         ("extendButton", _S + "psh.extend_psh"),
                         ("convertButton", _S + "psh.convert_to_contract"))),
        PageSpec("acting", QT_TRANSLATE_NOOP("Pages", "Tanggung Kerja"),
                 "desktop.views.acting_page:ActingPage",
                 guards=(("endButton", _S + "acting.end_acting"), ("letterButton", _LETTER),
                         ("renewButton", _S + "acting.renew_acting"),
                         ("interruptButton", _S + "acting.record_interruption"))),
        PageSpec("gantian", QT_TRANSLATE_NOOP("Pages", "Pegawai Gantian"),
                 "desktop.views.gantian_page:GantianPage",
                 guards=(("endButton", _S + "gantian.end_gantian"),)),
        PageSpec("allocation", QT_TRANSLATE_NOOP("Pages", "Peruntukan OS29000"),
                 "desktop.views.allocation_page:AllocationPage",
                 guards=(("addEntry", _S + "allocation.add_allocation_entry"),)),
        PageSpec("attendance", QT_TRANSLATE_NOOP("Pages", "Kehadiran"),
                 "desktop.views.attendance_page:AttendancePage",
                 guards=(("saveButton", _S + "attendance.set_absences"),
                         ("holiday", _S + "office_holidays.add_office_holiday"))),
        PageSpec("claims", QT_TRANSLATE_NOOP("Pages", "Tuntutan"),
                 "desktop.views.claims_page:ClaimsPage",
                 guards=(("addButton", _S + "claims.add_trip"),
                         ("remove", _S + "claims.remove_trip"))),
        PageSpec("month", QT_TRANSLATE_NOOP("Pages", "Tutup Bulan"),
                 "desktop.views.month_page:MonthPage",
                 guards=(("closeMonth", _S + "month.close_month"),
                         ("reopenMonth", _S + "month.reopen_month"))),
        PageSpec("letters", QT_TRANSLATE_NOOP("Pages", "Surat dikeluarkan"),
                 "desktop.views.letters_page:LettersPage",
                 guards=(("copyButton", _S + "letters.mark_reprinted"),
                         ("batchButton", _LETTER))),
        PageSpec("consolidate", QT_TRANSLATE_NOOP("Pages", "Gabungan HQ"),
                 "desktop.views.consolidate_page:ConsolidatePage"),
        PageSpec("premises", QT_TRANSLATE_NOOP("Pages", "Premis"),
                 "desktop.views.premises_page:PremisesPage",
                 guards=_register("premises", "add_premises", "update_premises",
                                  "set_premises_active")),
        PageSpec("posts", QT_TRANSLATE_NOOP("Pages", "Jawatan"),
                 "desktop.views.posts_page:PostsPage",
                 guards=_register("posts", "add_post", "update_post", "set_post_active",
                                  ("assignButton", _S + "posts.assign_incumbent"),
                                  ("releaseButton", _S + "posts.release_incumbent"))),
        PageSpec("staff", QT_TRANSLATE_NOOP("Pages", "Pegawai"),
                 "desktop.views.staff_page:StaffPage",
                 guards=_register("staff", "add_staff", "update_staff", "set_staff_active")),
        PageSpec("grades", QT_TRANSLATE_NOOP("Pages", "Gred"),
                 "desktop.views.grades_page:GradesPage",
                 guards=_register("grades", "add_grade", "update_grade", "set_grade_active",
                                  ("salaryButton", _S + "grades.add_grade_salary"))),
        PageSpec("import", QT_TRANSLATE_NOOP("Pages", "Import Excel"),
                 "desktop.views.import_page:ImportPage", role=Role.KERANI),
        PageSpec("office", QT_TRANSLATE_NOOP("Pages", "Tetapan pejabat"),
                 "desktop.views.office_page:OfficePage", role=Role.PENTADBIR),
        PageSpec("backup", QT_TRANSLATE_NOOP("Pages", "Sandaran"),
                 "desktop.views.backup_page:BackupPage", role=Role.PENTADBIR),
        PageSpec("rates", QT_TRANSLATE_NOOP("Pages", "Kadar"), "desktop.views.rates_page:RatesPage",
                 guards=(("saveButton", _S + "rate_tables.save_rate_table"),
                         ("removeButton", _S + "rate_tables.remove_rate_table"),
                         ("addRowButton", _S + "rate_tables.save_rate_table"),
                         ("removeRowButton", _S + "rate_tables.save_rate_table"),
                         ("newButton", _S + "rate_tables.save_rate_table"))),
        PageSpec("audit", QT_TRANSLATE_NOOP("Pages", "Log Audit"),
                 "desktop.views.audit_page:AuditPage"),
        PageSpec("users", QT_TRANSLATE_NOOP("Pages", "Pengguna"),
                 "desktop.views.users_page:UsersPage", role=Role.PENTADBIR),
    ]
