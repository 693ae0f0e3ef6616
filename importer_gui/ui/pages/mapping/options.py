"""The mapping page's options box: the action's options and parameters, and the date format."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from importer_gui.core.binding import default_fields, fields_read_by, option_value
from importer_gui.core.catalogue import NO, PROVIDER_OPTIONS, YES, OptionDef, OptionKind
from importer_gui.core.config import Action, OptionValue
from importer_gui.core.errors import ImporterError
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import catalogue_text, field_label, field_title
from importer_gui.ui.messages_text import format_text
from importer_gui.ui.widgets.fitting_line import FittingLineEdit

DATE_FORMAT = PROVIDER_OPTIONS["dateFormat"]
# The date format's texts, as catalogue/document.py writes them, marked for the translators.
DATE_FORMAT_TEXTS = (
    QT_TRANSLATE_NOOP("catalogue", "&Date format"),
    QT_TRANSLATE_NOOP("catalogue", "Y, M, D, H, I (minutes), S and the characters / _ . : ; , - "
                                   "and space"),
)


def _unless_default(chosen: OptionValue, configured: OptionValue,
                    default: OptionValue) -> OptionValue:
    """What is written of an option or parameter shown holding ``chosen``: nothing (unset: its
    default at run time) when it is empty, or when it was unset (``configured`` None) and is
    still at its ``default``, so a configuration passing through the page is not changed."""
    if not chosen or (configured is None and chosen == default):
        return None
    return chosen


def _input_text(widget: QComboBox | QLineEdit) -> str:
    """An option's value as chosen or typed (trimmed)."""
    return widget.currentData() if isinstance(widget, QComboBox) else widget.text().strip()


def wrapping_form(box: QGroupBox) -> QFormLayout:
    """A form whose labels go above their fields when the box is short of room."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class OptionsBox:
    """The page's box of the action's options, and how Next writes them."""

    def _options_box(self, action: Action, date_format: str) -> QGroupBox:
        """The action's options, each by its kind, then the provider's date format."""
        assert self.spec is not None
        box = QGroupBox(self.tr("Options"), self.side_widget)
        form = wrapping_form(box)
        for option in self.spec.options:
            value = option_value(self.spec, action, option.name)
            if option.kind is OptionKind.FIELD_LIST:
                name = catalogue_text(option.label)
                default = ", ".join(field_title(f) for f in default_fields(option))
                label = QLabel(arg(self.tr("%1\n(default %2):"), name, default)
                               if default else arg(self.tr("%1:"), name), box)
                label.setToolTip(catalogue_text(option.description))
                form.addRow(label, self._field_list(option, value, box))
                # Its Alt+letter goes to its first box, as a line's goes to the line.
                label.setBuddy(next(iter(self.field_list_checks[option.name].values())))
            else:
                widget = self._option_input(option, value, box)
                form.addRow(self._labelled(option), widget)
        for parameter in self._parameters():
            widget = self._option_input(parameter, action.parameter(parameter.name), box)
            self.parameter_inputs[parameter.name] = self.option_inputs.pop(parameter.name)
            form.addRow(self._labelled(parameter), widget)
        self.date_format_edit = FittingLineEdit(date_format, DATE_FORMAT.default, box)
        self.date_format_edit.setObjectName(DATE_FORMAT.name)
        self.date_format_edit.setToolTip(catalogue_text(DATE_FORMAT.description))
        self._follow_hand(self.date_format_edit)
        form.addRow(self._labelled(DATE_FORMAT), self.date_format_edit)
        return box

    def _labelled(self, option: OptionDef) -> str:
        """An option's or parameter's label; a date format's says which of the action's
        fields it reads."""
        assert self.spec is not None
        label = catalogue_text(option.label) or option.name
        read = fields_read_by(self.spec, option.name)
        if read is not None:
            return self._format_label(label, read, format_text(option.default))
        return self._option_label(label, self._choice_text(option.default))

    def _option_label(self, label: str, default: str) -> str:
        """An option's label, with its default when it has one (never "(default )")."""
        return (arg(self.tr("%1 (default %2):"), label, default) if default
                else arg(self.tr("%1:"), label))

    def _format_label(self, label: str, read: tuple[str, ...], default: str) -> str:
        """A date format's label: the fields it reads, or that it reads none of this
        action's (it stays, as the configuration may give one the platform checks)."""
        if not read:
            return arg(self.tr("%1,\nfor no field of this action,\ndefault %2:"), label, default)
        fields = ", ".join(field_label(name) for name in read)
        return arg(self.tr("%1\nfor %2,\ndefault %3:"), label, fields, default)

    def _parameters(self) -> list[OptionDef]:
        """The action's simple parameters that are not also among its options."""
        assert self.spec is not None
        return [p for p in self.spec.parameters if self.spec.option(p.name) is None]

    def _option_input(self, option: OptionDef, value: object,
                      box: QWidget) -> QComboBox | QLineEdit:
        """A combo of the option's choices, or a line for free text."""
        text = value if isinstance(value, str) else option.default
        widget: QComboBox | QLineEdit
        if option.choices:
            widget = QComboBox(box)
            for choice in option.choices:
                widget.addItem(self._choice_text(choice), choice)
            widget.setCurrentIndex(max(widget.findData(text), 0))
        else:
            widget = FittingLineEdit(text, option.default, box)
        widget.setObjectName(option.name)
        widget.setToolTip(catalogue_text(option.description))
        self._follow_hand(widget)
        self.option_inputs[option.name] = widget
        return widget

    def _choice_text(self, choice: str) -> str:
        """An option's value as people read it (the configuration keeps the value)."""
        return {YES: self.tr("yes"), NO: self.tr("no")}.get(choice, choice)

    def _save_options(self, action: Action) -> None:
        """Each option as chosen; one still at its default and never set stays unset."""
        assert self.spec is not None
        for option in self.spec.options:
            if option.kind is OptionKind.FIELD_LIST:
                chosen: OptionValue = self._ticked(option, action)
                if not chosen and option.mandatory:
                    raise ImporterError(catalogue_text(option.none_chosen))
            else:
                chosen = _input_text(self.option_inputs[option.name])
            action.set_option(option.name, self._written(action, option, chosen))
        for parameter in self._parameters():
            text = _input_text(self.parameter_inputs[parameter.name])
            written = _unless_default(text, action.parameters.get(parameter.name),
                                      parameter.default)
            if written is None:
                action.parameters.pop(parameter.name, None)
            else:
                action.parameters[parameter.name] = text

    def _ticked(self, option: OptionDef, action: Action) -> list[str]:
        """A field list's fields as its boxes are ticked now, those ``action`` lists in its
        order (the first filled one is searched by and named in messages), then the others."""
        checks = self.field_list_checks.get(option.name, {})
        ticked = [name for name, check in checks.items() if check.isChecked()]
        listed = action.option(option.name)
        order = listed if isinstance(listed, list) else []
        return sorted(ticked, key=lambda name: order.index(name) if name in order else len(order))

    def _written(self, action: Action, option: OptionDef, chosen: OptionValue) -> OptionValue:
        """An option as Next writes it into ``action``: what the page shows it holds, unless
        that is its default and ``action`` leaves it unset (it stays so)."""
        assert self.spec is not None
        default = option_value(self.spec, Action(self.spec.name), option.name)
        return _unless_default(chosen, action.option(option.name), default)
