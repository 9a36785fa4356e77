"""Freezes hide from averages (DESIGN §8): a watchdog on the GUI thread during a
long full-speed run, and a 200k-point history that must not livelock the plots."""

import time

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer

from gradlab.ui.mailbox import Frame
from gradlab.ui.updates import NO_UPDATES

WATCHDOG_MS = 250


class Watchdog:
    """A GUI-thread timer that records the longest gap between its ticks."""

    def __init__(self, interval_ms=20):
        self.longest = 0.0
        self._last = None
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def _tick(self):
        now = time.perf_counter()
        if self._last is not None:
            self.longest = max(self.longest, (now - self._last) * 1000)
        self._last = now

    def start(self):
        self._last = time.perf_counter()
        self.timer.start()


def test_full_speed_run_never_freezes_the_gui(qtbot, window):
    window.controls.speed_slider.setValue(window.controls.speed_slider.maximum())
    dog = Watchdog()
    dog.start()
    window.controller.run()
    qtbot.waitUntil(lambda: window.controller.snapshot.step > 5_000, timeout=60_000)
    qtbot.wait(1_000)
    window.controller.pause()
    dog.timer.stop()
    assert dog.longest < WATCHDOG_MS, f"the GUI froze for {dog.longest:.0f} ms"


class PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.paints = 0

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_200k_point_history_does_not_livelock(qtbot, window):
    n = 200_000
    steps = np.arange(1, n + 1, dtype=float)
    rows = {
        "step": steps,
        "loss": 1.0 / steps,
        "p0": 2 - 1 / steps,
        "p1": 1 - 1 / steps,
        "g0": -1 / steps,
        "g1": -0.5 / steps,
    }
    c = window.controller
    c.series.replace(rows)
    c.frame.emit(Frame(c.generation, None, None, c.snapshot, rows, True, [], None, NO_UPDATES))
    counter = PaintCounter()
    for plot in window.plots.plots():
        plot.viewport().installEventFilter(counter)
    dog = Watchdog()
    dog.start()
    qtbot.wait(1_500)  # no new data: the plots must go quiet
    dog.timer.stop()
    for plot in window.plots.plots():
        plot.viewport().removeEventFilter(counter)
    assert counter.paints < 20, f"{counter.paints} paints with no new data: a repaint loop"
    assert dog.longest < WATCHDOG_MS
    assert len(window.plots.loss_curve.getData()[0]) <= 1_000  # thinned for drawing
