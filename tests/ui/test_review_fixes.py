"""What an outside review of the merged window found, each kept fixed."""

import pytest
from PySide6.QtWidgets import QLabel, QListWidget

from gradlab.ui.panels.landscape import CONTOUR_LEVELS
from tests.ui.conftest import find


def messages(win):
    return find(win, QListWidget, "messagePanel").full_texts()


def test_old_contours_never_stay_on_the_landscape(qtbot, window):
    window.layouts.apply("full")
    qtbot.waitUntil(lambda: window.controller.landscape is not None, timeout=10_000)
    assert window.landscape.contour_count() == CONTOUR_LEVELS
    for setting, value in (("lr", "0.05"), ("noise", "0.5"), ("seed", "3")):
        before = window.controller.landscape
        window.controller.apply_setting(setting, value)
        window.controller.reset()
        qtbot.waitUntil(lambda b=before: window.controller.landscape is not b, timeout=10_000)
        assert window.landscape.contour_count() == CONTOUR_LEVELS


def test_the_code_panel_and_the_exported_script_follow_the_mistake_mode(qtbot, window, tmp_path):
    from gradlab.core import codegen

    window.controls.skip_check.setChecked(True)
    qtbot.waitUntil(lambda: window.controller.snapshot.skip_zero_grad, timeout=10_000)
    code = window.code.view
    qtbot.waitUntil(lambda: "zero_grad() left out" in code.toPlainText(), timeout=5_000)
    assert code.toPlainText() == codegen.script_for(window.controller.config, skip_zero_grad=True)
    target = tmp_path / "train.py"
    window.files.write_script(str(target))
    assert "zero_grad() left out" in target.read_text(encoding="utf-8")
    window.controls.skip_check.setChecked(False)
    qtbot.waitUntil(lambda: "zero_grad() left out" not in code.toPlainText(), timeout=5_000)


def test_a_call_on_the_own_run_ends_compare_mode_and_says_so(qtbot, window):
    window.controller.set_speed(None)
    assert window.controller.start_compare([{"optimizer": "adam"}, {"optimizer": "sgd"}])
    qtbot.waitUntil(lambda: window.controller.compare is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=30_000)
    window.controller.full_update()  # F11 on the student's own run
    qtbot.waitUntil(lambda: window.controller.compare is None, timeout=10_000)
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 1, timeout=10_000)
    assert any(m.startswith("Back to one run: the comparison ended") for m in messages(window))
    assert not find(window, QLabel, "valuesCompareNote").isVisibleTo(window)


def test_step_back_takes_the_landscape_path_back_too(qtbot, window):
    window.layouts.apply("full")
    qtbot.waitUntil(lambda: window.controller.landscape is not None, timeout=10_000)
    for _ in range(13):
        window.controller.full_update()
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 13, timeout=10_000)
    for _ in range(6):
        window.controller.step_back(1)
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 7, timeout=10_000)
    qtbot.wait(200)
    ws, bs = window.landscape.path.getData()
    snap = window.controller.snapshot
    assert len(ws) == 8  # the start and 7 updates
    assert (ws[-1], bs[-1]) == (snap.w, snap.b)


def test_a_click_on_the_map_breaks_the_path_instead_of_drawing_a_jump(qtbot, window):
    import math

    window.layouts.apply("full")
    qtbot.waitUntil(lambda: window.controller.landscape is not None, timeout=10_000)
    for _ in range(3):
        window.controller.full_update()
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 3, timeout=10_000)
    window.landscape.choose_start(4.0, -1.0)
    qtbot.waitUntil(lambda: window.controller.snapshot.event.code == "params.set", timeout=10_000)
    for _ in range(2):
        window.controller.full_update()
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 5, timeout=10_000)
    qtbot.wait(100)
    ws, bs = window.landscape.path.getData()
    # start, 3 updates, a break, the clicked point, 2 updates
    assert len(ws) == 8 and math.isnan(ws[4]) and (ws[5], bs[5]) == (4.0, -1.0)
    window.controller.step_back(3)  # back before the click: the break goes too
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 2, timeout=10_000)
    qtbot.wait(100)
    ws, _ = window.landscape.path.getData()
    assert len(ws) == 3 and not any(math.isnan(v) for v in ws)


def test_example_data_past_the_lr_limit_say_so_with_an_lr_to_try(qtbot, window):
    import torch

    from gradlab.core import example_data
    from gradlab.ui.data_texts import EXAMPLE_NAMES

    assert set(EXAMPLE_NAMES) == set(example_data.EXAMPLES)
    assert window.controller.data_editor.open_example("celsius")
    qtbot.waitUntil(lambda: any("stable limit" in m for m in messages(window)), timeout=10_000)
    warning = next(m for m in messages(window) if "stable limit" in m)
    opened = next(m for m in messages(window) if m.startswith("Opened the example data"))
    assert "Thermometer readings" in opened
    # The limit, computed here from the example's own x: 2/λmax of the MSE Hessian.
    x = torch.tensor(example_data.load("celsius").points.x, dtype=torch.float64)
    hessian = 2 * torch.tensor([[(x * x).mean(), x.mean()], [x.mean(), 1.0]], dtype=torch.float64)
    limit = 2 / float(torch.linalg.eigvalsh(hessian).max())
    assert f"{limit:.3g}" in warning and "lr = 0.1 is above" in warning
    suggested = float(warning.rsplit("Try lr = ", 1)[1].rstrip("."))
    assert 0.5 * limit < suggested < limit


def test_inference_says_too_large_for_a_number_out_of_range(qtbot, window):
    assert not window.controller.infer("1e40")
    assert not window.controller.infer("nan")
    assert not window.controller.infer("three")
    texts = messages(window)[-2:]  # the two "not a number" share one line
    assert "too large" in texts[0] and "not a number" in texts[1]


def test_divergence_repeats_as_one_line_with_its_count(qtbot, window):
    assert window.controller.apply_setting("lr", "5")
    for _ in range(40):
        window.controller.full_update()
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 40, timeout=20_000)
    # Said when the loss stops being finite, and once more at most when the
    # parameters follow: not again at every F11 (it was 20 lines in 40 updates).
    diverged = [m for m in messages(window) if "no longer a finite number" in m]
    assert 1 <= len(diverged) <= 2


def test_a_bad_compare_row_is_named_and_nothing_starts(qtbot, window):
    from PySide6.QtWidgets import QLineEdit, QPushButton

    def click(button):
        button.click()

    qtbot.waitUntil(lambda: window.controller.ready, timeout=30_000)
    status = window.compare.status
    find(window, QLineEdit, "compareLr2").setText("fast")
    click(find(window, QPushButton, "compareButton"))
    assert status.text().startswith("Row 2: Learning rate (lr) must be")
    assert "Nothing was changed." in status.text()
    assert window.controller.compare is None and not window.controller.running
    find(window, QLineEdit, "compareLr2").setText("0.1")
    # Batch size against this session's 100 samples: row 3 here.
    find(window, QLineEdit, "compareBatch3").setText("101")
    click(find(window, QPushButton, "compareButton"))
    assert status.text().startswith("Row 3: The batch size must be 0 (full batch)")
    assert "100 here" in status.text()
    assert window.controller.compare is None
    for check in (row[0] for row in window.compare.rows):
        check.setChecked(False)
    click(find(window, QPushButton, "compareButton"))
    assert status.text() == "Tick at least one row to compare."
    assert window.controller.compare is None


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_step_arithmetic_is_never_cut_in_half(qtbot, installed, lang):
    """Issue 16 item 7: at 1366×768, and at 1.5 zoom, in both languages, every
    line of the arithmetic under w and b is whole (each label as tall as its
    wrapped text needs at its width)."""
    from gradlab.ui.main_window import MainWindow

    installed(lang)
    win = MainWindow(theme_name="light")
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(lambda: win.controller.ready, timeout=60_000)
    win.controller.full_update()
    qtbot.waitUntil(lambda: win.controller.snapshot.step == 1, timeout=10_000)
    for factor in (1.0, 1.5):
        win.set_zoom(factor, remember=False)
        for key in ("weightValueArithmetic", "biasValueArithmetic"):
            label = find(win, QLabel, key)
            qtbot.waitUntil(lambda label=label: "←" in label.text(), timeout=10_000)
            qtbot.waitUntil(
                lambda label=label: label.height() >= label.heightForWidth(label.width()),
                timeout=5_000,
            )
            assert label.width() > 0 and label.isVisibleTo(win)
    win.close()


def test_a_refusal_stays_in_the_status_bar_while_a_run_goes_on(qtbot, window, tmp_path):
    """The step lines of a run (several a second) used to replace a refusal in
    the status bar before anyone could read it."""
    c = window.controller
    bad = tmp_path / "bad.csv"
    bad.write_text("hours,score\n1,52.5\n2,sixty\n", encoding="utf-8")
    assert not window.files.import_data(str(bad))
    bar = window.statusBar()
    qtbot.waitUntil(lambda: "row 3" in bar.currentMessage(), timeout=10_000)
    refusal = bar.currentMessage()
    for _ in range(5):
        c.full_update()
    qtbot.waitUntil(lambda: c.snapshot.step == 5, timeout=10_000)
    qtbot.wait(100)
    assert bar.currentMessage() == refusal  # the step lines went to Messages only
    assert any("Update 5" in m or "update 5" in m for m in messages(window))
    # What the student does next (a save) is said at once.
    window.save_to(str(tmp_path / "s.gradlab.pt"))
    qtbot.waitUntil(lambda: "Saved to" in bar.currentMessage(), timeout=10_000)
