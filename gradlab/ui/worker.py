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
import time
import traceback

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from gradlab.core.config import ExperimentConfig
from gradlab.ui.compare_runner import CompareRunner
from gradlab.ui.mailbox import Mailbox
from gradlab.ui.messages import Message, event_message
from gradlab.ui.plain_imports import plain_imports
from gradlab.ui.updates import LandscapeView, SessionLog, Updates

log = logging.getLogger(__name__)

CHUNK_SECONDS = 0.010
FULL_SPEED = 0  # updates per second meaning "as fast as possible"
MAX_PACED_BATCH = 64  # at most this many overdue updates catch up in one tick


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

    # ------------------------------------------------------------ lifecycle
    @Slot()
    def initialize(self) -> None:
        """Import torch, build the session, warm up; then tell the GUI it is ready."""
        try:
            with plain_imports():
                import torch

                torch.set_num_threads(1)  # two intra-op threads only fight the GUI (§8)
                from gradlab.core.actions import ActionLog
                from gradlab.core.session import TrainingSession

                # The first optimizer imports torch._dynamo (~1 s): pay it here.
                TrainingSession(ExperimentConfig(samples=4)).run_updates(1)
            self.session_factory = TrainingSession
            self.log = ActionLog()
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._tick)
            self._start_session(self._config, reason="start")
            if self.restore_path:
                self._restore_autosave(self.restore_path)
            # Everything built so far (Qt, pyqtgraph, torch) lives as long as the
            # app: keep it out of the collector's scans, which otherwise grow with
            # it and pause both threads.
            gc.freeze()
            self._mailbox.put(ready=True)
        except Exception as exc:  # noqa: BLE001 - must reach the GUI, never vanish
            self._report_crash("initialize", exc)

    def _restore_autosave(self, path: str) -> None:
        import os

        from gradlab.core import checkpoint

        if not os.path.exists(path):
            return
        try:
            session, extra = checkpoint.load(path)
        except checkpoint.CheckpointError as exc:
            self._mailbox.put(
                messages=[
                    Message("warning", "autosave.refused", {"error": str(exc), "code": exc.code})
                ]
            )
            return
        self._install(session, extra, "restored", path)

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
            self._pause_quietly()
            events = self._session.step_over()  # says when mistake mode skips zero_grad()
            self._publish(messages=[event_message(e, self._session) for e in events])

        self._guarded(do)

    @Slot()
    def full_update(self) -> None:
        def do():
            self._pause_quietly()
            events = self._session.full_update()
            # Say what went wrong on the way (accumulation, divergence), then the result.
            messages = [event_message(e, self._session) for e in events]
            notable = [m for m in messages[:-1] if m.level != "info"]
            self._publish(messages=[*notable, messages[-1]])

        self._guarded(do)

    @Slot()
    def start_run(self) -> None:
        def do():
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

    @Slot(object, str)
    def reset(self, config: ExperimentConfig, reason: str) -> None:
        self._guarded(self._start_session, config, reason)

    @Slot(str)
    def save_checkpoint(self, path: str) -> None:
        def do():
            from gradlab.core import checkpoint

            checkpoint.save(self._session, path, extra={"log": self.log.to_list()})
            self._publish(
                messages=[
                    Message("info", "file.saved", {"path": path, "step": self._session.step_count})
                ]
            )

        self._guarded(do)

    @Slot(str)
    def autosave(self, path: str) -> None:
        """Save silently (on exit); errors are logged and reported, never raised."""
        if self._session is None:
            return
        try:
            from gradlab.core import checkpoint

            checkpoint.save(self._session, path, extra={"log": self.log.to_list()})
        except Exception as exc:  # noqa: BLE001 - closing must go on
            self._report_crash("autosave", exc)

    @Slot(str, str)
    def load_checkpoint(self, path: str, reason: str) -> None:
        def do():
            from gradlab.core import checkpoint

            self._pause_quietly()
            try:
                session, extra = checkpoint.load(path)
            except checkpoint.CheckpointError as exc:
                # The current session is untouched: nothing was replaced yet.
                self._publish(
                    messages=[
                        Message(
                            "error",
                            "file.refused",
                            {"path": path, "error": str(exc), "code": exc.code},
                        )
                    ]
                )
                return
            self._install(session, extra, reason, path)

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
            self._pause_quietly()
            undone = self._session.step_back(n)
            code = "stepback.ok" if undone else "stepback.none"
            args = {"n": undone, "step": self._session.step_count}
            self._publish(messages=[Message("info" if undone else "warning", code, args)])

        self._guarded(do)

    @Slot(object)
    def set_parameters(self, values: dict) -> None:
        def do():
            self._pause_quietly()
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
            result = predict(self._session.model, x, lambda t: target_function(config, t))
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
    def _start_session(self, config: ExperimentConfig, reason: str) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._running = False
        skip = self._session.skip_zero_grad if self._session is not None else False
        self._config = config
        self._session = self.session_factory(config, log=self.log)
        if skip:
            self._session.set_skip_zero_grad(True)
        self._announce(reason)

    def _install(self, session, extra: dict, reason: str, path: str) -> None:
        """Make a loaded session the current one, with its session-as-code log."""
        from gradlab.core.actions import ActionLog

        if isinstance(extra.get("log"), list):
            try:
                self.log = ActionLog.from_list(extra["log"])
            except (KeyError, TypeError, ValueError):
                self.log = session.log
        else:
            self.log = session.log
            # The file holds a state but not how it came about: say so in the
            # session as code rather than replaying from the seed silently.
            self.log.add("loaded", path=str(path), step=session.step_count)
        session.replace_log(self.log)
        self._running = False
        self._session = session
        self._config = session.config
        self._announce(reason, {"path": path, "step": session.step_count})

    def _announce(self, reason: str, args: dict | None = None) -> None:
        """Tell the GUI a new session is in place: data, history, landscape."""
        self._rows_sent = 0
        self._compactions_seen = 0
        self._compare = None
        self._mailbox.put(new_generation=True)
        self._publish(
            data=self._session.data_points(),
            replace=True,
            running=False,
            messages=[Message("info", "session." + reason, args or {})],
            updates=self._landscape_updates().merged(
                Updates(compare=None, config=self._session.config)
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
        self._pause_quietly()
        event = self._session.run_phase(name)
        self._publish(messages=[event_message(event, self._session)])

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
            self._publish(snapshot_if_wanted=True)
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

    def _publish(self, *, snapshot_if_wanted: bool = False, **kwargs) -> None:
        """Send the current state: history rows since the last send, a snapshot."""
        s = self._session
        h = s.history
        replace = kwargs.pop("replace", False)
        if h.compactions != self._compactions_seen or len(h) < self._rows_sent:
            replace = True
            self._compactions_seen = h.compactions
        start = 0 if replace else self._rows_sent
        rows = h.rows_since(start)
        self._rows_sent = len(h)
        snap = None
        if not snapshot_if_wanted or self._mailbox.wants_snapshot():
            snap = s.snapshot(fresh_graph=not snapshot_if_wanted)
        if not snapshot_if_wanted:
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
