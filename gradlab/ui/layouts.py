"""What the window shows and where: the named layouts (Beginner, Full), Reset
layout, the plots shown in the middle, presentation mode, and the window's
geometry on each screen.

Beginner is what lesson 1 needs (the five calls, the values, the code, the loss
plot and the data with the fitted line, the lesson) and the first start's layout; Full is every panel as the
window builds them. Every panel stays one click away: the View menu lists each
dock and each plot, and a lesson can reveal the panel it introduces.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

from gradlab.ui import zoom

translate = QCoreApplication.translate

LAYOUT_VERSION = 6  # bump when the set of docks changes: older saved layouts are ignored
BEGINNER_DOCKS = ("controlsDock", "valuesDock", "lessonsDock", "codeDock")
# The loss, and the data with the model's line: the picture training changes.
BEGINNER_PLOTS = ("lossPlot", "dataPlot")
PRESENTATION_DOCKS = ("controlsDock", "valuesDock", "codeDock")
PRESENTATION_PLOTS = ("lossPlot",)
PRESENTATION_RIGHT_SHARE = 0.42  # of the window's width, for the values and the code
# Not taken by the debugger keys (F10, F11, F5, Shift+F11, Ctrl+R, Ctrl+1 … 5).
PRESENTATION_KEYS = "Ctrl+Shift+P"


def plot_title(name: str) -> str:
    """The name of a plot of the middle area in the View menu and in messages."""
    return {
        "lossPlot": translate("Layouts", "Loss plot"),
        "paramPlot": translate("Layouts", "Parameters plot"),
        "gradPlot": translate("Layouts", "Gradients plot"),
        "dataPlot": translate("Layouts", "Data and fitted line"),
        "landscapePlot": translate("Layouts", "Loss landscape over (w, b)"),
    }[name]


def hide_stray_tab_bars(window: QMainWindow) -> int:
    """Hide the window's dock tab bars that no group of docks uses; returns how
    many. Qt 6.11 leaves unused bars of tabified docks on screen after
    tabifying, restoreState() or a relayout (seen in a minimal QMainWindow
    too): a stray "Lessons | Code" bar sat over the plots. A bar in use lies
    right under the docks it switches and names one of them."""
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]
    hidden = 0
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window or bar.isHidden():
            continue
        texts = {bar.tabText(i) for i in range(bar.count())}
        rect = bar.geometry()
        used = any(
            d.windowTitle() in texts
            and abs(rect.x() - d.x()) <= 2
            and -2 <= rect.y() - (d.y() + d.height()) <= 6
            for d in docks
        )
        if not used:
            bar.hide()
            hidden += 1
    return hidden


def presentation_zoom(screen, current: float) -> float:
    """Larger than now, as large as the screen allows the calm layout: 150 %
    from about 1000 pixels high (a 1080p projector), 125 % below."""
    height = screen.availableGeometry().height() if screen is not None else 768
    wanted = zoom.PRESENTATION if height >= 1000 else 1.25
    return max(wanted, zoom.step_in(current))


def screen_key(screen) -> str:
    """A settings key for a screen: its name and size (the same monitor at
    another resolution is another place)."""
    size = screen.size()
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", screen.name() or "screen")[:40] or "screen"
    return f"{name}_{size.width()}x{size.height()}"


class Layouts(QObject):
    """The window's arrangement. `window` is the MainWindow: its docks, its
    plots panel and landscape panel, its settings, and set_zoom()."""

    presentingChanged = Signal(bool)
    tidied = Signal()  # the window was laid out again after a change (see tidy)
    revealed = Signal(str, str)  # the panel's or plot's name, where it appeared

    def __init__(self, window: QMainWindow, plots_panel, landscape_panel):
        super().__init__(window)
        self._window = window
        self._plots = plots_panel
        self._landscape = landscape_panel
        self._settings = window.settings
        self._before_presenting = None
        self._geometry_at_show = None  # see place_window()
        self.plot_actions: dict[str, QAction] = {}
        for name in self.plot_names():
            action = QAction(plot_title(name), window, checkable=True)
            action.setChecked(True)
            action.toggled.connect(lambda on, n=name: self._on_plot_action(n, on))
            self.plot_actions[name] = action

        self.beginner_action = QAction(translate("Layouts", "Beginner"), window, checkable=True)
        self.beginner_action.setToolTip(
            translate(
                "Layouts",
                "What the first lessons need: the five calls, the values, the code, the loss "
                "plot, the data with the fitted line, and the lesson. Every other panel stays "
                "in the View menu.",
            )
        )
        self.full_action = QAction(translate("Layouts", "Full"), window, checkable=True)
        self.full_action.setToolTip(translate("Layouts", "Every panel and every plot."))
        self.beginner_action.triggered.connect(lambda: self.apply("beginner"))
        self.full_action.triggered.connect(lambda: self.apply("full"))
        self.reset_action = QAction(translate("Layouts", "Reset layout"), window)
        self.reset_action.setToolTip(
            translate("Layouts", "Put the panels of the current layout back where they began.")
        )
        self.reset_action.triggered.connect(self.reset)

        self.presentation_action = QAction(
            translate("Layouts", "Presentation mode"), window, checkable=True
        )
        self.presentation_action.setShortcut(QKeySequence(PRESENTATION_KEYS))
        self.presentation_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.presentation_action.setToolTip(
            translate(
                "Layouts",
                "Full screen for a projector: larger text, and only the controls, the values, "
                "the loss plot and the code. Esc leaves it.",
            )
        )
        self.presentation_action.triggered.connect(self.set_presenting)
        window.addAction(self.presentation_action)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self._escape.setEnabled(False)
        self._escape.activated.connect(lambda: self.set_presenting(False))
        # After every change of layout, once Qt has laid the window out again.
        self._tidy_timer = QTimer(self)
        self._tidy_timer.setSingleShot(True)
        self._tidy_timer.setInterval(0)
        self._tidy_timer.timeout.connect(self._tidy_now)
        for dock in window.docks:
            dock.visibilityChanged.connect(self.tidy)

    def tidy(self) -> None:
        """Once the pending relayout is done: hide stray dock tab bars, and let
        the window adjust what depends on the new sizes (tidied)."""
        self._tidy_timer.start()

    def _tidy_now(self) -> None:
        self.tidied.emit()
        hide_stray_tab_bars(self._window)

    # ------------------------------------------------------------ queries
    def docks(self) -> list[QDockWidget]:
        return list(self._window.docks)

    def plot_names(self) -> list[str]:
        return [p.objectName() for p in self._plots.plots()] + ["landscapePlot"]

    def plots_shown(self) -> list[str]:
        return [n for n, a in self.plot_actions.items() if a.isChecked()]

    def docks_shown(self) -> list[str]:
        return [d.objectName() for d in self.docks() if not d.isHidden()]

    @property
    def presenting(self) -> bool:
        return self._before_presenting is not None

    @property
    def current(self) -> str:
        """The named layout chosen last ("beginner" on a first start)."""
        return self._settings.layout or "beginner"

    # ------------------------------------------------------------ layouts
    def restore(self) -> None:
        """At start: the arrangement saved last time, or Beginner the first time."""
        state = self._settings.window_state
        if state is None or not self._window.restoreState(state, LAYOUT_VERSION):
            self.apply("beginner")
            return
        plots = self._settings.plots_shown
        self.show_plots(plots if plots is not None else self.plot_names())
        self._tick(self._settings.layout or "full")
        self.tidy()

    def apply(self, name: str) -> None:
        """Show the named layout with every panel in its first place."""
        if self.presenting:
            self.set_presenting(False)
        self._window.place_docks()
        if name == "beginner":
            for dock in self.docks():
                dock.setVisible(dock.objectName() in BEGINNER_DOCKS)
            self.show_plots(BEGINNER_PLOTS)
            self._raise("lessonsDock")
        else:
            for dock in self.docks():
                dock.setVisible(True)
            self.show_plots(self.plot_names())
        # Moving the docks stacked them for a moment: recompute the (now small)
        # minimum size, or a window not yet shown stays as tall as the stack.
        self._window.layout().invalidate()
        self._window.layout().activate()
        self._settings.layout = name
        self._tick(name)
        self.tidy()

    def reset(self) -> None:
        self.apply(self.current)

    def _tick(self, name: str) -> None:
        self.beginner_action.setChecked(name == "beginner")
        self.full_action.setChecked(name == "full")

    def _raise(self, dock_name: str) -> None:
        dock = self._window.findChild(QDockWidget, dock_name)
        if dock is not None:
            dock.raise_()

    # -------------------------------------------------------------- plots
    def show_plots(self, names) -> None:
        """Show exactly these plots of the middle area (at least one stays)."""
        names = [n for n in names if n in self.plot_actions] or list(BEGINNER_PLOTS)
        for name, action in self.plot_actions.items():
            action.blockSignals(True)
            action.setChecked(name in names)
            action.blockSignals(False)
        self._show_checked()

    def _on_plot_action(self, name: str, on: bool) -> None:
        if not on and not self.plots_shown():
            # The middle area is never empty: keep the last plot.
            self.plot_actions[name].blockSignals(True)
            self.plot_actions[name].setChecked(True)
            self.plot_actions[name].blockSignals(False)
            return
        self._show_checked()

    def _show_checked(self) -> None:
        shown = self.plots_shown()
        self._plots.show_only([n for n in shown if n != "landscapePlot"])
        self._landscape.setVisible("landscapePlot" in shown)
        if not self.presenting and shown != self._settings.plots_shown:
            self._settings.plots_shown = shown  # written only when it changed (not at every start)

    def reveal(self, name: str) -> str | None:
        """Show a dock or a plot by object name ("graphDock", "paramPlot") and
        say where it appeared; None for a name that is neither."""
        if name in self.plot_actions:
            self.plot_actions[name].setChecked(True)
            where = translate("Layouts", "{panel} is shown in the middle of the window.").format(
                panel=plot_title(name)
            )
        else:
            dock = self._window.findChild(QDockWidget, name)
            if dock is None:
                return None
            dock.show()
            dock.raise_()
            where = self._where(dock)
        self.revealed.emit(name, where)
        return where

    def _where(self, dock: QDockWidget) -> str:
        title = dock.windowTitle()
        if dock.isFloating():
            return translate("Layouts", "The {panel} panel opened in its own window.").format(
                panel=title
            )
        side = {
            Qt.DockWidgetArea.LeftDockWidgetArea: translate("Layouts", "on the left"),
            Qt.DockWidgetArea.RightDockWidgetArea: translate("Layouts", "on the right"),
            Qt.DockWidgetArea.TopDockWidgetArea: translate("Layouts", "at the top"),
            Qt.DockWidgetArea.BottomDockWidgetArea: translate("Layouts", "at the bottom"),
        }.get(self._window.dockWidgetArea(dock), "")
        tabs = [d for d in self._window.tabifiedDockWidgets(dock) if not d.isHidden()]
        if tabs:
            return translate(
                "Layouts", "The {panel} panel is shown {side}, as a tab beside {other}."
            ).format(panel=title, side=side, other=tabs[0].windowTitle())
        return translate("Layouts", "The {panel} panel is shown {side}.").format(
            panel=title, side=side
        )

    # -------------------------------------------------------- presentation
    def set_presenting(self, on: bool) -> None:
        """Full screen, larger text, the controls, values, loss plot and code;
        off puts back what was there (layout, size, zoom)."""
        on = bool(on)
        if on == self.presenting:
            self.presentation_action.setChecked(on)
            return
        w = self._window
        if on:
            # Docks are only hidden, never moved: showing them again (not
            # restoreState(), see MainWindow.place_docks) puts everything back.
            self._before_presenting = (
                [d for d in self.docks() if not d.isHidden()],
                [d for d in self.docks() if not d.visibleRegion().isEmpty()],  # tabs in front
                w.saveGeometry(),
                w.windowState(),
                zoom.factor(),
                self.plots_shown(),
            )
            for dock in self.docks():
                dock.setVisible(dock.objectName() in PRESENTATION_DOCKS)
            self._raise("codeDock")
            self.show_plots(PRESENTATION_PLOTS)
            w.set_zoom(presentation_zoom(w.screen(), zoom.factor()), remember=False)
            w.showFullScreen()
            # Once laid out at the new zoom: the values as tall as their rows,
            # the code below them; the controls as narrow as they allow and the
            # code's column wide enough for its lines.
            QTimer.singleShot(0, w.fit_values_height)
            QTimer.singleShot(0, lambda: w.share_columns(PRESENTATION_RIGHT_SHARE))
        else:
            shown, in_front, geometry, window_state, factor, plots = self._before_presenting
            self._before_presenting = None
            w.setWindowState(window_state)
            w.restoreGeometry(geometry)
            for dock in self.docks():
                dock.setVisible(dock in shown)
            for dock in in_front:
                dock.raise_()
            self.show_plots(plots)
            w.set_zoom(factor, remember=False)
        self._escape.setEnabled(on)
        self.presentation_action.setChecked(on)
        self.tidy()
        self.presentingChanged.emit(on)

    # ------------------------------------------------------------ geometry
    def place_window(self) -> None:
        """Before the first show: the size last used on this screen, or the
        screen's whole available area."""
        w = self._window
        screen = w.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        saved = self._settings.screen_geometry(screen_key(screen))
        if saved is not None and w.restoreGeometry(saved):
            # Again once shown: until its first layout, the window's minimum size
            # still holds the docks the saved layout hides, and clamps the size.
            self._geometry_at_show = saved
            return
        area = screen.availableGeometry()
        w.setGeometry(area)
        w.setWindowState(w.windowState() | Qt.WindowState.WindowMaximized)

    def window_shown(self) -> None:
        """The first show: the saved geometry, now that the minimum size is right."""
        saved, self._geometry_at_show = self._geometry_at_show, None
        if saved is not None:  # after this show's own layout pass
            QTimer.singleShot(0, lambda: self._window.restoreGeometry(saved))

    def save_window(self) -> None:
        """At closing: the layout, and the geometry for the screen it is on."""
        if self.presenting:
            self.set_presenting(False)
        w = self._window
        screen = w.screen()
        if screen is not None:
            self._settings.save_screen_geometry(screen_key(screen), w.saveGeometry())
        self._settings.save_window_state(w.saveState(LAYOUT_VERSION))
        self._settings.plots_shown = self.plots_shown()
