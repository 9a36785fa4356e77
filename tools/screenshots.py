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


if __name__ == "__main__":
    sys.exit(main())
