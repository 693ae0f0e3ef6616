"""The mapping page's date formats say which of the action's fields each reads (none, for
consolidated tracking's date format: its dates all have times), and a format holding II
says it stands for minutes, in the labels and in the row messages, English and French."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from importer_gui.core.catalogue import messages as msg
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.messages_text import row_message_text
from importer_gui.ui.pages.mapping_page import MappingPage
from tests.ui.test_mapping_custom_and_codes import mapping

NBSP = "\u00a0"
TRACKING = "createOrUpdateConsolidatedTrackingAction"
LATE = msg.NOT_A_DATETIME.format(field="firstAccessDate", value="12/01/2027 09:00",
                                 format=msg.shown_format("YYYY-MM-DD HH:II:SS"))


def label_of(page: MappingPage, name: str) -> str:
    """The text of the label beside the option named ``name``."""
    edit = page.findChild(QWidget, name)
    form = edit.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(edit)
    assert isinstance(label, QLabel)
    return label.text()


def tracking_page(window: MainWindow, tmp_path: Path) -> MappingPage:
    data = tmp_path / "tracking.csv"
    data.write_text("candidateLogin;sessionGuid;lovCode;firstAccessDate;trackingStatus\n"
                    "cbernard;S-1;LO-1;2024-01-05 10:30:00;c\n", encoding="utf-8")
    return mapping(window, data, TRACKING)


def test_tracking_s_formats_say_what_they_read(window: MainWindow, tmp_path: Path,
                                               screenshots: Path) -> None:
    page = tracking_page(window, tmp_path)
    window.grab().save(str(screenshots / "mapping-tracking-format-labels.png"))
    assert label_of(page, "dateTimeFormat") == (
        "Date and time format\nfor First access, Last access, First completion,\n"
        "default YYYY-MM-DD HH:II:SS (II: minutes):")
    assert label_of(page, "dateFormat") == (
        "&Date format,\nfor no field of this action,\ndefault YYYY-MM-DD:")


def test_tracking_s_formats_say_what_they_read_in_french(
        french: None, window: MainWindow, tmp_path: Path) -> None:
    page = tracking_page(window, tmp_path)
    assert label_of(page, "dateTimeFormat") == (
        "Format de date et heure\nde Premier accès, Dernier accès, Premier achèvement,\n"
        f"par défaut YYYY-MM-DD HH:II:SS (II{NBSP}: minutes){NBSP}:")
    assert label_of(page, "dateFormat") == (
        f"Format de &date,\npour aucun champ de cette action,\npar défaut YYYY-MM-DD{NBSP}:")


def test_the_date_format_names_the_dates_it_reads(window: MainWindow, tmp_path: Path) -> None:
    data = tmp_path / "learners.csv"
    data.write_text("candidateLogin;candidateName;enabledUntil\nmdupont;Dupont;2027-12-31\n",
                    encoding="utf-8")
    page = mapping(window, data, "createOrUpdateLearnerAction")
    assert label_of(page, "dateFormat") == (
        "&Date format\nfor Enabled from, Enabled until,\ndefault YYYY-MM-DD:")


def test_a_row_message_says_what_ii_stands_for(qapp: object) -> None:
    assert row_message_text(LATE) == (
        "First access — firstAccessDate: 12/01/2027 09:00 is not a date and time in the "
        "format YYYY-MM-DD HH:II:SS (II: minutes).")


def test_a_row_message_says_what_ii_stands_for_in_french(french: None) -> None:
    assert row_message_text(LATE) == (
        f"Premier accès — firstAccessDate{NBSP}: 12/01/2027 09:00 n'est pas une date et heure "
        f"au format YYYY-MM-DD HH:II:SS (II{NBSP}: minutes).")
