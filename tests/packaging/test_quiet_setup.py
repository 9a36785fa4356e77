"""A newcomer's first `make run` shows progress lines, not setuptools' banner
about editable installs (issue 16): the Makefile installs quietly and filters
that one warning, which reaches the build backend pip runs through the
environment."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What setuptools' editable_wheel warns with (its first words are what the filter matches).
BANNER = (
    "import warnings\n"
    "class BuildBackendWarning(UserWarning):\n"
    "    pass\n"
    "warnings.warn('Editable installation.\\n!!\\n  Please be careful with folders in your "
    "working directory with the same name as your package', BuildBackendWarning)\n"
)


def _run(env_extra: dict) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    env.update(env_extra)
    done = subprocess.run(
        [sys.executable, "-c", BANNER], capture_output=True, text=True, env=env, check=True
    )
    return done.stderr


def test_the_setup_installs_quietly_and_filters_the_editable_install_banner():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(r'^QUIET_BUILD := PYTHONWARNINGS="([^"]+)"$', makefile, re.M)
    assert found, "the Makefile no longer defines QUIET_BUILD"
    installs = [line for line in makefile.splitlines() if "pip install" in line and " -e " in line]
    assert installs
    for line in installs:
        assert "$(QUIET_BUILD)" in line and "--quiet" in line, line
    # The filter silences exactly that banner, which is loud without it.
    assert "Editable installation" in _run({})
    assert _run({"PYTHONWARNINGS": found.group(1)}) == ""
