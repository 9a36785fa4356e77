"""Goal checks: whether the student's session meets an exercise's goal.

Every check is a function of plain data read from the session as the window
has it (an Observation: the experiment in effect, the history's steps and
losses, the session-as-code log, the compare runs, the lr limit core.landscape
computed for the current data, the answer picked). They check what the student
did; they never train.

A Verdict is "pending" (not decided yet, or a setting the exercise fixes was
changed: say which), "passed" or "failed" (this attempt cannot succeed any
more: say why, with the numbers). Codes are stable; the GUI words them.

Losses are the script's `loss` of each update (the loss computed in update k,
before its step(), which is what the values panel shows after update k).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields

import numpy as np

from gradlab.core.config import GENERATED_ONLY, ExperimentConfig
from gradlab.core.exercise import Exercise
from gradlab.core.lr_limits import LIMIT_EXACT

PENDING, PASSED, FAILED = "pending", "passed", "failed"
SHARP = LIMIT_EXACT  # the only kind of limit a stable_lr goal can be checked against


@dataclass(frozen=True)
class Verdict:
    status: str  # PENDING, PASSED or FAILED
    code: str  # what to say, e.g. "loss_below.passed", "rules.setting"
    args: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ComparedRun:
    """One run of compare mode: its settings and its losses per update."""

    settings: Mapping  # optimizer, lr, momentum, batch_size
    steps: Sequence[float]
    losses: Sequence[float]
    diverged: bool = False


@dataclass(frozen=True)
class Observation:
    config: ExperimentConfig  # the experiment in effect (lr as changed live)
    skip_zero_grad: bool  # the mistake mode now
    step: int  # optimizer updates done in this session
    steps: Sequence[float] = ()  # the history: update numbers ...
    losses: Sequence[float] = ()  # ... and the loss of each
    actions: Sequence | None = None  # the session-as-code log (core.actions.Action)
    lr_limit: object | None = None  # a core.landscape.LrLimit for the current data
    compare: tuple[ComparedRun, ...] | None = None  # None: compare mode is off
    compare_done: int = 0
    compare_total: int = 0
    answer: int | None = None  # the choice picked, from 1


@dataclass(frozen=True)
class LogFacts:
    """What the session-as-code log says about the session since its setup."""

    moved_by_hand: bool  # w and b were set by hand (not trained there)
    changed_at: int  # the update count when lr, the mistake mode or w, b last changed
    known: bool  # False when the log holds no setup (not published yet)


def last_setup(actions: Sequence | None):
    """The log's last "setup" entry (the session now began there), or None."""
    for action in reversed(actions or ()):
        if action.kind == "setup":
            return action
    return None


def setup_config(setup) -> ExperimentConfig | None:
    """The experiment a setup entry started (None if it cannot be read)."""
    from gradlab.core.config import ConfigError

    try:
        return ExperimentConfig.from_dict(dict(setup.args.get("config") or {}))
    except ConfigError:
        return None


def log_facts(actions: Sequence | None) -> LogFacts:
    """Walk the log from the last setup, counting updates as they happened."""
    if not actions:
        return LogFacts(False, 0, False)
    start = max((i for i, a in enumerate(actions) if a.kind == "setup"), default=None)
    if start is None:
        return LogFacts(False, 0, False)
    count, changed_at, moved = 0, 0, False
    for action in actions[start + 1 :]:
        kind, args = action.kind, action.args
        if kind == "phase" and args.get("phase") == "step":
            count += 1
        elif kind == "updates":
            count += int(args.get("n", 0))
        elif kind == "stepped_back":
            count = int(args.get("to", count))
        elif kind == "loaded":
            count = int(args.get("step", count))
        elif kind == "lr" or (kind == "skip" and count > 0):
            changed_at = count
        elif kind == "params":
            changed_at = count
            moved = True
    return LogFacts(moved, changed_at, True)


# ------------------------------------------------------------------ rules
def rules(exercise: Exercise, obs: Observation) -> Verdict | None:
    """The settings the exercise fixes, checked: a pending Verdict naming the
    first one changed, or None when all hold."""
    want, got = exercise.config, obs.config
    free = set(exercise.free)
    skip = {"data"}
    if "data" in free:
        skip.update(GENERATED_ONLY)  # they only describe generated data
    elif want.data != got.data:
        return Verdict(PENDING, "rules.data", {"own": want.data is not None})
    for f in fields(ExperimentConfig):
        name = f.name
        if name not in free and name not in skip and getattr(want, name) != getattr(got, name):
            return Verdict(
                PENDING,
                "rules.setting",
                {"name": name, "want": getattr(want, name), "got": getattr(got, name)},
            )
    if obs.skip_zero_grad != exercise.mistake_mode:
        return Verdict(PENDING, "rules.mistake_mode", {"want": exercise.mistake_mode})
    return None


def check(exercise: Exercise, obs: Observation) -> Verdict:
    """The verdict on the student's session now."""
    broken = rules(exercise, obs)
    if broken is not None:
        return broken
    return _CHECKS[exercise.goal.kind](exercise.goal, obs)


# ------------------------------------------------------------------ goals
def first_below(steps: Sequence[float], losses: Sequence[float], threshold: float, last=None):
    """(update, loss) of the first row whose loss is below the threshold, only
    rows up to update `last` when given; None when there is none. In numpy: the
    GUI checks a run's whole history (up to 131,072 rows) several times a second."""
    steps, losses = _rows(steps, losses, last)
    hits = np.flatnonzero(losses < threshold)  # nan never is
    if not hits.size:
        return None
    return int(steps[hits[0]]), float(losses[hits[0]])


def _rows(steps, losses, last=None) -> tuple[np.ndarray, np.ndarray]:
    """The history as arrays of one length, cut before the first row past update
    `last` when given."""
    n = min(len(steps), len(losses))
    steps, losses = np.asarray(steps)[:n], np.asarray(losses, dtype=float)[:n]
    if last is not None:
        past = np.flatnonzero(steps > last)
        if past.size:
            steps, losses = steps[: past[0]], losses[: past[0]]
    return steps, losses


def _loss_below(goal, obs: Observation) -> Verdict:
    facts = log_facts(obs.actions)
    if facts.moved_by_hand:
        return Verdict(PENDING, "rules.moved_by_hand")
    if goal.own_data:
        points = 0 if obs.config.data is None else len(obs.config.data)
        if points < goal.min_points:
            return Verdict(PENDING, "loss_below.own_data", {"min": goal.min_points, "n": points})
    limit, steps, losses = goal.within_updates, obs.steps, obs.losses
    found = first_below(steps, losses, goal.loss, limit)
    args = {"loss": goal.loss, "within": limit}
    if found is not None:
        return Verdict(PASSED, "loss_below.passed", {**args, "step": found[0], "got": found[1]})
    last_step = int(steps[-1]) if len(steps) else 0
    if limit is not None and last_step >= limit:
        at = _loss_at(steps, losses, limit)
        return Verdict(FAILED, "loss_below.too_slow", {**args, "got": at})
    if len(losses) and not math.isfinite(losses[-1]):
        return Verdict(FAILED, "loss_below.diverged", {**args, "step": last_step})
    latest = float(losses[-1]) if len(losses) else None
    return Verdict(PENDING, "loss_below.pending", {**args, "step": last_step, "got": latest})


def _loss_at(steps, losses, update: int) -> float | None:
    """The loss of update `update`, or of the last update before it recorded."""
    _, losses = _rows(steps, losses, update)
    return float(losses[-1]) if losses.size else None


def _stable_lr(goal, obs: Observation) -> Verdict:
    limit = obs.lr_limit
    if limit is None:
        return Verdict(PENDING, "stable_lr.waiting")
    if getattr(limit, "kind", "") != SHARP or limit.value is None:
        return Verdict(PENDING, "stable_lr.no_limit")
    facts = log_facts(obs.actions)
    if not facts.known:
        return Verdict(PENDING, "stable_lr.waiting")
    if facts.moved_by_hand:
        return Verdict(PENDING, "rules.moved_by_hand")
    lr, top = obs.config.lr, float(limit.value)
    low = (1.0 - goal.within) * top
    args = {"lr": lr, "updates": goal.updates, "within": goal.within}
    steps, losses = _rows(obs.steps, obs.losses)
    segment = losses[steps > facts.changed_at]
    if not np.isfinite(segment).all():
        return Verdict(FAILED, "stable_lr.diverged", args)
    done = obs.step - facts.changed_at
    if done < goal.updates:
        return Verdict(PENDING, "stable_lr.run", {**args, "done": max(0, done)})
    if lr >= top:
        # Sharp: along the most curved direction no step lands nearer the bottom.
        return Verdict(FAILED, "stable_lr.too_large", args)
    if not segment.size or not segment[-1] < segment[0]:
        return Verdict(FAILED, "stable_lr.not_converging", args)
    args.update(first=float(segment[0]), last=float(segment[-1]))
    if lr < low:
        return Verdict(FAILED, "stable_lr.too_small", args)
    return Verdict(PASSED, "stable_lr.passed", {**args, "limit": top, "rule": limit.rule})


def settled_at(run: ComparedRun, threshold: float) -> int | None:
    """The update from which the run's loss stays below the threshold to its
    last recorded update; None when its last loss is not below it."""
    if run.diverged or not len(run.losses) or not run.losses[-1] < threshold:
        return None
    at = int(run.steps[-1])
    for step, loss in zip(reversed(run.steps), reversed(run.losses), strict=False):
        if not loss < threshold:
            break
        at = int(step)
    return at


def _first_to_loss(goal, obs: Observation) -> Verdict:
    args = {"loss": goal.loss, "winner": goal.winner, "loser": goal.loser}
    if obs.compare is None:
        return Verdict(PENDING, "first_to_loss.compare", args)
    pairs = [
        (w, s)
        for w in obs.compare
        for s in obs.compare
        if w.settings.get("optimizer") == goal.winner
        and s.settings.get("optimizer") == goal.loser
        and w.settings.get("lr") == s.settings.get("lr")
        and w.settings.get("batch_size") == s.settings.get("batch_size")
    ]
    if not pairs:
        return Verdict(PENDING, "first_to_loss.pair", args)
    if obs.step != 0:  # compare mode sets off from where the session is
        return Verdict(PENDING, "first_to_loss.from_start", args)
    if obs.compare_done < obs.compare_total:
        return Verdict(
            PENDING, "first_to_loss.running", {**args, "done": obs.compare_done,
                                               "total": obs.compare_total}
        )  # fmt: skip
    results = []
    for w, s in pairs:
        at_w, at_s = settled_at(w, goal.loss), settled_at(s, goal.loss)
        won = at_w is not None and (at_s is None or at_w < at_s)
        results.append((won, at_w, at_s, w.settings))
        if won:
            return Verdict(
                PASSED, "first_to_loss.passed", {**args, **_pair_args(at_w, at_s, w.settings)}
            )
    _, at_w, at_s, settings = results[0]
    return Verdict(FAILED, "first_to_loss.lost", {**args, **_pair_args(at_w, at_s, settings)})


def _pair_args(at_w, at_s, settings) -> dict:
    return {
        "winner_at": at_w,
        "loser_at": at_s,
        "lr": settings.get("lr"),
        "momentum": settings.get("momentum"),
    }


def _choice(goal, obs: Observation) -> Verdict:
    if obs.step < goal.after_updates:
        return Verdict(PENDING, "choice.run_first", {"n": goal.after_updates, "done": obs.step})
    if obs.answer is None:
        return Verdict(PENDING, "choice.pick")
    if obs.answer == goal.answer:
        return Verdict(PASSED, "choice.passed", {"answer": obs.answer})
    return Verdict(FAILED, "choice.wrong", {"answer": obs.answer})


_CHECKS = {
    "loss_below": _loss_below,
    "stable_lr": _stable_lr,
    "first_to_loss": _first_to_loss,
    "choice": _choice,
}
