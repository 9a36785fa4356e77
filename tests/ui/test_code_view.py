"""The code view in the real window: the script, the line that ran, tooltips."""

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip

from gradlab.core import codegen
from gradlab.ui.panels import code_view
from gradlab.ui.panels.code_view import CodePanel

PHASES = ("forward", "loss", "zero_grad", "backward", "step")


def highlighted(panel) -> list[int]:
    return [sel.cursor.blockNumber() + 1 for sel in panel.view.extraSelections()]


def make_panel(qtbot, window) -> CodePanel:
    panel = CodePanel(window.controller, window.colours)
    qtbot.addWidget(panel)
    panel.resize(450, 300)
    panel.show()
    return panel


def test_shows_the_script_and_highlights_each_phase_that_ran(qtbot, window):
    panel = make_panel(qtbot, window)
    view = panel.findChild(QPlainTextEdit, "codeView")
    assert view is panel.view and view.isReadOnly()
    config = window.controller.config
    assert view.toPlainText() == codegen.script_for(config)
    lines = codegen.phase_lines(config)
    for _update in range(2):
        for phase in PHASES:
            window.controller.run_phase(phase)
            qtbot.waitUntil(lambda p=phase: panel.current_line == lines[p], timeout=10_000)
            assert highlighted(panel) == [lines[phase]]
            assert f"line {lines[phase]}" in panel.caption.text()
    # A second backward() after the update: PyTorch refuses; its line is marked.
    window.controller.run_phase("backward")
    qtbot.waitUntil(lambda: panel.caption.text().startswith("Refused"), timeout=10_000)
    assert highlighted(panel) == [lines["backward"]]
    window.controller.run_phase("forward")
    qtbot.waitUntil(lambda: panel.current_line == lines["forward"], timeout=10_000)


def test_follows_settings_and_resets(qtbot, window):
    panel = make_panel(qtbot, window)
    window.controller.run_phase("forward")
    qtbot.waitUntil(lambda: panel.current_line is not None, timeout=10_000)
    assert window.controller.apply_setting("optimizer", "adam")
    assert window.controller.apply_setting("batch_size", "10")
    config = window.controller.config
    assert panel.view.toPlainText() == codegen.script_for(config)
    assert "optim.Adam(model.parameters(), lr=0.1)" in panel.script()
    # The reset's snapshot has no phase yet: nothing highlighted.
    qtbot.waitUntil(lambda: panel.current_line is None and not highlighted(panel), timeout=10_000)
    window.controller.run_phase("forward")
    forward = codegen.phase_lines(config)["forward"]
    qtbot.waitUntil(lambda: panel.current_line == forward, timeout=10_000)
    assert (
        panel.view.document()
        .findBlockByNumber(forward - 1)
        .text()
        .strip()
        .startswith("y_pred = model(xb)")
    )


def test_a_run_highlights_the_loop_body_once(qtbot, window):
    panel = make_panel(qtbot, window)
    lines = codegen.phase_lines(window.controller.config)
    window.controls.speed_slider.setValue(window.controls.speed_slider.maximum())
    window.controller.run()
    qtbot.waitUntil(lambda: window.controller.snapshot.step > 50, timeout=20_000)
    assert highlighted(panel) == sorted(lines.values())
    assert panel.caption.text().startswith("Running")
    window.controller.pause()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=10_000)
    qtbot.waitUntil(lambda: panel.current_line == lines["step"], timeout=10_000)
    # The mistake mode: the run leaves zero_grad() out, and so does the highlight.
    window.controller.set_skip_zero_grad(True)
    qtbot.waitUntil(lambda: window.controller.snapshot.skip_zero_grad, timeout=10_000)
    window.controller.run()
    qtbot.waitUntil(lambda: "without zero_grad()" in panel.caption.text(), timeout=20_000)
    assert highlighted(panel) == sorted(n for p, n in lines.items() if p != "zero_grad")
    window.controller.pause()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=10_000)


# The offscreen platform cannot raise the tool-tip window, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_hovering_a_line_explains_it(qtbot, window):
    panel = make_panel(qtbot, window)
    lines = codegen.phase_lines(window.controller.config)
    assert panel.tooltip_for_line(lines["backward"]).startswith("Backpropagation")
    assert panel.tooltip_for_line(1) == panel.view.toolTip()  # the docstring: the general tip
    # A real tool-tip event on the viewport, at the backward() line.
    block = panel.view.document().findBlockByNumber(lines["backward"] - 1)
    panel.view.setTextCursor(QTextCursor(block))
    panel.view.ensureCursorVisible()
    rect = panel.view.cursorRect()
    pos = QPoint(rect.x() + 20, rect.center().y())
    viewport = panel.view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: QToolTip.text().startswith("Backpropagation"), timeout=5_000)
    QToolTip.hideText()


def test_every_line_kind_is_explained_in_the_interface_language():
    from PySide6.QtCore import QLocale

    from gradlab.core import codegen_text
    from gradlab.core.config import LOSSES, MODELS, OPTIMIZERS, ExperimentConfig

    configs = [
        ExperimentConfig(optimizer=o, loss=loss, model=m, batch_size=b, noise=0.2, samples=40_000)
        for o in OPTIMIZERS
        for loss in LOSSES
        for m in MODELS
        for b in (0, 8)
    ]
    used = {key for c in configs for key in codegen.line_keys(c).values()}
    assert used <= set(codegen_text.EXPLANATIONS)
    previous = QLocale()
    try:
        for locale, index in (("en", 0), ("zh_CN", 1)):
            QLocale.setDefault(QLocale(locale))
            for key in used:
                text = code_view.explanation(key)
                assert text and text == codegen_text.EXPLANATIONS[key][index]
    finally:
        QLocale.setDefault(previous)


def test_the_script_follows_the_interface_language(qtbot, window):
    from PySide6.QtCore import QLocale

    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("zh_CN"))
        panel = CodePanel(window.controller, window.colours)
        qtbot.addWidget(panel)
        text = panel.view.toPlainText()
        assert "生成训练数据" in text
        assert text == codegen.script_for(window.controller.config, lang="zh_CN")
        forward = codegen.phase_lines(window.controller.config, lang="zh_CN")["forward"]
        assert text.splitlines()[forward - 1].strip().startswith("y_pred = model(x)")
    finally:
        QLocale.setDefault(previous)


def test_export_writes_the_shown_script(qtbot, window, tmp_path):
    panel = make_panel(qtbot, window)
    target = tmp_path / "fit.py"
    panel.export(target)
    assert target.read_text(encoding="utf-8") == panel.view.toPlainText()


def test_colours_follow_the_theme(qtbot, window):
    panel = make_panel(qtbot, window)
    window.controller.run_phase("forward")
    qtbot.waitUntil(lambda: panel.current_line is not None, timeout=10_000)
    window.set_theme("dark")
    panel.apply_colours(window.colours)
    assert panel.view.extraSelections()[0].format.background().color().name() == (
        window.colours.highlight_line
    )
