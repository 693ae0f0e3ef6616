"""A package's files in the form the platform's documentation gives them, byte for byte."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core import config_xml, pipeline
from importer_gui.core.package import package
from importer_gui.core.store import Store
from tests.builders import ImportSpec, write_config, write_csv, write_xlsx
from tests.core.test_tracking import ACTION, COLUMNS, ROW, TrackingEnv
from tests.core.test_tracking import env as env  # the fixture


def packaged(folder: Path, store: Path, config: Path, data: list[Path] | None = None
             ) -> Path:
    """The package of ``config`` (its ``data`` files given) checked against ``store``,
    written in ``folder``/out."""
    with Store.open(store) as opened:
        plan = pipeline.check(config_xml.load(config), opened, data_files=data)
    assert not any(row.has_errors for imp in plan.imports for row in imp.rows)
    return package(plan, folder / "out").folder


def test_tracking_dates_and_times_are_in_the_documented_default_format(env: TrackingEnv
                                                                       ) -> None:
    # Without a dateTimeFormat parameter, the platform reads YYYY-MM-DD hh:ii:ss.
    write_xlsx(env.folder / "tracking.xlsx", [list(COLUMNS), [
        "mdupont", "SEC-101", "Lyon", "LO-9", "completed", datetime(2027, 1, 12, 9, 0),
        date(2027, 1, 13), datetime(2027, 1, 13, 17, 45, 30), "100", "01:25:15", "12", "20"]])
    config = write_config(env.folder, ImportSpec("tracking.xlsx", COLUMNS, ACTION))
    out = packaged(env.folder, env.store_path, config)
    assert (out / "tracking.csv").read_bytes().split(b"\n")[1] == (
        b"mdupont;SEC-101;Lyon;LO-9;completed;2027-01-12 09:00:00;2027-01-13;"
        b"2027-01-13 17:45:30;100;01:25:15;12;20")


def test_iso_text_is_refused_where_the_platform_reads_its_default_format(
        env: TrackingEnv, capsys: pytest.CaptureFixture[str]) -> None:
    # Without a dateTimeFormat, the platform reads a tracking date as YYYY-MM-DD hh:ii:ss:
    # ISO 8601's T would be refused or misread there, so the check says so and the package
    # leaves the row out rather than sending it as it is.
    iso = [*ROW[:5], "2027-01-12T09:00:00", *ROW[6:]]
    write_csv(env.folder / "tracking.csv", [list(COLUMNS), iso, [*ROW[:3], "LO-8", *ROW[4:]]])
    config = str(write_config(env.folder, ImportSpec("tracking.csv", COLUMNS, ACTION)))
    store = ["--store", str(env.store_path)]
    assert main(["check", config, *store]) == 1
    message = ("Field firstAccessDate: 2027-01-12T09:00:00 is not a date and time in the "
               "format YYYY-MM-DD HH:II:SS (II: minutes).")
    assert message in capsys.readouterr().out
    assert main(["package", config, *store, "--out", str(env.folder / "out")]) == 1
    written = (env.folder / "out" / "tracking.csv").read_bytes().decode("utf-8")
    assert "2027-01-12T09:00:00" not in written
    assert "mdupont;SEC-101;Lyon;LO-8;completed;2027-01-12 09:00:00;" in written


def test_a_decimal_comma_is_written_with_the_platforms_point(env: TrackingEnv) -> None:
    # The check reads 12,5 as twelve and a half; the platform's numbers take a point, so the
    # package writes what the check read, not what was typed.
    typed = [*ROW[:8], "0,75", ROW[9], "12,5", ROW[11]]
    write_csv(env.folder / "tracking.csv", [list(COLUMNS), typed])
    config = write_config(env.folder, ImportSpec("tracking.csv", COLUMNS, ACTION))
    out = packaged(env.folder, env.store_path, config)
    assert (out / "tracking.csv").read_bytes().split(b"\n")[1] == (
        b"mdupont;SEC-101;Lyon;LO-9;completed;2027-01-12 09:00:00;2027-01-13;"
        b"2027-01-13 17:45:00;0.75;01:25:15;12.5;20")


def test_every_provider_states_skip_first_line(tmp_path: Path) -> None:
    # The platform's provider requires skipFirstLine; the configuration left it at its
    # default (a header line), which the package's file has.
    (tmp_path / "t.csv").write_text("code;titre\nT1;Un\n", encoding="utf-8")
    (tmp_path / "c.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<import-config>\n  <import>\n'
        "    <providers>\n      <fileSystemSourceProvider>\n"
        "        <fileName>t.csv</fileName>\n"
        "        <columnsMapping><trainingPathCode/><trainingTitle/></columnsMapping>\n"
        "      </fileSystemSourceProvider>\n    </providers>\n"
        "    <actions><createOrUpdateTrainingCourseAction/></actions>\n  </import>\n"
        "</import-config>\n", encoding="utf-8")
    out = packaged(tmp_path, tmp_path / "s.sqlite3", tmp_path / "c.xml")
    assert "        <fileName>t.csv</fileName>\n        <skipFirstLine>yes</skipFirstLine>\n" \
           "        <columnsMapping>" in (out / "c.xml").read_text(encoding="utf-8")
    assert (out / "t.csv").read_bytes() == b"code;titre\nT1;Un\n"


def test_lines_end_as_the_platform_reads_them_without_detecting_line_endings(
        tmp_path: Path) -> None:
    # autoDetectLineEndings is no unless said, so the platform reads its own (Unix)
    # convention: each line ends with LF alone, and the configuration is left as it was.
    (tmp_path / "t.csv").write_bytes(b"code;titre\r\nT1;Un\r\nT2;Deux\r\n")
    config = write_config(tmp_path, ImportSpec(
        "t.csv", ("trainingPathCode", "trainingTitle"), "createOrUpdateTrainingCourseAction"))
    out = packaged(tmp_path, tmp_path / "s.sqlite3", config)
    assert (out / "t.csv").read_bytes() == b"code;titre\nT1;Un\nT2;Deux\n"
    assert "autoDetectLineEndings" not in (out / config.name).read_text(encoding="utf-8")


def test_a_star_in_a_file_name_is_no_wildcard_in_the_package(tmp_path: Path) -> None:
    # The platform reads * in a fileName as a wildcard: "t*.csv" would take trainings.csv.
    data = [tmp_path / "trainings.csv", tmp_path / "given" / "t*.csv"]
    data[1].parent.mkdir()
    for path, code in zip(data, ("T1", "T2"), strict=True):
        path.write_text(f"code;titre\n{code};Un\n", encoding="utf-8")
    imports = [ImportSpec("x.csv", ("trainingPathCode", "trainingTitle"),
                          "createOrUpdateTrainingCourseAction")] * 2
    out = packaged(tmp_path, tmp_path / "s.sqlite3", write_config(tmp_path, *imports), data)
    names = [imp.provider.file_name for imp in config_xml.load(out / "config.xml").imports]
    assert names == ["trainings.csv", "t_.csv"]
    assert (out / "t_.csv").read_bytes() == b"code;titre\nT2;Un\n"
