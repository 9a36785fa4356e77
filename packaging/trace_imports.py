#!/usr/bin/env python3
"""Which modules does GradLab import? The evidence behind the bundle's exclusions.

    .venv/bin/python packaging/trace_imports.py [--out build/imports-used.txt] [--unused]

Runs, in the development environment, the same experiments as packaging/smoke.py
(every optimizer, loss, mini-batches, the MLP, checkpoints, graph, export-script)
and the window self-test, each in a fresh interpreter, and records the union of
the modules they imported. Then it checks that no module the bundle excludes
(packaging/bundle_rules.py) was imported: exit status 1 names any that was.
--unused lists the largest torch subpackages that none of the runs imported (the
candidates for exclusion, with their size on disk).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_rules  # noqa: E402
import smoke  # noqa: E402

CLI_WRAPPER = r"""
import atexit, sys
out = sys.argv[1]
def dump():
    with open(out, "w") as f:
        f.write("\n".join(sorted(sys.modules)))
atexit.register(dump)
sys.path.insert(0, sys.argv[2])
from gradlab.__main__ import main
code = main(sys.argv[3:])
"""


def scenarios(work: Path) -> list[list[str]]:
    ck = str(work / "ck.pt")
    runs = [["train", *argv, "--json"] for _name, argv, _kw in smoke.TRAIN_CASES]
    runs += [
        ["train", "--steps", "5", "--save", ck],
        ["train", "--resume", ck, "--steps", "5"],
        ["graph", "--format", "json"],
        ["graph", "--format", "dot"],
        ["export-script", "-o", str(work / "x.py")],
        ["train", "--lr", "-1"],
    ]
    return runs


def trace(python: str, jobs: int = 2) -> set[str]:
    work = Path(tempfile.mkdtemp(prefix="gradlab-trace-"))
    runs = scenarios(work)
    # The checkpoint must exist before --resume runs: run those two in order first.
    ordered = [r for r in runs if "--save" in r] + [r for r in runs if "--resume" in r]
    rest = [r for r in runs if r not in ordered]
    used: set[str] = set()

    def cli(i_argv):
        i, argv = i_argv
        out = work / f"cli-{i}.txt"
        subprocess.run(
            [python, "-c", CLI_WRAPPER, str(out), str(ROOT), *argv],
            capture_output=True,
            cwd=work,
            timeout=600,
        )
        return out.read_text().split() if out.exists() else []

    def window(platform="offscreen"):
        out = work / "gui.txt"
        env = dict(os.environ, GRADLAB_SELFTEST="1", QT_QPA_PLATFORM=platform)
        env["GRADLAB_SELFTEST_DUMP"] = str(out)
        done = subprocess.run(
            [python, str(ROOT / "packaging" / "launcher.py")],
            capture_output=True,
            text=True,
            cwd=work,
            env=env,
            timeout=600,
        )
        report = json.loads(done.stdout.strip().splitlines()[-1])
        if not report.get("ok"):
            raise SystemExit(f"the window self-test failed in the dev environment: {report}")
        return [m for m in out.read_text().split("\n") if m and not m.startswith("lib:")]

    for i, argv in enumerate(ordered):
        used.update(cli((i, argv)))
    with ThreadPoolExecutor(jobs) as pool:
        for names in pool.map(cli, enumerate(rest, start=len(ordered))):
            used.update(names)
    used.update(window())
    return used


def excluded_but_used(used: set[str]) -> list[str]:
    bad = []
    for name in sorted(used):
        for ex in bundle_rules.excluded_modules():
            if name == ex or name.startswith(ex + "."):
                bad.append(f"{name} (excluded as {ex})")
    return bad


def unused_packages(used: set[str], top: str = "torch", min_kb: int = 200):
    """Largest subpackages of `top` of which no module was imported."""
    import importlib.util

    spec = importlib.util.find_spec(top)
    base = Path(spec.origin).parent
    found = []

    def walk(folder: Path, dotted: str):
        for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
            if not (sub / "__init__.py").exists():
                continue
            name = f"{dotted}.{sub.name}"
            if any(m == name or m.startswith(name + ".") for m in used):
                walk(sub, name)
            else:
                size = sum(f.stat().st_size for f in sub.rglob("*.py"))
                if size >= min_kb * 1024:
                    found.append((size, name))

    walk(base, top)
    return sorted(found, reverse=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "imports-used.txt"))
    parser.add_argument("--unused", action="store_true")
    args = parser.parse_args(argv)
    used = trace(sys.executable)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(sorted(used)) + "\n")
    print(f"{len(used)} modules imported over all runs -> {args.out}")
    if args.unused:
        for size, name in unused_packages(used):
            print(f"  unused {size / 1e6:6.2f} MB  {name}")
    bad = excluded_but_used(used)
    for line in bad:
        print(f"EXCLUDED BUT IMPORTED: {line}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
