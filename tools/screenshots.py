"""Take screenshots of the main window in scripted states (developer tool).

xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py OUTDIR [--lang en|zh_CN] [--theme light|dark] [--size 1366x768]
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
    parser.add_argument("--scenario", default="basic")
    args = parser.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)

    import os
    import tempfile

    # A home of its own: never the developer's saved layout or session.
    os.environ.setdefault("GRADLAB_HOME", tempfile.mkdtemp(prefix="gradlab-shots-"))
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from gradlab.ui.app import make_app

    app = make_app()
    from gradlab.ui import i18n

    i18n.install(app, i18n.resolve(args.lang))  # as run_app does, before the window
    from gradlab.ui.main_window import MainWindow

    w, h = (int(v) for v in args.size.split("x"))
    window = MainWindow(theme_name=args.theme)
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

    shot("00-loading")
    wait_ready()
    shot("01-ready")
    c = window.controller
    if args.scenario == "data":
        own_data(window, pump, shot, out)
        window.close()
        QTimer.singleShot(0, QCoreApplication.quit)
        return 0
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
    window.controls.skip_check.setChecked(True)
    c.reset()
    pump(0.2)
    for _ in range(3):
        c.full_update()
        pump(0.1)
    shot("05-mistake")
    window.close()
    QTimer.singleShot(0, QCoreApplication.quit)
    return 0


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


if __name__ == "__main__":
    sys.exit(main())
