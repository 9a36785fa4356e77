"""The rough edges a new user hit (issue 16, items 8-10 and 14-17), each where a
test can see it: themes switched live, stale plots, the MLP's landscape export,
try-it links that ask first, the landscape under a click and a divergence, the
plots' legends, and the small ones."""

import math

import pyqtgraph as pg
from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from gradlab.core.config import ExperimentConfig
from gradlab.ui import folders
from gradlab.ui.panels.graph.panel import MIN_TEXT_PT
from gradlab.ui.panels.lessons import try_it_text
from gradlab.ui.plotting import next_pow2
from tests.ui.conftest import READY_MS

WAIT_MS = 20_000


def _luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio: 1 (the same colour) to 21 (black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _unreadable_widgets(win) -> list[str]:
    """Visible widgets with text whose text colour is (nearly) their background's."""
    bad = []
    kinds = (QLabel, QAbstractButton, QLineEdit, QComboBox, QTabBar, QGroupBox)
    for widget in win.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisible():
            continue
        palette = widget.palette()
        group = QPalette.ColorGroup.Active if widget.isEnabled() else QPalette.ColorGroup.Disabled
        fg = palette.color(group, widget.foregroundRole())
        bg = palette.color(group, widget.backgroundRole())
        floor = 3.0 if widget.isEnabled() else 1.5
        if contrast(fg, bg) < floor:
            bad.append(f"{type(widget).__name__} {widget.objectName()}: {fg.name()} on {bg.name()}")
    # Text views (code, session, lessons, messages) draw Text on Base.
    for view in win.findChildren(QAbstractScrollArea):
        if not isinstance(view, (QPlainTextEdit, QTextEdit, QListWidget)) or not view.isVisible():
            continue
        palette = view.palette()
        fg = palette.color(QPalette.ColorRole.Text)
        bg = palette.color(QPalette.ColorRole.Base)
        if contrast(fg, bg) < 3.0:
            bad.append(f"{type(view).__name__} {view.objectName()}: {fg.name()} on {bg.name()}")
    return bad


def _unreadable_plot_texts(win) -> list[str]:
    """pyqtgraph's texts (axis numbers and labels, titles, text items) against
    their plot's background."""
    bad = []
    for plot in win.findChildren(pg.PlotWidget):
        background = plot.backgroundBrush().color()
        item = plot.getPlotItem()
        colours = {"title": QColor(item.titleLabel.opts["color"])}
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            colours[f"{side} numbers"] = axis.textPen().color()
            colours[f"{side} line"] = axis.pen().color()
        for thing in plot.scene().items():
            if isinstance(thing, pg.TextItem) and thing.isVisible() and thing.fill.style() == 0:
                colours["text item"] = thing.color
        for what, colour in colours.items():
            if contrast(colour, background) < 3.0:
                bad.append(f"{plot.objectName()} {what}: {colour.name()} on {background.name()}")
    return bad


def test_a_live_theme_switch_leaves_no_text_the_colour_of_its_background(qtbot, window):
    win = window
    win.layouts.apply("full")
    c = win.controller
    c.full_update()
    c.run_phase("forward")  # a current phase button, highlighted
    qtbot.waitUntil(lambda: c.snapshot.phase == "forward", timeout=WAIT_MS)
    qtbot.wait(100)
    for theme in ("dark", "light", "dark"):
        win.set_theme(theme)
        qtbot.wait(50)
        # Every dock in front once: the ones tabbed away were restyled too.
        for dock in win.docks:
            dock.raise_()
            qtbot.wait(20)
            bad = _unreadable_widgets(win)
            assert not bad, f"{theme}, {dock.objectName()} in front:\n" + "\n".join(bad)
        assert not _unreadable_plot_texts(win), (
            theme + ":\n" + "\n".join(_unreadable_plot_texts(win))
        )
    # The dark theme really is dark, on the plots too (not only the widgets).
    assert win.plots.loss_plot.backgroundBrush().color().lightness() < 80
    assert win.landscape.plot.getPlotItem().getAxis("left").textPen().color().lightness() > 180


def test_plots_never_keep_a_stale_range(qtbot, window):
    win = window
    c = win.controller
    loss_plot, param_plot = win.plots.loss_plot, win.plots.param_plot
    win.layouts.apply("full")
    # First start, no update yet: the true values' dashed lines are in view.
    low, high = param_plot.getPlotItem().vb.viewRange()[1]
    assert low < 1.0 < 2.0 < high

    for _ in range(3):
        c.full_update()
    qtbot.waitUntil(lambda: c.snapshot.step == 3, timeout=WAIT_MS)
    first_loss = float(c.series["loss"][0])
    # Compare, and say why the main run's values and plots stand still.
    assert c.start_compare([{"optimizer": "sgd"}, {"optimizer": "adam"}])
    qtbot.waitUntil(lambda: c.compare is not None, timeout=WAIT_MS)
    assert not win.values.compare_note.isHidden()
    assert "waiting" in param_plot.plot_title
    assert "waiting" in win.plots.grad_plot.plot_title
    assert any("Back to one run" in text for text in win.messages.texts())
    c.stop_compare()
    qtbot.waitUntil(lambda: c.compare is None and not c.running, timeout=WAIT_MS)
    # Back to one run: its axes again, its first loss in view.
    assert loss_plot.getPlotItem().vb.viewRange()[0][1] < 2 * next_pow2(3)
    assert loss_plot.getPlotItem().vb.viewRange()[1][1] >= first_loss
    assert win.values.compare_note.isHidden() and "waiting" not in param_plot.plot_title

    # A divergence, then Reset: no axis keeps 1e35 or 1e18.
    c.set_speed(None)
    assert c.apply_setting("lr", "1.5")
    c.reset()
    qtbot.waitUntil(lambda: c.snapshot.step == 0 and c.snapshot.lr == 1.5, timeout=WAIT_MS)
    c.run()
    qtbot.waitUntil(
        lambda: not c.running and c.snapshot.step > 10 and not math.isfinite(c.snapshot.loss or 0),
        timeout=WAIT_MS,
    )
    assert win.landscape.edge_mark.isVisible()  # the model left the map: a mark says where
    assert "off the map" in win.landscape.edge_text.toPlainText()
    for reset in (c.reset, win.start_fresh):
        reset()
        qtbot.waitUntil(lambda: c.snapshot.step == 0, timeout=WAIT_MS)
        qtbot.wait(50)
        for plot in (loss_plot, param_plot, win.plots.grad_plot):
            (x0, x1), (y0, y1) = plot.getPlotItem().vb.viewRange()
            assert x1 <= 100 and -10 < y0 < y1 < 10, (plot.objectName(), y0, y1)
        assert not win.landscape.edge_mark.isVisible()


def test_the_landscape_waits_for_a_pause_and_keeps_its_view(qtbot, window):
    win = window
    c = win.controller
    win.layouts.apply("full")
    qtbot.waitUntil(lambda: c.landscape is not None, timeout=WAIT_MS)
    c.set_speed(5)
    c.run()
    qtbot.waitUntil(lambda: c.running and c.snapshot.step >= 1, timeout=WAIT_MS)
    assert not win.landscape.choose_start(1.5, 0.0)  # a click while running pauses
    qtbot.waitUntil(lambda: not c.running, timeout=WAIT_MS)
    assert c.snapshot.w != 1.5
    assert any("Click the map again" in text for text in win.messages.texts())
    view = win.landscape.plot.getPlotItem().vb.viewRange()
    assert win.landscape.choose_start(1.5, 0.0)
    qtbot.waitUntil(lambda: c.snapshot.w == 1.5, timeout=WAIT_MS)
    qtbot.wait(100)
    assert win.landscape.plot.getPlotItem().vb.viewRange() == view  # no rescale on a click

    # The MLP has no landscape: nothing of the old one stays, and it cannot be exported.
    export = win.export_plot_actions["landscapePlot"]
    assert export.isEnabled()
    assert c.apply_setting("model", "mlp")
    qtbot.waitUntil(lambda: c.landscape is None and c.ready, timeout=WAIT_MS)
    assert not export.isEnabled() and not win.landscape.drawn
    assert win.landscape.image.image is None
    assert c.apply_setting("model", "linear")
    qtbot.waitUntil(lambda: c.landscape is not None, timeout=WAIT_MS)
    assert export.isEnabled() and win.landscape.drawn


def test_plot_legends_sit_outside_the_data(qtbot, window):
    win = window
    for plot in (*win.plots.plots(), win.landscape.plot):
        # No legend box inside the plot (it covered the curves and the points).
        assert plot.getPlotItem().legend is None, plot.objectName()
    title = win.plots.param_plot.getPlotItem().titleLabel.text
    assert "w" in title and "b" in title and win.colours.weight in title
    data_title = win.plots.data_plot.getPlotItem().titleLabel.text
    assert "model" in data_title and "data" in data_title
    # The thick model line is drawn smooth; the other curves stay fast hair lines.
    assert win.plots.data_plot.fit_curve.opts["antialias"] is True


def test_try_it_links_ask_before_discarding_work_and_say_what_they_do(qtbot, window):
    win = window
    c = win.controller
    panel = win.lessons
    text = try_it_text("lr-too-large")
    assert "starts the experiment over" in text and "Speed slider" in text and "5" in text
    assert "waits for you to step" in try_it_text("default")
    assert "mistake mode on" in try_it_text("skip-zero-grad")
    assert "side by side" in try_it_text("adam-vs-sgd")

    for _ in range(3):
        c.full_update()
    qtbot.waitUntil(lambda: c.snapshot.step == 3, timeout=WAIT_MS)
    panel.on_anchor_clicked(QUrl("gradlab:try/lr-too-large"))
    box = panel.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "3 update" in box.informativeText() and box.text() == text
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(100)
    assert panel.confirm_box is None
    assert c.config == ExperimentConfig() and c.snapshot.step == 3 and not c.running
    assert c.speed == 5  # unchanged: nothing was set up

    # Yes: it starts over as it said.
    panel.on_anchor_clicked(QUrl("gradlab:try/lr-too-small"))
    start_over = [
        b
        for b in panel.confirm_box.buttons()
        if panel.confirm_box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    ]
    start_over[0].click()
    qtbot.waitUntil(lambda: c.snapshot.lr == 0.001 and c.running, timeout=WAIT_MS)
    c.pause()
    qtbot.waitUntil(lambda: not c.running, timeout=WAIT_MS)


def test_the_small_ones(qtbot, window, tmp_path):
    win = window
    # File dialogs start in the documents folder, then where the last file went.
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents:
        assert folders.start_path(win.settings) in (documents, str(tmp_path.home()))
    folders.remember(win.settings, str(tmp_path / "mine.gradlab.pt"))
    assert folders.start_path(win.settings, "x.csv") == str(tmp_path / "x.csv")

    # File ▸ Export ▸ Training script: the code panel's script, runnable.
    file_menu = win.menuBar().actions()[0].menu()
    export_menu = next(
        a.menu()
        for a in file_menu.actions()
        if a.menu() and win.files.csv_action in a.menu().actions()
    )
    assert win.files.script_action in export_menu.actions()
    target = tmp_path / "train.py"
    win.files.write_script(str(target))
    written = target.read_text(encoding="utf-8")
    assert written == win.code.script() and "optimizer.step()" in written
    compile(written, str(target), "exec")

    # The title does not repeat the name Qt adds after it (" — GradLab").
    assert "GradLab" not in win.windowTitle()


def test_lang_en_ticks_english_in_the_language_menu(qtbot):
    from gradlab.ui.main_window import MainWindow

    win = MainWindow(theme_name="light", language="en")
    qtbot.addWidget(win)
    try:
        menus = [a.menu() for a in win.menuBar().actions() if a.menu()]
        language = next(
            a.menu() for m in menus for a in m.actions() if a.menu() and a.text() == "Language"
        )
        ticked = [a.text() for a in language.actions() if a.isChecked()]
        assert ticked == ["English"]
    finally:
        win.close()


def test_the_mlp_graph_stays_readable(qtbot, window):
    win = window
    c = win.controller
    win.layouts.reveal("graphDock")
    c.apply_config(ExperimentConfig(model="mlp", target="sin"))
    qtbot.waitUntil(lambda: c.snapshot.model_kind != "linear", timeout=WAIT_MS)
    for phase in ("forward", "loss", "zero_grad", "backward"):
        c.run_phase(phase)
    qtbot.waitUntil(lambda: c.snapshot.phase == "backward", timeout=WAIT_MS)
    win.graph.finish_animation()
    qtbot.waitUntil(lambda: len(win.graph.node_texts()) > 8, timeout=READY_MS)
    win.graph.fit()
    scale = win.graph.view.transform().m11()
    assert scale * win.graph.font().pointSizeF() >= MIN_TEXT_PT - 0.01


def test_the_log_scale_draws_log10_of_the_recorded_losses(qtbot, window):
    """The loss curve on log scale is log10 of the losses the history holds
    (0 at a floor), for the rows drawn; the y range follows them."""
    import numpy as np

    c = window.controller
    window.plots.log_check.setChecked(True)
    for _ in range(12):
        c.full_update()
    qtbot.waitUntil(lambda: c.snapshot.step == 12, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(window.plots.loss_curve.yData) == 12, timeout=WAIT_MS)
    recorded = np.asarray(c.series["loss"], dtype=float)
    drawn = np.asarray(window.plots.loss_curve.yData, dtype=float)
    assert np.array_equal(drawn, np.log10(recorded))  # all above the floor here
    low, high = window.plots.loss_plot.getViewBox().viewRange()[1]
    assert low <= np.log10(recorded).min() and np.log10(recorded).max() <= high
    window.plots.log_check.setChecked(False)
    qtbot.waitUntil(
        lambda: np.array_equal(np.asarray(window.plots.loss_curve.yData), recorded),
        timeout=WAIT_MS,
    )
