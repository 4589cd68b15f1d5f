"""Statistics as CSV (one row per caseworker and period, then the unit) for Excel or a report."""

from __future__ import annotations

import csv
import io

from app.stats import PeriodFigure, Statistics

COLUMNS = ("handlaggare", "period", "direkt_minuter", "arbetstid_minuter", "andel_procent",
           "mal_procent")


def period_label(figure: PeriodFigure, grouping: str) -> str:
    if grouping == "week":
        year, week, _ = figure.period.isocalendar()
        return f"{year}-V{week:02d}"
    return figure.period.strftime("%Y-%m")


def percent(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}"


def _decimal_comma(text: str) -> str:
    """Swedish Excel reads a semicolon-separated file with decimal commas."""
    return text.replace(".", ",")


def _row(name: str, figure: PeriodFigure, result: Statistics) -> list[str]:
    working = figure.working_minutes
    return [name, period_label(figure, result.grouping), f"{figure.direct_minutes:.0f}",
            "" if working is None else f"{working:.0f}", _decimal_comma(percent(figure.share)),
            str(result.target_percent)]


def statistics_csv(result: Statistics, unit_name: str = "Enheten") -> bytes:
    """UTF-8 with BOM, semicolons and decimal commas, as Swedish Excel opens it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for person in result.people:
        for figure in person.periods:
            writer.writerow(_row(person.display_name, figure, result))
    for figure in result.unit:
        writer.writerow(_row(unit_name, figure, result))
    return out.getvalue().encode("utf-8-sig")
