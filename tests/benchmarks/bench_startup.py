"""Startup: from process start to the window's first paint, and to ready (torch
loaded, session built, buttons enabled). Launches `python -m gradlab` in its
hidden self-test mode several times (warm file cache after the first, which is
not counted) and prints one JSON line with medians and every run."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

from common import ROOT, BackgroundLoad, add_load_option, emit, median


def one_run(home: str) -> dict:
    env = dict(os.environ)
    env.update(
        GRADLAB_SELFTEST="1",
        GRADLAB_SELFTEST_UPDATES="1",
        GRADLAB_HOME=home,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    )
    env.pop("GRADLAB_LAUNCH_T0", None)
    done = subprocess.run(
        [sys.executable, "-m", "gradlab"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise SystemExit(f"self-test failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    add_load_option(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home, BackgroundLoad(args.load):
        one_run(home)  # warm the file cache
        runs = [one_run(home) for _ in range(args.runs)]
    paint = [r["first_paint_s"] for r in runs]
    ready = [r["ready_s"] for r in runs]
    emit(
        "startup",
        {
            "first_paint_s_median": round(median(paint), 3),
            "ready_s_median": round(median(ready), 3),
            "first_paint_s": paint,
            "ready_s": ready,
            "measured_from": runs[0].get("start_source"),
            "runs": args.runs,
            "background_load": args.load,
        },
    )


if __name__ == "__main__":
    main()
