"""Refreshing the store from the platform's exports: real export files, a real store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core import revert
from importer_gui.core.errors import ConfigError, ImporterError
from importer_gui.core.platform_io import export_config, refresh
from importer_gui.core.schema import Table
from importer_gui.core.store import Store
from tests.conftest import SAMPLE
from tests.stores import existing_store

EXPORTS = SAMPLE / "exports"


def write_export(folder: Path, provider: str, columns: list[str], rows: list[str], *,
                 parameters: str = "", action: str = "", file_name: str = "export.csv"
                 ) -> Path:
    """An export configuration of one provider, and its file beside it."""
    listed = "".join(f"<{c}/>" for c in columns)
    (folder / file_name).write_text("\n".join([";".join(columns), *rows]) + "\n",
                                    encoding="utf-8")
    config = folder / "export.xml"
    config.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<export-config><export><providers>'
        f"<{provider}><columns>{listed}</columns><parameters>{parameters}</parameters>"
        f"</{provider}></providers><actions>"
        f"{action or '<fileExportAction><format>CSV</format></fileExportAction>'}"
        f"</actions><consolidators><moveToFolder><fileName>{file_name}</fileName>"
        f"</moveToFolder></consolidators></export></export-config>\n")
    return config


def plan(config: Path, store_path: Path, **kwargs: object) -> refresh.RefreshPlan:
    with Store.open(store_path) as store:
        return refresh.plan_refresh(export_config.load(config), store, **kwargs)  # type: ignore[arg-type]


def commit(config: Path, store_path: Path, **kwargs: object) -> refresh.RefreshPlan:
    with Store.open(store_path) as store:
        planned = refresh.plan_refresh(export_config.load(config), store, **kwargs)  # type: ignore[arg-type]
        if planned.plan.writes_anything():  # a refresh that changes nothing is no run
            refresh.commit_refresh(planned, store)
    return planned


def outcomes(planned: refresh.RefreshPlan, index: int = 0) -> list[tuple[int, str, list[str]]]:
    return [(row.line, row.outcome.value, [i.message for i in row.issues()])
            for row in planned.plan.imports[index].rows]


def records(store_path: Path, table: Table) -> list[object]:
    with Store.open(store_path) as store:
        return list(store.load_state([table]).table(table).values())


def test_the_sample_exports_fill_an_empty_store(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    planned = commit(EXPORTS / "export-config.xml", store)
    counts = planned.counts()
    assert (counts["create"], counts["error"]) == (15, 2)  # two events, no meeting yet
    trainings = {t.path_code: t for t in records(store, Table.TRAINING)}  # type: ignore[attr-defined]
    assert trainings["XLS-300"].title == "Excel avancé"
    assert trainings["XLS-300"].description == "Tableaux croisés; macros"
    assert trainings["PRJ-500"].guid == "0B6E2F3A-1C44-4D2B-9A51-7E0F1D2C3B05"
    sessions = {s.title: s for s in records(store, Table.SESSION)}  # type: ignore[attr-defined]
    assert str(sessions["Gestion de projet - Paris"].start_date) == "2027-04-06"
    assert sessions["Ancienne session"].training_id == trainings["SEC-101"].id
    learners = {learner.login: learner for learner in records(store, Table.LEARNER)}  # type: ignore[attr-defined]
    nina = learners["nrousseau"]
    assert (nina.manager_id, nina.validity, str(nina.enabled_until), nina.languages) == (
        learners["cbernard"].id, "enabledUntil", "2027-08-31", "fr-FR,en-GB")
    assert sorted(e.name for e in records(store, Table.ENTITY)) == [  # type: ignore[attr-defined]
        "Agence de Lyon", "Direction commerciale"]
    assert sorted(o.code for o in records(store, Table.LEARNING_OBJECT)) == [  # type: ignore[attr-defined]
        "LO-SEC-01", "LO-SEC-02"]
    registered = {(r.learner_id, r.session_id): r for r in records(store, Table.REGISTRATION)}  # type: ignore[attr-defined]
    lyon = sessions["Sécurité incendie - Lyon janvier"]
    claire = registered[(learners["cbernard"].id, lyon.id)]
    assert (claire.guid, str(claire.registered_on)) == (
        "9D2F4B6A-8C0E-4A1B-9C3D-5E7F9A1B2C01", "2026-11-20 10:00:00")
    tracked = {(t.session_id, t.lo_code): t for t in records(store, Table.TRACKING)}  # type: ignore[attr-defined]
    whole, first = tracked[(lyon.id, None)], tracked[(lyon.id, "LO-SEC-01")]
    assert (whole.progression, whole.status, whole.time_spent) == (50.0, "incomplete", 3600)
    assert (first.lo_guid, first.status, first.score, first.time_spent,
            str(first.first_completion)) == ("3E9A1B2C-4D5E-4F60-8A7B-C8D9E0F1A201",
                                             "completed", 85.0, 1680, "2026-11-23 09:40:00")
    assert [r[1] for r in outcomes(planned, 6)] == ["error", "error"]  # no meeting yet
    again = commit(EXPORTS / "export-config.xml", store)
    assert (again.counts()["unchanged"], again.counts()["error"]) == (15, 2)


def test_a_sessions_file_then_finds_the_platforms_trainings(
        tmp_path: Path, sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    commit(EXPORTS / "export-config.xml", store)
    code = main(["check", str(sample / "sample-config.xml"), "--store", str(store), "--json"])
    assert code == 1  # the sample's own mistakes remain
    registrations = json.loads(capsys.readouterr().out)["imports"][-1]
    assert registrations["file"].endswith("registrations.xlsx")
    assert registrations["rows"][0]["issues"] == [{  # the platform registered her already
        "level": "WARNING", "field": "candidateLogin",
        "message": "The learner is already registered to this training session."}]


def test_updates_what_changed_and_keeps_what_the_export_lacks(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    columns = ["trainingPathCode", "trainingGuid", "title", "modality"]
    config = write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                          ["T1;G1;First;campus", "T2;G2;Second;blended"])
    commit(config, store)
    config = write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                          ["T1;G1;First, renamed;campus"])
    planned = commit(config, store)
    assert outcomes(planned) == [(2, "update", [])]
    assert sorted(t.title for t in records(store, Table.TRAINING)) == [  # type: ignore[attr-defined]
        "First, renamed", "Second"]


def test_a_training_whose_code_changed_on_the_platform_follows_its_guid(tmp_path: Path
                                                                         ) -> None:
    store = tmp_path / "store.sqlite3"
    columns = ["trainingPathCode", "trainingGuid", "title"]
    commit(write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                        ["OLD;G1;Course", "OTHER;G2;Other"]), store)
    planned = commit(write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                                  ["NEW;G1;Course", "OTHER;G3;Clash"]), store)
    assert outcomes(planned)[0] == (2, "update", [])
    assert {t.path_code for t in records(store, Table.TRAINING)} == {"NEW", "OTHER"}  # type: ignore[attr-defined]


def test_values_are_checked_as_an_import_reads_them(tmp_path: Path) -> None:
    config = write_export(tmp_path, "trainingCourseMetadataProvider",
                          ["trainingPathCode", "title", "modality"],
                          ["T1;Fine;campus", "T2;Bad;elearning", ";No code;campus"])
    planned = plan(config, tmp_path / "store.sqlite3")
    rows = outcomes(planned)
    assert rows[0] == (2, "create", [])
    assert rows[1][1] == "error" and "elearning detected" in rows[1][2][0]
    assert rows[2] == (4, "error", ["Field trainingPathCode is empty."])


def test_sessions_are_found_by_guid_and_adopt_an_imported_one_by_title(tmp_path: Path
                                                                       ) -> None:
    store = tmp_path / "store.sqlite3"
    columns = ["trainingPathCode", "trainingTitle", "sessionGuid", "title", "startDate",
               "endDate"]
    commit(write_export(tmp_path, "trainingSessionMetadataProvider", columns,
                        ["T1;Course;S1;Paris;03-01-2027;03-02-2027"],
                        parameters="<dateFormat>MM-DD-YYYY</dateFormat>"), store)
    assert str(records(store, Table.SESSION)[0].start_date) == "2027-03-01"  # type: ignore[attr-defined]
    (tmp_path / "lyon.csv").write_text("code;title\nT1;Lyon\n")
    (tmp_path / "import.xml").write_text(
        "<import-config><import><providers><fileSystemSourceProvider><fileName>lyon.csv"
        "</fileName><columnsMapping><trainingPathCode/><sessionTitle/></columnsMapping>"
        "</fileSystemSourceProvider></providers><actions><createOrUpdateSessionAction/>"
        "</actions></import></import-config>")
    assert main(["commit", str(tmp_path / "import.xml"), "--store", str(store)]) == 0
    planned = commit(write_export(
        tmp_path, "trainingSessionMetadataProvider", columns,
        ["T1;Course;S1;Paris;03-01-2027;03-03-2027", "T1;Course;S2;Lyon;04-01-2027;"],
        parameters="<dateFormat>MM-DD-YYYY</dateFormat>"), store)
    assert [r[1] for r in outcomes(planned)] == ["update", "update"]  # Lyon took its GUID
    assert sorted((s.title, s.guid) for s in records(store, Table.SESSION)) == [  # type: ignore[attr-defined]
        ("Lyon", "S2"), ("Paris", "S1")]


def test_prune_deletes_what_the_export_lacks_and_revert_brings_it_back(tmp_path: Path
                                                                        ) -> None:
    store = tmp_path / "store.sqlite3"
    columns = ["trainingPathCode", "trainingGuid", "title"]
    commit(write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                        ["T1;G1;One", "T2;G2;Two"]), store)
    config = write_export(tmp_path, "trainingCourseMetadataProvider", columns, ["T1;G1;One"])
    assert plan(config, store).counts()["delete"] == 0  # never without --prune
    planned = commit(config, store, prune=True)
    assert outcomes(planned)[-1] == (0, "delete", [
        'Not in the export: training course T2 "Two", deleted.'])
    assert [t.path_code for t in records(store, Table.TRAINING)] == ["T1"]  # type: ignore[attr-defined]
    with Store.open(store) as opened:
        run_id = opened.history()[0].id
        revert.commit_revert(opened, revert.plan_revert(opened, run_id))
    assert sorted(t.path_code for t in records(store, Table.TRAINING)) == ["T1", "T2"]  # type: ignore[attr-defined]


def test_a_prune_dry_run_names_each_record_it_deletes(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    store = tmp_path / "store.sqlite3"
    commit(EXPORTS / "export-config.xml", store)
    trainings = (EXPORTS / "platform_trainings.csv").read_text(encoding="utf-8").splitlines()
    config = write_export(tmp_path, "trainingCourseMetadataProvider", trainings[0].split(";"),
                          [trainings[1], trainings[4]])  # without MGT-200 and XLS-300
    args = ["refresh", str(config), "--store", str(store), "--prune", "--dry-run"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert ("export.csv: WARNING: Not in the export: training course MGT-200 \"Management "
            "d'équipe\", deleted.\n"
            "export.csv: WARNING: Not in the export: training course XLS-300 \"Excel "
            "avancé\", deleted.\n") in out  # on no line of the file: none is printed
    assert ":0:" not in out
    assert main([*args, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["imports"][0]["rows"]
    assert [r["line"] for r in rows if r["outcome"] == "delete"] == [0, 0]  # as documented
    assert [r["issues"][0]["message"] for r in rows if r["outcome"] == "delete"] == [
        "Not in the export: training course MGT-200 \"Management d'équipe\", deleted.",
        "Not in the export: training course XLS-300 \"Excel avancé\", deleted."]


def test_prune_is_refused_for_an_export_that_filters_its_rows(tmp_path: Path) -> None:
    config = write_export(tmp_path, "trainingCourseMetadataProvider",
                          ["trainingPathCode", "title"], ["T1;One"],
                          parameters="<lastNMonths>3</lastNMonths>")
    with pytest.raises(ImporterError) as refused:
        plan(config, tmp_path / "store.sqlite3", prune=True)
    assert str(refused.value) == (
        "Deleting what the exports lack is refused: <trainingCourseMetadataProvider> chooses "
        "its rows with lastNMonths, so the records it leaves out are not gone from the "
        "platform.")


def test_prune_waits_for_an_export_without_errors(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    columns = ["trainingPathCode", "title", "modality"]
    commit(write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                        ["T1;One;campus", "T2;Two;campus"]), store)
    planned = plan(write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                                ["T1;One;campus", "T2;Two;wrong"]), store, prune=True)
    assert planned.counts()["delete"] == 0
    assert planned.notes == ["What the store holds and export.csv lacks was not deleted: rows "
                             "of it have errors (1), and the records they name would be "
                             "deleted; fix them first."]



def test_refresh_json_names_its_notices_as_check_and_commit_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    columns = ["trainingPathCode", "title", "modality"]
    commit(write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                        ["T1;One;campus", "T2;Two;campus"]), store)
    config = write_export(tmp_path, "trainingCourseMetadataProvider", columns,
                          ["T1;One;campus", "T2;Two;wrong"])
    assert main(["refresh", str(config), "--store", str(store), "--prune", "--dry-run",
                 "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["notices"] == ["What the store holds and export.csv lacks was not "
                                   "deleted: rows of it have errors (1), and the records they "
                                   "name would be deleted; fix them first."]
    assert "notes" not in document

@pytest.mark.parametrize(("provider", "columns", "rows", "field", "what"), [
    ("trainingCourseMetadataProvider", ["trainingPathCode", "trainingGuid", "title"],
     ["MGT-200;G-1;Management", "XLS-300;G-2;Excel", "MGT-201;G-1;Management 2"],
     "trainingGuid", "training course"),
    ("trainingCourseMetadataProvider", ["trainingPathCode", "title"],
     ["MGT-200;Management", "MGT-200;Management bis"], "trainingPathCode", "training course"),
    ("candidatesProvider", ["candidateLogin", "candidateGuid", "candidateName"],
     ["cbernard;L-1;Bernard", "nrousseau;L-2;Rousseau", "nrousseau2;L-1;Rousseau"],
     "candidateGuid", "learner"),
    ("trainingSessionMetadataProvider",
     ["trainingPathCode", "trainingTitle", "sessionGuid", "title", "startDate", "endDate"],
     ["T1;Course;S-1;Session;2027-01-03;2027-01-04", "T1;Course;S-1;Renamed;2027-01-03;"],
     "sessionGuid", "session"),
])
def test_a_record_an_export_names_twice_is_warned_on_the_later_row(
        tmp_path: Path, provider: str, columns: list[str], rows: list[str], field: str,
        what: str) -> None:
    # The platform exports each record once: two rows naming one is a file edited by hand,
    # and the later row's values replace the earlier row's (the import's rule).
    config = write_export(tmp_path, provider, columns, rows)
    planned = plan(config, tmp_path / "s.sqlite3")
    last = outcomes(planned)[-1]
    assert last[2] == [f"Line 2 of this file already sets this {what}; this row's values are "
                       "applied after it."]
    assert [i.field for i in planned.plan.imports[0].rows[-1].issues()] == [field]
    assert [messages for _line, _outcome, messages in outcomes(planned)[:-1]] == [
        []] * (len(rows) - 1)


def test_an_export_date_format_giving_a_part_twice_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exports = tmp_path / "exports"
    shutil.copytree(EXPORTS, exports)
    config = exports / "export-config.xml"
    text = config.read_text(encoding="utf-8")
    # Named at its provider's line, as every parameter of the export is.
    before = text[:text.index("<dateFormat>")]
    line = before[:before.rindex("Provider>")].count("\n") + 1
    config.write_text(text.replace("<dateFormat>YYYY-MM-DD<", "<dateFormat>DD-DD-DD<", 1),
                      encoding="utf-8")
    code = main(["refresh", str(config), "--store", existing_store(tmp_path / "s.sqlite3"),
                 "--dry-run"])
    assert (code, capsys.readouterr().err) == (2, (
        f"importer-gui: {config}:{line}: The date format DD-DD-DD gives DD twice; each of YYYY "
        "(or YY), MM, DD, HH, II and SS may appear once.\n"))


@pytest.mark.parametrize(("provider", "column", "words"), [
    ("platformCandidatesAccessProvider", "candidateLogin",
     "exports the learners' connection history; this version of Import Assistant does not "
     "store the learners' connection history yet"),
    ("eventTrainingMetadataProvider", "eventTitle", "without their session"),
    ("trackingLogProvider", "logDate", "does not store daily tracking logs"),
])
def test_providers_the_store_has_no_table_for_are_one_line(
        tmp_path: Path, provider: str, column: str, words: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    config = write_export(tmp_path, provider, [column], ["x"])
    code = main(["refresh", str(config), "--store", str(tmp_path / "s.sqlite3")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and words in err


@pytest.mark.parametrize(("text", "words"), [
    ("<import-config/>", "starts with <export-config>"),
    ("<export-config><export><providers><trainingCourseMetaProvider><columns><title/>"
     "</columns></trainingCourseMetaProvider></providers><actions><fileExportAction/>"
     "</actions></export></export-config>", 'did you mean "trainingCourseMetadataProvider"'),
    ("<export-config><export><providers><trainingCourseMetadataProvider><columns>"
     "<titel/></columns></trainingCourseMetadataProvider></providers><actions>"
     "<fileExportAction/></actions></export></export-config>", 'did you mean "title"'),
    ("<!DOCTYPE x [<!ENTITY a 'b'>]><export-config/>", "DOCTYPE"),
])
def test_bad_export_configurations_are_refused_with_their_line(text: str, words: str,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=words):
        export_config.load(path)


@pytest.mark.parametrize(("columns", "header"), [
    ("<title/><modality/><title/>", "title"),
    ('<title/><description label="MODALITY"/><modality/>', "modality"),  # in any case
])
def test_a_column_listed_twice_is_the_configurations_fault(
        tmp_path: Path, columns: str, header: str, capsys: pytest.CaptureFixture[str]) -> None:
    # It was said of the file ("line 1 names a column twice"), which names each once.
    config = write_export(tmp_path, "trainingCourseMetadataProvider", ["trainingPathCode"],
                          ["T1"])
    config.write_text(config.read_text().replace("<trainingPathCode/>", columns))
    code = main(["refresh", str(config), "--store", existing_store(tmp_path / "s.sqlite3")])
    assert (code, capsys.readouterr().err) == (2, (
        f"importer-gui: {config}:2: <trainingCourseMetadataProvider> lists the column "
        f"{header} twice: the first line of its file could not tell them apart; remove one, "
        "or give it another label.\n"))


@pytest.mark.parametrize(("provider", "columns", "header", "row"), [
    # The platform documents a templatedValue column with every provider that has templates.
    ("sessionAuditMetadataProvider",
     '<sessionGuid/><title/><templatedValue label="Link" templateId="1"/>',
     "sessionGuid;title;Link", "G-1;Session;/sessions/1"),
    ("consolidatedTrackingProvider",
     '<candidateLogin/><sessionGuid/><templatedValue templateId="1"/>',
     "candidateLogin;sessionGuid;templatedValue", "nobody;G-1;x"),
    # And trainingDigestSettings with the training audit's.
    ("trainingAuditMetadataProvider", "<trainingPathCode/><title/><trainingDigestSettings/>",
     "trainingPathCode;title;trainingDigestSettings", "T1;Title;weekly"),
])
def test_documented_columns_of_templates_and_audits_are_read(
        tmp_path: Path, provider: str, columns: str, header: str, row: str) -> None:
    config = write_export(tmp_path, provider, ["x"], [])
    parameters = ('<parameters><templates><template id="1">{1}</template></templates>'
                  "</parameters>" if "templateId" in columns else "<parameters/>")
    config.write_text(config.read_text().replace("<x/>", columns).replace(
        "<parameters></parameters>", parameters))
    (tmp_path / "export.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    planned = plan(config, tmp_path / "store.sqlite3")
    assert len(outcomes(planned)) == 1
    assert planned.plan.imports[0].rows[0].cells == tuple(row.split(";"))


def test_an_xml_export_cannot_be_read(tmp_path: Path) -> None:
    config = write_export(tmp_path, "trainingCourseMetadataProvider", ["trainingPathCode"],
                          ["T1"], action="<fileExportAction><format>XML</format>"
                                         "</fileExportAction>")
    with pytest.raises(ConfigError, match="CSV and TSV formats only"):
        plan(config, tmp_path / "store.sqlite3")


def test_a_tsv_export_in_latin_1_without_headers(tmp_path: Path) -> None:
    (tmp_path / "t.tsv").write_bytes("T1\tÉté\n".encode("latin-1"))
    config = write_export(tmp_path, "trainingCourseMetadataProvider", ["trainingPathCode",
                          "title"], [], action="<fileExportAction><format>TSV</format>"
                          "<encoding>ISO-8859-1</encoding><showHeaders>no</showHeaders>"
                          "</fileExportAction>", file_name="t.tsv")
    (tmp_path / "t.tsv").write_bytes("T1\tÉté\n".encode("latin-1"))
    planned = plan(config, tmp_path / "store.sqlite3")
    assert outcomes(planned) == [(1, "create", [])]
    assert planned.plan.imports[0].rows[0].cells[1] == "Été"


def test_a_dated_file_name_reads_the_newest_export(tmp_path: Path) -> None:
    import os

    config = write_export(tmp_path, "trainingCourseMetadataProvider",
                          ["trainingPathCode", "title"], ["T1;Old"], file_name="t_%d_%m_%y.csv")
    (tmp_path / "t_%d_%m_%y.csv").rename(tmp_path / "t_01_02_27.csv")
    (tmp_path / "t_02_02_27.csv").write_text("trainingPathCode;title\nT1;New\n")
    os.utime(tmp_path / "t_01_02_27.csv", (1, 1))
    planned = plan(config, tmp_path / "store.sqlite3")
    assert planned.plan.imports[0].file.name == "t_02_02_27.csv"


def test_dry_run_and_json_as_check_and_commit(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    config = str(EXPORTS / "export-config.xml")
    # The sample's two classroom events match no meeting of an empty store: left out.
    assert main(["refresh", config, "--store", existing_store(store), "--dry-run"]) == 1
    assert "Dry run: nothing was written." in capsys.readouterr().out
    assert records(store, Table.TRAINING) == []
    assert main(["refresh", config, "--store", str(store), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["counts"]["create"] == 15 and document["run"] == 1
    assert document["imports"][1]["rows"][0]["action"] == "trainingSessionMetadataProvider"
    # Each export's counts, as check and commit give each import's.
    assert [(i["actions"], i["counts"]["create"], i["counts"]["error"])
            for i in document["imports"]] == [
        (["trainingCourseMetadataProvider"], 4, 0), (["trainingSessionMetadataProvider"], 3, 0),
        (["platformCandidatesProvider"], 2, 0), (["learningObjectVersionMetadataProvider"], 2, 0),
        (["consolidatedTrackingProvider"], 2, 0), (["trackingProvider"], 2, 0),
        (["eventSessionMetadataProvider"], 0, 2)]


def test_export_config_writes_what_refresh_reads(tmp_path: Path) -> None:
    out = tmp_path / "scheduled.xml"
    assert main(["export-config", "--out", str(out)]) == 0
    assert out.read_text() == (EXPORTS / "export-config.xml").read_text()
    config = export_config.load(out)
    assert [e.file_name for e in config.exports] == [
        "platform_trainings.csv", "platform_sessions.csv", "platform_learners.csv",
        "platform_learning_objects.csv", "platform_registrations.csv", "platform_tracking.csv",
        "platform_events.csv"]
    # Every column it asks for is one a refresh keeps.
    for export in config.exports:
        names = refresh.field_names(export)
        assert "ignoredColumn" not in names, export.provider.name
    assert all(refresh.refusal(e, prune=True) is None for e in config.exports)


# ---------------------------------------------------------------- learners and learning objects

CANDIDATES = ["candidateLogin", "candidateGuid", "candidateName", "candidateEntityName",
              "managerLogin", "candidateAccountActivated", "candidateAccountActivatedUntil"]


def write_candidates(folder: Path, rows: list[str], *, custom: str = "",
                     provider: str = "candidatesProvider", parameters: str = "") -> Path:
    """A candidates export (custom: a custom field's GUID, as the last column's text)."""
    config = write_export(folder, provider, CANDIDATES + (["candidateCustomFieldGuid"]
                                                          if custom else []), rows,
                          parameters=parameters)
    if custom:
        text = config.read_text().replace("<candidateCustomFieldGuid/>",
                                          f"<candidateCustomFieldGuid>{custom}"
                                          "</candidateCustomFieldGuid>")
        config.write_text(text)
    return config


def test_learners_come_with_their_entities_and_managers_named_further_down(
        tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    config = write_candidates(tmp_path, [
        "ada;G-1;Lovelace;Sales;boss;U;2027-01-31;blue",
        "boss;G-2;Babbage;Sales;;Y;;",
        "zed;;Zuse;Research;nobody;N;;"], custom="C-7")
    planned = commit(config, store)
    assert outcomes(planned) == [
        (2, "create", []), (3, "create", []),
        (4, "create", ["Field managerLogin: no learner has the login nobody, in the store or "
                       "in the export; the learner's manager is left as it was."])]
    learners = {learner.login: learner for learner in records(store, Table.LEARNER)}  # type: ignore[attr-defined]
    ada, boss, zed = learners["ada"], learners["boss"], learners["zed"]
    assert (ada.manager_id, ada.validity, str(ada.enabled_until), ada.custom, ada.guid) == (
        boss.id, "enabledUntil", "2027-01-31", {"C-7": "blue"}, "G-1")
    assert (boss.validity, zed.validity, zed.manager_id) == ("enabled", "disabled", None)
    entities = {e.id: e.name for e in records(store, Table.ENTITY)}  # type: ignore[attr-defined]
    assert sorted(entities.values()) == ["Research", "Sales"]  # Sales once, for two learners
    assert entities[ada.entity_id] == entities[boss.entity_id] == "Sales"
    with Store.open(store) as opened:
        assert opened.history()[0].kind == "refresh"


def test_a_learner_found_by_guid_takes_its_new_login_unless_another_has_it(
        tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    commit(write_candidates(tmp_path, ["ada;G-1;Lovelace;;;Y;", "bob;G-2;Bob;;;Y;"]), store)
    planned = commit(write_candidates(tmp_path, ["ada.l;G-1;Lovelace;;;Y;",
                                                 "ada.l;G-2;Bob;;;Y;"]), store)
    assert outcomes(planned) == [
        (2, "update", []),
        (3, "error", ["Field candidateLogin: ada.l is already the login of another learner "
                      "in the store (G-1); it is not changed."])]
    assert sorted(learner.login for learner in records(store, Table.LEARNER)) == [  # type: ignore[attr-defined]
        "ada.l", "bob"]


def test_a_row_naming_no_learner_is_an_error(tmp_path: Path) -> None:
    planned = plan(write_candidates(tmp_path, [";;Nobody;;;Y;"]), tmp_path / "s.sqlite3")
    assert outcomes(planned) == [(2, "error", [
        "Fields candidateGuid, candidateLogin, candidateRefNumber, candidateEmail are all "
        "empty: one of them must name the learner."])]


def test_learning_objects_from_either_metadata_provider(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    versions = write_export(tmp_path, "learningObjectVersionMetadataProvider", [
        "learningObjectVersionCode", "learningObjectVersionGuid", "learningObjectVersionTitle",
        "learningObjectVersionType", "learningObjectVersionLocale"],
        ["LO-1;V-1;Intro;SCORM;en-GB", "LO-2;V-2;Next;MP4;en-GB"])
    assert [r[1] for r in outcomes(commit(versions, store))] == ["create", "create"]
    objects = write_export(tmp_path, "learningObjectMetadataProvider", [
        "learningObjectCode", "learningObjectTitle", "learningObjectPublisher"],
        ["LO-1;Introduction;CrossKnowledge", "LO-3;Third;Acme", ";Nameless;Acme"])
    assert outcomes(commit(objects, store)) == [
        (2, "update", []), (3, "create", []),
        (4, "error", ["Fields learningObjectGuid, learningObjectCode are both empty: one of "
                      "them must name the learning object."])]
    found = {(o.code, o.guid, o.title, o.publisher, o.type)
             for o in records(store, Table.LEARNING_OBJECT)}  # type: ignore[attr-defined]
    assert found == {("LO-1", "V-1", "Introduction", "CrossKnowledge", "SCORM"),
                     ("LO-2", "V-2", "Next", None, "MP4"), ("LO-3", None, "Third", "Acme", None)}


def test_prune_deletes_learners_with_what_they_followed_and_revert_brings_them_back(
        tmp_path: Path) -> None:
    from importer_gui.core.records import Change, ChangeKind
    from tests.builders import run_info

    store = tmp_path / "store.sqlite3"
    commit(write_candidates(tmp_path, ["boss;G-2;Babbage;;;Y;", "ada;G-1;Lovelace;;boss;Y;"]),
           store)
    create = ChangeKind.CREATE
    with Store.open(store) as opened:
        opened.apply([
            Change(Table.TRAINING, create, -1, {"path_code": "T1", "title": "One"}),
            Change(Table.SESSION, create, -1, {"training_id": -1, "title": "May"}),
            Change(Table.REGISTRATION, create, -1, {"learner_id": 1, "session_id": -1}),
            Change(Table.TRACKING, create, -1, {"learner_id": 1, "session_id": -1,
                                                "progression": 50.0}),
        ], run_info(create=4))
        before = opened.load_state()
    planned = commit(write_candidates(tmp_path, ["ada;G-1;Lovelace;;;Y;"]), store, prune=True)
    assert outcomes(planned)[-1] == (0, "delete", ["Not in the export: learner boss, deleted."])
    with Store.open(store) as opened:
        after = opened.load_state()
        assert ([learner.login for learner in after.learners.values()], after.registrations,
                after.trackings) == (["ada"], {}, {})
        assert after.learners[2].manager_id is None  # its manager went
        revert.commit_revert(opened, revert.plan_revert(opened, opened.history()[0].id))
        again = opened.load_state()
    assert (again.learners, again.registrations, again.trackings) == (
        before.learners, before.registrations, before.trackings)


def test_prune_of_a_session_takes_its_registrations(tmp_path: Path) -> None:
    from importer_gui.core.records import Change, ChangeKind
    from tests.builders import run_info

    store = tmp_path / "store.sqlite3"
    columns = ["trainingPathCode", "trainingGuid", "trainingTitle", "title", "sessionGuid"]
    commit(write_export(tmp_path, "trainingSessionMetadataProvider", columns,
                        ["T1;G1;One;May;S1", "T1;G1;One;June;S2"]), store)
    create = ChangeKind.CREATE
    with Store.open(store) as opened:
        opened.apply([
            Change(Table.LEARNER, create, -1, {"login": "ada"}),
            Change(Table.REGISTRATION, create, -1, {"learner_id": -1, "session_id": 2}),
        ], run_info(create=2))
    planned = commit(write_export(tmp_path, "trainingSessionMetadataProvider", columns,
                                  ["T1;G1;One;May;S1"],
                                  parameters="<exportAllSessions>Y</exportAllSessions>"),
                     store, prune=True)
    assert outcomes(planned)[-1] == (0, "delete", [
        'Not in the export: session "June" of training course T1, deleted.'])
    assert records(store, Table.REGISTRATION) == []
    assert [s.title for s in records(store, Table.SESSION)] == ["May"]  # type: ignore[attr-defined]


def test_cli_history_names_a_refresh_run(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "store.sqlite3")
    assert main(["refresh", str(EXPORTS / "export-config.xml"), "--store", store]) == 1
    capsys.readouterr()
    assert main(["history", "--store", store]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Run 1  ") and "  refresh  " in first


# ---------------------------------------------------------------- registrations and tracking

LYON = "5A0D9C1E-2B3F-4E6A-8C7D-1F2E3D4C5B02"  # the sample's sessions export's GUIDs
PARIS = "5A0D9C1E-2B3F-4E6A-8C7D-1F2E3D4C5B05"
NINA = "7C1E0A2B-3D4F-4A5B-8C6D-9E0F1A2B3C07"
CONSOLIDATED = ["candidateLogin", "candidateGuid", "trainingPathCode", "sessionGuid",
                "sessionTitle", "registrationGuid", "registrationDate", "progression",
                "status", "timeSpent"]


def platform_store(tmp_path: Path) -> Path:
    """A store refreshed from the sample's trainings, sessions, learners and learning
    objects (the first four exports of its configuration)."""
    store = tmp_path / "store.sqlite3"
    config = export_config.load(EXPORTS / "export-config.xml")
    config.exports = config.exports[:4]
    with Store.open(store) as opened:
        refresh.commit_refresh(refresh.plan_refresh(config, opened), opened)
    return store


def test_registrations_are_found_as_refresh_finds_learners_and_sessions(tmp_path: Path
                                                                        ) -> None:
    store = platform_store(tmp_path)
    config = write_export(tmp_path, "consolidatedTrackingProvider", CONSOLIDATED, [
        f";{NINA};;{LYON};;R-1;2027-01-05 08:00:00;25.5;incomplete;600",
        "cbernard;;PRJ-500;;Gestion de projet - Paris;R-2;;;;",
        "nobody;;;;Gestion de projet - Paris;R-3;;;;",
        "cbernard;;SEC-101;;Pas de session;R-4;;;;",
        f"cbernard;;;{LYON};;R-1;;;;",
        f"cbernard;;;{PARIS};;R-5;05/01/2027;;;",
        "cbernard;;NOPE-1;;Gestion de projet - Paris;R-6;;;;",  # not that course's session
    ])
    planned = commit(config, store)
    assert outcomes(planned) == [
        (2, "create", []), (3, "create", []),
        (4, "error", ["Field candidateLogin: no learner nobody in the store; refresh the "
                      "learners' export first (before this one in the same export "
                      "configuration)."]),
        (5, "error", ["Field sessionTitle: no session Pas de session in the store; refresh "
                      "the sessions' export first (before this one in the same export "
                      "configuration)."]),
        (6, "error", ["Field registrationGuid: R-1 is already the GUID of another "
                      "registration in the store; this one is not changed."]),
        (7, "error", ["Field registrationDate: 05/01/2027 is not a date and time in the "
                      "format YYYY-MM-DD hh:ii:ss (II: minutes)."]),
        (8, "error", ["Field sessionTitle: no session Gestion de projet - Paris in the store; "
                      "refresh the sessions' export first (before this one in the same export "
                      "configuration)."]),
    ]
    found = {r.guid: r for r in records(store, Table.REGISTRATION)}  # type: ignore[attr-defined]
    assert sorted(found) == ["R-1", "R-2"]
    assert str(found["R-1"].registered_on) == "2027-01-05 08:00:00"
    (whole,) = records(store, Table.TRACKING)  # the registration R-1's progress
    assert (whole.lo_code, whole.progression, whole.status, whole.time_spent) == (  # type: ignore[attr-defined]
        None, 25.5, "incomplete", 600)
    again = commit(config, store)
    assert [r[1] for r in outcomes(again)][:2] == ["unchanged", "unchanged"]


def test_a_registrations_import_then_warns_of_who_the_platform_has_registered(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = platform_store(tmp_path)
    commit(write_export(tmp_path, "consolidatedTrackingProvider", CONSOLIDATED,
                        [f"cbernard;;;{LYON};;R-1;;;;"]), store)
    (tmp_path / "registrations.csv").write_text(
        "login;code;title\n"
        "cbernard;SEC-101;Sécurité incendie - Lyon janvier\n"
        "nrousseau;SEC-101;Sécurité incendie - Lyon janvier\n", encoding="utf-8")
    (tmp_path / "import.xml").write_text(
        "<import-config><import><providers><fileSystemSourceProvider><fileName>"
        "registrations.csv</fileName><columnsMapping><candidateLogin/><trainingPathCode/>"
        "<sessionTitle/></columnsMapping></fileSystemSourceProvider></providers><actions>"
        "<registerLearnerAction/></actions></import></import-config>")
    assert main(["check", str(tmp_path / "import.xml"), "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert ("registrations.csv:2: WARNING candidateLogin: The learner is already registered "
            "to this training session.") in out
    assert "registrations.csv:3" not in out  # nrousseau is not registered there yet


TRACKING = ["candidateGuid", "sessionGuid", "contentRefNumber", "contentGuid",
            "firstLaunchDate", "completionTime", "progression", "score", "status",
            "timeGlobal"]


def test_tracking_rows_by_learning_object_in_the_exports_formats(tmp_path: Path) -> None:
    store = platform_store(tmp_path)
    parameters = ("<dateTimeFormat>DD/MM/YYYY hh:ii</dateTimeFormat>"
                  "<timeGlobalFormat>iso-8601</timeGlobalFormat>"
                  "<statusFormat><completed>C</completed><incomplete>I</incomplete>"
                  "<notAttempted>N/A</notAttempted></statusFormat>")
    config = write_export(tmp_path, "trackingProvider", TRACKING, [
        f"{NINA};{PARIS};LO-SEC-01;;02/02/2027 09:30;02/02/2027 10:00;100;80,5;C;PT1H25M15S",
        f"{NINA};{PARIS};;3E9A1B2C-4D5E-4F60-8A7B-C8D9E0F1A202;;;0;;N/A;PT0S",
        f"{NINA};{PARIS};LO-SEC-03;;;;10;;done;PT1M",
        f"{NINA};{PARIS};;;;;;;I;",
        f"{NINA};{PARIS};LO-SEC-04;;le 2 février;;10;;I;PT1M",
    ], parameters=parameters)
    planned = commit(config, store)
    # Messages name the export's columns (status, contentRefNumber), not the import fields
    # they are read as (trackingStatus, lovCode).
    assert outcomes(planned) == [
        (2, "create", []), (3, "create", []),
        (4, "error", ["Field status: done is not one of C, I, N/A."]),
        (5, "error", ["Fields contentRefNumber, contentGuid are both empty: one of them must "
                      "name the learning object."]),
        (6, "error", ["Field firstLaunchDate: le 2 février is not a date and time in the "
                      "format DD/MM/YYYY hh:ii (II: minutes)."]),
    ]
    (registration,) = records(store, Table.REGISTRATION)  # a tracking row implies one
    assert registration.guid is None  # type: ignore[attr-defined]
    tracked = {t.lo_code: t for t in records(store, Table.TRACKING)}  # type: ignore[attr-defined]
    first, second = tracked["LO-SEC-01"], tracked["LO-SEC-02"]  # the second's code: the store's
    assert (str(first.first_access), str(first.last_access), first.score, first.status,
            first.time_spent) == ("2027-02-02 09:30:00", "2027-02-02 10:00:00", 80.5,
                                  "completed", 5115)
    assert (second.lo_guid, second.status, second.time_spent) == (
        "3E9A1B2C-4D5E-4F60-8A7B-C8D9E0F1A202", "notAttempted", 0)
    config = write_export(tmp_path, "trackingProvider", TRACKING, [
        f"{NINA};{PARIS};LO-SEC-01;;02/02/2027 09:30;03/02/2027 10:00;100;90;C;PT2H"],
        parameters=parameters)
    assert outcomes(commit(config, store))[0] == (2, "update", [])
    assert records(store, Table.TRACKING)[0].score == 90.0  # type: ignore[attr-defined]


def test_a_time_format_the_platform_does_not_document_is_one_line(tmp_path: Path) -> None:
    config = write_export(tmp_path, "trackingProvider", TRACKING, [],
                          parameters="<timeGlobalFormat>minutes</timeGlobalFormat>")
    with pytest.raises(ConfigError) as raised:
        plan(config, tmp_path / "store.sqlite3")
    assert raised.value.detail == (
        "<trackingProvider> writes times as minutes, a timeGlobalFormat the platform does not "
        "document; give it one of rawSeconds, iso-8601, rawMinutes, padded, paddedhh.")


# Each documented timeGlobalFormat: what the file writes, and the seconds the store keeps (an
# hour, twenty-five minutes and fifteen seconds, the documentation's example; the padded
# formats write no seconds).
TIMES_SPENT = {
    "rawSeconds": [("5115", 5115), ("0", 0)],
    "iso-8601": [("PT1H25M15S", 5115), ("PT0S", 0)],
    "rawMinutes": [("85.25", 5115), ("0.00", 0), ("0", 0), ("85,25", 5115), ("1.01", 61),
                   ("6000.50", 360_030)],
    "padded": [("001:25", 5100), ("000:00", 0), ("100:00", 360_000), ("1234:59", 4_445_940)],
    "paddedhh": [("01:25", 5100), ("00:00", 0), ("100:00", 360_000), ("123:05", 443_100)],
}


@pytest.mark.parametrize("time_format", list(TIMES_SPENT))
def test_each_documented_time_format_is_read_as_the_seconds_it_says(
        tmp_path: Path, time_format: str) -> None:
    store = platform_store(tmp_path)

    def refreshed(time_spent: str) -> tuple[list[tuple[int, str, list[str]]], object]:
        config = write_export(
            tmp_path, "trackingProvider", TRACKING,
            [f"{NINA};{PARIS};LO-SEC-01;;;;10;;incomplete;{time_spent}"],
            parameters=f"<timeGlobalFormat>{time_format}</timeGlobalFormat>")
        found = outcomes(commit(config, store))
        return found, records(store, Table.TRACKING)[0].time_spent  # type: ignore[attr-defined]

    assert refreshed("") == ([(2, "create", [])], None)  # an empty time: none kept
    for written, seconds in TIMES_SPENT[time_format]:
        found, kept = refreshed(written)
        assert not found[0][2], written
        assert kept == seconds, written


# A time spent not as its format writes it: named with its line and the export's column.
MALFORMED = {
    "rawMinutes": ("01:25", "Field timeGlobal: 01:25 is not a time spent in minutes, as "
                            "timeGlobalFormat rawMinutes writes it (90.50 for an hour and a "
                            "half)."),
    "padded": ("85.25", "Field timeGlobal: 85.25 is not a time spent in hours and minutes, "
                        "as timeGlobalFormat padded writes it (hhh:ii: 001:30 for an hour and "
                        "a half)."),
    "paddedhh": ("01:60", "Field timeGlobal: 01:60 is not a time spent in hours and minutes, "
                          "as timeGlobalFormat paddedhh writes it (hh:ii: 01:30 for an hour "
                          "and a half)."),
}


@pytest.mark.parametrize("time_format", list(MALFORMED))
def test_a_time_not_in_its_format_is_an_error_naming_line_and_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], time_format: str) -> None:
    store = platform_store(tmp_path)
    written, message = MALFORMED[time_format]
    config = write_export(tmp_path, "trackingProvider", TRACKING, [
        f"{NINA};{PARIS};LO-SEC-01;;;;10;;incomplete;{TIMES_SPENT[time_format][0][0]}",
        f"{NINA};{PARIS};LO-SEC-02;;;;10;;incomplete;{written}"],
        parameters=f"<timeGlobalFormat>{time_format}</timeGlobalFormat>")
    assert main(["refresh", str(config), "--store", str(store), "--dry-run"]) == 1
    assert f"export.csv:3: ERROR timeSpent: {message}" in capsys.readouterr().out


def test_an_export_needs_its_learner_and_its_session(tmp_path: Path) -> None:
    config = write_export(tmp_path, "consolidatedTrackingProvider",
                          ["candidateLogin", "progression"], [])
    with pytest.raises(ConfigError, match="none of the columns sessionGuid, sessionTitle"):
        plan(config, tmp_path / "store.sqlite3")


def test_prune_deletes_registrations_the_export_lacks_with_their_tracking(tmp_path: Path
                                                                          ) -> None:
    store = platform_store(tmp_path)
    both = [f"cbernard;;;{LYON};;R-1;;50;incomplete;", f"nrousseau;;;{PARIS};;R-2;;;;"]
    commit(write_export(tmp_path, "consolidatedTrackingProvider", CONSOLIDATED, both), store)
    planned = commit(write_export(tmp_path, "consolidatedTrackingProvider", CONSOLIDATED,
                                  both[1:]), store, prune=True)
    assert outcomes(planned)[-1] == (0, "delete", [
        'Not in the export: registration of learner cbernard to session "Sécurité incendie - '
        'Lyon janvier", deleted.'])
    pruned = planned.plan.imports[0].rows[-1].cells  # shown as the export's columns
    assert pruned[:6] == ("cbernard", "7C1E0A2B-3D4F-4A5B-8C6D-9E0F1A2B3C01", "SEC-101", LYON,
                          "Sécurité incendie - Lyon janvier", "R-1")
    assert [r.guid for r in records(store, Table.REGISTRATION)] == ["R-2"]  # type: ignore[attr-defined]
    assert records(store, Table.TRACKING) == []


# ---------------------------------------------------------------- classroom events

EVENTS = ["sessionGuid", "sessionTitle", "eventStartDate", "eventEndDate", "eventStatus",
          "eventClassRoomTitle", "eventClassRoomCapacity"]


def test_events_update_the_interventions_they_match_and_name_the_others(
        tmp_path: Path, sample: Path) -> None:
    store = tmp_path / "store.sqlite3"
    main(["commit", str(sample / "sample-config.xml"), "--store", str(store)])  # its meetings
    planned = commit(EXPORTS / "export-config.xml", store)  # its sessions adopted by title
    assert outcomes(planned, 6) == [
        (2, "update", []),  # INT-0001: 09:00 to 16:00 in Lyon - Salle Rhône, 14 places now
        (3, "error", [  # left out, not "unchanged": the store holds no such meeting
            "No intervention of session Sécurité incendie - Lyon janvier starts at "
            "2027-01-14 09:00:00 in room Lyon - Salle Rhône: not created, since the export "
            "gives no intervention GUID and an import naming this one would then create it a "
            "second time."])]
    rooms = {r.guid: r for r in records(store, Table.ROOM)}  # type: ignore[attr-defined]
    assert rooms["ROOM-LYON-1"].capacity == 14
    config = write_export(tmp_path, "eventSessionMetadataProvider", EVENTS, [
        f"{LYON};;2027-01-13;2027-01-13T16:00:00+01:00;CA;;",  # a day alone: INT-0002
        f"{LYON};;2027-01-12 09:00:00;;C;Autre salle;",  # INT-0001 is in another room
        ";Pas de session;2027-01-12 09:00:00;;;;",
        f"{LYON};;le 12 janvier;;;;",
        # By title alone (the import's session has no GUID): INT-0003 confirmed, 4 hours now.
        ";Management - Paris printemps;2027-03-02 14:00:00;2027-03-02T18:00:00+01:00;C;;",
    ], parameters="<eventStatusFilter>C,CA</eventStatusFilter>")  # a filter: --prune is no
    planned = commit(config, store, prune=True)  # refusal here, since it deletes no event
    rows = outcomes(planned)
    assert rows[0] == (2, "update", [])
    assert rows[1][1] == "error" and "in room Autre salle: not created" in rows[1][2][0]
    assert rows[2] == (4, "error", [
        "Field sessionTitle: no session Pas de session in the store; refresh the sessions' "
        "export first (before this one in the same export configuration)."])
    assert rows[3] == (5, "error", [
        "Field eventStartDate: le 12 janvier is not a date and time as YYYY-MM-DD hh:ii:ss "
        "(or its date alone)."])
    assert rows[4] == (6, "update", [])
    meetings = {i.guid: i for i in records(store, Table.INTERVENTION)}  # type: ignore[attr-defined]
    assert (meetings["INT-0002"].status, meetings["INT-0001"].status) == ("cancelled", "active")
    assert (meetings["INT-0003"].status, meetings["INT-0003"].duration) == ("active", 4)
    assert len(meetings) == 3  # --prune deletes none: the export cannot say which are gone
    assert planned.notes == ["Deleting what the exports lack leaves the interventions "
                             "export.csv does not match: without a GUID, an export cannot say "
                             "which are gone."]
    with Store.open(store) as opened:
        revert.commit_revert(opened, revert.plan_revert(opened, opened.history()[0].id))
    meetings = {i.guid: i for i in records(store, Table.INTERVENTION)}  # type: ignore[attr-defined]
    assert meetings["INT-0002"].status == "active"


def test_revert_takes_back_the_registrations_and_tracking_a_refresh_made(tmp_path: Path
                                                                         ) -> None:
    store = tmp_path / "store.sqlite3"
    commit(EXPORTS / "export-config.xml", store)
    with Store.open(store) as opened:
        revert.commit_revert(opened, revert.plan_revert(opened, opened.history()[0].id))
    assert records(store, Table.REGISTRATION) == records(store, Table.TRACKING) == []
    assert records(store, Table.LEARNER) == []


def test_the_cli_names_unmatched_events_as_left_out_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(platform_store(tmp_path))
    config = write_export(tmp_path, "eventSessionMetadataProvider", EVENTS,
                          [f"{LYON};;2027-01-12 09:00:00;;C;;"])
    assert main(["refresh", str(config), "--store", store, "--prune"]) == 1  # a row left out
    out = capsys.readouterr().out
    assert ("export.csv:2: ERROR eventStartDate: No intervention of session Sécurité "
            "incendie - Lyon janvier starts at 2027-01-12 09:00:00: not created") in out
    assert "  create 0, update 0, unchanged 0, delete 0, error 1\n" in out  # not "unchanged"
    assert "Deleting what the exports lack leaves the interventions export.csv" in out
    assert "Nothing was refreshed: every row has an error or is already in the store" in out


def test_activities_register_their_learners_and_prune_none(tmp_path: Path) -> None:
    store = platform_store(tmp_path)
    columns = ["candidateLogin", "sessionGuid", "activityName", "registrationGuid",
               "registrationDate"]
    config = write_export(tmp_path, "activityProvider", columns, [
        f"cbernard;{LYON};Quiz;R-1;2027-01-05 08:00:00",
        f"cbernard;{LYON};Classe virtuelle;R-1;2027-01-05 08:00:00",  # the same registration
    ], parameters="<activityType>1,2</activityType>")
    planned = commit(config, store, prune=True)
    assert outcomes(planned) == [(2, "create", []), (3, "unchanged", [])]
    assert planned.notes == ["Deleting what the exports lack leaves the registrations "
                             "export.csv lacks: it lists activities, and a registration "
                             "without any is not in it."]
    assert [(r.guid, str(r.registered_on)) for r in records(store, Table.REGISTRATION)] == [  # type: ignore[attr-defined]
        ("R-1", "2027-01-05 08:00:00")]


def test_the_documented_layouts_a_t_in_the_date_time_and_the_whole_time_spent(
        tmp_path: Path) -> None:
    store = platform_store(tmp_path)
    columns = ["candidateLogin", "sessionGuid", "registrationDate", "timeGlobal", "timeSpent"]
    config = write_export(tmp_path, "consolidatedTrackingProvider", columns,
                          [f"cbernard;{LYON};2027-01-05T08:00:00;600;900"],
                          parameters="<dateTimeFormat>YYYY-MM-DDThh:ii:ss</dateTimeFormat>")
    assert outcomes(commit(config, store)) == [(2, "create", [])]
    assert str(records(store, Table.REGISTRATION)[0].registered_on) == "2027-01-05 08:00:00"  # type: ignore[attr-defined]
    assert records(store, Table.TRACKING)[0].time_spent == 900  # type: ignore[attr-defined]
    # A time format no kept column is written in is no refusal (the classroom's example).
    config = write_export(tmp_path, "instructorLedTrainingActivityProvider",
                          ["candidateLogin", "sessionGuid", "timeSpent"],
                          [f"nrousseau;{LYON};01:25"],
                          parameters="<timeGlobalFormat>paddedhh</timeGlobalFormat>")
    assert outcomes(commit(config, store)) == [(2, "create", [])]


def test_prune_keeps_a_learner_and_session_the_registrations_export_names(tmp_path: Path
                                                                          ) -> None:
    import shutil

    store = tmp_path / "store.sqlite3"
    exports = tmp_path / "exports"
    shutil.copytree(EXPORTS, exports)
    with Store.open(store) as opened:
        refresh.commit_refresh(refresh.plan_refresh(
            export_config.load(exports / "export-config.xml"), opened), opened)
        learners = {learner.login for learner in opened.load_state().learners.values()}
    registrations = len(records(store, Table.REGISTRATION))
    # The platform's learners export leaves Nina out (an export filter, say); its
    # registrations export still lists her registration to the Paris session.
    listed = exports / "platform_learners.csv"
    listed.write_text("".join(line for line in listed.read_text(encoding="utf-8")
                              .splitlines(keepends=True) if not line.startswith("nrousseau;")),
                      encoding="utf-8")
    planned = commit(exports / "export-config.xml", store, prune=True)
    assert planned.counts()["delete"] == 0
    assert "nrousseau" in learners
    with Store.open(store) as opened:
        assert {learner.login for learner in opened.load_state().learners.values()} == learners
    assert len(records(store, Table.REGISTRATION)) == registrations
