"""The chart of the statistics view: each caseworker's share of working time in direct contact
per period, the unit's share in bold, and the target as a dashed line (QtCharts)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.stats import PeriodFigure, Statistics
from app.stats_export import period_label

# Colour-blind-safe palette (Okabe–Ito) for the caseworkers' lines.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#999999")



def _series(name: str, figures: tuple[PeriodFigure, ...], pen: QPen) -> QLineSeries:
    series = QLineSeries()
    series.setName(name)
    series.setPen(pen)
    series.setPointsVisible(True)
    for i, figure in enumerate(figures):
        if figure.share is not None:
            series.append(i, 100 * figure.share)
    return series


class StatsChartView(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.show_statistics(None)

    def show_statistics(self, result: Statistics | None) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setTitle(QCoreApplication.translate(
            "StatsChart", "Andel av arbetstiden i direkt kontakt (%)"))
        if result is not None and result.unit:
            self._fill(chart, result)
        self.setChart(chart)

    def _fill(self, chart: QChart, result: Statistics) -> None:
        labels = [period_label(f, result.grouping) for f in result.unit]
        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%d")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        highest = float(result.target_percent)
        for i, person in enumerate(result.people):
            series = _series(person.display_name, person.periods,
                             QPen(QColor(PALETTE[i % len(PALETTE)]), 2))
            chart.addSeries(series)
            highest = max([highest, *(p.y() for p in series.points())])
        unit = _series(QCoreApplication.translate("StatsChart", "Enheten"), result.unit,
                       QPen(QColor("#000000"), 4))
        chart.addSeries(unit)
        highest = max([highest, *(p.y() for p in unit.points())])
        target = QLineSeries()
        target.setName(QCoreApplication.translate("StatsChart", "Mål {percent} %")
                       .format(percent=result.target_percent))
        target.setPen(QPen(QColor("#b00020"), 2, Qt.PenStyle.DashLine))
        target.append(0, result.target_percent)
        target.append(max(len(labels) - 1, 1), result.target_percent)
        chart.addSeries(target)
        for attached in chart.series():
            attached.attachAxis(x_axis)
            attached.attachAxis(y_axis)
        y_axis.setRange(0, max(10.0, highest * 1.1))
        y_axis.applyNiceNumbers()  # ticks at round percentages
