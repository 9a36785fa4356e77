"""The window's actions and menus: File (the actions of file_actions.py), Run
(the loop's commands with a debugger's shortcuts), View (zoom, presentation
mode, layouts, panels, plots, theme, language) and Help."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from gradlab.ui import theme, zoom
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


class ViewActions:
    """Zoom in, zoom out and actual size, with the platform's standard keys."""

    def __init__(self, window: QMainWindow):
        self.zoom_in = add_action(
            window,
            translate("MainWindow", "Zoom in"),
            None,
            window.zoom_in,
            translate("MainWindow", "Larger text, plots and lines everywhere (Ctrl+wheel too)"),
        )
        # Ctrl++ needs Shift on most keyboards: Ctrl+= does the same.
        self.zoom_in.setShortcuts(
            [*QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.zoom_out = add_action(
            window,
            translate("MainWindow", "Zoom out"),
            None,
            window.zoom_out,
            translate("MainWindow", "Smaller text, plots and lines everywhere"),
        )
        self.zoom_out.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut))
        self.zoom_reset = add_action(
            window,
            translate("MainWindow", "Actual size"),
            "Ctrl+0",
            window.zoom_reset,
            translate("MainWindow", "Back to 100 %"),
        )
        for action in (self.zoom_in, self.zoom_out, self.zoom_reset):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.show_zoom(zoom.factor())

    def show_zoom(self, factor: float) -> None:
        """The zoom now, in the Actual size entry's text."""
        self.zoom_reset.setText(
            translate("MainWindow", "Actual size (now {percent} %)").format(
                percent=round(factor * 100)
            )
        )
        self.zoom_in.setEnabled(factor < zoom.STEPS[-1])
        self.zoom_out.setEnabled(factor > zoom.STEPS[0])


def build_menus(window, run: RunActions, files, plots, view: ViewActions, layouts) -> dict:
    """The menu bar of `window` (a MainWindow): `files` is its FileActions,
    `plots` the plot widgets File ▸ Export offers, `layouts` its Layouts.
    Returns the export actions of the plots by object name."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    for action in (files.fresh_action, files.open_action):
        file_menu.addAction(action)
    file_menu.addMenu(files.recent_menu)
    file_menu.addMenu(window.autosave.menu)  # autosaves other windows left
    for action in (files.save_action, files.save_as_action):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(files.import_data_action)
    file_menu.addMenu(files.examples_menu)
    file_menu.addAction(files.export_data_action)
    file_menu.addSeparator()
    file_menu.addAction(files.open_exercise_action)
    file_menu.addSeparator()
    export_menu = file_menu.addMenu(translate("MainWindow", "Export"))
    export_menu.addAction(files.csv_action)
    export_menu.addAction(files.script_action)
    export_menu.addAction(files.results_action)
    plot_menu = export_menu.addMenu(translate("MainWindow", "Plot as PNG or SVG"))
    plot_actions = {}
    for plot in plots:
        title = getattr(plot, "menu_title", "") or plot.objectName()
        action = QAction(title, window)
        action.triggered.connect(lambda _=False, p=plot: files.export_plot(p))
        plot_menu.addAction(action)
        plot_actions[plot.objectName()] = action
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
    for action in (view.zoom_in, view.zoom_out, view.zoom_reset):
        view_menu.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(layouts.presentation_action)
    layout_menu = view_menu.addMenu(translate("MainWindow", "Layout"))
    layout_group = QActionGroup(window)
    for action in (layouts.beginner_action, layouts.full_action):
        layout_group.addAction(action)
        layout_menu.addAction(action)
    layout_menu.addSeparator()
    layout_menu.addAction(layouts.reset_action)
    # Every panel and plot one entry away, ticked when shown.
    view_menu.addSection(translate("MainWindow", "Panels"))
    for dock in window.docks:
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSection(translate("MainWindow", "Plots"))
    for action in layouts.plot_actions.values():
        view_menu.addAction(action)
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
    current = window.language_choice
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
    return plot_actions


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
