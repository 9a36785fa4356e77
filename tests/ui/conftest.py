"""UI test fixtures: a real MainWindow on the offscreen platform, and a guard
that fails any test leaving a worker QThread running."""

import pytest

from gradlab.ui.controller import live_threads

READY_MS = 60_000  # torch import + first optimizer on a loaded 2-core machine


@pytest.fixture(autouse=True)
def own_home(tmp_path, monkeypatch):
    """Settings, autosaves and logs of each test live in its own folder."""
    monkeypatch.setenv("GRADLAB_HOME", str(tmp_path / "home"))


@pytest.fixture(autouse=True)
def no_thread_left_running(qapp):
    yield
    alive = live_threads()
    assert not alive, f"{len(alive)} worker QThread(s) still running after the test"


@pytest.fixture
def window(qtbot):
    from gradlab.ui.main_window import MainWindow

    win = MainWindow(theme_name="light")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.controller.ready, timeout=READY_MS)
    qtbot.waitUntil(lambda: win.controller.snapshot is not None, timeout=5_000)
    yield win
    win.close()


@pytest.fixture
def installed(qapp):
    """Install the translators of a language; remove them (and the locale) after."""
    from PySide6.QtCore import QLocale

    from gradlab.ui import i18n

    locale, language = QLocale(), qapp.property("gradlab_language")
    installed = []

    def install(lang):
        installed.extend(i18n.install(qapp, lang))

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)
    qapp.setProperty("gradlab_language", language)


def find(win, cls, name):
    widget = win.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name}"
    return widget
