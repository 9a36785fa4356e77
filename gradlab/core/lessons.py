"""The lessons: Markdown files shipped in the package, one folder per language.

Lessons live in `gradlab/assets/lessons/<language>/NN-slug.md`; every language has
the same slugs. A lesson's title is its first `# ` heading. Lessons may contain
live values written `{{live:NAME}}`: NAME must be one of the fixed functions in
`LIVE`, which compute the value with torch right now. Nothing in a lesson file is
ever evaluated: an unknown name renders as a visible marker, never as code.

torch is imported only inside the live functions, so listing and loading lessons
costs nothing; `render(..., live=False)` shows "…" instead of every live value
(the GUI does that until its worker has imported torch).

The live functions never draw from torch's global random generator (they seed
their own torch.Generator): the training worker seeds that one in another thread,
and a draw from here in between would change its data.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

LANGUAGES = ("en", "zh_CN")
DEFAULT_LANGUAGE = "en"
PENDING = "…"  # shown for a live value until torch is loaded

PLACEHOLDER_RE = re.compile(r"\{\{\s*live:([^{}]*?)\s*\}\}")
TRY_LINK_RE = re.compile(r"\]\(\s*gradlab:try/([^)\s]*)\s*\)")
LESSON_FILE_RE = re.compile(r"^(\d{2})-([a-z0-9-]+)\.md$")
_SAFE_NAME_RE = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class LessonInfo:
    slug: str  # "05-mse-loss": the file name without .md, the same in every language
    number: int
    title: str  # the first "# " heading, without the "# "
    language: str


# ---------------------------------------------------------------- languages
def normalize_language(lang: str | None) -> str:
    """'zh_CN' for any Chinese locale name (zh, zh_CN, zh-Hans, zh_TW...), else 'en'."""
    if lang and str(lang).replace("-", "_").lower().startswith("zh"):
        return "zh_CN"
    return DEFAULT_LANGUAGE


# ------------------------------------------------------------------- files
def _folder(lang: str):
    return resources.files("gradlab").joinpath("assets", "lessons", normalize_language(lang))


def list_lessons(lang: str) -> list[LessonInfo]:
    """The lessons of a language, in order (by their number)."""
    lang = normalize_language(lang)
    folder = _folder(lang)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = LESSON_FILE_RE.match(entry.name)
        if match and entry.is_file():
            text = entry.read_text(encoding="utf-8")
            slug = entry.name[: -len(".md")]
            found.append(LessonInfo(slug, int(match.group(1)), title_of(text, slug), lang))
    return sorted(found, key=lambda info: (info.number, info.slug))


def load_lesson(slug: str, lang: str) -> str:
    """The Markdown source of one lesson. KeyError for a slug that is not a lesson."""
    if not LESSON_FILE_RE.match(slug + ".md"):
        raise KeyError(slug)
    entry = _folder(lang).joinpath(slug + ".md")
    if not entry.is_file():
        raise KeyError(slug)
    return entry.read_text(encoding="utf-8")


def title_of(markdown: str, default: str = "") -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return default


def try_links(markdown: str) -> list[str]:
    """The try-it names linked from a lesson, in order of appearance."""
    return TRY_LINK_RE.findall(markdown)


def placeholders(markdown: str) -> list[str]:
    """The live-value names a lesson uses, in order of appearance."""
    return [m.strip() for m in PLACEHOLDER_RE.findall(markdown)]


# --------------------------------------------------------------- rendering
def render(markdown: str, lang: str, live: bool = True) -> str:
    """The lesson with every `{{live:NAME}}` replaced by its value (or by "…" when
    `live` is false). One pass: a value's text is never scanned again."""
    lang = normalize_language(lang)

    def replace(match: re.Match) -> str:
        name = match.group(1).strip()
        if name not in LIVE:
            return _unknown_marker(name, lang)
        if not live:
            return PENDING
        return live_value(name, lang)

    return PLACEHOLDER_RE.sub(replace, markdown)


def render_lesson(slug: str, lang: str, live: bool = True) -> str:
    return render(load_lesson(slug, lang), lang, live)


def live_value(name: str, lang: str) -> str:
    """The Markdown text of one live value; a visible marker if it is unknown or
    its computation failed (a lesson never crashes the app)."""
    lang = normalize_language(lang)
    if name not in LIVE:
        return _unknown_marker(name, lang)
    return _computed(name, lang)


def _computed(name: str, lang: str) -> str:
    # Every value is deterministic (fixed seeds, fixed inputs): compute it once.
    key = (name, lang)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    try:
        value = LIVE[name](lang)
    except Exception as exc:  # noqa: BLE001 - shown to the reader instead (and kept)
        word = "无法计算" if lang == "zh_CN" else "could not compute"
        value = f"**⚠ {word} `{name}`: {type(exc).__name__}**"
    with _cache_lock:
        return _cache.setdefault(key, value)


def pending_live(markdown: str, lang: str) -> list[str]:
    """The known live values of a lesson not computed yet (rendering them costs
    time; everything else renders instantly)."""
    lang = normalize_language(lang)
    with _cache_lock:
        names = [n for n in placeholders(markdown) if n in LIVE and (n, lang) not in _cache]
    return list(dict.fromkeys(names))


_cache: dict[tuple[str, str], str] = {}
_cache_lock = threading.Lock()


def _unknown_marker(name: str, lang: str) -> str:
    shown = _SAFE_NAME_RE.sub("?", name)[:40] or "?"
    word = "未知的实时数值" if lang == "zh_CN" else "unknown live value"
    return f"**⚠ {word} `{shown}`**"


# ------------------------------------------------------------ live values
def _zh(lang: str) -> bool:
    return lang == "zh_CN"


def _default_problem():
    """x, y and the untrained nn.Linear(1, 1) of the default experiment, bit for bit
    what TrainingSession() builds (torch.manual_seed(0); x = torch.randn(100, 1);
    y = 2x + 1; model = nn.Linear(1, 1)), drawn from a private generator."""
    import torch
    import torch.nn as nn

    from gradlab.core.config import ExperimentConfig

    cfg = ExperimentConfig()
    g = torch.Generator().manual_seed(cfg.seed)
    x = torch.randn(cfg.samples, 1, generator=g)
    y = cfg.true_w * x + cfg.true_b
    # nn.Linear's own initialisation (reset_parameters), with our generator.
    model = nn.utils.skip_init(nn.Linear, 1, 1)
    with torch.no_grad():
        nn.init.kaiming_uniform_(model.weight, a=math.sqrt(5), generator=g)
        bound = 1 / math.sqrt(model.weight.shape[1])
        nn.init.uniform_(model.bias, -bound, bound, generator=g)
    return x, y, model


def _train(lr: float, updates: int):
    """The tutorial's loop on the default data; returns (model, last loss, updates
    run before the loss stopped being finite or None)."""
    import torch
    import torch.nn as nn
    import torch.optim as optim

    x, y, model = _default_problem()
    criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), lr=lr)
    loss = torch.tensor(math.nan)
    for update in range(1, updates + 1):
        y_pred = model(x)
        loss = criterion(y_pred, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if not math.isfinite(loss.item()):
            return model, loss.item(), update
    return model, loss.item(), None


def _torch_version(lang: str) -> str:
    import torch

    return torch.__version__


def _tensor_shapes(lang: str) -> str:
    import torch

    g = torch.Generator().manual_seed(0)
    rows = (
        ("a", "torch.tensor(3.0)", torch.tensor(3.0)),
        ("v", "torch.tensor([1.0, 2.0, 3.0])", torch.tensor([1.0, 2.0, 3.0])),
        ("m", "torch.tensor([[1.0, 2.0], [3.0, 4.0]])", torch.tensor([[1.0, 2.0], [3.0, 4.0]])),
        ("img", "torch.randn(3, 64, 64)", torch.randn(3, 64, 64, generator=g)),
    )
    # A console session rather than a table: code must not wrap in a narrow dock.
    lines = ["```python"]
    for name, code, t in rows:
        lines += [
            f">>> {name} = {code}",
            f">>> {name}.dim(), {name}.shape",
            f"({t.dim()}, {t.shape})",
        ]
    lines.append("```")
    return "\n".join(lines)


def _randn_sample(lang: str) -> str:
    import torch

    g = torch.Generator().manual_seed(0)
    x = torch.randn(100, 1, generator=g)
    first = x[:5].flatten()
    return "\n".join(
        [
            "```python",
            ">>> torch.manual_seed(0)",
            ">>> x = torch.randn(100, 1)",
            ">>> x.shape, x.dtype",
            f"({x.shape}, {x.dtype})",
            ">>> x[:5].flatten()",
            f"{first}",
            ">>> x.mean(), x.std()",
            f"({x.mean()!r}, {x.std()!r})",
            "```",
        ]
    )


def _linear_shapes(lang: str) -> str:
    import torch

    x, _, model = _default_problem()
    with torch.no_grad():
        out = model(x)
    names = [name for name, _ in model.named_parameters()]
    return "\n".join(
        [
            "```python",
            ">>> model = nn.Linear(1, 1)",
            ">>> model.weight.shape, model.bias.shape",
            f"({model.weight.shape}, {model.bias.shape})",
            ">>> [name for name, p in model.named_parameters()]",
            f"{names}",
            ">>> model(x).shape        # x.shape == (100, 1)",
            f"{out.shape}",
            "```",
        ]
    )


def _initial_params(lang: str) -> str:
    _, _, model = _default_problem()
    return f"w = {model.weight.item():.4f}, b = {model.bias.item():.4f}"


def _mse_example(lang: str) -> str:
    import torch
    import torch.nn as nn

    loss = nn.MSELoss()(torch.tensor([1.5, 2.5, 2.0]), torch.tensor([1.0, 2.0, 3.0]))
    return f"{loss.item():.4f}"


def _max_stable_lr(lang: str) -> str:
    from gradlab.core.landscape import max_stable_lr

    x, _, _ = _default_problem()
    return f"{max_stable_lr(x):.3f}"


def _trained_params(lang: str) -> str:
    model, loss, _ = _train(0.1, 100)
    # Seven decimals: float32 shows how close it got, and that it is not exact.
    return f"w = {model.weight.item():.7f}, b = {model.bias.item():.7f}, loss = {loss:.1e}"


def _lr_table(lang: str) -> str:
    zh = _zh(lang)
    head = (
        ("学习率 lr", "100 次更新后的损失", "w", "b")
        if zh
        else ("lr", "loss after 100 updates", "w", "b")
    )
    lines = [f"| {' | '.join(head)} |", "|---|---|---|---|"]
    for lr in (0.001, 0.01, 0.1, 0.5, 0.9, 1.0, 1.5):
        model, loss, blew_up = _train(lr, 100)
        if blew_up is not None:
            text = f"第 {blew_up} 次更新时变成 {loss}" if zh else f"{loss} at update {blew_up}"
            lines.append(f"| {lr!r} | {text} | — | — |")
        else:
            w, b = model.weight.item(), model.bias.item()
            lines.append(f"| {lr!r} | {loss:.3g} | {_short(w)} | {_short(b)} |")
    return "\n".join(lines)


def _short(value: float) -> str:
    return f"{value:.4f}" if abs(value) < 1e4 else f"{value:.3g}"


def _noisy_optimum(lang: str) -> str:
    import torch

    from gradlab.core.config import ExperimentConfig
    from gradlab.core.landscape import optimum

    cfg = ExperimentConfig(noise=0.5)
    g = torch.Generator().manual_seed(cfg.seed)
    x = torch.randn(cfg.samples, 1, generator=g)
    y = cfg.true_w * x + cfg.true_b + cfg.noise * torch.randn(cfg.samples, 1, generator=g)
    w, b = optimum(x, y)
    return f"w = {w:.4f}, b = {b:.4f}"


LIVE: dict[str, Callable[[str], str]] = {
    "torch_version": _torch_version,
    "tensor_shapes": _tensor_shapes,
    "randn_sample": _randn_sample,
    "linear_shapes": _linear_shapes,
    "initial_params": _initial_params,
    "mse_example": _mse_example,
    "max_stable_lr": _max_stable_lr,
    "lr_table": _lr_table,
    "trained_params": _trained_params,
    "noisy_optimum": _noisy_optimum,
}
