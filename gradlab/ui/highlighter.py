"""Python syntax colouring for the code panels, with the quantities' colours.

Keywords, strings, numbers and comments get the usual styles; the script's names
get the colour of the quantity they hold everywhere else in the app (DESIGN §4):
`model`, `y_pred` and `.weight` blue, `.bias` orange, `criterion` and `loss`
purple, `optimizer` and everything gradient red, the data `x`, `y` grey.
"""

from __future__ import annotations

import keyword
import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

IN_DOCSTRING = 1  # block state: the block ends inside a triple-quoted string

_TOKEN = re.compile(
    r'(?P<comment>#.*)|(?P<triple>""")'
    r'|(?P<string>"[^"\\]*(?:\\.[^"\\]*)*"|\'[^\'\\]*(?:\\.[^\'\\]*)*\')'
    r"|(?P<number>\b\d+(?:\.\d*)?(?:[eE][-+]?\d+)?\b)"
    r"|(?P<attr>\.[A-Za-z_]\w*)|(?P<name>[A-Za-z_]\w*)"
)

# name -> the Colours field of its quantity
NAMES = {
    "model": "weight",
    "y_pred": "weight",
    "criterion": "loss",
    "loss": "loss",
    "optimizer": "grad",
    "x": "data",
    "y": "data",
    "xb": "data",
    "yb": "data",
    "x_test": "data",
}
ATTRIBUTES = {
    ".weight": "weight",
    ".bias": "bias",
    ".grad": "grad",
    ".backward": "grad",
    ".zero_grad": "grad",
}

# Syntax colours that are not quantities: (light, dark).
_SYNTAX = {
    "string": ("#8a6100", "#d7ba7d"),
    "number": ("#00796b", "#4ec9b0"),
    "comment": ("#5f6b76", "#8b949e"),
}


def _is_dark(colours) -> bool:
    return QColor(colours.background).lightness() < 128


class PythonHighlighter(QSyntaxHighlighter):
    def __init__(self, document, colours):
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self.set_colours(colours, rehighlight=False)

    def set_colours(self, colours, rehighlight: bool = True) -> None:
        dark = _is_dark(colours)

        def fmt(colour: str, bold: bool = False) -> QTextCharFormat:
            f = QTextCharFormat()
            f.setForeground(QColor(colour))
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            return f

        syntax = {k: v[1] if dark else v[0] for k, v in _SYNTAX.items()}
        self._formats = {
            "keyword": fmt(colours.foreground, bold=True),
            "string": fmt(syntax["string"]),
            "number": fmt(syntax["number"]),
            # Not italic: Qt leaves a gap in a full-width line highlight after
            # italic text, which the code view's current line would show.
            "comment": fmt(syntax["comment"]),
            "weight": fmt(colours.weight, bold=True),
            "bias": fmt(colours.bias, bold=True),
            "loss": fmt(colours.loss, bold=True),
            "grad": fmt(colours.grad, bold=True),
            "data": fmt(colours.data, bold=True),
        }
        if rehighlight:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        # Positions: our scripts hold only BMP characters, where Python's string
        # indices equal Qt's UTF-16 ones.
        f = self._formats
        start = 0
        self.setCurrentBlockState(0)
        if self.previousBlockState() == IN_DOCSTRING:
            end = text.find('"""')
            if end < 0:
                self.setFormat(0, len(text), f["string"])
                self.setCurrentBlockState(IN_DOCSTRING)
                return
            self.setFormat(0, end + 3, f["string"])
            start = end + 3
        pos = start
        while True:
            m = _TOKEN.search(text, pos)
            if m is None:
                return
            kind, a, b = m.lastgroup, m.start(), m.end()
            pos = b
            if kind == "triple":
                end = text.find('"""', b)
                if end < 0:
                    self.setFormat(a, len(text) - a, f["string"])
                    self.setCurrentBlockState(IN_DOCSTRING)
                    return
                self.setFormat(a, end + 3 - a, f["string"])
                pos = end + 3
            elif kind in ("comment", "string", "number"):
                self.setFormat(a, b - a, f[kind])
            elif kind == "attr":
                quantity = ATTRIBUTES.get(m.group())
                if quantity:
                    self.setFormat(a + 1, b - a - 1, f[quantity])
            else:
                word = m.group()
                if word in NAMES:
                    self.setFormat(a, b - a, f[NAMES[word]])
                elif keyword.iskeyword(word):
                    self.setFormat(a, b - a, f["keyword"])
