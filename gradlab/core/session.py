"""TrainingSession: the tutorial's loop, runnable one PyTorch call at a time.

The session holds the same variables the tutorial's script holds (`x`, `y`,
`model`, `criterion`, `optimizer`, `y_pred`, `loss`) and every phase runs exactly
one line of that script on them, so any click order behaves as PyTorch really
behaves. After each phase it can produce a frozen Snapshot of plain Python
values for other threads; it never hands out tensors.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import time
from dataclasses import dataclass, field

import torch

from gradlab.core import graph as autograd_graph
from gradlab.core import maths
from gradlab.core.actions import ActionLog
from gradlab.core.config import ExperimentConfig
from gradlab.core.history import History
from gradlab.core.models import build_criterion, build_optimizer, build_problem, make_loader

PHASES = ("forward", "loss", "zero_grad", "backward", "step")
CURVE_POINTS = 64  # points of the fitted line/curve sent to the data plot
STEP_BACK_MARKS = 512  # saved states to step back to (every update when stepping)
# A run saves a state at most this often: saving copies the optimizer's state
# (~0.2 ms), and a run's chunks come ~100 times a second. Step back replays the
# updates since the nearest saved state, which gives the same bits.
RUN_MARK_INTERVAL_S = 0.05
STATE_VALUES = 8  # values of each optimizer-state tensor shown by the inspector
GRAPH_REFRESH_S = 0.3  # while streaming, the freed graph is rebuilt at most this often


class TeachingError(Exception):
    """A call PyTorch (or the script) would refuse, explained instead of crashing.

    `code` is stable (the GUI translates it); `torch_message` carries PyTorch's own
    words when PyTorch raised.
    """

    def __init__(self, code: str, message: str, torch_message: str | None = None):
        super().__init__(message)
        self.code = code
        self.torch_message = torch_message


@dataclass(frozen=True)
class Event:
    """What the last call did, as a stable code plus its numbers."""

    code: str
    args: tuple = ()


@dataclass(frozen=True)
class Snapshot:
    """Everything a panel may show, copied out of live tensors (plain Python only)."""

    step: int  # optimizer.step() calls so far
    epoch: int  # current pass over the data (1-based once a batch was drawn)
    batch: int  # batch index within the epoch (1-based), 0 for full batch
    batches_per_epoch: int
    phase: str | None  # the phase that ran last
    next_phase: str  # what "next phase" (F10) would run
    event: Event
    model_kind: str
    param_names: tuple[str, ...]
    param_shapes: tuple[tuple[int, ...], ...]
    params: tuple[tuple[float, ...], ...]  # flattened values per parameter
    grads: tuple[tuple[float, ...] | None, ...]  # None where .grad is None
    prev_params: tuple[tuple[float, ...], ...] | None  # before the last step(), if it was one
    prev_grads: tuple[tuple[float, ...] | None, ...] | None  # before the last phase
    loss: float | None  # the script's `loss` variable
    lr: float
    has_prediction: bool
    graph_state: str  # "none" (no loss yet), "live", or "freed" (backward ran)
    diverged: bool
    skip_zero_grad: bool
    curve_x: tuple[float, ...] = ()
    curve_y: tuple[float, ...] = ()
    graph: object | None = None  # a core.graph.Graph (plain data) or None
    can_step_back: int = 0  # how many updates step-back can undo now
    # optimizer.state per parameter: ((name, ((key, values), ...)), ...); values are
    # a tuple of floats (tensors, flattened, at most STATE_VALUES) or one float.
    optimizer_state: tuple = ()
    optimizer_name: str = ""
    extras: dict = field(default_factory=dict)

    @property
    def w(self) -> float:
        return self.params[0][0]

    @property
    def b(self) -> float:
        return self.params[1][0]

    def grad(self, index: int) -> float | None:
        g = self.grads[index]
        return None if g is None else g[0]


class TrainingSession:
    """One experiment: data, model, loss, optimizer and the loop's live variables."""

    def __init__(
        self,
        config: ExperimentConfig | None = None,
        history_capacity: int | None = None,
        log: ActionLog | None = None,
    ):
        self.config = config or ExperimentConfig()
        cfg = self.config
        # What the student did, as code (shared across resets by the caller).
        self.log = log if log is not None else ActionLog()
        self.log.add("setup", config=cfg.to_dict())
        self.x, self.y, self.model = build_problem(cfg)
        self.criterion = build_criterion(cfg)
        self.optimizer = build_optimizer(cfg, self.model.parameters())
        self.loader = make_loader(cfg, self.x, self.y)
        self.params = [p for _, p in self.model.named_parameters()]
        self.param_names = tuple(n for n, _ in self.model.named_parameters())
        self.history = History(history_capacity) if history_capacity else History()
        # The script's loop variables.
        self.y_pred: torch.Tensor | None = None
        self.loss: torch.Tensor | None = None
        self.graph_freed = False
        # Mini-batch bookkeeping: the batch being trained on, and where we are.
        self._batches = None
        self._epoch_start_state: torch.Tensor | None = None
        self.batch: tuple[torch.Tensor, torch.Tensor] | None = None
        self.epoch = 0
        self.batch_in_epoch = 0
        self.batches_per_epoch = len(self.loader) if self.loader is not None else 1
        # Progress and flags.
        self.step_count = 0
        self.last_phase: str | None = None
        self.last_event = Event("ready")
        self.skip_zero_grad = False
        self.diverged = False
        self._backward_ran = False  # no gradient computed yet in this session
        self._prev_params = None
        self._prev_grads = None
        self._curve_x = torch.linspace(
            float(self.x.min()) - 0.25, float(self.x.max()) + 0.25, CURVE_POINTS
        ).unsqueeze(1)
        self.graph: autograd_graph.Graph | None = None  # the graph being explained
        self.loss_batch = (self.x, self.y)  # the (x, y) the current `loss` was computed on
        self._forward_x = self.x
        self._graph_built = 0.0  # perf_counter() of the last rebuild after a run
        self._graph_stale = False  # rebuild from `loss` at the next snapshot
        # States to step back to: (step, state, log mark), newest last.
        self._marks: list[tuple[int, dict, object]] = []
        self._marked_at = -math.inf  # perf_counter() of the last mark()
        self.mark()

    # ------------------------------------------------------------------ data
    @property
    def lr(self) -> float:
        return float(self.optimizer.param_groups[0]["lr"])

    def current_batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        """The (x, y) the current update trains on; draws the next mini-batch if needed."""
        if self.loader is None:
            return self.x, self.y
        if self.batch is None:
            self.batch = self._next_batch()
            self._drew_batch = True
        return self.batch

    def _next_batch(self):
        if self._batches is not None:
            try:
                item = next(self._batches)
                self.batch_in_epoch += 1
                return tuple(item)
            except StopIteration:
                pass
        self._epoch_start_state = self.loader.generator.get_state()
        self._batches = iter(self.loader)
        self.epoch += 1
        self.batch_in_epoch = 1
        return tuple(next(self._batches))

    # ---------------------------------------------------------------- phases
    def run_phase(self, phase: str) -> Event:
        """Run one line of the loop. Raises TeachingError where the script would fail."""
        method = getattr(self, "_phase_" + phase, None)
        if phase not in PHASES or method is None:
            raise ValueError(f"unknown phase {phase!r}; phases are {', '.join(PHASES)}")
        self._prev_grads = self._grads_values()
        self._prev_params = None
        self._drew_batch = False
        try:
            event = method()
        except TeachingError as exc:
            self.log.add("refused", phase=phase, code=exc.code, new_batch=self._drew_batch)
            raise
        self.log.add("phase", phase=phase, new_batch=self._drew_batch)
        self.last_phase = phase
        self.last_event = event
        if phase == "step":
            self.mark()
        return event

    def _phase_forward(self) -> Event:
        xb, _ = self.current_batch()
        self.y_pred = self.model(xb)
        self._forward_x = xb
        self.graph = autograd_graph.build_graph(
            self.y_pred, self.model, {"x": xb}, root_name="y_pred"
        )
        self._graph_stale = False
        return Event("forward.ok", (tuple(self.y_pred.shape),))

    def _phase_loss(self) -> Event:
        if self.y_pred is None:
            raise TeachingError(
                "loss.no_prediction", "there is no y_pred yet: run model(x) (forward) first"
            )
        xb, yb = self.current_batch()
        try:
            self.loss = self.criterion(self.y_pred, yb)
        except RuntimeError as exc:
            # y_pred came from an earlier, smaller batch (the last of an epoch).
            raise TeachingError(
                "loss.shape_mismatch",
                "y_pred and this batch's y differ in size: run model(x) for the new batch",
                torch_message=str(exc),
            ) from exc
        # The x behind y_pred (drawn at forward) and the y this loss compared it with.
        self.loss_batch = (self._forward_x, yb)
        self.graph_freed = False
        self.graph = autograd_graph.build_graph(
            self.loss, self.model, {"x": xb, "y": yb}, prediction=self.y_pred
        )
        self._graph_stale = False
        value = self.loss.item()
        if not math.isfinite(value):
            self.diverged = True
            return Event("loss.diverged", (value,))
        if self.y_pred.shape != yb.shape:
            # PyTorch broadcasts (with a UserWarning): the numbers are wrong.
            return Event("loss.broadcast", (value, tuple(self.y_pred.shape), tuple(yb.shape)))
        return Event("loss.ok", (value,))

    def _phase_zero_grad(self) -> Event:
        already = all(p.grad is None for p in self.params)
        self.optimizer.zero_grad()
        self._refresh_graph_parameters()
        if not already:
            return Event("zero_grad.ok")
        # Nothing to clear: expected before the first backward() of a session,
        # harmless (a second zero_grad()) otherwise. Neither is a mistake.
        first = self.step_count == 0 and not self._backward_ran
        return Event("zero_grad.first" if first else "zero_grad.already_none")

    def _phase_backward(self) -> Event:
        if self.loss is None:
            raise TeachingError("backward.no_loss", "there is no loss yet: compute the loss first")
        had_grads = any(p.grad is not None for p in self.params)
        explained = self.graph is not None and self.graph.root == "loss" and not self.graph.freed
        try:
            if explained:
                # Hook every node for this one backward, to replay it in the graph view.
                with autograd_graph.BackwardRecorder(self.loss) as recorder:
                    self.loss.backward()
                self.graph = autograd_graph.with_parameters(
                    recorder.applied_to(self.graph), self.model
                )
            else:
                self.loss.backward()
        except RuntimeError as exc:
            # The real error PyTorch raises for a graph that backward already freed.
            raise TeachingError(
                "backward.freed",
                "backward() ran a second time through a graph that the first backward freed",
                torch_message=str(exc),
            ) from exc
        self.graph_freed = True
        self._backward_ran = True
        return Event("backward.accumulated" if had_grads else "backward.ok")

    def _phase_step(self) -> Event:
        no_grads = all(p.grad is None for p in self.params)
        self._prev_params = self._param_values()
        # The optimizer's own rule with this step's inputs, read before step()
        # changes the parameters and optimizer.state.
        plan_status, plan = maths.planned_updates(self)
        self.optimizer.step()
        self._finish_update()
        self._refresh_graph_parameters()
        if no_grads:
            return Event("step.no_grad")
        if not self._params_finite():
            self.diverged = True
            return Event("step.diverged")
        # Each result as torch computed it (the plan's own arithmetic is only
        # there to show the rule with its numbers).
        applied = ()
        if plan:  # the linear model's w and b (the MLP's rule is shown without numbers)
            applied = tuple(
                dataclasses.replace(u, new=p.item()) for u, p in zip(plan, self.params, strict=True)
            )
        return Event("step.ok", (self.lr, self.config.optimizer, plan_status, applied))

    def _finish_update(self) -> None:
        """Bookkeeping after optimizer.step(): count it, record it, next batch."""
        self.step_count += 1
        if self.history.wants(self.step_count):
            loss = self.loss.item() if self.loss is not None else math.nan
            self.history.append(self.step_count, loss, *self._tracked())
        self.batch = None

    # ------------------------------------------------------ debugger motions
    def next_phase(self) -> str:
        """The phase a debugger's 'step over' runs next: the loop's order after the
        last phase (the mistake mode skips zero_grad). Where backward could not
        run (no loss yet, or its graph already freed) the update starts over."""
        if self.last_phase is None or self.last_phase == "step":
            return "forward"
        nxt = PHASES[PHASES.index(self.last_phase) + 1]
        if nxt == "zero_grad" and self.skip_zero_grad:
            nxt = "backward"
        if nxt == "backward" and (self.loss is None or self.graph_freed):
            return "forward"
        return nxt

    def step_over(self) -> list[Event]:
        """Run the next phase (F10). In the mistake mode, when that passes over
        zero_grad(), an event says so first: leaving a call out is the lesson."""
        skipped = self._skips_zero_grad()
        event = self.run_phase(self.next_phase())
        return [Event("zero_grad.skipped"), event] if skipped else [event]

    def full_update(self) -> list[Event]:
        """Finish the current update: the remaining phases through step()."""
        events = self.step_over()
        while self.last_phase != "step":
            events += self.step_over()
        return events

    def _skips_zero_grad(self) -> bool:
        return self.skip_zero_grad and self.last_phase == "loss" and self.next_phase() == "backward"

    def run_updates(
        self,
        max_updates: int,
        deadline: float | None = None,
        stop_on_divergence: bool = True,
        yield_when=None,
    ) -> int:
        """Full updates, as fast as possible, until `max_updates`, the deadline
        (time.perf_counter()), `yield_when()` turning true (checked between
        updates) or, unless told otherwise, divergence. Returns how many ran."""
        done = 0
        if self.last_phase not in (None, "step") and max_updates > 0:
            self.full_update()  # finishes the update in progress, phase by phase
            done = 1
        model, criterion, optimizer = self.model, self.criterion, self.optimizer
        history, skip = self.history, self.skip_zero_grad
        clock = time.perf_counter
        fast = 0
        while done < max_updates and not (stop_on_divergence and self.diverged):
            if deadline is not None and clock() >= deadline:
                break
            if yield_when is not None and yield_when():
                break
            xb, yb = self.current_batch()
            self.y_pred = y_pred = model(xb)
            self.loss = loss = criterion(y_pred, yb)
            if not skip:
                optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            done += 1
            fast += 1
            self.step_count += 1
            self.batch = None
            value = loss.item()
            if history.wants(self.step_count):
                history.append(self.step_count, value, *self._tracked())
            if not math.isfinite(value):
                self.diverged = True
        if fast:
            self.loss_batch = (xb, yb)
            self.log.add("updates", n=fast, skip_zero_grad=skip)
            self.graph_freed = True
            self.last_phase = "step"
            self._prev_params = None
            self._prev_grads = None
            self._graph_stale = True
            self.last_event = Event("run.diverged" if self.diverged else "run.ok", (done,))
            if clock() - self._marked_at >= RUN_MARK_INTERVAL_S:
                self.mark()
        return done

    # --------------------------------------------------------------- changes
    def set_lr(self, lr: float) -> None:
        """Change the learning rate; it applies from the next step()."""
        self.config = self.config.with_changes(lr=lr)
        for group in self.optimizer.param_groups:
            group["lr"] = self.config.lr
        self._prev_params = None
        self.log.add("lr", lr=self.config.lr)
        self.mark()

    def set_skip_zero_grad(self, skip: bool) -> None:
        """The mistake mode: Next phase, Full update and Run leave out zero_grad()."""
        self.skip_zero_grad = bool(skip)
        self.log.add("skip", on=self.skip_zero_grad)
        self.mark()

    def set_parameters(self, values: dict[str, float]) -> None:
        """Set parameters by name under torch.no_grad() (the landscape's start point)."""
        with torch.no_grad():
            for name, p in self.model.named_parameters():
                if name in values:
                    p.fill_(float(values[name]))
        self.log.add("params", values={k: float(v) for k, v in values.items()})
        self._refresh_graph_parameters()
        # Not an update: nothing may describe the new values as step()'s result.
        self._prev_params = None
        self._prev_grads = None
        self.last_event = Event("params.set", (self._param_values(),))
        self.mark()

    def replace_log(self, log: ActionLog) -> None:
        """Continue another session-as-code log (a loaded file's), from here."""
        self.log = log
        self._marks.clear()
        self.mark()

    # ------------------------------------------------------------ step back
    def mark(self) -> None:
        """Remember the current state for step-back (only between updates: a graph
        in flight cannot be saved). A mark at the same update replaces the older."""
        if self.last_phase not in (None, "step"):
            return
        self._marked_at = time.perf_counter()
        entry = (self.step_count, self.capture_state(), self.log.mark())
        if self._marks and self._marks[-1][0] == self.step_count:
            self._marks[-1] = entry
        else:
            self._marks.append(entry)
            if len(self._marks) > STEP_BACK_MARKS:
                del self._marks[0]

    def can_step_back(self) -> int:
        """How many updates step_back() can undo now."""
        if not self._marks:
            return 0
        mid_update = self.last_phase not in (None, "step")
        return max(0, self.step_count - self._marks[0][0] + (1 if mid_update else 0))

    def step_back(self, n: int = 1) -> int:
        """Undo the last n updates (a half-done update counts as one), restoring the
        parameters, the optimizer's state and the data order exactly. Between two
        saved states the updates are replayed, which gives the same bits. Returns
        the number of updates undone (0 when there is nothing to undo)."""
        n = min(int(n), self.can_step_back())
        if n <= 0:
            return 0
        mid_update = self.last_phase not in (None, "step")
        target = self.step_count - (n - 1 if mid_update else n)
        index = max(i for i, (step, _, _) in enumerate(self._marks) if step <= target)
        step, state, log_mark = self._marks[index]
        del self._marks[index + 1 :]
        before = self.step_count
        self.log.rewind(log_mark)
        self.restore_state(state, keep_marks=True)
        if target > step:
            self.run_updates(target - step, stop_on_divergence=False)
            # As after any restore: the loop's variables are not part of the state
            # (the same whether or not updates were replayed to get here).
            self.y_pred = self.loss = self.graph = None
            self.graph_freed = self._graph_stale = False
        self.log.add("stepped_back", to=target)
        self.last_event = Event("stepped_back", (before - target, target))
        return n

    # ------------------------------------------------------- state capture
    def capture_state(self) -> dict:
        """Everything that decides future updates, as cloned tensors and plain values.

        Restoring it and training on gives, bit for bit, what training on from here
        gives. The loop's `y_pred` and `loss` are not kept: a graph is not state.
        """
        return {
            "step_count": self.step_count,
            "epoch": self.epoch,
            "batch_in_epoch": self.batch_in_epoch,
            "batch_drawn": self.batch is not None,
            "epoch_start_state": None
            if self._epoch_start_state is None
            else self._epoch_start_state.clone(),
            "model": {k: v.detach().clone() for k, v in self.model.state_dict().items()},
            "optimizer": copy.deepcopy(self.optimizer.state_dict()),
            "grads": {
                name: None if p.grad is None else p.grad.detach().clone()
                for name, p in zip(self.param_names, self.params, strict=True)
            },
            "skip_zero_grad": self.skip_zero_grad,
            "diverged": self.diverged,
        }

    def restore_state(self, state: dict, keep_marks: bool = False) -> None:
        """Put a captured state back (see capture_state). Raises on a mismatch
        before changing anything it cannot change completely. Unless told to keep
        them (step back does), the step-back marks start over from here: marks of
        another run's past would replay the wrong updates."""
        model_sd = state["model"]
        own = self.model.state_dict()
        if set(model_sd) != set(own) or any(model_sd[k].shape != own[k].shape for k in own):
            raise ValueError("the saved parameters do not fit this model")
        self.model.load_state_dict(model_sd)
        # load_state_dict keeps the given tensors: copy so that training on never
        # writes into the saved state.
        self.optimizer.load_state_dict(copy.deepcopy(state["optimizer"]))
        for name, p in zip(self.param_names, self.params, strict=True):
            g = state["grads"].get(name)
            p.grad = None if g is None else g.clone()
        self.step_count = int(state["step_count"])
        self.skip_zero_grad = bool(state["skip_zero_grad"])
        self.diverged = bool(state["diverged"])
        self._restore_data_order(state)
        self.y_pred = None
        self.loss = None
        self.graph_freed = False
        self.graph = None
        self._graph_stale = False
        self.last_phase = "step" if self.step_count else None
        self.last_event = Event("restored", (self.step_count,))
        self._prev_params = None
        self._prev_grads = None
        self.history.truncate_after(self.step_count)
        if not keep_marks:
            self._marks.clear()
            self.mark()

    def _restore_data_order(self, state: dict) -> None:
        """Rebuild the mini-batch iterator at the saved position, drawing exactly
        the same permutation from the loader's generator."""
        self.batch = None
        self._batches = None
        self.epoch = int(state["epoch"])
        self.batch_in_epoch = int(state["batch_in_epoch"])
        self._epoch_start_state = state["epoch_start_state"]
        if self.loader is None:
            return
        if self._epoch_start_state is None:  # no batch drawn yet: a fresh generator
            self.loader.generator.manual_seed(self.config.seed)
            return
        self._epoch_start_state = self._epoch_start_state.clone()
        self.loader.generator.set_state(self._epoch_start_state)
        self._batches = iter(self.loader)
        drawn = state["batch_drawn"]
        for _ in range(self.batch_in_epoch - (1 if drawn else 0)):
            self._next_saved_batch()
        if drawn:
            self.batch = tuple(self._next_saved_batch())

    def _next_saved_batch(self):
        # A ValueError, never a StopIteration escaping: a state whose position is
        # past the end of its epoch does not fit this loader.
        item = next(self._batches, None)
        if item is None:
            raise ValueError("state.batch_in_epoch is past the last mini-batch of its epoch")
        return item

    # ------------------------------------------------------------- snapshots
    def _param_values(self) -> tuple[tuple[float, ...], ...]:
        return tuple(tuple(p.detach().reshape(-1).tolist()) for p in self.params)

    def _grads_values(self):
        return tuple(
            None if p.grad is None else tuple(p.grad.reshape(-1).tolist()) for p in self.params
        )

    def _params_finite(self) -> bool:
        return all(bool(torch.isfinite(p).all()) for p in self.params)

    def _tracked(self) -> tuple[float, float, float, float]:
        """The four history quantities besides the loss (see history.py)."""
        if self.config.model == "linear":
            w, b = self.params
            return (
                w.item(),
                b.item(),
                math.nan if w.grad is None else w.grad.item(),
                math.nan if b.grad is None else b.grad.item(),
            )
        weights = [p for n, p in zip(self.param_names, self.params, strict=True) if "weight" in n]
        biases = [p for n, p in zip(self.param_names, self.params, strict=True) if "bias" in n]
        return (_norm(weights), _norm(biases), _grad_norm(weights), _grad_norm(biases))

    def snapshot(self, fresh_graph: bool = True) -> Snapshot:
        """Everything a panel may show. While streaming a run, `fresh_graph=False`
        rebuilds the (freed) graph at most every GRAPH_REFRESH_S: the graph panel
        redraws only a few times a second then, and building it costs time."""
        with torch.no_grad():
            curve_y = self.model(self._curve_x).reshape(-1).tolist()
        return Snapshot(
            step=self.step_count,
            epoch=self.epoch,
            batch=self.batch_in_epoch if self.loader is not None else 0,
            batches_per_epoch=self.batches_per_epoch,
            phase=self.last_phase,
            next_phase=self.next_phase(),
            event=self.last_event,
            model_kind=self.config.model,
            param_names=self.param_names,
            param_shapes=tuple(tuple(p.shape) for p in self.params),
            params=self._param_values(),
            grads=self._grads_values(),
            prev_params=self._prev_params,
            prev_grads=self._prev_grads,
            loss=None if self.loss is None else self.loss.item(),
            lr=self.lr,
            has_prediction=self.y_pred is not None,
            graph_state="none" if self.loss is None else ("freed" if self.graph_freed else "live"),
            diverged=self.diverged,
            skip_zero_grad=self.skip_zero_grad,
            curve_x=tuple(self._curve_x.reshape(-1).tolist()),
            curve_y=tuple(curve_y),
            graph=self._current_graph(fresh_graph),
            can_step_back=self.can_step_back(),
            optimizer_state=self._optimizer_state(),
            optimizer_name=type(self.optimizer).__name__,
        )

    def _optimizer_state(self) -> tuple:
        """optimizer.state read as plain data (momentum_buffer, exp_avg, ...)."""
        out = []
        for name, p in zip(self.param_names, self.params, strict=True):
            entries = []
            for key, value in self.optimizer.state.get(p, {}).items():
                if isinstance(value, torch.Tensor):
                    flat = value.detach().reshape(-1)
                    shown = (
                        float(flat[0]) if value.dim() == 0 else tuple(flat[:STATE_VALUES].tolist())
                    )
                    entries.append((key, shown))
                elif value is not None:
                    entries.append((key, float(value)))
            out.append((name, tuple(entries)))
        return tuple(out)

    def _current_graph(self, fresh: bool = True):
        """The graph to show: the one being explained, or, after a run, the last
        update's (already freed) graph rebuilt from `loss` without hooks."""
        now = time.perf_counter()
        if not fresh and self.graph is not None and now - self._graph_built < GRAPH_REFRESH_S:
            return self.graph
        if self._graph_stale and self.loss is not None and self.loss.grad_fn is not None:
            self._graph_built = now
            xb, yb = self.loss_batch
            inputs = {"x": xb, "y": yb}
            graph = autograd_graph.build_graph(self.loss, self.model, inputs, self.y_pred)
            self.graph = dataclasses.replace(graph, freed=self.graph_freed)
            self._graph_stale = False
        return self.graph

    def _refresh_graph_parameters(self) -> None:
        if self.graph is not None:
            self.graph = autograd_graph.with_parameters(self.graph, self.model)

    def data_points(self) -> tuple[list[float], list[float]]:
        """The whole dataset as plain lists (for the data plot)."""
        return self.x.reshape(-1).tolist(), self.y.reshape(-1).tolist()


def _norm(tensors) -> float:
    return math.sqrt(sum(float((t.detach() ** 2).sum()) for t in tensors))


def _grad_norm(tensors) -> float:
    if any(t.grad is None for t in tensors):
        return math.nan
    return math.sqrt(sum(float((t.grad**2).sum()) for t in tensors))
