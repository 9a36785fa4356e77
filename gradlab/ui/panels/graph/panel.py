"""The computation-graph panel: the autograd graph PyTorch really recorded, drawn
natively, with backward() replayed node by node.

The panel only ever holds the snapshot's plain `core.graph.Graph`. It follows
the controller's frames and ties the parts together: the scene's items
(scene.py), the replay of the recorded backward() (replay.py), the inspector
(inspector.py), the caption (captions.py) and the export (export.py). While
training runs the panel redraws a few times a second at most, and never
animates.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QBoxLayout, QWidget

from gradlab.ui import zoom
from gradlab.ui.panels.graph.captions import describe
from gradlab.ui.panels.graph.export import ask_and_export, export_scene
from gradlab.ui.panels.graph.inspector import Inspector, inspect_rows
from gradlab.ui.panels.graph.items import GraphView
from gradlab.ui.panels.graph.replay import BackwardReplay
from gradlab.ui.panels.graph.scene import GraphScene
from gradlab.ui.panels.graph.side import SideColumn
from gradlab.ui.throttle import RunThrottle

translate = QCoreApplication.translate

RUN_REFRESH_S = 0.35  # while training runs: at most ~3 redraws a second
MIN_TEXT_PT = 7.5  # fitting never shrinks the boxes' text below this (at 100 % zoom)
SIDE_WIDTH = 176  # the caption and buttons column beside the view
SIDE_MIN_WIDTH = 380  # narrower than this, the column goes below the view
QWIDGETSIZE_MAX = (1 << 24) - 1


class GraphPanel(QWidget):
    """The computation graph of the current update, following the controller's frames."""

    nodeSelected = Signal(str)  # the node id the student clicked ("" when cleared)

    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("graphPanel")
        self.controller = controller
        self._colours = colours
        # What is shown: plain data from the latest snapshot.
        self._replay = BackwardReplay(self)
        self._replay.changed.connect(self._redraw)
        self._structure = None
        self._phase: str | None = None
        self._event = None  # the snapshot's Event object (identity tells a new call)
        self._refused_pending = False
        self._refusal_event = None  # set while the retain_graph explanation applies
        # Each update records and frees a new graph; redrawing it every frame would
        # only take time from training (DESIGN §8).
        self._throttle = RunThrottle(RUN_REFRESH_S)
        self._auto_fit = True
        self._hovered: str | None = None
        self._pinned: str | None = None
        self.build_count = 0  # how often items were (re)built; tests check reuse
        self.redraw_count = 0  # how many snapshots were drawn

        self.graph_scene = GraphScene(self)  # items, rebuilt only when the structure changes
        self.view = GraphView(self.graph_scene.scene, self)
        self.view.setToolTip(
            translate(
                "GraphPanel",
                "The autograd graph PyTorch recorded: grey arrows carry values forward, red "
                "ones carry gradients back. Drag to pan, use the wheel to zoom, Fit to see it all. "
                "Hover over or click a box to inspect it.",
            )
        )
        self.view.zoomed.connect(self._on_user_zoom)
        self.view.resized.connect(self._on_view_resized)
        self.view.backgroundClicked.connect(self._unpin)

        # Buttons and caption go beside the view in a wide panel, below it in a tall one:
        # either way the graph gets the longer side.
        self._side = SideColumn(self)
        self.fit_button = self._side.fit_button
        self.replay_button = self._side.replay_button
        self.export_button = self._side.export_button
        self.caption_label = self._side.caption_label
        self.fit_button.clicked.connect(self.fit)
        self.replay_button.clicked.connect(self._on_replay_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self._state = ""
        self._caption = ""

        # In the side column when there is one, else floating over the view's corner.
        self.inspector = Inspector(self.view)

        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._body.setContentsMargins(4, 4, 4, 4)
        self._body.setSpacing(6)
        self._body.addWidget(self.view, 1)
        self._body.addWidget(self._side)
        self._side_by_side = False

        # Ctrl+plus, Ctrl+minus and Ctrl+0 belong to the window's zoom (View menu),
        # which enlarges this panel too; here the wheel zooms the drawing alone.

        self.apply_colours(colours)
        if controller.snapshot is not None:
            self._show_snapshot(controller.snapshot)
        controller.frame.connect(self._on_frame)
        controller.runningChanged.connect(self._on_running)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        side_by_side = self.width() >= SIDE_MIN_WIDTH and self.width() >= 1.25 * self.height()
        if side_by_side != self._side_by_side:
            self._side_by_side = side_by_side
            self._body.setDirection(
                QBoxLayout.Direction.LeftToRight
                if side_by_side
                else QBoxLayout.Direction.TopToBottom
            )
            if side_by_side:
                self._side.setFixedWidth(SIDE_WIDTH)
            else:
                self._side.setMinimumWidth(0)
                self._side.setMaximumWidth(QWIDGETSIZE_MAX)
            self._move_inspector(side_by_side)

    def _move_inspector(self, into_side: bool) -> None:
        shown = not self.inspector.isHidden()
        self.inspector.setMinimumSize(0, 0)
        self.inspector.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        if into_side:
            self._side.insert_inspector(self.inspector)
        else:
            self._side.remove_inspector(self.inspector)
            self.inspector.setParent(self.view)
        self.inspector.set_transparent(not into_side)
        if shown:
            self._place_inspector()
            self.inspector.show()

    # ------------------------------------------------------------ public API
    @property
    def animating(self) -> bool:
        return self._replay.animating

    @property
    def step_ms(self) -> int:
        """Milliseconds per node of the backward replay."""
        return self._replay.step_ms

    @step_ms.setter
    def step_ms(self, ms: int) -> None:
        self._replay.step_ms = ms

    def fit(self) -> None:
        """Fit the graph into the view, in whichever direction (top-to-bottom or
        left-to-right) shows it larger, and keep fitting as the panel resizes."""
        self._auto_fit = True
        self._fit()

    def replay(self) -> bool:
        """Replay the current graph's backward(); False when there is none to replay."""
        graph = self._replay.graph
        if graph is None or not graph.order or self.controller.running:
            return False
        self._replay.start()
        return True

    def advance(self) -> None:
        """Show the replay's next node (its timer calls this)."""
        self._replay.advance()

    def finish_animation(self) -> None:
        """Jump to the end of the replay."""
        self._replay.finish()

    def export(self, path) -> None:
        """Save the graph as PNG or SVG, chosen by the file's suffix."""
        export_scene(self.graph_scene.scene, self._colours.background, path)

    def inspect(self, node_id: str | None, pin: bool = False) -> str:
        """Show a node in the inspector (pinned: it stays after the mouse leaves);
        returns the inspector's text."""
        node_views = self.graph_scene.node_views
        if pin:
            self._pinned = node_id if node_id in node_views else None
            self.nodeSelected.emit(self._pinned or "")
        self._show_inspector(node_id if node_id in node_views else self._pinned)
        return self.inspector.plain

    def inspector_text(self) -> str:
        return "" if self.inspector.isHidden() else self.inspector.plain

    def caption(self) -> str:
        """The caption's sentence (without the state word in front of it)."""
        return self._caption

    def state_text(self) -> str:
        """The state word before the caption: no graph, live, backward 2/5, freed, running."""
        return self._state

    def node_texts(self) -> dict[str, str]:
        """Node id -> the text drawn in its box (title, newline, subtitle)."""
        return self.graph_scene.node_texts()

    def param_grad_texts(self) -> dict[str, str]:
        """Parameter name -> the .grad its node shows ("None" or numbers)."""
        return self.graph_scene.param_grad_texts(self._replay.nodes)

    def edge_texts(self) -> dict[tuple[str, str], str]:
        """(source, target) -> the gradient label shown on that edge (shown ones only)."""
        return self.graph_scene.edge_texts()

    def freed_nodes(self) -> set[str]:
        """Ids of the op nodes drawn as freed (dashed)."""
        return self.graph_scene.freed_nodes()

    def current_node(self) -> str | None:
        """The node the replay is at (None when not replaying)."""
        return self._replay.current()

    @property
    def orientation(self) -> str:
        return "vertical" if self.graph_scene.vertical else "horizontal"

    def apply_zoom(self, _factor: float) -> None:
        """Boxes and texts anew in the zoomed font, fitted again."""
        self._structure = None
        self._set_graph(self._replay.graph)
        if self._auto_fit:
            self._fit()

    def apply_colours(self, colours) -> None:
        self._colours = colours
        self.view.setBackgroundBrush(QColor(colours.background))
        self.inspector.apply_colours(colours)
        self._apply()
        if not self.inspector.isHidden():
            self._show_inspector(self._hovered or self._pinned)
        self._update_chrome()

    # -------------------------------------------------------------- frames
    @Slot(object)
    def _on_frame(self, frame) -> None:
        if any(getattr(m, "code", "") == "backward.freed" for m in frame.messages):
            self._refused_pending = True
        snap = frame.snapshot
        if snap is None:
            return
        snap = self._throttle.offer(snap, self.controller.running)
        if snap is not None:
            self._show_snapshot(snap)

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        if running:
            self.finish_animation()
        elif (snap := self._throttle.take_pending()) is not None:
            self._show_snapshot(snap)
        self._update_chrome()

    def _show_snapshot(self, snap) -> None:
        self.redraw_count += 1
        replay = self._replay
        refused, self._refused_pending = self._refused_pending, False
        new_call = snap.event is not self._event
        if refused:
            # The refused backward() changed nothing; its snapshot repeats the last event.
            self._refusal_event = snap.event
        elif new_call:
            self._refusal_event = None
        self._event = snap.event
        self._phase = snap.phase
        graph = snap.graph
        fresh_backward = (
            new_call
            and not refused
            and snap.phase == "backward"
            and graph is not None
            and bool(graph.order)
            and not self.controller.running
        )
        if graph is not replay.graph:
            replay.cancel()  # a new graph cancels any replay
            if fresh_backward:  # remembered with the recording, for replays and captions
                replay.accumulated = snap.event.code == "backward.accumulated"
            elif graph is None or not graph.order:
                replay.accumulated = False
            self._set_graph(graph)
            if fresh_backward:
                # What .grad held before this backward(): the replay fills it in node by node.
                replay.before = dict(zip(snap.param_names, snap.prev_grads or (), strict=False))
                replay.after = replay.current_grads()
                replay.start()
        elif refused:
            self.finish_animation()
        self._update_chrome()

    # ---------------------------------------------------------- the graph
    def _set_graph(self, graph) -> None:
        replay = self._replay
        replay.set_graph(graph)
        structure = graph.structure() if graph is not None else None
        if structure != self._structure:
            self._structure = structure
            self._build()
            # Not seen recorded: a replay can only start from "None" and end at today's .grad.
            replay.before = {}
            replay.after = replay.current_grads()
        self._apply()
        if self._hovered or self._pinned:
            self._show_inspector(self._hovered or self._pinned)

    def _build(self) -> None:
        """New items for a new structure (forward, loss, a new model)."""
        self.build_count += 1
        self.graph_scene.clear()
        self._hovered = None
        if self._pinned is not None:
            self._pinned = None
            self.nodeSelected.emit("")
        self.inspector.hide()
        self.graph_scene.populate(self._replay.graph, self.font(), self)

    @Slot()
    def _redraw(self) -> None:
        """The replay moved on: draw its state and say what it shows."""
        self._apply()
        self._update_chrome()

    def _apply(self) -> None:
        """Draw the state of backward() on the items; fit them again when they moved."""
        if self.graph_scene.draw(self._replay, self._colours) and self._auto_fit:
            self._fit()

    def _fit(self) -> None:
        # Never smaller than readable: a big graph (the MLP's) is panned instead.
        smallest = MIN_TEXT_PT * zoom.factor() / max(1.0, self.font().pointSizeF())
        fitted = self.graph_scene.fit(self.view, self._replay.nodes, smallest)
        if fitted and not self.inspector.isHidden():
            self._place_inspector()

    @Slot()
    def _on_user_zoom(self) -> None:
        self._auto_fit = False

    @Slot()
    def _on_view_resized(self) -> None:
        if self._auto_fit:
            self._fit()
        elif not self.inspector.isHidden():
            self._place_inspector()

    # ----------------------------------------------------------- inspector
    def hover(self, node_id: str, entered: bool) -> None:
        """The mouse entered or left a node's box (see items.NodeItem)."""
        if entered:
            self._hovered = node_id
            self._show_inspector(node_id)
        elif self._hovered == node_id:
            self._hovered = None
            self._show_inspector(self._pinned)

    @Slot()
    def _unpin(self) -> None:
        if self._pinned is not None:
            self._pinned = None
            self.nodeSelected.emit("")
            self._show_inspector(self._hovered)

    def _show_inspector(self, node_id: str | None) -> None:
        node = self._replay.nodes.get(node_id) if node_id is not None else None
        if node is None:
            self.inspector.clear()
            return
        title, rows = inspect_rows(node, self._replay)
        self.inspector.set_rows(title, rows, self._colours.grad)
        self._place_inspector(node_id)
        self.inspector.show()
        self.inspector.raise_()

    def _place_inspector(self, node_id: str | None = None) -> None:
        if self._side_by_side:
            self.inspector.fit_column(SIDE_WIDTH)
            return
        node_id = node_id or self._hovered or self._pinned
        centre = None
        if node_id in self.graph_scene.node_views:
            box = self.graph_scene.node_views[node_id].box
            centre = self.view.mapFromScene(box.sceneBoundingRect().center())
        self.inspector.float_over(self.view, centre)

    # -------------------------------------------------------------- chrome
    def _update_chrome(self) -> None:
        state, caption, warn = describe(
            self._replay,
            running=self.controller.running,
            refused=self._refusal_event is not None,
            phase=self._phase,
        )
        self._state, self._caption = state, caption
        self._side.set_caption(
            state, caption, self._colours.grad if warn else self._colours.foreground
        )
        graph = self._replay.graph
        self._side.set_buttons(
            has_graph=graph is not None,
            can_replay=graph is not None and bool(graph.order) and not self.controller.running,
            animating=self.animating,
        )

    @Slot()
    def _on_replay_clicked(self) -> None:
        if self.animating:
            self.finish_animation()
        else:
            self.replay()

    @Slot()
    def _on_export_clicked(self) -> None:
        ask_and_export(self, self.export)
