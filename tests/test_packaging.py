"""Fast checks of what `make package` ships: spec, desktop entry, AppStream metainfo, icons."""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import struct
import subprocess
import tomllib
from pathlib import Path

import pytest
from lxml import etree

from importer_gui.about import APP_ID

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "importer_gui.spec"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def spec_constants() -> dict[str, object]:
    """The spec's top-level NAME = literal assignments (the spec parses as Python)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                constants[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue  # computed values (paths, Analysis) are PyInstaller's business
    return constants


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def test_spec_names_the_app_and_bundle_id() -> None:
    constants = spec_constants()
    assert constants["APP_NAME"] == "ImportAssistant"
    assert constants["BUNDLE_ID"] == APP_ID


def test_spec_keeps_every_qt_module_the_app_imports() -> None:
    # Excluding a module the code imports would build fine and crash in users' hands.
    excluded = {f"PySide6.{name}" for name in spec_constants()["UNUSED_QT"]}
    pattern = re.compile(r"\bPySide6\.Qt\w+")
    used = {match for path in (ROOT / "importer_gui").rglob("*.py")
            for match in pattern.findall(path.read_text(encoding="utf-8"))}
    assert used, "the app imports Qt somewhere"
    assert used.isdisjoint(excluded), sorted(used & excluded)


def read_desktop() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # desktop keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser


def test_desktop_entry_launches_the_frozen_app_with_its_icon() -> None:
    entry = read_desktop()["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Import Assistant"
    assert entry["Exec"].split()[0] == spec_constants()["APP_NAME"]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_ids_match_desktop_entry_binary_and_version() -> None:
    root = etree.parse(str(METAINFO)).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == spec_constants()["APP_NAME"]
    # The newest release listed first must be the version being built.
    assert root.find("releases/release").get("version") == pyproject_version()


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_metainfo_passes_appstreamcli_validate() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def png_header(path: Path) -> tuple[int, int, int]:
    """Width, height and colour type from a PNG's IHDR chunk."""
    data = path.read_bytes()[:26]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height, data[25]


@pytest.mark.parametrize("size", PNG_SIZES)
def test_icon_png_is_square_rgba_at_its_size(size: int) -> None:
    assert png_header(ICONS / f"import-assistant-{size}.png") == (size, size, 6)


def test_icon_svg_is_a_square_svg_document() -> None:
    root = etree.parse(str(ICONS / "import-assistant.svg")).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == root.get("height")


def test_windows_ico_holds_png_images_up_to_256() -> None:
    data = (ICONS / "import-assistant.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index: 22 + 16 * index])
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icns_holds_every_retina_size() -> None:
    data = (ICONS / "import-assistant.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    types, offset = [], 8
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack(">I", data[offset + 4:offset + 8])[0]
        assert data[offset + 8:offset + 16] == b"\x89PNG\r\n\x1a\n"
        types.append(kind)
        offset += length
    assert types == [b"icp4", b"icp5", b"icp6", b"ic07", b"ic08", b"ic09", b"ic10"]


def test_make_package_runs_pyinstaller_on_the_spec() -> None:
    done = subprocess.run(["make", "-n", "-B", "package"], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "PyInstaller packaging/importer_gui.spec" in done.stdout


def fake_app_folder(tmp_path: Path) -> Path:
    """An unpacked app folder laid out as `make package` leaves it, with a stand-in program."""
    folder = tmp_path / "unpacked" / "ImportAssistant"
    shutil.copytree(ICONS, folder / "_internal" / "resources" / "icons")
    for name in ("install.sh", DESKTOP.name, METAINFO.name):
        shutil.copy2(LINUX / name, folder / name)
    program = folder / "ImportAssistant"
    program.write_text("#!/bin/sh\necho frozen\n", encoding="utf-8")
    program.chmod(0o755)
    return folder


@pytest.mark.skipif(not shutil.which("sh"), reason="needs a POSIX shell")
def test_install_script_installs_for_the_user_then_uninstalls(tmp_path: Path) -> None:
    folder, prefix = fake_app_folder(tmp_path), tmp_path / "prefix"
    env = {"PATH": "/usr/bin:/bin", "PREFIX": str(prefix), "HOME": str(tmp_path)}
    subprocess.run(["sh", str(folder / "install.sh")], env=env, check=True,
                   capture_output=True)
    app = prefix / "lib" / "ImportAssistant" / "ImportAssistant"
    done = subprocess.run([str(prefix / "bin" / "ImportAssistant")], capture_output=True,
                          text=True, check=True)
    assert done.stdout == "frozen\n"
    desktop = (prefix / "share" / "applications" / DESKTOP.name).read_text(encoding="utf-8")
    assert f"\nExec={app}\n" in desktop
    assert (prefix / "share" / "metainfo" / METAINFO.name).is_file()
    for size in PNG_SIZES:
        icon = prefix / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_header(icon)[:2] == (size, size)
    subprocess.run(["sh", str(app.parent / "install.sh"), "--uninstall"], env=env, check=True,
                   capture_output=True)
    # Only the desktop's own index files (rebuilt by the script) may remain.
    left = [p for p in prefix.rglob("*")
            if (p.is_file() or p.is_symlink()) and p.suffix != ".cache"]
    assert left == []
