"""The hand-over from the worker thread to the GUI: the Mailbox (latest-wins
state plus append-only series), the Frame the GUI takes from it, and the
FrameGate that holds the worker while a frame paints (DESIGN §3, §8)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from gradlab.ui.updates import NO_UPDATES, Updates


@dataclass
class Frame:
    """What the GUI takes from the mailbox in one frame."""

    generation: int
    ready: bool | None  # None: unchanged since the last frame
    running: bool | None  # None: unchanged since the last frame
    snapshot: object | None  # a Snapshot, or None when nothing changed
    rows: dict | None  # new history rows (column -> list), or None
    replace_rows: bool  # rows replace the whole series (reset, compaction, step back)
    messages: list
    data: tuple | None  # (x list, y list) after a reset
    updates: Updates  # landscape, compare, maths ... (UNSET fields unchanged)


class FrameGate:
    """Lets the GUI draw a frame without trading the GIL with the worker.

    While the GUI paints, it calls into Python hundreds of times (pyqtgraph's
    items); each call has to win the GIL back from the training loop, which gives
    it up in every torch op. That ping-pong, not the painting itself, cost most of
    the throughput. So the GUI closes the gate for the length of a frame, the
    worker stops between two updates and sleeps on the condition (GIL released),
    and the frame runs uncontended.
    """

    MAX_WAIT = 0.1  # never let a forgotten gate stall training for long

    def __init__(self):
        self._closed = False
        self._cond = threading.Condition()

    def close(self) -> None:
        self._closed = True

    def open(self) -> None:
        with self._cond:
            self._closed = False
            self._cond.notify_all()

    def is_closed(self) -> bool:
        return self._closed

    def wait_open(self) -> None:
        with self._cond:
            self._cond.wait_for(lambda: not self._closed, self.MAX_WAIT)


class Mailbox:
    """Latest-wins state plus append-only series, handed from worker to GUI."""

    def __init__(self):
        self._lock = threading.Lock()
        self.gate = FrameGate()
        self._generation = 0
        self._ready: bool | None = None
        self._running: bool | None = None
        self._snapshot = None
        self._rows: dict | None = None
        self._replace = False
        self._messages: list = []
        self._data = None
        self._updates = NO_UPDATES
        self._snapshot_taken = True

    def wants_snapshot(self) -> bool:
        """False while the GUI has not yet taken the last snapshot (saves copying)."""
        return self._snapshot_taken

    def put(
        self,
        *,
        snapshot=None,
        rows: dict | None = None,
        replace: bool = False,
        messages=(),
        data=None,
        ready: bool | None = None,
        running: bool | None = None,
        new_generation: bool = False,
        updates: Updates | None = None,
    ) -> None:
        with self._lock:
            if new_generation:
                self._generation += 1
                self._rows = None
                self._replace = True
            if snapshot is not None:
                self._snapshot = snapshot
                self._snapshot_taken = False
            if rows is not None:
                if replace or self._rows is None:
                    self._rows = {k: list(v) for k, v in rows.items()}
                    self._replace = self._replace or replace
                else:
                    for key, values in rows.items():
                        self._rows[key].extend(values)
            self._messages.extend(messages)
            if data is not None:
                self._data = data
            if ready is not None:
                self._ready = ready
            if running is not None:
                self._running = running
            if updates:
                self._updates = self._updates.merged(updates)

    def take(self) -> Frame:
        with self._lock:
            frame = Frame(
                generation=self._generation,
                ready=self._ready,
                running=self._running,
                snapshot=None if self._snapshot_taken else self._snapshot,
                rows=self._rows,
                replace_rows=self._replace,
                messages=self._messages,
                data=self._data,
                updates=self._updates,
            )
            self._snapshot_taken = True
            self._rows = None
            self._replace = False
            self._messages = []
            self._data = None
            self._updates = NO_UPDATES
            self._ready = None
            self._running = None
            return frame
