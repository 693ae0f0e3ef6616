"""A package that fails part-way (a real file-size limit, a Cancel, a rename refused) leaves
nothing of itself: the folder is as it was, byte for byte (or gone again when the package
made it), the message says so, and the same package then goes in the same folder (QA 12 D4).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.package import package
from importer_gui.core.progress import Monitor
from importer_gui.core.store import Store
from tests.stores import existing_store

ROOT = Path(__file__).resolve().parents[2]
LIMIT_KB = 100  # ulimit -f counts 1024-byte blocks in bash
MANY = 5000  # learners: about 300 KB, past the limit
PACKAGE = ["few.csv", "many.csv", "two.xml"]

IMPORT = """<import><providers><fileSystemSourceProvider><fileName>{name}</fileName>
<skipFirstLine>yes</skipFirstLine><columnsMapping><candidateRefNumber/><candidateLogin/>
<candidateEmail/><candidateName/><candidateFirstname/><candidateValidity/><enabledUntil/>
<candidateLanguages/><managerLogin/></columnsMapping><fileEncoding>UTF-8</fileEncoding>
<delimiter>semicolon</delimiter><dateFormat>DD/MM/YYYY</dateFormat></fileSystemSourceProvider>
</providers><actions><createOrUpdateLearnerAction/></actions></import>"""


def learners(path: Path, prefix: str, count: int) -> None:
    """``count`` valid learners, logins starting with ``prefix``."""
    rows = [f"{prefix}{n};{prefix}{n};{prefix}{n}@example.org;Nom{n};Prénom{n};Y;;fr-FR;"
            for n in range(count)]
    path.write_text("\n".join(["Ref;Login;Mail;Nom;Prénom;Actif;Jusqu'au;Langues;Manager",
                               *rows]) + "\n", encoding="utf-8")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """Two learner imports: a few rows, then many; the configuration two.xml."""
    folder = tmp_path / "source"
    folder.mkdir()
    learners(folder / "few.csv", "f", 5)
    learners(folder / "many.csv", "m", 50)
    (folder / "two.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<import-config>'
        + IMPORT.format(name="few.csv") + IMPORT.format(name="many.csv") + "</import-config>\n")
    return folder / "two.xml"


def everything(folder: Path) -> dict[str, bytes]:
    """Every entry of ``folder``, hidden ones too, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def importer(*argv: str, limit_kb: int | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m importer_gui ARGV`` from a shell, under ``ulimit -f`` when given; SIGXFSZ
    ignored, as Python does, so that the message, not the signal, is what is seen."""
    command = f"exec {sys.executable} -m importer_gui \"$@\""
    if limit_kb is not None:
        command = f"ulimit -f {limit_kb}; {command}"
    return subprocess.run(["bash", "-c", command, "importer", *argv], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False,
                          preexec_fn=lambda: signal.signal(signal.SIGXFSZ, signal.SIG_IGN))


def package_command(config: Path, out: Path, store: str, *, limit_kb: int | None = None
                    ) -> subprocess.CompletedProcess[str]:
    return importer("package", str(config), "--out", str(out), "--store", store,
                    limit_kb=limit_kb)


posix_only = pytest.mark.skipif(os.name != "posix", reason="ulimit -f is a POSIX shell's")


@posix_only
def test_a_file_size_limit_leaves_no_new_folder_and_the_retry_writes_it(
        source: Path, tmp_path: Path) -> None:
    learners(source.parent / "many.csv", "m", MANY)
    store = existing_store(tmp_path / "s.sqlite3")
    out = tmp_path / "new" / "pk"
    done = package_command(source, out, store, limit_kb=LIMIT_KB)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"importer-gui: {out}/many.csv: the package could not be written: File too large. "
        f"Nothing of it was left: the folder {out}, made for it, was removed.\n")
    assert not (tmp_path / "new").exists()

    again = package_command(source, out, store)
    assert again.returncode == 0, again.stderr
    assert sorted(everything(out)) == PACKAGE
    assert everything(out)["many.csv"].count(b"\n") == MANY + 1


@posix_only
def test_a_file_size_limit_leaves_an_earlier_package_as_it_was(source: Path,
                                                               tmp_path: Path) -> None:
    store = existing_store(tmp_path / "s.sqlite3")
    out = tmp_path / "pk"
    first = package_command(source, out, store)
    assert first.returncode == 0, first.stderr
    before = everything(out)
    learners(source.parent / "many.csv", "m", MANY)

    done = package_command(source, out, store, limit_kb=LIMIT_KB)
    assert done.returncode == 2
    assert done.stderr == (
        f"importer-gui: {out}/many.csv: the package could not be written: File too large. "
        f"Nothing of it was left in {out}, which holds what it held before.\n")
    assert everything(out) == before

    again = package_command(source, out, store)  # still recognised as an earlier package
    assert again.returncode == 0, again.stderr
    assert sorted(everything(out)) == PACKAGE
    assert everything(out)["many.csv"].count(b"\n") == MANY + 1


def checked(config: Path, tmp_path: Path) -> pipeline.Plan:
    with Store.open(tmp_path / "s.sqlite3") as store:
        return pipeline.check(config_xml.load(config), store)


def cancelled_in_many() -> Monitor:
    """A Cancel while the second file is being made, the first one written by then."""
    seen: list[str] = []
    return Monitor(progress=lambda done, total, what: seen.append(what),
                   cancelled=lambda: "Packaging many.csv" in seen, every=10)


def test_cancel_leaves_no_new_folder(source: Path, tmp_path: Path) -> None:
    plan = checked(source, tmp_path)
    out = tmp_path / "pk"
    with pytest.raises(Cancelled):
        package(plan, out, monitor=cancelled_in_many())
    assert not out.exists()
    assert sorted(everything(package(plan, out).folder)) == PACKAGE


def test_cancel_leaves_an_earlier_package_and_the_users_files_as_they_were(
        source: Path, tmp_path: Path) -> None:
    plan = checked(source, tmp_path)
    out = tmp_path / "pk"
    package(plan, out)
    (out / ".notes").write_text("mine")  # hidden: the package passes it over, never loses it
    before = everything(out)
    learners(source.parent / "few.csv", "g", 7)  # the new package's first file differs
    with pytest.raises(Cancelled):
        package(checked(source, tmp_path), out, monitor=cancelled_in_many())
    assert everything(out) == before


def test_a_refused_rename_puts_back_the_files_already_replaced(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = checked(source, tmp_path)
    out = tmp_path / "pk"
    package(plan, out)
    learners(source.parent / "few.csv", "g", 7)  # a new package replaces each file
    plan = checked(source, tmp_path)
    before = everything(out)
    replace = os.replace

    def refused_for_the_configuration(old: str | Path, new: str | Path) -> None:
        if Path(old).name.endswith(".part") and Path(new).name == "two.xml":
            raise OSError(5, "Input/output error")
        replace(old, new)

    monkeypatch.setattr(os, "replace", refused_for_the_configuration)
    with pytest.raises(ImporterError) as caught:
        package(plan, out)
    assert caught.value.message == (
        f"{out}/two.xml: the package could not be written: Input/output error. Nothing of it "
        f"was left in {out}, which holds what it held before.")
    assert everything(out) == before
