"""The maths beside autograd: the gradient worked out by hand next to `.grad`, and
what optimizer.step() would do, with the numbers filled in.

The worker computes `gradlab.core.maths.explain(session)` after every command and
publishes it as `Updates.maths` (a frozen MathsInfo of floats and strings),
which arrives through the controller's `mathsChanged`; this panel only formats
it. It renders when a new one arrives and the
panel is visible, never per frame of a run.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from gradlab.core import maths
from gradlab.ui.texts import format_value

translate = QCoreApplication.translate

OPTIMIZER_NAMES = {
    "sgd": "SGD",
    "momentum": "SGD + momentum",
    "nesterov": "SGD + Nesterov momentum",
    "adam": "Adam",
    "rmsprop": "RMSprop",
    "adagrad": "Adagrad",
}


class MathsPanel(QWidget):
    def __init__(self, controller, colours, parent=None):
        super().__init__(parent)
        self.setObjectName("mathsPanel")
        self.controller = controller
        self._colours = colours
        self._info: maths.MathsInfo | None = None
        self._dirty = True
        self.view = QTextBrowser(self)
        self.view.setObjectName("mathsView")
        self.view.setOpenLinks(False)
        self.view.setToolTip(
            translate(
                "MathsPanel",
                "The formulas from the lesson with this moment's numbers, next to what "
                "autograd and the optimizer really computed. Nothing here is needed to "
                "train: it shows that backward() and step() do plain arithmetic.",
            )
        )
        self.view.setAccessibleName(translate("MathsPanel", "Maths beside autograd"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.view)
        controller.mathsChanged.connect(self._on_maths)
        self._info = controller.maths
        self._render()

    # ---------------------------------------------------------------- public
    @property
    def info(self) -> maths.MathsInfo | None:
        return self._info

    def apply_colours(self, colours) -> None:
        self._colours = colours
        self._render()

    def text(self) -> str:
        """What the panel shows, as plain text (tests, accessibility)."""
        return self.view.toPlainText()

    # ------------------------------------------------------------- reacting
    @Slot(object)
    def _on_maths(self, info: maths.MathsInfo) -> None:
        if info is None or info == self._info:
            return
        self._info = info
        self._dirty = True
        if self.isVisible():
            self._render()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self._render()

    def _render(self) -> None:
        self._dirty = False
        info = self._info
        if info is None:
            self.view.setHtml(
                _p(
                    translate(
                        "MathsPanel",
                        "Run a phase (F10) to see the gradient worked out by hand next to "
                        "autograd's, and the optimizer's update with its numbers.",
                    )
                )
            )
            return
        bar = self.view.verticalScrollBar()
        top = bar.value()
        self.view.setHtml(self._gradient_html(info) + self._update_html(info))
        bar.setValue(top)

    # ------------------------------------------------------------- sections
    def _colour(self, symbol: str) -> str:
        c = self._colours
        return {"w": c.weight, "b": c.bias}.get(symbol, c.foreground)

    def _gradient_html(self, info: maths.MathsInfo) -> str:
        c = self._colours
        out = [_h(translate("MathsPanel", "The gradient by hand, and by autograd"), c.grad)]
        out.append(_p(html.escape(_gradient_status_text(info))))
        if not info.gradients:
            return "".join(out)
        # The comparison first: that is the point. Then how the hand values come about.
        head = (
            translate("MathsPanel", "by hand"),
            translate("MathsPanel", "autograd .grad"),
            translate("MathsPanel", "difference"),
        )
        rows = [
            "<tr><td></td>" + "".join(f"<td><i>{html.escape(h)}</i></td>" for h in head) + "</tr>"
        ]
        for check in info.gradients:
            diff = "—" if check.difference is None else _small(check.difference)
            cells = (format_value(check.by_hand.result), format_value(check.autograd), diff)
            rows.append(
                f"<tr><td>{_span(check.by_hand.lhs, self._colour(check.symbol))}</td>"
                + "".join(f"<td>{_mono(v)}</td>" for v in cells)
                + "</tr>"
            )
        out.append(
            '<table cellspacing="0" cellpadding="3" style="margin-left:6px">'
            + "".join(rows)
            + "</table>"
        )
        if any(check.difference is not None for check in info.gradients):
            out.append(
                _p(
                    html.escape(
                        translate(
                            "MathsPanel",
                            "Differences this small are rounding: PyTorch works in float32 "
                            "(about 7 digits) and adds in another order.",
                        )
                    ),
                    indent=True,
                )
            )
        out.append(_p(html.escape(translate("MathsPanel", "By hand, with this moment's numbers:"))))
        if info.loss is not None:
            out.append(_equation(info.loss, c.loss))
        for check in info.gradients:
            out.append(_equation(check.by_hand, self._colour(check.symbol)))
        return "".join(out)

    def _update_html(self, info: maths.MathsInfo) -> str:
        c = self._colours
        name = OPTIMIZER_NAMES.get(info.optimizer, info.optimizer)
        out = [
            _h(
                translate("MathsPanel", "If optimizer.step() ran now ({optimizer}, lr = {lr})")
                .format(optimizer=name, lr=f"{info.lr:g}"),
                c.weight,
            )
        ]  # fmt: skip
        status = info.update_status
        if status == maths.UPDATE_NO_GRAD:
            out.append(
                _p(
                    html.escape(
                        translate(
                            "MathsPanel",
                            "Every .grad is None, so step() would change nothing. Run "
                            "backward() first.",
                        )
                    )
                )
            )
        elif status == maths.UPDATE_MODEL:
            out.append(
                _p(
                    translate(
                        "MathsPanel",
                        "Not worked out for the small network: it has too many parameters. "
                        "Choose the linear model to see every number.",
                    )
                )
            )
        elif status == maths.UPDATE_UNSUPPORTED:
            out.append(_p(translate("MathsPanel", "Not worked out for these optimizer settings.")))
        for update in info.updates:
            colour = self._colour(update.symbol)
            if update.grad is None:
                out.append(
                    _p(
                        translate(
                            "MathsPanel", "{p}.grad is None: step() leaves {p} as it is."
                        ).format(p=_span(update.symbol, colour))
                    )
                )
                continue
            if len(update.equations) > 1:  # several steps per parameter: say whose they are
                out.append(
                    _p(
                        translate("MathsPanel", "For {p} ({name}):").format(
                            p=_span(update.symbol, colour), name=html.escape(update.name)
                        )
                    )
                )
            for eq in update.equations:
                out.append(_equation(eq, colour if eq.lhs == update.symbol else c.foreground))
        if info.updates and info.optimizer == "adam":
            out.append(
                _p(
                    translate(
                        "MathsPanel",
                        "m and v are Adam's running averages (optimizer.state), t counts its "
                        "steps; dividing by 1 − βᵗ corrects their start at zero.",
                    )
                )
            )
        elif info.updates and info.optimizer in ("momentum", "nesterov"):
            out.append(
                _p(
                    translate(
                        "MathsPanel",
                        "v is the velocity kept in optimizer.state (momentum_buffer); μ is "
                        "the momentum.",
                    )
                )
            )
        return "".join(out)


def _gradient_status_text(info: maths.MathsInfo) -> str:
    s = info.gradient_status
    if s == maths.GRAD_OK:
        return translate(
            "MathsPanel",
            "backward() ran once on this loss, so .grad holds exactly this gradient. "
            "N = {n} samples.",
        ).format(n=info.n)
    if s == maths.GRAD_PENDING:
        if any(g.autograd is not None for g in info.gradients):
            return translate(
                "MathsPanel",
                "backward() has not run on this loss yet. .grad still holds an older "
                "gradient; backward() will add this one to it unless zero_grad() runs first.",
            )
        return translate(
            "MathsPanel",
            "backward() has not run on this loss yet: it will put these values into .grad.",
        )
    if s == maths.GRAD_ACCUMULATED:
        return translate(
            "MathsPanel",
            ".grad is the sum of {count} backward() calls, because zero_grad() did not run "
            "between them. It differs from this one gradient on purpose: that is the mistake.",
        ).format(count=info.backwards)
    if s == maths.GRAD_CLEARED:
        return translate(
            "MathsPanel",
            "zero_grad() set .grad to None after backward(). The formula still shows what "
            "backward() had computed.",
        )
    if s == maths.GRAD_NO_LOSS:
        return translate(
            "MathsPanel",
            "There is no loss yet: run model(x) and the loss to see its gradient by hand.",
        )
    if s == maths.GRAD_STALE:
        return translate(
            "MathsPanel",
            "model(x) ran again after the loss was computed: compute the loss again to see "
            "its gradient.",
        )
    if s == maths.GRAD_BATCH_GONE:
        return translate(
            "MathsPanel",
            "step() finished this update and let its mini-batch go, so its sums cannot be "
            "shown. Run model(x) to start on the next mini-batch.",
        )
    return translate(
        "MathsPanel",
        "Not worked out for the small network: its gradients have hundreds of terms. "
        "Choose the linear model to see them.",
    )


# ------------------------------------------------------------------ formatting
def _num(value) -> str:
    if isinstance(value, int):
        return str(value)
    return format_value(value)


def _small(value: float) -> str:
    return "0" if value == 0 else f"{value:.1e}"


def _numbers(eq: maths.Equation) -> str:
    """The template with its values; negatives in brackets unless they lead."""
    parts = []
    for i, v in enumerate(eq.values):
        text = _num(v)
        leading = eq.numbers.startswith("{" + str(i) + "}")
        parts.append(f"({text})" if v < 0 and not leading else text)
    return eq.numbers.format(*parts)


def _equation(eq: maths.Equation, colour: str) -> str:
    lhs = _span(eq.lhs, colour)
    first = f"{lhs} = {html.escape(eq.formula)}"
    if eq.lhs in ("w", "b", "v", "m", "s", "G", "d"):  # an assignment, as in the code
        first = f"{lhs} ← {html.escape(eq.formula)}"
    second = f"= {html.escape(_numbers(eq))} = <b>{html.escape(_num(eq.result))}</b>"
    return (
        '<p style="margin:2px 0 2px 8px; font-family:monospace; white-space:pre-wrap">'
        f"{first}<br>&nbsp;&nbsp;{second}</p>"
    )


def _span(text: str, colour: str) -> str:
    return f'<b style="color:{colour}">{html.escape(text)}</b>'


def _mono(text: str) -> str:
    return f'<span style="font-family:monospace">{html.escape(text)}</span>'


def _h(text: str, colour: str) -> str:
    return f'<p style="margin:8px 0 2px 0"><b style="color:{colour}">{html.escape(text)}</b></p>'


def _p(text: str, indent: bool = False) -> str:
    margin = "0 0 4px 8px" if indent else "2px 0 4px 0"
    return f'<p style="margin:{margin}">{text}</p>'
