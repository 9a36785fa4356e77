"""Issue 17 items 1-3 in the window: drawing on the data plot with real mouse
events (add, move, delete, undo), importing a good and a bad CSV, exporting.

The session's tensors are read back through the controller (its data, which the
worker takes from session.x and session.y, and its snapshots), and compared with
the tutorial's loop written out in tests/reference.py on the same points.
"""

import ast

import pytest
import torch
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QToolButton

from gradlab.core import example_data
from gradlab.core.csvdata import read_csv
from gradlab.core.datapoints import DataPoints
from tests.reference import reference_run
from tests.ui.conftest import find
from tests.ui.trust_helpers import messages

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
NONE, SHIFT = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier


def pixel(plot, x: float, y: float) -> QPoint:
    """Where the point (x, y) of the data plot is on its viewport."""
    scene = plot.getPlotItem().vb.mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene)


def view_point(plot, where: QPoint) -> tuple[float, float]:
    p = plot.getPlotItem().vb.mapSceneToView(plot.mapToScene(where))
    return p.x(), p.y()


def code_data(script: str) -> tuple[list[float], list[float]] | None:
    """The x and y a script builds with `NAME = torch.tensor([...]).reshape(-1, 1)`,
    as torch makes them (float32); None when it builds them some other way."""
    found = {}
    for node in ast.walk(ast.parse(script)):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            call = node.value
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute):
                inner = call.func.value
                if isinstance(inner, ast.Call) and ast.unparse(inner.func) == "torch.tensor":
                    values = ast.literal_eval(inner.args[0])
                    found[node.targets[0].id] = torch.tensor(values).reshape(-1).tolist()
    return (found["x"], found["y"]) if {"x", "y"} <= found.keys() else None


def float32(value: float) -> float:
    return torch.tensor(value, dtype=torch.float32).item()


def session_points(win) -> tuple[list[float], list[float]]:
    """The x and y the session trains on, as the worker read them from its tensors."""
    return list(win.controller.data[0]), list(win.controller.data[1])


def wait_for_points(qtbot, win, n: int) -> None:
    """Until the worker has rebuilt the session on n points (and said so)."""
    qtbot.waitUntil(
        lambda: win.controller.data is not None and len(win.controller.data[0]) == n,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: win.controller.snapshot.step == 0, timeout=10_000)


def isolated(plot, xs, ys, skip=0) -> int:
    """The index of a sample with no other within 20 px (a press on it picks it
    alone); the `skip`-th such one."""
    pixels = [pixel(plot, x, y) for x, y in zip(xs, ys, strict=True)]
    alone = [
        i
        for i, p in enumerate(pixels)
        if all((p - q).manhattanLength() > 20 for j, q in enumerate(pixels) if j != i)
    ]
    return alone[skip]


def empty_spot(plot, xs, ys) -> QPoint:
    """A pixel of the plot's view at least 20 px from every sample."""
    vb = plot.getPlotItem().vb
    box = vb.sceneBoundingRect()
    shown = [
        plot.mapFromScene(vb.mapViewToScene(QPointF(x, y))) for x, y in zip(xs, ys, strict=True)
    ]
    for fx in (0.9, 0.1, 0.5, 0.8, 0.2):
        for fy in (0.1, 0.9, 0.5, 0.2, 0.8):
            spot = plot.mapFromScene(
                QPointF(box.left() + fx * box.width(), box.top() + fy * box.height())
            )
            if all((spot - p).manhattanLength() > 20 for p in shown):
                return spot
    raise AssertionError("no empty spot on the data plot")


def trained_matches_reference(qtbot, win, updates: int) -> None:
    """Run updates in the window; the tutorial's loop on the same points agrees."""
    xs, ys = session_points(win)
    for _ in range(updates):
        win.controller.full_update()
    qtbot.waitUntil(lambda: win.controller.snapshot.step == updates, timeout=10_000)
    ref, loss, _, _ = reference_run(updates, data=(xs, ys))
    snap = win.controller.snapshot
    assert snap.w == ref.weight.item() and snap.b == ref.bias.item()
    assert snap.loss == loss.item()


@pytest.fixture
def window(window, qtbot):
    """The window in its Full layout: the Beginner layout of a first start shows
    the loss plot only, and these tests draw on the data plot."""
    window.layouts.apply("full")
    qtbot.waitUntil(lambda: window.plots.data_plot.isVisible(), timeout=5_000)
    return window


def test_drawing_adds_moves_deletes_and_undoes_with_real_mouse_events(qtbot, window):
    win, plot = window, window.plots.data_plot
    code = find(win, QPlainTextEdit, "codeView")
    _, _, ref_x, ref_y = reference_run(0)
    generated = (ref_x.reshape(-1).tolist(), ref_y.reshape(-1).tolist())
    assert session_points(win) == generated and win.controller.config.data is None

    # Add: a click on an empty spot.
    qtbot.waitUntil(lambda: win.controller.landscape is not None, timeout=10_000)
    landscape_before = win.controller.landscape
    bound = find(win, QLabel, "lrBoundLabel")
    bound_before = bound.text()
    spot = empty_spot(plot, *generated)
    x_new, y_new = view_point(plot, spot)
    QTest.mouseClick(plot.viewport(), LEFT, NONE, spot)
    wait_for_points(qtbot, win, 101)
    xs, ys = session_points(win)
    assert (xs[:100], ys[:100]) == generated  # the generated data became the student's own
    assert abs(xs[100] - x_new) < 1e-4 and abs(ys[100] - y_new) < 1e-4
    assert xs[100] == float32(xs[100])  # a float32 value, as the tensor holds it
    assert win.controller.config.data == DataPoints(tuple(xs), tuple(ys))
    assert code_data(code.toPlainText()) == (xs, ys)  # the code panel's script follows
    assert "Added the sample" in messages(win)[-1]
    # The landscape and the lr limit follow the drawn data too.
    qtbot.waitUntil(lambda: win.controller.landscape is not landscape_before, timeout=10_000)
    qtbot.waitUntil(lambda: bound.text() != bound_before, timeout=5_000)

    # Move: press on a sample, drag, release somewhere else.
    k = isolated(plot, xs, ys)
    start = pixel(plot, xs[k], ys[k])
    target = empty_spot(plot, xs, ys)
    QTest.mousePress(plot.viewport(), LEFT, NONE, start)
    QTest.mouseMove(plot.viewport(), start + QPoint(5, 5))
    QTest.mouseMove(plot.viewport(), target)
    QTest.mouseRelease(plot.viewport(), LEFT, NONE, target)
    qtbot.waitUntil(lambda: session_points(win)[0][k] != xs[k], timeout=10_000)
    moved_x, moved_y = session_points(win)
    tx, ty = view_point(plot, target)
    assert len(moved_x) == 101 and abs(moved_x[k] - tx) < 1e-4 and abs(moved_y[k] - ty) < 1e-4
    assert moved_x[:k] + moved_x[k + 1 :] == xs[:k] + xs[k + 1 :]
    assert code_data(code.toPlainText()) == (moved_x, moved_y)

    # Delete: a right-click on one sample, then a Shift+click on another.
    d = isolated(plot, moved_x, moved_y)
    QTest.mouseClick(plot.viewport(), RIGHT, NONE, pixel(plot, moved_x[d], moved_y[d]))
    wait_for_points(qtbot, win, 100)
    assert session_points(win) == (moved_x[:d] + moved_x[d + 1 :], moved_y[:d] + moved_y[d + 1 :])
    after_right = session_points(win)
    ax, ay = after_right
    e = isolated(plot, ax, ay, skip=1)
    QTest.mouseClick(plot.viewport(), LEFT, SHIFT, pixel(plot, ax[e], ay[e]))
    wait_for_points(qtbot, win, 99)
    assert session_points(win) == (ax[:e] + ax[e + 1 :], ay[:e] + ay[e + 1 :])
    qtbot.waitUntil(lambda: code_data(code.toPlainText()) == session_points(win), timeout=5_000)
    trained_matches_reference(qtbot, win, 3)  # the session's tensors are these points

    # Undo: Ctrl+Z, then the visible button, back through every change.
    QTest.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_points(qtbot, win, 100)
    assert session_points(win) == after_right
    button = find(win, QToolButton, "undoDataButton")
    assert button.isVisible() and button.isEnabled()
    QTest.mouseClick(button, LEFT)
    wait_for_points(qtbot, win, 101)
    assert session_points(win) == (moved_x, moved_y)
    QTest.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: session_points(win)[0][k] == xs[k], timeout=10_000)
    QTest.mouseClick(button, LEFT)
    wait_for_points(qtbot, win, 100)
    assert session_points(win) == generated and win.controller.config.data is None
    assert "torch.randn(100, 1)" in code.toPlainText()
    assert not button.isEnabled()


def test_an_edit_while_running_pauses_first_and_restarts_on_the_new_data(qtbot, window):
    win, plot = window, window.plots.data_plot
    win.controller.set_speed(None)
    win.controller.run()
    qtbot.waitUntil(lambda: win.controller.snapshot.step > 50, timeout=10_000)
    QTest.mouseClick(plot.viewport(), LEFT, NONE, empty_spot(plot, *win.controller.data))
    wait_for_points(qtbot, win, 101)
    assert not win.controller.running and win.controller.snapshot.step == 0
    trained_matches_reference(qtbot, win, 2)


def test_deleting_the_last_sample_is_refused(qtbot, window):
    win = window
    win.controller.data_editor.import_file(str(write(win, "one.csv", "x,y\n1.5,2.5\n")))
    wait_for_points(qtbot, win, 1)
    plot = win.plots.data_plot
    QTest.mouseClick(plot.viewport(), RIGHT, NONE, pixel(plot, 1.5, 2.5))
    qtbot.waitUntil(lambda: "last sample" in messages(win)[-1], timeout=5_000)
    assert session_points(win) == ([1.5], [2.5])


def write(win, name: str, text: str):
    path = win.settings.path.parent / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_import_a_good_csv_then_a_bad_one_changes_nothing(qtbot, window):
    win = window
    bound = find(win, QLabel, "lrBoundLabel")
    before = bound.text()
    good = write(win, "readings.csv", "celsius;fahrenheit\n0;32,4\n10;49,9\n20,5;68,8\n30;86,1\n")
    assert win.files.import_data(str(good))
    wait_for_points(qtbot, win, 4)
    assert session_points(win) == (
        [0.0, 10.0, 20.5, 30.0],
        [float32(v) for v in (32.4, 49.9, 68.8, 86.1)],
    )
    qtbot.waitUntil(lambda: bound.text() != before, timeout=5_000)  # the lr limit follows
    imported, warned = messages(win)[-2:]
    assert "Imported" in imported and "celsius" in imported
    assert "above the stable limit for these data" in warned  # lr 0.1 on tens of °C
    trained_matches_reference(qtbot, win, 4)

    bad = write(win, "bad.csv", "x,y\n1,2\n3,abc\n")
    config, step = win.controller.config, win.controller.snapshot.step
    assert not win.files.import_data(str(bad))
    last = messages(win)[-1]
    assert "nothing changed" in last and "row 3" in last and "'abc'" in last
    assert win.controller.config is config and win.controller.snapshot.step == step
    assert len(session_points(win)[0]) == 4
    assert not win.files.import_data("/dev/zero")
    assert "not a regular file" in messages(win)[-1]


def test_export_writes_the_samples_that_read_back_to_the_same_tensors(qtbot, window, tmp_path):
    win = window
    path = tmp_path / "generated.csv"
    assert win.files.export_data(str(path))
    _, _, ref_x, ref_y = reference_run(0)
    points = read_csv(path).points
    assert torch.equal(torch.tensor(points.x).reshape(-1, 1), ref_x)
    assert torch.equal(torch.tensor(points.y).reshape(-1, 1), ref_y)
    assert "Exported 100 sample" in messages(win)[-1]


def test_own_data_disable_the_generated_settings_and_a_lesson_link_opens_an_example(qtbot, window):
    win = window
    win.lessons.on_anchor_clicked(QUrl("gradlab:data/celsius"))
    wait_for_points(qtbot, win, 24)
    assert win.controller.config.data == example_data.load("celsius").points
    for name in ("samplesInput", "noiseInput", "trueWInput", "trueBInput"):
        assert not win.controls.findChild(object, name).isEnabled(), name
    label = find(win, QLabel, "ownDataLabel")
    win.controls.settings_tabs.setCurrentIndex(1)  # the Data page
    assert label.isVisible() and "24" in label.text()
    back = find(win, QPushButton, "generatedDataButton")
    QTest.mouseClick(back, LEFT)
    wait_for_points(qtbot, win, 100)
    assert win.controller.config.data is None and not label.isVisible()
    assert win.controls.findChild(object, "noiseInput").isEnabled()
    win.lessons.on_anchor_clicked(QUrl("gradlab:data/../../etc/passwd"))
    assert win.controller.config.data is None


def test_quick_edits_are_all_kept_and_the_config_never_steps_back(qtbot, window):
    """Edits faster than the worker: each one builds on the one before, and the
    worker's answer to an older reset never brings an older experiment back."""
    win = window
    seen = []
    win.controller.configChanged.connect(seen.append)
    editor = win.controller.data_editor
    assert editor.add(0.5, 0.5) and editor.add(1.5, 1.5) and editor.add(2.5, 2.5)
    wait_for_points(qtbot, win, 103)
    qtbot.wait(200)  # every answer of the worker has arrived
    xs, ys = session_points(win)
    assert (xs[100:], ys[100:]) == ([0.5, 1.5, 2.5], [0.5, 1.5, 2.5])
    assert [len(c.data) for c in seen] == [101, 102, 103]
    assert win.controller.config == seen[-1]


def test_back_to_generated_data_the_settings_cannot_take_is_refused(qtbot, window):
    """Own data of 150 samples trained in batches of 120: the generated data's
    100 samples cannot take that batch size, so going back is refused with a
    message (it used to raise into the crash dialog), and nothing changes."""
    win, c = window, window.controller
    points = DataPoints(tuple(float(i) for i in range(150)), tuple(2.0 * i for i in range(150)))
    assert c.data_editor.use_points(points)
    wait_for_points(qtbot, win, 150)
    assert c.apply_setting("batch_size", "120")
    before = c.config
    assert not c.data_editor.use_generated()
    assert "The batch size must be 0 (full batch)" in messages(win)[-1]
    assert c.config == before and c.config.data == points


def test_undo_puts_back_generated_data_with_the_batch_size_they_needed(qtbot, window):
    """500 generated samples in batches of 200, then a drawn point: undo brings
    back the 500 samples and the batch of 200 (it was refused, because the
    samples went back to 100 before the batch size did)."""
    win, c = window, window.controller
    assert c.apply_setting("samples", "500") and c.apply_setting("batch_size", "200")
    wait_for_points(qtbot, win, 500)
    assert c.data_editor.add(0.5, 0.5)
    wait_for_points(qtbot, win, 501)
    assert c.data_editor.undo()
    wait_for_points(qtbot, win, 500)
    assert c.config.data is None
    assert (c.config.samples, c.config.batch_size) == (500, 200)
