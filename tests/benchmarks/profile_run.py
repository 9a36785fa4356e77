"""A full-speed run to profile: the window as bench_streaming.py opens it, at
full speed for --seconds after a warm-up, then closes. Run it under a sampling
profiler, e.g. `py-spy record --threads --native -o run.txt --format raw --
python tests/benchmarks/profile_run.py` (see PROFILE.md). Prints the app's rate."""

from __future__ import annotations

import argparse
import time

from common import emit, open_window, run_script, wait_until


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--size", default="1366x768")
    args = parser.parse_args()
    app, window = open_window(args.size)
    info = {}

    def script():
        c = window.controller
        yield from wait_until(lambda: c.ready and c.snapshot is not None)
        window.controls.speed_slider.setValue(window.controls.speed_slider.maximum())
        c.run()
        yield args.warmup
        s0, t0 = c.snapshot.step, time.perf_counter()
        yield args.seconds
        c.pause()
        info["rate"] = (c.snapshot.step - s0) / (time.perf_counter() - t0)
        yield 0.3
        window.close()

    run_script(app, script())
    emit("profile_run", {"app_steps_per_s": round(info["rate"]), "seconds": args.seconds})


if __name__ == "__main__":
    main()
