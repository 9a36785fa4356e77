"""Command line: `gradlab [gui]`, `gradlab train`, `gradlab export-script`, `gradlab graph`.

Bad values exit with status 2 and one line naming the option and what is
allowed; nothing is written. A file to be written is checked before any work.
Ctrl-C stops with one line and status 130 (128 + SIGINT, as shells report it);
`train` stops between two updates and saves the state reached with --save.
torch is imported only by the commands that need it.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from gradlab.core.config import (
    GENERATED_ONLY,
    SPEC_BY_NAME,
    SPECS,
    ConfigError,
    ExperimentConfig,
    parse_value,
)

MAX_STEPS = 100_000_000
COMMANDS = ("gui", "train", "export-script", "graph")
USAGE_ERROR = 2
INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for a command stopped by Ctrl-C


class UsageError(Exception):
    """A refused command line: printed as one line, exit status 2."""


class CommandError(Exception):
    """A command that cannot go ahead (an unreadable checkpoint...): one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line and goes through UsageError."""

    def error(self, message):
        raise UsageError(message)


def _add_experiment_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("experiment")
    for spec in SPECS:
        default = getattr(ExperimentConfig(), spec.name)
        group.add_argument(
            spec.flag,
            dest=spec.name,
            metavar=spec.name.upper() if not spec.choices else "{" + ",".join(spec.choices) + "}",
            default=None,
            help=f"{spec.help} ({spec.allowed()}; default {default})",
        )
    group.add_argument(
        "--data",
        metavar="FILE.csv",
        help="train on your own data: a CSV of two numeric columns, x then y, instead of "
        "generated data (then --samples, --true-w, --true-b, --noise and --target do not apply)",
    )


def _one_line(text: str) -> str:
    """Control characters from the command line are shown escaped, never obeyed."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _config_from(args) -> ExperimentConfig:
    values = {}
    for spec in SPECS:
        text = getattr(args, spec.name)
        if text is not None:
            values[spec.name] = parse_value(spec.name, text)
    if args.data is None:
        return ExperimentConfig(**values)
    given = [SPEC_BY_NAME[name].flag for name in GENERATED_ONLY if name in values]
    if given:
        raise UsageError(
            f"{', '.join(given)} cannot be used with --data: the data come from the file "
            f"(leave out {', '.join(given)})"
        )
    return ExperimentConfig(data=_read_data(args.data), **values)


def _read_data(path: str):
    from gradlab.core.csvdata import CsvError, read_csv

    try:
        return read_csv(path).points
    except CsvError as exc:
        raise CommandError(f"--data: {path}: {exc}") from None


def _steps(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if not 0 <= n <= MAX_STEPS:
        raise argparse.ArgumentTypeError(
            f"--steps must be an integer ≥ 0 and ≤ {MAX_STEPS:,}; got {text!r}"
        )
    return n


def build_parser() -> _Parser:
    parser = _Parser(
        prog="gradlab",
        description="GradLab: watch your first PyTorch training loop run, one call at a time.",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")

    train = sub.add_parser("train", help="train in the terminal and print the result")
    _add_experiment_options(train)
    train.add_argument("--steps", type=_steps, default=100, help="optimizer updates (default 100)")
    train.add_argument("--json", action="store_true", help="print one JSON object")
    train.add_argument("--save", metavar="FILE", help="save a checkpoint after training")
    train.add_argument("--resume", metavar="FILE", help="continue from a checkpoint")

    export = sub.add_parser(
        "export-script", help="write the training script for these settings as a runnable .py"
    )
    _add_experiment_options(export)
    export.add_argument(
        "--steps", type=_steps, default=100, help="optimizer updates in the script (default 100)"
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE.py",
        required=True,
        help="the file to write (replaced), or - for standard output",
    )
    export.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        help="language of the script's comments (default: the system's language); "
        "the code is the same in both",
    )

    graph = sub.add_parser(
        "graph", help="print the autograd graph that one forward pass and the loss record"
    )
    _add_experiment_options(graph)
    graph.add_argument("--format", choices=("dot", "json"), default="dot", help="output format")
    return parser


def _normalise(argv: list[str]) -> list[str]:
    """No sub-command means the desktop app."""
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        return ["gui", *argv]
    return argv


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(_normalise(argv))
        if args.command == "gui":
            from gradlab.ui.app import run_app

            return run_app(lang=args.lang)
        config = _config_from(args)
        if args.command == "train":
            return _train(args, config)
        if args.command == "graph":
            return _graph(args, config)
        if args.command == "export-script":
            return _export_script(args, config)
    except (UsageError, ConfigError, CommandError) as exc:
        print(f"gradlab: error: {_one_line(str(exc))}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        # Ctrl-C before training started (or a second one): nothing was saved.
        print("gradlab: interrupted", file=sys.stderr)
        return INTERRUPTED
    parser.print_help()
    return USAGE_ERROR


def _check_target(option: str, path: str, stdout_hint: bool = False) -> None:
    """Refuse a file that cannot be written, before any work is done."""
    from gradlab.core.fileio import NotRegularFile, check_writable

    try:
        check_writable(path)
    except OSError as exc:
        hint = ""
        if stdout_hint and isinstance(exc, NotRegularFile) and not path.endswith(".py"):
            hint = "; use -o - to write to standard output"
        raise CommandError(f"{option}: cannot write {path}: {_reason(exc)}{hint}") from None


def _reason(exc: OSError) -> str:
    from gradlab.core.fileio import NotRegularFile

    reason = exc.strerror or str(exc)
    return f"it {reason}" if isinstance(exc, NotRegularFile) else reason


class _StopOnCtrlC:
    """While active, the first Ctrl-C asks training to stop after the update in
    progress (the state stays whole, and can be saved); a second one interrupts
    at once. Only the main thread receives signals, so elsewhere it does nothing."""

    def __init__(self):
        self.requested = False
        self._previous = None

    def __call__(self) -> bool:
        return self.requested

    def _handle(self, signum, frame):
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc):
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
        return False


def _train(args, config: ExperimentConfig) -> int:
    if args.save:
        _check_target("--save", args.save)
    from gradlab.core import checkpoint
    from gradlab.core.session import TrainingSession
    from gradlab.core.training import json_ready, result_of, train, use_one_thread

    use_one_thread()
    if args.resume:
        given = [s.flag for s in SPECS if getattr(args, s.name) is not None]
        given += ["--data"] if args.data is not None else []
        if given:
            raise UsageError(
                f"--resume continues the saved experiment; leave out {', '.join(given)}"
            )
        try:
            session, _ = checkpoint.load(args.resume)
        except checkpoint.CheckpointError as exc:
            raise CommandError(f"--resume: {exc}") from None
        config = session.config
    else:
        session = TrainingSession(config)
    progress = _progress_printer(args)
    with _StopOnCtrlC() as stop:
        done = train(session, args.steps, progress=progress, stop=stop)
        try:
            saved = _save(session, args.save) if args.save else ""
        except CommandError as exc:
            if not stop.requested:
                raise
            saved = f"; NOT saved: {exc}"
    if stop.requested:
        if progress:
            print(file=sys.stderr)  # end the progress bar's line
        print(
            f"gradlab: interrupted after {done:,} of {args.steps:,} updates "
            f"(the session is at update {session.step_count:,}){saved}",
            file=sys.stderr,
        )
        return INTERRUPTED
    result = result_of(session)
    if args.json:
        print(json.dumps(json_ready(result), allow_nan=False))
    else:
        print(_human_summary(config, result))
    return 0


def _save(session, path: str) -> str:
    """Save a checkpoint; returns the words that say where."""
    from gradlab.core import checkpoint

    try:
        checkpoint.save(session, path)
    except OSError as exc:
        raise CommandError(f"--save: cannot write {path}: {_reason(exc)}") from None
    return f"; saved to {path}"


def _export_script(args, config: ExperimentConfig) -> int:
    # Text only: no torch import, so this is instant.
    from gradlab.core.codegen import script_for
    from gradlab.core.fileio import atomic_write_text

    to_stdout = args.output == "-"
    if not to_stdout:
        _check_target("-o", args.output, stdout_hint=True)
    text = script_for(config, args.steps, lang=args.lang or system_language())
    if to_stdout:
        sys.stdout.write(text)
        return 0
    try:
        atomic_write_text(args.output, text)
    except OSError as exc:
        raise CommandError(f"-o: cannot write {args.output}: {_reason(exc)}") from None
    print(f"Wrote {args.output}: run it with `python {args.output}` (needs only PyTorch).")
    return 0


def system_language() -> str:
    """'zh_CN' when the system's locale is Chinese (as the desktop app decides),
    else 'en'."""
    import locale
    import os

    from gradlab.core.codegen_text import language

    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(variable):
            return language(os.environ[variable])
    return language(locale.getlocale()[0])


def _graph(args, config: ExperimentConfig) -> int:
    from gradlab.core.session import TrainingSession

    session = TrainingSession(config)
    session.run_phase("forward")
    session.run_phase("loss")
    graph = session.graph
    if args.format == "json":
        print(json.dumps(graph.to_json(), ensure_ascii=False, indent=2))
    else:
        print(graph.to_dot(), end="")
    return 0


def _progress_printer(args):
    """A progress bar on a terminal for long runs (drawn at once, then at every
    percent); nothing otherwise."""
    if args.json or args.steps < 20_000 or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        end = "\n" if done == total else ""
        bar = "#" * filled + "-" * (width - filled)
        print(f"\r[{bar}] {done:,}/{total:,} updates", end=end, file=sys.stderr, flush=True)

    return show


def _human_summary(config: ExperimentConfig, result: dict) -> str:
    what = f" on your {config.samples:,} samples" if config.data is not None else ""
    lines = [f"Trained for {result['steps']} updates{what} ({config.optimizer}, lr={config.lr:g})."]
    params = result["parameters"]
    if config.model == "linear":
        w, b = params["weight"][0][0], params["bias"][0]
        if config.target == "line" and config.data is None:
            lines.append(f"weight: {w:.4f}   (the data were made with w = {config.true_w:g})")
            lines.append(f"bias:   {b:.4f}   (the data were made with b = {config.true_b:g})")
        else:
            lines.append(f"weight: {w:.4f}")
            lines.append(f"bias:   {b:.4f}")
    else:
        for name, value in params.items():
            lines.append(f"{name}: {_shape_of(value)}")
    loss = result["loss"]
    lines.append("loss:   (no update yet)" if loss is None else f"loss:   {loss:.6g}")
    if result.get("diverged"):
        lines.append("The loss became inf or nan: the run diverged. Try a smaller --lr.")
    return "\n".join(lines)


def _shape_of(value) -> str:
    shape = []
    while isinstance(value, list):
        shape.append(len(value))
        value = value[0] if value else None
    return "tensor of shape (" + ", ".join(map(str, shape)) + ")"


if __name__ == "__main__":
    sys.exit(main())
