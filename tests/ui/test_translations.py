"""French and English: every window text has its French, and the language is the user's."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import ACTIONS, PROVIDER_OPTIONS
from importer_gui.core.catalogue.actions import CATALOGUE
from importer_gui.core.issues import Outcome
from importer_gui.core.store import WAITING_MADE
from importer_gui.ui import language
from importer_gui.ui.labels import catalogue_text, column_title, field_title
from importer_gui.ui.language import (
    ENGLISH,
    FRENCH,
    LANGUAGES,
    SYSTEM,
    choose_language,
    chosen_language,
    install_translators,
    language_menu,
    remove_translators,
    restart_notice,
)
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.models.preview_model import outcome_label
from importer_gui.ui.settings import settings_path
from importer_gui.ui.widgets.progress import is_wait, step_text
from tests.conftest import spoken

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "importer_gui" / "ui" / "translations" / "import_assistant_fr.ts"
# English's plural forms only: a count's text is written once, "%n row(s)".
ENGLISH_TS = TS.with_name("import_assistant_en.ts")
PLACEHOLDER = re.compile(r"%L?n|%[1-9][0-9]?")


def messages(ts: Path) -> list[tuple[str, ElementTree.Element]]:
    """(context, message) for every message lupdate keeps current (not vanished ones)."""
    found = []
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            kind = message.find("translation").get("type")  # type: ignore[union-attr]
            if kind not in ("vanished", "obsolete"):
                found.append((name, message))
    return found


def translations_of(message: ElementTree.Element) -> list[str]:
    """The translation, or each plural form of it."""
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [translation.text or ""]


def updated_messages(ts: Path, folder: Path, *options: str
                     ) -> list[tuple[str, ElementTree.Element]]:
    """The messages of a copy of ``ts`` brought up to date with the package as it is now:
    a new text is "unfinished" until translated."""
    updated = folder / ts.name
    shutil.copy(ts, updated)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), "-silent", "-extensions", "py", "-locations", "none",
                    *options, str(ROOT / "importer_gui"), "-ts", str(updated)], check=True)
    return messages(updated)


def test_every_marked_string_has_its_french(tmp_path: Path) -> None:
    found = updated_messages(TS, tmp_path)
    # A context-less text is a tr() outside a class, or i18n.tr given a literal: lupdate
    # misreads both (write translate("Context", "…") instead).
    assert [m.findtext("source") for context, m in found if not context] == []
    unfinished = [f"{context}: {m.findtext('source')!r}" for context, m in found
                  if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
                  or not all(translations_of(m))]
    assert unfinished == [], (f"{len(unfinished)} text(s) without French; run `make "
                              f"translations` and translate them in {TS.name}")


def test_every_count_has_its_english_singular_and_plural(tmp_path: Path) -> None:
    found = updated_messages(ENGLISH_TS, tmp_path, "-pluralonly")
    unfinished = [f"{context}: {m.findtext('source')!r}" for context, m in found
                  if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
                  or not all(translations_of(m))
                  or any(re.search(r"\((e?s)\)", form) for form in translations_of(m))]
    assert unfinished == [], (f"{len(unfinished)} count(s) without their English forms; run "
                              f"`make translations` and write them in {ENGLISH_TS.name}")


def test_french_words_agree_with_their_count_and_gender() -> None:
    """« 1 supprimé », « 2 supprimés », never « supprimé(s) » nor « créé(e) »: a count is a
    %n text of its own, or the wording needs no agreement."""
    hedged = [(context, text) for context, message in messages(TS)
              for text in translations_of(message) if re.search(r"\w\((e|s|es|x)\)", text)]
    assert hedged == []


@pytest.mark.parametrize("ts", [TS, ENGLISH_TS], ids=["French", "English"])
def test_translations_keep_placeholders_and_one_mnemonic(ts: Path) -> None:
    wrong = []
    for context, message in messages(ts):
        source = message.findtext("source") or ""
        markers = sorted(PLACEHOLDER.findall(source))
        for text in translations_of(message):
            if sorted(PLACEHOLDER.findall(text)) != markers or \
                    text.replace("&&", "").count("&") > 1:
                wrong.append((context, source, text))
    assert wrong == []


# French typography as the window writes it: a no-break space before : ; ? ! and inside « »,
# and the straight apostrophe (’ only as a character a message is about, never inside a word).
TYPOGRAPHY = {
    "space before : ; ? !": re.compile(r"\w ?[:;?!](?=\s|$)"),
    "space inside « »": re.compile(r"«(?!\u00a0)|(?<!\u00a0)»"),
    "curly apostrophe": re.compile(r"\w’\w"),
}


def test_french_follows_one_typography() -> None:
    wrong = [(rule, text) for _context, message in messages(TS)
             for text in translations_of(message)
             for rule, pattern in TYPOGRAPHY.items() if pattern.search(text)]
    assert wrong == []


# One French word for each thing the window names, whatever text names it.
VOCABULARY = {"« base » for the store": re.compile(r"\bstockage\b", re.IGNORECASE),
              "« feuille » for a sheet": re.compile(r"\bfeuilles? de calcul\b", re.IGNORECASE)}


def test_french_names_each_thing_with_one_word() -> None:
    wrong = [(rule, text) for _context, message in messages(TS)
             for text in translations_of(message)
             for rule, pattern in VOCABULARY.items() if pattern.search(text)]
    assert wrong == []


def test_french_says_revert_with_defaire_never_annuler() -> None:
    """« Annuler » is the Cancel beside the revert's « Défaire »: a revert is never it."""
    wrong = [text for _context, message in messages(TS)
             if re.search(r"\brevert", source := message.findtext("source") or "", re.I)
             and not re.search(r"cancel", source, re.I)
             for text in translations_of(message) if re.search(r"annul", text, re.I)]
    assert wrong == []


def catalogue_texts() -> set[str]:
    """Every catalogue text the window shows."""
    texts: set[str] = set()
    for spec in ACTIONS.values():
        texts |= {spec.label, spec.summary}
        texts |= {t for f in spec.fields for t in (f.label, f.description)}
        texts |= {t for o in spec.options for t in (o.label, o.description, o.none_chosen)}
    texts |= {t for o in PROVIDER_OPTIONS.values() if o.label for t in (o.label, o.description)}
    return texts - {""}


def test_every_catalogue_text_the_window_shows_is_translated() -> None:
    translated = {m.findtext("source") for context, m in messages(TS)
                  if context == CATALOGUE and all(translations_of(m))}
    assert sorted(catalogue_texts() - translated) == []


def test_fields_read_in_french_with_their_name_second(french: None) -> None:
    assert field_title("sessionTitle") == "Titre de la session — sessionTitle"
    assert column_title("session", "start_date") == (
        "Date de début de la session — sessionStartDate")
    assert catalogue_text(ACTIONS["createOrUpdateSessionAction"].label) == (
        "Sessions de formation")
    assert outcome_label(Outcome.UPDATE) == "mise à jour"
    assert step_text("Checking sessions.xlsx") == "Vérification du fichier sessions.xlsx"


def test_the_wait_for_a_store_being_made_reads_in_french(french: None) -> None:
    store = Path("/data/store.sqlite3")
    waiting = WAITING_MADE.format(path=store)
    assert is_wait(waiting)
    assert step_text(waiting) == (f"En attente d'un autre programme, qui crée la base {store}…")


def test_a_field_reads_in_the_language_spoken_since_the_last_switch(
        english: None, qapp: QApplication, translations: Path) -> None:
    assert field_title("sessionTitle") == "Session title — sessionTitle"
    with spoken(qapp, FRENCH, translations):
        assert field_title("sessionTitle") == "Titre de la session — sessionTitle"
    assert field_title("sessionTitle") == "Session title — sessionTitle"


def test_dates_and_numbers_follow_the_language(french: None) -> None:
    text = LocaleText()
    assert QLocale().language() == QLocale.Language.French
    assert text.date(date(2024, 5, 2)) == "02/05/2024"
    assert text.cell(datetime(2024, 5, 2, 9, 30)) == "02/05/2024 09:30"
    assert text.cell("2024-05-02") == "2024-05-02"  # text is shown as the file has it
    assert text.number(1234) == "1\u202f234"


def test_without_a_locale_dates_stay_iso() -> None:
    text = LocaleText(QLocale.c())
    assert text.cell(datetime(2024, 5, 2, 9, 30)) == "2024-05-02T09:30:00"
    assert text.stored(datetime(2024, 5, 2, 9, 30)) == "2024-05-02 09:30"
    assert text.number(1234) == "1234"


def test_english_is_the_source_and_a_missing_translation_means_english(
        qapp: QApplication, tmp_path: Path) -> None:
    try:
        assert install_translators(qapp, FRENCH, tmp_path) == ENGLISH  # no .qm there
        assert field_title("sessionTitle") == "Session title — sessionTitle"
        assert install_translators(qapp, ENGLISH) == ENGLISH
        assert step_text("Checking sessions.xlsx") == "Checking sessions.xlsx"
    finally:
        remove_translators(qapp)


def test_the_choice_is_remembered_in_the_settings_file() -> None:
    assert chosen_language() == SYSTEM
    choose_language(FRENCH)
    assert chosen_language() == FRENCH
    assert "[language]" in settings_path().read_text(encoding="utf-8")
    assert language.wanted_language() == FRENCH
    choose_language(SYSTEM)
    assert chosen_language() == SYSTEM
    assert language.wanted_language() == language.system_language()


def test_the_language_menu_switches_for_the_next_start_and_says_so_in_that_language(
        qtbot: QtBot, translations: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(language, "translation_file",
                        lambda code: translations / f"import_assistant_{code}.qm")
    menu = language_menu(parent)
    actions = menu.actions()
    system = LANGUAGES[language.system_language()]
    assert [a.text() for a in actions] == [f"&System language ({system})", "&English",
                                           "&Français"]
    assert actions[0].isChecked()
    actions[2].trigger()
    assert chosen_language() == FRENCH
    assert said == ["Import Assistant parlera cette langue dès son prochain démarrage."]
    assert language_menu(parent).actions()[2].isChecked()  # the next menu shows the choice
    actions[1].trigger()  # English, which the window already speaks: nothing to say
    assert chosen_language() == ENGLISH and len(said) == 1
    assert restart_notice(ENGLISH) == (
        "Import Assistant will speak this language from its next start.")
