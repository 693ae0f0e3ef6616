"""A field list or an action's <fields> changed in a loaded configuration keeps what the user
wrote in it: comments on their own lines stay, an item moves with the comment on its line,
a removed item takes that comment with it, and the list keeps its layout."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core import config_xml as cx
from importer_gui.core.config import ActionField, FieldOptions

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<import-config>
  <import>
    <providers>
      <fileSystemSourceProvider>
        <fileName>sessions.csv</fileName>
        <columnsMapping>
          <sessionTitle/>
          <sessionId/>
          <sessionGuid/>
        </columnsMapping>
      </fileSystemSourceProvider>
    </providers>
    <actions>
      <createOrUpdateSessionAction>
        <options>
"""
SEARCH = """          <sessionSearchField>
            <!-- the platform tries them in this order -->
            <sessionTitle/> <!-- titles are unique here -->
            <sessionId/><!-- only for sessions made by hand -->
            <sessionGuid/>
          </sessionSearchField>
"""
FIELDS = """        </options>
        <fields>
          <sessionTitle/> <!-- shown to learners -->
          <sessionId/>
          <sessionGuid>
            <!-- a guid always comes from the platform -->
            <mandatory>no</mandatory>
          </sessionGuid>
        </fields>
"""
TAIL = """      </createOrUpdateSessionAction>
    </actions>
  </import>
</import-config>
"""


def test_a_search_list_reordered_added_to_and_cut_keeps_its_comments(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text(HEAD + SEARCH + FIELDS + TAIL, encoding="utf-8")
    config = cx.load(path)
    config.imports[0].actions[0].search_fields = ["sessionGuid", "sessionTitle",
                                                  "sessionStartDate"]
    cx.save(config, path)
    assert path.read_text(encoding="utf-8") == HEAD + """\
          <sessionSearchField>
            <!-- the platform tries them in this order -->
            <sessionGuid/>
            <sessionTitle/> <!-- titles are unique here -->
            <sessionStartDate/>
          </sessionSearchField>
""" + FIELDS + TAIL


def test_a_search_list_on_one_line_stays_on_it() -> None:
    one_line = ("          <sessionSearchField><sessionTitle/> <sessionId/>"
                "</sessionSearchField>\n")
    config = cx.loads(HEAD + one_line + FIELDS + TAIL)
    config.imports[0].actions[0].search_fields = ["sessionTitle", "sessionId", "sessionGuid"]
    assert cx.dumps(config) == HEAD + (
        "          <sessionSearchField><sessionTitle/> <sessionId/> <sessionGuid/>"
        "</sessionSearchField>\n") + FIELDS + TAIL


def test_a_field_moved_in_fields_keeps_what_it_holds_and_its_comments() -> None:
    config = cx.loads(HEAD + SEARCH + FIELDS + TAIL)
    config.imports[0].actions[0].fields = [
        ActionField("sessionGuid", FieldOptions(mandatory=False)), ActionField("sessionTitle")]
    assert cx.dumps(config) == HEAD + SEARCH + """\
        </options>
        <fields>
          <sessionGuid>
            <!-- a guid always comes from the platform -->
            <mandatory>no</mandatory>
          </sessionGuid>
          <sessionTitle/> <!-- shown to learners -->
        </fields>
""" + TAIL
