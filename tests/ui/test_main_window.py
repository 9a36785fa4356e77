"""The window driven through object names, against the tutorial's loop."""

import math

import pytest
import torch
import torch.nn as nn
import torch.optim as optim
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListWidget, QPushButton, QSlider

from tests.ui.conftest import find

VALUE_LABELS = ("weightValue", "biasValue", "weightGradValue", "biasGradValue", "lossValue")


class TutorialLoop:
    """The tutorial's script, run one line at a time (independent of gradlab)."""

    def __init__(self, lr=0.1):
        torch.manual_seed(0)
        self.x = torch.randn(100, 1)
        self.y = 2.0 * self.x + 1.0
        self.model = nn.Linear(1, 1)
        self.criterion = nn.MSELoss()
        self.optimizer = optim.SGD(self.model.parameters(), lr=lr)
        self.y_pred = self.loss = None

    def run(self, phase):
        if phase == "forward":
            self.y_pred = self.model(self.x)
        elif phase == "loss":
            self.loss = self.criterion(self.y_pred, self.y)
        elif phase == "zero_grad":
            self.optimizer.zero_grad()
        elif phase == "backward":
            self.loss.backward()
        elif phase == "step":
            self.optimizer.step()

    def values(self):
        w, b = self.model.weight, self.model.bias
        return {
            "weightValue": w.item(),
            "biasValue": b.item(),
            "weightGradValue": None if w.grad is None else w.grad.item(),
            "biasGradValue": None if b.grad is None else b.grad.item(),
            "lossValue": None if self.loss is None else self.loss.item(),
        }


def shown(win):
    return {name: find(win, QLabel, name).text() for name in VALUE_LABELS}


def as_number(text):
    return None if text == "None" else float(text)


def click(qtbot, win, name):
    qtbot.mouseClick(find(win, QPushButton, name), Qt.MouseButton.LeftButton)


def wait_step(qtbot, win, n):
    qtbot.waitUntil(lambda: find(win, QLabel, "stepCounter").text() == str(n), timeout=10_000)


BUTTON = {
    "forward": "forwardButton",
    "loss": "lossButton",
    "zero_grad": "zeroGradButton",
    "backward": "backwardButton",
    "step": "stepButton",
}


def test_phase_buttons_reproduce_the_tutorial_value_by_value(qtbot, window):
    ref = TutorialLoop()
    initial = ref.values()
    for name, text in shown(window).items():
        expected = initial[name]
        assert (text == "None") if expected is None else abs(float(text) - expected) < 1e-4
    for update in range(3):
        for phase in ("forward", "loss", "zero_grad", "backward", "step"):
            before = window.controller.snapshot
            click(qtbot, window, BUTTON[phase])
            ref.run(phase)
            qtbot.waitUntil(lambda b=before: window.controller.snapshot is not b, timeout=10_000)
            expected = ref.values()
            snap = window.controller.snapshot
            # Exact: the snapshot holds floats read from the app's live tensors.
            assert snap.w == expected["weightValue"]
            assert snap.b == expected["biasValue"]
            assert snap.grad(0) == expected["weightGradValue"]
            assert snap.loss == expected["lossValue"]
            qtbot.waitUntil(lambda e=expected: _labels_match(window, e), timeout=5_000)
        assert find(window, QLabel, "stepCounter").text() == str(update + 1)


def _labels_match(win, expected):
    for name, text in shown(win).items():
        want = expected[name]
        if want is None:
            if text != "None":
                return False
        elif text == "None" or not math.isclose(float(text), want, rel_tol=1e-4, abs_tol=1e-4):
            return False
    return True


def test_zero_grad_shows_none_and_step_without_grad_says_so(qtbot, window):
    for phase in ("forward", "loss", "backward", "zero_grad"):
        click(qtbot, window, BUTTON[phase])
    qtbot.waitUntil(lambda: shown(window)["weightGradValue"] == "None", timeout=10_000)
    click(qtbot, window, "stepButton")
    panel = find(window, QListWidget, "messagePanel")
    qtbot.waitUntil(
        lambda: "changed nothing" in panel.item(panel.count() - 1).text(), timeout=10_000
    )


def test_second_backward_is_explained_not_a_crash(qtbot, window):
    for phase in ("forward", "loss", "backward", "backward"):
        click(qtbot, window, BUTTON[phase])
    panel = find(window, QListWidget, "messagePanel")
    qtbot.waitUntil(lambda: "retain_graph" in panel.item(panel.count() - 1).text(), timeout=10_000)
    assert window.controller.ready


def test_run_and_pause(qtbot, window):
    find(window, QSlider, "speedSlider").setValue(find(window, QSlider, "speedSlider").maximum())
    click(qtbot, window, "runButton")
    qtbot.waitUntil(lambda: int(find(window, QLabel, "stepCounter").text()) > 200, timeout=20_000)
    click(qtbot, window, "runButton")
    qtbot.waitUntil(lambda: not window.controller.running, timeout=10_000)
    qtbot.wait(300)
    paused_at = find(window, QLabel, "stepCounter").text()
    qtbot.wait(300)
    assert find(window, QLabel, "stepCounter").text() == paused_at
    # Run went through the real loop: same values as the tutorial after as many steps.
    ref = TutorialLoop()
    for _ in range(int(paused_at)):
        for phase in ("forward", "loss", "zero_grad", "backward", "step"):
            ref.run(phase)
    assert window.controller.snapshot.w == ref.model.weight.item()
    assert window.controller.snapshot.b == ref.model.bias.item()


def test_slow_speed_runs_about_that_many_updates(qtbot, window):
    find(window, QSlider, "speedSlider").setValue(20)
    click(qtbot, window, "runButton")
    qtbot.waitUntil(lambda: int(find(window, QLabel, "stepCounter").text()) >= 5, timeout=10_000)
    click(qtbot, window, "runButton")
    qtbot.waitUntil(lambda: not window.controller.running, timeout=10_000)
    # Far fewer than full speed would have done in the same time.
    assert int(find(window, QLabel, "stepCounter").text()) < 200


def test_reset_returns_to_the_start(qtbot, window):
    start = shown(window)
    for _ in range(3):
        click(qtbot, window, "fullStepButton")
    wait_step(qtbot, window, 3)
    click(qtbot, window, "resetButton")
    wait_step(qtbot, window, 0)
    qtbot.waitUntil(lambda: shown(window) == start, timeout=10_000)


def test_mistake_mode_accumulates(qtbot, window):
    find(window, QCheckBox, "forgetZeroGradCheck").setChecked(True)
    for _ in range(2):
        click(qtbot, window, "fullStepButton")
    wait_step(qtbot, window, 2)
    ref = TutorialLoop()
    for _ in range(2):
        for phase in ("forward", "loss", "backward", "step"):
            ref.run(phase)
    snap = window.controller.snapshot
    assert snap.grad(0) == ref.model.weight.grad.item()
    assert snap.w == ref.model.weight.item()
    panel = find(window, QListWidget, "messagePanel")
    assert any("ADDED" in panel.item(i).text() for i in range(panel.count()))


@pytest.mark.parametrize("bad", ["abc", "-1", "nan", "0", "inf"])
def test_refused_lr_changes_nothing(qtbot, window, bad):
    field = find(window, QLineEdit, "lrInput")
    panel = find(window, QListWidget, "messagePanel")
    count = panel.count()
    field.setText(bad)
    field.editingFinished.emit()
    assert field.text() == "0.1"
    assert window.controller.config.lr == 0.1
    assert panel.count() == count + 1
    text = panel.item(panel.count() - 1).text()
    assert "Learning rate" in text and "must be" in text
    click(qtbot, window, "fullStepButton")
    wait_step(qtbot, window, 1)
    ref = TutorialLoop(lr=0.1)
    for phase in ("forward", "loss", "zero_grad", "backward", "step"):
        ref.run(phase)
    assert window.controller.snapshot.w == ref.model.weight.item()


@pytest.mark.parametrize(
    "name,bad",
    [("samplesInput", "0"), ("batchSizeInput", "-3"), ("noiseInput", "x"), ("seedInput", "1.5")],
)
def test_refused_settings_change_nothing(qtbot, window, name, bad):
    field = find(window, QLineEdit, name)
    before_text, before_config = field.text(), window.controller.config
    field.setText(bad)
    field.editingFinished.emit()
    assert field.text() == before_text
    assert window.controller.config == before_config


def test_lr_applies_from_the_next_update(qtbot, window):
    click(qtbot, window, "fullStepButton")
    wait_step(qtbot, window, 1)
    field = find(window, QLineEdit, "lrInput")
    field.setText("0.05")
    field.editingFinished.emit()
    click(qtbot, window, "fullStepButton")
    wait_step(qtbot, window, 2)
    ref = TutorialLoop()
    for i in range(2):
        if i == 1:
            for group in ref.optimizer.param_groups:
                group["lr"] = 0.05
        for phase in ("forward", "loss", "zero_grad", "backward", "step"):
            ref.run(phase)
    assert window.controller.snapshot.w == ref.model.weight.item()


def test_data_change_resets_and_says_so(qtbot, window):
    click(qtbot, window, "fullStepButton")
    wait_step(qtbot, window, 1)
    field = find(window, QLineEdit, "samplesInput")
    field.setText("50")
    field.editingFinished.emit()
    wait_step(qtbot, window, 0)
    panel = find(window, QListWidget, "messagePanel")
    qtbot.waitUntil(lambda: "starts over" in panel.item(panel.count() - 1).text(), timeout=10_000)
    assert len(window.controller.data[0]) == 50


def test_lr_5_diverges_and_the_run_stops_itself(qtbot, window):
    field = find(window, QLineEdit, "lrInput")
    field.setText("5")
    field.editingFinished.emit()
    find(window, QSlider, "speedSlider").setValue(100)
    click(qtbot, window, "runButton")
    qtbot.waitUntil(lambda: window.controller.snapshot.diverged, timeout=20_000)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=10_000)
    panel = find(window, QListWidget, "messagePanel")
    qtbot.waitUntil(
        lambda: any("stopped itself" in panel.item(i).text() for i in range(panel.count())),
        timeout=10_000,
    )
    assert find(window, QLabel, "lossValue").text() in ("inf", "nan")


def test_closing_while_running_ends_the_thread(qtbot, window):
    find(window, QSlider, "speedSlider").setValue(100)
    click(qtbot, window, "runButton")
    qtbot.waitUntil(lambda: int(find(window, QLabel, "stepCounter").text()) > 10, timeout=20_000)
    window.close()
    from gradlab.ui.controller import live_threads

    assert live_threads() == []


def test_closing_before_ready_ends_the_thread(qtbot):
    from gradlab.ui.controller import live_threads
    from gradlab.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.controller.started, timeout=5_000)
    win.close()
    assert live_threads() == []


def test_after_one_update_each_curve_shows_its_point(qtbot, window):
    """One history row is a single point, which a line alone does not draw: each
    curve marks its newest value with a dot, at the tutorial's numbers."""
    ref = TutorialLoop()
    for phase in ("forward", "loss", "zero_grad", "backward", "step"):
        ref.run(phase)
    click(qtbot, window, "fullStepButton")
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 1, timeout=10_000)
    plots = window.plots
    qtbot.waitUntil(lambda: all(head.isVisible() for head, _c, _k in plots._heads))
    expected = {
        "loss": ref.loss.item(),
        "p0": ref.model.weight.item(),
        "p1": ref.model.bias.item(),
        "g0": ref.model.weight.grad.item(),
        "g1": ref.model.bias.grad.item(),
    }
    for head, _curve, column in plots._heads:
        xs, ys = head.getData()
        assert (list(xs), list(ys)) == ([1.0], [expected[column]]), column
