"""Hidden self-test of the desktop app, for installers and CI (not for students).

`GRADLAB_SELFTEST=1 gradlab` opens the real main window, waits until the training
session is ready, clicks "full update" 100 times, runs at full speed for a moment,
shows every lesson in each language (waiting for the values lessons compute with
PyTorch), checks that every shipped translation loads, closes the window and exits
0 when all went well (1 otherwise). It prints one JSON line on stdout (or writes it to the file named by
`GRADLAB_SELFTEST_OUT`, for windowed builds without a console):

    {"ok": true, "first_paint_s": 0.61, "ready_s": 2.4, "steps": 100,
     "parameters": {"weight": [1.99...], "bias": [0.99...]}, "checks": [...], ...}

Times are seconds since the process started: since `GRADLAB_LAUNCH_T0` (a
`time.time()` value set by whoever launches the app, e.g. packaging/measure.py)
when given, else the process start time from /proc/self/stat (Linux), else since
this module was imported. `first_paint_s` is the main window's first paint event,
`ready_s` the moment `controller.ready` turned true.

`GRADLAB_SELFTEST_LANG` (default zh_CN) is the interface language. Settings and
the autosave go to Qt's test locations (QStandardPaths test mode), never to the
user's. Other variables: `GRADLAB_SELFTEST_TIMEOUT` (seconds, default 180) fails the test
instead of hanging; `GRADLAB_SELFTEST_UPDATES` (default 100);
`GRADLAB_SELFTEST_SCREENSHOT=FILE.png` saves the window at the end;
`GRADLAB_SELFTEST_DUMP=FILE` writes the imported modules and (on Linux) the loaded
shared libraries to FILE, the evidence for what a bundle may leave out.

The packaged launcher (packaging/launcher.py) checks the variable itself; the
development entry point does so once gradlab/__main__.py forwards to
`run_selftest()`.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ENV = "GRADLAB_SELFTEST"


def _process_start_epoch() -> tuple[float, str]:
    """When this process started, as a time.time() value, and how that was found."""
    given = os.environ.get("GRADLAB_LAUNCH_T0")
    if given:
        try:
            return float(given), "GRADLAB_LAUNCH_T0"
        except ValueError:
            pass
    try:
        stat = Path("/proc/self/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        start_ticks = int(fields[19])  # field 22 of stat(5): starttime, since boot
        hz = os.sysconf("SC_CLK_TCK")
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / hz
        return time.time() - age, "/proc/self/stat"
    except (OSError, ValueError, IndexError, AttributeError):
        return time.time(), "selftest import"


_START, _START_SOURCE = _process_start_epoch()


def _since_start() -> float:
    return round(time.time() - _START, 3)


def wanted() -> bool:
    """True when the environment asks for the self-test."""
    return os.environ.get(ENV, "") not in ("", "0")


def _assets() -> Path:
    return Path(__file__).resolve().parent / "assets"


def run_selftest() -> int:
    """Run the self-test (see the module docstring); returns the exit status."""
    import threading

    report: dict = {"ok": False, "start_source": _START_SOURCE, "imported_s": _since_start()}
    timeout_s = float(os.environ.get("GRADLAB_SELFTEST_TIMEOUT", "180"))

    def hard_stop() -> None:
        # The event loop is stuck (a modal dialog, a deadlock): report and leave.
        report.setdefault("failures", []).append(f"hung: no exit {timeout_s + 30:g} s in")
        report["exit_s"] = _since_start()
        _emit(report)
        os._exit(1)

    watchdog = threading.Timer(timeout_s + 30, hard_stop)
    watchdog.daemon = True
    watchdog.start()
    try:
        status = _run(report)
    except Exception as exc:  # noqa: BLE001 - the report must say what broke
        import traceback

        report["error"] = f"{type(exc).__name__}: {exc}"
        report["traceback"] = traceback.format_exc()
        status = 1
    watchdog.cancel()
    report["ok"] = status == 0
    report["exit_s"] = _since_start()
    dump = os.environ.get("GRADLAB_SELFTEST_DUMP")
    if dump:
        _dump_loaded(Path(dump))
    _emit(report)
    return status


def _dump_loaded(path: Path) -> None:
    """Imported modules, then "lib: <path>" for each mapped shared library."""
    lines = sorted(sys.modules)
    try:
        maps = Path("/proc/self/maps").read_text().splitlines()
        libs = {line.split(None, 5)[5] for line in maps if ".so" in line and "/" in line}
        lines += [f"lib: {lib}" for lib in sorted(libs)]
    except OSError:
        pass
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _emit(report: dict) -> None:
    line = json.dumps(report, ensure_ascii=False)
    out = os.environ.get("GRADLAB_SELFTEST_OUT")
    if out:
        Path(out).write_text(line + "\n", encoding="utf-8")
    if sys.stdout is not None:
        print(line, flush=True)


def _run(report: dict) -> int:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths, QTimer
    from PySide6.QtWidgets import QLabel, QPushButton

    from gradlab.ui.app import make_app

    # Settings, autosave and logs go to Qt's test locations (~/.qttest/...), so a
    # self-test never touches a student's (or developer's) saved session.
    QStandardPaths.setTestModeEnabled(True)
    app = make_app()
    report["app_s"] = _since_start()
    report["qt_platform"] = app.platformName()
    updates = int(os.environ.get("GRADLAB_SELFTEST_UPDATES", "100"))
    timeout_s = float(os.environ.get("GRADLAB_SELFTEST_TIMEOUT", "180"))
    checks: list[str] = []
    failures: list[str] = []
    report["checks"] = checks
    report["failures"] = failures
    _install_translation(app, report, checks, failures)
    from gradlab.ui.plain_imports import plain_imports

    with plain_imports():  # as gradlab.ui.app.run_app does
        from gradlab.ui.main_window import MainWindow

    report["ui_imported_s"] = _since_start()
    window = MainWindow()
    report["window_built_s"] = _since_start()
    controller = window.controller

    class PaintProbe(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "first_paint_s" not in report:
                report["first_paint_s"] = _since_start()
                obj.removeEventFilter(self)
            return False

    probe = PaintProbe(window)
    window.installEventFilter(probe)

    def on_ready(ready: bool) -> None:
        if ready and "ready_s" not in report:
            report["ready_s"] = _since_start()

    controller.readyChanged.connect(on_ready)

    def on_message(message) -> None:
        # The worker reports a crash (e.g. torch failing to import) as a message:
        # fail at once instead of waiting for the timeout.
        if getattr(message, "code", "") == "worker.crash":
            args = getattr(message, "args", {}) or {}
            report["worker_trace"] = args.get("trace")
            fail(f"worker crashed in {args.get('where')}: {args.get('error')}")

    controller.message.connect(on_message)

    step_label = window.findChild(QLabel, "stepCounter")
    full_button = window.findChild(QPushButton, "fullStepButton")

    def steps_shown() -> int | None:
        try:
            return int(step_label.text())
        except (AttributeError, ValueError):
            return None

    # A small state machine driven by a GUI-thread timer: each stage polls its
    # condition, so nothing here blocks the event loop.
    deadline = time.monotonic() + timeout_s
    stage = {"name": "ready", "t": time.monotonic()}
    done = {"status": None}

    def finish(status: int) -> None:
        if done["status"] is None:
            done["status"] = status
            poll.stop()
            window.close()
            QTimer.singleShot(0, app.quit)

    def fail(message: str) -> None:
        failures.append(message)
        finish(1)

    def go(name: str) -> None:
        stage["name"] = name
        stage["t"] = time.monotonic()

    def tick() -> None:
        if time.monotonic() > deadline:
            fail(f"timed out after {timeout_s:g} s in stage {stage['name']!r}")
            return
        name = stage["name"]
        if name == "ready":
            if controller.ready and controller.snapshot is not None:
                if step_label is None:
                    fail("no QLabel named stepCounter")
                    return
                checks.append("window ready")
                for _ in range(updates):
                    if full_button is not None and full_button.isEnabled():
                        full_button.click()
                    else:
                        controller.full_update()
                go("updates")
        elif name == "updates":
            if steps_shown() == updates:
                snap = controller.snapshot
                report["steps"] = updates
                if snap is not None and getattr(snap, "step", None) == updates:
                    report["parameters"] = {
                        n: list(v) for n, v in zip(snap.param_names, snap.params, strict=True)
                    }
                    report["loss"] = snap.loss
                checks.append(f"stepCounter shows {updates} after {updates} full updates")
                controller.set_speed(None)  # full speed
                controller.run()
                go("running")
            elif (steps_shown() or 0) > updates:
                fail(f"stepCounter went past {updates}: {step_label.text()}")
        elif name == "running":
            if time.monotonic() - stage["t"] > 0.5:
                controller.pause()
                go("pausing")
        elif name == "pausing" and not controller.running:
            shown = steps_shown() or 0
            if shown <= updates:
                fail(f"running at full speed did not advance stepCounter ({shown})")
                return
            report["steps_after_run"] = shown
            checks.append(f"full-speed run reached {shown} updates")
            _check_lessons(window, report, checks, failures)
            _check_translations(checks, failures)
            shot = os.environ.get("GRADLAB_SELFTEST_SCREENSHOT")
            if shot:
                window.grab().save(shot)
            finish(1 if failures else 0)

    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(tick)
    poll.start()
    window.show()
    report["shown_s"] = _since_start()
    app.exec()
    QCoreApplication.processEvents()
    if controller.started:
        failures.append("the worker thread was still running after close")
        controller.shutdown()
    return 1 if failures or done["status"] != 0 else 0


def _wait(ms: int) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop
    from PySide6.QtWidgets import QApplication

    end = QDeadlineTimer(ms)
    while not end.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def _lesson_languages() -> list[str]:
    root = _assets() / "lessons"
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.iterdir()))


def _lesson_panel(view):
    """The widget around lessonView that can switch the lessons' language (the
    lesson panel's set_language; never the window's, which offers a restart)."""
    widget = view.parent()
    while widget is not None:
        if (
            callable(getattr(widget, "set_language", None))
            and hasattr(widget, "language")
            and widget.objectName() != "mainWindow"
        ):
            return widget
        widget = widget.parent()
    return None


def _wait_until(condition, ms: int) -> bool:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        if condition():
            return True
        _wait(20)
    return condition()


def _check_lessons(window, report: dict, checks: list, failures: list) -> None:
    from PySide6.QtWidgets import QComboBox, QTextBrowser

    view = window.findChild(QTextBrowser, "lessonView")
    if view is None:
        report["lessons"] = "skipped: this build has no QTextBrowser named lessonView yet"
        return
    panel = _lesson_panel(view)
    languages = _lesson_languages()
    if panel is None or not languages:
        text = view.toPlainText()
        report["lessons"] = f"lessonView without a language switch: {len(text)} chars"
        (checks if text.strip() else failures).append("lessonView shows a lesson")
        return
    lesson_list = panel.findChild(QComboBox, "lessonList")
    shown: dict[str, dict[str, int]] = {}
    first_text = {}
    for lang in languages:
        panel.set_language(lang)
        count = lesson_list.count() if lesson_list is not None else 1
        shown[lang] = {}
        for i in range(count):
            if lesson_list is not None:
                lesson_list.setCurrentIndex(i)
            # Lessons with values computed by PyTorch fill them in the background.
            _wait_until(lambda: not getattr(panel, "_waiting", False), 30_000)
            text = view.toPlainText()
            slug = lesson_list.itemData(i) if lesson_list is not None else str(i)
            shown[lang][str(slug)] = len(text)
            if i == 0:
                first_text[lang] = text
            if not text.strip():
                failures.append(f"lesson {slug} ({lang}) is empty")
            elif getattr(panel, "_waiting", False):
                failures.append(f"lesson {slug} ({lang}): live values never arrived")
    report["lessons"] = {lang: len(v) for lang, v in shown.items()}
    if len(first_text) > 1 and len(set(first_text.values())) < len(first_text):
        failures.append("the first lesson reads the same in every language")
    if not any("lesson" in f for f in failures):
        total = sum(len(v) for v in shown.values())
        checks.append(f"{total} lessons shown in {', '.join(languages)}")


def _install_translation(app, report: dict, checks: list, failures: list) -> None:
    """Install the interface language as the app does (gradlab.ui.i18n), when it exists."""
    try:
        from gradlab.ui import i18n
    except ImportError:
        return
    lang = os.environ.get("GRADLAB_SELFTEST_LANG", "zh_CN")
    installed = i18n.install(app, lang)
    report["ui_language"] = lang
    ours = [t for t in installed if "gradlab" in t.filePath()]
    if lang != "en" and (not ours or ours[0].isEmpty()):
        failures.append(f"the {lang} interface translation did not load")
    else:
        checks.append(f"interface in {lang} ({len(installed)} translator(s))")


def _check_translations(checks: list, failures: list) -> None:
    from PySide6.QtCore import QTranslator

    folder = _assets() / "i18n"
    files = sorted(folder.glob("*.qm")) if folder.is_dir() else []
    bad = []
    for f in files:
        translator = QTranslator()
        if not translator.load(str(f)) or translator.isEmpty():
            bad.append(f.name)
    if bad:
        failures.append(f"translations that do not load: {', '.join(bad)}")
    elif files:
        checks.append(f"{len(files)} translation file(s) load")
