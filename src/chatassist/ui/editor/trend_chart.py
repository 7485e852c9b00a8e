"""A weekly bar chart painted with QPainter (QtCharts is not in PySide6-Essentials):
one group of bars per week, one colour per series, with a legend. It renders
into any paint device, so the same drawing goes on screen, into a PNG and
into tests (offscreen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from chatassist.core.files import write_atomic
from chatassist.core.statistics.trends import WeeklySeries

#: Colour-blind-safe palette (Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
MARGIN = 36


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: WeeklySeries | None = None
        self.title = ""
        self.label: Callable[[str], str] = str
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Weekly chart"))

    def set_series(
        self,
        series: WeeklySeries | None,
        title: str = "",
        label: Callable[[str], str] | None = None,
    ) -> None:
        """Draw ``series`` under ``title`` (translated by the caller; default: the series');
        ``label`` names a series in the legend (a scenario or region id in the UI
        language). The CSV keeps the ids: it is data for other programs."""
        self.series = series
        self.title = title
        self.label = label or str
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 280)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.draw(painter, self.width(), self.height())
        finally:
            painter.end()

    def draw(self, painter: QPainter, width: int, height: int) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(0, 0, width, height, QColor("white"))
        painter.setPen(QColor("#222222"))
        s = self.series
        if s is None or not s.weeks or not s.values:
            painter.drawText(
                QRectF(0, 0, width, height),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No data for these weeks yet"),
            )
            return
        painter.drawText(
            QRectF(0, 4, width, 20), Qt.AlignmentFlag.AlignCenter, self.title or s.title
        )
        legend_h = 18 * ((len(s.values) + 2) // 3)
        plot = QRectF(MARGIN, 28, width - MARGIN - 10, height - 28 - MARGIN - legend_h)
        top = 100.0 if s.unit == "%" else max(max(v) for v in s.values.values()) or 1.0
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.drawText(
            QRectF(0, plot.top() - 8, MARGIN - 4, 16), Qt.AlignmentFlag.AlignRight, f"{top:g}"
        )
        painter.drawText(
            QRectF(0, plot.bottom() - 8, MARGIN - 4, 16), Qt.AlignmentFlag.AlignRight, "0"
        )
        group = plot.width() / len(s.weeks)
        bar = group * 0.8 / len(s.values)
        for w, week in enumerate(s.weeks):
            for i, (_name, values) in enumerate(s.values.items()):
                h = plot.height() * values[w] / top
                x = plot.left() + w * group + group * 0.1 + i * bar
                painter.fillRect(
                    QRectF(x, plot.bottom() - h, bar, h), QColor(PALETTE[i % len(PALETTE)])
                )
            painter.drawText(
                QRectF(plot.left() + w * group, plot.bottom() + 2, group, 16),
                Qt.AlignmentFlag.AlignCenter,
                week.strftime("%m-%d"),
            )
        y = plot.bottom() + 22
        for i, name in enumerate(s.values):
            x = MARGIN + (i % 3) * (width - MARGIN) / 3
            row = y + 18 * (i // 3)
            painter.fillRect(QRectF(x, row + 3, 10, 10), QColor(PALETTE[i % len(PALETTE)]))
            painter.drawText(
                QRectF(x + 14, row, (width - MARGIN) / 3 - 16, 16),
                Qt.AlignmentFlag.AlignLeft,
                self.label(name),
            )

    def image(self, size: QSize | None = None) -> QImage:
        size = size or self.sizeHint()
        image = QImage(size, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            self.draw(painter, size.width(), size.height())
        finally:
            painter.end()
        return image

    def export_image(self) -> QImage:
        """The chart as exported (at least 560x280): drawn here, written anywhere."""
        return self.image(QSize(max(self.width(), 560), max(self.height(), 280)))

    def export_png(self, path: Path) -> None:
        """Write the chart as a PNG (atomically); OSError when it cannot be written."""
        write_png(self.export_image(), path)

    def export_text(self) -> str:
        """The chart's data as CSV (week, series, value)."""
        return self.series.to_csv() if self.series else "week,series,value\n"

    def export_csv(self, path: Path) -> None:
        write_atomic(path, self.export_text())


def write_png(image: QImage, path: Path) -> None:
    """Write ``image`` as a PNG, atomically (a QImage may be written from a worker);
    OSError when it cannot be written."""

    def save(tmp: Path) -> None:
        writer = QImageWriter(str(tmp), QByteArray(b"PNG"))
        if not writer.write(image):
            raise OSError(f"could not write a PNG image to {path}: {writer.errorString()}")

    write_atomic(path, save)
