"""GradLab's main window: dock panels around the plots, menus, shortcuts.

`MainWindow()` builds the default experiment without showing itself; the worker
thread (and with it torch) starts after the first paint, or shortly after
construction when the window is never shown (tests). Closing it always ends the
worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
)

from gradlab.core.config import ExperimentConfig
from gradlab.ui import theme
from gradlab.ui.controller import Controller
from gradlab.ui.panels.compare import ComparePanel
from gradlab.ui.panels.controls import PHASE_BUTTONS, ControlsPanel, setting_label
from gradlab.ui.panels.inference import InferencePanel
from gradlab.ui.panels.landscape import LandscapePanel
from gradlab.ui.panels.messages import MessagePanel
from gradlab.ui.panels.optimizer_state import OptimizerStatePanel
from gradlab.ui.panels.plots import PlotsPanel
from gradlab.ui.panels.values import ValuesPanel
from gradlab.ui.texts import config_error_text, message_text

translate = QCoreApplication.translate

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
    def __init__(self, config: ExperimentConfig | None = None, theme_name: str = "system"):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(translate("MainWindow", "GradLab: watch a network learn"))
        self.resize(1360, 760)
        self._closed = False
        self.theme_name = theme_name
        app = QApplication.instance()
        self.colours = theme.apply(app, theme_name)

        self.controller = Controller(config, parent=self)
        c, colours = self.controller, self.colours
        self.plots = PlotsPanel(c, colours)
        self.landscape = LandscapePanel(c, colours)
        central = QSplitter(Qt.Orientation.Horizontal)
        central.setObjectName("centralSplitter")
        central.addWidget(self.plots)
        central.addWidget(self.landscape)
        central.setStretchFactor(0, 3)
        central.setStretchFactor(1, 2)
        central.setChildrenCollapsible(False)
        self.setCentralWidget(central)

        self.controls = ControlsPanel(c)
        self.values = ValuesPanel(c, colours)
        self.messages = MessagePanel(colours)
        self.optimizer_state = OptimizerStatePanel(c, colours)
        self.inference = InferencePanel(c, colours)
        self.compare = ComparePanel(c, colours)
        self.panels = [
            self.plots,
            self.landscape,
            self.values,
            self.messages,
            self.optimizer_state,
            self.inference,
            self.compare,
        ]

        scroll = QScrollArea()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.controls_dock = self._dock(
            "controlsDock", translate("MainWindow", "Controls"), scroll, left
        )
        self.values_dock = self._dock(
            "valuesDock", translate("MainWindow", "Values"), self.values, right
        )
        self.messages_dock = self._dock(
            "messagesDock", translate("MainWindow", "Messages"), self.messages, right
        )
        lab = [
            self._dock("compareDock", translate("MainWindow", "Compare"), self.compare, right),
            self._dock(
                "optimizerStateDock",
                translate("MainWindow", "Optimizer state"),
                self.optimizer_state,
                right,
            ),
            self._dock(
                "inferenceDock", translate("MainWindow", "Inference"), self.inference, right
            ),
        ]
        for dock in lab:
            self.tabifyDockWidget(self.messages_dock, dock)
        self.messages_dock.raise_()
        self.docks = [self.controls_dock, self.values_dock, self.messages_dock, *lab]
        self.resizeDocks([self.controls_dock], [300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.values_dock], [400], Qt.Orientation.Horizontal)

        self._loading = QLabel(translate("MainWindow", "Loading PyTorch…"))
        self.statusBar().addPermanentWidget(self._loading)
        self._build_actions()
        self._build_menus()

        self.controller.message.connect(self._on_message)
        self.controller.readyChanged.connect(self._on_ready)
        self.controller.runningChanged.connect(self._on_running)

        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self._start_worker)
        self._start_timer.start(START_FALLBACK_MS)
        self._first_paint = _FirstPaint(self, self._on_first_paint)
        app.aboutToQuit.connect(self.controller.shutdown)

    # ---------------------------------------------------------------- build
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

    def _action(self, text, shortcut, slot, tip="") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        c = self.controller
        self.next_action = self._action(
            translate("MainWindow", "Next phase"),
            "F10",
            c.next_phase,
            translate("MainWindow", "Run the next call of the loop"),
        )
        self.full_action = self._action(
            translate("MainWindow", "Full update"),
            "F11",
            c.full_update,
            translate("MainWindow", "Finish the current update, through optimizer.step()"),
        )
        self.run_action = self._action(
            translate("MainWindow", "Run / pause"),
            "F5",
            c.toggle_run,
            translate("MainWindow", "Start or pause running updates"),
        )
        self.back_action = self._action(
            translate("MainWindow", "Step back"),
            "Shift+F11",
            lambda: c.step_back(1),
            translate("MainWindow", "Undo the last update exactly"),
        )
        self.reset_action = self._action(
            translate("MainWindow", "Reset"),
            "Ctrl+R",
            c.reset,
            translate("MainWindow", "Start the experiment over"),
        )
        self.phase_actions = []
        for i, (phase, _obj, code) in enumerate(PHASE_BUTTONS, start=1):
            self.phase_actions.append(
                self._action(code, f"Ctrl+{i}", lambda _=False, p=phase: c.run_phase(p))
            )
        self.quit_action = self._action(
            translate("MainWindow", "Quit"), QKeySequence.StandardKey.Quit, self.close
        )
        for action in (
            self.next_action,
            self.full_action,
            self.back_action,
            self.run_action,
            self.reset_action,
            *self.phase_actions,
        ):
            action.setEnabled(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.addAction(self.quit_action)
        run_menu = bar.addMenu(translate("MainWindow", "&Run"))
        for action in (
            self.next_action,
            self.full_action,
            self.back_action,
            self.run_action,
            self.reset_action,
        ):
            run_menu.addAction(action)
        run_menu.addSeparator()
        for action in self.phase_actions:
            run_menu.addAction(action)
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        for dock in self.docks:
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(translate("MainWindow", "Theme"))
        group = QActionGroup(self)
        labels = {
            "system": translate("MainWindow", "Follow the system"),
            "light": translate("MainWindow", "Light"),
            "dark": translate("MainWindow", "Dark"),
        }
        self.theme_actions = {}
        for name in theme.THEMES:
            action = QAction(labels[name], self, checkable=True)
            action.setChecked(name == self.theme_name)
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[name] = action
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        about = QAction(translate("MainWindow", "About GradLab"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    # ------------------------------------------------------------ lifecycle

    def _on_first_paint(self) -> None:
        # The window is on screen: now load torch in the background.
        if not self.controller.started and not self._closed:
            self._start_timer.start(0)

    @Slot()
    def _start_worker(self) -> None:
        if not self._closed:
            self.controller.start()

    def closeEvent(self, event) -> None:
        self._closed = True
        self._start_timer.stop()
        self.controller.shutdown()
        super().closeEvent(event)

    # ------------------------------------------------------------- reacting
    @Slot(object)
    def _on_message(self, message) -> None:
        if message.code == "settings.refused":
            text = config_error_text(message.args["error"], setting_label(message.args["name"]))
        else:
            text = message_text(message.code, message.args)
        self.messages.add(message.level, text)
        self.statusBar().showMessage(text, STATUS_MS)

    @Slot(bool)
    def _on_ready(self, ready: bool) -> None:
        for action in (
            self.next_action,
            self.full_action,
            self.back_action,
            self.run_action,
            self.reset_action,
            *self.phase_actions,
        ):
            action.setEnabled(ready)
        self._loading.setVisible(not ready)

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        self.run_action.setText(
            translate("MainWindow", "Pause") if running else translate("MainWindow", "Run")
        )

    def set_theme(self, name: str) -> None:
        self.theme_name = name
        self.colours = theme.apply(QApplication.instance(), name)
        for panel in self.panels:
            panel.apply_colours(self.colours)

    def _about(self) -> None:
        from gradlab import __version__

        QMessageBox.about(
            self,
            translate("MainWindow", "About GradLab"),
            translate(
                "MainWindow",
                "GradLab {version}\n\nWatch the first PyTorch program train, one call at a "
                "time. Every number is read from live torch tensors.",
            ).format(version=__version__),
        )
