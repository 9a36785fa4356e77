"""GradLab's main window: dock panels around the plots, the theme, zoom and
language, messages in the status bar, and the worker's start and end. Its
actions and menus are built by menus.py, its file handling is file_actions.py,
what it shows where (layouts, presentation mode, geometry) is layouts.py.

`MainWindow()` builds the default experiment without showing itself; the worker
thread (and with it torch) starts after the first paint, or shortly after
construction when the window is never shown (tests). Closing it always ends the
worker thread.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabBar,
    QTabWidget,
    QWidget,
)

from gradlab.core.config import ExperimentConfig
from gradlab.ui import i18n, paths, theme, zoom
from gradlab.ui.autosave import WindowAutosave
from gradlab.ui.controller import Controller
from gradlab.ui.exercise_links import connect_exercises
from gradlab.ui.file_actions import FileActions
from gradlab.ui.layouts import LAYOUT_VERSION, Layouts, hide_stray_tab_bars
from gradlab.ui.loading import LoadingCard
from gradlab.ui.menus import RunActions, ViewActions, build_menus
from gradlab.ui.messages import Message
from gradlab.ui.panels.checkpoint_lab import CheckpointLabPanel
from gradlab.ui.panels.code_view import CodePanel
from gradlab.ui.panels.compare import ComparePanel
from gradlab.ui.panels.controls import ControlsPanel
from gradlab.ui.panels.exercises.panel import ExercisesPanel
from gradlab.ui.panels.graph.panel import GraphPanel
from gradlab.ui.panels.inference import InferencePanel
from gradlab.ui.panels.landscape import LandscapePanel
from gradlab.ui.panels.lessons import LessonPanel
from gradlab.ui.panels.maths import MathsPanel
from gradlab.ui.panels.messages import MessagePanel
from gradlab.ui.panels.optimizer_state import OptimizerStatePanel
from gradlab.ui.panels.plots.panel import PlotsPanel
from gradlab.ui.panels.session_log import SessionLogPanel
from gradlab.ui.panels.values import ValuesPanel
from gradlab.ui.scrolling_tabs import scrolling_tabs
from gradlab.ui.settings import Settings
from gradlab.ui.texts import config_error_text, message_texts, setting_label
from gradlab.ui.worker import LOADING_STAGES

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

__all__ = ["LAYOUT_VERSION", "MainWindow"]
START_FALLBACK_MS = 300  # start the worker even if no paint arrives (hidden window)
STATUS_MS = 20_000
STATUS_HOLD_S = 10.0  # how long a warning or an error keeps the status bar
LEVEL_RANK = {"info": 0, "warning": 1, "error": 2}
CALL_CODES = {"forward", "loss", "zero_grad", "backward", "step"}  # one line per call


class _FirstPaint(QObject):
    """Calls back once, at the window's first paint, then stops listening (an
    event filter or event() override in Python would cost a GIL round trip for
    every event of the window)."""

    def __init__(self, window: QMainWindow, callback):
        super().__init__(window)
        self._window = window
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            self._window.removeEventFilter(self)
            self._callback()
        return False


class ControlsScroll(QScrollArea):
    """The controls scroll up and down, never sideways: so the area is never
    narrower than they are (their width depends on the language's labels and
    on the zoom), and follows them when that width changes."""

    def minimumSizeHint(self) -> QSize:
        inner = self.widget().minimumSizeHint() if self.widget() is not None else QSize()
        return QSize(
            inner.width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth(),
            super().minimumSizeHint().height(),
        )

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the controls' size changed: ask the dock again
        return super().viewportEvent(event)


class MainWindow(QMainWindow):
    def __init__(
        self,
        config: ExperimentConfig | None = None,
        theme_name: str | None = None,
        restore_autosave: bool = False,
        language: str | None = None,
        settings: Settings | None = None,
    ):
        super().__init__()
        self.setObjectName("mainWindow")
        # Qt adds " — GradLab" (the application's display name) after it.
        self.setWindowTitle(translate("MainWindow", "Watch a network learn"))
        self.resize(1360, 760)
        self._closed = False
        self.layouts: Layouts | None = None  # built with the menus
        self.loading_card: LoadingCard | None = None
        self._closing = False  # inside closeEvent (a signal may arrive meanwhile)
        self._fit_values_on_show = False  # see place_docks()
        self._quit_signal: int | None = None  # set when a signal ends the app
        # The app's own, when it read them first (for the language): a damaged
        # file is reset by the first read, and only that read knows it was.
        self.settings = settings or Settings()
        # The language in use: --lang when given, else the saved choice.
        self.language_choice = language or self.settings.language
        self.theme_name = theme_name or self.settings.theme
        app = QApplication.instance()
        self.colours = theme.apply(app, self.theme_name)
        # Before the panels: they build their fonts and pens at this zoom.
        zoom.set_factor(self.settings.zoom)

        self.controller = Controller(config, parent=self)
        c, colours = self.controller, self.colours
        self.plots = PlotsPanel(c, colours)
        self.landscape = LandscapePanel(c, colours)
        central = QSplitter(Qt.Orientation.Vertical)
        central.setObjectName("centralSplitter")
        central.addWidget(self.plots)
        central.addWidget(self.landscape)
        central.setStretchFactor(0, 3)
        central.setStretchFactor(1, 2)
        central.setSizes([600, 400])
        central.setChildrenCollapsible(False)
        self.setCentralWidget(central)

        self.controls = ControlsPanel(c)
        self.values = ValuesPanel(c, colours)
        self.messages = MessagePanel(colours)
        self.optimizer_state = OptimizerStatePanel(c, colours)
        self.inference = InferencePanel(c, colours)
        self.compare = ComparePanel(c, colours)
        self.checkpoint_lab = CheckpointLabPanel(c, colours)
        self.graph = GraphPanel(c, colours)
        self.code = CodePanel(c, colours)
        self.maths = MathsPanel(c, colours)
        self.session_log = SessionLogPanel(c, colours)
        self.lessons = LessonPanel(c, colours, language=i18n.current(QApplication.instance()))
        self.exercises = ExercisesPanel(c, colours)

        scroll = ControlsScroll()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._controls_scroll = scroll
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.controls_dock = self._dock(
            "controlsDock", translate("MainWindow", "Controls"), scroll, left
        )
        # The right column: what the numbers are (top), how they came about (below).
        upper = [
            ("valuesDock", translate("MainWindow", "Values"), self.values),
            ("mathsDock", translate("MainWindow", "Maths"), self.maths),
            (
                "optimizerStateDock",
                translate("MainWindow", "Optimizer state"),
                self.optimizer_state,
            ),
        ]
        lower = [
            ("lessonsDock", translate("MainWindow", "Lessons"), self.lessons),
            ("exercisesDock", translate("MainWindow", "Exercises"), self.exercises),
            ("codeDock", translate("MainWindow", "Code"), self.code),
            ("graphDock", translate("MainWindow", "Graph"), self.graph),
            ("messagesDock", translate("MainWindow", "Messages"), self.messages),
            ("sessionLogDock", translate("MainWindow", "Session as code"), self.session_log),
            ("labDock", translate("MainWindow", "Lab"), self._lab_tabs()),
        ]
        self.upper_docks = self._tab_group(upper, right)
        self.lower_docks = self._tab_group(lower, right)
        self.values_dock = self.upper_docks[0]
        self.messages_dock = next(d for d in self.lower_docks if d.objectName() == "messagesDock")
        self.docks = [self.controls_dock, *self.upper_docks, *self.lower_docks]
        self.panels = [
            self.controls,
            self.plots,
            self.landscape,
            self.values,
            self.messages,
            self.optimizer_state,
            self.inference,
            self.compare,
            self.checkpoint_lab,
            self.graph,
            self.lessons,
            self.exercises,
            self.code,
            self.maths,
            self.session_log,
        ]
        self.resizeDocks([self.controls_dock], [300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.values_dock], [400], Qt.Orientation.Horizontal)

        self._loading = QLabel(translate("MainWindow", "Loading PyTorch…"))
        self.statusBar().addPermanentWidget(self._loading)
        self.loading_card = LoadingCard(self, LOADING_STAGES)
        self.controller.loadingChanged.connect(self.loading_card.show_stage)
        self.run_actions = RunActions(self, self.controller)
        self.view_actions = ViewActions(self)
        self.files = FileActions(self, self.controller, self.settings, self._on_message)
        self.autosave = WindowAutosave(
            self, self.controller, self._on_message, self.files.ask_session_path
        )
        if restore_autosave:
            self.controller.restore_path = self.autosave.restore_path()
        self.layouts = Layouts(self, self.plots, self.landscape)
        self.layouts.revealed.connect(self._on_revealed)
        self.layouts.tidied.connect(self._show_whole_tab_titles)  # new bars after a layout
        self.export_plot_actions = build_menus(
            self,
            self.run_actions,
            self.files,
            [*self.plots.plots(), self.landscape.plot],
            self.view_actions,
            self.layouts,
        )

        self.controller.message.connect(self._on_message)
        self.controller.readyChanged.connect(self._on_ready)
        self.controller.runningChanged.connect(self._on_running)
        self.controller.landscapeChanged.connect(self._on_landscape)
        self.controller.compareChanged.connect(self._on_compare)
        self.lessons.revealRequested.connect(self.layouts.reveal)
        connect_exercises(self)
        self._comparing = False
        self._status_rank, self._status_held_until = 0, 0.0

        hide_stray_tab_bars(self)
        self._show_whole_tab_titles()
        # Stacking the docks before tabifying them grew the window past the
        # screen: recompute the (now small) minimum, then take the intended size.
        self.layout().invalidate()
        self.layout().activate()
        self.resize(1360, 760)
        self.resizeDocks(
            [self.upper_docks[0], self.lower_docks[0]], [210, 500], Qt.Orientation.Vertical
        )
        self.layouts.restore()
        self.layouts.place_window()
        # Ctrl+wheel zooms anywhere: on the views that would take the wheel
        # themselves, and (wheelEvent) everywhere else in the window.
        self._ctrl_wheel = zoom.CtrlWheel(self, self.zoom_by_steps)
        self._ctrl_wheel.watch(v.viewport() for v in self.findChildren(QAbstractScrollArea))
        if zoom.factor() != zoom.DEFAULT:
            self._apply_zoom_to_panels()
        if self.settings.problem:
            self.controller.message.emit(
                Message(
                    "warning",
                    "settings." + self.settings.problem,
                    {"path": str(self.settings.path)},
                )
            )
        for problem in paths.problems():  # folders that cannot be written
            args = {"wanted": problem.wanted, "used": problem.used or "", "reason": problem.reason}
            self.controller.message.emit(Message("warning", "folder." + problem.kind, args))
        for message in self.autosave.start_messages():
            self.controller.message.emit(message)

        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self._start_worker)
        self._start_timer.start(START_FALLBACK_MS)
        self._first_paint = _FirstPaint(self, self._on_first_paint)
        app.aboutToQuit.connect(self.controller.shutdown)

    # ---------------------------------------------------------------- build
    def _lab_tabs(self) -> QTabWidget:
        """The experiments beyond one run share one dock (eight dock tabs would not
        fit the column in English)."""
        return scrolling_tabs(
            "labTabs",
            [
                (self.compare, translate("MainWindow", "Compare")),
                (self.inference, translate("MainWindow", "Inference")),
                (self.checkpoint_lab, translate("MainWindow", "Checkpoint lab")),
            ],
        )

    def _tab_group(self, entries, area) -> list[QDockWidget]:
        """Docks stacked as tabs in one place; the first one shown."""
        docks = [self._dock(name, title, widget, area) for name, title, widget in entries]
        for before, dock in zip(docks, docks[1:], strict=False):
            self.tabifyDockWidget(before, dock)
        docks[0].raise_()
        return docks

    def place_docks(self) -> None:
        """Every dock back in its first place (Reset layout, the named layouts):
        the controls on the left; on the right, the numbers above (values, maths,
        optimizer state) and how they came about below, each group as tabs.
        Done by moving the docks, not by restoreState(), which crashed Qt 6.11
        when the window had been laid out with docks hidden."""
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        for dock in self.docks:
            dock.setFloating(False)
        self.addDockWidget(left, self.controls_dock)
        for group in (self.upper_docks, self.lower_docks):
            for dock in group:
                self.addDockWidget(right, dock, Qt.Orientation.Vertical)
            for before, dock in zip(group, group[1:], strict=False):
                self.tabifyDockWidget(before, dock)
            group[0].raise_()
        # On a narrow screen the right column gives way first: the plots keep
        # at least about 40 % of the width (1024 pixels: 300 + 310, the plots 414).
        right = max(260, min(400, round(self.width() * 0.3)))
        self.resizeDocks(
            [self.controls_dock, self.values_dock], [300, right], Qt.Orientation.Horizontal
        )
        self.fit_values_height()
        # Before the first show the window's size is not final yet: fit again then.
        self._fit_values_on_show = not self.isVisible()

    def fit_values_height(self) -> None:
        """The values dock as tall as its rows; the panels below take the rest."""
        title = self.values_dock.fontMetrics().lineSpacing() + 8
        values = max(150, self.values.wanted_height() + title)
        below = max(200, self.height() - values)
        lower = next((d for d in self.lower_docks if not d.isHidden()), None)
        if lower is not None and not self.values_dock.isHidden():
            self.resizeDocks([self.values_dock, lower], [values, below], Qt.Orientation.Vertical)

    def share_columns(self, right_share: float) -> None:
        """The controls as narrow as they allow, the right column `right_share`
        of the window's width, the plots the rest."""
        left = self.controls_dock.minimumSizeHint().width()
        right = round(self.width() * right_share)
        self.resizeDocks(
            [self.controls_dock, self.values_dock], [left, right], Qt.Orientation.Horizontal
        )

    def _dock(self, name, title, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    # ------------------------------------------------------------ lifecycle

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_loading_card()
        if self.layouts is not None:
            self.layouts.tidy()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.layouts.window_shown()
        self._place_loading_card()

    def _place_loading_card(self) -> None:
        card = self.loading_card
        if card is not None and not card.isHidden():
            central = self.centralWidget()
            card.place(central.geometry() if central.isVisible() else self.rect())

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._ctrl_wheel.wheel(event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def _on_first_paint(self) -> None:
        self._show_whole_tab_titles()  # tab bars exist once the layout has run
        if self._fit_values_on_show:
            self._fit_values_on_show = False
            QTimer.singleShot(0, self.fit_values_height)
        # The window is on screen: now load torch in the background.
        if not self.controller.started and not self._closed:
            self._start_timer.start(0)

    @Slot()
    def _start_worker(self) -> None:
        if not self._closed:
            self.controller.start()

    def closeEvent(self, event) -> None:
        if self._closing:
            event.ignore()  # already closing (a signal came during the question)
            return
        if not self._closed:
            self._closing = True
            try:
                closing = self.autosave.save_before_closing(
                    quiet=lambda: self._quit_signal is not None
                )
            finally:
                self._closing = False
            if not closing:
                event.ignore()  # the student chose to stay
                return
            self._closed = True
            self._start_timer.stop()
            self.layouts.save_window()
            self.autosave.release()
        self.controller.shutdown()
        super().closeEvent(event)

    @Slot(int)
    def quit_on_signal(self, number: int) -> None:
        """SIGTERM, SIGHUP or SIGINT: autosave, then quit, asking nothing (a
        question open now is answered "don't quit", then closing goes on)."""
        log.info("quitting on signal %d", number)
        self._quit_signal = number
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            dialog.reject()
        QTimer.singleShot(0, self._close_for_signal)

    @Slot()
    def _close_for_signal(self) -> None:
        if self._closing:
            QTimer.singleShot(50, self._close_for_signal)  # the question is still closing
            return
        if self.close():
            QApplication.instance().quit()

    def _show_whole_tab_titles(self) -> None:
        """Dock tabs scroll rather than cut their titles ("Messag…")."""
        for bar in self.findChildren(QTabBar):
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)

    # ---------------------------------------------------------------- files
    def open_file(self, path: str) -> None:
        """Load a checkpoint, as File ▸ Open does; a bad file gets a message and
        changes nothing."""
        self.files.open_file(path)

    def save_to(self, path: str) -> None:
        """Save the session to `path`, as File ▸ Save as does."""
        self.files.save_to(path)

    def start_fresh(self) -> None:
        """The tutorial's experiment from the start, as File ▸ Start fresh does."""
        self.files.start_fresh()

    # ------------------------------------------------------------- reacting
    @Slot(object)
    def _on_message(self, message) -> None:
        if message.code == "settings.refused":
            text = config_error_text(
                message.args["error"],
                setting_label(message.args["name"]),
                self.controller.config.samples,
            )
            summary = text
        else:
            text, summary = message_texts(message.code, message.args)
        # Each optimizer's step is explained in full the first time it is used.
        kind = message.code
        if kind == "step.ok" and len(message.args.get("args", ())) == 4:
            kind += ":" + message.args["args"][1]
        elif kind in ("loss.diverged", "step.diverged"):
            kind = "diverged"  # the same words: one line with its count, not a pile
        self.messages.add(message.level, text, kind, summary)
        # A refusal or a warning stays in the status bar a while: the call lines
        # of a run (several a second) would otherwise replace it before it is
        # read. Anything else (a save, a new setting) still shows at once.
        rank = LEVEL_RANK.get(message.level, 0)
        now = time.monotonic()
        routine = message.code.split(".")[0] in CALL_CODES
        if rank >= self._status_rank or not routine or now >= self._status_held_until:
            self.statusBar().showMessage(text if message.level == "error" else summary, STATUS_MS)
            self._status_rank = rank
            self._status_held_until = now + STATUS_HOLD_S if rank else 0.0

    @Slot(bool)
    def _on_ready(self, ready: bool) -> None:
        self.run_actions.set_ready(ready)
        self._loading.setVisible(not ready)
        if ready and self.loading_card is not None:
            self.loading_card.hide()
            self.loading_card.deleteLater()
            self.loading_card = None

    @Slot(str, str)
    def _on_revealed(self, _name: str, where: str) -> None:
        self._on_message(Message("info", "panel.revealed", {"where": where}))

    @Slot(object)
    def _on_landscape(self, land) -> None:
        """The landscape can be exported only while there is one (not for the MLP)."""
        action = self.export_plot_actions.get("landscapePlot")
        if action is not None:
            action.setEnabled(land is not None)

    @Slot(object)
    def _on_compare(self, view) -> None:
        comparing = view is not None
        if comparing and not self._comparing:
            self._on_message(Message("info", "compare.waiting", {}))
        self._comparing = comparing

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        self.run_actions.set_running(running)

    def set_language(self, code: str) -> None:
        """Remember the language; it applies at the next start (offered now)."""
        self.settings.language = code
        box = QMessageBox(self)
        box.setWindowTitle(translate("MainWindow", "Language"))
        box.setText(
            translate(
                "MainWindow",
                "GradLab will use the new language from its next start. Restart now? Your "
                "session is saved and comes back.",
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.restart()

    def restart(self) -> None:
        """Start a new GradLab process (it restores this session), then close."""
        import sys

        from PySide6.QtCore import QProcess

        if not self.close():  # autosaves (or asks, when that fails)
            return
        # A bundle's executable is GradLab itself; otherwise run the package. No
        # --lang: the new choice is in the settings.
        args = [] if getattr(sys, "frozen", False) else ["-m", "gradlab"]
        QProcess.startDetached(sys.executable, args)
        QApplication.instance().quit()

    def set_theme(self, name: str) -> None:
        self.theme_name = name
        self.settings.theme = name
        self.colours = theme.apply(QApplication.instance(), name)
        for panel in self.panels:
            panel.apply_colours(self.colours)
        self._repolish_style_sheets()

    def _repolish_style_sheets(self) -> None:
        """A widget with a style sheet keeps the palette and font it was polished
        with (the current phase's button stayed dark on dark after a live theme
        switch, monospace labels kept their size after a zoom): polish again."""
        for widget in self.findChildren(QWidget):
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet(sheet)

    # ----------------------------------------------------------------- zoom
    def set_zoom(self, factor: float, remember: bool = True) -> float:
        """Zoom every panel's text, the plots' fonts, lines and markers; returns
        the step applied. `remember`: keep it for the next start (presentation
        mode does not)."""
        before = zoom.factor()
        factor = zoom.set_factor(factor)
        self._apply_zoom_to_panels()
        if factor != before:
            self._scale_columns(factor / before)
        if remember:
            self.settings.zoom = factor
        self.view_actions.show_zoom(factor)
        return factor

    def zoom_in(self) -> float:
        return self.set_zoom(zoom.step_in(zoom.factor()), remember=not self.layouts.presenting)

    def zoom_out(self) -> float:
        return self.set_zoom(zoom.step_out(zoom.factor()), remember=not self.layouts.presenting)

    def zoom_reset(self) -> float:
        return self.set_zoom(zoom.DEFAULT, remember=not self.layouts.presenting)

    def zoom_by_steps(self, steps: int) -> None:
        for _ in range(abs(steps)):
            if steps > 0:
                self.zoom_in()
            else:
                self.zoom_out()

    def _scale_columns(self, ratio: float) -> None:
        """The side columns follow the zoom (wider text needs wider columns, and
        after zooming out they give the room back to the plots)."""
        docks = [d for d in (self.controls_dock, self.values_dock) if d.isVisible()]
        widths = [round(d.width() * ratio) for d in docks]
        if docks:
            QTimer.singleShot(0, lambda: self.resizeDocks(docks, widths, Qt.Orientation.Horizontal))

    def _apply_zoom_to_panels(self) -> None:
        factor = zoom.factor()
        for panel in self.panels:
            apply = getattr(panel, "apply_zoom", None)
            if apply is not None:
                apply(factor)
        self._repolish_style_sheets()
        self._show_whole_tab_titles()
        self.layouts.tidy()
