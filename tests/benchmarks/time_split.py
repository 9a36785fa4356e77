"""Where a full-speed run's time goes, per thread: a measurement, not a target.

Runs the window at full speed (every panel visible, as bench_streaming.py) and,
over each round, reads the kernel's per-thread accounting (/proc schedstat):
time on a CPU, time runnable but waiting for a CPU (the host is busy), and time
asleep. For the worker it also times the waits at the frame gate, so its sleep
splits into gate waits and the rest (GIL hand-offs, the event loop between
ticks). For the GUI it sums the time the frames took (gate closed). The raw loop
runs before and after each round in the same process, as in bench_streaming.py.
Fractions are of the wall time of a round; "worker_steps_per_cpu_s_vs_raw" is
the worker's updates per second on a CPU over the raw loop's (1.0: as
efficient as the bare loop). Linux only. Prints one JSON line of medians over
the rounds.
"""

from __future__ import annotations

import argparse
import os
import time

from common import emit, median, open_window, raw_steps_per_second, run_script, wait_until


def schedstat(tid: int) -> tuple[float, float]:
    """(seconds on a CPU, seconds runnable but waiting) of one thread."""
    with open(f"/proc/self/task/{tid}/schedstat") as fh:
        run_ns, wait_ns, _ = fh.read().split()
    return int(run_ns) / 1e9, int(wait_ns) / 1e9


def process_cpu() -> float:
    """Seconds on a CPU of every thread of this process (Qt's paint helpers too)."""
    return sum(schedstat(int(tid))[0] for tid in os.listdir("/proc/self/task"))


def thread_named(prefix: str) -> int:
    for tid in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{tid}/comm") as fh:
            if fh.read().startswith(prefix):
                return int(tid)
    raise LookupError(prefix)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--size", default="1366x768")
    args = parser.parse_args()

    from gradlab.ui.controller import Controller
    from gradlab.ui.mailbox import FrameGate

    gate_wait = [0.0]
    frame_time = [0.0]
    frames = [0]
    wait_open, on_frame = FrameGate.wait_open, Controller._on_frame

    def timed_wait(self):
        t = time.perf_counter()
        wait_open(self)
        gate_wait[0] += time.perf_counter() - t

    def timed_frame(self):
        t = time.perf_counter()
        on_frame(self)
        frame_time[0] += time.perf_counter() - t
        frames[0] += 1

    FrameGate.wait_open = timed_wait
    Controller._on_frame = timed_frame

    app, window = open_window(args.size)
    gui_tid = os.getpid()
    rows: list[dict] = []

    def script():
        c = window.controller
        yield from wait_until(lambda: c.ready and c.snapshot is not None)
        worker_tid = thread_named("GradLabTrain")
        window.controls.speed_slider.setValue(window.controls.speed_slider.maximum())
        for _ in range(args.rounds):
            r0 = schedstat(gui_tid)
            t = time.perf_counter()
            raw_before = raw_steps_per_second(args.seconds / 2)
            r1 = schedstat(gui_tid)
            raw_wall = time.perf_counter() - t
            c.reset()
            yield 0.3
            c.run()
            yield 1.0
            s0 = c.snapshot.step
            w0, g0, p0 = schedstat(worker_tid), schedstat(gui_tid), process_cpu()
            gate_wait[0] = frame_time[0] = 0.0
            frames[0] = 0
            t0 = time.perf_counter()
            yield args.seconds
            t1 = time.perf_counter()
            w1, g1, p1 = schedstat(worker_tid), schedstat(gui_tid), process_cpu()
            steps, waited, framed, nframes = (
                c.snapshot.step - s0,
                gate_wait[0],
                frame_time[0],
                frames[0],
            )
            c.pause()
            yield 0.3
            r2 = schedstat(gui_tid)
            t = time.perf_counter()
            raw = (raw_before + raw_steps_per_second(args.seconds / 2)) / 2
            r3 = schedstat(gui_tid)
            raw_wall += time.perf_counter() - t
            raw_cpu = (r1[0] - r0[0] + r3[0] - r2[0]) / raw_wall
            wall = t1 - t0
            w_cpu, w_queue = w1[0] - w0[0], w1[1] - w0[1]
            rows.append(
                {
                    "ratio": steps / wall / raw,
                    "raw": raw,
                    "raw_cpu": raw_cpu,
                    "worker_steps_per_cpu_s_vs_raw": (steps / w_cpu) / (raw / raw_cpu),
                    "worker_cpu": w_cpu / wall,
                    "worker_runqueue": w_queue / wall,
                    "worker_gate_wait": waited / wall,
                    "worker_other_sleep": (wall - w_cpu - w_queue - waited) / wall,
                    "gui_cpu": (g1[0] - g0[0]) / wall,
                    "gui_runqueue": (g1[1] - g0[1]) / wall,
                    "other_threads_cpu": (p1 - p0 - w_cpu - (g1[0] - g0[0])) / wall,
                    "frame_ms": 1000 * framed / max(1, nframes),
                    "fps": nframes / wall,
                }
            )
        window.close()

    run_script(app, script())
    out = {k: round(median([r[k] for r in rows]), 3) for k in rows[0]}
    out["ratios"] = [round(r["ratio"], 3) for r in rows]
    out["raw"] = round(out["raw"])
    out["cpu_share_ratio"] = round(median([r["worker_cpu"] / r["raw_cpu"] for r in rows]), 3)
    emit("time_split", out)


if __name__ == "__main__":
    main()
