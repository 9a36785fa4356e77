"""Every number and claim a lesson states, checked against PyTorch itself.

The references here are the tutorial's script written out with the global seed
(tests/reference.py) or plain torch computed in the test, never gradlab's own
code. Where a lesson shows a live value, the test also checks that the value is
what PyTorch computes; where a lesson states a fact in words, the test pins it.
"""

import inspect
import io
import math
import pickle
import textwrap
import warnings

import pytest
import torch
import torch.nn as nn
import torch.optim as optim

from gradlab.core import lessons
from tests.reference import reference_run


def live(name, lang="en"):
    return lessons.live_value(name, lang)


def lesson(slug, lang="en"):
    text = lessons.load_lesson(slug, lang)
    return lessons.render(text, lang, shown_answers=range(1, len(lessons.answers(text)) + 1))


def f4(value):
    return f"{value:.4f}"


def start():
    """The tutorial's data and untrained model (global seed 0), as the script has them."""
    torch.manual_seed(0)
    x = torch.randn(100, 1)
    y = 2 * x + 1
    return x, y, nn.Linear(1, 1)


def after_first_backward():
    x, y, model = start()
    loss = nn.MSELoss()(model(x), y)
    loss.backward()
    return x, y, model, loss


def mistake_run(updates):
    """The tutorial's loop without optimizer.zero_grad(): w.grad and the loss of
    every update."""
    x, y, model = start()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    grads, losses = [], []
    for _ in range(updates):
        loss = nn.MSELoss()(model(x), y)
        loss.backward()
        optimizer.step()
        grads.append(model.weight.grad.item())
        losses.append(loss.item())
    return model, grads, losses


# ------------------------------------------------------------- lessons 1-6
def test_start_values_and_shapes():
    x, y, model = start()
    w, b = model.weight.item(), model.bias.item()
    assert live("initial_params") == f"w = {f4(w)}, b = {f4(b)}"
    assert model(x).shape == torch.Size([100, 1])  # lesson 2's answer
    assert str(x[:5].flatten()) in live("randn_sample")
    shapes = live("tensor_shapes")
    for dims, shape in ((0, "[]"), (1, "[3]"), (2, "[2, 2]"), (3, "[3, 64, 64]")):
        assert f"({dims}, torch.Size({shape}))" in shapes
    # Lesson 3: most values between -2 and 2; mean and std near 0 and 1, not exact.
    assert ((x > -2) & (x < 2)).float().mean() > 0.9
    assert 0 < abs(x.mean().item()) < 0.2 and 0 < abs(x.std().item() - 1) < 0.2
    # Lesson 4: for in_features = 1 the start is uniform between -1 and 1.
    assert -1 <= w <= 1 and -1 <= b <= 1
    assert "torch.Size([1, 1])" in live("linear_shapes")
    assert "['weight', 'bias']" in live("linear_shapes")


def test_print_weight_is_what_print_shows():
    _, _, model = start()
    trained, _, _, _ = reference_run(steps=100)
    shown = live("print_weight")
    assert str(model.weight) in shown and str(trained.weight) in shown
    assert "Parameter containing:\ntensor([[2.0000]], requires_grad=True)" in shown


def test_a_flat_input_fails_with_torchs_message():
    _, _, model = start()
    with pytest.raises(RuntimeError) as caught:
        model(torch.randn(100))
    assert f"> RuntimeError: {caught.value}" in live("linear_1d_input")
    assert "(1x100 and 1x1)" in str(caught.value)


def test_a_flat_target_broadcasts_with_a_warning_and_a_wrong_loss():
    x, y, model = start()
    with torch.no_grad():
        y_pred = model(x)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            wrong = nn.MSELoss()(y_pred, y.reshape(100))
        right = nn.MSELoss()(y_pred, y)
    message = next(str(w.message) for w in caught if issubclass(w.category, UserWarning))
    shown = live("mse_1d_target")
    assert f"> UserWarning: {message}" in shown
    assert f"**{f4(wrong.item())}** instead of **{f4(right.item())}**" in shown
    assert "torch.Size([100, 100])" in shown
    assert abs(wrong.item() - right.item()) > 0.5  # a number, but the wrong one


def test_mse_example_and_first_loss():
    # Errors 0.5, 0.5, -1 -> squares 0.25, 0.25, 1 -> mean 0.5 (some tutorials print 0.4167).
    expected = nn.MSELoss()(torch.tensor([1.5, 2.5, 2.0]), torch.tensor([1.0, 2.0, 3.0]))
    assert f4(expected.item()) == "0.5000" == live("mse_example")
    for lang in lessons.LANGUAGES:
        assert "**0.5000**" in lesson("06-mse-loss", lang)
    x, y, model, loss = after_first_backward()
    assert live("initial_loss") == f4(loss.item())
    # Lesson 6's answer: nearer 6 than 1; most predictions miss by 1 or more.
    assert abs(loss.item() - 6) < abs(loss.item() - 1)
    with torch.no_grad():
        assert ((model(x) - y).abs() > 1).float().mean() > 0.5
        assert model.weight.item() < 0


# ------------------------------------------------------------- lesson 5
MODEL_SOURCE = """\
class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)
"""


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)


def test_the_lessons_model_class_is_nn_linear_in_disguise():
    # The class above is the lesson's, character for character.
    assert textwrap.dedent(inspect.getsource(Model)) == MODEL_SOURCE
    for lang in lessons.LANGUAGES:
        assert MODEL_SOURCE in lessons.load_lesson("05-nn-module", lang)
    # Same seed, same start; the same loop takes both to the same bits.
    x, y, linear = start()
    torch.manual_seed(0)
    torch.randn(100, 1)
    model = Model()
    assert torch.equal(model.linear.weight, linear.weight)
    assert torch.equal(model.linear.bias, linear.bias)
    for net in (linear, model):
        optimizer = optim.SGD(net.parameters(), lr=0.1)
        for _ in range(100):
            loss = nn.MSELoss()(net(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    assert torch.equal(model.linear.weight, linear.weight)
    assert live("module_same_as_linear") == "**True**"
    names = [n for n, _ in model.named_parameters()]
    assert f"{names}" in live("module_parameters")


def test_forgetting_super_init_and_hooks():
    class Forgot(nn.Module):
        def __init__(self):
            self.linear = nn.Linear(1, 1)

    with pytest.raises(AttributeError) as caught:
        Forgot()
    assert live("module_without_super") == f"`AttributeError: {caught.value}`"
    model, calls = Model(), []
    model.register_forward_hook(lambda m, i, out: calls.append(out.shape))
    model(torch.zeros(100, 1))
    model.forward(torch.zeros(100, 1))
    assert f"{calls}" in live("module_hook") and len(calls) == 1


# ------------------------------------------------------------- lesson 7
def test_the_nudge_demo():
    x, y, model, loss = after_first_backward()
    grad = model.weight.grad.item()
    table = live("nudge_table")
    for h, shown in ((0.01, True), (0.1, False)):
        with torch.no_grad():
            model.weight += h
            moved = nn.MSELoss()(model(x), y).item()
            model.weight -= h
        change = moved - loss.item()
        if shown:
            assert f"| {f4(change)} |" in table and f"| {f4(grad * h)} |" in table
            assert f"| {f4(moved)} |" in table
            # "almost agree": within a few percent
            assert abs(change - grad * h) < 0.02 * abs(change)
        else:
            assert f"{f4(grad * h)}" in live("nudge_big") and f4(change) in live("nudge_big")
            # The answer: a little less than predicted (the loss is curved).
            assert grad * h < change < 0.9 * grad * h
    assert live("w_grad0") == f4(grad)
    b_grad = model.bias.grad.item()
    assert live("first_grads") == f"w.grad = {f4(grad)}, b.grad = {f4(b_grad)}"
    assert grad < 0  # lesson 9's answer: negative


# ------------------------------------------------------------- lesson 8
def test_wrong_orders():
    # backward, zero_grad, step: nothing moves.
    x, y, model = start()
    w0 = model.weight.detach().clone()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    for _ in range(100):
        loss = nn.MSELoss()(model(x), y)
        loss.backward()
        optimizer.zero_grad()
        optimizer.step()
    assert torch.equal(model.weight, w0)
    assert f"still {f4(w0.item())} and the loss still {f4(loss.item())}" in live("zero_grad_late")

    # backward twice: PyTorch's own message.
    _, _, _, loss = after_first_backward()
    with pytest.raises(RuntimeError) as twice:
        loss.backward()
    first = str(twice.value).split(". ")[0] + "."
    assert live("backward_twice") == f"> RuntimeError: {first}"
    assert "retain_graph=True" in str(twice.value)

    # model(x) above the loop: the second pass fails.
    x, y, model = start()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    y_pred = model(x)
    failed_at = None
    for epoch in range(3):
        loss = nn.MSELoss()(y_pred, y)
        optimizer.zero_grad()
        try:
            loss.backward()
        except RuntimeError:
            failed_at = epoch
            break
        optimizer.step()
    assert failed_at == 1
    assert f"`epoch` {failed_at} (the second pass)" in live("forward_outside")


# ------------------------------------------------------------- lesson 9
def test_leaves_and_retain_graph():
    x, y, model, loss = after_first_backward()
    shown = live("leaves")
    assert x.is_leaf and not x.requires_grad and x.grad is None
    assert model.weight.is_leaf and model.weight.requires_grad
    assert "(True, False)\n>>> w.is_leaf" in shown and "(True, True)" in shown
    _, _, model = start()
    loss = nn.MSELoss()(model(x), y)
    loss.backward(retain_graph=True)
    once = model.weight.grad.item()
    loss.backward()
    assert model.weight.grad.item() == pytest.approx(2 * once, rel=1e-6)
    assert f4(once) in live("retain_graph") and f4(2 * once) in live("retain_graph")


# ------------------------------------------------------------- lesson 10
def test_mistake_mode_swings_and_never_settles():
    _, grads, losses = mistake_run(500)
    # The measurements, reproduced.
    assert [round(g, 2) for g in grads[:5]] == [-4.80, -8.57, -10.52, -10.22, -7.74]
    assert live("mistake_first_grads") == "-4.80, -8.57, -10.52, -10.22, -7.74"
    # Bounded: it swings between about ±10.6 ...
    assert 10.4 < max(grads) < 10.8 and -10.8 < min(grads) < -10.4
    peaks = [i for i in range(1, 499) if grads[i - 1] < grads[i] >= grads[i + 1]]
    period = (peaks[-1] - peaks[0]) / (len(peaks) - 1)
    assert 13 < period < 14
    # ... the loss between about 0.01 and 6.74, above its start, and not settling:
    # the last 100 updates still reach both ends.
    assert 0.005 < min(losses) < 0.02 and 6.70 < max(losses) < 6.76
    assert max(losses) > losses[0]
    assert min(losses[-100:]) < 0.1 and max(losses[-100:]) > 6.0
    shown = live("mistake_swing")
    for value in (f"{min(grads):.2f}", f"{max(grads):.2f}", f"{period:.1f}"):
        assert value in shown
    for value in (min(losses), max(losses), losses[0]):
        assert f4(value) in shown


def test_mistake_mode_is_momentum_one():
    mistake, _, _ = mistake_run(500)
    x, y, model = start()
    optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=1.0)
    for _ in range(500):
        loss = nn.MSELoss()(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    assert torch.equal(mistake.weight, model.weight) and torch.equal(mistake.bias, model.bias)
    assert live("mistake_is_momentum") == "**True**"


def test_two_updates_without_zero_grad_add_up():
    model, grads, _ = mistake_run(2)
    x, y, ref = start()
    optimizer = optim.SGD(ref.parameters(), lr=0.1)
    own = []
    for _ in range(2):
        loss = nn.MSELoss()(ref(x), y)
        optimizer.zero_grad()
        loss.backward()
        own.append(ref.weight.grad.item())
        optimizer.step()
    assert grads[1] == pytest.approx(own[0] + own[1], rel=1e-6)
    assert live("mistake_two") == f"{f4(own[0])} + ({f4(own[1])}) = {f4(grads[1])}"


def test_accumulating_quarter_batches():
    x, y, model = start()
    nn.MSELoss()(model(x), y).backward()
    full = model.weight.grad.clone()
    model.weight.grad = None
    for k in range(4):
        (nn.MSELoss()(model(x[25 * k : 25 * k + 25]), y[25 * k : 25 * k + 25]) / 4).backward()
    gap = (model.weight.grad - full).abs().max().item()
    assert gap < 1e-6 and float(live("accumulate")) < 1e-6


# ------------------------------------------------------------- lesson 11
def test_the_loop_by_hand_is_sgd_bit_for_bit():
    sgd, _, _, _ = reference_run(steps=100)
    x, y, model = start()
    for _ in range(100):
        loss = nn.MSELoss()(model(x), y)
        for p in model.parameters():
            p.grad = None
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= 0.1 * p.grad
    assert torch.equal(model.weight, sgd.weight) and torch.equal(model.bias, sgd.bias)
    assert live("hand_loop").endswith("**True**")
    assert f"w = {sgd.weight.item():.7f}" in live("hand_loop")


def test_first_step_arithmetic():
    x, y, model, _ = after_first_backward()
    before, grad = model.weight.item(), model.weight.grad.item()
    optim.SGD(model.parameters(), lr=0.1).step()
    assert live("first_step") == f"w: {f4(before)} − 0.1 × ({f4(grad)}) = {f4(model.weight.item())}"
    assert model.weight.item() - before == pytest.approx(0.48, abs=0.01)  # "almost 0.5"


# ------------------------------------------------------------- lesson 12
def test_the_stable_limit_is_two_over_the_largest_curvature():
    x, y, _ = start()

    def mse(params):
        return ((params[0] * x + params[1] - y) ** 2).mean()

    # The Hessian by autograd, independently of the closed form the lesson states.
    hessian = torch.autograd.functional.hessian(mse, torch.tensor([0.3, -0.2]))
    closed = 2 * torch.tensor([[(x * x).mean(), x.mean()], [x.mean(), 1.0]])
    assert torch.allclose(hessian, closed, atol=1e-5)
    low, high = torch.linalg.eigvalsh(hessian.double()).tolist()
    assert live("max_stable_lr") == f"{2 / high:.3f}" == "0.934"
    assert f"λmax = {f4(high)}" in live("hessian") and f4(low) in live("hessian")
    assert live("lr_095_factor").endswith(f"= {f4(1 - 0.95 * high)}")
    assert -1.1 < 1 - 0.95 * high < -1  # just past -1: slow growth, changing sides
    # Below the limit training settles; just above, it grows.
    _, below, _, _ = reference_run(steps=300, lr=0.92)
    _, above, _, _ = reference_run(steps=300, lr=0.95)
    assert below.item() < 1e-3 < above.item()


def test_lr_table_and_lr_095():
    rows = {line.split("|")[1].strip(): line for line in live("lr_table").splitlines()[2:]}
    for lr in (0.001, 0.01, 0.1, 0.5, 0.9, 1.0):
        model, loss, _, _ = reference_run(steps=100, lr=lr)
        assert f"| {loss.item():.3g} |" in rows[repr(lr)]
    torch.manual_seed(0)
    x = torch.randn(100, 1)
    y = 2 * x + 1
    model = nn.Linear(1, 1)
    optimizer = optim.SGD(model.parameters(), lr=1.5)
    diverged_at = None
    for update in range(1, 101):
        loss = nn.MSELoss()(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if not math.isfinite(loss.item()):
            diverged_at = update
            break
    assert diverged_at is not None
    assert f"{loss.item()} at update {diverged_at}" in rows["1.5"]

    losses = [reference_run(steps=n, lr=0.95)[1].item() for n in (1, 2, 3, 4, 100)]
    assert losses[0] < losses[1] < losses[2] < losses[3] < losses[4] < 1e4  # grows slowly
    assert live("lr_095").startswith(" → ".join(f4(v) for v in losses[:4]))
    assert f"{losses[4]:.3g} after 100 updates" in live("lr_095")


# ------------------------------------------------------------- lesson 13
def test_the_printed_losses():
    x, y, model = start()
    criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    printed = []
    for epoch in range(100):
        y_pred = model(x)
        loss = criterion(y_pred, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if (epoch + 1) % 10 == 0:
            printed.append(f"epoch {epoch + 1}: {loss.item():.6f}")
    assert live("loss_prints") == "```python\n" + "\n".join(printed) + "\n```"
    assert printed[-1] == "epoch 100: 0.000000" and loss.item() > 0  # not exactly 0


def test_the_noise_plateau():
    torch.manual_seed(0)
    x = torch.randn(100, 1)
    noise = 0.5 * torch.randn(100, 1)
    y = 2 * x + 1 + noise
    design = torch.cat([x, torch.ones(100, 1)], dim=1).double()
    best = torch.linalg.lstsq(design, y.double()).solution
    plateau = ((design @ best - y.double()) ** 2).mean().item()
    assert live("noise_plateau") == f"{plateau:.3f}" == "0.209"
    assert live("noise_mean_square") == f"{(noise.double() ** 2).mean().item():.3f}"
    assert plateau < (noise.double() ** 2).mean().item() < 0.25
    _, trained, _, _ = reference_run(steps=300, noise=0.5)
    assert live("noise_trained") == f4(trained.item())
    assert abs(trained.item() - 0.2) < abs(trained.item() - 1)  # "near 0.2"
    w, b = best.flatten().tolist()
    assert live("noisy_optimum") == f"w = {f4(w)}, b = {f4(b)}"


# ------------------------------------------------------------- lesson 14
def test_trained_parameters():
    model, loss, _, _ = reference_run(steps=100)
    w, b = model.weight.item(), model.bias.item()
    assert live("trained_params") == f"w = {w:.7f}, b = {b:.7f}, loss = {loss.item():.1e}"
    model, _, _, _ = reference_run(steps=100, true_w=-3.0)
    assert live("trained_minus3") == f"w = {f4(model.weight.item())}, b = {f4(model.bias.item())}"
    assert f4(model.weight.item()) == "-3.0000"


# ------------------------------------------------------------- lesson 15
def test_the_after_training_script_resumes_bit_for_bit():
    straight, _, x, y = reference_run(steps=150)
    model, _, _, _ = reference_run(steps=100)
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    model.eval()
    with torch.no_grad():
        assert not model(torch.tensor([[4.0]])).requires_grad
    file = io.BytesIO()
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, file)
    file.seek(0)
    model = nn.Linear(1, 1)
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    state = torch.load(file, weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    assert state["optimizer"]["state"] == {}  # plain SGD keeps no state of its own
    model.train()
    for _ in range(50):
        loss = nn.MSELoss()(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    assert torch.equal(model.weight, straight.weight) and torch.equal(model.bias, straight.bias)
    assert live("resume_check") == "**True**"
    for lang in lessons.LANGUAGES:  # the script the lesson shows saves and loads both
        text = lessons.load_lesson("15-use-and-save", lang)
        for line in ('"optimizer": optimizer.state_dict()', 'state["optimizer"]', "model.train()"):
            assert line in text


class Note:
    """An object of one's own class (module level, so that it can be pickled)."""


def test_weights_only_loads_containers_and_refuses_objects():
    plain, own = io.BytesIO(), io.BytesIO()
    torch.save({"w": torch.tensor([2.0]), "lr": 0.1, "steps": [1, 2], "t": (1, None)}, plain)
    torch.save(Note(), own)
    plain.seek(0)
    own.seek(0)
    loaded = torch.load(plain, weights_only=True)
    assert loaded["lr"] == 0.1 and loaded["steps"] == [1, 2] and loaded["t"] == (1, None)
    with pytest.raises(pickle.UnpicklingError):
        torch.load(own, weights_only=True)
    shown = live("weights_only")
    assert "{'w': tensor([2.]), 'lr': 0.1, 'steps': [1, 2]}" in shown
    assert "UnpicklingError: Weights only load failed." in shown
    x, _, model = start()
    with torch.no_grad():
        inside = model(x).requires_grad
    assert (inside, model(x).requires_grad) == (False, True)
    assert live("requires_grad_no_grad") == "`False` with `no_grad()`, `True` without it"


# ------------------------------------------------------------- lesson 16
def moves(make_optimizer, updates):
    x, y, model = start()
    optimizer = make_optimizer(model.parameters())
    out = []
    for _ in range(updates):
        before = (model.weight.item(), model.bias.item())
        loss = nn.MSELoss()(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        out.append((model.weight.item() - before[0], model.bias.item() - before[1]))
    return out


def test_rmsprops_first_step_is_ten_times_lr_for_both_parameters():
    _, _, model, _ = after_first_backward()
    gw, gb = model.weight.grad.item(), model.bias.grad.item()
    assert abs(gw) > 2 * abs(gb)  # very different gradients ...
    steps = moves(lambda p: optim.RMSprop(p, lr=0.1), 2)
    alpha = optim.RMSprop([torch.zeros(1)]).defaults["alpha"]
    eps = optim.RMSprop([torch.zeros(1)]).defaults["eps"]
    assert alpha == 0.99 and eps == 1e-8 and 0.1 / math.sqrt(1 - alpha) == pytest.approx(1.0)
    (w1, b1), (w2, b2) = steps
    assert w1 == pytest.approx(1.0, abs=1e-6) and b1 == pytest.approx(
        1.0, abs=1e-6
    )  # ... same step
    shown = live("rmsprop_first")
    assert f"`w` (w.grad = {f4(gw)}) moves by 1.0000 and `b` (b.grad = {f4(gb)}) by 1.0000" in shown
    assert f"by {f4(w2)} and {f4(b2)}" in shown
    assert optim.RMSprop([torch.zeros(1)]).defaults["lr"] == 0.01


def test_adams_step_is_lr_at_first_and_at_most_about_lr_after():
    steps = moves(lambda p: optim.Adam(p, lr=0.1), 30)
    assert steps[0][0] == pytest.approx(0.1, abs=1e-7) and steps[0][1] == pytest.approx(
        0.1, abs=1e-7
    )
    assert all(abs(s) <= 0.1 + 1e-6 for pair in steps for s in pair)
    assert min(abs(b) for _, b in steps) < 0.05  # it shrinks as gradients change
    ws = ", ".join(f4(w) for w, _ in steps[:3])
    bs = ", ".join(f4(b) for _, b in steps[:3])
    assert live("adam_steps") == f"in its first three updates `w` moves by {ws} and `b` by {bs}"
    assert optim.Adam([torch.zeros(1)]).defaults["lr"] == 0.001
    # Lesson 16's answer: SGD is lower after 10 updates; Adam needs > 20 steps of
    # at most 0.1 to take w from its start to 2.
    _, sgd, _, _ = reference_run(steps=10)
    _, adam, _, _ = reference_run(steps=10, optimizer="adam")
    assert sgd.item() < adam.item()
    assert live("adam_vs_sgd") == f"SGD {f4(sgd.item())}, Adam {f4(adam.item())}"
    _, _, model = start()
    assert (2 - model.weight.item()) / 0.1 > 20


def test_torchs_momentum_matches_the_step_reading_only_while_lr_is_constant():
    """v ← μv + g, θ ← θ − lr·v against "lr·g + μ·(previous step)"."""
    grads = [torch.tensor(g) for g in (1.0, -0.5, 2.0, 0.25)]

    def torch_steps(lrs):
        p = torch.zeros(1, requires_grad=True)
        opt = optim.SGD([p], lr=lrs[0], momentum=0.9)
        out = []
        for g, lr in zip(grads, lrs, strict=True):
            opt.param_groups[0]["lr"] = lr
            before = p.item()
            p.grad = g.reshape(1).clone()
            opt.step()
            out.append(before - p.item())
        return out

    def reading(lrs):
        out, last = [], 0.0
        for g, lr in zip(grads, lrs, strict=True):
            last = lr * g.item() + 0.9 * last
            out.append(last)
        return out

    constant = [0.1] * 4
    assert torch_steps(constant) == pytest.approx(reading(constant), rel=1e-6)
    changing = [0.1, 0.1, 0.01, 0.01]
    assert torch_steps(changing) != pytest.approx(reading(changing), rel=1e-3)
