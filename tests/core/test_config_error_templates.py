"""The configuration's errors and the guesses' reasons come from marked templates (so the
window can translate them) and still say, in English, word for word what they always said."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core import guess
from importer_gui.core.config import DATA_OUTSIDE, LOG_OUTSIDE, Origin, outside_error
from importer_gui.core.config_xml import read
from importer_gui.core.config_xml.read import Unknown

# Each kind of unknown name: its templates, what the message calls it, where, and the
# endings it meets.
KINDS = [
    (read.UNKNOWN_ELEMENT, "element", "<{}>", ("meant", "ended")),
    (read.UNKNOWN_ACTION, "action", "<{}>", ("meant", "ended")),
    (read.UNKNOWN_OPTION, "option", "<{}>", ("meant", "ended")),
    (read.UNKNOWN_COLUMN, "field", "<{}>", ("meant", "ended")),
    (read.UNKNOWN_VALUE_MAPPING, "value mapping", "<{}>", ("meant", "ended", "none")),
    (read.UNKNOWN_SETTING, "setting", "<{}>", ("meant", "ended")),
    (read.UNKNOWN_SEARCH_FIELD, "search field", "<{}>", ("meant", "listed")),
    (read.UNKNOWN_VALUE, "value", "<{}>", ("meant", "listed")),
    (read.UNKNOWN_FILE_ENCODING, "file encoding", "<{}>", ("meant", "listed")),
    (read.UNKNOWN_DELIMITER, "delimiter", "<{}>", ("meant", "listed")),
    (read.UNKNOWN_ACTION_FIELD, "field", "<fields> of <{}>",
     ("meant", "ended", "owner", "owners")),
    (read.UNKNOWN_ACTION_OPTION, "option", "<options> of <{}>",
     ("meant", "ended", "none", "owner", "owners")),
    (read.UNKNOWN_PARAMETER, "parameter", "<parameters> of <{}>",
     ("meant", "ended", "owner", "owners")),
]
VALUES = {"name": "sesionId", "line": 12, "hint": "sessionId", "known": "a, b",
          "owner": "registerLearnerAction", "owners": "<a>, <b>", "last": "c"}


@pytest.mark.parametrize(("kind", "what", "where", "endings"), KINDS,
                         ids=[f"{k[1]} in {k[2]}" for k in KINDS])
def test_each_kind_of_unknown_name_says_what_it_always_said(
        kind: Unknown, what: str, where: str, endings: tuple[str, ...]) -> None:
    english = Unknown.of(what, where.format("parent"))
    for ending in endings:
        assert getattr(kind, ending).format(parent="parent", **VALUES) == \
            getattr(english, ending).format(**VALUES)


def test_the_english_endings_are_the_readers_words() -> None:
    english = Unknown.of("field", "<columnsMapping>")
    head = 'Unknown field "x" in <columnsMapping> (line 3)'
    said = {ending: getattr(english, ending).format(**{**VALUES, "name": "x", "line": 3})
            for ending in ("meant", "ended", "listed", "none", "owner", "owners")}
    assert said == {"meant": f'{head}; did you mean "sessionId"?', "ended": f"{head}.",
                    "listed": f"{head}; expected one of: a, b.",
                    "none": f"{head}; it takes none.",
                    "owner": f"{head}; only <registerLearnerAction> has it.",
                    "owners": f"{head}; only <a>, <b> and <c> have it."}


def test_an_ending_a_kind_never_meets_falls_back_to_its_plainest() -> None:
    assert read.UNKNOWN_ELEMENT.none == read.UNKNOWN_ELEMENT.ended
    assert read.UNKNOWN_DELIMITER.ended == read.UNKNOWN_DELIMITER.listed


REMEDIES = {DATA_OUTSIDE: "a data file outside it is read only when you choose it yourself "
                          "(on the command line: --data)",
            LOG_OUTSIDE: "the error log is written in a folder inside it"}


@pytest.mark.parametrize("use", [DATA_OUTSIDE, LOG_OUTSIDE])
@pytest.mark.parametrize("line", [9, None])
@pytest.mark.parametrize("link", [False, True])
def test_a_path_leading_outside_is_refused_in_the_same_words(
        use: str, line: int | None, link: bool) -> None:
    origin = Origin(Path("c.xml"), {"location": line} if line else {})
    error = outside_error(origin, "location", "../logs", use, link=link)
    at = f" (line {line})" if line else ""
    via = " through a link" if link else ""
    assert error.detail == (f'<location> "../logs"{at} leads outside the configuration\'s '
                            f"folder{via}; {REMEDIES[use]}.")
    assert str(error) == f"c.xml: {error.detail}"


def test_the_guesses_reasons_are_worded_as_before() -> None:
    reasons = [guess.guess_delimiter("a\tb\nc\td\n").reason,
               guess.guess_delimiter("a\tb\nc\td\te\n").reason,
               guess.guess_delimiter("a,b\nc,d,e\n").reason,
               guess.guess_header(["sessionTitle", "x"], [], 2).reason,
               guess.guess_header(["sessionTitle", "x"], [], 1).reason,
               guess.guess_date_format(["15/06/2027", "2027-06-15"]).reason,
               guess.guess_date_format(["01/02/2027"]).reason,
               guess.guess_date_format(["15/06/2027"]).reason,
               guess.guess_date_format(["31/02/2027"]).reason]
    assert reasons == ["every line has 1 tab", "tab splits the lines most evenly",
                       '"," splits the lines most evenly',
                       "2 cells of the first line name fields",
                       "1 cell of the first line names a field",
                       "it reads 1 of 2 dates; not 2027-06-15",
                       "every date reads as DD/MM/YYYY or MM/DD/YYYY; DD/MM/YYYY was chosen",
                       "15/06/2027 can only be DD/MM/YYYY",
                       "no usual format reads 31/02/2027"]
