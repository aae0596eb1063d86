"""A horizontal bar chart painted by the app (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR = QColor("#1f4e8c")
BAR_HOVER = QColor("#f2b705")


class BarChart(QWidget):
    """Labelled bars, one per row; clicking a bar emits its key."""

    clicked = Signal(str)

    ROW_HEIGHT = 24

    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.bars: list[tuple[str, str, int, str]] = []  # (key, label, value, tooltip)
        self._hover = -1
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_bars(self, bars: list[tuple[str, str, int, str]]) -> None:
        self.bars = list(bars)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(360, 28 + self.ROW_HEIGHT * max(len(self.bars), 1))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        return min(max((metrics.horizontalAdvance(b[1]) for b in self.bars), default=0) + 12,
                   int(self.width() * 0.6))

    def bar_at(self, y: float) -> int:
        row = int((y - 24) // self.ROW_HEIGHT)
        return row if 0 <= row < len(self.bars) and y >= 24 else -1

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = p.font()
        bold.setBold(True)
        normal = p.font()
        p.setFont(bold)
        p.drawText(QRectF(0, 0, self.width(), 20), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(normal)
        label_w = self._label_width()
        top = max((b[2] for b in self.bars), default=0) or 1
        room = max(self.width() - label_w - 48, 10)
        for i, (_key, label, value, _tip) in enumerate(self.bars):
            y = 24 + i * self.ROW_HEIGHT
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y, label_w - 6, self.ROW_HEIGHT),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            width = room * value / top
            p.fillRect(QRectF(label_w, y + 4, width, self.ROW_HEIGHT - 8),
                       BAR_HOVER if i == self._hover else BAR)
            p.drawText(QRectF(label_w + width + 4, y, 44, self.ROW_HEIGHT),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(value))
        p.end()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        row = self.bar_at(event.position().y())
        if row != self._hover:
            self._hover = row
            self.update()
        if row >= 0 and self.bars[row][3]:
            QToolTip.showText(event.globalPosition().toPoint(), self.bars[row][3], self)

    def leaveEvent(self, _event) -> None:  # noqa: N802
        self._hover = -1
        self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        row = self.bar_at(event.position().y())
        if row >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.bars[row][0])
