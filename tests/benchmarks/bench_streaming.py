"""Streaming: a full-speed run with every panel visible, against the raw loop.

Prints one JSON line: steps/s of the app and of the raw tutorial loop, measured
alternately in the same process and repeated (medians, and the ratio per
round, the raw rate being the mean of runs just before and after), the GUI event-loop lateness over all app rounds (p50/p99/max of a 10 ms
probe timer) and the frames per second the panels were updated. The raw loop's
rate is printed beside the ratio (the median and each round's), and the host's
load average with every figure: a ratio means little without them. `--load`
runs it all beside one busy background process (common.BackgroundLoad).
"""

from __future__ import annotations

import argparse
import time

from common import (
    BackgroundLoad,
    LatenessProbe,
    add_load_option,
    emit,
    median,
    open_window,
    percentile,
    raw_steps_per_second,
    run_script,
    wait_until,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument(
        "--layout",
        choices=("full", "beginner"),
        default="full",
        help="full: every panel and plot (the default, the most a frame costs); "
        "beginner: the first start's layout",
    )
    add_load_option(parser)
    args = parser.parse_args()

    app, window = open_window(args.size, args.layout)
    frames: list[float] = []
    window.controller.frame.connect(lambda _f: frames.append(time.perf_counter()))
    probe = LatenessProbe()
    results = {"app": [], "raw": [], "ratio": [], "fps": []}
    lateness: list[float] = []

    def script():
        c = window.controller
        yield from wait_until(lambda: c.ready and c.snapshot is not None)
        window.controls.speed_slider.setValue(window.controls.speed_slider.maximum())
        for _ in range(args.rounds):
            # The raw loop right before and right after each app run: the host's
            # speed drifts, so each round is compared with its own neighbours.
            raw_before = raw_steps_per_second(args.seconds / 2)
            c.reset()
            yield 0.3
            c.run()
            yield args.warmup  # past the first range changes: measure the steady stream
            s0 = c.snapshot.step
            frames.clear()
            probe.start()
            t0 = time.perf_counter()
            yield args.seconds
            c.pause()
            t1 = time.perf_counter()
            probe.stop()
            yield 0.3
            rate = (c.snapshot.step - s0) / (t1 - t0)
            raw = (raw_before + raw_steps_per_second(args.seconds / 2)) / 2
            results["app"].append(rate)
            results["raw"].append(raw)
            results["ratio"].append(rate / raw)
            results["fps"].append(sum(t0 <= f <= t1 for f in frames) / (t1 - t0))
            lateness.extend(probe.late_ms)
        window.close()

    with BackgroundLoad(args.load):
        run_script(app, script())
    emit(
        "streaming",
        {
            "app_steps_per_s": round(median(results["app"])),
            "raw_steps_per_s": round(median(results["raw"])),
            "ratio": round(median(results["ratio"]), 3),
            "ratios": [round(r, 3) for r in results["ratio"]],
            "raw_steps_per_s_rounds": [round(r) for r in results["raw"]],
            "lateness_ms_p50": round(percentile(lateness, 50), 2),
            "lateness_ms_p99": round(percentile(lateness, 99), 2),
            "lateness_ms_max": round(max(lateness), 2),
            "fps": round(median(results["fps"]), 1),
            "rounds": args.rounds,
            "seconds_per_round": args.seconds,
            "warmup_seconds": args.warmup,
            "window": args.size,
            "layout": args.layout,
            "background_load": args.load,
        },
    )


if __name__ == "__main__":
    main()
