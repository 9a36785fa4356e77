"""Goal checks (issue 17 item 7) against the tutorial's loop written out
(tests/reference.py): the histories a student's runs would make, fed to the
checks as the window feeds them, pass and fail where the loop says they must.
The built-in challenges' claims are pinned here too."""

import pytest
import torch

from gradlab.core import goals, landscape, lr_limits
from gradlab.core.actions import Action
from gradlab.core.config import ExperimentConfig
from gradlab.core.datapoints import DataPoints
from gradlab.core.exercise import builtin
from gradlab.core.goals import FAILED, PASSED, PENDING, ComparedRun, Observation
from gradlab.core.session import TrainingSession
from tests.reference import reference_run


def history(steps: int, **settings) -> tuple[list[float], list[float]]:
    """The update numbers and the loss of each update of the tutorial's loop."""
    losses = []
    reference_run(steps, losses=losses, **settings)
    return [float(k) for k in range(1, steps + 1)], losses


def log(config: ExperimentConfig, *entries) -> list[Action]:
    """A session-as-code log: the setup, then the given (kind, args) entries."""
    return [Action("setup", {"config": config.to_dict()}), *(Action(k, a) for k, a in entries)]


def observe(config, steps_losses, actions=None, skip=False, **more) -> Observation:
    steps, losses = steps_losses
    if actions is None:
        actions = log(config, ("updates", {"n": len(steps), "skip_zero_grad": skip}))
    return Observation(
        config=config,
        skip_zero_grad=skip,
        step=int(steps[-1]) if steps else 0,
        steps=steps,
        losses=losses,
        actions=actions,
        **more,
    )


# ---------------------------------------------------------------- loss_below
def test_loss_below_by_update_20_fails_at_lr_01_and_passes_at_lr_05():
    challenge = builtin("lr-fast")
    slow = ExperimentConfig(lr=0.1)
    run = history(20, lr=0.1)
    assert run[1][19] > 1e-4  # the challenge's claim: not enough at lr 0.1
    verdict = goals.check(challenge, observe(slow, run))
    assert verdict.status == FAILED and verdict.code == "loss_below.too_slow"
    assert verdict.args["got"] == run[1][19]
    partial = ([*run[0][:10]], [*run[1][:10]])
    assert goals.check(challenge, observe(slow, partial)).status == PENDING

    fast = ExperimentConfig(lr=0.5)
    steps, losses = history(20, lr=0.5)
    first = next(k for k, v in enumerate(losses, start=1) if v < 1e-4)
    verdict = goals.check(challenge, observe(fast, (steps, losses)))
    assert verdict.status == PASSED and verdict.args["step"] == first
    assert verdict.args["got"] == losses[first - 1]
    # Early: as soon as the loss is below, even before update 20.
    early = goals.check(challenge, observe(fast, (steps[:first], losses[:first])))
    assert early.status == PASSED


def test_the_rules_hold_the_settings_the_challenge_fixes():
    challenge = builtin("lr-fast")
    run = history(20, lr=0.5)
    adam = ExperimentConfig(lr=0.5, optimizer="adam")
    verdict = goals.check(challenge, observe(adam, run))
    assert (verdict.status, verdict.code) == (PENDING, "rules.setting")
    assert verdict.args == {"name": "optimizer", "want": "sgd", "got": "adam"}
    skip = goals.check(challenge, observe(ExperimentConfig(lr=0.5), run, skip=True))
    assert skip.code == "rules.mistake_mode"
    points = DataPoints((0.0, 1.0), (1.0, 3.0))
    own = goals.check(challenge, observe(ExperimentConfig(lr=0.5, data=points), run))
    assert own.code == "rules.data"
    config = ExperimentConfig(lr=0.5)
    moved = log(config, ("params", {"values": {"weight": 2.0}}), ("updates", {"n": 20}))
    by_hand = goals.check(challenge, observe(config, run, actions=moved))
    assert by_hand.code == "rules.moved_by_hand" and by_hand.status == PENDING


def test_fitting_own_data_needs_own_points_then_a_low_loss():
    challenge = builtin("fit-your-drawing")
    generated = ExperimentConfig()
    empty = goals.check(challenge, observe(generated, ([], [])))
    assert empty.code == "loss_below.own_data" and empty.args["n"] == 0
    xs = [-2.5, -2.0, -1.4, -0.8, -0.3, 0.2, 0.7, 1.3]
    ys = [-1.4, -1.1, -0.1, 0.8, 1.5, 2.2, 3.0, 3.9]
    points = DataPoints(tuple(xs), tuple(ys))
    few = DataPoints(tuple(xs[:4]), tuple(ys[:4]))
    assert goals.check(challenge, observe(ExperimentConfig(data=few), ([], []))).args["n"] == 4
    config = ExperimentConfig(data=points, lr=0.1)
    run = history(200, lr=0.1, data=(list(points.x), list(points.y)))
    first = next(k for k, v in enumerate(run[1], start=1) if v < 0.05)
    verdict = goals.check(challenge, observe(config, run))
    assert verdict.status == PASSED and verdict.args["step"] == first


# ----------------------------------------------------------------- stable_lr
def spring_limit(points: DataPoints) -> float:
    """2/λmax of MSE's Hessian 2·[[E x², E x], [E x, 1]], worked out here."""
    x = torch.tensor(points.x, dtype=torch.float64)
    h = 2 * torch.tensor([[(x * x).mean(), x.mean()], [x.mean(), 1.0]], dtype=torch.float64)
    return 2.0 / float(torch.linalg.eigvalsh(h).max())


@pytest.fixture(scope="module")
def spring():
    challenge = builtin("lr-limit")
    points = challenge.config.data
    limit = landscape.lr_limit(challenge.config, torch.tensor(points.x).reshape(-1, 1))
    assert limit.kind == lr_limits.LIMIT_EXACT == goals.SHARP
    assert limit.value == pytest.approx(spring_limit(points), rel=1e-9)
    return challenge, points, limit


@pytest.mark.parametrize(
    ("fraction", "status", "code"),
    [
        (0.97, PASSED, "stable_lr.passed"),
        (0.999, PASSED, "stable_lr.passed"),
        (0.9, FAILED, "stable_lr.too_small"),
        (1.01, FAILED, "stable_lr.too_large"),
        (1.3, FAILED, "stable_lr.diverged"),
    ],
)
def test_the_largest_stable_lr_on_the_spring_data(spring, fraction, status, code):
    challenge, points, limit = spring
    lr = fraction * limit.value
    config = challenge.config.with_changes(lr=lr)
    run = history(100, lr=lr, data=(list(points.x), list(points.y)))
    verdict = goals.check(challenge, observe(config, run, lr_limit=limit))
    assert (verdict.status, verdict.code) == (status, code)
    if status == PASSED:
        assert run[1][-1] < run[1][0] and verdict.args["limit"] == limit.value
        assert verdict.args["rule"] == "sgd"


def test_the_stable_lr_check_waits_for_enough_updates_at_that_lr(spring):
    challenge, points, limit = spring
    lr = 0.97 * limit.value
    config = challenge.config.with_changes(lr=lr)
    run = history(60, lr=lr, data=(list(points.x), list(points.y)))
    verdict = goals.check(challenge, observe(config, run, lr_limit=limit))
    assert verdict.code == "stable_lr.run" and verdict.args["done"] == 60
    # lr changed after 50 updates: only the 10 since count.
    changed = log(config, ("updates", {"n": 50}), ("lr", {"lr": lr}), ("updates", {"n": 10}))
    verdict = goals.check(challenge, observe(config, run, actions=changed, lr_limit=limit))
    assert verdict.args["done"] == 10
    diverged = ([1.0, 2.0], [5.0, float("inf")])
    verdict = goals.check(challenge, observe(config, diverged, lr_limit=limit))
    assert verdict.code == "stable_lr.diverged"
    adam = challenge.config.with_changes(optimizer="adam")
    no_limit = landscape.lr_limit(adam, torch.tensor(points.x).reshape(-1, 1))
    verdict = goals.check(challenge, observe(challenge.config, run, lr_limit=no_limit))
    assert verdict.code == "stable_lr.no_limit"


# ------------------------------------------------------------- first_to_loss
def compared(optimizer: str, momentum: float = 0.9, lr: float = 0.1) -> ComparedRun:
    steps, losses = history(300, optimizer=optimizer, momentum=momentum, lr=lr)
    settings = {"optimizer": optimizer, "lr": lr, "momentum": momentum, "batch_size": 0}
    return ComparedRun(settings, steps, losses)


def test_momentum_beats_sgd_only_with_a_better_momentum():
    challenge = builtin("momentum-beats-sgd")
    sgd = compared("sgd")
    heavy = compared("momentum", 0.9)
    light = compared("momentum", 0.3)
    # The challenge's claim: with momentum 0.9 the loss stays below 0.0001 later.
    assert goals.settled_at(heavy, 1e-4) > goals.settled_at(sgd, 1e-4)
    config = challenge.config

    def verdict(*runs, done=300, step=0):
        obs = Observation(
            config=config,
            skip_zero_grad=False,
            step=step,
            compare=runs,
            compare_done=done,
            compare_total=300,
        )
        return goals.check(challenge, obs)

    lost = verdict(sgd, heavy)
    assert (lost.status, lost.code) == (FAILED, "first_to_loss.lost")
    assert lost.args["winner_at"] == goals.settled_at(heavy, 1e-4)
    won = verdict(sgd, light)
    assert (won.status, won.code) == (PASSED, "first_to_loss.passed")
    assert won.args["winner_at"] < won.args["loser_at"] == goals.settled_at(sgd, 1e-4)
    assert verdict(sgd, light, done=120).code == "first_to_loss.running"
    assert verdict(sgd, light, step=5).code == "first_to_loss.from_start"
    other_lr = compared("momentum", 0.3, lr=0.2)
    assert verdict(sgd, other_lr).code == "first_to_loss.pair"
    off = goals.check(challenge, Observation(config=config, skip_zero_grad=False, step=0))
    assert off.code == "first_to_loss.compare"


def test_settled_at_is_where_the_loss_stays_below():
    run = ComparedRun({}, [1.0, 2.0, 3.0, 4.0, 5.0], [5.0, 0.5, 2.0, 0.5, 0.4])
    assert goals.settled_at(run, 1.0) == 4
    assert goals.settled_at(run, 0.1) is None
    assert goals.settled_at(ComparedRun({}, [1.0], [0.5], diverged=True), 1.0) is None


# -------------------------------------------------------------------- choice
def test_the_explanation_is_checked_after_the_updates_it_asks_for():
    challenge = builtin("explain-skip-zero-grad")
    config = ExperimentConfig()

    def verdict(step, answer):
        run = ([float(k) for k in range(1, step + 1)], [1.0] * step)
        return goals.check(challenge, observe(config, run, skip=True, answer=answer))

    assert verdict(3, 2).code == "choice.run_first"
    assert verdict(10, None).code == "choice.pick"
    assert verdict(10, 3).status == FAILED
    assert verdict(10, 2).status == PASSED
    no_mistake = goals.check(challenge, observe(config, ([1.0], [1.0]), answer=2))
    assert no_mistake.code == "rules.mistake_mode"


# --------------------------------------------------------------------- logs
def test_log_facts_count_updates_as_the_session_logs_them():
    session = TrainingSession(ExperimentConfig(samples=20))
    session.run_updates(5)
    session.set_lr(0.2)
    session.full_update()
    session.run_updates(3)
    facts = goals.log_facts(session.log.actions)
    assert (facts.changed_at, facts.moved_by_hand, facts.known) == (5, False, True)
    session.step_back(2)
    session.set_skip_zero_grad(True)
    facts = goals.log_facts(session.log.actions)
    assert facts.changed_at == session.step_count == 7
    session.set_parameters({"weight": 1.0})
    assert goals.log_facts(session.log.actions).moved_by_hand
    assert goals.setup_config(goals.last_setup(session.log.actions)) == ExperimentConfig(samples=20)
    assert not goals.log_facts(None).known
