#!/usr/bin/env python3
"""Refuse a build environment that would ship the wrong PyTorch.

Run by `make build-venv` (and CI) with the build venv's Python: fails unless
torch is a CPU-only build at the pinned version and no NVIDIA/CUDA wheel got in
(pip without the CPU index pulls a multi-GB CUDA torch on Linux).
"""

import importlib.metadata as md
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pinned(name: str) -> str | None:
    text = (ROOT / "packaging" / "constraints.txt").read_text()
    m = re.search(rf"^{re.escape(name)}==(\S+)", text, re.M | re.I)
    return m.group(1) if m else None


def main() -> int:
    import torch

    problems = []
    if torch.version.cuda is not None or getattr(torch.version, "hip", None):
        problems.append(f"torch {torch.__version__} is a GPU build (cuda={torch.version.cuda})")
    want = pinned("torch")
    have = torch.__version__.split("+")[0]
    if want and have != want:
        problems.append(f"torch {torch.__version__} is not the pinned {want}")
    gpu = sorted(
        d.metadata["Name"]
        for d in md.distributions()
        if re.match(r"(nvidia-|cuda-|triton\b)", (d.metadata["Name"] or "").lower())
    )
    if gpu:
        problems.append("GPU wheels installed: " + ", ".join(gpu))
    for p in problems:
        print(f"check_build_env: {p}", file=sys.stderr)
    if not problems:
        import PyInstaller
        import PySide6

        print(
            f"check_build_env: ok: torch {torch.__version__} (CPU), PySide6 {PySide6.__version__}, "
            f"PyInstaller {PyInstaller.__version__}, Python {sys.version.split()[0]}"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
