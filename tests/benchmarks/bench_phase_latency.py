"""Phase latency: from a click on a phase button to the updated value on screen.

Clicks the five phase buttons in order for several updates (real mouse events on
the real window), and times each click until the frame that shows its result
has been handled and painted. Prints one JSON line: median, p90 and max in ms.
"""

from __future__ import annotations

import argparse
import time

from common import emit, median, open_window, percentile, run_script, wait_until

BUTTONS = (
    ("forward", "forwardButton"),
    ("loss", "lossButton"),
    ("zero_grad", "zeroGradButton"),
    ("backward", "backwardButton"),
    ("step", "stepButton"),
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=20)
    args = parser.parse_args()

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    app, window = open_window()
    c = window.controller
    latencies: dict[str, list[float]] = {name: [] for name, _ in BUTTONS}
    pending: dict = {}

    def on_frame(frame):
        snap = frame.snapshot
        if pending and snap is not None and snap.phase == pending["phase"]:
            done = pending.copy()
            pending.clear()
            # After this frame's paint: a zero timer runs once the loop is idle again.
            QTimer.singleShot(
                0,
                lambda: latencies[done["phase"]].append((time.perf_counter() - done["t0"]) * 1000),
            )

    c.frame.connect(on_frame)

    def script():
        yield from wait_until(lambda: c.ready and c.snapshot is not None)
        yield 0.5
        for _ in range(args.updates):
            for phase, name in BUTTONS:
                button = window.findChild(QPushButton, name)
                count = len(latencies[phase])
                pending.update(phase=phase, t0=time.perf_counter())
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                yield from wait_until(lambda p=phase, n=count: len(latencies[p]) > n, 10, 0.001)
                yield 0.05
        window.close()

    run_script(app, script())
    everything = [v for values in latencies.values() for v in values]
    emit(
        "phase_latency",
        {
            "clicks": len(everything),
            "ms_median": round(median(everything), 1),
            "ms_p90": round(percentile(everything, 90), 1),
            "ms_max": round(max(everything), 1),
            "ms_median_by_phase": {k: round(median(v), 1) for k, v in latencies.items()},
        },
    )


if __name__ == "__main__":
    main()
