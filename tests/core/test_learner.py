"""createOrUpdateLearnerAction: every column and option, each documented message, the store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from importer_gui.core import config_xml, pipeline
from importer_gui.core.records import Table
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import Store
from tests.builders import ImportSpec, by_hand, tables, write_config, write_csv
from tests.core.harness import Env, row, rows

ACTION = "createOrUpdateLearnerAction"
GUID_1, GUID_2 = "FF09BDE8-1CB4-4DDB-519C-9BC9AB6B65B2", "75ACD042-50C9-3F8E-C854-2988590BC501"
BY_REF = "<traineeSearchField><candidateRefNumber/></traineeSearchField>"


def learners_import(folder: Path, columns: tuple[str, ...], lines: list[list[str]], *,
                    options: str = BY_REF, fields: str | None = None,
                    file_name: str = "learners.csv") -> ImportSpec:
    """A learner import of ``lines`` and its CSV file."""
    write_csv(folder / file_name, [columns, *lines])
    return ImportSpec(file_name, columns, ACTION, options=options, fields=fields)


def learners(env: Env) -> list[dict[str, Any]]:
    """Every learner of the store, as column -> value."""
    with Store.open(env.store_path) as store:
        state = store.load_state([Table.LEARNER])
    return [{name: getattr(r, name) for name in r.__slots__} for r in state.learners.values()]


def entities(env: Env) -> list[tuple[int, str, int | None]]:
    """(id, name, parent id) of every entity in the store."""
    return [(r[0], r[1], r[3]) for r in tables(env.store_path)["entity"]]


def entities_first(env: Env, folder: Path) -> None:
    """Entity 1 - (Sales, Support); Support twice at the top, for "is duplicated"."""
    write_csv(folder / "entities.csv", [("hierarchyEntityName",), ("Sales",), ("Support",)])
    env.commit(ImportSpec("entities.csv", ("hierarchyEntityName",),
                          "createOrUpdateEntityAction",
                          options="<defaultEntityId>1</defaultEntityId>"))


COLUMNS = ("candidateRefNumber", "candidateLogin", "candidateEmail", "candidateName",
           "candidateFirstname", "candidateValidity", "candidateTimeZone", "enabledFrom",
           "enabledUntil", "entityName", "candidateLanguages", "presentation", "custom",
           "custom")
CUSTOM_FIELDS = (f"<custom><guid>{GUID_1}</guid></custom>"
                 f"<custom><guid>{GUID_2}</guid><mandatory>yes</mandatory></custom>")
FIELDS = "".join(f"<{c}/>" for c in COLUMNS if c != "custom") + CUSTOM_FIELDS


def test_create_then_update_with_every_column(tmp_path: Path) -> None:
    env = Env(tmp_path)
    entities_first(env, tmp_path)
    spec = learners_import(tmp_path, COLUMNS, [
        ["R1", "mdupont", "marie@example.org", "Dupont", "Marie", "U", "Europe/Paris",
         "2024-01-01", "2024-12-31", "Sales", "fr-FR, en-GB", "Bonjour", "Lyon", "Bleu"],
        ["R2", "pmartin", "", "Martin", "Paul", "", "", "", "", "", "", "", "", "Vert"]],
        fields=FIELDS, options=BY_REF + "<defaultLangCode>en-GB</defaultLangCode>")
    assert rows(env.commit(spec)) == [(2, "create", []), (3, "create", [])]
    marie, paul = learners(env)
    assert marie == {
        "id": 1, "login": "mdupont", "ref_number": "R1", "email": "marie@example.org",
        "name": "Dupont", "firstname": "Marie", "entity_id": 2, "manager_id": None,
        "validity": "enabledUntil", "enabled_from": date(2024, 1, 1),
        "enabled_until": date(2024, 12, 31), "languages": "fr-FR,en-GB",
        "time_zone": "Europe/Paris", "presentation": "Bonjour",
        "custom": {GUID_1: "Lyon", GUID_2: "Bleu"}, "guid": None}
    # No entity column filled: defaultEntityId (1); no language: defaultLangCode.
    assert (paul["entity_id"], paul["languages"], paul["custom"]) == (1, "en-GB",
                                                                      {GUID_2: "Vert"})
    again = learners_import(tmp_path, ("candidateRefNumber", "candidateFirstname", "custom"),
                            [["R1", "Marie-Anne", "Rouge"], ["R2", "Paul", "Vert"]],
                            fields=f"<candidateRefNumber/><candidateFirstname/>"
                                   f"<custom><guid>{GUID_1}</guid></custom>")
    assert rows(env.commit(again)) == [(2, "update", []), (3, "update", [])]
    marie, paul = learners(env)
    assert (marie["firstname"], marie["custom"]) == ("Marie-Anne", {GUID_1: "Rouge",
                                                                     GUID_2: "Bleu"})
    assert paul["custom"] == {GUID_2: "Vert", GUID_1: "Vert"}


# The learner page's example, as it writes it (comments and all).
PAGE_OPTIONS = """
			<traineeSearchField>
				<candidateRefNumber/>
			</traineeSearchField>
			<defaultEntityId>1</defaultEntityId>
			<defaultLangCode>en-GB</defaultLangCode>
"""
PAGE_FIELDS = """
			<candidateRefNumber/><!-- Use at least the candidate RefNumber, Login, Email -->
			<candidateLogin/>
			<candidateEmail/>
			<candidateName/>
			<candidateFirstname/>
			<candidateValidity/>
			<candidateTimeZone/>
			<enabledFrom/>
			<enabledUntil/>
			<entityGuid/>
			<entityId/>
			<entityName/>
			<candidateLanguages/>
			<presentation/>
			<managerLogin/><!-- Manager Login or Refnumber enables My Team -->
			<managerRefNumber/>
			<custom> <!--custom example format -->
				<guid>FF09BDE8-1CB4-4DDB-519C-9BC9AB6B65B2</guid>
				<mandatory>yes</mandatory>
			</custom>
			<custom>
				<guid>75ACD042-50C9-3F8E-C854-2988590BC501</guid>
				<mandatory>yes</mandatory>
			</custom>
"""
PAGE_COLUMNS = ("candidateRefNumber", "candidateLogin", "candidateEmail", "candidateName",
                "candidateFirstname", "candidateValidity", "candidateTimeZone", "enabledFrom",
                "enabledUntil", "entityGuid", "entityId", "entityName", "candidateLanguages",
                "presentation", "managerLogin", "managerRefNumber", "custom", "custom")


def test_the_page_example_configuration_checks_and_commits(tmp_path: Path) -> None:
    env = Env(tmp_path)
    spec = learners_import(tmp_path, PAGE_COLUMNS, [
        ["M1", "boss", "boss@example.org", "Chef", "Anne", "Y", "", "", "", "", "", "", "",
         "", "", "", "a", "b"],
        ["E1", "jdoe", "jdoe@example.org", "Doe", "John", "Y", "Europe/London", "2024-02-01",
         "", "", "1", "", "en-GB", "Hello", "boss", "M1", "c", "d"],
        ["E2", "xroe", "", "Roe", "Xavier", "N", "", "", "", "", "", "", "", "", "", "",
         "e", ""]], fields=PAGE_FIELDS, options=PAGE_OPTIONS)
    plan = env.commit(spec)
    assert rows(plan) == [(2, "create", []), (3, "create", []),
                          (4, "error", [f"Field custom:{GUID_2} is empty."])]
    boss, john = learners(env)
    assert john["manager_id"] == boss["id"] and john["entity_id"] == 1
    assert (boss["languages"], john["custom"]) == ("en-GB", {GUID_1: "c", GUID_2: "d"})
    assert entities(env) == [(1, "Entity 1", None)]


def test_validity_codes_mapped_and_not_allowed(tmp_path: Path) -> None:
    columns = ("candidateRefNumber", "candidateValidity")
    fields = ("<candidateRefNumber/><candidateValidity><enabledValue>A</enabledValue>"
              "<disabledValue>I</disabledValue><enabledUntilValue>T</enabledUntilValue>"
              "</candidateValidity>")
    env = Env(tmp_path)
    plan = env.commit(learners_import(tmp_path, columns, [["R1", "A"], ["R2", "I"],
                                                          ["R3", "Y"], ["R4", "T"]],
                                      fields=fields))
    assert row(plan, 2) == ("create", [])
    assert row(plan, 3) == ("create", [])
    assert row(plan, 4) == ("error", ['The "validity" field value Y is not allowed.'])
    assert row(plan, 5) == ("error", [
        "Field candidateValidity: T means enabled until a date, and the learner has no "
        "enabledUntil date."])
    assert [learner["validity"] for learner in learners(env)] == ["enabled", "disabled"]


def test_enable_all_learners_wins_over_validity(tmp_path: Path) -> None:
    env = Env(tmp_path)
    columns = ("candidateRefNumber", "candidateValidity")
    env.commit(learners_import(tmp_path, columns, [["R1", "N"]]))
    plan = env.commit(learners_import(tmp_path, columns, [["R1", "N"]],
                                      options=BY_REF + "<enableAllLearners>yes"
                                                       "</enableAllLearners>"))
    assert rows(plan) == [(2, "update", [])]
    assert learners(env)[0]["validity"] == "enabled"


def test_enabled_until_before_enabled_from(tmp_path: Path) -> None:
    env = Env(tmp_path)
    columns = ("candidateRefNumber", "enabledFrom", "enabledUntil")
    env.commit(learners_import(tmp_path, columns, [["R1", "2024-03-01", ""]]))
    plan = env.check(learners_import(tmp_path, columns, [
        ["R2", "2024-03-01", "2024-02-28"], ["R1", "", "2024-02-01"],
        ["R1", "", "2024-03-01"]]))
    assert row(plan, 2) == ("error", ["enabledUntil is inferior to enabledFrom or vice versa"])
    # Against the date the store holds.
    assert row(plan, 3) == ("error", ["enabledUntil is inferior to enabledFrom or vice versa"])
    assert row(plan, 4) == ("update", [])


def test_an_unreadable_date(tmp_path: Path) -> None:
    plan = Env(tmp_path).check(learners_import(
        tmp_path, ("candidateRefNumber", "enabledFrom"), [["R1", "31/12/2024"]]))
    assert row(plan, 2) == ("error", ["Date format is not valid"])


def test_a_login_already_taken(tmp_path: Path) -> None:
    env = Env(tmp_path)
    columns = ("candidateRefNumber", "candidateLogin")
    env.commit(learners_import(tmp_path, columns, [["R1", "jdoe"], ["R2", "asmith"],
                                                   ["R3", "jdoe_1"], ["R5", ""]]))
    plan = env.commit(learners_import(tmp_path, columns, [["R2", "jdoe"], ["R4", "jdoe"],
                                                          ["R5", "jdoe"]]))
    # An updated learner keeps its own login; a new one, or one without a login, gets the
    # first free "<login>_<n>".
    assert rows(plan) == [
        (2, "unchanged", ["The login: jdoe already exists. The user name will be: asmith"]),
        (3, "create", ["The login: jdoe already exists. The user name will be: jdoe_2"]),
        (4, "update", ["The login: jdoe already exists. The user name will be: jdoe_3"])]
    assert [learner["login"] for learner in learners(env)] == ["jdoe", "asmith", "jdoe_1",
                                                               "jdoe_3", "jdoe_2"]


def test_a_mandatory_field_left_empty(tmp_path: Path) -> None:
    columns = ("candidateRefNumber", "candidateName")
    plan = Env(tmp_path).check(learners_import(
        tmp_path, columns, [["R1", ""], ["", "Doe"]],
        fields="<candidateRefNumber/><candidateName><mandatory>yes</mandatory></candidateName>"))
    assert row(plan, 2) == ("error", ["Field candidateName is empty."])
    assert row(plan, 3) == ("error", ["Field candidateRefNumber is empty."])
    plan = Env(tmp_path).check(learners_import(
        tmp_path, ("candidateRefNumber", "candidateEmail", "candidateName"), [["", "", "Doe"]]))
    assert row(plan, 2) == ("error", [
        "Fields candidateRefNumber, candidateEmail are all empty: one of them must name the "
        "learner."])


def test_entity_by_name_guid_and_id(tmp_path: Path) -> None:
    env = Env(tmp_path)
    entities_first(env, tmp_path)
    by_hand(env.store_path, "INSERT INTO entity (id, name, guid, parent_id) "
                            "VALUES (10, 'Support', 'G-10', 1)")
    columns = ("candidateRefNumber", "entityName", "entityGuid", "entityId")
    plan = env.check(learners_import(tmp_path, columns, [
        ["R1", "Sales", "", ""], ["R2", "Marketing", "", ""], ["R3", "Support", "", ""],
        ["R4", "", "G-10", "10"], ["R5", "", "G-99", ""], ["R6", "", "", "99"],
        ["R7", "Sales", "G-10", ""]]))
    assert row(plan, 2) == ("create", [])
    assert row(plan, 3) == ("error", ["Entity with name Marketing not found."])
    assert row(plan, 4) == ("error", ["Entity with name Support is duplicated."])
    assert row(plan, 5) == ("create", [])
    assert row(plan, 6) == ("error", ["Field entityGuid: no entity has the GUID G-99."])
    assert row(plan, 7) == ("error", ["Field entityId: no entity has the id 99."])
    assert row(plan, 8) == ("error", [
        "Fields entityGuid, entityName name different entities (Support, Sales)."])


def test_default_entity_on_trust_then_checked(tmp_path: Path) -> None:
    env = Env(tmp_path)
    columns = ("candidateRefNumber",)
    env.commit(learners_import(tmp_path, columns, [["R1"]],
                               options=BY_REF + "<defaultEntityId>7</defaultEntityId>"))
    assert entities(env) == [(7, "Entity 7", None)]
    assert learners(env)[0]["entity_id"] == 7
    plan = env.check(learners_import(tmp_path, columns, [["R2"], ["R1"]]))
    # defaultEntityId 1 (its default) is unknown now; an updated learner does not use it.
    assert rows(plan) == [
        (2, "error", ["defaultEntityId is 1, and no entity of the store has this id: the "
                      "import would fail on the platform."]),
        (3, "unchanged", [])]


def test_managers_by_login_and_reference_number(tmp_path: Path) -> None:
    env = Env(tmp_path)
    columns = ("candidateRefNumber", "candidateLogin", "managerLogin", "managerRefNumber")
    plan = env.commit(learners_import(tmp_path, columns, [
        ["M1", "boss", "", ""], ["M2", "other", "", ""], ["E1", "jdoe", "boss", ""],
        ["E2", "asmith", "", "M2"], ["E3", "bnone", "nobody", ""], ["E4", "cnone", "", "M9"],
        ["E5", "dtwo", "boss", "M2"], ["M1", "boss", "boss", ""]]))
    assert [r[1] for r in rows(plan)][:4] == ["create"] * 4
    assert row(plan, 6) == ("error", ["Field managerLogin: no learner has the login nobody."])
    assert row(plan, 7) == ("error", [
        "Field managerRefNumber: no learner has the reference number M9."])
    assert row(plan, 8) == ("error", [
        "Fields managerLogin, managerRefNumber name different learners (boss, other)."])
    assert row(plan, 9) == ("error", [
        "Field managerLogin: boss is this learner; a learner cannot be their own manager."])
    by_login = {learner["login"]: learner for learner in learners(env)}
    assert by_login["jdoe"]["manager_id"] == by_login["boss"]["id"]
    assert by_login["asmith"]["manager_id"] == by_login["other"]["id"]


def test_email_languages_and_time_zone_are_checked(tmp_path: Path) -> None:
    columns = ("candidateRefNumber", "candidateEmail", "candidateLanguages",
               "candidateTimeZone")
    plan = Env(tmp_path).check(learners_import(tmp_path, columns, [
        ["R1", "r1-at-example.org", "", ""], ["R2", "", "français", ""],
        ["R3", "", "", "Paris"], ["R4", "r4@example.org", "fr_FR,en", "UTC"]]))
    assert row(plan, 2) == ("error", [
        "Field candidateEmail: r1-at-example.org is not an e-mail address."])
    assert row(plan, 3) == ("error", [
        "Field candidateLanguages: français is not a list of language codes (such as "
        "fr-FR,en-GB)."])
    assert row(plan, 4) == ("error", [
        "Field candidateTimeZone: Paris is not a time zone (such as Europe/Paris)."])
    assert row(plan, 5) == ("create", [])
    plan = Env(tmp_path).check(learners_import(
        tmp_path, ("candidateRefNumber",), [["R1"]],
        options=BY_REF + "<defaultLangCode>français</defaultLangCode>"))
    assert row(plan, 2) == ("error", [
        "Field defaultLangCode: français is not a list of language codes (such as "
        "fr-FR,en-GB)."])


def test_search_fields_jointly_and_the_oldest_of_several(tmp_path: Path) -> None:
    env = Env(tmp_path)
    columns = ("candidateRefNumber", "candidateEmail", "candidateName")
    env.commit(learners_import(tmp_path, columns, [
        ["R1", "a@example.org", "One"], ["R1", "b@example.org", "Two"]],
        options="<traineeSearchField><candidateRefNumber/><candidateEmail/>"
                "</traineeSearchField>"))
    assert [learner["name"] for learner in learners(env)] == ["One", "Two"]
    # By reference number alone, two learners match: the oldest is updated.
    env.commit(learners_import(tmp_path, columns, [["R1", "", "Un"]]))
    assert [learner["name"] for learner in learners(env)] == ["Un", "Two"]
    plan = env.check(learners_import(tmp_path, columns, [["", "c@example.org", "Trois"]]))
    assert row(plan, 2) == ("error", [
        "Field candidateRefNumber is empty: the learner cannot be found (traineeSearchField "
        "is candidateRefNumber)."])
    # traineeSearchField left to its default, candidateLogin, which the file does not hold.
    plan = env.check(learners_import(tmp_path, columns, [["R1", "", "Un"]], options=""))
    assert row(plan, 2) == ("error", [
        "traineeSearchField is candidateLogin, and no column of the file holds it: the "
        "learner cannot be found."])


def test_a_custom_field_finds_the_learner(tmp_path: Path) -> None:
    env = Env(tmp_path)
    columns = ("custom", "candidateLogin", "candidateName")
    fields = f"<custom><guid>{GUID_1}</guid></custom><candidateLogin/><candidateName/>"
    options = f"<traineeSearchField><custom>{GUID_1}</custom></traineeSearchField>"
    env.commit(learners_import(tmp_path, columns, [["K-1", "jdoe", "Doe"]], fields=fields,
                               options=options))
    plan = env.commit(learners_import(tmp_path, columns, [["K-1", "jdoe", "Doé"]],
                                      fields=fields, options=options))
    assert rows(plan) == [(2, "update", [])]
    assert [learner["name"] for learner in learners(env)] == ["Doé"]


def test_full_access_no_spares_learners_no_import_created(tmp_path: Path) -> None:
    env = Env(tmp_path)
    columns = ("candidateRefNumber", "candidateName")
    env.commit(learners_import(tmp_path, columns, [["R1", "Doe"]]))
    by_hand(env.store_path, "INSERT INTO learner (id, ref_number, name) VALUES (50, 'R9', 'X')")
    plan = env.check(learners_import(tmp_path, columns, [["R1", "Roe"], ["R9", "Y"]],
                                     options=BY_REF + "<fullAccess>no</fullAccess>"))
    assert row(plan, 2) == ("update", [])
    assert row(plan, 3) == ("error", [
        "fullAccess is no: learner R9 was not created by an import, so this import may not "
        "change it."])


def test_the_password_is_never_stored(tmp_path: Path) -> None:
    env = Env(tmp_path)
    env.commit(learners_import(tmp_path, ("candidateLogin", "candidatePassword"),
                               [["jdoe", "s3cret!"]],
                               options="<traineeSearchField><candidateLogin/>"
                                       "</traineeSearchField>"))
    assert "s3cret!" not in json.dumps(tables(env.store_path), default=str)


def test_reverting_a_learner_import_restores_the_store(tmp_path: Path) -> None:
    env = Env(tmp_path)
    columns = ("candidateRefNumber", "candidateName")
    env.commit(learners_import(tmp_path, columns, [["R1", "Doe"]]))
    before = tables(env.store_path)
    config = config_xml.load(write_config(tmp_path, learners_import(
        tmp_path, columns, [["R1", "Roe"], ["R2", "New"]])))
    with Store.open(env.store_path) as store:
        run_id = pipeline.commit(pipeline.check(config, store), store).run_id
        assert [learner["name"] for learner in learners_in(store)] == ["Roe", "New"]
        commit_revert(store, plan_revert(store, run_id))
    after = tables(env.store_path)
    assert after["learner"] == before["learner"] and after["entity"] == before["entity"]


def learners_in(store: Store) -> list[dict[str, Any]]:
    """Every learner of an open store."""
    state = store.load_state([Table.LEARNER])
    return [{"name": r.name} for r in state.learners.values()]


def levels(plan: Any) -> dict[str, str]:
    """Every message of a plan's last import -> its level."""
    return {issue.message: issue.level.value
            for plan_row in plan.imports[-1].rows for issue in plan_row.issues()}


def test_each_message_of_the_page_at_its_level(tmp_path: Path) -> None:
    env = Env(tmp_path)
    entities_first(env, tmp_path)
    by_hand(env.store_path, "INSERT INTO entity (id, name, parent_id) VALUES (10, 'Support', 1)")
    columns = ("candidateRefNumber", "candidateLogin", "candidateName", "candidateValidity",
               "enabledFrom", "enabledUntil", "entityName")
    fields = ("<candidateRefNumber/><candidateLogin/><candidateName><mandatory>yes</mandatory>"
              "</candidateName><candidateValidity/><enabledFrom/><enabledUntil/><entityName/>")
    plan = env.check(learners_import(tmp_path, columns, [
        ["R1", "jdoe", "Doe", "Y", "", "", ""],
        ["R2", "", "", "Y", "", "", ""],
        ["R3", "", "Roe", "Oui", "", "", ""],
        ["R4", "jdoe", "Poe", "Y", "", "", ""],
        ["R5", "", "Loe", "Y", "01/02/2024", "", ""],
        ["R6", "", "Moe", "Y", "2024-02-01", "2024-01-31", ""],
        ["R7", "", "Noe", "Y", "", "", "Marketing"],
        ["R8", "", "Ooe", "Y", "", "", "Support"]], fields=fields))
    assert levels(plan) == {
        "Field candidateName is empty.": "ERROR",
        'The "validity" field value Oui is not allowed.': "ERROR",
        "The login: jdoe already exists. The user name will be: jdoe_1": "WARNING",
        "Date format is not valid": "ERROR",
        "enabledUntil is inferior to enabledFrom or vice versa": "ERROR",
        "Entity with name Marketing not found.": "ERROR",
        "Entity with name Support is duplicated.": "ERROR",
    }


def test_every_option_loads_checks_and_is_written_back(tmp_path: Path) -> None:
    options = ("<traineeSearchField><candidateLogin/><custom>" + GUID_1 + "</custom>"
               "</traineeSearchField><defaultEntityId>3</defaultEntityId>"
               "<defaultLangCode>fr-FR</defaultLangCode><fullAccess>yes</fullAccess>"
               "<enableAllLearners>yes</enableAllLearners>"
               "<disableImportFlag>yes</disableImportFlag>")
    columns = ("candidateLogin", "custom", "candidateValidity")
    spec = learners_import(tmp_path, columns, [["jdoe", "K-1", "N"]], options=options,
                           fields=f"<candidateLogin/><custom><guid>{GUID_1}</guid></custom>"
                                  "<candidateValidity/>")
    env = Env(tmp_path)
    assert rows(env.commit(spec)) == [(2, "create", [])]
    (learner,) = learners(env)
    assert (learner["validity"], learner["languages"], learner["entity_id"]) == (
        "enabled", "fr-FR", 3)
    written = config_xml.dumps(config_xml.load(write_config(tmp_path, spec)))
    for element in ("<disableImportFlag>yes</disableImportFlag>",
                    "<enableAllLearners>yes</enableAllLearners>",
                    "<defaultEntityId>3</defaultEntityId>", f"<custom>{GUID_1}</custom>",
                    f"<guid>{GUID_1}</guid>"):
        assert element in written


def test_validity_codes_in_the_columns_mapping(tmp_path: Path) -> None:
    # As the candidateValidity page writes them: in <columnsMapping>.
    columns = ("candidateRefNumber", "candidateValidity")
    write_csv(tmp_path / "learners.csv", [columns, ["R1", "O"], ["R2", "N"]])
    spec = ImportSpec("learners.csv", columns, ACTION, options=BY_REF, column_children={
        "candidateValidity": "<enabledValue>O</enabledValue><disabledValue>N</disabledValue>"
                             "<enabledUntilValue>U</enabledUntilValue>"})
    env = Env(tmp_path)
    assert rows(env.commit(spec)) == [(2, "create", []), (3, "create", [])]
    assert [learner["validity"] for learner in learners(env)] == ["enabled", "disabled"]
