"""The graph being shown and how far its recorded backward() has been replayed.

The order and the gradients come from one real backward() the session recorded
with hooks; the replay reveals them node by node on a GUI-thread QTimer
(backward itself takes microseconds). Everything else in the panel asks this
object what backward() has done so far: which nodes ran, which are freed, what
a parameter's .grad holds at this point.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QTimer, Signal, Slot

STEP_MS = 550  # one node of the backward replay


class BackwardReplay(QObject):
    """A child of the panel: its timer dies with the panel, never fires after."""

    changed = Signal()  # the replay started, moved on a node or ended: redraw

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.graph = None  # a plain core.graph.Graph from the latest snapshot
        self.nodes: dict = {}  # node id -> node of self.graph
        self.accumulated = False  # the recorded backward() added to old .grad values
        # .grad per parameter before and after the recorded backward(), for the replay.
        self.before: dict[str, tuple | None] = {}
        self.after: dict[str, tuple | None] = {}
        self.step_ms = STEP_MS
        # Revealed entries of graph.order (-1: not replaying).
        self.step = -1
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.advance)

    def set_graph(self, graph) -> None:
        self.graph = graph
        self.nodes = {n.id: n for n in graph.nodes} if graph is not None else {}

    # ------------------------------------------------------------- playing
    @property
    def animating(self) -> bool:
        return self.step >= 0

    def cancel(self) -> None:
        """Stop without a redraw (a new graph is about to be drawn)."""
        self._timer.stop()
        self.step = -1

    def start(self) -> None:
        self.step = 0
        self._timer.start(self.step_ms)
        self.changed.emit()

    @Slot()
    def advance(self) -> None:
        graph = self.graph
        if graph is None or self.step < 0:
            self._timer.stop()
            return
        self.step += 1
        if self.step > len(graph.order):
            self.finish()
            return
        self.changed.emit()

    def finish(self) -> None:
        """Jump to the end of the replay."""
        if self.animating:
            self.cancel()
            self.changed.emit()

    # ------------------------------------------------------------- reading
    def current(self) -> str | None:
        """The node the replay is at (None when not replaying)."""
        if not self.animating or self.graph is None:
            return None
        if self.step == 0:
            return self.graph.root
        return self.graph.order[self.step - 1]

    def done(self) -> set[str]:
        """The nodes backward() has run, as far as the replay got."""
        graph = self.graph
        if self.animating:
            return set(graph.order[: self.step])
        return set(graph.order) if graph.freed else set()

    def is_freed(self, node, done: set[str]) -> bool:
        """An op's saved tensors are freed as soon as backward() has run it; a graph
        rebuilt after a run is freed without a recorded order."""
        if node.kind != "op" or not self.graph.freed:
            return False
        return node.id in done or not self.graph.order

    def param_grad(self, node, done: set[str]):
        """The .grad to show: replayed nodes get the recorded result, others the old value."""
        if self.animating:
            grads = self.after if node.id in done else self.before
            return grads.get(node.param)
        return None if node.info is None else node.info.grad

    def current_grads(self) -> dict[str, tuple | None]:
        """Each parameter's .grad as the graph's snapshot has it."""
        return {
            n.param: (None if n.info is None else n.info.grad)
            for n in self.nodes.values()
            if n.kind == "param"
        }

    def numel(self, node_id: str) -> int:
        node = self.nodes.get(node_id)
        if node is None or node.shape is None:
            return 0
        return math.prod(node.shape)
