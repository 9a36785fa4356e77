"""GradLab's main window: dock panels around the plots, the theme and language,
messages in the status bar, and the worker's start and end. Its actions and
menus are built by menus.py, its file handling is file_actions.py.

`MainWindow()` builds the default experiment without showing itself; the worker
thread (and with it torch) starts after the first paint, or shortly after
construction when the window is never shown (tests). Closing it always ends the
worker thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabBar,
    QTabWidget,
)

from gradlab.core.config import ExperimentConfig
from gradlab.ui import i18n, paths, theme
from gradlab.ui.autosave import WindowAutosave
from gradlab.ui.controller import Controller
from gradlab.ui.file_actions import FileActions
from gradlab.ui.menus import RunActions, build_menus
from gradlab.ui.messages import Message
from gradlab.ui.panels.checkpoint_lab import CheckpointLabPanel
from gradlab.ui.panels.code_view import CodePanel
from gradlab.ui.panels.compare import ComparePanel
from gradlab.ui.panels.controls import ControlsPanel, setting_label
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
from gradlab.ui.settings import Settings
from gradlab.ui.texts import config_error_text, message_text

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

LAYOUT_VERSION = 5  # bump when the set of docks changes: older saved layouts are ignored
START_FALLBACK_MS = 300  # start the worker even if no paint arrives (hidden window)
STATUS_MS = 20_000


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


class MainWindow(QMainWindow):
    def __init__(
        self,
        config: ExperimentConfig | None = None,
        theme_name: str | None = None,
        restore_autosave: bool = False,
    ):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(translate("MainWindow", "GradLab: watch a network learn"))
        self.resize(1360, 760)
        self._closed = False
        self._closing = False  # inside closeEvent (a signal may arrive meanwhile)
        self._quit_signal: int | None = None  # set when a signal ends the app
        self.settings = Settings()
        self.theme_name = theme_name or self.settings.theme
        app = QApplication.instance()
        self.colours = theme.apply(app, self.theme_name)

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

        scroll = QScrollArea()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never narrower than the controls (their width depends on the language's
        # labels): with no horizontal scroll bar, the right edge would be cut off.
        scroll.setMinimumWidth(
            self.controls.minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
            + 2 * scroll.frameWidth()
        )
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
            self.code,
            self.maths,
            self.session_log,
        ]
        self.resizeDocks([self.controls_dock], [300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.values_dock], [400], Qt.Orientation.Horizontal)

        self._loading = QLabel(translate("MainWindow", "Loading PyTorch…"))
        self.statusBar().addPermanentWidget(self._loading)
        self.run_actions = RunActions(self, self.controller)
        self.files = FileActions(self, self.controller, self.settings, self._on_message)
        self.autosave = WindowAutosave(
            self, self.controller, self._on_message, self.files.ask_session_path
        )
        if restore_autosave:
            self.controller.restore_path = self.autosave.restore_path()
        build_menus(self, self.run_actions, self.files, [*self.plots.plots(), self.landscape.plot])

        self.controller.message.connect(self._on_message)
        self.controller.readyChanged.connect(self._on_ready)
        self.controller.runningChanged.connect(self._on_running)

        self._hide_stray_tab_bars()
        self._show_whole_tab_titles()
        # Stacking the docks before tabifying them grew the window past the
        # screen: recompute the (now small) minimum, then take the intended size.
        self.layout().invalidate()
        self.layout().activate()
        self.resize(1360, 760)
        self.resizeDocks(
            [self.upper_docks[0], self.lower_docks[0]], [210, 500], Qt.Orientation.Vertical
        )
        self._restore_layout()
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
        tabs = QTabWidget()
        tabs.setObjectName("labTabs")
        tabs.setDocumentMode(True)
        tabs.addTab(self.compare, translate("MainWindow", "Compare"))
        tabs.addTab(self.inference, translate("MainWindow", "Inference"))
        tabs.addTab(self.checkpoint_lab, translate("MainWindow", "Checkpoint lab"))
        return tabs

    def _tab_group(self, entries, area) -> list[QDockWidget]:
        """Docks stacked as tabs in one place; the first one shown."""
        docks = [self._dock(name, title, widget, area) for name, title, widget in entries]
        for before, dock in zip(docks, docks[1:], strict=False):
            self.tabifyDockWidget(before, dock)
        docks[0].raise_()
        return docks

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

    def _on_first_paint(self) -> None:
        self._show_whole_tab_titles()  # tab bars exist once the layout has run
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
            self.settings.save_window(self.saveGeometry(), self.saveState(LAYOUT_VERSION))
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

    def _hide_stray_tab_bars(self) -> None:
        """Tabifying a second group before the window is first laid out leaves an
        unused tab bar with that group's first two tabs visible (Qt 6.11, seen in a
        minimal QMainWindow too). Hide any bar whose tabs begin another bar's."""
        bars = [bar for bar in self.findChildren(QTabBar) if bar.parent() is self]  # docks' own
        tabs = {bar: [bar.tabText(i) for i in range(bar.count())] for bar in bars}
        for bar in bars:
            mine = tabs[bar]
            if any(
                other is not bar
                and len(tabs[other]) > len(mine)
                and tabs[other][: len(mine)] == mine
                for other in bars
            ):
                bar.hide()

    def _restore_layout(self) -> None:
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        if self.settings.window_state is not None:
            self.restoreState(self.settings.window_state, LAYOUT_VERSION)

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
            text = config_error_text(message.args["error"], setting_label(message.args["name"]))
        else:
            text = message_text(message.code, message.args)
        self.messages.add(message.level, text, message.code)
        self.statusBar().showMessage(text, STATUS_MS)

    @Slot(bool)
    def _on_ready(self, ready: bool) -> None:
        self.run_actions.set_ready(ready)
        self._loading.setVisible(not ready)

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
