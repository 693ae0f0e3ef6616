"""Dates and numbers as the user's locale writes them (``QLocale()``, set with the language).

Without a locale of its own (the "C" locale), the window keeps ISO 8601 dates and plain
numbers. Years always have four digits: a short "5/2/24" is too easily misread.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from importer_gui.core.cells import Cell, cell_text

ISO_MINUTES = "minutes"


def _four_digit_year(qt_format: str) -> str:
    """A Qt date format with ``yyyy`` where it had ``yy``."""
    return qt_format if "yyyy" in qt_format else qt_format.replace("yy", "yyyy")


class LocaleText:
    """Formats read once from a locale (a table asks for thousands of cells)."""

    def __init__(self, locale: QLocale | None = None) -> None:
        self.locale = locale if locale is not None else QLocale()
        self.iso = self.locale.language() == QLocale.Language.C
        short = QLocale.FormatType.ShortFormat
        self._date = _four_digit_year(self.locale.dateFormat(short))
        self._datetime = _four_digit_year(self.locale.dateTimeFormat(short))
        self._time = self.locale.timeFormat(short)

    def date(self, value: date) -> str:
        """A date: "02/05/2024" in French."""
        if self.iso:
            return value.isoformat()
        return self.locale.toString(QDate(value.year, value.month, value.day), self._date)

    def datetime(self, value: datetime) -> str:
        """A date and time to the minute: "02/05/2024 09:30" in French."""
        if self.iso:
            return value.isoformat(sep=" ", timespec=ISO_MINUTES)
        moment = QDateTime(QDate(value.year, value.month, value.day),
                           QTime(value.hour, value.minute, value.second))
        return self.locale.toString(moment, self._datetime)

    def clock(self, value: datetime) -> str:
        """When something was read, on the user's clock, as a run's time is written: the time
        alone ("14:32") that day, the date too on another."""
        local = value.astimezone().replace(tzinfo=None) if value.tzinfo else value
        if local.date() != datetime.now().date():
            return self.datetime(local)
        if self.iso:
            return local.time().isoformat(timespec=ISO_MINUTES)
        return self.locale.toString(QTime(local.hour, local.minute, local.second), self._time)

    def number(self, value: int) -> str:
        """A quantity: "1 234" in French."""
        return str(value) if self.iso else self.locale.toString(value)

    def cell(self, cell: Cell | None) -> str:
        """A file's cell: a workbook's dates in the locale's way, text as it was written.

        Text stays as it is, digits included: it is what the check reads (a code, or a
        date in the configuration's format).
        """
        if self.iso or isinstance(cell, str) or cell is None:
            return cell_text(cell)
        if isinstance(cell, datetime):
            if cell.hour == cell.minute == cell.second == 0 and not cell.microsecond:
                return self.date(cell.date())
            return self.datetime(cell)
        return self.date(cell)

    def stored(self, value: object, *, quantity: bool = False) -> str:
        """A stored value: dates as the locale writes them (a time in the user's clock),
        quantities as numbers, anything else as text; nothing for None."""
        if value is None:
            return ""
        if isinstance(value, datetime):
            local = value.astimezone() if value.tzinfo else value  # the user's clock, not UTC
            return self.datetime(local.replace(tzinfo=None))
        if isinstance(value, date):
            return self.date(value)
        if quantity and isinstance(value, int) and not isinstance(value, bool):
            return self.number(value)
        return str(value)
