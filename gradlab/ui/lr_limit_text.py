"""The learning-rate limit beside the lr field: a short line and a tooltip that
say where a limit holds, what it is for this experiment, and why there is none
elsewhere (the numbers come from core.landscape.lr_limit, computed with torch
on the session's own data)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gradlab.core.lr_limits import LIMIT_EXACT, LIMIT_GUIDE  # torch-free: nothing loads at start
from gradlab.ui.update_text import optimizer_name

translate = QCoreApplication.translate

FORMULAS = {
    "sgd": "2/λmax",
    "momentum": "2(1+μ)/λmax",
    "nesterov": "2(1+μ)/((1+2μ)·λmax)",
}


def limit_line(limit, optimizer: str) -> str:
    """One short line under the lr field ("" where nothing needs saying)."""
    if limit is None or limit.rule == "model":
        return ""
    if limit.kind == LIMIT_EXACT:
        # A word joiner after each "/": a narrow field must not break the formula.
        return translate("Controls", "stable below {value} ({formula})").format(
            value=f"{limit.value:.3g}", formula=FORMULAS[limit.rule].replace("/", "/\u2060")
        )
    if limit.kind == LIMIT_GUIDE:
        return translate("Controls", "about {value} (only a guide with mini-batches)").format(
            value=f"{limit.value:.3g}"
        )
    if limit.rule == "adaptive":
        return translate("Controls", "no fixed limit ({name} sizes its own steps)").format(
            name=optimizer_name(optimizer)
        )
    return translate("Controls", "no fixed limit (this loss's slope is capped)")


def limit_tooltip(limit, optimizer: str) -> str:
    """Why the line says what it says, with this experiment's numbers."""
    if limit is None or limit.rule == "model":
        return ""
    if limit.kind in (LIMIT_EXACT, LIMIT_GUIDE):
        text = translate(
            "Controls",
            "The loss of the linear model is a bowl. λmax = {lam} is the largest eigenvalue "
            "of its Hessian 2·[[E x², E x], [E x, 1]]: the curvature along the bowl's most "
            "sharply curved direction. Full-batch {name} on this data converges only for lr "
            "below {value} ({formula}); above it every step overshoots more than the last "
            "and training diverges.",
        ).format(
            lam=f"{limit.lam_max:.4g}",
            name=optimizer_name(optimizer),
            formula=FORMULAS[limit.rule]
            + ("" if limit.momentum is None else f", μ = {limit.momentum:g}"),
            value=f"{limit.value:.4g}",
        )
        if limit.kind == LIMIT_GUIDE:
            text += "\n" + translate(
                "Controls",
                "With mini-batches each batch's bowl has its own curvature, so this limit, "
                "computed from all the data, is only a guide: a little below it some "
                "batches may still overshoot.",
            )
        return text
    if limit.rule == "adaptive":
        return translate(
            "Controls",
            "Adam, RMSprop and Adagrad divide each step by the size of recent gradients, so "
            "no lr makes the steps grow without end as with SGD on MSE. Too large an lr still "
            "makes the parameters jump around the answer.",
        )
    return translate(
        "Controls",
        "L1 and Huber grow only linearly for large errors, so their gradient is bounded: "
        "even a huge lr moves the parameters by a bounded amount each step. They bounce "
        "instead of exploding, so there is no limit like SGD's 2/λmax on MSE.",
    )


def above_exact_limit(limit, lr: float) -> bool:
    """Whether lr is at or above a limit that holds exactly (training will diverge)."""
    return limit is not None and limit.kind == LIMIT_EXACT and lr >= limit.value
