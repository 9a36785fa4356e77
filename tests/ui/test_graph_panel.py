"""The computation-graph panel, driven through the real window's controller (a
TrainingSession in the worker thread), phase by phase."""

import time
import xml.etree.ElementTree as ET

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsView, QListWidget

from gradlab.core.config import ExperimentConfig
from gradlab.ui import theme
from gradlab.ui.panels.graph.panel import RUN_REFRESH_S, GraphPanel
from gradlab.ui.texts import format_value
from tests.ui.conftest import READY_MS

STILL = 3_600_000  # a replay step so long that only advance() moves it on


@pytest.fixture
def panel(qtbot, window):
    widget = GraphPanel(window.controller, window.colours)
    qtbot.addWidget(widget)
    widget.resize(450, 350)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def run(qtbot, window, panel, phase):
    """Run one phase and wait until the panel has drawn its snapshot."""
    drawn = panel.redraw_count
    window.controller.run_phase(phase)
    qtbot.waitUntil(lambda: panel.redraw_count > drawn, timeout=10_000)
    return window.controller.snapshot


def by_name(panel):
    return {text.split("\n")[0]: nid for nid, text in panel.node_texts().items()}


def boxes_overlap(panel):
    rects = [v.box.sceneBoundingRect() for v in panel.graph_scene.node_views.values()]
    return any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_graph_appears_with_forward_and_loss(qtbot, window, panel):
    assert panel.node_texts() == {} and panel.state_text() == "no graph"
    assert panel.findChild(QGraphicsView, "graphView") is panel.view
    run(qtbot, window, panel, "forward")
    names = by_name(panel)
    assert {"AddmmBackward0", "TBackward0", "x", "y_pred"} <= set(names)
    assert "loss" not in names and panel.state_text() == "live"
    built = panel.build_count
    run(qtbot, window, panel, "loss")
    texts = panel.node_texts()
    names = by_name(panel)
    assert {"MseLossBackward0", "loss", "y", "weight  1×1", "bias  1"} <= set(names)
    assert texts["loss"] == f"loss\n= {format_value(window.controller.snapshot.loss)}"
    assert panel.build_count == built + 1  # a new structure: new items
    assert panel.param_grad_texts() == {"weight": "None", "bias": "None"}
    assert panel.edge_texts() == {} and panel.freed_nodes() == set()
    assert not boxes_overlap(panel)
    run(qtbot, window, panel, "zero_grad")
    assert panel.build_count == built + 1 and panel.state_text() == "live"
    assert "zero_grad()" in panel.caption()


def test_backward_replays_node_by_node_in_the_real_order(qtbot, window, panel):
    panel.step_ms = STILL
    for phase in ("forward", "loss", "zero_grad"):
        run(qtbot, window, panel, phase)
    built = panel.build_count
    snap = run(qtbot, window, panel, "backward")
    graph = snap.graph
    assert panel.animating and panel.build_count == built  # same items, new texts
    # Step 0: backward() starts at the loss with gradient 1.
    loss_op = graph.order[0]
    assert panel.current_node() == "loss"
    assert panel.edge_texts() == {(loss_op, "loss"): "1.0000"}
    assert panel.param_grad_texts() == {"weight": "None", "bias": "None"}
    assert panel.freed_nodes() == set()
    seen = []
    for step, node_id in enumerate(graph.order, start=1):
        panel.advance()
        seen.append(panel.current_node())
        assert panel.state_text() == f"backward {step}/{len(graph.order)}"
        done = set(graph.order[:step])
        ops = {n.id for n in graph.nodes if n.kind == "op"}
        assert panel.freed_nodes() == ops & done  # freed as backward runs each op
        for source, target in panel.edge_texts():
            assert target in done | {"loss", "y_pred"}, (source, target)
        node = graph.node(node_id)
        if node.kind == "param":
            index = snap.param_names.index(node.param)
            expected = format_value(snap.grads[index][0])
            assert panel.param_grad_texts()[node.param] == expected
            assert node.param in panel.caption()
    assert seen == list(graph.order)
    panel.advance()
    assert not panel.animating and panel.state_text() == "freed"
    # All recorded gradients are on their edges, the params hold .grad.
    assert set(panel.edge_texts()) == set(graph.edge_grads)
    assert panel.param_grad_texts() == {
        "weight": format_value(snap.grad(0)),
        "bias": format_value(snap.grad(1)),
    }
    assert panel.freed_nodes() == {n.id for n in graph.nodes if n.kind == "op"}
    assert "backward() is done" in panel.caption()


def test_step_and_zero_grad_reuse_the_items(qtbot, window, panel):
    panel.step_ms = 1
    for phase in ("forward", "loss", "zero_grad", "backward"):
        run(qtbot, window, panel, phase)
    qtbot.waitUntil(lambda: not panel.animating, timeout=5_000)
    built = panel.build_count
    grads = panel.param_grad_texts()
    snap = run(qtbot, window, panel, "step")
    assert panel.build_count == built
    assert panel.param_grad_texts() == grads  # step() does not touch .grad
    assert panel.state_text() == "freed" and "step()" in panel.caption()
    assert snap.graph.node(by_name(panel)["weight  1×1"]).info.values == snap.params[0][:1]
    run(qtbot, window, panel, "zero_grad")
    assert panel.build_count == built and not panel.animating
    assert panel.param_grad_texts() == {"weight": "None", "bias": "None"}
    assert "None" in panel.caption()
    # The next update's loss graph has the same structure: still the same items.
    run(qtbot, window, panel, "forward")
    run(qtbot, window, panel, "loss")
    assert panel.build_count == built + 2  # y_pred-rooted graph, then the loss graph


def test_second_backward_explains_retain_graph(qtbot, window, panel):
    panel.step_ms = STILL
    for phase in ("forward", "loss", "zero_grad", "backward"):
        run(qtbot, window, panel, phase)
    shown = panel.node_texts()
    graph = window.controller.snapshot.graph
    weight = by_name(panel)["weight  1×1"]
    assert panel.animating
    run(qtbot, window, panel, "backward")  # refused: the graph is freed
    messages = window.findChild(QListWidget, "messagePanel")
    qtbot.waitUntil(lambda: "refused" in messages.item(messages.count() - 1).text())
    assert window.controller.snapshot.graph is graph
    assert not panel.animating  # the refusal ends the replay; it does not start another
    assert panel.node_texts() != shown  # jumped to the end: every .grad filled in
    assert panel.param_grad_texts()["weight"] == format_value(graph.node_grads[weight][0][0])
    assert panel.state_text() == "freed"
    assert "retain_graph=True" in panel.caption()
    run(qtbot, window, panel, "forward")
    assert "retain_graph" not in panel.caption() and panel.state_text() == "live"


def test_skipping_zero_grad_says_gradients_accumulate(qtbot, window, panel):
    panel.step_ms = STILL
    for phase in ("forward", "loss", "backward", "forward", "loss"):
        run(qtbot, window, panel, phase)
    before = panel.param_grad_texts()
    snap = run(qtbot, window, panel, "backward")
    assert snap.event.code == "backward.accumulated"
    assert panel.param_grad_texts() == before  # the old .grad until AccumulateGrad runs
    while panel.animating:
        panel.advance()
        if panel.current_node() in {n.id for n in snap.graph.nodes if n.kind == "param"}:
            assert "added" in panel.caption()
    weight = by_name(panel)["weight  1×1"]
    text = panel.inspect(weight)
    assert f".grad: {format_value(snap.grad(0))}" in text
    assert "this backward() added" in text


def test_inspector_shows_the_tensor_facts(qtbot, window, panel):
    panel.step_ms = 1
    for phase in ("forward", "loss", "zero_grad", "backward"):
        run(qtbot, window, panel, phase)
    qtbot.waitUntil(lambda: not panel.animating, timeout=5_000)
    snap = window.controller.snapshot
    names = by_name(panel)
    weight = panel.inspect(names["weight  1×1"])
    for fact in ("requires_grad: True", "is_leaf: True", "grad_fn: None", "(1, 1) float32"):
        assert fact in weight
    assert f".grad: {format_value(snap.grad(0))}" in weight
    assert f"value: {format_value(snap.w)}" in weight
    y_pred = panel.inspect("y_pred")
    for fact in ("is_leaf: False", "grad_fn: AddmmBackward0", "(100, 1) float32", "gradient"):
        assert fact in y_pred
    addmm = panel.inspect(names["AddmmBackward0"])
    assert "saved for backward: mat1 (100, 1), now freed" in addmm
    assert "output shape: (100, 1)" in addmm and "sent to bias" in addmm
    # Clicking a node pins it; clicking the background lets it go.
    selected = []
    panel.nodeSelected.connect(selected.append)
    panel.inspect(None)
    view = panel.view
    loss_box = panel.graph_scene.node_views["loss"].box
    point = view.mapFromScene(loss_box.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert selected == ["loss"]
    assert "grad_fn: MseLossBackward0" in panel.inspector_text()
    empty = QPoint(3, view.viewport().height() - 3)
    assert view.itemAt(empty) is None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert selected == ["loss", ""] and panel.inspector_text() == ""


def test_export_png_and_svg(qtbot, window, panel, tmp_path):
    for phase in ("forward", "loss"):
        run(qtbot, window, panel, phase)
    png, svg = tmp_path / "graph.png", tmp_path / "graph.svg"
    panel.export(png)
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 200 and image.height() > 200
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in (0, 40)}
    assert QColor(window.colours.background).name() in colours and len(colours) > 1
    panel.export(svg)
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "MseLossBackward0" in svg.read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        panel.export(tmp_path / "graph.pdf")


def test_mlp_graph_is_laid_out_without_overlaps(qtbot, window, panel):
    panel.step_ms = 1
    window.controller.apply_config(ExperimentConfig(model="mlp", hidden=16), "settings")
    qtbot.waitUntil(
        lambda: (
            window.controller.snapshot is not None
            and window.controller.snapshot.model_kind == "mlp"
        ),
        timeout=10_000,
    )
    for phase in ("forward", "loss", "zero_grad", "backward"):
        run(qtbot, window, panel, phase)
    qtbot.waitUntil(lambda: not panel.animating, timeout=5_000)
    names = [text.split("\n")[0] for text in panel.node_texts().values()]
    assert names.count("AddmmBackward0") == 2 and names.count("TBackward0") == 2
    assert "TanhBackward0" in names and "MseLossBackward0" in names
    grads = panel.param_grad_texts()
    assert set(grads) == {"0.weight", "0.bias", "2.weight", "2.bias"}
    assert grads["0.weight"].startswith("[") and grads["0.weight"].endswith(", …]")
    assert not grads["2.bias"].startswith("[")
    assert not boxes_overlap(panel)
    # Every gradient label sits where it can be read, on top of the edges and nodes.
    assert len(panel.edge_texts()) == len(window.controller.snapshot.graph.edge_grads)
    panel.apply_colours(theme.DARK)
    assert panel.view.backgroundBrush().color().name() == theme.DARK.background


def test_layout_direction_follows_the_panel_shape(qtbot, window, panel):
    for phase in ("forward", "loss"):
        run(qtbot, window, panel, phase)
    panel.resize(330, 600)
    qtbot.waitUntil(lambda: panel.orientation == "vertical", timeout=2_000)
    panel.resize(1200, 250)
    qtbot.waitUntil(lambda: panel.orientation == "horizontal", timeout=2_000)
    assert not boxes_overlap(panel)
    scale = panel.view.transform().m11()
    panel.view.zoom_by(1.5)
    assert panel.view.transform().m11() == pytest.approx(scale * 1.5)
    panel.resize(1100, 260)  # zoomed by hand: resizing no longer refits
    qtbot.wait(50)
    assert panel.view.transform().m11() == pytest.approx(scale * 1.5)
    panel.fit()
    assert panel.view.transform().m11() != pytest.approx(scale * 1.5)


def test_full_speed_run_redraws_rarely_and_reuses_items(qtbot, window, panel):
    panel.step_ms = STILL
    for phase in ("forward", "loss", "zero_grad", "backward"):
        run(qtbot, window, panel, phase)
    built, drawn = panel.build_count, panel.redraw_count
    window.controller.set_speed(None)
    started = time.monotonic()
    window.controller.run()
    assert not panel.animating and panel.state_text() == "running"
    qtbot.waitUntil(lambda: window.controller.snapshot.step > 200, timeout=20_000)
    qtbot.wait(1_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=10_000)
    elapsed = time.monotonic() - started
    assert panel.build_count == built  # same structure: the items were reused
    # Throttled to a few redraws a second (+ the first one, and those at the pause).
    assert panel.redraw_count - drawn <= elapsed / RUN_REFRESH_S + 3
    qtbot.waitUntil(lambda: panel.state_text() == "freed", timeout=5_000)
    assert "last update" in panel.caption() and panel.edge_texts() == {}
    assert not panel.replay_button.isEnabled()


def test_a_new_graph_cancels_the_replay_and_a_deleted_panel_stops(qtbot, window):
    panel = GraphPanel(window.controller, window.colours)  # deleted below, not by qtbot
    panel.resize(450, 350)
    panel.show()
    panel.step_ms = STILL
    for phase in ("forward", "loss", "zero_grad", "backward"):
        run(qtbot, window, panel, phase)
    assert panel.animating
    run(qtbot, window, panel, "zero_grad")
    assert not panel.animating and panel.param_grad_texts() == {"weight": "None", "bias": "None"}
    assert panel.replay()  # replays the recorded backward, then shows today's .grad again
    assert panel.animating and panel.replay_button.text() == "Skip"
    panel.step_ms = 5
    panel.replay()
    panel.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(panel), timeout=5_000)
    # The controller keeps publishing; nothing reaches the deleted panel.
    for phase in ("forward", "loss", "backward"):
        window.controller.run_phase(phase)
    snapshots = window.controller.snapshot
    qtbot.waitUntil(lambda: window.controller.snapshot is not snapshots, timeout=10_000)
    qtbot.wait(100)


def test_panel_created_late_shows_the_current_graph(qtbot, window):
    before = GraphPanel(window.controller, window.colours)
    qtbot.addWidget(before)
    for phase in ("forward", "loss"):
        window.controller.run_phase(phase)
    # Both phases may arrive in one frame (the mailbox keeps the newest snapshot).
    qtbot.waitUntil(lambda: "loss" in before.node_texts(), timeout=10_000)
    late = GraphPanel(window.controller, window.colours)
    qtbot.addWidget(late)
    assert late.node_texts() == before.node_texts()
    assert late.state_text() == "live"


def test_panel_follows_a_reset(qtbot, window, panel):
    for phase in ("forward", "loss"):
        run(qtbot, window, panel, phase)
    assert panel.node_texts()
    generation = window.controller.generation
    window.controller.reset()
    qtbot.waitUntil(lambda: window.controller.generation != generation, timeout=READY_MS)
    qtbot.waitUntil(lambda: panel.state_text() == "no graph", timeout=10_000)
    assert panel.node_texts() == {} and not panel.export_button.isEnabled()
