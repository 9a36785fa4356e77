"""Packaging checks that run in `make test`: fast, nothing is built.

The builds and their smoke tests are `make package` and `make package-smoke`
(packaging/README.md); these tests keep what they rely on from breaking: the
spec's rules against the app's imports, the Linux metadata, the installer
scripts, the workflow, and the hidden window self-test the smoke test runs.
"""

import importlib.util
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(
        f"_packaging_{name}", ROOT / "packaging" / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check = _load("check")
smoke = _load("smoke")


@pytest.mark.parametrize("fn", check.CHECKS, ids=lambda f: f.__name__.removeprefix("check_"))
def test_packaging_check(fn):
    try:
        fn()
    except check.Skip as exc:
        pytest.skip(str(exc))


def test_smoke_cases_are_valid_reference_runs():
    from tests.reference import reference_run

    params = inspect.signature(reference_run).parameters
    for name, argv, kwargs in smoke.TRAIN_CASES:
        assert set(kwargs) <= set(params), name
        flags = {a.lstrip("-").replace("-", "_") for a in argv if a.startswith("--")}
        assert flags == set(kwargs), f"{name}: arguments and reference keywords differ"


def test_selftest_module_imports_without_qt():
    code = "import sys, gradlab.selftest; print(any(m.startswith('PySide6') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_window_selftest_matches_the_tutorial_loop(tmp_path):
    """What the bundle's smoke test runs, in the dev environment: the window
    starts, does 100 full updates equal to the tutorial's loop, shows the lessons
    in every language and exits 0 (packaging/launcher.py, GRADLAB_SELFTEST=1)."""
    out = tmp_path / "report.json"
    env = dict(
        os.environ,
        GRADLAB_SELFTEST="1",
        GRADLAB_SELFTEST_OUT=str(out),
        GRADLAB_SELFTEST_TIMEOUT="150",
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "launcher.py")],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.exists(), done.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert done.returncode == 0 and report["ok"], (report, done.stderr[-3000:])
    assert report["steps"] == 100

    from tests.reference import reference_run

    model, loss, _x, _y = reference_run(steps=100)
    expected = {n: p.detach().flatten().tolist() for n, p in model.named_parameters()}
    assert report["parameters"] == expected
    assert report["loss"] == loss.item()


def test_launcher_runs_the_cli(tmp_path):
    """Without GRADLAB_SELFTEST the bundle's entry script is the `gradlab` command."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "launcher.py"), "train", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "--steps" in done.stdout
