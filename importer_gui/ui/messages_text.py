"""Our core's messages in the user's language; the platform's too in the window, never in files.

The core is Qt-free and writes its messages in English, filled from templates: the
catalogue's row messages (``core/catalogue/messages.py``, marked ``QT_TRANSLATE_NOOP("messages",
…)``) and the errors' (marked ``QT_TRANSLATE_NOOP("errors", …)``, which also records them in
``core/errors.py``). The window recognises which template produced a message (a pattern made
once per template from its ``{placeholders}``), translates the template in its context and
fills the same values in. A message of the platform's (``messages.PLATFORM``) stays as it is in
what is written (users search the platform's documentation and logs for those words); a row's
message in the window (``row_message_text``) is translated, its words ``platform_words`` away;
a row's message opening with its field ("Field {field}: …") opens there with the field's title,
as the window names fields elsewhere (files keep the words).
A message no template produced is shown as it is. Only the
messages shown are recognised, once each (cached); an error's "file:line" stays in front.
When two templates of ours fit, the one with more words of its own wins. A few core messages
naming a store's table and column are worded by the window itself, in English too
(``_OWN_WORDS``): it names the record's kind and the field as it shows them elsewhere.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable
from functools import cache, lru_cache, reduce
from itertools import chain

from importer_gui.core import binding, errors, file_kind, revert, store  # noqa: F401 - marks templates
from importer_gui.core.catalogue import messages
from importer_gui.core.catalogue.columns import table_of_kind
from importer_gui.core.issues import Issue, Level
from importer_gui.core.paths import readable
from importer_gui.core.reports import WorkbookWords
from importer_gui.core.store import holders, writer
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.labels import (
    another_record,
    column_title,
    feminine,
    field_label,
    field_title,
    has_label,
    table_name,
    the_kind,
)

CONTEXT = "messages"  # the catalogue's row messages
PLATFORM_CONTEXT = "platform"  # the platform's own, word for word from its documentation
CACHED = 4096  # distinct messages remembered: a screenful of rows and the summary's list

# Constants of the catalogue's messages module that are data, not messages: the title the
# platform gives a session it renames is the platform's, in every language.
DATA = ("SESSION_FOR",)

# "Learning object 3", "Teacher 'zoe'" (a record by its label, quoted as Python does)
_NAMED = re.compile(r"(?P<table>[A-Za-z_ ]+?) (?P<id>-?\d+|'.*'|\".*\")", re.DOTALL)
_BY = re.compile(r" (?:by |\()runs? (?P<runs>[\d, and]+)\)?")
# Another record in a message, by its id or its label quoted as Python does ('zoe').
_RECORD = r"-?\d+|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\""
# One record of a list ("session 'May' (run 5)", "registration 3", "2 more") and what follows
# it: a label may hold ", " and " and " itself.
_LISTED = re.compile(rf"(?:(?P<kind>[a-z_ ]+?) (?P<id>{_RECORD})(?P<by> \(runs? [\d, and]+\))?"
                     r"|(?P<more>\d+) more)(?:, | and |\Z)", re.DOTALL)
# What a placeholder holds, where any text would split two side by side wrongly ("{kind}
# {holder}": "learning object 'LO-1'"; "{referrers} {verb}": "session 'A and B' refers").
# A run is a number: "{run}{later}" then parts at its end ("run 3 by run 5").
_SHAPES = {"holder": _RECORD, "ref": _RECORD, "verb": r"[a-z]+", "run": r"-?\d+"}


class Template:
    """One template and the pattern of the messages it gives (its placeholders as groups).

    The patterns are compiled when first tried: a message is tried only against templates
    whose anchor it holds, and compiling all of them (hundreds) held up the first paint of
    a check's summary.
    """

    __slots__ = ("_pattern", "_source", "_tail", "anchor", "context", "names", "text",
                 "weight")

    def __init__(self, text: str, context: str = CONTEXT) -> None:
        self.text = text
        self.context = context
        self.names: list[str] = []
        pattern = []
        literals = []
        for literal, name, _spec, _conversion in string.Formatter().parse(text):
            pattern.append(re.escape(literal))
            literals.append(literal)
            if name is None:
                continue
            if name in self.names:
                pattern.append(f"(?P={name})")
            else:
                self.names.append(name)
                pattern.append(f"(?P<{name}>{_SHAPES.get(name, '.*?')})")
        self._source = "".join(pattern)
        self._pattern: re.Pattern[str] | None = None
        self._tail: re.Pattern[str] | None = None
        # Its longest words: a message without them cannot be its, and looking for them is
        # far cheaper than trying the pattern.
        self.anchor = max(literals, key=len, default="")
        # Of two templates that fit a message, the one with more of its own words says more
        # ("no learner has the login {value}" rather than "no learner has {value}").
        self.weight = sum(map(len, literals))

    @property
    def pattern(self) -> re.Pattern[str]:
        """The messages this template gives."""
        if self._pattern is None:
            self._pattern = re.compile(self._source, re.DOTALL)
        return self._pattern

    @property
    def tail(self) -> re.Pattern[str]:
        """This template's message ending a longer text."""
        if self._tail is None:
            self._tail = re.compile(self._source + r"\Z", re.DOTALL)
        return self._tail


def _is_template(name: str, value: object) -> bool:
    return name.isupper() and name not in DATA and isinstance(value, str) and "{" in value


@cache
def _catalogue_templates() -> tuple[list[Template], list[Template]]:
    """(the platform's, ours) of the catalogue's messages."""
    everything = {v for k, v in vars(messages).items() if _is_template(k, v)}
    platform = [Template(t, PLATFORM_CONTEXT) for t in sorted(messages.PLATFORM)]
    ours = [Template(t) for t in sorted(everything - messages.PLATFORM)]
    plain = {v for k, v in vars(messages).items()
             if k.isupper() and k not in DATA and isinstance(v, str) and "{" not in v and v}
    ours += [Template(t) for t in sorted(plain - messages.PLATFORM)]
    return platform, ours


def templates() -> tuple[list[Template], list[Template]]:
    """(the platform's, ours): every template a message may come from."""
    platform, ours = _catalogue_templates()
    return platform, ours + _error_templates()


def recognise(message: str) -> tuple[Template, dict[str, str]] | None:
    """Our template that produced ``message`` and its values; None for the platform's
    messages and for messages no template of ours produced."""
    platform, ours = templates()
    if _platform_fit(message, platform) is not None:
        return None
    fitting = [(t, found) for t in ours if t.anchor in message
               and (found := t.pattern.fullmatch(message)) is not None]
    if not fitting:
        return None
    template, found = max(fitting, key=lambda fit: fit[0].weight)
    return template, found.groupdict()


def _platform_fit(message: str, platform: list[Template]
                  ) -> tuple[Template, re.Match[str]] | None:
    """The platform's template ``message`` is, and the match; None for any other message."""
    return next(((t, found) for t in platform if t.anchor in message
                 and (found := t.pattern.fullmatch(message)) is not None), None)


@lru_cache(maxsize=CACHED)
def row_message_text(message: str) -> str:
    """A row's message as the window shows it: the platform's in the user's language too,
    the field it opens with by its title (``_titled_first``)."""
    message = readable(message)
    platform = _catalogue_templates()[0]
    fit = _platform_fit(message, platform)
    if fit is not None:
        template, found = fit
        values = {name: _PLATFORM_VALUES.get(name, str)(value)
                  for name, value in found.groupdict().items()}
    else:
        ours = recognise(message)
        if ours is None or _OPENS_WITH_FIELD.match(ours[0].text) is None:
            return message_text(message)
        template = ours[0]
        values = {name: _value_text(name, value) for name, value in ours[1].items()}
    translated = translate(template.context, template.text)
    text = _titled_first(template, translated, values)
    if text == template.text:  # English without a title to put in, or no translation yet
        return message
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return message


# A message that opens by naming its field ("Field {field}: …", "Field {end_field}: …").
_OPENS_WITH_FIELD = re.compile(r"Field \{(?P<name>\w+)\}")


def _titled_first(template: Template, text: str, values: dict[str, str]) -> str:
    """``text``, ``template`` in the user's language, opening with the field's title where
    the language's words for the field were ("Champ {field} :" → "Date de fin de la session
    — sessionEndDate :"), as the window names fields elsewhere; a field without a label keeps
    them. Its later mentions keep its name, as the configuration writes it."""
    opening = _OPENS_WITH_FIELD.match(template.text)
    if opening is None:
        return text
    name = values.get(opening["name"], "")
    placeholder = "{" + opening["name"] + "}"
    at = text.find(placeholder)
    if not has_label(name) or at < 0 or "{" in text[:at]:
        return text
    title = field_title(name).replace("{", "{{").replace("}", "}}")
    return title + text[at + len(placeholder):]


def platform_words(message: str) -> str | None:
    """"Platform's message: …", the platform's own words, where the window shows a row's
    message in other words (they are what its documentation and logs say); else None."""
    message = readable(message)
    if row_message_text(message) == message or _platform_fit(
            message, _catalogue_templates()[0]) is None:
        return None
    return arg(translate("messages", "Platform's message: %1"), message)


_errors: dict[str, Template] = {}


def _error_templates() -> list[Template]:
    """The error templates marked so far (a module's are marked when it is imported)."""
    if errors.marked_count() != len(_errors):
        for text, context in errors.marked_templates().items():
            if text not in _errors:
                _errors[text] = Template(text, context)
    return list(_errors.values())


@lru_cache(maxsize=CACHED)
def message_text(message: str) -> str:
    """A row's message, or an error's line, in the user's language (see the module)."""
    message = readable(message)  # a file name's bytes that are no UTF-8: Qt would drop them
    found = recognise(message)
    if found is None:
        return _after_place(message)
    template, values = found
    own = _OWN_WORDS.get(template.text)
    if own is not None:
        return own(values)
    translated = _agreeing(template.text, values["subject"]) if template.text in _AGREEING \
        else translate(template.context, template.text)
    if translated == template.text:  # English, or no French yet
        return message
    said = {name: _value_text(name, value, template.text) for name, value in values.items()}
    if "subject" in values and not translated.startswith("{subject}"):
        said["subject"] = _record_name(values["subject"], within=True)
    try:
        return translated.format(**said)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return message


def message_kind(message: str) -> str:
    """The template of ours ``message`` was made from (the message itself when none): two
    messages of one kind differ only in their values."""
    found = recognise(readable(message))
    return message if found is None else found[0].text


def system_reason_text(exc: BaseException) -> str:
    """Why the system refused, in the user's language when our words say it
    (``errors.system_reason``)."""
    return message_text(errors.system_reason(exc))


def os_error_words(exc: BaseException) -> str | None:
    """``errors.refused_path_text`` ("FILE: reason.") in the user's language; None for an
    error naming no file."""
    if isinstance(exc, OSError) and errors.os_error_text(exc) is not None:
        return arg(translate("messages", "%1: %2."), exc.filename, system_reason_text(exc))
    said = errors.unnamable_text(exc)
    return None if said is None else message_text(said)


def _after_place(message: str, tries: int = 3) -> str:
    """An error's "file:line: message" with its message translated when it is ours."""
    start = 0
    for _ in range(tries):
        cut = message.find(": ", start)
        if cut < 0:
            break
        rest = message[cut + 2:]
        if recognise(rest) is not None:
            return placed(message[:cut], message_text(rest))
        start = cut + 2
    return message


def placed(place: str, text: str) -> str:
    """A message after the file (and line) it is about, "file:line: message", with the colon
    the user's language writes (French puts a space before it)."""
    return arg(translate("messages", "%1: %2"), place, text)


def _value_text(name: str, value: str, template: str = "") -> str:
    """A value put back into a translated message: our own words inside it translated."""
    if name == "kind" and template in _kind_named():  # "{kind} {holder}": "la salle 'Blue'"
        return _kind_with_article(value)
    if name in _RECORDS and template in _registered():  # "Learner 'l0'": « l0 »
        return _quoted(value)
    change = _VALUE_WORDS.get(name)
    return change(value) if change is not None else _with_phrase(value)


def _with_phrase(value: str) -> str:
    """A value ending with a phrase of ours (" in room B12", a template starting with a
    space) with that phrase translated: two placeholders side by side ("{start}{room}")
    cannot tell where one value ends and the next begins."""
    for phrase in _phrases():
        found = phrase.tail.search(value)
        if found is not None:
            return value[:found.start()] + message_text(found.group(0))
    return value


def format_text(date_format: str) -> str:
    """A date (and time) format as the window shows it (``messages.shown_format``), what
    its II stands for in the user's language."""
    return _with_phrase(messages.shown_format(date_format))


def _phrases() -> list[Template]:
    """Our templates that are phrases put at the end of a value."""
    return [t for t in templates()[1] if t.text.startswith(" ")]


def _record_name(value: str, *, within: bool = False) -> str:
    """"Session 12", "Teacher 'zoe'" in the user's language; ``within`` a sentence (not
    opening it), with its article: "la session 12"."""
    found = _NAMED.fullmatch(value)
    table = table_of_kind(found["table"]) if found is not None else None
    if found is None or table is None:
        return value
    kind = the_kind(table) if within else table_name(table)
    return arg(translate("messages", "%1 %2"), kind, _quoted(found["id"]))


def _kind_with_article(value: str) -> str:
    """A record's kind ("learning object") with its article, in the user's language."""
    table = table_of_kind(value)
    return value if table is None else the_kind(table)


def _table_word(value: str) -> str:
    """A record's kind ("learning object") in the user's language, lower case."""
    table = table_of_kind(value)
    return value if table is None else table_name(table).lower()


def _runs(value: str) -> str:
    """" by run 5" / " (runs 5 and 7)" in the user's language."""
    found = _BY.fullmatch(value)
    if found is None:
        return value
    numbers = re.split(r", | and ", found["runs"])
    listed = joined(numbers)
    if value.startswith(" ("):
        if len(numbers) > 1:
            return " " + arg(translate("messages", "(runs %1)"), listed)
        return " " + arg(translate("messages", "(run %1)"), listed)
    if len(numbers) > 1:
        return " " + arg(translate("messages", "by runs %1"), listed)
    return " " + arg(translate("messages", "by run %1"), listed)


def joined(words: list[str]) -> str:
    """"a", "a and b", "a, b and c", in the user's language."""
    if len(words) < 2:
        return "".join(words)
    return arg(translate("messages", "%1 and %2"), ", ".join(words[:-1]), words[-1])


def _shown(value: str) -> str:
    """A value as the revert shows it: "empty" in the user's language."""
    return translate("messages", "empty") if value == "empty" else value


def _nested(value: str) -> str:
    """A value that is itself one of our messages ("session X")."""
    return message_text(value)


def _plain(value: str) -> str:
    """A value that may be one of our fixed phrases ("the top of the tree"), else data."""
    return message_text(value) if value in _plain_texts() else value


def _reason(value: str) -> str:
    """A reason: a fixed phrase, or a message of ours in its own right (a guess's reason)."""
    if value in _plain_texts() or recognise(value) is not None:
        return message_text(value)
    if "; " in value:  # what each of a host's addresses answered (core/sftp.py), each said
        return reduce(lambda said, more: arg(translate("messages", "%1; %2"), said, more),
                      map(_reason, value.split("; ")))
    return value


@cache
def _plain_texts() -> frozenset[str]:
    """Our fixed phrases: templates without placeholders."""
    return frozenset(t.text for t in _catalogue_templates()[1] if "{" not in t.text)


def _quoted(value: str) -> str:
    """A text value the core quoted as Python does ('jdoe'), in the language's quotes."""
    try:
        plain = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value
    return arg(translate("messages", "'%1'"), plain) if isinstance(plain, str) else value


def _names(value: str) -> str:
    """"session 'May' (run 5), session 4 and 2 more", in the user's language."""
    shown = []
    at = 0
    while at < len(value):
        found = _LISTED.match(value, at)
        if found is None or found.end() == at:
            return value
        at = found.end()
        if found["more"] is not None:
            shown.append(arg(translate("messages", "%1 more"), found["more"]))
            continue
        name = arg(translate("messages", "%1 %2"), _kind_with_article(found["kind"]),
                   _quoted(found["id"]))
        shown.append(name + _runs(found["by"] or ""))
    return joined(shown)


def _agreeing(template: str, subject: str) -> str:
    """A revert's conflict in the user's language, its words agreeing with the record it is
    about ("Salle 'Blue' : impossible de la rétablir"): its feminine wording for a record
    whose kind is feminine, where the language has one."""
    found = _NAMED.fullmatch(subject)
    table = table_of_kind(found["table"]) if found is not None else None
    if table is not None and feminine(table):
        return _AGREEING[template]()
    return translate(CONTEXT, template)


# The revert's conflicts about a record, each with its wording for a feminine record: the
# same text as the core's template (a test holds them to it), told apart as "feminine".
_AGREEING: dict[str, Callable[[], str]] = {
    revert.DELETED_AFTER: lambda: translate(
        "messages", "{subject} was deleted after run {run}{later}; skipped.", "feminine"),
    revert.BACK_SINCE: lambda: translate(
        "messages", "{subject} is in the store again since run {run}{later}; skipped.",
        "feminine"),
    revert.CHANGED_AFTER: lambda: translate(
        "messages", "{subject} was changed after run {run}{later} ({field} is now {now}, run "
                    "{run} left {left}); skipped.", "feminine"),
    revert.VALUE_TAKEN: lambda: translate(
        "messages", "{subject} cannot be restored: {kind} {holder} now has {field} {value}; "
                    "skipped.", "feminine"),
    revert.VALUE_TAKEN_BY_ANOTHER: lambda: translate(
        "messages", "{subject} cannot be restored: another {kind} now has {field} {value}; "
                    "skipped.", "feminine"),
    revert.STILL_REFERRED: lambda: translate(
        "messages", "{subject} was created by run {run}, but {referrers} {verb} to it; not "
                    "deleted.", "feminine"),
    revert.REFERENCE_GONE: lambda: translate(
        "messages", "{subject} cannot be restored: it refers to {kind} {ref}, which is not in "
                    "the store; skipped.", "feminine"),
    revert.REFERENCE_DELETED: lambda: translate(
        "messages", "{subject} cannot be restored: it refers to {kind} {ref}, which run {run} "
                    "deleted (revert run {run} first to bring it back); skipped.", "feminine"),
}


@cache
def _kind_named() -> frozenset[str]:
    """The conflicts whose {kind} names another record with its article ("la salle 'New'"),
    not those saying "another {kind}" ("une autre salle")."""
    return frozenset(template for template in _AGREEING if "{kind} {" in template)


# The placeholders of a registration refused for its pair (``holders.REGISTERED``): each a
# record's label quoted as Python does, or its id. Other templates' {learner} and {session}
# are data as it is (a login, a session's title).
_RECORDS = frozenset({"learner", "session"})


@cache
def _registered() -> frozenset[str]:
    """The templates of a registration refused because another run registered its pair."""
    return frozenset(chain.from_iterable(holders.REGISTERED))


def _verb(value: str) -> str:
    """"refers" or "refer" (to a record), in the user's language."""
    if value == "refers":
        return translate("messages", "refers")
    return translate("messages", "refer")


def _alternatives(value: str) -> str:
    """"A or B" in the user's language."""
    return arg(translate("messages", "%1 or %2"), *value.rsplit(" or ", 1)) \
        if " or " in value else value


# The platform's values are data (codes, logins, names) but for the codes it expects, "A or B".
_PLATFORM_VALUES: dict[str, Callable[[str], str]] = {"expected": _alternatives}

# Values holding our own words, by placeholder: the revert's (core/revert.py's templates), the
# catalogue's phrases put inside other messages, and errors of ours inside another's words.
_VALUE_WORDS: dict[str, Callable[[str], str]] = {
    "subject": _record_name,
    "later": _runs,
    "now": _shown,
    "left": _shown,
    "kind": _table_word,
    "referrers": _names,
    "holder": _quoted,
    "ref": _quoted,
    "verb": _verb,
    "record": _nested,
    "reason": _reason,
    # The engine's words, or the system's reason in ours (a store this user may not read).
    "detail": _reason,
    "old": _plain,
    "new": _plain,
    "parent": _plain,
    "needed": _alternatives,
    "error": _nested,
    "problem": _nested,
    "retry": _nested,  # what to do next, in the caller's words (guess.HEADER_NOT_XML)
}


def _taken(values: dict[str, str]) -> str:
    """A unique value another record took since the check, naming that record's kind and the
    field as the window shows them ("Another teacher already has 'jdoe' as teacher's login")."""
    return _taken_in(translate("messages", "%1 already has %2 as %3, written by %4 since the "
                                           "check; check again: nothing was written to %5."),
                     values)


def _taken_reverting(values: dict[str, str]) -> str:
    """The same, for a revert: it has no check, it was planned."""
    return _taken_in(translate("messages", "%1 already has %2 as %3, written by %4 since the "
                                           "revert was planned; try the revert again: nothing "
                                           "was written to %5."), values)


def _taken_in(sentence: str, values: dict[str, str]) -> str:
    """``sentence`` filled: the other record's kind, the value, the field, who wrote it, the
    store."""
    table = table_of_kind(values["kind"]) or values["kind"]
    return arg(sentence, another_record(table), _quoted(values["value"]),
               _field_words(table, values["field"]), _writer(values), values["path"])


def _changed(values: dict[str, str]) -> str:
    """A record changed since the check, naming the field as the window shows it
    ("Teacher 'zoe' was changed by run 2 (…) since the check (teacher's last name is now
    'Zed')")."""
    if "run" not in values:
        return _changed_in(translate("messages", "%1 changed since the check (%2 is now %3); "
                                                 "check again: nothing was written to %4."),
                           values)
    return _changed_in(translate("messages", "%1 was changed by %5 since the check (%2 is now "
                                             "%3); check again: nothing was written to %4."),
                       values)


def _changed_reverting(values: dict[str, str]) -> str:
    """The same, for a revert: it has no check, it was planned."""
    if "run" not in values:
        return _changed_in(translate("messages", "%1 changed since the revert was planned (%2 "
                                                 "is now %3); try the revert again: nothing "
                                                 "was written to %4."), values)
    return _changed_in(translate("messages", "%1 was changed by %5 since the revert was "
                                             "planned (%2 is now %3); try the revert again: "
                                             "nothing was written to %4."), values)


def _changed_in(sentence: str, values: dict[str, str]) -> str:
    """``sentence`` filled: the record, the field, its value now, the store, who changed it
    (a sentence starts with a capital, whichever comes first in the language)."""
    found = _NAMED.fullmatch(values["subject"])
    table = (table_of_kind(found["table"]) if found is not None else None) or ""
    said = arg(sentence, _record_name(values["subject"], within=not sentence.startswith("%1")),
               _field_words(table, values["field"]), _quoted(values["value"]), values["path"],
               _writer(values))
    return said[:1].upper() + said[1:]


def _field_words(table: str, field: str) -> str:
    """A field inside a sentence, as it is labelled ("teacher's login"); a store column no
    field holds (``field_named``) by its header ("GUID").

    It has no article: the sentences are worded to need none (« capacité de la salle :
    maintenant 12 »), since the gender an article agrees with is the translated label's and
    headers and unlabelled columns have none to give.
    """
    words = field_label(field) if has_label(field) else column_title(table, field)
    return words[:1].lower() + words[1:] if words[1:2].islower() else words  # GUID stays


def _writer(values: dict[str, str]) -> str:
    """Who wrote the value: "run 3 (jdoe on pc-12)", "run 3", "another program"."""
    if "run" not in values:
        return translate("messages", "another program")
    if "user" in values:
        return arg(translate("messages", "run %1 (%2 on %3)"), values["run"], values["user"],
                   values["machine"])
    if "who" in values:
        return arg(translate("messages", "run %1 (%2)"), values["run"], values["who"])
    return arg(translate("messages", "run %1"), values["run"])


# Core messages the window words itself, in English too: the core names a store's table and
# column as the command line does ("teacher", "login"); the window names the record's kind
# and the field as its store browser and preview show them.
_OWN_WORDS: dict[str, Callable[[dict[str, str]], str]] = {
    holders.BY_USER_ON: _taken, holders.BY_RUN_OF: _taken, holders.BY_RUN: _taken,
    holders.BY_PROGRAM: _taken, holders.BY_USER_ON_REVERTING: _taken_reverting,
    holders.BY_RUN_OF_REVERTING: _taken_reverting, holders.BY_RUN_REVERTING: _taken_reverting,
    holders.BY_PROGRAM_REVERTING: _taken_reverting,
    writer.CHANGED: _changed, writer.CHANGED_BY_USER_ON: _changed,
    writer.CHANGED_BY_RUN_OF: _changed, writer.CHANGED_BY_RUN: _changed,
    writer.CHANGED_REVERTING: _changed_reverting,
    writer.CHANGED_REVERTING_BY_USER_ON: _changed_reverting,
    writer.CHANGED_REVERTING_BY_RUN_OF: _changed_reverting,
    writer.CHANGED_REVERTING_BY_RUN: _changed_reverting,
}


def workbook_words() -> WorkbookWords:
    """The issues workbook's words in the user's language (its file's headers stay)."""
    # Imported here: the preview model shows its messages through this module.
    from importer_gui.ui.models.preview_model import outcome_label

    return WorkbookWords(line=translate("Workbook", "Line"),
                         outcome=translate("Workbook", "Outcome"),
                         messages=translate("Workbook", "Messages"),
                         no_rows=translate("Workbook", "No rows were checked."),
                         cut=translate("Workbook", "… [cut: the whole text has {length} "
                                       "characters, more than a cell holds]"),
                         columns_cut=translate("Workbook", "Messages (the file's columns "
                                               "{first} to {last} are left out: a sheet "
                                               "holds {limit} columns)"),
                         outcome_text=outcome_label, issue_text=_workbook_issue)


def _workbook_issue(issue: Issue) -> str:
    """"ERROR sessionId: message", in the user's language."""
    if issue.level is Level.ERROR:
        level = translate("Workbook", "ERROR")
    else:
        level = translate("Workbook", "WARNING")
    text = message_text(issue.message)
    if issue.field:
        return arg(translate("Workbook", "%1 %2: %3"), level, issue.field, text)
    return arg(translate("Workbook", "%1: %2"), level, text)


def clear_cache() -> None:
    """Forget the messages recognised (the language changed, as tests do)."""
    message_text.cache_clear()
    row_message_text.cache_clear()
