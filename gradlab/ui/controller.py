"""The GUI thread's facade over the training worker (DESIGN §3).

Widgets call the controller; the controller sends queued commands to the worker
and, on its frame timer, takes the mailbox and emits `frame` once per frame for
the panels. It validates settings itself (the config is plain Python), so a
refused value never reaches the worker.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)

from gradlab.core.config import ConfigError, ExperimentConfig, parse_value
from gradlab.ui.data_editing import DataEditor
from gradlab.ui.exercise_book import ExerciseBook
from gradlab.ui.mailbox import Mailbox
from gradlab.ui.messages import Message
from gradlab.ui.series import Series
from gradlab.ui.updates import UNSET, CompareView, LandscapeView, SessionLog, Updates
from gradlab.ui.worker import FULL_SPEED, TrainingWorker

if TYPE_CHECKING:  # torch-backed modules: not at the window's import time
    from gradlab.core.checkpoint import StateDictLab
    from gradlab.core.inference import Prediction
    from gradlab.core.maths import MathsInfo

MAX_INFER_X = 1e6  # x the inference lab accepts: any number up to this size
FRAME_MS = 33
RESET_FIELDS = (
    "samples",
    "true_w",
    "true_b",
    "noise",
    "seed",
    "optimizer",
    "momentum",
    "batch_size",
    "loss",
    "model",
    "hidden",
    "target",
)

_LIVE_THREADS: weakref.WeakSet = weakref.WeakSet()


def live_threads() -> list[QThread]:
    """Worker threads still running (tests fail if any outlives its test)."""
    return [t for t in list(_LIVE_THREADS) if t.isRunning()]


class Controller(QObject):
    frame = Signal(object)  # a mailbox.Frame, after series/data were updated
    readyChanged = Signal(bool)
    runningChanged = Signal(bool)
    message = Signal(object)  # a messages.Message (also those raised GUI-side)
    configChanged = Signal(object)  # the ExperimentConfig now in effect
    painted = Signal()  # end of every frame: views repaint what they marked dirty
    speedChanged = Signal(object)  # updates per second, or None for full speed
    # What the worker published (see updates.Updates), at most once a frame each:
    landscapeChanged = Signal(object)  # a LandscapeView, or None (no landscape)
    lrLimitChanged = Signal(object)  # a core.landscape.LrLimit
    compareChanged = Signal(object)  # a CompareView, or None (compare mode off)
    mathsChanged = Signal(object)  # a core.maths.MathsInfo
    sessionLogChanged = Signal(object)  # a SessionLog
    inferenceChanged = Signal(object)  # a core.inference.Prediction
    stateDictResultChanged = Signal(object)  # a core.checkpoint.StateDictLab
    loadingChanged = Signal(object)  # the start-up stage begun (worker.LOADING_STAGES)

    # Commands for the worker (queued: they run in the worker thread, in order).
    _cmd_phase = Signal(str)
    _cmd_next = Signal()
    _cmd_full = Signal()
    _cmd_run = Signal()
    _cmd_pause = Signal()
    _cmd_speed = Signal(int)
    _cmd_lr = Signal(float)
    _cmd_skip = Signal(bool)
    _cmd_reset = Signal(object, str, object)  # config, reason, what the message says
    _cmd_step_back = Signal(int)
    _cmd_params = Signal(object)
    _cmd_infer = Signal(float)
    _cmd_compare = Signal(object)
    _cmd_stop_compare = Signal()
    _cmd_save = Signal(str)
    _cmd_load = Signal(str, str)
    _cmd_lab = Signal(str)
    _cmd_ping = Signal(int)

    def __init__(self, config: ExperimentConfig | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.config = config or ExperimentConfig()
        self.mailbox = Mailbox()
        self.series = Series()
        self.data: tuple[list[float], list[float]] | None = None
        self.snapshot = None
        self.ready = False
        self.running = False
        self.generation = -1
        self.speed = 5
        # The newest of each update the worker published (None until the first).
        self.landscape: LandscapeView | None = None
        self.lr_limit = None  # a core.landscape.LrLimit once the session is ready
        self.compare: CompareView | None = None
        self.maths: MathsInfo | None = None
        self.session_log: SessionLog | None = None
        self.inference: Prediction | None = None
        self.state_dict_result: StateDictLab | None = None
        self.pong: int | None = None  # the newest sync() token answered
        self.loading: str | None = None  # the start-up stage begun last
        self.restore_path: str | None = None  # set before start() to restore an autosave
        self._pings = 0
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_frame)
        # The student's own data: drawing, import, export, undo (data_editing.py).
        self.data_editor = DataEditor(self)
        # Challenges, exercise files and the student's progress (exercise_book.py).
        self.exercises = ExerciseBook(self)

    # ------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Start the worker thread (it imports torch there, then reports ready)."""
        if self._thread is not None:
            return
        self._thread = QThread()
        self._thread.setObjectName("GradLabTrainingThread")
        self._worker = TrainingWorker(self.mailbox, self.config)
        self._worker.moveToThread(self._thread)
        w = self._worker
        self._cmd_phase.connect(w.run_phase)
        self._cmd_next.connect(w.next_phase)
        self._cmd_full.connect(w.full_update)
        self._cmd_run.connect(w.start_run)
        self._cmd_pause.connect(w.pause)
        self._cmd_speed.connect(w.set_speed)
        self._cmd_lr.connect(w.set_lr)
        self._cmd_skip.connect(w.set_skip_zero_grad)
        self._cmd_reset.connect(w.reset)
        self._cmd_step_back.connect(w.step_back)
        self._cmd_params.connect(w.set_parameters)
        self._cmd_infer.connect(w.infer)
        self._cmd_compare.connect(w.start_compare)
        self._cmd_stop_compare.connect(w.stop_compare)
        self._cmd_save.connect(w.save_checkpoint)
        self._cmd_load.connect(w.load_checkpoint)
        self._cmd_lab.connect(w.state_dict_lab)
        self._cmd_ping.connect(w.ping)
        w.restore_path = self.restore_path
        self._thread.started.connect(w.initialize)
        w.published.connect(self._on_published)
        _LIVE_THREADS.add(self._thread)
        self._thread.start()
        self._cmd_speed.emit(self._worker_speed())
        self._timer.start()

    @property
    def started(self) -> bool:
        return self._thread is not None

    def shutdown(self) -> None:
        """Stop the frame timer and end the worker thread; safe to call twice."""
        self._timer.stop()
        thread, worker = self._thread, self._worker
        if thread is None:
            return
        if thread.isRunning():
            # Runs in the worker thread between chunks: stops its timers there.
            QMetaObject.invokeMethod(worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
            thread.quit()
            thread.wait()
        self._thread = None
        self._worker = None
        self._set_ready(False)

    # ------------------------------------------------------------- commands
    def run_phase(self, name: str) -> None:
        if self.ready:
            self._cmd_phase.emit(name)

    def next_phase(self) -> None:
        if self.ready:
            self._cmd_next.emit()

    def full_update(self) -> None:
        if self.ready:
            self._cmd_full.emit()

    def toggle_run(self) -> None:
        if self.running:
            self.pause()
        else:
            self.run()

    def run(self) -> None:
        if self.ready and not self.running:
            self._set_running(True)  # optimistic; frames confirm or correct it
            self._cmd_run.emit()

    def pause(self) -> None:
        if self.ready:
            self._cmd_pause.emit()

    def reset(self) -> None:
        if self.ready:
            self._cmd_reset.emit(self.config, "reset", {})

    def step_back(self, n: int = 1) -> None:
        if self.ready:
            self._cmd_step_back.emit(int(n))

    def set_parameters(self, values: dict) -> None:
        """Move the model to a starting point, e.g. {"weight": 0.5, "bias": -1}."""
        if self.ready:
            self._cmd_params.emit(dict(values))

    def infer(self, x) -> bool:
        """Predict y for x under no_grad/eval; False (and a message) for a bad x."""
        try:
            value = float(str(x).strip())
            if value != value:  # "nan" parses, but is not a number to predict for
                raise ValueError
        except ValueError:
            self.message.emit(Message("error", "infer.refused", {"text": str(x)}))
            return False
        if not abs(value) <= MAX_INFER_X:
            self.message.emit(Message("error", "infer.out_of_range", {"text": str(x)}))
            return False
        if self.ready:
            self._cmd_infer.emit(value)
        return True

    def start_compare(self, variants: list[dict]) -> bool:
        """Train up to four settings side by side; validated here first."""
        try:
            if not 1 <= len(variants) <= 4:
                raise ConfigError("compare", "compare.count", "compare takes 1 to 4 settings")
            for changes in variants:
                self.config.with_changes(**changes)
        except ConfigError as exc:
            self.refuse_setting(exc)
            return False
        if self.ready:
            self._set_running(True)
            self._cmd_compare.emit([dict(v) for v in variants])
        return True

    def stop_compare(self) -> None:
        if self.ready:
            self._cmd_stop_compare.emit()

    def sync(self) -> int:
        """Ask the worker to answer once all earlier commands ran: returns a token
        that appears as `pong` with the snapshot after them."""
        self._pings += 1
        if self.started:
            self._cmd_ping.emit(self._pings)
        return self._pings

    def synced(self, token: int) -> bool:
        return self.pong == token

    def save(self, path: str) -> None:
        if self.ready:
            self._cmd_save.emit(str(path))

    def open(self, path: str) -> None:
        """Load a checkpoint; a bad file is refused and changes nothing."""
        if self.ready:
            self._cmd_load.emit(str(path), "loaded")

    def state_dict_lab(self, path: str) -> None:
        if self.ready:
            self._cmd_lab.emit(str(path))

    def autosave(self, path: str) -> str | None:
        """Save now and wait for it (used when closing). Returns why it failed (the
        system's words, e.g. "No space left on device"), or None when it was
        saved or there was nothing to save."""
        if self._thread is None or not self._thread.isRunning():
            return None
        QMetaObject.invokeMethod(
            self._worker,
            "autosave",
            Qt.ConnectionType.BlockingQueuedConnection,
            Q_ARG(str, str(path)),
        )
        # The blocking call has returned: the worker wrote this before it did.
        return self._worker.last_save_error

    def set_speed(self, updates_per_second: int | None) -> None:
        """None means full speed."""
        if updates_per_second != self.speed:
            self.speed = updates_per_second
            self.speedChanged.emit(updates_per_second)
        if self.started:
            self._cmd_speed.emit(self._worker_speed())

    def _worker_speed(self) -> int:
        return FULL_SPEED if self.speed is None else int(self.speed)

    def set_skip_zero_grad(self, skip: bool) -> None:
        if self.started:
            self._cmd_skip.emit(bool(skip))

    def refuse_setting(self, exc: ConfigError, name: str | None = None) -> None:
        """Tell the student a setting was refused and nothing changed: `name` is
        the field they changed, else the one the error is about."""
        args = {"error": exc, "name": name or exc.code.split(".")[0]}
        self.message.emit(Message("error", "settings.refused", args))

    def apply_setting(self, name: str, value) -> bool:
        """Validate one setting; apply it (lr live, others by a reset). On a refused
        value tell the student and change nothing. Returns whether it was applied."""
        try:
            parsed = parse_value(name, value)
            new = self.config.with_changes(**{name: parsed})
        except ConfigError as exc:
            self.refuse_setting(exc, name)
            return False
        if new == self.config:
            return True
        self.config = new
        self.configChanged.emit(new)
        if not self.started:
            return True
        if name == "lr":
            self._cmd_lr.emit(new.lr)
        else:
            self._cmd_reset.emit(new, "settings", {"own_data": new.data is not None})
        return True

    def apply_config(
        self,
        config: ExperimentConfig,
        reason: str = "settings",
        details: dict | None = None,
        skip_zero_grad: bool | None = None,
    ) -> None:
        """Replace the whole experiment (lessons' try-it links, loading a file, new
        data). The worker's message is "session.<reason>" with `details`.
        `skip_zero_grad`, when given, is the mistake mode to run it in."""
        self.config = config
        self.configChanged.emit(config)
        if self.started:
            self._cmd_reset.emit(config, reason, dict(details or {}))
        if skip_zero_grad is not None:
            # The mistake mode outlives a reset: set it only when it differs, so
            # that not every link adds a "zero_grad() runs again" message.
            skipping = self.snapshot.skip_zero_grad if self.snapshot is not None else None
            if skipping is not skip_zero_grad:
                self.set_skip_zero_grad(skip_zero_grad)

    # --------------------------------------------------------------- frames
    @Slot()
    def _on_published(self) -> None:
        self._on_frame()
        self._timer.start()  # the next regular frame a full period from now

    @Slot()
    def _on_frame(self) -> None:
        # Hold the worker between two updates while this frame updates and paints.
        gate = self.mailbox.gate
        gate.close()
        try:
            self._frame()
            # What the frame set off (pyqtgraph's scene bookkeeping, label repaints)
            # is posted for later; run it now, while the worker waits, instead of
            # after the gate opens, where each call into Python would again have
            # to win the GIL from the training loop.
            QCoreApplication.sendPostedEvents()
        finally:
            gate.open()

    def _frame(self) -> None:
        frame = self.mailbox.take()
        if frame.generation != self.generation:
            self.generation = frame.generation
            self.series.clear()
        if frame.rows is not None:
            if frame.replace_rows:
                self.series.replace(frame.rows)
            else:
                self.series.extend(frame.rows)
        if frame.data is not None:
            self.data = frame.data
        if frame.snapshot is not None:
            self.snapshot = frame.snapshot
        if frame.ready is not None:
            self._set_ready(frame.ready)
        if frame.running is not None:
            self._set_running(frame.running)
        for msg in frame.messages:
            self.message.emit(msg)
        if frame.updates:
            self._take_updates(frame.updates)
        if frame.snapshot is not None or frame.rows is not None or frame.data is not None:
            self.frame.emit(frame)
        self.painted.emit()

    def _take_updates(self, updates: Updates) -> None:
        """Keep the newest of each, then tell the panels what changed."""
        changed = []
        for name, signal in (
            ("landscape", self.landscapeChanged),
            ("lr_limit", self.lrLimitChanged),
            ("compare", self.compareChanged),
            ("maths", self.mathsChanged),
            ("session_log", self.sessionLogChanged),
            ("inference", self.inferenceChanged),
            ("state_dict_result", self.stateDictResultChanged),
            ("pong", None),
            ("loading", self.loadingChanged),
        ):
            value = getattr(updates, name)
            if value is not UNSET:
                setattr(self, name, value)
                changed.append((signal, value))
        config = updates.config
        if config is not UNSET and config != self.config:
            self.config = config  # a loaded file brings its own experiment
            self.configChanged.emit(config)
        for signal, value in changed:
            if signal is not None:
                signal.emit(value)

    def _set_ready(self, ready: bool) -> None:
        if ready != self.ready:
            self.ready = ready
            self.readyChanged.emit(ready)

    def _set_running(self, running: bool) -> None:
        if running != self.running:
            self.running = running
            self.runningChanged.emit(running)
