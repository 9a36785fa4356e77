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
):
    """Returns (model, last loss tensor or None, x, y) after `steps` updates."""
    torch.manual_seed(seed)
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
                done += 1
                if done == steps:
                    break
    return net, last, x, y


def assert_same_parameters(model_a, model_b):
    pa, pb = dict(model_a.named_parameters()), dict(model_b.named_parameters())
    assert pa.keys() == pb.keys()
    for name in pa:
        assert torch.equal(pa[name].detach(), pb[name].detach()), name
