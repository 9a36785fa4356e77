#!/usr/bin/env python3
"""Fast packaging checks (seconds, no build): `make package-check`.

    .venv/bin/python packaging/check.py [--skip-build-venv]

- the spec, the rules and every packaging script parse; the shell scripts pass `sh -n`;
- no module of gradlab imports something the bundle excludes (static, by AST);
- the .desktop file (desktop-file-validate when installed) and the AppStream
  metadata (appstreamcli validate when installed) are valid and agree on the id;
- the icons exist with the sizes the installers expect;
- the Inno Setup script installs per user; the workflow is valid YAML with the
  three platform jobs (and passes actionlint when that is installed);
- the build venv, when it exists, has PyInstaller and a CPU-only torch.
tests/packaging runs the same checks under pytest (`make test`).
Prints one line per check; exit status 1 when any failed.
"""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))
import bundle_rules  # noqa: E402

APP_ID = "org.gradlab.GradLab"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
ISS = PACKAGING / "windows" / "gradlab.iss"


class Skip(Exception):
    """The check cannot run here (a tool is missing); not a failure."""


def _build_python() -> Path | None:
    for rel in ("build/venv/bin/python", "build/venv/Scripts/python.exe"):
        if (ROOT / rel).exists():
            return ROOT / rel
    return None


# ------------------------------------------------------------------- checks
def check_sources_parse() -> str:
    files = [PACKAGING / "gradlab.spec", *PACKAGING.rglob("*.py")]
    for f in files:
        ast.parse(f.read_text(encoding="utf-8"), filename=str(f))
    shells = [*PACKAGING.rglob("*.sh")]
    for f in shells:
        if shutil.which("sh"):
            done = subprocess.run(["sh", "-n", str(f)], capture_output=True, text=True)
            assert done.returncode == 0, f"{f.name}: {done.stderr}"
    return f"{len(files)} Python files and {len(shells)} shell scripts parse"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def check_app_imports_nothing_excluded() -> str:
    excluded = bundle_rules.excluded_modules()
    bad = []
    files = sorted((ROOT / "gradlab").rglob("*.py"))
    for f in files:
        for name in imported_modules(f):
            for ex in excluded:
                if name == ex or name.startswith(ex + "."):
                    bad.append(f"{f.relative_to(ROOT)} imports {name} (excluded as {ex})")
    assert not bad, "the bundle leaves these out (packaging/bundle_rules.py):\n" + "\n".join(bad)
    return f"{len(files)} gradlab modules import nothing the bundle excludes"


def check_rules() -> str:
    # The measured facts: these must never be excluded whole, or import torch breaks.
    for whole in ("torch._dynamo", "torch._inductor", "torch.testing", "torch.distributed",
                  "torch.onnx", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "sympy"):  # fmt: skip
        assert whole not in bundle_rules.excluded_modules(), f"{whole} must stay"
    assert bundle_rules.is_system_library("libstdc++.so.6")
    assert bundle_rules.is_system_library("libgtk-3.so.0")
    assert not bundle_rules.is_system_library("libpython3.11.so.1.0")
    assert not bundle_rules.is_dropped_file("torch/bin/torch_shm_manager")
    assert bundle_rules.is_dropped_file("torch/bin/protoc")
    assert not bundle_rules.is_dropped_file("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not bundle_rules.is_dropped_file("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert not bundle_rules.is_dropped_file("gradlab/assets/lessons/en/01-first-program.md")
    return "exclusion rules keep torch importable, xcb/offscreen and every asset"


def check_desktop_file() -> str:
    parser = configparser.RawConfigParser(strict=True, interpolation=None)
    parser.optionxform = str
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"].split()[0] == "gradlab", "the .deb's launcher is /usr/bin/gradlab"
    assert entry["Icon"] == APP_ID
    assert entry["Type"] == "Application"
    tool = shutil.which("desktop-file-validate")
    if tool:
        done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
        assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr
        return "desktop file valid (desktop-file-validate)"
    return "desktop file parses (desktop-file-validate not installed)"


def check_metainfo() -> str:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    releases = [r.get("version") for r in root.iter("release")]
    assert bundle_rules.version() in releases, (
        f'metainfo has no <release version="{bundle_rules.version()}"> (gradlab.__version__)'
    )
    tool = shutil.which("appstreamcli")
    if tool:
        done = subprocess.run(
            [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return "AppStream metadata valid (appstreamcli)"
    return "AppStream metadata parses (appstreamcli not installed)"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def check_icons() -> str:
    icons = PACKAGING / "icons"
    ET.parse(icons / "gradlab.svg")
    assert _png_size(icons / "gradlab.png") == (256, 256)
    assert _png_size(icons / "gradlab-48.png") == (48, 48)
    ico = (icons / "gradlab.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and struct.unpack("<H", ico[4:6])[0] >= 5
    assert (icons / "gradlab.icns").read_bytes()[:4] == b"icns"
    return "icons: SVG, PNG 256/48, ICO, ICNS"


def check_inno_setup() -> str:
    text = ISS.read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.M), "must install per user"
    assert "{autoprograms}" in text, "Start-menu entry"
    assert "dist\\gradlab" in text
    assert not re.search(r"^Uninstallable=no", text, re.M)
    return "Inno Setup script: per user, Start menu, uninstaller"


def check_workflow() -> str:
    text = WORKFLOW.read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:
        yaml = None
    if yaml is not None:
        doc = yaml.safe_load(text)
        jobs = doc["jobs"]
        assert {"linux", "windows", "macos"} <= set(jobs), sorted(jobs)
        on = doc.get("on", doc.get(True))  # YAML 1.1 reads `on` as True
        assert "tags" in on["push"]
    for job in ("linux:", "windows:", "macos:"):
        assert f"\n  {job}" in text
    assert text.count("packaging/smoke.py") >= 3, "each platform runs the smoke test"
    tool = shutil.which("actionlint")
    if tool:
        done = subprocess.run([tool, str(WORKFLOW)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        return "release workflow passes actionlint"
    return "release workflow parses" + ("" if yaml else " (no PyYAML/actionlint: text checks)")


def check_build_venv() -> str:
    py = _build_python()
    if py is None:
        raise Skip("no build/venv (make build-venv)")
    done = subprocess.run(
        [str(py), "-m", "PyInstaller", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    pins = (PACKAGING / "build-constraints.txt").read_text()
    want = re.search(r"^pyinstaller==(\S+)", pins, re.M).group(1)
    assert done.stdout.strip() == want, f"PyInstaller {done.stdout.strip()}, pinned {want}"
    env = subprocess.run(
        [str(py), str(PACKAGING / "check_build_env.py")], capture_output=True, text=True
    )
    assert env.returncode == 0, env.stderr
    return "build venv: " + env.stdout.split("ok: ", 1)[-1].strip()


CHECKS = [
    check_sources_parse,
    check_app_imports_nothing_excluded,
    check_rules,
    check_desktop_file,
    check_metainfo,
    check_icons,
    check_inno_setup,
    check_workflow,
    check_build_venv,
]


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    failed = 0
    for check in CHECKS:
        if "--skip-build-venv" in argv and check is check_build_venv:
            continue
        name = check.__name__.removeprefix("check_")
        try:
            print(f"PASS  {name}: {check()}")
        except Skip as exc:
            print(f"skip  {name}: {exc}")
        except (AssertionError, OSError, ET.ParseError, KeyError) as exc:
            failed += 1
            print(f"FAIL  {name}: {exc}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
