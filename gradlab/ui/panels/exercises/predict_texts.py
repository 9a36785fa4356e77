"""How a judged prediction is written out: the table of guesses beside torch's
values, the slip each guess matches (core/predict.py's codes), and the rule
core.maths writes out with this moment's numbers."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from gradlab.core import predict
from gradlab.ui.formatting import format_value
from gradlab.ui.update_text import numbers_text, optimizer_name

translate = QCoreApplication.translate


def grade_text(grade: str) -> str:
    return {
        predict.RIGHT: translate("Predict", "✓ right"),
        predict.CLOSE: translate("Predict", "close"),
        predict.OFF: translate("Predict", "✗ off"),
    }[grade]


def reason_text(judged: predict.Judged, call: str, optimizer: str) -> str:
    """Why a guess is off, where the numbers show it; else its error."""
    s = judged.symbol
    gradient = call == "backward"
    texts = {
        "accumulated": translate(
            "Predict",
            "{s}: that is the new gradient alone. Without zero_grad() in between, backward() "
            "adds it to the old .grad: PyTorch holds the old one plus the new one.",
        ),
        "old_gradient": translate(
            "Predict",
            "{s}: that is the gradient of the last update. backward() computes it anew from "
            "this loss.",
        )
        if gradient
        else translate(
            "Predict",
            "{s}: you stepped with the last update's gradient; step() uses .grad as it is now.",
        ),
        "factor_2": translate(
            "Predict",
            "{s}: half the true value: you left out the factor 2 of MSE (the derivative of "
            "(ŷ − y)² is 2·(ŷ − y)).",
        ),
        "sign": translate(
            "Predict", "{s}: the right size with the wrong sign. Check the sign of (ŷ − y)."
        )
        if gradient
        else translate(
            "Predict",
            "{s}: you moved along the gradient; step() moves against it (θ − lr·θ.grad).",
        ),
        "mean": translate(
            "Predict",
            "{s}: N times too large: the loss takes the mean over the N samples (1/N), not the sum.",
        ),
        "no_lr": translate(
            "Predict", "{s}: you stepped by the whole gradient; step() multiplies it by lr first."
        ),
        "not_moved": translate("Predict", "{s}: step() does change it: its .grad was not None."),
        "plain_sgd": translate(
            "Predict",
            "{s}: that is plain SGD's step, θ − lr·θ.grad; {optimizer} follows its "
            "own rule (below).",
        ),  # fmt: skip
        "no_grad": translate("Predict", "{s}: its .grad was None, so step() left it as it was."),
    }
    if judged.reason in texts:
        return texts[judged.reason].format(s=s, optimizer=optimizer_name(optimizer))
    return translate("Predict", "{s}: off by {error}. Compare your working with the rule below.").format(
        s=s, error=format_value(abs(judged.error))
    )  # fmt: skip


def result_html(call: str, optimizer: str, judged, rules: list[str], colours) -> str:
    """The result of one prediction as rich text (every piece escaped)."""
    head = (
        translate("Predict", "loss.backward() ran. Your guess beside PyTorch's values:")
        if call == "backward"
        else translate("Predict", "optimizer.step() ran. Your guess beside PyTorch's values:")
    )
    cells = "".join(
        f"<th align='left'>{html.escape(t)}&nbsp;&nbsp;</th>"
        for t in (
            "",
            translate("Predict", "your guess"),
            translate("Predict", "PyTorch"),
            translate("Predict", "off by"),
            "",
        )
    )
    rows = [f"<tr>{cells}</tr>"]
    for j in judged:
        colour = colours.changed if j.grade == predict.RIGHT else colours.grad
        if j.grade == predict.CLOSE:
            colour = colours.foreground
        off = format_value(abs(j.error))
        if j.truth != 0:
            percent = abs(j.error) / abs(j.truth) * 100
            off += f" ({percent:.0f} %)" if percent >= 10 else f" ({percent:.2g} %)"
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{html.escape(t)}&nbsp;&nbsp;</td>"
                for t in (j.symbol, format_value(j.guess), format_value(j.truth), off)
            )
            + f"<td><b style='color:{colour}'>{html.escape(grade_text(j.grade))}</b></td></tr>"
        )
    reasons = [reason_text(j, call, optimizer) for j in judged if j.grade != predict.RIGHT]
    parts = [f"<p>{html.escape(head)}</p>", "<table>" + "".join(rows) + "</table>"]
    if not reasons:
        parts.append("<p>" + html.escape(translate("Predict", "Every guess is right.")) + "</p>")
    parts += [f"<p>{html.escape(r)}</p>" for r in reasons]
    if rules:
        title = translate(
            "Predict", "The rule with this moment's numbers, worked out as in the Maths panel:"
        )
        lines = "<br>".join(html.escape(r) for r in rules)
        parts.append(f"<p>{html.escape(title)}<br><tt>{lines}</tt></p>")
    return "".join(parts)


def gradient_rule(check, before: float | None, truth: float) -> str:
    """∂L/∂w written out by hand (core.maths), and what backward() added it to."""
    eq = check.by_hand
    text = f"{eq.lhs} = {eq.formula} = {numbers_text(eq)} = {format_value(eq.result)}"
    if before is not None:
        text += "; " + translate(
            "Predict", "backward() added it to the old .grad: {old} + {new} → PyTorch {truth}"
        ).format(old=format_value(before), new=format_value(eq.result), truth=format_value(truth))
    return text
