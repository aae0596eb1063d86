"""The sidebar's registry of pages: one line per register, in the order users see them.

A later register adds one line here; the main window builds the sidebar from this list and
imports a page's module only when the page is first shown (start-up stays light).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageSpec:
    key: str
    text: str  # Malay source text, translated in the "Pages" context when shown
    page: str  # "module:Class" of a widget built as Class(ops, parent)

    def title(self) -> str:
        return QCoreApplication.translate("Pages", self.text)

    def factory(self, ops, parent) -> QWidget:
        module, name = self.page.split(":")
        return getattr(importlib.import_module(module), name)(ops, parent)


def pages() -> list[PageSpec]:
    return [
        PageSpec("dashboard", QT_TRANSLATE_NOOP("Pages", "Papan Pemuka"),
                 "desktop.views.dashboard_page:DashboardPage"),
        PageSpec("vacancies", QT_TRANSLATE_NOOP("Pages", "Kekosongan"),
                 "desktop.views.vacancies_page:VacanciesPage"),
        PageSpec("exercises", QT_TRANSLATE_NOOP("Pages", "Temu Duga"),
                 "desktop.views.exercises_page:ExercisesPage"),
        PageSpec("psh", QT_TRANSLATE_NOOP("Pages", "PSH"), "desktop.views.psh_page:PshPage"),
        PageSpec("acting", QT_TRANSLATE_NOOP("Pages", "Tanggung Kerja"),
                 "desktop.views.acting_page:ActingPage"),
        PageSpec("gantian", QT_TRANSLATE_NOOP("Pages", "Pegawai Gantian"),
                 "desktop.views.gantian_page:GantianPage"),
        PageSpec("allocation", QT_TRANSLATE_NOOP("Pages", "Peruntukan OS29000"),
                 "desktop.views.allocation_page:AllocationPage"),
        PageSpec("attendance", QT_TRANSLATE_NOOP("Pages", "Kehadiran"),
                 "desktop.views.attendance_page:AttendancePage"),
        PageSpec("claims", QT_TRANSLATE_NOOP("Pages", "Tuntutan"),
                 "desktop.views.claims_page:ClaimsPage"),
        PageSpec("month", QT_TRANSLATE_NOOP("Pages", "Tutup Bulan"),
                 "desktop.views.month_page:MonthPage"),
        PageSpec("letters", QT_TRANSLATE_NOOP("Pages", "Surat dikeluarkan"),
                 "desktop.views.letters_page:LettersPage"),
        PageSpec("consolidate", QT_TRANSLATE_NOOP("Pages", "Gabungan HQ"),
                 "desktop.views.consolidate_page:ConsolidatePage"),
        PageSpec("premises", QT_TRANSLATE_NOOP("Pages", "Premis"),
                 "desktop.views.premises_page:PremisesPage"),
        PageSpec("posts", QT_TRANSLATE_NOOP("Pages", "Jawatan"),
                 "desktop.views.posts_page:PostsPage"),
        PageSpec("staff", QT_TRANSLATE_NOOP("Pages", "Pegawai"),
                 "desktop.views.staff_page:StaffPage"),
        PageSpec("grades", QT_TRANSLATE_NOOP("Pages", "Gred"),
                 "desktop.views.grades_page:GradesPage"),
        PageSpec("import", QT_TRANSLATE_NOOP("Pages", "Import Excel"),
                 "desktop.views.import_page:ImportPage"),
        PageSpec("office", QT_TRANSLATE_NOOP("Pages", "Tetapan pejabat"),
                 "desktop.views.office_page:OfficePage"),
    ]
