"""The sample's learners file: French headers, mapped by suggestion, and its planted mistakes."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from importer_gui.core.catalogue.actions import LEARNER_ACTION
from importer_gui.core.suggest import suggest_fields
from tests.builders import ImportSpec
from tests.core.harness import Env, rows

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "learners.csv"
# The file's columns, as the sample's configuration maps them.
COLUMNS = ("candidateRefNumber", "candidateLogin", "candidateEmail", "candidateName",
           "candidateFirstname", "candidateValidity", "enabledUntil", "candidateLanguages",
           "managerLogin")


def test_the_french_headers_are_suggested_as_the_sample_maps_them() -> None:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        headers = next(csv.reader(handle, delimiter=";"))
    suggested = suggest_fields(headers, [f.name for f in LEARNER_ACTION.fields])
    assert tuple(s.field for s in suggested) == COLUMNS


def test_the_sample_learners_and_their_mistakes(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "learners.csv")
    spec = ImportSpec("learners.csv", COLUMNS, "createOrUpdateLearnerAction",
                      options="<traineeSearchField><candidateRefNumber/></traineeSearchField>"
                              "<defaultLangCode>fr-FR</defaultLangCode>",
                      provider_extra="<dateFormat>DD/MM/YYYY</dateFormat>")
    assert rows(Env(tmp_path).commit(spec)) == [
        (2, "create", []),
        (3, "create", []),
        (4, "create", []),
        (5, "error", ["Field candidateEmail: thomas.garcia-at-example.org is not an e-mail "
                      "address."]),
        (6, "create", ["The login: lpetit already exists. The user name will be: lpetit_1"]),
        (7, "error", ['The "validity" field value O is not allowed.']),
        (8, "error", ["Field managerLogin: no learner has the login jdurand."]),
        (9, "create", []),
    ]
