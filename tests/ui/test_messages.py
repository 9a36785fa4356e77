"""Issue 16 item 12: a call is explained in full once, then in one line, and the
full text is one double-click (or its tooltip) away."""

from PySide6.QtWidgets import QListWidget

from tests.ui.conftest import find


def test_a_call_is_explained_once_then_in_one_line(qtbot, window):
    panel = find(window, QListWidget, "messagePanel")
    for phase in ("forward", "loss", "zero_grad", "backward", "step"):
        window.controller.run_phase(phase)
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 1, timeout=10_000)
    first_step = panel.item(panel.count() - 1)
    assert "Update 1 is done" in first_step.text() and not first_step.text().endswith("…")
    for phase in ("forward", "loss", "zero_grad", "backward", "step"):
        window.controller.run_phase(phase)
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "Update 2" in panel.item(panel.count() - 1).text(), timeout=5_000)
    second = panel.item(panel.count() - 1)
    full = panel.full_texts()[-1]
    assert second.text().endswith("…") and len(second.text()) < len(full)
    assert "Update 2 is done" in full and second.toolTip() == full
    # The forward pass of update 2 was folded too, to its first sentence.
    folded_forward = [panel.item(i).text() for i in range(panel.count())][-5]
    assert folded_forward.startswith("ℹ  model(x) ran the forward pass") and "…" in folded_forward
    panel.toggle(second)  # what a double-click or Enter does
    assert full in second.text()
    panel.toggle(second)
    assert second.text().endswith("…")
    # The status bar shows the one line.
    assert window.statusBar().currentMessage() in (second.text()[3:-2], second.text()[3:])


def test_errors_are_always_explained_in_full(qtbot, window):
    panel = find(window, QListWidget, "messagePanel")
    for _ in range(2):
        for phase in ("forward", "loss", "zero_grad", "backward", "backward"):
            window.controller.run_phase(phase)
        window.controller.run_phase("step")
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 2, timeout=10_000)
    refusals = [t for t in panel.full_texts() if "refused" in t]
    shown = [
        panel.item(i).text() for i in range(panel.count()) if "refused" in panel.full_texts()[i]
    ]
    assert len(refusals) == 2 and all(not s.endswith("…") for s in shown)


def test_each_optimizers_first_step_is_explained_in_full(qtbot, window):
    panel = find(window, QListWidget, "messagePanel")
    window.controller.full_update()
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 1, timeout=10_000)
    assert window.controller.apply_setting("optimizer", "adam")
    qtbot.waitUntil(lambda: window.controller.config.optimizer == "adam", timeout=10_000)
    window.controller.full_update()
    qtbot.waitUntil(lambda: "Adam" in panel.full_texts()[-1], timeout=10_000)
    last = panel.item(panel.count() - 1).text()
    assert not last.endswith("…") and "On Adam's first step" in last
