"""The training worker: a QObject living in its own QThread, owning the session.

Commands arrive as queued signals and run in order between chunks. Results go
out only through the Mailbox, which the GUI's frame timer reads: no per-step
signal ever reaches the GUI (DESIGN §3, §8). Running is a QTimer in the worker
thread whose ticks each run at most CHUNK_SECONDS of updates, so the GUI thread
gets the GIL back every few milliseconds.
"""

from __future__ import annotations

import gc
import logging
import math
import time
import traceback

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from gradlab.core.config import ExperimentConfig
from gradlab.ui.compare_runner import CompareRunner
from gradlab.ui.mailbox import Mailbox
from gradlab.ui.messages import Message, event_message, failure_args, refusal_args
from gradlab.ui.plain_imports import plain_imports
from gradlab.ui.updates import LandscapeView, SessionLog, Updates

log = logging.getLogger(__name__)

CHUNK_SECONDS = 0.010
FULL_SPEED = 0  # updates per second meaning "as fast as possible"
MAX_PACED_BATCH = 64  # at most this many overdue updates catch up in one tick
# What initialize() does before the session is ready, in order (the window's
# loading card counts them).
LOADING_STAGES = ("torch", "optimizer", "session")


class TrainingWorker(QObject):
    """Owns the TrainingSession; every slot runs in the worker thread."""

    # Emitted after a command's result was published (never per step), so the GUI
    # shows a click's result at once instead of at its next frame tick.
    published = Signal()

    def __init__(self, mailbox: Mailbox, config: ExperimentConfig):
        super().__init__()
        self._mailbox = mailbox
        self._config = config
        self._session = None
        self._timer: QTimer | None = None
        self._rows_sent = 0
        self._compactions_seen = 0
        self._ups = 5
        self._run_t0 = 0.0
        self._run_done = 0
        self._run_start_step = 0
        self._running = False
        self._compare: CompareRunner | None = None  # while compare mode runs
        self.session_factory = None  # set in initialize (keeps torch out of import time)
        self.log = None  # the ActionLog kept across resets (session as code)
        self._log_sent = None  # (log, version) last published as Updates.session_log
        self.restore_path: str | None = None  # an autosave to restore at start
        self.last_save_error: str | None = None  # why the last autosave() failed

    # ------------------------------------------------------------ lifecycle
    @Slot()
    def initialize(self) -> None:
        """Import torch, build the session, warm up, restore the autosave; then
        tell the GUI it is ready. A bad autosave never stops it getting ready."""
        try:
            # Each stage said as it begins: the window shows how far loading got.
            self._mailbox.put(updates=Updates(loading=LOADING_STAGES[0]))
            with plain_imports():
                import torch

                torch.set_num_threads(1)  # two intra-op threads only fight the GUI (§8)
                from gradlab.core.actions import ActionLog
                from gradlab.core.session import TrainingSession

                self._mailbox.put(updates=Updates(loading=LOADING_STAGES[1]))
                # The first optimizer imports torch._dynamo (~1 s): pay it here.
                TrainingSession(ExperimentConfig(samples=4)).run_updates(1)
            self._mailbox.put(updates=Updates(loading=LOADING_STAGES[2]))
            self.session_factory = TrainingSession
            self.log = ActionLog()
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._tick)
            self._start_session(self._config, reason="start")
        except Exception as exc:  # noqa: BLE001 - must reach the GUI, never vanish
            self._report_crash("initialize", exc)
            return
        if self.restore_path:
            self._restore_autosave(self.restore_path)
        # Everything built so far (Qt, pyqtgraph, torch) lives as long as the
        # app: keep it out of the collector's scans, which otherwise grow with
        # it and pause both threads.
        gc.freeze()
        log.info(
            "ready: PyTorch %s, session at update %d", torch.__version__, self._session.step_count
        )
        self._mailbox.put(ready=True)

    def _restore_autosave(self, path: str) -> None:
        """Continue the autosaved session. Whatever goes wrong (a refused file,
        or any error while installing it), the file is moved aside, kept under a
        name with the time, and the fresh session stays: never overwritten by
        the next autosave, never a start that does not get ready."""
        import os

        from gradlab.core import checkpoint
        from gradlab.core.fileio import move_aside

        if not os.path.lexists(path):
            return
        try:
            session, extra = checkpoint.load(path)
            self._install(session, extra, "restored", path)
            return
        except Exception as exc:  # noqa: BLE001 - any failure: set aside, start fresh
            log.warning("autosave %s not restored", path, exc_info=exc)
            args = refusal_args(exc)
        try:
            args["kept"] = str(move_aside(path, "refused"))
        except OSError as exc:
            args["kept"] = ""
            args["move_error"] = exc.strerror or str(exc)
        args["path"] = path
        self._mailbox.put(messages=[Message("warning", "autosave.refused", args)])

    @Slot()
    def stop(self) -> None:
        """Stop timers in this thread, then hand the object back to the GUI thread."""
        if self._timer is not None:
            self._timer.stop()
        app_thread = _main_thread()
        if app_thread is not None and self.thread() is not app_thread:
            self.moveToThread(app_thread)

    # ------------------------------------------------------------- commands
    @Slot(str)
    def run_phase(self, name: str) -> None:
        self._guarded(self._do_phase, name)

    @Slot()
    def next_phase(self) -> None:
        def do():
            self._stop_for_call()
            events = self._session.step_over()  # says when mistake mode skips zero_grad()
            self._publish(messages=[event_message(e, self._session) for e in events])

        self._guarded(do)

    @Slot()
    def full_update(self) -> None:
        def do():
            self._stop_for_call()
            said = self._session.diverged  # the divergence was explained already
            events = self._session.full_update()
            # Say what went wrong on the way (accumulation, divergence), then the result.
            messages = [event_message(e, self._session) for e in events]
            notable = [
                m
                for m in messages[:-1]
                if m.level != "info" and not (said and m.code.endswith("diverged"))
            ]
            self._publish(messages=[*notable, messages[-1]])

        self._guarded(do)

    @Slot()
    def start_run(self) -> None:
        def do():
            self._back_to_one_run()
            s = self._session
            if s.diverged:
                self._publish(
                    messages=[Message("warning", "run.refused_diverged", {"step": s.step_count})],
                    running=False,
                )
                return
            self._begin_run()

        self._guarded(do)

    def _begin_run(self) -> None:
        self._run_t0 = time.perf_counter()
        self._run_done = 0
        self._run_start_step = self._session.step_count
        self._running = True
        self._publish(messages=[Message("info", "run.started", {"ups": self._ups})], running=True)
        self._timer.start(0)

    @Slot()
    def pause(self) -> None:
        self._guarded(self._pause_quietly)

    @Slot(int)
    def set_speed(self, ups: int) -> None:
        """Updates per second; FULL_SPEED (0) means as fast as possible."""
        self._ups = int(ups)
        if self._running:
            # Restart the pacing clock so a change never causes a burst.
            self._run_t0 = time.perf_counter()
            self._run_done = 0
            self._timer.start(0)

    @Slot(float)
    def set_lr(self, lr: float) -> None:
        def do():
            self._session.set_lr(lr)
            self._config = self._session.config
            self._publish(messages=[Message("info", "settings.lr", {"lr": lr})])

        self._guarded(do)

    @Slot(bool)
    def set_skip_zero_grad(self, skip: bool) -> None:
        def do():
            self._session.set_skip_zero_grad(skip)
            code = "settings.skip_on" if skip else "settings.skip_off"
            self._publish(messages=[Message("warning" if skip else "info", code)])

        self._guarded(do)

    @Slot(object, str, object)
    def reset(self, config: ExperimentConfig, reason: str, details: dict) -> None:
        self._guarded(self._start_session, config, reason, details)

    @Slot(str)
    def save_checkpoint(self, path: str) -> None:
        def do():
            from gradlab.core import checkpoint

            try:
                checkpoint.save(self._session, path, extra={"log": self.log.to_list()})
            except OSError as exc:  # a full disk, a read-only folder ...: say so
                self._publish(
                    messages=[
                        Message("error", "file.save_failed", {"path": path, **failure_args(exc)})
                    ]
                )
                return
            self._publish(
                messages=[
                    Message("info", "file.saved", {"path": path, "step": self._session.step_count})
                ]
            )

        self._guarded(do)

    @Slot(str)
    def autosave(self, path: str) -> None:
        """Save silently, for a caller that waits (closing); `last_save_error` says
        why it failed, or is None. Never raises: closing must go on."""
        self.last_save_error = None
        if self._session is None:
            return
        try:
            from gradlab.core import checkpoint

            checkpoint.save(self._session, path, extra={"log": self.log.to_list()})
        except Exception as exc:  # noqa: BLE001 - reported to the caller, who asks the student
            log.warning("autosave to %s failed", path, exc_info=exc)
            self.last_save_error = failure_args(exc)["error"]
        else:
            log.info("autosaved update %d to %s", self._session.step_count, path)

    @Slot(str, str)
    def load_checkpoint(self, path: str, reason: str) -> None:
        def do():
            from gradlab.core import checkpoint

            self._pause_quietly()
            try:
                session, extra = checkpoint.load(path)
                self._install(session, extra, reason, path)
            except Exception as exc:  # noqa: BLE001 - refused: the current session stays
                if not isinstance(exc, checkpoint.CheckpointError):
                    log.warning("%s not opened", path, exc_info=exc)
                args = {"path": path, **refusal_args(exc)}
                self._publish(messages=[Message("error", "file.refused", args)])

        self._guarded(do)

    @Slot(str)
    def state_dict_lab(self, path: str) -> None:
        def do():
            from gradlab.core import checkpoint

            result = checkpoint.state_dict_lab(self._session.model, self._session.config, path)
            self._publish(updates=Updates(state_dict_result=result))

        self._guarded(do)

    @Slot(int)
    def ping(self, token: int) -> None:
        """Answer once every command sent before has run (automation, tests)."""
        if self._session is not None:
            self._publish(updates=Updates(pong=token))
            self.published.emit()

    @Slot(int)
    def step_back(self, n: int) -> None:
        def do():
            self._stop_for_call()
            undone = self._session.step_back(n)
            code = "stepback.ok" if undone else "stepback.none"
            args = {"n": undone, "step": self._session.step_count}
            self._publish(messages=[Message("info" if undone else "warning", code, args)])

        self._guarded(do)

    @Slot(object)
    def set_parameters(self, values: dict) -> None:
        def do():
            self._stop_for_call()
            self._session.set_parameters(values)
            self._publish(
                messages=[Message("info", "params.set", {"values": dict(values)})],
                updates=self._landscape_updates(around=values),
            )

        self._guarded(do)

    @Slot(float)
    def infer(self, x: float) -> None:
        def do():
            from gradlab.core.data import target_function
            from gradlab.core.inference import predict

            config = self._session.config
            # The student's own data follow no known rule: there is no truth to show.
            truth = None if config.data is not None else (lambda t: target_function(config, t))
            result = predict(self._session.model, x, truth)
            self._publish(updates=Updates(inference=result))

        self._guarded(do)

    @Slot(object)
    def start_compare(self, variants: list) -> None:
        def do():
            self._pause_quietly()
            self._compare = runner = CompareRunner(self._session, variants)
            self._publish(
                messages=[Message("info", "compare.started", {"labels": runner.labels})],
                updates=Updates(compare=runner.view()),
            )
            self._begin_run()

        self._guarded(do)

    @Slot()
    def stop_compare(self) -> None:
        def do():
            self._pause_quietly()
            self._compare = None
            self._publish(updates=Updates(compare=None))

        self._guarded(do)

    # ------------------------------------------------------------ internals
    def _start_session(
        self, config: ExperimentConfig, reason: str, details: dict | None = None
    ) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._running = False
        skip = self._session.skip_zero_grad if self._session is not None else False
        self._config = config
        self._session = self.session_factory(config, log=self.log)
        if skip:
            self._session.set_skip_zero_grad(True)
        self._announce(reason, details)

    def _install(self, session, extra: dict, reason: str, path: str) -> None:
        """Make a loaded session the current one, with its session-as-code log.
        All or nothing: if telling the GUI about it fails, the session before it
        comes back, and the error goes to the caller."""
        from gradlab.core.actions import ActionLog

        before = (self._session, self.log, self._config)
        if isinstance(extra.get("log"), list):
            log_ = ActionLog.from_list(extra["log"])  # checked by the loader already
        else:
            log_ = session.log
            # The file holds a state but not how it came about: say so in the
            # session as code rather than replaying from the seed silently.
            log_.add("loaded", path=str(path), step=session.step_count)
        session.replace_log(log_)
        self._running = False
        self._session, self.log, self._config = session, log_, session.config
        try:
            self._announce(reason, {"path": path, "step": session.step_count}, from_file=True)
        except Exception:
            self._session, self.log, self._config = before
            self._announce(None, from_file=True)  # the GUI gets the old experiment back
            raise

    def _announce(
        self, reason: str | None, args: dict | None = None, from_file: bool = False
    ) -> None:
        """Tell the GUI a new session is in place: data, history, landscape, why
        (unless `reason` is None), and, when it came from a file, its experiment.
        (A reset's experiment came from the GUI, which may have moved on since it
        asked: sending it back would undo a newer change, such as a second edit of
        the data.)"""
        self._rows_sent = 0
        self._compactions_seen = 0
        self._compare = None
        self._mailbox.put(new_generation=True)
        updates = self._landscape_updates()
        messages = [Message("info", "session." + reason, args or {})] if reason else []
        messages += _lr_warning(updates.lr_limit, self._session.lr)
        self._publish(
            data=self._session.data_points(),
            replace=True,
            running=False,
            messages=messages,
            updates=updates.merged(
                Updates(compare=None, config=self._session.config)
                if from_file
                else Updates(compare=None)
            ),
        )

    def _landscape_updates(self, around: dict | None = None) -> Updates:
        """The loss surface and its optimum for the current data (linear model
        only: the landscape is drawn over (w, b)), and the learning-rate limit
        that holds for this experiment, if one does."""
        from gradlab.core import landscape

        s = self._session
        limit = landscape.lr_limit(s.config, s.x)
        if s.config.model != "linear":
            return Updates(landscape=None, lr_limit=limit)
        w_opt, b_opt = landscape.optimum(s.x, s.y)
        w0 = float(s.model.weight.detach().reshape(-1)[0])
        b0 = float(s.model.bias.detach().reshape(-1)[0])
        if around:
            w0 = float(around.get("weight", w0))
            b0 = float(around.get("bias", b0))
        if not (math.isfinite(w0) and math.isfinite(b0)):
            w0, b0 = w_opt, b_opt  # a diverged run (inf, nan): show the bowl around the optimum
        half = max(2.0, 1.4 * max(abs(w0 - w_opt), abs(b0 - b_opt)))
        steps = 64 if s.x.numel() <= 20_000 else 32  # grid × samples values to evaluate
        surf = landscape.surface(
            s.x,
            s.y,
            s.config.loss,
            (w_opt - half, w_opt + half),
            (b_opt - half, b_opt + half),
            steps=steps,
        )
        return Updates(
            landscape=LandscapeView(surface=surf, optimum=(w_opt, b_opt), loss=s.config.loss),
            lr_limit=limit,
        )

    def _do_phase(self, name: str) -> None:
        self._stop_for_call()
        event = self._session.run_phase(name)
        self._publish(messages=[event_message(event, self._session)])

    def _back_to_one_run(self) -> None:
        """A call on the student's own run ends compare mode first, and says so:
        the comparison's runs stop where they are, the own run goes on."""
        if self._compare is None:
            return
        if self._running:
            self._timer.stop()
            self._running = False
        self._compare = None
        self._publish(
            messages=[Message("info", "compare.left", {"step": self._session.step_count})],
            updates=Updates(compare=None),
            running=False,
        )

    def _stop_for_call(self) -> None:
        """Before a call on the student's own run: compare mode ends, a run pauses
        (each said as a message)."""
        self._back_to_one_run()
        self._pause_quietly()

    def _pause_quietly(self) -> None:
        """Stop a run, if one is going, and say how far it got."""
        if self._running:
            self._timer.stop()
            self._running = False
            n = self._session.step_count - self._run_start_step
            total = self._session.step_count
            self._publish(
                messages=[Message("info", "run.paused", {"n": n, "total": total})], running=False
            )

    @Slot()
    def _tick(self) -> None:
        try:
            self._tick_inner()
        except Exception as exc:  # noqa: BLE001
            self._timer.stop()
            self._running = False
            self._report_crash("run", exc)

    def _tick_inner(self) -> None:
        if self._compare is not None:
            self._tick_compare()
            return
        s = self._session
        now = time.perf_counter()
        deadline = now + CHUNK_SECONDS
        gate = self._mailbox.gate
        if self._ups == FULL_SPEED:
            ran = s.run_updates(1 << 30, deadline=deadline, yield_when=gate.is_closed)
            next_in_ms = 0
        else:
            owed = int((now - self._run_t0) * self._ups) + 1 - self._run_done
            ran = s.run_updates(min(owed, MAX_PACED_BATCH), deadline=deadline) if owed > 0 else 0
            due_at = self._run_t0 + (self._run_done + ran) / self._ups
            next_in_ms = max(0, int((due_at - time.perf_counter()) * 1000))
        self._run_done += ran
        if s.diverged:
            self._running = False
            self._publish(
                running=False,
                messages=[
                    Message(
                        "error",
                        "run.diverged",
                        {"step": s.step_count, "loss": _loss_value(s), "lr": s.lr},
                    )
                ],
            )
            return
        if gate.is_closed():
            gate.wait_open()  # before publishing: the frame has taken the mailbox already
        if ran and self._mailbox.wants_snapshot():
            # Once per frame, not per tick: until the GUI has taken the last
            # snapshot, the rows since can wait for the next send (a pause or a
            # command sends everything), and two sends of three cost only time.
            self._publish(from_run_tick=True)
        self._timer.start(next_in_ms)

    def _tick_compare(self) -> None:
        """A tick of compare mode: every run advances by the same number of updates."""
        runner = self._compare
        next_in_ms = runner.run_tick(self._ups == FULL_SPEED, self._ups)
        self._mailbox.put(updates=Updates(compare=runner.view()))
        if runner.finished:
            self._running = False
            self._mailbox.put(
                running=False,
                messages=[Message("info", "compare.done", {"n": runner.done})],
            )
            return
        self._timer.start(next_in_ms)

    def _publish(self, *, from_run_tick: bool = False, **kwargs) -> None:
        """Send the current state: history rows since the last send, a snapshot.
        `from_run_tick`: sent by a run (only when the GUI wants a snapshot), with
        the graph as last captured and without the teaching panels' updates."""
        s = self._session
        h = s.history
        replace = kwargs.pop("replace", False)
        if h.compactions != self._compactions_seen or len(h) < self._rows_sent:
            replace = True
            self._compactions_seen = h.compactions
        start = 0 if replace else self._rows_sent
        rows = h.rows_since(start)
        self._rows_sent = len(h)
        snap = s.snapshot(fresh_graph=not from_run_tick)
        if not from_run_tick:
            # After a command, never from a run's ticks: the maths beside autograd
            # and, when it changed, the session as code.
            kwargs["updates"] = self._teaching_updates().merged(kwargs.get("updates"))
        self._mailbox.put(snapshot=snap, rows=rows, replace=replace, **kwargs)

    def _teaching_updates(self) -> Updates:
        """For the teaching panels: the maths, a MathsInfo (plain data, about
        0.15 ms), and the session log, a copy of the ActionLog sent only when it
        changed (a run changes only its last entry's count, so a run sends it
        once, when it stops)."""
        from gradlab.core import maths

        info = maths.explain(self._session)
        sent_log, sent_version = self._log_sent or (None, -1)
        if sent_log is self.log and sent_version == self.log.version:
            return Updates(maths=info)
        self._log_sent = (self.log, self.log.version)
        return Updates(maths=info, session_log=SessionLog(self.log.copy(), self.log.dropped))

    def _guarded(self, fn, *args) -> None:
        """Run a command; teaching errors become messages, anything else is reported."""
        from gradlab.core.session import TeachingError

        if self._session is None:
            self._mailbox.put(messages=[Message("warning", "not_ready")])
            return
        try:
            fn(*args)
            self.published.emit()
        except TeachingError as exc:
            self._publish(
                messages=[
                    Message(
                        "error" if exc.code == "backward.freed" else "warning",
                        exc.code,
                        {"torch": exc.torch_message or ""},
                    )
                ]
            )
            self.published.emit()
        except Exception as exc:  # noqa: BLE001 - never silent, never a crash
            self._report_crash(getattr(fn, "__name__", "command"), exc)

    def _report_crash(self, where: str, exc: BaseException) -> None:
        log.error("worker error in %s", where, exc_info=exc)
        self._mailbox.put(
            running=False,
            messages=[
                Message(
                    "error",
                    "worker.crash",
                    {
                        "where": where,
                        "error": f"{type(exc).__name__}: {exc}",
                        "trace": "".join(traceback.format_exception(exc)),
                    },
                )
            ],
        )


def _loss_value(session) -> float | None:
    return None if session.loss is None else session.loss.item()


def _main_thread() -> QThread | None:
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    return app.thread() if app is not None else None


def _lr_warning(limit, lr: float) -> list[Message]:
    """A warning when lr is past a limit that holds exactly for these data (new
    data can move it far: the thermometer readings' is about 0.002), with an lr
    just below it to try."""
    from gradlab.ui.lr_limit_text import above_exact_limit

    if not above_exact_limit(limit, lr):
        return []
    suggest = float(f"{0.9 * limit.value:.1g}")  # one significant digit ...
    if suggest >= limit.value:  # ... rounded up past the limit: round down instead
        scale = 10 ** math.floor(math.log10(0.9 * limit.value))
        suggest = math.floor(0.9 * limit.value / scale) * scale
    return [Message("warning", "lr.above_limit", {"lr": lr, "limit": limit.value, "try": suggest})]
