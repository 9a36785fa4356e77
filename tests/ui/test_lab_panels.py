"""Landscape, step back, compare and inference in the real window."""

import torch
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton

from tests.reference import reference_run
from tests.ui.conftest import find


def click(qtbot, win, name):
    qtbot.mouseClick(find(win, QPushButton, name), Qt.MouseButton.LeftButton)


def test_landscape_start_point_sets_the_parameters(qtbot, window):
    qtbot.waitUntil(lambda: window.controller.landscape is not None, timeout=10_000)
    window.landscape.choose_start(-1.25, 2.5)
    qtbot.waitUntil(
        lambda: (window.controller.snapshot.w, window.controller.snapshot.b) == (-1.25, 2.5),
        timeout=10_000,
    )
    assert find(window, QLabel, "weightValue").text() == "-1.2500"
    panel = find(window, QListWidget, "messagePanel")
    qtbot.waitUntil(lambda: "torch.no_grad()" in panel.item(panel.count() - 1).text())


def test_step_back_button_restores_exactly(qtbot, window):
    for _ in range(4):
        click(qtbot, window, "fullStepButton")
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 4, timeout=10_000)
    click(qtbot, window, "stepBackButton")
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 3, timeout=10_000)
    ref, _, _, _ = reference_run(3)
    assert window.controller.snapshot.w == ref.weight.item()
    assert window.controller.snapshot.b == ref.bias.item()
    assert window.controller.series.length == 3


def test_compare_trains_each_setting(qtbot, window):
    window.controls.speed_slider.setValue(window.controls.speed_slider.maximum())
    click(qtbot, window, "compareButton")
    qtbot.waitUntil(
        lambda: window.controller.compare is not None and window.controller.compare.done == 300,
        timeout=60_000,
    )
    view = window.controller.compare
    assert [r.label for r in view.runs] == ["sgd lr=0.1", "momentum lr=0.1", "adam lr=0.1"]
    ref, _, _, _ = reference_run(300, optimizer="adam", lr=0.1)
    assert view.runs[2].w[-1] == ref.weight.item()
    # Every walk on the landscape begins at the model's starting point.
    start = reference_run(0)[0]
    assert view.start == (start.weight.item(), start.bias.item())
    for curve in window.landscape._compare_items:
        ws, bs = curve.getData()
        assert (ws[0], bs[0]) == view.start
    qtbot.waitUntil(lambda: not window.controller.running, timeout=10_000)
    click(qtbot, window, "compareStopButton")
    qtbot.waitUntil(lambda: window.controller.compare is None, timeout=10_000)


def test_inference_predicts_without_touching_training(qtbot, window):
    click(qtbot, window, "fullStepButton")
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 1, timeout=10_000)
    before = window.controller.snapshot
    field = find(window, QLineEdit, "inferenceInput")
    field.setText("2")
    click(qtbot, window, "predictButton")
    qtbot.waitUntil(lambda: find(window, QLabel, "inferenceResult").text() != "—", timeout=10_000)
    ref, _, _, _ = reference_run(1)
    with torch.no_grad():
        expected = ref(torch.tensor([[2.0]])).item()
    assert float(find(window, QLabel, "inferenceResult").text()) == round(expected, 4)
    click(qtbot, window, "fullStepButton")
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 2, timeout=10_000)
    ref2, _, _, _ = reference_run(2)
    assert window.controller.snapshot.w == ref2.weight.item()  # training unaffected
    assert before.step == 1
    field.setText("two")
    click(qtbot, window, "predictButton")
    panel = find(window, QListWidget, "messagePanel")
    assert "not a number" in panel.item(panel.count() - 1).text()


def test_mlp_hides_the_landscape_and_says_why(qtbot, window):
    window.controller.apply_setting("model", "mlp")
    qtbot.waitUntil(lambda: window.controller.snapshot.model_kind == "mlp", timeout=20_000)
    qtbot.waitUntil(lambda: window.landscape.stack.currentWidget() is window.landscape.note)
    assert "MLP" in window.landscape.note.text()


def test_landscape_path_is_the_trajectory_and_ends_at_the_model(qtbot, window):
    qtbot.waitUntil(lambda: window.controller.landscape is not None, timeout=10_000)
    for _ in range(5):
        click(qtbot, window, "fullStepButton")
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 5, timeout=10_000)
    qtbot.waitUntil(lambda: len(window.landscape.path.getData()[0]) == 6, timeout=10_000)
    ws, bs = window.landscape.path.getData()
    # The reference loop's (w, b) before the first update and after each one.
    expected = [reference_run(n)[0] for n in range(6)]
    assert list(ws) == [m.weight.item() for m in expected]
    assert list(bs) == [m.bias.item() for m in expected]


def test_landscape_skips_redrawing_a_settled_path():
    import numpy as np

    from gradlab.ui.panels.landscape import _only_repeats, path_rows

    rows = path_rows(5000)
    assert rows[0] == 0 and rows[-1] == 4999 and len(rows) <= 401
    assert set(path_rows(4000)) <= set(path_rows(4100)) | {3999}  # stable from frame to frame
    old = (np.array([0.0, 1.0, 1.5]), np.array([0.0, 0.5, 0.9]))
    settled = (np.array([0.0, 1.0, 1.5, 1.5, 1.5]), np.array([0.0, 0.5, 0.9, 0.9, 0.9]))
    moving = (np.array([0.0, 1.0, 1.5, 1.6]), np.array([0.0, 0.5, 0.9, 0.9]))
    assert _only_repeats(settled, old)
    assert not _only_repeats(moving, old)
    assert not _only_repeats(old, settled)  # fewer points: a reset, draw it


def _path_looks_as_redrawn(panel, series, clicked=()) -> bool:
    """The drawn trajectory looks like one drawn afresh from the whole history
    (the same points, or those plus points on its end: _only_repeats), once the
    break at each point set by a click (a nan, then that point) is taken out."""
    import numpy as np

    from gradlab.ui.panels.landscape import _only_repeats, path_rows

    rows = path_rows(series.length)
    w, b = series["p0"][rows], series["p1"][rows]
    if panel._start is not None:
        w, b = np.insert(w, 0, panel._start[0]), np.insert(b, 0, panel._start[1])
    drawn = [np.asarray(d) for d in panel.path.getData()]
    breaks = np.flatnonzero(np.isnan(drawn[0]))
    assert [(drawn[0][i + 1], drawn[1][i + 1]) for i in breaks] == list(clicked)
    keep = np.setdiff1d(np.arange(drawn[0].size), np.concatenate([breaks, breaks + 1]))
    drawn = tuple(d[keep] for d in drawn)
    fresh_same = all(np.array_equal(f, d) for f, d in zip((w, b), drawn, strict=True))
    return fresh_same or _only_repeats((w, b), drawn)


def test_landscape_path_follows_a_run_that_moves_again(qtbot, window):
    """The path is checked frame by frame only against the rows added since;
    it must still redraw when a settled model moves again."""
    from gradlab.ui.panels.landscape import path_step

    c = window.controller
    qtbot.waitUntil(lambda: c.landscape is not None, timeout=10_000)
    window.controls.speed_slider.setValue(window.controls.speed_slider.maximum())
    for start in (None, (-1.0, 3.0)):
        if start is not None:
            window.landscape.choose_start(*start)
            qtbot.waitUntil(lambda s=start: (c.snapshot.w, c.snapshot.b) == s, timeout=10_000)
        # 3,300 then ~4,800 rows: the path shows every 16th row throughout, so
        # the second run is checked against the drawn path, not redrawn whole.
        target = c.snapshot.step + (3300 if start is None else 1500)
        c.run()
        qtbot.waitUntil(lambda t=target: c.snapshot.step >= t, timeout=60_000)
        c.pause()
        qtbot.waitUntil(lambda: not c.running, timeout=10_000)
        assert c.series.length < 6400 and path_step(c.series.length) == 16
        clicked = () if start is None else (start,)
        assert _path_looks_as_redrawn(window.landscape, c.series, clicked)
        ws, bs = window.landscape.path.getData()
        assert abs(ws[-1] - c.series["p0"][-1]) <= 1e-6
        assert abs(bs[-1] - c.series["p1"][-1]) <= 1e-6


def test_landscape_legend_only_names_compared_runs(qtbot, window):
    window.layouts.apply("full")  # the landscape is not in the Beginner layout
    qtbot.waitUntil(lambda: window.controller.landscape is not None, timeout=10_000)
    assert not window.landscape.legend.isVisible()  # an empty legend would be a blank box
    window.controls.speed_slider.setValue(window.controls.speed_slider.maximum())
    click(qtbot, window, "compareButton")
    qtbot.waitUntil(lambda: window.landscape.legend.isVisible(), timeout=10_000)
    labels = [run.label for run in window.controller.compare.runs]
    assert len(labels) == 3
    assert all(label in window.landscape.legend.text() for label in labels)
    # Under the map, not on it: the legend never covers the paths.
    plot = window.landscape.plot
    assert window.landscape.legend.geometry().top() >= plot.geometry().bottom()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=60_000)
    click(qtbot, window, "compareStopButton")
    qtbot.waitUntil(lambda: not window.landscape.legend.isVisible(), timeout=10_000)
