"""Soak: one million updates at full speed in the real window, RSS sampled
throughout. Prints one JSON line: RSS at start, after the warm-up, at the end
and its maximum, the slope over the second half (MB per 100k updates: about 0
means no steady growth), and the history rows kept (bounded)."""

from __future__ import annotations

import argparse
import os
import time

from common import emit, open_window, run_script, wait_until


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares MB per 100k updates."""
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(p[0] for p in points) / n
    my = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mx) ** 2 for p in points)
    sxy = sum((p[0] - mx) * (p[1] - my) for p in points)
    return (sxy / sxx) * 100_000 if sxx else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--every", type=float, default=2.0, help="seconds between samples")
    args = parser.parse_args()

    app, window = open_window()
    c = window.controller
    samples: list[tuple[int, float]] = []
    info = {}

    def script():
        yield from wait_until(lambda: c.ready and c.snapshot is not None)
        info["rss_ready"] = rss_mb()
        window.controls.speed_slider.setValue(window.controls.speed_slider.maximum())
        t0 = time.perf_counter()
        c.run()
        while c.snapshot.step < args.steps:
            yield args.every
            samples.append((c.snapshot.step, rss_mb()))
            if not c.running:
                c.run()  # a run never stops by itself here, but be robust
        c.pause()
        info["seconds"] = time.perf_counter() - t0
        yield 0.5
        info["steps"] = c.snapshot.step
        info["history_rows"] = c.series.length
        window.close()

    run_script(app, script())
    second_half = [p for p in samples if p[0] >= args.steps / 2]
    emit(
        "soak",
        {
            "steps": info["steps"],
            "seconds": round(info["seconds"], 1),
            "steps_per_s": round(info["steps"] / info["seconds"]),
            "rss_mb_ready": round(info["rss_ready"], 1),
            "rss_mb_first_sample": round(samples[0][1], 1),
            "rss_mb_end": round(samples[-1][1], 1),
            "rss_mb_max": round(max(r for _, r in samples), 1),
            "rss_mb_per_100k_steps_second_half": round(slope(second_half), 2),
            "history_rows_kept": info["history_rows"],
            "samples": len(samples),
        },
    )


if __name__ == "__main__":
    main()
