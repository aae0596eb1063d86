"""The first screen: open vacancies by kind, premises, step and district, the alerts, and the
vacancies that have waited longest. Clicking a row or a bar opens the vacancy register."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.vacancy_enums import kind_label
from desktop.services.vacancies import Alert, DashboardSummary, alerts, dashboard_summary
from desktop.views.bar_chart import BarChart
from desktop.views.operations import Operations
from desktop.views.table_model import Column, RowTableModel


@dataclass(frozen=True)
class DashboardData:
    summary: DashboardSummary
    alerts: list[Alert]


def fetch_dashboard(ops: Operations) -> DashboardData:
    """The dashboard's figures: plain reads through ``ops.query``, safe in a worker thread
    (the start-up reads them off the window's thread)."""
    return DashboardData(ops.query(dashboard_summary), ops.query(alerts))


SEVERITY_COLOUR = {"urgent": "#b00020", "warning": "#b35c00", "info": "#1f4e8c"}


class Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Card { background: white; border: 1px solid #d0d7e2; "
                           "border-radius: 6px; }")
        self.value = QLabel("0")
        self.value.setStyleSheet("font-size: 26px; font-weight: bold; color: #1f4e8c;")
        self.detail = QLabel("")
        self.detail.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.value)
        layout.addWidget(self.detail)


class DashboardPage(QWidget):
    kinds = frozenset({"vacancy", "vacancy_step", "candidate", "post", "premises", "staff",
                       "office"})
    open_vacancy = Signal(int)  # a row clicked: show it in the vacancy register
    open_search = Signal(str)  # a bar clicked: the register searched for it

    def __init__(self, ops: Operations, parent: QWidget | None = None,
                 data: DashboardData | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("dashboardPage")
        self.summary: DashboardSummary | None = None
        self.alert_rows: list[Alert] = []

        self.cards = {key: Card(title) for key, title in (
            ("total", self.tr("Kekosongan belum ditutup")),
            ("HAKIKI", kind_label("HAKIKI")), ("OPERASI", kind_label("OPERASI")),
            ("TABIKA", self.tr("Di Tabika")), ("TASKA", self.tr("Di Taska")))}
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)

        self.by_step = BarChart(self.tr("Mengikut langkah (hari menunggu paling lama)"))
        self.by_step.setObjectName("chartByStep")
        self.by_district = BarChart(self.tr("Mengikut daerah"))
        self.by_district.setObjectName("chartByDistrict")
        self.by_step.clicked.connect(self._step_clicked)
        self.by_district.clicked.connect(self.open_search.emit)

        self.alert_list = QListWidget(objectName="alerts")
        self.alert_list.setUniformItemSizes(True)  # one line each: no per-item layout
        self.alert_list.itemActivated.connect(self._alert_activated)
        self.alert_list.itemDoubleClicked.connect(self._alert_activated)

        self.model = RowTableModel([
            Column(self.tr("Premis"), lambda r: f"{r.premises_code} {r.premises_name}"),
            Column(self.tr("Gred"), lambda r: r.grade_code),
            Column(self.tr("Jenis"), lambda r: kind_label(r.kind)),
            Column(self.tr("Langkah semasa"), lambda r: r.current_step_label),
            Column(self.tr("Hari menunggu"), lambda r: r.days_waiting, align_right=True),
        ], self, searchable=False)
        self.table = QTableView(objectName="waitingTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        # column widths from the first rows only (the longest waiting), not thousands
        self.table.horizontalHeader().setResizeContentsPrecision(100)
        self.table.doubleClicked.connect(
            lambda index: self.open_vacancy.emit(self.model.row_at(index.row()).id))

        grid = QGridLayout()
        grid.addWidget(self.by_step, 0, 0)
        grid.addWidget(self.by_district, 0, 1)
        grid.addWidget(QLabel("<b>" + self.tr("Perhatian") + "</b>"), 1, 0)
        grid.addWidget(QLabel("<b>" + self.tr("Paling lama menunggu") + "</b>"), 1, 1)
        grid.addWidget(self.alert_list, 2, 0)
        grid.addWidget(self.table, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel("<h2>" + self.tr("Papan Pemuka") + "</h2>"))
        layout.addLayout(cards)
        layout.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        ops.changed.connect(self._changed)
        self.show_data(data if data is not None else fetch_dashboard(ops))

    def reload(self) -> None:
        self.show_data(fetch_dashboard(self.ops))

    def show_data(self, data: DashboardData) -> None:
        self.summary = s = data.summary
        self.alert_rows = data.alerts
        self.cards["total"].value.setText(str(s.total))
        filled = next((w.count for w in s.by_status if w.key == "FILLED"), 0)
        self.cards["total"].detail.setText(self.tr("%1 diisi sementara").replace("%1",
                                                                                   str(filled)))
        for group in (s.by_kind, s.by_premises_kind):
            for w in group:
                if w.key in self.cards:
                    self.cards[w.key].value.setText(str(w.count))
                    self.cards[w.key].detail.setText(
                        self.tr("paling lama %1 hari").replace("%1", str(w.longest_days)))
        self.by_step.set_bars([(w.key, w.label_ms, w.count,
                                self.tr("paling lama %1 hari, purata %2 hari")
                                .replace("%1", str(w.longest_days)).replace("%2", str(w.mean_days)))
                               for w in s.by_step])
        self.by_district.set_bars([(w.key, w.label_ms, w.count, "") for w in s.by_district])
        self.alert_list.clear()
        for alert in self.alert_rows:
            item = QListWidgetItem(alert.text_ms)
            item.setForeground(QColor(SEVERITY_COLOUR.get(alert.severity, "#000000")))
            item.setData(Qt.ItemDataRole.UserRole, alert)
            self.alert_list.addItem(item)
        if not self.alert_rows:
            self.alert_list.addItem(self.tr("Tiada perkara yang perlu diberi perhatian."))
        self.model.set_rows(list(s.rows))
        self.table.resizeColumnsToContents()

    def _step_clicked(self, key: str) -> None:
        label = next((w.label_ms for w in self.summary.by_step if w.key == key), key)
        self.open_search.emit(label)

    def _alert_activated(self, item: QListWidgetItem) -> None:
        alert = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(alert, Alert) and alert.entity == "vacancy":
            self.open_vacancy.emit(alert.entity_id)

    def _changed(self, kinds: frozenset) -> None:
        if kinds & self.kinds:
            self.reload()
