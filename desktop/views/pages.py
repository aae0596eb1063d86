"""The sidebar's registry of pages: one line per register, in the order users see them.

A later register adds itself here; the main window builds the sidebar from this list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Callable[[], str]  # translated when the window is built
    factory: Callable[..., QWidget]  # (ops, parent) -> page


def _premises(ops, parent):
    from desktop.views.premises_page import PremisesPage

    return PremisesPage(ops, parent)


def _posts(ops, parent):
    from desktop.views.posts_page import PostsPage

    return PostsPage(ops, parent)


def _staff(ops, parent):
    from desktop.views.staff_page import StaffPage

    return StaffPage(ops, parent)


def _grades(ops, parent):
    from desktop.views.grades_page import GradesPage

    return GradesPage(ops, parent)


def _dashboard(ops, parent):
    from desktop.views.dashboard_page import DashboardPage

    return DashboardPage(ops, parent)


def _vacancies(ops, parent):
    from desktop.views.vacancies_page import VacanciesPage

    return VacanciesPage(ops, parent)


def _exercises(ops, parent):
    from desktop.views.exercises_page import ExercisesPage

    return ExercisesPage(ops, parent)


def pages() -> list[PageSpec]:
    return [
        PageSpec("dashboard", lambda: QCoreApplication.translate("Pages", "Papan Pemuka"),
                 _dashboard),
        PageSpec("vacancies", lambda: QCoreApplication.translate("Pages", "Kekosongan"),
                 _vacancies),
        PageSpec("exercises", lambda: QCoreApplication.translate("Pages", "Temu Duga"),
                 _exercises),
        PageSpec("premises", lambda: QCoreApplication.translate("Pages", "Premis"),
                 _premises),
        PageSpec("posts", lambda: QCoreApplication.translate("Pages", "Jawatan"),
                 _posts),
        PageSpec("staff", lambda: QCoreApplication.translate("Pages", "Pegawai"),
                 _staff),
        PageSpec("grades", lambda: QCoreApplication.translate("Pages", "Gred"),
                 _grades),
    ]
