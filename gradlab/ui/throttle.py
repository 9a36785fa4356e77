"""Redrawing less while training runs (DESIGN §8): every repaint is taken from
the training thread's time, so a panel that is read rather than watched shows
a run's snapshots a few times a second at most."""

from __future__ import annotations

import time


class RunThrottle:
    """Lets through at most one snapshot every `interval` seconds while a run
    goes on and holds back the newest of the others; when the run stops, the
    panel takes that one (`take_pending`) so it ends on the last state."""

    def __init__(self, interval: float):
        self.interval = interval
        self._last_shown = 0.0
        self._pending = None

    def offer(self, snap, running: bool):
        """The snapshot to show now, or None when it is held back."""
        if running:
            now = time.monotonic()
            if now - self._last_shown < self.interval:
                self._pending = snap
                return None
            self._last_shown = now
        self._pending = None
        return snap

    def take_pending(self):
        """The snapshot held back, once (None when there is none)."""
        snap, self._pending = self._pending, None
        return snap
