"""Exported scripts and session replays, run for real in a subprocess, give the
app's parameters bit for bit."""

import ast
import itertools
import subprocess
import sys

import pytest
import torch

from gradlab.cli import main
from gradlab.core import code_lines, codegen
from gradlab.core.actions import ActionLog
from gradlab.core.config import LOSSES, MODELS, OPTIMIZERS, TARGETS, ExperimentConfig
from gradlab.core.session import TeachingError, TrainingSession

# Runs each script as __main__ in one interpreter (a torch import costs ~2 s, so
# one subprocess for many scripts) and saves what each left behind.
DRIVER = """
import runpy, sys, torch
out = {}
for i, path in enumerate(sys.argv[2:]):
    ns = runpy.run_path(path, run_name="__main__")
    loss = ns.get("loss")
    out[i] = {
        "params": {n: p.detach().clone() for n, p in ns["model"].named_parameters()},
        "loss": None if loss is None else loss.detach().clone(),
        "names": sorted(k for k in ("x", "y", "model", "criterion", "optimizer", "loss") if k in ns),
    }
torch.save(out, sys.argv[1])
"""


def run_scripts(tmp_path, scripts: list[str]) -> tuple[list[dict], str]:
    paths = []
    for i, text in enumerate(scripts):
        path = tmp_path / f"script_{i}.py"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "results.pt"
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(out), *paths], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    results = torch.load(out, weights_only=True)
    return [results[i] for i in range(len(scripts))], done.stdout


def assert_equal_params(got: dict, model) -> None:
    want = dict(model.named_parameters())
    assert got.keys() == want.keys()
    for name, p in want.items():
        assert torch.equal(got[name], p.detach()), name


# ---------------------------------------------------------------- script_for
SCRIPT_CASES = [
    ({}, 100),
    ({"optimizer": "momentum", "lr": 0.05, "noise": 0.5, "seed": 3}, 60),
    ({"optimizer": "nesterov", "momentum": 0.5, "lr": 0.02, "loss": "huber"}, 40),
    ({"optimizer": "adam", "lr": 0.05, "loss": "l1", "true_w": -1.5, "true_b": -0.75}, 50),
    ({"optimizer": "rmsprop", "lr": 0.01, "batch_size": 16, "samples": 50, "seed": 11}, 23),
    ({"optimizer": "adagrad", "lr": 0.3, "batch_size": 7, "samples": 30, "noise": 0.1}, 31),
    (
        {"model": "mlp", "target": "sin", "hidden": 8, "optimizer": "adam", "lr": 0.02},
        25,
    ),
    ({"model": "mlp", "hidden": 4, "batch_size": 10, "samples": 64, "loss": "huber"}, 17),
    ({"samples": 40_000, "noise": 0.2}, 3),  # past the thread split: one thread
    ({"model": "mlp", "hidden": 4}, 0),
]


def _train_json(capsys, opts: dict, steps: int) -> dict:
    import json

    args = [f"--{k.replace('_', '-')}={v}" for k, v in opts.items()]
    assert main(["train", "--json", "--steps", str(steps), *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_exported_scripts_equal_gradlab_train_bit_for_bit(tmp_path, capsys):
    expected = [_train_json(capsys, opts, steps) for opts, steps in SCRIPT_CASES]
    scripts = [codegen.script_for(ExperimentConfig(**opts), steps) for opts, steps in SCRIPT_CASES]
    results, _ = run_scripts(tmp_path, scripts)
    for (opts, steps), want, got in zip(SCRIPT_CASES, expected, results, strict=True):
        assert got["names"] == sorted(["x", "y", "model", "criterion", "optimizer", "loss"])
        assert got["params"].keys() == want["parameters"].keys(), opts
        for name, value in want["parameters"].items():
            assert torch.equal(got["params"][name], torch.tensor(value)), (opts, steps, name)
        if want["loss"] is None:
            assert got["loss"] is None
        else:
            assert got["loss"].item() == want["loss"], opts


def test_the_default_script_runs_on_its_own_and_prints_like_the_tutorial(tmp_path):
    path = tmp_path / "fit.py"
    path.write_text(codegen.script_for(ExperimentConfig()), encoding="utf-8")
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Parameter containing") == 2
    assert "tensor([[2.0000]]" in done.stdout and "tensor([1.0000]" in done.stdout


@pytest.mark.parametrize("steps", [0, 100])
def test_every_variant_is_valid_python_with_the_tutorials_names(steps):
    for opt, loss, model, target, batch, noise, samples in itertools.product(
        OPTIMIZERS, LOSSES, MODELS, TARGETS, (0, 8), (0.0, 0.3), (100, 40_000)
    ):
        cfg = ExperimentConfig(
            optimizer=opt,
            loss=loss,
            model=model,
            target=target,
            batch_size=batch,
            noise=noise,
            samples=samples,
        )
        text = codegen.script_for(cfg, steps)
        tree = ast.parse(text)
        assigned = {
            t.id
            for node in tree.body
            if isinstance(node, ast.Assign)
            for t in node.targets
            if isinstance(t, ast.Name)
        }
        assert {"x", "y", "model", "criterion", "optimizer"} <= assigned
        assert ("torch.set_num_threads(1)" in text) == (samples > codegen.THREAD_SPLIT_SAMPLES)
        assert ("DataLoader(" in text) == (batch > 0)
        assert ("torch.randn(" + str(samples) + ", 1)") in text
        assert text.count("torch.randn(") == (2 if noise else 1)


def test_phase_lines_point_at_the_phase_calls():
    for cfg in (ExperimentConfig(), ExperimentConfig(batch_size=8, model="mlp", noise=0.1)):
        lines = codegen.script_for(cfg).splitlines()
        where = codegen.phase_lines(cfg)
        batched = not cfg.full_batch
        code = {p: lines[n - 1].split("#")[0].strip() for p, n in where.items()}
        assert code == {
            "forward": "y_pred = model(xb)" if batched else "y_pred = model(x)",
            "loss": "loss = criterion(y_pred, yb)" if batched else "loss = criterion(y_pred, y)",
            "zero_grad": "optimizer.zero_grad()",
            "backward": "loss.backward()",
            "step": "optimizer.step()",
        }
        explained = codegen.line_explanations(cfg)
        assert explained[where["backward"]].startswith("Backpropagation")
        # Every line with code says what it does; docstring and comment lines need not.
        docstring_end = ast.parse("\n".join(lines)).body[0].end_lineno
        for n, text in enumerate(lines, 1):
            stripped = text.strip()
            if stripped and not stripped.startswith("#") and n > docstring_end:
                assert n in explained, (n, text)


def test_phase_lines_do_not_depend_on_steps():
    cfg = ExperimentConfig(batch_size=4)
    assert codegen.phase_lines(cfg, 0) == codegen.phase_lines(cfg, 1000)


def test_lines_stay_short_enough_to_read():
    cfg = ExperimentConfig(
        optimizer="nesterov", model="mlp", batch_size=16, noise=0.5, samples=50_000
    )
    for text in (codegen.script_for(cfg), codegen.script_for(ExperimentConfig())):
        assert max(code_lines.width(line) for line in text.splitlines()) <= code_lines.MAX_LINE


# ------------------------------------------------------------ session_script
def _refused(session, phase, code):
    with pytest.raises(TeachingError) as caught:
        session.run_phase(phase)
    assert caught.value.code == code


def session_with_mistakes():
    """Full batch: refused calls, accumulation, skip mode, lr, set_parameters,
    runs in chunks, step back, then a reset to another experiment."""
    log = ActionLog()
    s = TrainingSession(ExperimentConfig(), log=log)
    _refused(s, "loss", "loss.no_prediction")
    _refused(s, "backward", "backward.no_loss")
    for phase in ("forward", "loss", "backward", "step"):
        s.run_phase(phase)
    for phase in ("forward", "loss", "backward"):  # no zero_grad: accumulates
        s.run_phase(phase)
    _refused(s, "backward", "backward.freed")
    s.run_phase("step")
    for phase in ("zero_grad", "step", "forward", "zero_grad", "loss"):  # out of order
        s.run_phase(phase)
    s.set_skip_zero_grad(True)
    s.run_updates(3)
    s.run_updates(4)
    s.full_update()
    s.set_skip_zero_grad(False)
    s.set_lr(0.05)
    s.run_updates(5)
    s.set_parameters({"weight": 1.5, "bias": -0.25})
    s.full_update()
    s.run_updates(10)
    assert s.step_back(4) == 4
    s.run_updates(2)
    s.run_phase("forward")
    s.run_phase("loss")
    assert s.step_back(1) == 1
    # Reset: a new experiment on the same log, as the app does.
    s = TrainingSession(ExperimentConfig(optimizer="momentum", lr=0.05, noise=0.3), log=log)
    s.run_updates(5)
    for phase in ("forward", "loss", "zero_grad", "backward"):
        s.run_phase(phase)
    _refused(s, "backward", "backward.freed")
    s.run_phase("step")
    s.set_lr(0.02)
    s.run_updates(3)
    return s, log


def session_with_mini_batches():
    """Batches drawn at odd moments, epochs crossed, step back across an epoch."""
    log = ActionLog()
    cfg = ExperimentConfig(optimizer="adam", lr=0.05, batch_size=16, samples=48, seed=5)
    s = TrainingSession(cfg, log=log)
    for phase in ("forward", "loss", "zero_grad", "backward", "step"):
        s.run_phase(phase)
    s.run_updates(4)  # into the second epoch (3 batches per epoch)
    s.run_phase("forward")
    s.run_phase("step")  # steps with the old gradients; the batch is released
    s.run_phase("loss")  # draws a new batch for the old prediction
    s.run_phase("backward")  # accumulates
    s.run_phase("step")
    s.set_parameters({"weight": 0.5})
    s.run_updates(3)
    s.run_updates(4)
    assert s.step_back(5) == 5
    s.run_updates(2)
    s = TrainingSession(
        ExperimentConfig(model="mlp", target="sin", batch_size=8, samples=30, hidden=6), log=log
    )
    s.run_updates(6)
    s.set_parameters({"0.bias": 0.5, "2.weight": -0.125})
    s.full_update()
    s.set_lr(0.3)
    s.run_phase("forward")
    s.run_phase("loss")
    s.run_phase("backward")
    s.run_phase("step")
    return s, log


def session_skip_kept_across_reset():
    """The app keeps the mistake mode across a reset: setup, then skip on."""
    log = ActionLog()
    s = TrainingSession(ExperimentConfig(optimizer="rmsprop", lr=0.01), log=log)
    s.set_skip_zero_grad(True)
    s.full_update()
    s = TrainingSession(ExperimentConfig(optimizer="rmsprop", lr=0.01, seed=9), log=log)
    s.set_skip_zero_grad(True)
    s.full_update()  # forward, loss, backward, step: zero_grad left out
    s.full_update()
    s.run_updates(5)
    return s, log


def session_with_a_short_last_batch():
    """A prediction from the short last batch against the next epoch's first batch:
    the loss is refused (sizes differ) after drawing that batch."""
    log = ActionLog()
    s = TrainingSession(ExperimentConfig(batch_size=3, samples=8, optimizer="momentum"), log=log)
    s.run_updates(2)
    s.run_phase("forward")  # the 3rd batch: two samples
    s.run_phase("step")
    with pytest.warns(UserWarning, match="target size"), pytest.raises(TeachingError) as info:
        s.run_phase("loss")  # draws a batch of three: PyTorch warns, then refuses
    assert info.value.code == "loss.shape_mismatch"
    s.full_update()
    s.run_updates(2)
    return s, log


def test_session_scripts_replay_the_app_bit_for_bit(tmp_path):
    sessions = [
        session_with_mistakes(),
        session_with_mini_batches(),
        session_skip_kept_across_reset(),
        session_with_a_short_last_batch(),
    ]
    scripts = [codegen.session_script(log.copy()) for _, log in sessions]
    results, stdout = run_scripts(tmp_path, scripts)
    for (session, _), got in zip(sessions, results, strict=True):
        assert_equal_params(got["params"], session.model)
    # The refused second backward() really ran and failed inside try/except.
    assert stdout.count("backward() refused: Trying to backward through the graph") == 2


def test_session_script_shows_each_kind_of_action():
    _, log = session_with_mistakes()
    text = codegen.session_script(log.copy())
    compile(text, "session.py", "exec")
    assert "except RuntimeError as error:" in text
    assert "# loss = criterion(y_pred, y)   <- not run:\n# there was no y_pred yet" in text
    assert "# loss.backward()   <- not run:\n# there was no loss yet" in text
    assert 'group["lr"] = 0.05' in text
    assert "model.weight.fill_(1.5)" in text and "model.bias.fill_(-0.25)" in text
    assert "with torch.no_grad():" in text
    # The first chunk finished the half-done update phase by phase (1), then ran 2
    # fast updates; the second chunk's 4 merged into the same loop.
    assert "for _ in range(6):" in text
    assert "# optimizer.zero_grad() left out" in text
    assert "Reset: everything is rebuilt from the seed" in text
    assert "Stepped back to update" in text
    assert ".grad not None: ADDS to it" in text


def test_session_script_refuses_a_log_without_setup():
    with pytest.raises(ValueError):
        codegen.session_script([])


def test_session_script_warns_when_the_log_was_cut():
    log = ActionLog()
    TrainingSession(ExperimentConfig(), log=log).run_updates(2)
    assert "WARNING" in codegen.session_script(log.copy(), dropped=3)
    assert "WARNING" not in codegen.session_script(log.copy())


def test_special_floats_are_valid_literals():
    assert codegen._num(float("nan")) == 'float("nan")'
    assert codegen._num(float("-inf")) == 'float("-inf")'
    assert float(eval(codegen._num(0.1))) == 0.1  # noqa: S307 - our own literal


def test_a_loaded_file_and_unknown_actions_become_comments():
    log = ActionLog()
    TrainingSession(ExperimentConfig(), log=log).run_updates(2)
    log.add("loaded", path="lesson.gradlab", step=40)
    log.add("something_new", value=1)
    text = codegen.session_script(log.copy())
    compile(text, "session.py", "exec")
    assert "# WARNING: the app loaded lesson.gradlab here (update 40)." in text
    assert "# (an action GradLab does not know: something_new)" in text


def test_codegen_needs_no_torch_and_the_maths_no_qt():
    code = (
        "import sys\n"
        "import gradlab.core.codegen\n"
        "print('torch' in sys.modules)\n"
        "import gradlab.core.maths\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["False", "[]"]


def test_a_refused_call_that_drew_a_batch_still_draws_it():
    log = ActionLog()
    TrainingSession(ExperimentConfig(batch_size=5, samples=20), log=log)
    log.add("refused", phase="loss", code="loss.shape_mismatch", new_batch=True)
    text = codegen.session_script(log.copy())
    assert "xb, yb = next_batch()  # drawn before the call failed" in text
    assert "refused (loss.shape_mismatch)" in text


def test_the_mistake_modes_script_leaves_zero_grad_out_and_computes_what_the_app_does(tmp_path):
    """The code panel and File ▸ Export ▸ Training script in the mistake mode: the
    loop without optimizer.zero_grad(), equal to the app's run bit for bit."""
    texts, models = [], []
    for cfg in (ExperimentConfig(), ExperimentConfig(batch_size=10, optimizer="adam")):
        text = codegen.script_for(cfg, 7, skip_zero_grad=True)
        assert "optimizer.zero_grad()  #" not in text and "zero_grad() left out" in text
        where = codegen.phase_lines(cfg, 7, skip_zero_grad=True)
        assert "left out" in text.splitlines()[where["zero_grad"] - 1]
        session = TrainingSession(cfg)
        session.set_skip_zero_grad(True)
        session.run_updates(7)
        texts.append(text)
        models.append(session.model)
    results, _ = run_scripts(tmp_path, texts)  # one process runs both (torch imports once)
    for got, model in zip(results, models, strict=True):
        assert_equal_params(got["params"], model)
