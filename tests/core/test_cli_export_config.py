"""export-config replaces only an export configuration it wrote (QA12 D3), and refuses a
folder the platform would refuse (QA12 D10): one line, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core.platform_io.export_config import scheduled_document
from tests.conftest import SAMPLE

NOT_REPLACED = ("importer-gui: {path} already exists and is not an export configuration as "
                "export-config wrote it; it was not replaced. Nothing was written; choose "
                "another file, or move that one away first.\n")


def export_config(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command; its exit code, stdout and stderr."""
    code = main(["export-config", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("content", [
    b"my notes\n",
    (SAMPLE / "sample-config.xml").read_bytes(),  # an import configuration given by mistake
    scheduled_document("/exports/").encode().replace(b"<title/>", b"<title label='T'/>"),
    b"",
])
def test_a_file_it_did_not_write_is_not_replaced(tmp_path: Path, content: bytes,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.xml"
    mine.write_bytes(content)
    assert export_config(capsys, "--out", str(mine), "--folder", "/exports/") == (
        2, "", NOT_REPLACED.format(path=mine))
    assert mine.read_bytes() == content
    assert sorted(tmp_path.iterdir()) == [mine]


def test_a_folder_or_a_link_is_not_replaced(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dir").mkdir()
    scheduled = tmp_path / "scheduled.xml"
    scheduled.write_text(scheduled_document(), encoding="utf-8")
    (tmp_path / "link.xml").symlink_to(scheduled)
    for name in ("dir", "link.xml"):
        assert export_config(capsys, "--out", str(tmp_path / name)) == (
            2, "", NOT_REPLACED.format(path=tmp_path / name))
    assert (tmp_path / "link.xml").is_symlink()


def test_its_own_configuration_is_replaced(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "export-config.xml"
    assert export_config(capsys, "--out", str(out), "--folder", "/a/") == (
        0, f"Written: {out}\n", "")
    # Written again for another folder, with a folder written before this rule too.
    assert export_config(capsys, "--out", str(out), "--folder", "/b & c/") == (
        0, f"Written: {out}\n", "")
    assert "<folderPath>/b &amp; c/</folderPath>" in out.read_text(encoding="utf-8")
    out.write_text(scheduled_document("/b/").replace("/b/", "exports"), encoding="utf-8")
    assert export_config(capsys, "--out", str(out))[0] == 0
    assert out.read_text(encoding="utf-8") == (SAMPLE / "exports" / "export-config.xml"
                                               ).read_text(encoding="utf-8")


def test_the_learners_export_is_the_provider_the_platform_documents(tmp_path: Path) -> None:
    # The platform's export documentation names the learners' provider
    # platformCandidatesProvider; a configuration naming another is not one it runs.
    text = scheduled_document("/exports/")
    assert text.count("<platformCandidatesProvider>") == 1
    assert "<candidatesProvider>" not in text


def test_a_configuration_an_earlier_version_wrote_is_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "export-config.xml"
    earlier = scheduled_document("/a/").replace("platformCandidatesProvider",
                                                "candidatesProvider")
    out.write_text(earlier, encoding="utf-8")
    assert export_config(capsys, "--out", str(out), "--folder", "/a/") == (
        0, f"Written: {out}\n", "")
    assert out.read_text(encoding="utf-8") == scheduled_document("/a/")


@pytest.mark.parametrize(("folder", "message"), [
    ("exports", '--folder "exports" is not a full path: the platform has no base folder, so '
                "give it from the root (for example /exports/)."),
    ("exports/out/", '--folder "exports/out/" is not a full path: the platform has no base '
                     "folder, so give it from the root (for example /exports/)."),
    ("", "--folder is empty: the platform needs the full path of the folder the files are "
         "moved to, from the root (for example /exports/)."),
    ("  ", "--folder is empty: the platform needs the full path of the folder the files are "
           "moved to, from the root (for example /exports/)."),
    ("/exp\x01orts/", '--folder "/exp\\x01orts/" holds a control character (a line break, a '
                     "tab, an escape), which no folder path holds: type it again (for example "
                     "/exports/)."),
    ("/exports/\nout/", '--folder "/exports/\\nout/" holds a control character (a line break, '
                       "a tab, an escape), which no folder path holds: type it again (for "
                       "example /exports/)."),
    ("/\ud800", '--folder "/\\ud800" holds a character XML cannot hold (U+D800), so the export '
               "configuration cannot name it: type it again (for example /exports/)."),
    # A Latin-1 "é" in the folder's bytes, as Python reads bytes that are not UTF-8.
    ("/exports/caf\udce9/", '--folder "/exports/caf\\xe9/" holds bytes that are not UTF-8 (the '
                            "folder's name is in another encoding), so the export configuration "
                            "cannot name it: type it again (for example /exports/)."),
    ("/exports/\ufffe", '--folder "/exports/\ufffe" holds a character XML cannot hold (U+FFFE), '
                        "so the export configuration cannot name it: type it again (for example "
                        "/exports/)."),
    ("/exp\u200borts/", '--folder "/exp\u200borts/" holds a character that shows as a blank or '
                        "as nothing (U+200B), which would name another folder than the one you "
                        "see: type it again (for example /exports/)."),
])
def test_a_folder_the_platform_cannot_have_is_refused(tmp_path: Path, folder: str, message: str,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    out = tmp_path / "export-config.xml"
    assert export_config(capsys, "--folder", folder) == (2, "", f"importer-gui: {message}\n")
    assert export_config(capsys, "--out", str(out), "--folder", folder)[0] == 2
    assert not out.exists()


def test_a_full_path_is_written_as_given(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = export_config(capsys, "--folder", "/var/www/instance/data/export/")
    assert code == 0
    assert out.count("<folderPath>/var/www/instance/data/export/</folderPath>") == 7
