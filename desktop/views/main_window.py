"""The main window: a sidebar of registers, the pages, a status bar and the menus.

It opens in two stages so that start-up feels immediate: built with no database it shows its
menus and a loading panel (this module imports only Qt and the page list, never SQLAlchemy);
``attach(ops)`` then fills the sidebar for the signed-in role and opens the first page
(``desktop.views.startup`` does both; ``MainWindow(ops)`` does both at once).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.views.pages import PageSpec, pages

if TYPE_CHECKING:
    from desktop.views.operations import Operations

SIDEBAR_STYLE = """
QListWidget#sidebar { background: #1f4e8c; color: white; border: none; font-size: 14px; }
QListWidget#sidebar::item { padding: 9px 14px; }
QListWidget#sidebar::item:selected { background: #f2b705; color: #1b1b1b; }
"""


class LoadingPanel(QWidget):
    """What the window shows while its database opens: the step under way, a busy bar."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loadingPanel")
        self.step = QLabel(self.tr("Membuka pangkalan data..."), objectName="loadingStep")
        self.step.setStyleSheet("font-size: 15px; color: #1f4e8c;")
        bar = QProgressBar(objectName="loadingBar")
        bar.setRange(0, 0)  # busy: the steps have no count worth showing
        bar.setFixedWidth(320)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.step, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    def __init__(self, ops: Operations | None = None, *, specs: list[PageSpec] | None = None,
                 database_name: str = ""):
        super().__init__()
        self.ops: Operations | None = None
        self._database_name = database_name
        self._all_specs = specs
        self._specs: list[PageSpec] = []
        self._first_page_data = None
        self.pages: dict[str, QWidget] = {}
        self.setObjectName("mainWindow")
        self.setWindowTitle("IsiTugas")
        self.resize(1200, 760)

        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.setFixedWidth(190)
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.stack = QStackedWidget(objectName="pages")
        self.loading = LoadingPanel()
        self.stack.addWidget(self.loading)
        self.sidebar.currentRowChanged.connect(self._show_row)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self.office_label = QLabel(objectName="officeLabel")
        self.user_label = QLabel(objectName="userLabel")
        self.db_label = QLabel(objectName="dbLabel")
        for label in (self.office_label, self.user_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.db_label)
        self._menus()
        self._show_database_name()
        if ops is not None:
            self.attach(ops)

    def set_loading(self, text: str) -> None:
        """The start-up step under way, shown until ``attach``."""
        self.loading.step.setText(text)

    def specs_for(self, role) -> list[PageSpec]:
        """The pages ``role`` may see, in the sidebar's order (pages.py and rules.roles)."""
        return [s for s in (self._all_specs if self._all_specs is not None else pages())
                if s.visible_to(role)]

    def attach(self, ops: Operations, first_page_data=None) -> None:
        """The database is open and the user signed in: the sidebar of the pages this role
        may see, the status bar and the first page (built from ``first_page_data`` when the
        start-up has read it already)."""
        from desktop.views.table_model import RowTableModel

        self.ops = ops
        self._database_name = ops.database_name
        self._specs = self.specs_for(ops.role)
        RowTableModel.mask_mykad = ops.masks_mykad  # one window, one user, per process
        self._first_page_data = first_page_data
        self.sidebar.blockSignals(True)
        for spec in self._specs:
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget())  # built on first visit: start-up stays light
        self.sidebar.blockSignals(False)
        self.stack.removeWidget(self.loading)
        self.loading.deleteLater()
        self.password_action.setVisible(ops.has_account)  # local administrators have none
        ops.changed.connect(self._changed)
        self.refresh_status()
        if self._specs:
            self.sidebar.setCurrentRow(0)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fail"))
        self.password_action = QAction(self.tr("&Tukar kata laluan..."), self)
        self.password_action.setObjectName("changePassword")
        self.password_action.triggered.connect(self.change_password)
        self.password_action.setVisible(False)  # until a signed-in account is attached
        file_menu.addAction(self.password_action)
        quit_action = QAction(self.tr("&Keluar"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Bantuan"))
        help_menu.setObjectName("helpMenu")
        help_menu.menuAction().setObjectName("helpMenu")
        self.guide_action = QAction(self.tr("Panduan &pengguna"), self)
        self.guide_action.setObjectName("userGuide")
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide_action.triggered.connect(self.show_guide)
        help_menu.addAction(self.guide_action)
        self.about_action = QAction(self.tr("&Perihal IsiTugas"), self)
        self.about_action.triggered.connect(self.about)
        help_menu.addAction(self.about_action)

    def change_password(self):
        from desktop.views.users_page import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ops, self)
        dialog.open()
        return dialog

    def show_guide(self):
        """The user guide in its own window (docs/panduan, read offline)."""
        from desktop.views.guide_dialog import show_guide

        guide = getattr(self, "guide", None)
        if guide is not None and guide.isVisible():  # one guide window, brought to the front
            guide.raise_()
            guide.activateWindow()
            return guide
        self.guide = show_guide(self)
        return self.guide

    def about(self):
        from desktop.views.about import show_about

        return show_about(self, self._database_name)

    def _show_database_name(self) -> None:
        if self._database_name:
            self.db_label.setText(self.tr("Pangkalan data: %1").replace("%1",
                                                                       self._database_name))

    def refresh_status(self) -> None:
        from desktop.services.office import get_office

        office = self.ops.query(get_office)
        name = office.name if office else self.tr("(pejabat belum ditetapkan)")
        self.office_label.setText(self.tr("Pejabat: %1").replace("%1", name))
        actor = self.ops.actor
        self.user_label.setText(self.tr("Pengguna: %1 (%2)").replace("%1", actor.full_name)
                                .replace("%2", actor.role.label(self.ops.lang)))
        self._show_database_name()

    def _changed(self, kinds: frozenset) -> None:
        if "office" in kinds:
            self.refresh_status()

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        spec = self._specs[row]
        if spec.key not in self.pages:
            data, self._first_page_data = self._first_page_data if row == 0 else None, None
            page = spec.factory(self.ops, self, data)
            old = self.stack.widget(row)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(row, page)
            self.pages[spec.key] = page
            self._hide_forbidden(spec, page)
            if hasattr(page, "open_vacancy"):  # the dashboard leads into the vacancy register
                page.open_vacancy.connect(self.show_vacancy)
                page.open_search.connect(self.search_vacancies)
        self.stack.setCurrentIndex(row)

    def _hide_forbidden(self, spec: PageSpec, page: QWidget) -> None:
        """Hide the page's buttons whose action this role may not do (the service would
        refuse it)."""
        for name, action in spec.guards:
            if not self.ops.may(action):
                for button in page.findChildren(QAbstractButton, name):
                    button.hide()

    def show_vacancy(self, vacancy_id: int) -> None:
        page = self.open_page("vacancies")
        page.show_inactive.setChecked(True)
        page.select_id(vacancy_id)

    def search_vacancies(self, text: str) -> None:
        page = self.open_page("vacancies")
        page.search.setText(text)

    def open_page(self, key: str) -> QWidget:
        for row, spec in enumerate(self._specs):
            if spec.key == key:
                self.sidebar.setCurrentRow(row)
                return self.pages[key]
        raise KeyError(key)
