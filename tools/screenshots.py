"""Take screenshots of the main window in scripted states (developer tool).

xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py OUTDIR \
    [--lang en|zh_CN] [--theme light|dark] [--size 1366x768] [--scenario NAME]

Scenarios:
  basic      the five calls one by one, a run, mistake mode (Beginner layout)
  classroom  Full layout; zoom 150 % and 200 %; the other theme switched live
             while running; presentation mode; compare mode; the MLP's graph;
             a divergence on the landscape
  layouts    Beginner and Full at the given size (try --size 1024x600)
  data       a drawn data set, an imported CSV, a refused one
  exercises  predict mode, a challenge failed and passed, an exercise file opened,
             the lesson's tick
  truth      the texts issue 14 corrected: the first zero_grad(), Values after a
             landscape click, Adam's and RMSprop's first updates, the lr line
             for mini-batches, the mistake mode's swing after 40 updates
Look at every picture: the point is what a student sees.
"""

import argparse
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument(
        "--scenario",
        default="basic",
        choices=("basic", "classroom", "layouts", "data", "exercises", "truth"),
    )
    args = parser.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)

    import os
    import tempfile

    # A home of its own: never the developer's saved layout or session.
    os.environ.setdefault("GRADLAB_HOME", tempfile.mkdtemp(prefix="gradlab-shots-"))
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer

    from gradlab.ui.app import make_app

    app = make_app()
    from gradlab.ui import i18n

    i18n.install(app, i18n.resolve(args.lang))  # as run_app does, before the window
    from gradlab.ui.main_window import MainWindow

    w, h = (int(v) for v in args.size.split("x"))
    window = MainWindow(theme_name=args.theme)
    window.setWindowState(Qt.WindowState.WindowNoState)  # the size asked for, not the screen's
    window.resize(w, h)
    window.show()

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)

    def wait_ready() -> None:
        end = time.monotonic() + 30
        while not window.controller.ready and time.monotonic() < end:
            pump(0.05)

    def shot(name: str) -> None:
        pump(0.3)
        path = out / f"{name}-{args.lang}-{args.theme}-{args.size}.png"
        window.grab().save(str(path))
        print(path)

    c = window.controller
    if args.scenario == "basic":
        shot("00-loading")
        wait_ready()
        shot("01-ready")
        for phase in ("forward", "loss", "zero_grad", "backward"):
            c.run_phase(phase)
            pump(0.1)
        shot("02-after-backward")
        c.run_phase("step")
        shot("03-after-step")
        c.set_speed(None)
        c.run()
        pump(0.5)
        c.pause()
        shot("04-after-run")
        mistake_mode_run(window, c, pump, 3)
        shot("05-mistake")
    elif args.scenario == "data":
        wait_ready()
        own_data(window, pump, shot, out)
    elif args.scenario == "exercises":
        wait_ready()
        exercises(window, pump, shot, out)
    elif args.scenario == "truth":
        wait_ready()
        truth(window, c, pump, shot)
    elif args.scenario == "layouts":
        wait_ready()
        shot("10-beginner")
        window.layouts.apply("full")
        shot("11-full")
        window.controls.settings_tabs.setCurrentIndex(1)
        shot("12-full-data-tab")
    else:
        classroom(window, c, pump, wait_ready, shot, args.theme)
    window.close()
    QTimer.singleShot(0, QCoreApplication.quit)
    return 0


def mistake_mode_run(window, c, pump, updates: int) -> None:
    """Tick the mistake mode, start over, and make `updates` full updates."""
    window.controls.skip_check.setChecked(True)
    c.reset()
    pump(0.3)
    for _ in range(updates):
        c.full_update()
        pump(0.05)


def truth(window, c, pump, shot) -> None:
    window.layouts.apply("full")
    for phase in ("forward", "loss", "zero_grad"):
        c.run_phase(phase)
        pump(0.1)
    shot("20-first-zero-grad")  # information, not a warning
    c.run_phase("backward")
    c.run_phase("step")
    pump(0.2)
    c.set_parameters({"weight": 4.0, "bias": 3.0})  # what a landscape click sends
    shot("21-set-by-you")
    for optimizer in ("adam", "rmsprop"):
        c.apply_setting("optimizer", optimizer)
        pump(0.3)
        c.full_update()
        shot(f"22-{optimizer}-first-update")
    c.apply_setting("optimizer", "sgd")
    c.apply_setting("batch_size", "10")
    pump(0.3)
    window.controls.settings_tabs.setCurrentIndex(0)
    shot("23-minibatch-lr-line")
    c.apply_setting("batch_size", "0")
    mistake_mode_run(window, c, pump, 40)
    pump(0.5)
    shot("24-mistake-swing")


def own_data(window, pump, shot, out: Path) -> None:
    """Issue 17: a data set drawn with real mouse clicks, an imported CSV, a refused one."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    c, plot = window.controller, window.plots.data_plot
    window.messages_dock.raise_()
    QTest.mouseClick(plot.clear_button, Qt.MouseButton.LeftButton)
    pump(0.5)
    kept = c.config.data.rows()[0]
    vb = plot.getPlotItem().vb
    # A rising cloud: y ≈ 1.5x + 2 with a hand's wobble, clicked where it is drawn.
    for x, y in ((-2.5, -1.4), (-2.0, -1.3), (-1.4, 0.3), (-0.8, 0.4), (-0.3, 1.9), (0.2, 2.0),
                 (0.7, 3.6), (1.3, 3.6), (1.8, 5.1), (2.4, 5.5)):  # fmt: skip
        where = plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
        QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
        pump(0.15)
    where = plot.mapFromScene(vb.mapViewToScene(QPointF(*kept)))
    QTest.mouseClick(plot.viewport(), Qt.MouseButton.RightButton, pos=where)  # the kept one
    pump(0.4)
    for _ in range(30):
        c.full_update()
    pump(0.5)
    shot("10-drawn")
    path = out / "study-hours.csv"
    path.write_text(
        "hours;score\n1;52,5\n1,5;55\n2;61\n2,5;58,5\n3;66\n3,5;70,5\n4;69\n4,5;77\n"
        "5;80,5\n5,5;79\n6;86\n",
        encoding="utf-8",
    )
    window.files.import_data(str(path))
    pump(0.5)
    c.apply_setting("optimizer", "adam")
    c.apply_setting("lr", "0.5")
    pump(0.3)
    for _ in range(300):
        c.full_update()
    pump(1.0)
    shot("11-imported")
    bad = out / "bad.csv"
    bad.write_text("hours,score\n1,52.5\n2,sixty\n", encoding="utf-8")
    window.files.import_data(str(bad))
    shot("12-refused")
    code_dock = next(d for d in window.lower_docks if d.objectName() == "codeDock")
    code_dock.raise_()
    scroll = window.controls_dock.widget()
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shot("13-code-and-controls")


def exercises(window, pump, shot, out: Path) -> None:
    """Issue 17 items 6-8: predict mode, a challenge failed then passed, an
    exercise file opened and started, the tick in the lesson."""
    import json
    import shutil

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    c, panel = window.controller, window.exercises
    window.lessons.show_lesson("11-step")
    panel.show_predict(True)
    window.layouts.reveal("exercisesDock")
    page = panel.predict
    page.check()  # up to backward()
    pump(0.6)
    page.inputs["w.grad"].setText("-2.40")
    page.inputs["b.grad"].setText("-1.5")
    page.check()
    pump(0.6)
    shot("30-predict-backward")
    w, g = c.snapshot.w, c.snapshot.grad(0)
    page.inputs["w"].setText(f"{w + 0.1 * g:.4f}")  # along the gradient: the sign
    page.inputs["b"].setText(f"{c.snapshot.b - 0.1 * c.snapshot.grad(1):.4f}")
    page.check()
    pump(0.6)
    shot("31-predict-step")

    page.set_mode(False)
    challenges = panel.challenges
    panel.show_challenge(c.exercises.builtin("lr-fast"))
    QTest.mouseClick(challenges.start_button, Qt.MouseButton.LeftButton)
    pump(0.5)
    for _ in range(20):
        c.full_update()
    pump(0.8)
    shot("32-challenge-failed")
    c.apply_setting("lr", "0.5")
    c.reset()
    pump(0.4)
    for _ in range(6):
        c.full_update()
    pump(0.8)
    shot("33-challenge-passed")
    window.lessons.show_lesson("12-learning-rate")
    window.layouts.reveal("lessonsDock")
    pump(0.3)
    view = window.lessons.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.moveCursor(view.textCursor().MoveOperation.Start)
    view.find("✓")  # the sentence that explains the ticks ...
    view.find("✓")  # ... then the tick before the passed challenge's link
    view.ensureCursorVisible()
    shot("34-lesson-tick")

    folder = out / "class"
    folder.mkdir(exist_ok=True)
    shutil.copy(Path(__file__).resolve().parents[1] / "gradlab/assets/data/spring.csv", folder)
    exercise = {
        "format": "gradlab-exercise",
        "version": 1,
        "id": "spring-lr",
        "title": {"en": "A fast fit of the spring", "zh_CN": "快速拟合弹簧"},
        "text": {
            "en": "SGD on the spring data. Choose lr so that the loss is below 30 by update 30.",
            "zh_CN": "在弹簧数据上用 SGD。选一个学习率，让损失在第 30 次更新前低于 30。",
        },
        "experiment": {"optimizer": "sgd", "lr": 0.001},
        "data": {"csv": "spring.csv"},
        "free": ["lr"],
        "goal": {"kind": "loss_below", "loss": 30, "within_updates": 30},
    }
    path = folder / "spring-lr.json"
    path.write_text(json.dumps(exercise, ensure_ascii=False), encoding="utf-8")
    window.files.open_exercise(str(path))
    pump(0.5)
    QTest.mouseClick(challenges.start_button, Qt.MouseButton.LeftButton)
    pump(0.8)
    window.layouts.reveal("dataPlot")
    shot("35-exercise-opened")
    bad = folder / "bad.json"
    bad.write_text(json.dumps({**exercise, "goal": {"kind": "loss_below", "loss": "small"}}))
    window.files.open_exercise(str(bad))
    window.layouts.reveal("messagesDock")
    shot("36-exercise-refused")


def classroom(window, c, pump, wait_ready, shot, theme) -> None:
    from gradlab.core.config import ExperimentConfig

    wait_ready()
    window.layouts.apply("full")
    for _ in range(3):
        c.full_update()
        pump(0.1)
    c.run_phase("forward")
    c.run_phase("loss")
    c.run_phase("zero_grad")
    c.run_phase("backward")
    pump(0.3)
    shot("20-full")
    window.set_zoom(1.5)
    shot("21-zoom150")
    window.set_zoom(2.0)
    shot("22-zoom200")
    window.set_zoom(1.0)
    c.set_speed(20)
    c.run()
    pump(0.5)
    window.set_theme("dark" if theme == "light" else "light")
    pump(0.5)
    shot("23-theme-switched-live")
    c.pause()
    pump(0.3)
    window.layouts.set_presenting(True)
    window.resize(window.screen().size())  # what full screen does under a window manager
    pump(0.5)
    shot("24-presentation")
    window.layouts.set_presenting(False)
    pump(0.3)
    c.start_compare([{"optimizer": "sgd"}, {"optimizer": "momentum"}, {"optimizer": "adam"}])
    pump(3.0)
    shot("25-compare")
    c.stop_compare()
    pump(0.3)
    shot("26-back-to-one-run")
    c.apply_setting("lr", "1.5")
    c.reset()
    pump(0.3)
    c.set_speed(None)
    c.run()
    pump(1.0)
    c.pause()
    shot("27-diverged")
    c.apply_config(ExperimentConfig(model="mlp", target="sin"))
    pump(0.5)
    for phase in ("forward", "loss", "zero_grad", "backward"):
        c.run_phase(phase)
        pump(0.1)
    window.layouts.reveal("graphDock")
    pump(0.5)
    shot("28-mlp-graph")


if __name__ == "__main__":
    sys.exit(main())
