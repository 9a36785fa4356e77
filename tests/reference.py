"""The tutorial's training loop, written out independently of gradlab.

Tests compare GradLab against this, never against gradlab's own code.
"""

import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset


def reference_run(
    steps=100,
    samples=100,
    true_w=2.0,
    true_b=1.0,
    noise=0.0,
    seed=0,
    lr=0.1,
    optimizer="sgd",
    momentum=0.9,
    batch_size=0,
    loss="mse",
    model="linear",
    hidden=16,
    target="line",
    data=None,
    losses=None,
):
    """Returns (model, last loss tensor or None, x, y) after `steps` updates.
    `data`: (xs, ys), lists of Python floats: the program then builds x and y from
    them (float32, shape (N, 1), in order) instead of drawing them. `losses`: a
    list to which the loss of every update is appended (as a Python float)."""
    torch.manual_seed(seed)
    if data is not None:
        x = torch.tensor(data[0], dtype=torch.float32).reshape(-1, 1)
        y = torch.tensor(data[1], dtype=torch.float32).reshape(-1, 1)
    else:
        x = torch.randn(samples, 1)
        y = torch.sin(x) if target == "sin" else true_w * x + true_b
        if noise > 0:
            y = y + noise * torch.randn(samples, 1)
    if model == "mlp":
        net = nn.Sequential(nn.Linear(1, hidden), nn.Tanh(), nn.Linear(hidden, 1))
    else:
        net = nn.Linear(1, 1)
    criterion = {"mse": nn.MSELoss(), "l1": nn.L1Loss(), "huber": nn.HuberLoss()}[loss]
    params = net.parameters()
    opt = {
        "sgd": lambda: optim.SGD(params, lr=lr),
        "momentum": lambda: optim.SGD(params, lr=lr, momentum=momentum),
        "nesterov": lambda: optim.SGD(params, lr=lr, momentum=momentum, nesterov=True),
        "adam": lambda: optim.Adam(params, lr=lr),
        "rmsprop": lambda: optim.RMSprop(params, lr=lr),
        "adagrad": lambda: optim.Adagrad(params, lr=lr),
    }[optimizer]()
    last = None
    if batch_size == 0:
        for _epoch in range(steps):
            y_pred = net(x)
            last = criterion(y_pred, y)
            opt.zero_grad()
            last.backward()
            opt.step()
            if losses is not None:
                losses.append(last.item())
    else:
        loader = DataLoader(
            TensorDataset(x, y),
            batch_size=batch_size,
            shuffle=True,
            generator=torch.Generator().manual_seed(seed),
        )
        done = 0
        while done < steps:
            for xb, yb in loader:
                y_pred = net(xb)
                last = criterion(y_pred, yb)
                opt.zero_grad()
                last.backward()
                opt.step()
                if losses is not None:
                    losses.append(last.item())
                done += 1
                if done == steps:
                    break
    return net, last, x, y


def assert_same_parameters(model_a, model_b):
    pa, pb = dict(model_a.named_parameters()), dict(model_b.named_parameters())
    assert pa.keys() == pb.keys()
    for name in pa:
        assert torch.equal(pa[name].detach(), pb[name].detach()), name


class ReferenceSession:
    """The tutorial's script driven one line at a time, with the app's user
    actions (mistake mode, lr change, step back, save/load) written out with plain
    torch: the independent model the UI stress test compares the window with."""

    PHASES = ("forward", "loss", "zero_grad", "backward", "step")

    def __init__(self, samples=100, seed=0, noise=0.0, lr=0.1, optimizer="sgd"):
        import copy as _copy

        self._copy = _copy
        self.settings = dict(samples=samples, seed=seed, noise=noise, lr=lr, optimizer=optimizer)
        torch.manual_seed(seed)
        self.x = torch.randn(samples, 1)
        self.y = 2.0 * self.x + 1.0
        if noise > 0:
            self.y = self.y + noise * torch.randn(samples, 1)
        self.model = nn.Linear(1, 1)
        self.criterion = nn.MSELoss()
        params = self.model.parameters()
        self.optimizer = {
            "sgd": lambda: optim.SGD(params, lr=lr),
            "momentum": lambda: optim.SGD(params, lr=lr, momentum=0.9),
            "adam": lambda: optim.Adam(params, lr=lr),
        }[optimizer]()
        self.y_pred = self.loss = None
        self.freed = False
        self.last = None
        self.skip = False
        self.steps = 0
        self.saved_states = {0: self._state()}

    # -- what the app would show
    def values(self):
        w, b = self.model.weight, self.model.bias
        return {
            "step": self.steps,
            "w": w.item(),
            "b": b.item(),
            "w_grad": None if w.grad is None else w.grad.item(),
            "b_grad": None if b.grad is None else b.grad.item(),
            "loss": None if self.loss is None else self.loss.item(),
        }

    # -- the five lines
    def phase(self, name):
        """Run one line; False where the app refuses it (and nothing changes)."""
        if name == "forward":
            self.y_pred = self.model(self.x)
        elif name == "loss":
            if self.y_pred is None:
                return False
            self.loss = self.criterion(self.y_pred, self.y)
            self.freed = False
        elif name == "zero_grad":
            self.optimizer.zero_grad()
        elif name == "backward":
            if self.loss is None:
                return False
            try:
                self.loss.backward()
            except RuntimeError:
                return False
            self.freed = True
        elif name == "step":
            self.optimizer.step()
            self.steps += 1
            self.saved_states[self.steps] = self._state()
        self.last = name
        return True

    def next_phase(self):
        if self.last in (None, "step"):
            return "forward"
        nxt = self.PHASES[self.PHASES.index(self.last) + 1]
        if nxt == "zero_grad" and self.skip:
            nxt = "backward"
        if nxt == "backward" and (self.loss is None or self.freed):
            return "forward"
        return nxt

    def full_update(self):
        """The rest of the update, line by line; like the app, it stops at a line
        that fails (a freed graph), keeping what the lines before it did."""
        if not self.phase(self.next_phase()):
            return False
        while self.last != "step":
            if not self.phase(self.next_phase()):
                return False
        return True

    def updates(self, n):
        for _ in range(n):
            self.full_update()

    # -- settings
    def set_lr(self, lr):
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        self.settings["lr"] = lr
        self.saved_states[self.steps] = self._state()

    def set_skip(self, on):
        self.skip = on
        self.saved_states[self.steps] = self._state()

    # -- step back, save, load
    def _state(self):
        return {
            "model": self._copy.deepcopy(self.model.state_dict()),
            "optimizer": self._copy.deepcopy(self.optimizer.state_dict()),
            "grads": [None if p.grad is None else p.grad.clone() for p in self.model.parameters()],
            "steps": self.steps,
            "skip": self.skip,
            "lr": self.settings["lr"],
        }

    def restore(self, state):
        self.model.load_state_dict(state["model"])
        self.optimizer.load_state_dict(self._copy.deepcopy(state["optimizer"]))
        for p, g in zip(self.model.parameters(), state["grads"], strict=True):
            p.grad = None if g is None else g.clone()
        self.steps = state["steps"]
        self.skip = state["skip"]
        self.settings["lr"] = state["lr"]
        self.y_pred = self.loss = None
        self.freed = False
        self.last = "step" if self.steps else None
        self.saved_states = {k: v for k, v in self.saved_states.items() if k <= self.steps}

    def step_back(self, n):
        mid = self.last not in (None, "step")
        target = self.steps - (n - 1 if mid else n)
        self.restore(self.saved_states[target])

    def save(self):
        return self._state()
