"""Shared helpers for the benchmark scripts (not collected by pytest)."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def raw_steps_per_second(seconds: float = 1.5) -> float:
    """The tutorial's loop, bare, in this process, one torch thread like the worker."""
    import torch
    import torch.nn as nn
    import torch.optim as optim

    torch.set_num_threads(1)
    torch.manual_seed(0)
    x = torch.randn(100, 1)
    y = 2 * x + 1
    model = nn.Linear(1, 1)
    criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    steps = 0
    t0 = time.perf_counter()
    end = t0 + seconds
    while True:
        for _ in range(100):
            y_pred = model(x)
            loss = criterion(y_pred, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss.item()  # the app reads the loss every step; so does the baseline
        steps += 100
        now = time.perf_counter()
        if now >= end:
            return steps / (now - t0)


def percentile(values, q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values):
    return statistics.median(values) if values else float("nan")


def host_load() -> float | None:
    """The host's 1-minute load average (Linux), printed with every figure: on a
    shared machine it says how busy the host was while the figure was taken."""
    try:
        with open("/proc/loadavg") as fh:
            return float(fh.read().split()[0])
    except OSError:
        return None


def emit(name: str, figures: dict) -> None:
    print(json.dumps({"benchmark": name, **figures, "host_load_1min": host_load()}))
    sys.stdout.flush()


class BackgroundLoad:
    """`--load`: one busy process beside the benchmark for its whole length, a
    core's worth of someone else's work (a student's browser, an update...), so
    the figures for a busy laptop are known too. Use as a context manager."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self._process = None

    def __enter__(self):
        if self.enabled:
            import subprocess

            self._process = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        return self

    def __exit__(self, *exc) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()


def add_load_option(parser) -> None:
    parser.add_argument(
        "--load",
        action="store_true",
        help="run with one busy background process (a core's worth of other work)",
    )


def open_window(size: str = "1366x768", layout: str = "full"):
    """The app and its main window as the benchmarks measure it: light theme,
    the given size and layout (by default Full: every panel and plot visible,
    the most a frame can cost; a first start shows the lighter Beginner
    layout), shown. Returns (app, window)."""
    import os
    import tempfile

    # Settings, autosaves and logs of their own: never the user's.
    os.environ.setdefault("GRADLAB_HOME", tempfile.mkdtemp(prefix="gradlab-bench-"))
    from gradlab.ui.app import make_app
    from gradlab.ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(theme_name="light")
    window.layouts.apply(layout)
    window.resize(*(int(v) for v in size.split("x")))
    window.show()
    return app, window


def run_script(app, script) -> None:
    """Run a generator inside app.exec(): each `yield seconds` lets the real event
    loop run that long (a processEvents() loop would not behave like the app)."""
    from PySide6.QtCore import QTimer

    def advance():
        try:
            delay = next(script)
        except StopIteration:
            app.quit()
            return
        QTimer.singleShot(int(delay * 1000), advance)

    QTimer.singleShot(0, advance)
    app.exec()


def wait_until(predicate, timeout: float = 60.0, step: float = 0.05):
    """For use inside run_script generators: `yield from wait_until(...)`."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("condition not reached")
        yield step


class LatenessProbe:
    """A GUI-thread timer that records how late each tick fires (event-loop lateness)."""

    def __init__(self, interval_ms: int = 10):
        from PySide6.QtCore import Qt, QTimer

        self.interval = interval_ms / 1000
        self.late_ms: list[float] = []
        self._last = None
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def start(self):
        self._last = time.perf_counter()
        self.late_ms.clear()
        self.timer.start()

    def stop(self):
        self.timer.stop()

    def _tick(self):
        now = time.perf_counter()
        self.late_ms.append(max(0.0, (now - self._last - self.interval) * 1000))
        self._last = now
