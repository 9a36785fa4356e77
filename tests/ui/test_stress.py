"""Stateful UI stress: random sequences of what a student can do, against the
independent reference session (tests/reference.py), with hypothesis.

After every step: no exception escaped (pytest-qt fails on those), the values
the window shows equal the reference's, and no worker thread leaked.
`GRADLAB_HYPOTHESIS=long` runs many more examples."""

import os

import hypothesis.strategies as st
from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from gradlab.ui.controller import live_threads
from tests.reference import ReferenceSession
from tests.ui.conftest import READY_MS

LONG = os.environ.get("GRADLAB_HYPOTHESIS") == "long"
PHASES = ("forward", "loss", "zero_grad", "backward", "step")


def wait(qtbot, predicate, timeout=20_000):
    qtbot.waitUntil(predicate, timeout=timeout)


class StudentSession(RuleBasedStateMachine):
    qtbot = None  # set by the test function
    tmp = None

    def open_window(self, restore=False):
        from gradlab.ui.main_window import MainWindow

        self.window = MainWindow(restore_autosave=restore)
        self.qtbot.addWidget(self.window)
        self.window.show()
        wait(self.qtbot, lambda: self.window.controller.ready, READY_MS)
        self.sync()

    def sync(self):
        c = self.window.controller
        token = c.sync()
        wait(self.qtbot, lambda: c.synced(token))

    @initialize()
    def start(self):
        self.ref = ReferenceSession()
        self.saved = None
        self.save_path = str(self.tmp / "stress.gradlab.pt")
        self.open_window()

    def teardown(self):
        self.window.close()
        assert live_threads() == []

    # ------------------------------------------------------------ rules
    @rule(phase=st.sampled_from(PHASES))
    def click_phase(self, phase):
        self.window.controller.run_phase(phase)
        self.ref.phase(phase)
        self.sync()

    @rule()
    def next_phase(self):
        self.window.controller.next_phase()
        self.ref.phase(self.ref.next_phase())
        self.sync()

    @rule()
    def full_update(self):
        self.window.controller.full_update()
        self.ref.full_update()
        self.sync()

    @rule(ms=st.integers(20, 200))
    def run_then_pause(self, ms):
        c = self.window.controller
        self.window.controls.speed_slider.setValue(self.window.controls.speed_slider.maximum())
        before = c.snapshot.step
        c.run()
        self.qtbot.wait(ms)
        c.pause()
        self.sync()
        ran = c.snapshot.step - before
        # Run first finishes an update in progress; when one of its lines fails
        # (backward through a freed graph) no update completes, but the lines
        # before it have run, in the app as in the reference.
        if (ran or self.ref.last not in (None, "step")) and self.ref.full_update():
            self.ref.updates(ran - 1)

    @rule(on=st.booleans())
    def mistake_mode(self, on):
        self.window.controls.skip_check.setChecked(on)
        if on != self.ref.skip:
            self.ref.set_skip(on)
        self.sync()

    @rule(text=st.sampled_from(["0.05", "0.2", "abc", "-1", "nan", "0", "1e9"]))
    def type_lr(self, text):
        field = self.window.controls.fields["lr"]
        field.setText(text)
        field.editingFinished.emit()
        try:
            value = float(text)
        except ValueError:
            value = None
        allowed = value is not None and 0 < value <= 100  # nan fails both comparisons
        if allowed and value != self.ref.settings["lr"]:
            self.ref.set_lr(value)
        self.sync()

    @rule(
        name=st.sampled_from(["seed", "samples", "noise"]),
        text=st.sampled_from(["0", "3", "40", "-2", "x", "0.5"]),
    )
    def change_setting(self, name, text):
        field = self.window.controls.fields[name]
        field.setText(text)
        field.editingFinished.emit()
        accepted = self.window.controller.config
        settings_now = dict(self.ref.settings)
        wanted = {"seed": accepted.seed, "samples": accepted.samples, "noise": accepted.noise}
        if any(settings_now[k] != v for k, v in wanted.items()):
            self.ref = ReferenceSession(
                **wanted, lr=accepted.lr, optimizer=settings_now["optimizer"]
            )
            self.ref.skip = self.window.controls.skip_check.isChecked()
        self.sync()

    @rule(optimizer=st.sampled_from(["sgd", "momentum", "adam"]))
    def change_optimizer(self, optimizer):
        c = self.window.controller
        if c.apply_setting("optimizer", optimizer) and optimizer != self.ref.settings["optimizer"]:
            skip = self.ref.skip
            self.ref = ReferenceSession(**{**self.ref.settings, "optimizer": optimizer})
            self.ref.skip = skip
        self.sync()

    @rule()
    def reset(self):
        self.window.controller.reset()
        skip = self.ref.skip
        self.ref = ReferenceSession(**self.ref.settings)
        self.ref.skip = skip
        self.sync()

    @rule(n=st.integers(1, 3))
    def step_back(self, n):
        c = self.window.controller
        if c.snapshot.can_step_back >= n:
            c.step_back(n)
            self.ref.step_back(n)
            self.sync()

    @rule()
    def save(self):
        self.window.save_to(self.save_path)
        self.sync()
        self.saved = (self.ref.save(), dict(self.ref.settings))

    @rule()
    def load(self):
        if self.saved is None:
            return
        self.window.open_file(self.save_path)
        self.sync()
        state, saved_settings = self.saved
        self.ref = ReferenceSession(**saved_settings)
        self.ref.restore(state)

    @rule()
    def close_and_reopen(self):
        self.window.close()
        assert live_threads() == []
        self.open_window(restore=True)
        self.ref.restore(self.ref.save())  # a graph is not saved: y_pred and loss are gone

    # ------------------------------------------------------- invariants
    @invariant()
    def shows_what_the_reference_computes(self):
        snap = self.window.controller.snapshot
        expected = self.ref.values()
        shown = {
            "step": snap.step,
            "w": snap.w,
            "b": snap.b,
            "w_grad": snap.grad(0),
            "b_grad": snap.grad(1),
            "loss": snap.loss,
        }
        assert shown == expected

    @invariant()
    def one_worker_thread(self):
        assert len(live_threads()) == 1


def test_student_sessions(qtbot, tmp_path):
    StudentSession.qtbot = qtbot
    StudentSession.tmp = tmp_path
    run_state_machine_as_test(
        StudentSession,
        settings=settings(
            max_examples=40 if LONG else 6,
            stateful_step_count=40 if LONG else 12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            # Shrinking replays many window sessions: only in the long profile.
            phases=tuple(Phase) if LONG else (Phase.explicit, Phase.reuse, Phase.generate),
        ),
    )


def test_regression_run_after_a_second_loss_on_a_freed_graph(qtbot, tmp_path):
    """Found by the state machine: loss, backward, loss again, then Run. Run
    finishes the update in progress: zero_grad() runs, then backward() meets the
    graph the first backward freed and is refused; no update completes."""
    StudentSession.qtbot = qtbot
    StudentSession.tmp = tmp_path
    state = StudentSession()
    state.start()
    try:
        state.click_phase("forward")
        state.click_phase("loss")
        state.click_phase("backward")
        state.click_phase("loss")
        state.run_then_pause(ms=60)
        state.shows_what_the_reference_computes()
        state.one_worker_thread()
        snap = state.window.controller.snapshot
        assert snap.step == 0 and snap.grad(0) is None  # zero_grad ran, step did not
    finally:
        state.teardown()
