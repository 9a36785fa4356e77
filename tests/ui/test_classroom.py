"""The classroom (issue 16): zoom that reaches every panel and is remembered,
presentation mode, the Beginner layout on a first start, a window that fits a
1024 × 600 screen, the geometry kept per screen, and the loading card."""

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QWheelEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from gradlab.ui import zoom
from gradlab.ui.layouts import BEGINNER_DOCKS, BEGINNER_PLOTS, PRESENTATION_DOCKS, screen_key
from tests.ui.conftest import READY_MS

SMALL_SCREEN = (1024, 600)
TITLE_BAR = 40  # what a desktop takes above a window (and a little more)


def _new_window(qtbot, **kwargs):
    from gradlab.ui.main_window import MainWindow

    win = MainWindow(theme_name="light", **kwargs)
    qtbot.addWidget(win)
    return win


def _font_sizes(win) -> dict[str, float]:
    """Point size of the text of every widget in every panel, by a path name."""
    sizes = {}
    for panel in win.panels:
        for i, widget in enumerate([panel, *panel.findChildren(QWidget)]):
            if widget.isWindow():
                continue  # a dialog or a popup of its own
            sizes[f"{panel.objectName()}/{i}:{type(widget).__name__}"] = widget.font().pointSizeF()
    return sizes


def _plot_sizes(win) -> dict[str, float]:
    """Tick fonts, title sizes and curve widths of every plot."""
    out = {}
    for plot in [*win.plots.plots(), win.landscape.plot]:
        item = plot.getPlotItem()
        name = plot.objectName()
        for side in ("left", "bottom"):
            out[f"{name}/{side} ticks"] = item.getAxis(side).style["tickFont"].pointSizeF()
        if not plot.legend_entries:  # a title with a legend may shorten itself to fit
            out[f"{name}/title"] = float(item.titleLabel.opts["size"].removesuffix("pt"))
    out["loss curve width"] = win.plots.loss_curve.opts["pen"].widthF()
    out["model line width"] = win.plots.data_plot.fit_curve.opts["pen"].widthF()
    out["data points"] = win.plots.data_plot.scatter.opts["size"]
    out["landscape point"] = win.landscape.point.opts["size"]
    return out


def test_zoom_reaches_every_panel_and_plot_and_comes_back_at_the_next_start(qtbot, window):
    win = window
    action = win.view_actions.zoom_in
    # The platform's standard keys (DESIGN §5), and no other shortcut shadows them.
    standard = QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn)
    assert standard and all(k in action.shortcuts() for k in standard)
    assert win.view_actions.zoom_reset.shortcut() == QKeySequence("Ctrl+0")
    taken = {s.key().toString() for s in win.findChildren(QShortcut) if s.isEnabled()}
    zoom_keys = {
        k.toString() for k in (*action.shortcuts(), win.view_actions.zoom_reset.shortcut())
    }
    assert not taken & zoom_keys  # an equal shortcut elsewhere makes both ambiguous

    fonts, plots = _font_sizes(win), _plot_sizes(win)
    action.trigger()
    action.trigger()
    assert zoom.factor() == 1.25
    qtbot.wait(50)
    after_fonts = _font_sizes(win)
    not_scaled = [
        f"{name}: {fonts[name]} -> {after_fonts[name]}"
        for name in fonts
        if name in after_fonts and abs(after_fonts[name] - 1.25 * fonts[name]) > 0.02 * fonts[name]
    ]
    assert not not_scaled, "text that did not zoom:\n  " + "\n  ".join(not_scaled)
    assert "125" in win.view_actions.zoom_reset.text()

    # Ctrl+wheel over a text view zooms the window, not the view alone.
    viewport = win.code.view.viewport()
    wheel = QWheelEvent(
        QPointF(10, 10),
        QPointF(viewport.mapToGlobal(QPoint(10, 10))),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert zoom.factor() == 1.5
    # At 150 % the plots' fonts, lines and markers have grown by half (hair
    # lines stay whole pixels: 1 px becomes 2).
    wide = _plot_sizes(win)
    for name, size in plots.items():
        assert wide[name] >= 1.45 * size, name
    code_pt = win.code.view.font().pointSizeF()
    win.close()

    # The next start, same home: the zoom is back, in the fonts too.
    again = _new_window(qtbot)
    try:
        assert zoom.factor() == 1.5
        assert again.code.view.font().pointSizeF() == pytest.approx(code_pt)
        again.view_actions.zoom_reset.trigger()
        assert zoom.factor() == 1.0
        assert again.settings.zoom == 1.0
    finally:
        again.close()


def test_a_bad_zoom_in_the_settings_is_the_default():
    assert zoom.valid("1e9") == zoom.STEPS[-1]
    assert zoom.valid("nan") == zoom.DEFAULT
    assert zoom.valid("big") == zoom.DEFAULT
    assert zoom.valid(None) == zoom.DEFAULT
    assert zoom.step_in(zoom.STEPS[-1]) == zoom.STEPS[-1]
    assert zoom.step_out(zoom.STEPS[0]) == zoom.STEPS[0]


def test_first_start_is_the_beginner_layout_and_every_panel_stays_one_click_away(qtbot, window):
    win = window
    shown = sorted(d.objectName() for d in win.docks if not d.isHidden())
    assert shown == sorted(BEGINNER_DOCKS)
    assert win.plots.shown_plots() == list(BEGINNER_PLOTS) and win.landscape.isHidden()
    assert BEGINNER_PLOTS == ("lossPlot", "dataPlot")  # the loss, and the line it fits
    assert win.layouts.beginner_action.isChecked()
    # The lesson is the tab in front, its first lines say how to drive it.
    assert not win.lessons.visibleRegion().isEmpty()
    assert win.lessons.current_slug().startswith("01")
    opening = win.lessons.view.toPlainText().splitlines()[:6]
    assert "How to drive it" in opening, opening
    # Every dock and every plot is an entry of the View menu.
    view = next(m for m in win.menuBar().actions() if m.menu() and "View" in m.text()).menu()
    entries = set(view.actions())
    assert all(d.toggleViewAction() in entries for d in win.docks)
    assert all(a in entries for a in win.layouts.plot_actions.values())

    # A lesson reveals the panel it introduces, and says where it appeared.
    win.lessons.on_anchor_clicked(QUrl("gradlab:show/graphDock"))
    graph = win.findChild(QDockWidget, "graphDock")
    assert not graph.isHidden()
    assert "Graph" in win.messages.texts()[-1] and "right" in win.messages.texts()[-1]
    win.lessons.on_anchor_clicked(QUrl("gradlab:show/paramPlot"))
    assert win.plots.shown_plots() == ["lossPlot", "paramPlot", "dataPlot"]
    assert "middle" in win.messages.texts()[-1]

    win.layouts.full_action.trigger()
    assert all(not d.isHidden() for d in win.docks)
    assert len(win.plots.shown_plots()) == 4 and not win.landscape.isHidden()
    win.layouts.beginner_action.trigger()
    win.findChild(QDockWidget, "messagesDock").show()
    win.layouts.reset_action.trigger()  # Reset layout: the Beginner layout again
    assert sorted(d.objectName() for d in win.docks if not d.isHidden()) == sorted(BEGINNER_DOCKS)


@pytest.fixture
def language(qapp, request):
    """The interface in request.param's language for the test (then as before)."""
    from PySide6.QtCore import QLocale

    from gradlab.ui import i18n

    locale, before = QLocale(), qapp.property("gradlab_language")
    installed = i18n.install(qapp, request.param)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)
    qapp.setProperty("gradlab_language", before)


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_the_window_fits_a_1024_by_600_screen_with_every_control_in_reach(qtbot, language):
    win = _new_window(qtbot)
    try:
        _check_small_screen(qtbot, win)
    finally:
        win.close()


def _check_small_screen(qtbot, win):
    win.show()
    width, height = SMALL_SCREEN
    for layout in ("beginner", "full"):
        win.layouts.apply(layout)
        qtbot.wait(50)
        hint = win.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height - TITLE_BAR, (layout, hint)
    win.resize(width, height - TITLE_BAR)
    qtbot.waitUntil(lambda: win.width() == width)
    # Every field of the Controls in sight, after at most one click on its tab.
    scroll = win._controls_scroll
    tabs = win.controls.settings_tabs
    for page in range(tabs.count()):
        tabs.setCurrentIndex(page)
        qtbot.wait(20)
        for field in [*win.controls.fields.values(), *win.controls.combos.values()]:
            if field.parent() is not tabs.currentWidget():
                continue
            top = field.mapTo(scroll.viewport(), QPoint(0, 0)).y()
            assert top >= 0 and top + field.height() <= scroll.viewport().height(), (
                field.objectName()
            )
    # Every dock of the Full layout keeps a usable size on the small screen.
    for dock in win.docks:
        assert dock.isHidden() or (dock.width() >= 60 and dock.height() >= 60), dock.objectName()


def test_presentation_mode_is_calm_large_and_esc_leaves_it(qtbot, window):
    win = window
    debugger = {a.shortcut().toString() for a in win.run_actions.commands()}
    key = win.layouts.presentation_action.shortcut().toString()
    assert key and key not in debugger | {"F10", "F11", "F5", "Shift+F11", "Ctrl+R"}
    win.layouts.apply("full")
    before_docks = sorted(d.objectName() for d in win.docks if not d.isHidden())
    win.layouts.presentation_action.trigger()
    assert win.layouts.presenting and win.isFullScreen()
    assert sorted(d.objectName() for d in win.docks if not d.isHidden()) == sorted(
        PRESENTATION_DOCKS
    )
    assert win.plots.shown_plots() == ["lossPlot"] and win.landscape.isHidden()
    assert zoom.factor() >= 1.25
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert not win.layouts.presenting and not win.isFullScreen()
    assert zoom.factor() == 1.0 and win.settings.zoom == 1.0  # never saved as the zoom
    assert sorted(d.objectName() for d in win.docks if not d.isHidden()) == before_docks


def test_geometry_is_kept_per_screen_and_the_loading_card_sits_in_the_middle(qtbot):
    win = _new_window(qtbot)
    win.show()
    card = win.loading_card
    assert card is not None and card.isVisible()  # before torch is there
    centre = win.centralWidget().geometry().center()
    assert abs(card.geometry().center().x() - centre.x()) <= 2
    assert abs(card.geometry().center().y() - centre.y()) <= 2
    qtbot.waitUntil(lambda: win.controller.ready, timeout=READY_MS)
    assert win.controller.loading == "session"  # the worker said each stage
    assert win.loading_card is None
    # The first start fills the screen's available area.
    area = win.screen().availableGeometry()
    assert win.isMaximized() or win.geometry().size() == area.size()
    win.setWindowState(Qt.WindowState.WindowNoState)
    # Within the screen (restoreGeometry() pulls a window back onto its screen).
    size = (area.width() - 30, area.height() - 40)
    win.setGeometry(area.x() + 10, area.y() + 20, *size)
    qtbot.waitUntil(lambda: (win.width(), win.height()) == size)
    win.close()
    assert win.settings.screen_geometry(screen_key(win.screen())) is not None

    again = _new_window(qtbot)
    try:
        again.show()
        qtbot.waitUntil(lambda: (again.width(), again.height()) == size)
    finally:
        again.close()


def test_ctrl_wheel_on_the_window_itself_zooms(qtbot, window):
    event = QWheelEvent(
        QPointF(5, 5),
        QPointF(window.mapToGlobal(QPoint(5, 5))),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    assert QApplication.sendEvent(window, event)
    assert zoom.factor() == 0.9
    assert event.type() == QEvent.Type.Wheel
