"""Issue 14 in the real window: Values and Messages never describe an update that
did not happen, and every optimizer's step is described by its own rule, with
numbers checked against the tutorial's loop (tests/reference.py)."""

import pytest
from PySide6.QtWidgets import QLabel

from tests.reference import reference_run
from tests.ui.conftest import find
from tests.ui.trust_helpers import messages, updates

ARROW = "←"  # every update arithmetic is an assignment


def arithmetic(win, key="weightValue"):
    label = find(win, QLabel, key + "Arithmetic")
    return label.text() if label.isVisibleTo(win) else ""


def wait_event(qtbot, win, code):
    qtbot.waitUntil(lambda: win.controller.snapshot.event.code == code, timeout=10_000)


def test_an_update_is_written_out_with_torchs_numbers(qtbot, window):
    updates(qtbot, window, 1)
    ref, _, _, _ = reference_run(1)
    text = arithmetic(window)
    assert text.startswith("w ← w − lr·w.grad = ")
    assert text.endswith(f"= {ref.weight.item():.4f}")
    assert arithmetic(window, "biasValue").endswith(f"= {ref.bias.item():.4f}")


def test_a_landscape_click_is_not_shown_as_an_update(qtbot, window):
    updates(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.controller.landscape is not None, timeout=10_000)
    window.landscape.choose_start(4.0, 3.0)
    wait_event(qtbot, window, "params.set")
    assert (window.controller.snapshot.w, window.controller.snapshot.b) == (4.0, 3.0)
    for key in ("weightValue", "biasValue"):
        assert ARROW not in arithmetic(window, key)
        assert "set by you" in arithmetic(window, key)
    assert ARROW not in messages(window)[-1] and "not an update" in messages(window)[-1]


def test_inference_leaves_the_last_update_as_it_was(qtbot, window):
    updates(qtbot, window, 2)
    before = arithmetic(window)
    window.controller.infer("3")
    qtbot.waitUntil(lambda: window.controller.inference is not None, timeout=10_000)
    ref, _, _, _ = reference_run(2)
    # The arithmetic still describes update 2, which did happen and gave this w.
    assert arithmetic(window) == before
    assert before.endswith(f"= {ref.weight.item():.4f}")


def test_step_back_and_open_say_restored(qtbot, window, tmp_path):
    updates(qtbot, window, 3)
    window.controller.step_back(1)
    wait_event(qtbot, window, "stepped_back")
    for key in ("weightValue", "biasValue"):
        assert ARROW not in arithmetic(window, key)
        assert "stepped back to update 2" in arithmetic(window, key)
    path = str(tmp_path / "s.gradlab.pt")
    window.save_to(path)
    qtbot.waitUntil(lambda: any("Saved to" in m for m in messages(window)), timeout=10_000)
    updates(qtbot, window, 2)
    window.open_file(path)
    wait_event(qtbot, window, "restored")
    assert window.controller.snapshot.step == 2
    for key in ("weightValue", "biasValue"):
        assert ARROW not in arithmetic(window, key)
        assert "restored from the file" in arithmetic(window, key)


@pytest.mark.parametrize(
    ("optimizer", "rule"),
    [
        ("adam", "θ ← θ − lr·m_hat / (√v_hat + ε)"),
        ("rmsprop", "θ ← θ − lr·θ.grad / (√s + ε)"),
        ("momentum", "v ← μ·v + θ.grad;  θ ← θ − lr·v"),
    ],
)
def test_each_optimizer_is_described_by_its_own_rule(qtbot, window, optimizer, rule):
    assert window.controller.apply_setting("optimizer", optimizer)
    qtbot.waitUntil(lambda: window.controller.snapshot.step == 0, timeout=10_000)
    wait_event(qtbot, window, "ready")
    updates(qtbot, window, 1)
    last = messages(window)[-1]
    assert rule in last
    assert "θ ← θ − lr·θ.grad with" not in last  # SGD's rule, which the old text used
    ref, _, _, _ = reference_run(1, optimizer=optimizer)
    assert f"w: {reference_run(0, optimizer=optimizer)[0].weight.item():.4f} → " in last
    assert f"→ {ref.weight.item():.4f}" in last
    assert arithmetic(window).endswith(f"= {ref.weight.item():.4f}")
    if optimizer == "rmsprop":
        # Issue 14: at lr 0.1 both w and b move by exactly 1.0 on RMSprop's first step.
        start, _, _, _ = reference_run(0, optimizer="rmsprop")
        assert ref.weight.item() - start.weight.item() == pytest.approx(1.0, abs=1e-6)
        assert ref.bias.item() - start.bias.item() == pytest.approx(1.0, abs=1e-6)
        assert "lr/√(1 − α) = 10 × lr: w 1.0000, b 1.0000" in last
    if optimizer == "adam":
        assert "moves by lr" in last and "w 0.1000, b 0.1000" in last


def test_first_zero_grad_is_information_not_a_warning(qtbot, window):
    for phase in ("forward", "loss", "zero_grad"):
        window.controller.run_phase(phase)
    wait_event(qtbot, window, "zero_grad.first")
    last = messages(window)[-1]
    assert last.startswith("ℹ") and "expected on the first update" in last


def _reference_lam_max():
    """λmax of the MSE Hessian 2·[[E x², E x], [E x, 1]] of the tutorial's data."""
    import torch

    torch.manual_seed(0)
    x = torch.randn(100, 1).double().reshape(-1)
    hessian = 2 * torch.tensor([[(x * x).mean(), x.mean()], [x.mean(), 1.0]], dtype=torch.float64)
    return float(torch.linalg.eigvalsh(hessian).max())


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "stable below {sgd} (2/λmax)"),
        ({"optimizer": "momentum"}, "stable below {heavy} (2(1+μ)/λmax)"),
        ({"batch_size": "10"}, "about {sgd} (only a guide with mini-batches)"),
        ({"optimizer": "adam"}, "no fixed limit (Adam sizes its own steps)"),
        ({"loss": "l1"}, "no fixed limit (this loss's slope is capped)"),
    ],
)
def test_the_lr_limit_is_shown_only_where_it_holds(qtbot, window, changes, expected):
    lam = _reference_lam_max()
    expected = expected.format(sgd=f"{2 / lam:.3g}", heavy=f"{2 * 1.9 / lam:.3g}")
    for name, value in changes.items():
        assert window.controller.apply_setting(name, value)
    label = find(window, QLabel, "lrBoundLabel")
    # The formula carries word joiners (U+2060): a narrow field never breaks it.
    qtbot.waitUntil(lambda: label.text().replace("\u2060", "") == expected, timeout=10_000)
    # lr 1.5 is past SGD's sharp limit only: the field turns red there alone.
    assert window.controller.apply_setting("lr", "1.5")
    lr_field = window.controls.fields["lr"]
    red = "d1242f" in lr_field.styleSheet()
    assert red == (not changes)


def test_the_mistake_mode_marks_the_call_it_leaves_out(qtbot, window):
    from PySide6.QtWidgets import QPushButton

    button = find(window, QPushButton, "zeroGradButton")
    assert "line-through" not in button.styleSheet()
    window.controls.skip_check.setChecked(True)
    qtbot.waitUntil(lambda: window.controller.snapshot.skip_zero_grad, timeout=10_000)
    qtbot.waitUntil(lambda: "line-through" in button.styleSheet(), timeout=10_000)
    assert "leave this call out" in button.toolTip()
    for _ in range(3):
        window.controller.next_phase()  # forward, loss, then over zero_grad to backward
    qtbot.waitUntil(lambda: window.controller.snapshot.phase == "backward", timeout=10_000)
    assert any("zero_grad() was left out" in m for m in messages(window))


# Sentences an outside review found wrong (issue 14), in both languages: each
# must keep saying the true thing and never again the false one.
WORDING = {
    "en": [
        ("optimizer tooltip", "against the gradient", "along the gradient"),
        ("seed tooltip", "with this PyTorch version", "on every computer"),
        ("loss tooltip", "linear for large ones", "absolute for large"),
        ("lr limit tooltip", "most sharply curved direction", "steepest"),
        ("adam state tooltip", "at most about lr", "steps of about lr"),
        ("momentum state tooltip", "moves against that sum", "direction the gradients"),
        ("adagrad comment", "the sum of all its squared", "root of all its squared"),
    ],
    "zh_CN": [
        ("optimizer tooltip", "逆着梯度", "沿着梯度"),
        ("seed tooltip", "这个 PyTorch 版本", "每台电脑"),
        ("loss tooltip", "线性", "绝对值增长"),
        ("lr limit tooltip", "弯得最急的方向", "最陡"),
        ("adam state tooltip", "最多约为 lr", "步长约为 lr"),
        ("momentum state tooltip", "反方向", "沿着梯度一直指向"),
        ("adagrad comment", "平方之和的平方根", "所有梯度平方的平方根"),
    ],
}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_corrected_sentences_stay_true_in_both_languages(installed, lang):
    from gradlab.core import codegen_text, landscape
    from gradlab.core.config import ExperimentConfig
    from gradlab.core.session import TrainingSession
    from gradlab.ui.lr_limit_text import limit_tooltip
    from gradlab.ui.panels.controls import setting_tooltip
    from gradlab.ui.panels.optimizer_state import state_tooltip

    installed(lang)
    config = ExperimentConfig()
    limit = landscape.lr_limit(config, TrainingSession(config).x)
    texts = {
        "optimizer tooltip": setting_tooltip("optimizer"),
        "seed tooltip": setting_tooltip("seed"),
        "loss tooltip": setting_tooltip("loss"),
        "lr limit tooltip": limit_tooltip(limit, "sgd"),
        "adam state tooltip": state_tooltip("exp_avg_sq"),
        "momentum state tooltip": state_tooltip("momentum_buffer"),
        "adagrad comment": codegen_text.explanation("optimizer.adagrad", lang),
    }
    for name, true, false in WORDING[lang]:
        assert true in texts[name], f"{lang} {name}: {texts[name]!r}"
        assert false not in texts[name], f"{lang} {name}: {texts[name]!r}"
