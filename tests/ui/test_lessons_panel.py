"""The lesson panel in a real window: lessons in both languages, live values once
torch is ready, and try-it links that set the app up as they claim."""

import os
import subprocess
import sys

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from gradlab.core import lessons
from gradlab.core.config import ExperimentConfig
from gradlab.core.session import TrainingSession
from gradlab.core.tryit import TRY_IT
from gradlab.ui.controller import Controller
from gradlab.ui.panels.lessons import LessonPanel, try_it_text
from tests.ui.conftest import find

WAIT_MS = 20_000


def make_panel(qtbot, window, language="en"):
    panel = LessonPanel(window.controller, window.colours, language=language)
    qtbot.addWidget(panel)
    panel.resize(450, 500)
    panel.show()
    return panel


def click_link(panel, name):
    """Click a try-it link; when it asks before discarding updates, say yes."""
    panel.on_anchor_clicked(QUrl(f"gradlab:try/{name}"))
    box = panel.confirm_box
    if box is not None:
        start_over = [
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        ]
        start_over[0].click()


def test_lists_lessons_in_both_languages_before_torch_is_ready(qtbot):
    controller = Controller()  # never started: not ready, as during start-up
    panel = LessonPanel(controller, _light(), language="en")
    qtbot.addWidget(panel)
    view = find(panel, QTextBrowser, "lessonView")
    assert panel.lesson_titles() == [i.title for i in lessons.list_lessons("en")]
    assert panel.current_slug() == "01-first-program"
    assert "Your first training program" in view.toPlainText()
    panel.show_lesson("06-mse-loss")
    # Live values wait for the worker's torch: "…" instead of the number.
    assert "just now: …." in view.toPlainText()
    assert panel.waiting_for_live_values

    panel.set_language("zh_CN")
    assert panel.language == "zh_CN"
    assert panel.lesson_titles() == [i.title for i in lessons.list_lessons("zh_CN")]
    assert panel.current_slug() == "06-mse-loss"  # same lesson, other language
    assert "均方误差" in view.toPlainText()
    assert panel.lesson_list.currentText().startswith("6. ")

    # A try-it link before the worker is ready waits for it and changes nothing yet.
    click_link(panel, "noisy-data")
    assert controller.config == ExperimentConfig()


def test_controls_have_tooltips_and_navigation_works(qtbot):
    panel = LessonPanel(Controller(), _light(), language="en")
    qtbot.addWidget(panel)
    for widget in panel.findChildren(QWidget):
        if widget.objectName().startswith("lesson"):
            assert widget.toolTip(), widget.objectName()
    # Hovering a link tells what it does (the prose itself shows no tooltip).
    for name in TRY_IT:
        assert panel.link_tooltip(f"gradlab:try/{name}") == try_it_text(name)
    assert "MSE" in panel.link_tooltip("gradlab:lesson/06-mse-loss")
    assert panel.link_tooltip("gradlab:try/nope") == ""
    assert panel.link_tooltip("https://pytorch.org") == "https://pytorch.org"
    assert not panel.prev_button.isEnabled()
    panel.next_button.click()
    assert panel.current_slug() == "02-tensors"
    panel.prev_button.click()
    assert panel.current_slug() == "01-first-program"
    panel.show_lesson(panel.lesson_slugs()[-1])
    assert not panel.next_button.isEnabled()
    assert panel.position.text() == f"{len(panel.lesson_slugs())}/{len(panel.lesson_slugs())}"
    assert not panel.show_lesson("99-missing")
    # A lesson link opens the lesson; nothing navigates the view.
    panel.on_anchor_clicked(QUrl("gradlab:lesson/10-zero-grad"))
    assert panel.current_slug() == "10-zero-grad"
    assert panel.view.source().isEmpty()


def test_live_values_render_once_ready(qtbot, window):
    panel = make_panel(qtbot, window)
    panel.show_lesson("06-mse-loss")
    qtbot.waitUntil(lambda: "just now: 0.5000." in panel.view.toPlainText(), timeout=WAIT_MS)
    panel.show_lesson("12-learning-rate")
    qtbot.waitUntil(lambda: not panel.waiting_for_live_values, timeout=WAIT_MS)
    assert lessons.live_value("max_stable_lr", "en") in panel.view.toPlainText()
    panel.set_language("zh_CN")
    qtbot.waitUntil(lambda: "第 53 次更新时" in panel.view.toPlainText(), timeout=WAIT_MS)
    window.set_theme("dark")
    panel.apply_colours(window.colours)
    assert "学习率" in panel.view.toPlainText()


def test_every_lesson_fits_a_small_dock_without_sideways_scrolling(qtbot, window):
    for language in lessons.LANGUAGES:
        panel = make_panel(qtbot, window, language)
        for slug in panel.lesson_slugs():
            panel.show_lesson(slug)
            qtbot.waitUntil(lambda p=panel: not p.waiting_for_live_values, timeout=WAIT_MS)
            # With every answer open: the widest the lesson gets.
            n = len(lessons.answers(lessons.load_lesson(slug, language)))
            for number in range(1, n + 1):
                assert panel.toggle_answer(number)
            assert panel.shown_answers() == set(range(1, n + 1))
            assert "⚠" not in panel.view.toPlainText(), slug
            assert panel.view.horizontalScrollBar().maximum() == 0, f"{language}/{slug}"


def test_answers_show_on_request_and_stay_per_lesson(qtbot):
    panel = LessonPanel(Controller(), _light(), language="en")
    qtbot.addWidget(panel)
    panel.show_lesson("08-training-step")
    view = panel.view
    assert "Show the answer" in view.toPlainText()
    assert "Nothing. `zero_grad()`" not in panel.rendered_markdown()
    # Hovering says what the link does; clicking shows the answer, in place.
    tip = panel.link_tooltip("gradlab:answer/2")
    assert "answer" in tip.lower()
    panel.on_anchor_clicked(QUrl("gradlab:answer/2"))
    assert panel.shown_answers() == {2}
    assert "**Answer:** Nothing. `zero_grad()`" in panel.rendered_markdown()
    assert "Hide the answer" in view.toPlainText()
    assert panel.view.source().isEmpty() and panel.current_slug() == "08-training-step"
    assert panel.link_tooltip("gradlab:answer/2") != tip  # now it offers to hide it
    # Another lesson starts with its answers hidden; coming back keeps what was open.
    panel.show_lesson("07-gradient")
    assert panel.shown_answers() == set()
    panel.show_lesson("08-training-step")
    assert panel.shown_answers() == {2}
    # The same answer in the other language.
    panel.set_language("zh_CN")
    assert "**答案：** 什么也不会发生" in panel.rendered_markdown()
    # Clicking again hides it; numbers the lesson does not have change nothing.
    panel.on_anchor_clicked(QUrl("gradlab:answer/2"))
    assert panel.shown_answers() == set()
    for bad in ("0", "99", "x", "-1", "1e3", "", "٣"):
        panel.on_anchor_clicked(QUrl(f"gradlab:answer/{bad}"))
        assert panel.shown_answers() == set(), bad


def test_try_it_links_configure_the_app(qtbot, window):
    c = window.controller
    panel = make_panel(qtbot, window)
    panel.show_lesson("12-learning-rate")
    before = panel.view.toPlainText()

    # lr too large: a fresh experiment at lr 1.5, running at 5 updates/s.
    with qtbot.waitSignal(panel.tryItRequested, timeout=1_000) as asked:
        click_link(panel, "lr-too-large")
    assert asked.args == ["lr-too-large"]
    assert c.config == ExperimentConfig(lr=1.5) and c.speed == 5
    qtbot.waitUntil(
        lambda: c.snapshot.lr == 1.5 and c.snapshot.step >= 2 and c.running, timeout=WAIT_MS
    )
    assert c.snapshot.loss > 6.4  # growing, not shrinking: it started at 6.39
    # The link did not navigate: same lesson, same text, no source.
    assert panel.view.toPlainText() == before and panel.view.source().isEmpty()

    # lr too small, clicked while running: the old run stops, the new one starts.
    generation = c.generation
    click_link(panel, "lr-too-small")
    qtbot.waitUntil(
        lambda: (
            c.generation != generation
            and c.snapshot.lr == 0.001
            and c.snapshot.step >= 1
            and c.running
        ),
        timeout=WAIT_MS,
    )
    assert c.config.lr == 0.001 and c.speed == 20

    # Mistake mode: default experiment, zero_grad skipped, not running.
    click_link(panel, "skip-zero-grad")
    qtbot.waitUntil(
        lambda: (
            c.snapshot.skip_zero_grad
            and c.snapshot.lr == 0.1
            and c.snapshot.step == 0
            and not c.running
        ),
        timeout=WAIT_MS,
    )
    assert c.config == ExperimentConfig()
    c.full_update()
    c.full_update()
    qtbot.waitUntil(lambda: c.snapshot.step == 2, timeout=WAIT_MS)
    # The second backward added to the first gradient, exactly as PyTorch does.
    reference = TrainingSession()
    reference.set_skip_zero_grad(True)
    reference.run_updates(2)
    assert c.snapshot.grad(0) == reference.model.weight.grad.item()

    # Noisy data: y is no longer on the line; the mistake mode is off again.
    click_link(panel, "noisy-data")
    qtbot.waitUntil(
        lambda: (
            c.config.noise == 0.5
            and not c.snapshot.skip_zero_grad
            and c.data is not None
            and any(abs(y - (2 * x + 1)) > 0.1 for x, y in zip(*c.data, strict=True))
        ),
        timeout=WAIT_MS,
    )

    # Adam against SGD: for now Adam at lr 0.1 (the lead wires the comparison).
    click_link(panel, "adam-vs-sgd")
    qtbot.waitUntil(
        lambda: c.config == TRY_IT["adam-vs-sgd"].config() and c.running, timeout=WAIT_MS
    )

    # Back to the tutorial's program, stopped.
    with qtbot.waitSignal(panel.tryItApplied, timeout=1_000) as applied:
        click_link(panel, "default")
    assert applied.args == ["default", try_it_text("default")]
    qtbot.waitUntil(
        lambda: c.config == ExperimentConfig() and not c.running and c.snapshot.step == 0,
        timeout=WAIT_MS,
    )
    assert not panel.apply_try_it("no-such-thing")


def _light():
    from gradlab.ui.theme import LIGHT

    return LIGHT


def test_the_panel_does_not_import_torch_before_the_worker_is_ready():
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from gradlab.ui.controller import Controller\n"
        "from gradlab.ui.panels.lessons import LessonPanel\n"
        "from gradlab.ui.theme import LIGHT\n"
        "panel = LessonPanel(Controller(), LIGHT, language='zh_CN')\n"
        "for slug in panel.lesson_slugs():\n"
        "    panel.show_lesson(slug)\n"
        "sys.exit(1 if 'torch' in sys.modules else 0)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
