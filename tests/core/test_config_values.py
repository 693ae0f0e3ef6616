"""Reading issue 15's value types: decimal numbers, durations, dates and times in the action's
dateTimeFormat with its defaultTime; a bad value's message names the field and the value."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest

from importer_gui.core.actions.base import RowContext, read_values
from importer_gui.core.binding import bind_action
from importer_gui.core.catalogue import ACTIONS
from importer_gui.core.catalogue.specs import ActionSpec, FieldDef, Kind, OptionDef, OptionKind
from importer_gui.core.config import Action, Column
from importer_gui.core.issues import Issue, Level
from importer_gui.core.values import date_part, parse_duration, parse_float

SPEC = ActionSpec(
    name="testTrackingAction", label="Tracking", summary="For tests.",
    fields=(
        FieldDef("progression", Kind.FLOAT, ""),
        FieldDef("timeSpent", Kind.DURATION, ""),
        FieldDef("firstAccessDate", Kind.DATETIME, ""),
    ),
    options=(OptionDef("defaultScoreMax", OptionKind.INT),),
    parameters=(
        OptionDef("dateTimeFormat", OptionKind.STRING),
        OptionDef("defaultTime", OptionKind.TIME, default="00:00:00"),
    ),
)
COLUMNS = [Column("progression"), Column("timeSpent"), Column("firstAccessDate")]


@pytest.fixture(autouse=True)
def registered() -> Iterator[None]:
    ACTIONS[SPEC.name] = SPEC
    yield
    del ACTIONS[SPEC.name]


def _row(cells: tuple[Any, ...], **parameters: str) -> tuple[dict[str, Any], list[Issue]]:
    """The values and issues of one row, read with ``parameters``."""
    action = Action(SPEC.name, parameters=parameters)
    ctx = RowContext(bind_action(action, COLUMNS, "YYYY-MM-DD"), None)  # type: ignore[arg-type]
    read_values(ctx, cells)
    return ctx.values, ctx.issues


@pytest.mark.parametrize(("text", "number"), [
    ("12.5", 12.5), ("12,5", 12.5), ("100", 100.0), ("-0,25", -0.25), (" 7 ", 7.0)])
def test_decimal_numbers_take_a_point_or_a_comma(text: str, number: float) -> None:
    assert parse_float(text) == number
    assert _row((text, "", ""))[0] == {"progression": number}


@pytest.mark.parametrize(("text", "seconds"), [
    ("5115", 5115), ("01:25:15", 5115), ("101:00:00", 363_600), ("PT1H25M15S", 5115),
    ("PT15M", 900), ("P1DT1S", 86_401), ("pt2.6s", 3)])
def test_durations_are_seconds(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds
    assert _row(("", text, ""))[0] == {"timeSpent": seconds}


def test_bad_numbers_and_durations_name_field_and_value() -> None:
    values, issues = _row(("12.5%", "1h30", ""))
    assert values == {}
    assert issues == [
        Issue(Level.ERROR, "progression", "Field progression: 12.5% is not a number."),
        Issue(Level.ERROR, "timeSpent", "Field timeSpent: 1h30 is not a duration (seconds, "
                                        "hh:ii:ss, or ISO 8601 such as PT1H25M15S).")]
    for text in ("PT", "P", "1:75:00", "-5"):
        assert parse_duration(text) is None, text


def test_date_and_time_in_the_actions_format() -> None:
    values, issues = _row(("", "", "05/01/2024 10:30"), dateTimeFormat="DD/MM/YYYY HH:II")
    assert (values, issues) == ({"firstAccessDate": datetime(2024, 1, 5, 10, 30)}, [])


def test_a_date_alone_gets_the_default_time() -> None:
    values, _ = _row(("", "", "05/01/2024"), dateTimeFormat="DD/MM/YYYY HH:II:SS",
                     defaultTime="08:15:00")
    assert values == {"firstAccessDate": datetime(2024, 1, 5, 8, 15)}
    values, _ = _row(("", "", "2024-01-05"), defaultTime="23:00:00")  # ISO 8601
    assert values == {"firstAccessDate": datetime(2024, 1, 5, 23)}
    values, _ = _row(("", "", date(2024, 1, 5)), defaultTime="23:00:00")  # a workbook's date
    assert values == {"firstAccessDate": datetime(2024, 1, 5, 23)}
    values, _ = _row(("", "", "2024-01-05"))
    assert values == {"firstAccessDate": datetime(2024, 1, 5)}


def test_a_date_and_time_not_in_the_format_names_it() -> None:
    _, issues = _row(("", "", "2024-01-05 10:30"), dateTimeFormat="DD/MM/YYYY HH:II")
    assert issues == [Issue(Level.ERROR, "firstAccessDate",
                            "Field firstAccessDate: 2024-01-05 10:30 is not a date and time in "
                            "the format DD/MM/YYYY HH:II (II: minutes).")]


def test_without_a_format_dates_and_times_are_iso_8601_as_before() -> None:
    values, issues = _row(("", "", "2024-01-05T10:30:00"))
    assert (values, issues) == ({"firstAccessDate": datetime(2024, 1, 5, 10, 30)}, [])
    _, issues = _row(("", "", "05/01/2024"))
    assert issues == [Issue(Level.ERROR, "firstAccessDate", "Date 05/01/2024 not valid.")]


def test_the_date_part_of_a_pattern() -> None:
    assert date_part("%Y-%m-%d %H:%M:%S") == "%Y-%m-%d"
    assert date_part("%H:%M %d/%m/%Y") == ""
    assert date_part("%d.%m.%Y") == "%d.%m.%Y"


def test_a_date_time_format_is_checked_as_a_date_format_is() -> None:
    from importer_gui.core import config_xml as cx
    from importer_gui.core.errors import ConfigError
    text = ("<import-config>\n<import>\n<providers>\n<fileSystemSourceProvider>\n"
            "<fileName>a.csv</fileName>\n<columnsMapping><progression/></columnsMapping>\n"
            "</fileSystemSourceProvider>\n</providers>\n<actions><testTrackingAction>"
            "<parameters><dateTimeFormat>YYYY-MM-DDTHH:II</dateTimeFormat></parameters>"
            "</testTrackingAction></actions>\n</import>\n</import-config>\n")
    with pytest.raises(ConfigError) as info:
        cx.loads(text)
    assert info.value.detail.startswith("the given date format YYYY-MM-DDTHH:II is not valid.")
    assert info.value.line == 9


def test_a_package_writes_workbook_dates_and_times_in_the_actions_format() -> None:
    from importer_gui.core.package import DECIMAL, _cell_text, _cell_writers
    columns = ["firstAccessDate", "progression"]
    iso, number = _cell_writers(columns, "YYYY-MM-DD")
    assert (iso, number) == ("iso", DECIMAL)
    assert _cell_text(datetime(2024, 1, 5, 10, 30), iso) == "2024-01-05T10:30:00"
    moment, _ = _cell_writers(columns, "YYYY-MM-DD", "DD/MM/YYYY HH:II")
    assert moment is not None
    assert _cell_text(datetime(2024, 1, 5, 10, 30), moment) == "05/01/2024 10:30"
    assert _cell_text(date(2024, 1, 5), moment) == "05/01/2024"  # its defaultTime applies
