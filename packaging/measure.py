#!/usr/bin/env python3
"""Start-up time of a built GradLab: first paint and ready, median of several runs.

    python3 packaging/measure.py dist/gradlab/gradlab [--runs 7] [--platform xcb]

Each run starts the app in self-test mode (GRADLAB_SELFTEST=1, see
gradlab/selftest.py) with GRADLAB_LAUNCH_T0 set to time.time() just before the
process is created, so the self-test reports, in-process:
- first_paint_s: the main window's first paint event,
- ready_s: controller.ready (torch imported, session built, warm-up step done),
both in seconds since the launch. One warm-up run comes first and is not
counted (warm file cache: the figures a student sees from the second start on).
On Linux the window goes to one Xvfb server started here (--platform xcb, the
default when Xvfb is installed) or to Qt's offscreen platform. The load average
is printed too: the figures mean little on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one_run(app: str, platform: str, display: str | None, home: Path) -> dict:
    out = home / "report.json"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "GRADLAB_SELFTEST": "1",
        "GRADLAB_SELFTEST_OUT": str(out),
        "GRADLAB_SELFTEST_UPDATES": "10",
    }
    if sys.platform == "win32":
        env.update({k: os.environ[k] for k in ("SYSTEMROOT", "TEMP", "TMP") if k in os.environ})
    if platform != "native":
        env["QT_QPA_PLATFORM"] = platform
    if display:
        env["DISPLAY"] = display
    env["GRADLAB_LAUNCH_T0"] = repr(time.time())
    done = subprocess.run([app], env=env, cwd=home, capture_output=True, text=True, timeout=600)
    report = json.loads(out.read_text()) if out.exists() else {}
    if done.returncode != 0 or not report.get("ok"):
        raise SystemExit(f"run failed (exit {done.returncode}): {report} {done.stderr[-2000:]}")
    out.unlink()
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("app")
    parser.add_argument("--runs", type=int, default=7)
    default_platform = (
        "xcb"
        if shutil.which("Xvfb") and sys.platform.startswith("linux")
        else ("offscreen" if sys.platform.startswith("linux") else "native")
    )
    parser.add_argument(
        "--platform", choices=("xcb", "offscreen", "native"), default=default_platform
    )
    parser.add_argument("--json-out", help="write the figures to this file")
    args = parser.parse_args(argv)

    app = str(Path(args.app).absolute())
    xvfb = None
    display = None
    if args.platform == "xcb" and "DISPLAY" not in os.environ:
        display = ":97"
        xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
    elif args.platform == "xcb":
        display = os.environ["DISPLAY"]
    home = Path(tempfile.mkdtemp(prefix="gradlab-measure-"))
    try:
        one_run(app, args.platform, display, home)  # warm-up: fills the file cache
        reports = []
        for i in range(args.runs):
            r = one_run(app, args.platform, display, home)
            reports.append(r)
            print(
                f"run {i + 1}: first paint {r['first_paint_s']:.3f} s, ready {r['ready_s']:.3f} s",
                flush=True,
            )
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        shutil.rmtree(home, ignore_errors=True)
    paint = [r["first_paint_s"] for r in reports]
    ready = [r["ready_s"] for r in reports]
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    summary = {
        "app": app,
        "platform": args.platform,
        "runs": args.runs,
        "first_paint_median_s": round(statistics.median(paint), 3),
        "first_paint_min_max_s": [min(paint), max(paint)],
        "ready_median_s": round(statistics.median(ready), 3),
        "ready_min_max_s": [min(ready), max(ready)],
        "load_average": load,
        "cpus": os.cpu_count(),
    }
    print(json.dumps(summary, indent=2))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
