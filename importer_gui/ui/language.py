"""The window's language: French or English, the system's unless the user chose one.

The choice is kept in the settings' INI file under ``[language]`` and takes effect at the
next start: every page is built with its texts, and rebuilding them all while the user is
half-way through an import would lose their work: until then the menu says which language
is in use now and which comes at the next start. A choice the settings file cannot take
(a read-only folder, a full disk), or a language whose translation is missing, is said not
to be kept, and the menu keeps the one that is. Translations are compiled from
``importer_gui/ui/translations/*.ts`` into ``resources/translations/`` by the set-up and the
packaging; without them, the window speaks English.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from importer_gui.core import atomic
from importer_gui.core.errors import system_reason
from importer_gui.core.paths import readable
from importer_gui.resources import resource_path
from importer_gui.ui import labels, messages_text
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.settings import settings_path

log = logging.getLogger(__name__)

ENGLISH = "en"
FRENCH = "fr"
SYSTEM = ""  # no choice made: follow the system's locale
# Each language by its own name, as people look for it in a menu.
LANGUAGES: dict[str, str] = {ENGLISH: "English", FRENCH: "Français"}
SOURCE_LANGUAGE = ENGLISH  # the language the source strings are written in
CATALOGUE_NAME = "import_assistant"  # import_assistant_fr.qm, import_assistant_en.qm
QT_CATALOGUES = ("qtbase",)  # Qt's own words: wizard buttons, dialog buttons, file dialogs
_KEY = "language/ui"
_CONTEXT = "Language"
# Said in the language just chosen, whichever the window speaks now.
RESTART_NOTICE = QT_TRANSLATE_NOOP(
    "Language", "Import Assistant will speak this language from its next start.")

# Said instead, in the same language, when the settings file cannot be written: %1 is
# the file, %2 the system's reason.
NOT_KEPT_NOTICE = QT_TRANSLATE_NOOP(
    "Language", "Import Assistant cannot remember this language for its next start: its "
                "settings file %1 cannot be written (%2).")
NOT_KEPT_UNSAID_NOTICE = QT_TRANSLATE_NOOP(
    "Language", "Import Assistant cannot remember this language for its next start: its "
                "settings file %1 cannot be written.")

_installed: list[QTranslator] = []


# --- the choice --------------------------------------------------------------------------------

def _store(path: Path | None = None) -> QSettings:
    """The settings' INI file (the same one as the recent files)."""
    path = path or settings_path()
    # QSettings makes the folder when it first writes (see Settings): none is made here.
    return QSettings(str(path), QSettings.Format.IniFormat)


def chosen_language(path: Path | None = None) -> str:
    """The language the user chose, or SYSTEM."""
    value = _store(path).value(_KEY, SYSTEM)
    return value if isinstance(value, str) and value in LANGUAGES else SYSTEM


def choose_language(language: str, path: Path | None = None) -> bool:
    """Remember ``language`` (or SYSTEM) for the next start; False when the settings file
    cannot be written (a read-only folder, a full disk)."""
    store = _store(path)
    before = chosen_language(path)
    _put(store, language)
    store.sync()
    if store.status() == QSettings.Status.NoError:
        return True
    # Not in the file: nor in the copy of it this process reads (QSettings shares one), or
    # the menu would show the choice as kept.
    _put(store, before)
    return False


def _put(store: QSettings, language: str) -> None:
    """``language`` as the choice in ``store``; SYSTEM as no choice."""
    if language == SYSTEM:
        store.remove(_KEY)
    else:
        store.setValue(_KEY, language)


def system_language() -> str:
    """The system's language if the window speaks it, else English."""
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else ENGLISH


def wanted_language(path: Path | None = None) -> str:
    """The language to start in: the user's choice, else the system's."""
    return chosen_language(path) or system_language()


# --- translators -------------------------------------------------------------------------------

def translation_file(language: str) -> Path:
    """Where the compiled translation of ``language`` is (it may not exist)."""
    return resource_path("translations", f"{CATALOGUE_NAME}_{language}.qm")


def install_translators(app: QCoreApplication, language: str | None = None,
                        folder: Path | None = None) -> str:
    """Speak ``language`` (the wanted one by default); the language actually spoken.

    Dates and numbers follow it too (``QLocale()``). A missing translation means English;
    English has one too, for its plural forms only.
    """
    remove_translators(app)
    folder = folder or translation_file(SOURCE_LANGUAGE).parent
    language = language or wanted_language()
    if language != SOURCE_LANGUAGE:
        ours = _translator(app, folder / f"{CATALOGUE_NAME}_{language}.qm")
        if ours is None:
            log.warning("No %s translation found: the window speaks English", language)
            language = SOURCE_LANGUAGE
        else:
            _installed.append(ours)
            qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            for catalogue in QT_CATALOGUES:
                qt = _translator(app, qt_folder / f"{catalogue}_{language}.qm")
                if qt is not None:
                    _installed.append(qt)
    if language == SOURCE_LANGUAGE:
        _install_english_plurals(app, folder)
    QLocale.setDefault(_locale(language))
    _forget_texts()  # the texts cached speak the language before
    log.info("The window speaks %s (%s)", language, QLocale().name())
    return language


def _install_english_plurals(app: QCoreApplication, folder: Path) -> None:
    """English's own plural forms ("1 record", "2 records"): a text with a count is written
    once, "%n record(s)", and only a translation chooses its form for the count."""
    plurals = _translator(app, folder / f"{CATALOGUE_NAME}_{SOURCE_LANGUAGE}.qm")
    if plurals is None:
        log.warning("No English plural forms found: counts read \"record(s)\"")
    else:
        _installed.append(plurals)


def _translator(app: QCoreApplication, path: Path) -> QTranslator | None:
    """A translator installed from ``path``, or None when it cannot be loaded."""
    translator = QTranslator(app)
    if not translator.load(str(path)):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator


def remove_translators(app: QCoreApplication) -> None:
    """Back to the source language (English) and the system's locale."""
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())
    _forget_texts()


def _forget_texts() -> None:
    """Forget the messages and field titles worked out in the language spoken until now."""
    messages_text.clear_cache()
    labels.forget_titles()


def _locale(language: str, system: QLocale | None = None) -> QLocale:
    """The system's locale when it speaks ``language`` (keeping its country), else the
    language's own. A system without a locale (C, POSIX, C.UTF-8) keeps the C locale for
    English, the language of its messages: ISO 8601 dates and plain numbers, rather than
    the United States' month first."""
    system = system if system is not None else QLocale.system()
    if system.language() == QLocale.Language.C and language == SOURCE_LANGUAGE:
        return QLocale.c()
    if system.name().split("_")[0] == language:
        return system
    return QLocale(language)


def current_language() -> str:
    """The language the window speaks now."""
    name = QLocale().name().split("_")[0]
    return name if name in LANGUAGES else SOURCE_LANGUAGE


# --- the menu ----------------------------------------------------------------------------------

def language_menu(parent: QWidget) -> QMenu:
    """Language ▸ System language, English, Français: the choice applies at the next start."""
    menu = QMenu(translate("Language", "&Language"), parent)
    group = QActionGroup(menu)
    group.setExclusive(True)
    for code in (SYSTEM, *LANGUAGES):
        action = QAction(menu)
        action.setCheckable(True)
        action.setData(code)
        action.triggered.connect(lambda _=False, c=code: _switch(parent, c, group))
        group.addAction(action)
        menu.addAction(action)
    _mark(group)
    return menu


def _mark(group: QActionGroup) -> None:
    """Check the choice kept; while it waits for the next start, say so beside it and mark
    the language the window speaks now, or say that it cannot be spoken."""
    chosen = chosen_language()
    target, spoken = chosen or system_language(), current_language()
    for action in group.actions():
        code = action.data()
        text = _entry_text(code)
        if target != spoken and code == chosen:
            text = arg(translate("Language", "%1 — from the next start") if usable(target)
                       else translate("Language", "%1 — translation missing"), text)
        elif target != spoken and code == spoken:
            text = arg(translate("Language", "%1 — in use now"), text)
        action.setText(text)
        action.setChecked(code == chosen)


def _entry_text(code: str) -> str:
    """A language's item: its own name, or the system's choice and the language it is."""
    if code == SYSTEM:
        return arg(translate("Language", "&System language (%1)"), LANGUAGES[system_language()])
    return f"&{LANGUAGES[code]}"


def usable(language: str) -> bool:
    """Whether the window can speak ``language``: English always, another with its
    translation file (without it the window would start in English)."""
    return language == SOURCE_LANGUAGE or QTranslator().load(str(translation_file(language)))


def _switch(parent: QWidget, language: str, group: QActionGroup) -> None:
    """Remember the choice; say, in the language chosen, when it takes effect, or that it
    cannot be remembered or spoken (the window changes language only at a start): the menu
    then checks the choice kept, and says which waits for the next start."""
    target = language or system_language()
    if not usable(target):  # kept, it would promise a language the next start cannot speak
        _mark(group)
        QMessageBox.warning(parent, LANGUAGES[target], missing_notice(target))
        return
    kept = choose_language(language)
    _mark(group)
    if not kept:
        QMessageBox.warning(parent, LANGUAGES[target], not_kept_notice(target, settings_path()))
    elif target != current_language():
        QMessageBox.information(parent, LANGUAGES[target], restart_notice(target))


def missing_notice(language: str) -> str:
    """That ``language`` cannot be spoken, its translation file missing: said in the
    window's language, since that one cannot be."""
    return arg(translate("Language", "Import Assistant cannot speak this language: its "
                                     "translation file %1 is missing."),
               readable(translation_file(language)))


def restart_notice(language: str) -> str:
    """That the window speaks ``language`` from the next start, said in ``language``."""
    return _said_in(language, _CONTEXT, RESTART_NOTICE)


def not_kept_notice(language: str, settings: Path) -> str:
    """That ``language`` cannot be remembered, the file ``settings`` not written, and why
    where the system tells, said in ``language``."""
    refused = atomic.refusal(settings)
    if refused is None:
        return arg(_said_in(language, _CONTEXT, NOT_KEPT_UNSAID_NOTICE), readable(settings))
    return arg(_said_in(language, _CONTEXT, NOT_KEPT_NOTICE), readable(settings),
               _said_in(language, "errors", system_reason(refused)))


def _said_in(language: str, context: str, text: str) -> str:
    """``text`` of ``context`` in ``language``, whichever the window speaks now; as it is
    where that language's translation is missing."""
    if language == SOURCE_LANGUAGE:
        return text
    translator = QTranslator()
    if not translator.load(str(translation_file(language))):
        return text
    return translator.translate(context, text) or text
