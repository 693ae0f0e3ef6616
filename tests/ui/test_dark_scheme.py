"""The window under a dark colour scheme (Windows, macOS or GNOME in dark mode): every text
the window colours itself reads on the window, its boxes, its table cells and count badges and
the XML editor, in both schemes, and follows a switch made while the window is open.
Screenshots go to ``screenshots/dark-*``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui import styles
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.styles import DARK, LIGHT, Fill, Look, Scheme, Text
from importer_gui.ui.wizard import CONFIG
from tests.ui.conftest import dark_palette
from tests.ui.wizards import sample_preview

ROLE = QPalette.ColorRole
READABLE = 4.5  # WCAG AA, for text of ordinary size


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two colours (1 to 21)."""
    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
                + 0.0722 * channel(colour.blueF()))
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def unreadable(scheme: Scheme, palette: QPalette) -> list[str]:
    """The scheme's colours that read badly where they are shown under ``palette``."""
    window, base = palette.color(ROLE.Window), palette.color(ROLE.Base)
    pairs = [(text.name, styles.colour(text), window) for text in Text]
    pairs += [(text.name + " in a table", styles.colour(text), base) for text in Text]
    pairs += [(name, getattr(scheme, name), base)
              for name in ("xml_tag", "xml_attribute", "xml_value", "xml_comment")]
    # A comment on the line of an error is rare (4.0:1 in the light scheme, as it always was).
    pairs += [(f"XML on its error line: {name}", getattr(scheme, name),
               QColor(scheme.error_line_fill))
              for name in ("xml_tag", "xml_attribute", "xml_value")]
    pairs += [("the editor's text on its error line", palette.color(ROLE.Text).name(),
               QColor(scheme.error_line_fill))]
    pairs += [(f"notice on {fill}", scheme.notice_text, QColor(getattr(scheme, fill)))
              for fill in ("notice_fill", "error_fill")]
    pairs += [(f"a cell or count on {fill.name}", scheme.fill_text,
               QColor(getattr(scheme, fill.value))) for fill in Fill]
    return [f"{name}: {colour} on {on.name()} is {contrast(QColor(colour), on):.1f}:1"
            for name, colour, on in pairs if contrast(QColor(colour), on) < READABLE]


def test_every_colour_reads_on_the_light_palette(qapp: QApplication) -> None:
    palette = qapp.palette()
    assert palette.color(ROLE.Window).lightness() > 200  # Qt's own light palette
    assert styles.current() is LIGHT
    assert unreadable(LIGHT, palette) == []


def test_every_colour_reads_on_the_dark_palette(dark: None, qapp: QApplication) -> None:
    assert styles.current() is DARK
    assert unreadable(DARK, qapp.palette()) == []


def test_the_dark_schemes_fills_are_deep_and_each_its_own(qapp: QApplication) -> None:
    fills = [getattr(DARK, fill.value) for fill in Fill]
    assert [f for f in fills if QColor(f).lightness() >= 128] == []  # none glares
    assert len(set(fills)) == len(Fill)
    assert len({getattr(LIGHT, fill.value) for fill in Fill}) == len(Fill)


def rendered_contrast(label: QWidget) -> float:
    """The contrast of a label's text as drawn: its most common colour (the fill) against
    the colour standing out most from it (the text), inside its border."""
    image = label.grab().toImage()
    pixels = Counter(image.pixelColor(x, y).name() for x in range(3, image.width() - 3)
                     for y in range(3, image.height() - 3))
    fill = QColor(pixels.most_common(1)[0][0])
    return max(contrast(QColor(pixel), fill) for pixel in pixels)


def test_the_pages_notices_and_errors_read_under_a_dark_scheme(
        dark: None, window: MainWindow, sample: Path, screenshots: Path) -> None:
    wizard = window.wizard
    assert wizard.open_file(sample / "teachers.csv")
    notice = wizard.open_page.applied_label
    assert notice.isVisible() and notice.text().startswith("Read as detected")
    window.grab().save(str(screenshots / "dark-1-open.png"))
    assert rendered_contrast(notice) >= READABLE
    wizard.next()
    wizard.action_page.select("createOrUpdateTeacherAction")
    note = wizard.action_page.teacher_note
    assert note.isVisible()
    window.grab().save(str(screenshots / "dark-2-action-teacher.png"))
    assert rendered_contrast(note) >= READABLE
    wizard.next()
    wizard.next()
    assert wizard.currentId() == CONFIG
    page: ConfigPage = wizard.config_page
    page.editor.setPlainText(page.editor.toPlainText().replace(
        "</import-config>", "<import>\n</import-config>"))
    assert not page.parse_now()
    QApplication.processEvents()
    window.grab().save(str(screenshots / "dark-4-configuration-error.png"))
    assert page.status_label.text().startswith("The configuration is not well-formed XML")
    assert rendered_contrast(page.status_label) >= READABLE


def test_a_disabled_button_looks_disabled_under_a_dark_scheme(
        dark: None, window: MainWindow, screenshots: Path) -> None:
    next_ = window.wizard.button(QWizard.WizardButton.NextButton)
    open_file = window.wizard.open_page.open_button
    assert not next_.isEnabled() and open_file.isEnabled()  # no file chosen yet
    window.grab().save(str(screenshots / "dark-0-no-file-yet.png"))
    assert rendered_contrast(next_) < rendered_contrast(open_file) / 2


def test_a_switch_to_dark_while_open_recolours_what_was_built_light(
        qapp: QApplication, qtbot: QtBot) -> None:
    light = qapp.palette()
    notice, error = QLabel("Read as detected: UTF-8, semicolons."), QLabel("Not a date.")
    for label, look in ((notice, Look.NOTICE), (error, Look.ERROR)):
        qtbot.addWidget(label)
        styles.set_look(label, look)
        label.show()
    assert notice.styleSheet() == styles.style_sheet(Look.NOTICE, LIGHT)
    qapp.setPalette(dark_palette())
    try:
        assert notice.styleSheet() == styles.style_sheet(Look.NOTICE, DARK)
        assert error.styleSheet() == styles.style_sheet(Look.ERROR, DARK)
        assert rendered_contrast(notice) >= READABLE
    finally:
        qapp.setPalette(light)
    assert error.styleSheet() == styles.style_sheet(Look.ERROR, LIGHT)


def fills_drawn(widget: QWidget) -> set[str]:
    """The fills of either scheme that ``widget`` draws: over areas, not a few pixels of a
    letter's edge that happen to have a fill's colour."""
    image = widget.grab().toImage()
    drawn = Counter(image.pixelColor(x, y).name() for x in range(image.width())
                    for y in range(image.height()))
    return {getattr(scheme, fill.value) for scheme in (LIGHT, DARK) for fill in Fill
            if drawn[getattr(scheme, fill.value)] >= 100}


def outcome_cells(page: PreviewPage) -> list[str]:
    """The colour each row's outcome cell is drawn in (by its corner, clear of its text)."""
    QApplication.processEvents()
    table, model = page.table, page.model
    image = table.viewport().grab().toImage()
    return [image.pixelColor(table.visualRect(model.index(r, 1)).topLeft()
                             + QPoint(2, 2)).name() for r in range(model.rowCount())]


def test_a_switch_to_dark_recolours_the_preview_already_shown_and_back(
        qapp: QApplication, window: MainWindow, sample: Path, qtbot: QtBot,
        screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    page.import_box.setCurrentIndex(page.import_box.findData(3))  # the interventions: errors
    model, counts = page.model, page.counts_label
    outcomes = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert set(outcomes) == {"create", "error"}
    light = {LIGHT.create_fill, LIGHT.error_fill}
    assert set(outcome_cells(page)) == light
    every_count = {LIGHT.create_fill, LIGHT.update_fill, LIGHT.unchanged_fill,
                   LIGHT.delete_fill, LIGHT.error_fill}
    assert fills_drawn(counts) == every_count
    window.grab().save(str(screenshots / "dark-5-preview-light.png"))
    before = qapp.palette()
    qapp.setPalette(dark_palette())
    try:
        assert outcome_cells(page) == [
            DARK.create_fill if outcome == "create" else DARK.error_fill for outcome in outcomes]
        assert fills_drawn(counts) == {DARK.create_fill, DARK.update_fill, DARK.unchanged_fill,
                                       DARK.delete_fill, DARK.error_fill}
        window.grab().save(str(screenshots / "dark-5-preview-dark.png"))
        counts.grab().save(str(screenshots / "dark-5-counts-dark.png"))
    finally:
        qapp.setPalette(before)
    assert set(outcome_cells(page)) == light
    assert fills_drawn(counts) == every_count
    counts.grab().save(str(screenshots / "dark-5-counts-light.png"))
