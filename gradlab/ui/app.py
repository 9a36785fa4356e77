"""The QApplication: name, style, translations, then the main window."""

from __future__ import annotations

import sys


def make_app(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("GradLab")
    app.setOrganizationName("")  # folders are .../GradLab, not .../GradLab/GradLab
    app.setApplicationDisplayName("GradLab")
    # Matches packaging/linux/org.gradlab.GradLab.desktop: the desktop shows our icon.
    app.setDesktopFileName("org.gradlab.GradLab")
    from importlib.resources import files

    from PySide6.QtGui import QIcon

    icon = QIcon()
    for name in ("gradlab.svg", "gradlab.png"):
        icon.addFile(str(files("gradlab") / "assets" / "icons" / name))
    app.setWindowIcon(icon)
    return app


def run_app(lang: str | None = None) -> int:
    """Run the desktop app; its exit status. SIGTERM, SIGHUP and SIGINT autosave
    and quit with status 0 (quit_signals.py). An error before the window is up
    is shown in a dialog, never only as a traceback nobody sees (started from a
    menu, standard error goes nowhere)."""
    app = make_app()
    from gradlab.ui.quit_signals import QuitSignals

    signals = QuitSignals(app)  # at once: a signal during startup waits for the loop
    try:
        window = _start_window(app, lang)
    except Exception as exc:  # noqa: BLE001 - said in a dialog, then exit 1
        _cannot_start(exc)
        return 1
    signals.received.connect(window.quit_on_signal)
    try:
        return app.exec()
    finally:
        signals.uninstall()


def _start_window(app, lang: str | None):
    from gradlab.ui import i18n
    from gradlab.ui.crash import CrashReporter, setup_logging
    from gradlab.ui.settings import Settings

    reporter = CrashReporter(setup_logging(), app)
    reporter.install()
    # --lang wins over the saved choice, which wins over the system's locale.
    settings = Settings()
    i18n.install(app, i18n.resolve(lang or settings.language))
    from gradlab.ui.plain_imports import plain_imports

    with plain_imports():  # ~0.1 s sooner to the first paint
        from gradlab.ui.main_window import MainWindow

    # The language ticked in the Language menu; the settings already read.
    window = MainWindow(restore_autosave=True, language=lang, settings=settings)
    window.show()
    return window


def _cannot_start(exc: BaseException) -> None:
    import traceback

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    text = "".join(traceback.format_exception(exc))
    print(text, file=sys.stderr)
    QMessageBox.critical(
        None,
        QCoreApplication.translate("Crash", "GradLab could not start"),
        QCoreApplication.translate(
            "Crash",
            "GradLab could not start: {error}\n\nPlease send this message to your teacher "
            "or to the GradLab team.",
        ).format(error=f"{type(exc).__name__}: {exc}"),
    )
