"""The session-as-code and maths panels, fed through the real mailbox and
controller with what the worker publishes (Updates.session_log, Updates.maths)."""

import pytest

from gradlab.core import maths
from gradlab.core.actions import ActionLog
from gradlab.core.codegen import session_script
from gradlab.core.config import OPTIMIZERS, ExperimentConfig
from gradlab.core.session import TeachingError, TrainingSession
from gradlab.ui.controller import Controller
from gradlab.ui.panels.maths import MathsPanel
from gradlab.ui.panels.session_log import SessionLogPanel
from gradlab.ui.texts import format_value
from gradlab.ui.theme import LIGHT
from gradlab.ui.updates import SessionLog, Updates


def publish(window, **updates):
    """What the worker does: put updates in the mailbox; the frame timer delivers."""
    window.controller.mailbox.put(updates=Updates(**updates))


def a_session_log():
    log = ActionLog()
    s = TrainingSession(ExperimentConfig(), log=log)
    for phase in ("forward", "loss", "backward", "step", "forward", "loss", "backward"):
        s.run_phase(phase)
    with pytest.raises(TeachingError):
        s.run_phase("backward")
    s.set_lr(0.05)
    s.run_updates(5)
    TrainingSession(ExperimentConfig(seed=3), log=log).run_updates(2)
    return log


def test_session_log_shows_the_replay_script_and_exports_it(qtbot, window, tmp_path):
    panel = SessionLogPanel(window.controller, window.colours)
    qtbot.addWidget(panel)
    panel.resize(450, 300)
    panel.show()
    actions = a_session_log().copy()
    publish(window, session_log=SessionLog(actions, 0))
    expected = session_script(actions)
    qtbot.waitUntil(lambda: panel.view.toPlainText() == expected, timeout=5_000)
    assert panel.view.objectName() == "sessionLogView" and panel.view.isReadOnly()
    assert panel.save_button.isEnabled() and panel.copy_button.isEnabled()
    # run_updates(5) first finished the half-done update with step(): 9 calls, 4 + 2 run.
    assert "9 calls, 6 updates in runs, 1 resets" in panel.caption.text()
    target = tmp_path / "session.py"
    panel.export(target)
    assert target.read_text(encoding="utf-8") == expected


def test_session_log_waits_until_it_is_shown(qtbot, window):
    panel = SessionLogPanel(window.controller, window.colours)
    qtbot.addWidget(panel)
    actions = a_session_log().copy()
    log = SessionLog(actions, 0)
    publish(window, session_log=log)
    qtbot.waitUntil(lambda: window.controller.session_log is log, timeout=5_000)
    assert panel.view.toPlainText() == ""  # hidden: no work
    panel.show()
    assert panel.view.toPlainText() == session_script(actions)


def test_session_log_is_filled_by_the_worker(qtbot, window):
    """End to end, once the worker publishes its log (the wiring in the report)."""
    panel = SessionLogPanel(window.controller, window.colours)
    qtbot.addWidget(panel)
    panel.show()
    window.controller.run_phase("forward")
    qtbot.waitUntil(lambda: window.controller.snapshot.phase == "forward", timeout=10_000)
    qtbot.waitUntil(lambda: window.controller.session_log is not None, timeout=5_000)
    qtbot.waitUntil(lambda: "y_pred = model(x)" in panel.view.toPlainText(), timeout=5_000)


def test_before_anything_arrives(qtbot):
    controller = Controller()  # never started: no worker, nothing published
    log_panel = SessionLogPanel(controller, LIGHT)
    maths_panel = MathsPanel(controller, LIGHT)
    for panel in (log_panel, maths_panel):
        qtbot.addWidget(panel)
        panel.show()
    assert not log_panel.save_button.isEnabled() and not log_panel.copy_button.isEnabled()
    assert "appears here" in log_panel.caption.text()
    with pytest.raises(ValueError):
        log_panel.export("never-written.py")
    assert "Run a phase" in maths_panel.text()


def states():
    """(name, session) at each teaching moment, all real."""
    s = TrainingSession()
    yield "start", s
    s.run_phase("forward")
    s.run_phase("loss")
    yield "pending", s
    s.run_phase("backward")
    yield "ok", s
    s.run_phase("step")
    for phase in ("forward", "loss", "backward"):
        s.run_phase(phase)
    yield "accumulated", s
    s.run_phase("zero_grad")
    yield "cleared", s
    s.run_phase("forward")
    yield "stale", s
    b = TrainingSession(ExperimentConfig(batch_size=10))
    b.full_update()
    yield "batch_gone", b
    m = TrainingSession(ExperimentConfig(model="mlp"))
    m.full_update()
    yield "mlp", m
    for opt in OPTIMIZERS:
        o = TrainingSession(ExperimentConfig(optimizer=opt))
        o.full_update()
        for phase in ("forward", "loss", "zero_grad", "backward"):
            o.run_phase(phase)
        yield opt, o


def test_maths_panel_shows_each_state(qtbot, window):
    panel = MathsPanel(window.controller, window.colours)
    qtbot.addWidget(panel)
    panel.resize(450, 300)
    panel.show()
    for name, session in states():
        info = maths.explain(session)
        publish(window, maths=info)
        qtbot.waitUntil(lambda i=info: panel.info == i, timeout=5_000)
        text = panel.text()
        assert "The gradient by hand, and by autograd" in text, name
        for check in info.gradients:
            assert format_value(check.by_hand.result) in text, name
            assert format_value(check.autograd) in text, name
        for update in info.updates:
            assert format_value(update.new) in text, name
        if name == "ok":
            assert "2/N · Σ(ŷ − y)·x" in text and "rounding" in text
        if name == "accumulated":
            assert "sum of 2 backward() calls" in text
        if name == "start":
            assert "would change nothing" in text
        if name == "mlp":
            assert "small network" in text


def test_maths_panel_renders_only_when_visible(qtbot, window):
    panel = MathsPanel(window.controller, window.colours)
    qtbot.addWidget(panel)
    s = TrainingSession()
    s.full_update()
    info = maths.explain(s)
    publish(window, maths=info)
    qtbot.waitUntil(lambda: panel.info == info, timeout=5_000)
    assert format_value(info.updates[0].new) not in panel.text()  # hidden: not rendered yet
    panel.show()
    assert format_value(info.updates[0].new) in panel.text()
    window.set_theme("dark")
    panel.apply_colours(window.colours)
    assert format_value(info.updates[0].new) in panel.text()


def test_a_log_that_cannot_be_replayed_says_so(qtbot):
    from gradlab.core.actions import Action

    controller = Controller()
    panel = SessionLogPanel(controller, LIGHT)
    qtbot.addWidget(panel)
    panel.show()
    # A log from a file made by another GradLab, with a setting this one lacks.
    actions = [Action("setup", {"config": {"learning_speed": 3}})]
    controller.sessionLogChanged.emit(SessionLog(actions, 0))
    qtbot.waitUntil(lambda: "cannot be written" in panel.view.toPlainText(), timeout=5_000)
    assert panel.script() == ""
