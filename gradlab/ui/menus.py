"""The window's actions and menus: File (the actions of file_actions.py), Run
(the loop's commands with a debugger's shortcuts), View (docks, theme,
language) and Help."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from gradlab.ui import theme
from gradlab.ui.panels.controls import PHASE_BUTTONS

translate = QCoreApplication.translate


def add_action(window: QMainWindow, text, shortcut, slot, tip="") -> QAction:
    """An action of the window: its shortcut works wherever the focus is in it."""
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setStatusTip(tip)
    action.setToolTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


class RunActions:
    """The loop's commands (F10, F11, F5, Shift+F11, Ctrl+R, Ctrl+1 … Ctrl+5),
    enabled once the session is ready, and Quit."""

    def __init__(self, window: QMainWindow, controller):
        c = controller
        self.next_action = add_action(
            window,
            translate("MainWindow", "Next phase"),
            "F10",
            c.next_phase,
            translate("MainWindow", "Run the next call of the loop"),
        )
        self.full_action = add_action(
            window,
            translate("MainWindow", "Full update"),
            "F11",
            c.full_update,
            translate("MainWindow", "Finish the current update, through optimizer.step()"),
        )
        self.run_action = add_action(
            window,
            translate("MainWindow", "Run / pause"),
            "F5",
            c.toggle_run,
            translate("MainWindow", "Start or pause running updates"),
        )
        self.back_action = add_action(
            window,
            translate("MainWindow", "Step back"),
            "Shift+F11",
            lambda: c.step_back(1),
            translate("MainWindow", "Undo the last update exactly"),
        )
        self.reset_action = add_action(
            window,
            translate("MainWindow", "Reset"),
            "Ctrl+R",
            c.reset,
            translate("MainWindow", "Start the experiment over"),
        )
        self.phase_actions = []
        for i, (phase, _obj, code) in enumerate(PHASE_BUTTONS, start=1):
            self.phase_actions.append(
                add_action(window, code, f"Ctrl+{i}", lambda _=False, p=phase: c.run_phase(p))
            )
        self.quit_action = add_action(
            window, translate("MainWindow", "Quit"), QKeySequence.StandardKey.Quit, window.close
        )
        self.set_ready(False)

    def commands(self) -> list[QAction]:
        """The actions that need a ready session."""
        return [
            self.next_action,
            self.full_action,
            self.back_action,
            self.run_action,
            self.reset_action,
            *self.phase_actions,
        ]

    def set_ready(self, ready: bool) -> None:
        for action in self.commands():
            action.setEnabled(ready)

    def set_running(self, running: bool) -> None:
        self.run_action.setText(
            translate("MainWindow", "Pause") if running else translate("MainWindow", "Run")
        )


def build_menus(window, run: RunActions, files, plots) -> None:
    """The menu bar of `window` (a MainWindow): `files` is its FileActions,
    `plots` the plot widgets File ▸ Export offers."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    for action in (files.fresh_action, files.open_action):
        file_menu.addAction(action)
    file_menu.addMenu(files.recent_menu)
    file_menu.addMenu(window.autosave.menu)  # autosaves other windows left
    for action in (files.save_action, files.save_as_action):
        file_menu.addAction(action)
    file_menu.addSeparator()
    export_menu = file_menu.addMenu(translate("MainWindow", "Export"))
    export_menu.addAction(files.csv_action)
    plot_menu = export_menu.addMenu(translate("MainWindow", "Plot as PNG or SVG"))
    for plot in plots:
        title = plot.getPlotItem().titleLabel.text or plot.objectName()
        action = QAction(title, window)
        action.triggered.connect(lambda _=False, p=plot: files.export_plot(p))
        plot_menu.addAction(action)
    export_menu.addAction(files.screenshot_action)
    file_menu.addSeparator()
    file_menu.addAction(run.quit_action)

    run_menu = bar.addMenu(translate("MainWindow", "&Run"))
    for action in (
        run.next_action,
        run.full_action,
        run.back_action,
        run.run_action,
        run.reset_action,
    ):
        run_menu.addAction(action)
    run_menu.addSeparator()
    for action in run.phase_actions:
        run_menu.addAction(action)

    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    for dock in window.docks:
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    theme_menu = view_menu.addMenu(translate("MainWindow", "Theme"))
    group = QActionGroup(window)
    labels = {
        "system": translate("MainWindow", "Follow the system"),
        "light": translate("MainWindow", "Light"),
        "dark": translate("MainWindow", "Dark"),
    }
    for name in theme.THEMES:
        action = QAction(labels[name], window, checkable=True)
        action.setChecked(name == window.theme_name)
        action.triggered.connect(lambda _=False, n=name: window.set_theme(n))
        group.addAction(action)
        theme_menu.addAction(action)
    language_menu = view_menu.addMenu(translate("MainWindow", "Language"))
    languages = QActionGroup(window)
    current = window.settings.language
    for code, label in (
        ("system", translate("MainWindow", "Follow the system")),
        ("en", "English"),
        ("zh_CN", "简体中文"),
    ):
        action = QAction(label, window, checkable=True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _=False, c=code: window.set_language(c))
        languages.addAction(action)
        language_menu.addAction(action)

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    about = QAction(translate("MainWindow", "About GradLab"), window)
    about.triggered.connect(lambda _=False: show_about(window))
    help_menu.addAction(about)


def show_about(window: QMainWindow) -> None:
    from gradlab import __version__

    QMessageBox.about(
        window,
        translate("MainWindow", "About GradLab"),
        translate(
            "MainWindow",
            "GradLab {version}\n\nWatch the first PyTorch program train, one call at a "
            "time. Every number is read from live torch tensors.",
        ).format(version=__version__),
    )
