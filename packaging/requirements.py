#!/usr/bin/env python3
"""Print the app's runtime requirements (pyproject.toml [project] dependencies),
one per line, for the build environment (`make build-venv` writes them to
build/requirements.txt and installs them with both constraint files).
The build venv gets GradLab's dependencies but not GradLab itself: the spec reads
the package from the source tree, so what ships is always the working tree."""

import re
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def dependencies() -> list[str]:
    text = PYPROJECT.read_text(encoding="utf-8")
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the list is simple enough to read
        block = re.search(r"^dependencies\s*=\s*\[(.*?)^\]", text, re.S | re.M).group(1)
        return re.findall(r'^\s*"([^"]+)"', block, re.M)
    return tomllib.loads(text)["project"]["dependencies"]


if __name__ == "__main__":
    print("\n".join(dependencies()))
