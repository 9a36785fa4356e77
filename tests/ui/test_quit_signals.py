"""Issue 15 items 7, 8 and 10 with real GradLab processes: SIGTERM, SIGHUP and
SIGINT autosave and quit cleanly; two running at once keep two autosaves; a
read-only home starts anyway and autosaves to a temporary folder.

Three apps run at once (one start's cost): A and B share one GradLab folder, C
has a read-only home. Each is sent its signal once its log says it is ready."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gradlab.core import checkpoint
from tests.core.test_fileio import read_only_folder

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
START_S = 120  # three apps importing torch at once on a loaded 2-core machine


def _app(env: dict, err: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gradlab"],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=err.open("wb"),
    )


def _ready(log: Path, count: int) -> bool:
    try:
        return log.read_text(encoding="utf-8").count(" ready: PyTorch ") >= count
    except FileNotFoundError:
        return False


def _wait_for(condition, what: str, apps) -> None:
    deadline = time.monotonic() + START_S
    while not condition():
        for app in apps:
            assert app.poll() is None, f"an app ended before {what}: status {app.returncode}"
        assert time.monotonic() < deadline, f"no {what} within {START_S} s"
        time.sleep(0.2)


def test_signals_autosave_and_quit_two_apps_keep_two_autosaves_a_read_only_home_starts(
    tmp_path,
):
    shared = tmp_path / "shared"
    temp = tmp_path / "tmp"
    temp.mkdir()
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GRADLAB_", "XDG_"))}
    with read_only_folder(tmp_path) as home:
        env_shared = {**base, "GRADLAB_HOME": str(shared)}
        env_home = {**base, "HOME": str(home), "TMPDIR": str(temp)}
        errs = [tmp_path / f"{name}.err" for name in "abc"]
        apps = []
        try:
            apps = [_app(env_shared, errs[0]), _app(env_shared, errs[1]), _app(env_home, errs[2])]
            fallback = temp / f"GradLab-{os.getuid()}"
            _wait_for(lambda: _ready(shared / "logs" / "gradlab.log", 2), "A and B ready", apps)
            _wait_for(lambda: _ready(fallback / "logs" / "gradlab.log", 1), "C ready", apps)
            for app, sent in zip(apps, (signal.SIGTERM, signal.SIGHUP, signal.SIGINT), strict=True):
                app.send_signal(sent)
            for app in apps:
                app.wait(timeout=60)
        finally:
            for app in apps:
                with contextlib.suppress(ProcessLookupError):
                    app.kill()
        assert [app.returncode for app in apps] == [0, 0, 0]
        for err in errs:
            text = err.read_text(errors="replace")
            assert "Traceback" not in text, text
        assert list(home.iterdir()) == []  # nothing was written in the read-only home

    # Each autosaved its own session, a fresh one (no update ran): A and B two
    # files, never one written over by the other; C in its temporary folder.
    autosaves = [
        shared / "data" / "autosave.gradlab.pt",
        shared / "data" / "autosave-2.gradlab.pt",
        fallback / "data" / "autosave.gradlab.pt",
    ]
    for path in autosaves:
        session, _ = checkpoint.load(path)
        assert session.step_count == 0
    logs = (shared / "logs" / "gradlab.log").read_text() + (
        fallback / "logs" / "gradlab.log"
    ).read_text()
    for sent in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        assert f"quitting on signal {int(sent)}" in logs
    assert logs.count("autosaved update 0 to") == 3
