"""Step controls and settings: the five phases, debugger motions, speed, the
skip-zero_grad mistake mode and every experiment setting."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gradlab.core.config import LOSSES, MODELS, OPTIMIZERS, SPEC_BY_NAME, TARGETS, ExperimentConfig
from gradlab.ui import lr_limit_text
from gradlab.ui.texts import allowed_text, setting_label

translate = QCoreApplication.translate

PHASE_BUTTONS = (
    ("forward", "forwardButton", "y_pred = model(x)"),
    ("loss", "lossButton", "loss = criterion(y_pred, y)"),
    ("zero_grad", "zeroGradButton", "optimizer.zero_grad()"),
    ("backward", "backwardButton", "loss.backward()"),
    ("step", "stepButton", "optimizer.step()"),
)

SPEED_MAX = 100  # the slider's maximum: full speed; below it, updates per second
SPEED_DEFAULT = 5

# Text fields: (config field, objectName). Combos are built separately.
TEXT_FIELDS = (
    ("lr", "lrInput"),
    ("momentum", "momentumInput"),
    ("batch_size", "batchSizeInput"),
    ("samples", "samplesInput"),
    ("noise", "noiseInput"),
    ("seed", "seedInput"),
    ("true_w", "trueWInput"),
    ("true_b", "trueBInput"),
    ("hidden", "hiddenInput"),
)
# The settings in three tabs of a few rows each: on a 600-pixel screen every
# field is in sight after at most one click (one long form put Model below the fold).
SETTINGS_PAGES = (
    ("training", ("lr", "optimizer", "momentum", "batch_size")),
    ("data", ("samples", "noise", "seed", "true_w", "true_b")),
    ("model", ("model", "hidden", "target", "loss")),
)
COMBO_FIELDS = (
    ("optimizer", "optimizerCombo", OPTIMIZERS),
    ("loss", "lossCombo", LOSSES),
    ("model", "modelCombo", MODELS),
    ("target", "targetCombo", TARGETS),
)


def phase_tooltip(phase: str) -> str:
    return {
        "forward": translate(
            "Controls",
            "Forward pass: the model computes a prediction for every x, y_pred = x·Wᵀ + b. "
            "PyTorch records each operation in a graph for backward().",
        ),
        "loss": translate(
            "Controls",
            "How wrong is the model? MSELoss averages the squared differences between y_pred "
            "and y. Its result is one number, the loss.",
        ),
        "zero_grad": translate(
            "Controls",
            "Clears the gradients from the last update: every .grad becomes None. Without it, "
            "backward() adds new gradients to the old ones.",
        ),
        "backward": translate(
            "Controls",
            "Backpropagation: PyTorch walks the graph from the loss back to w and b and stores "
            "∂loss/∂w and ∂loss/∂b in their .grad.",
        ),
        "step": translate(
            "Controls",
            "The optimizer moves each parameter a little against its gradient: θ ← θ − lr·θ.grad.",
        ),
    }[phase]


def setting_tooltip(name: str) -> str:
    text = {
        "lr": translate(
            "Controls",
            "How big each step is: θ ← θ − lr·grad. Too large and the loss explodes, too "
            "small and training crawls. 0.001–0.1 is the usual range. Applies from the next "
            "step().",
        ),
        "optimizer": translate(
            "Controls",
            "The update rule. SGD steps against the gradient; momentum and Nesterov keep a "
            "running velocity; Adam, RMSprop and Adagrad scale each step by the gradients' "
            "history. Changing it starts the experiment over.",
        ),
        "momentum": translate(
            "Controls",
            "For SGD with momentum and Nesterov: how much of the previous step is kept "
            "(0.9 is common).",
        ),
        "batch_size": translate(
            "Controls",
            "Samples per update. 0 uses all of them (full batch, as the tutorial does); "
            "smaller batches give cheaper, noisier steps. Changing it starts over.",
        ),
        "samples": translate(
            "Controls", "How many points x ~ N(0, 1) torch.randn draws. Changing it starts over."
        ),
        "noise": translate(
            "Controls",
            "Standard deviation of random noise added to y. With noise the best line no "
            "longer hits every point, and the loss cannot reach 0.",
        ),
        "seed": translate(
            "Controls",
            "torch.manual_seed: the same seed gives the same data and the same starting "
            "weights every time, on this computer with this PyTorch version (PyTorch does "
            "not promise the same numbers across versions or platforms).",
        ),
        "true_w": translate("Controls", "The slope the data are made with (y = w·x + b)."),
        "true_b": translate("Controls", "The intercept the data are made with (y = w·x + b)."),
        "loss": translate(
            "Controls",
            "mse: mean of squared errors (the tutorial's). l1: mean of absolute errors. "
            "huber: squared for small errors, linear for large ones.",
        ),
        "model": translate(
            "Controls",
            "linear: nn.Linear(1, 1), one weight and one bias. mlp: a small network, "
            "Linear → Tanh → Linear, that can fit curves.",
        ),
        "target": translate(
            "Controls", "The function the data follow: a line y = w·x + b, or y = sin(x)."
        ),
        "hidden": translate("Controls", "Width of the MLP's hidden layer."),
    }[name]
    spec = SPEC_BY_NAME[name]
    return (
        text
        + "\n"
        + translate("Controls", "Allowed: {allowed}.").format(allowed=allowed_text(spec))
    )


class ControlsPanel(QWidget):
    """Buttons and fields; everything goes through the controller."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("controlsPanel")
        self.controller = controller
        self.phase_buttons: dict[str, QPushButton] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}

        layout = QVBoxLayout(self)
        # Tight: on a 600-pixel screen every row counts (see SETTINGS_PAGES).
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self._build_phases())
        layout.addWidget(self._build_motions())
        layout.addWidget(self._build_settings())
        layout.addStretch(1)

        controller.readyChanged.connect(self._on_ready)
        controller.runningChanged.connect(self._on_running)
        controller.configChanged.connect(self._show_config)
        controller.frame.connect(self._on_frame)
        controller.lrLimitChanged.connect(self._on_lr_limit)
        controller.speedChanged.connect(self._show_speed)
        self._limit = None
        self._show_config(controller.config)
        self._on_ready(controller.ready)

    # ---------------------------------------------------------------- build
    def _build_phases(self) -> QGroupBox:
        box = QGroupBox(translate("Controls", "One training step, one call at a time"))
        grid = QVBoxLayout(box)
        grid.setSpacing(2)
        for i, (phase, name, code) in enumerate(PHASE_BUTTONS, start=1):
            button = QPushButton(f"{i}  {code}")
            button.setObjectName(name)
            button.setToolTip(phase_tooltip(phase))
            button.setProperty("nextPhase", False)
            button.setProperty("skipped", False)
            _style_phase_button(button)
            button.clicked.connect(lambda _=False, p=phase: self.controller.run_phase(p))
            grid.addWidget(button)
            self.phase_buttons[phase] = button
        self.skip_check = QCheckBox(translate("Controls", "Mistake mode: skip zero_grad()"))
        self.skip_check.setObjectName("forgetZeroGradCheck")
        self.skip_check.setToolTip(
            translate(
                "Controls",
                "Leave out optimizer.zero_grad() in Next phase, Full update and Run. Each "
                "backward() then adds to .grad, the way PyTorch really accumulates, so .grad "
                "holds the sum of all gradients so far: w and b swing around the answer and "
                "never settle.",
            )
        )
        self.skip_check.toggled.connect(self.controller.set_skip_zero_grad)
        grid.addWidget(self.skip_check)
        return box

    def _build_motions(self) -> QWidget:
        # No frame and no title (the buttons name themselves): the rows it saves
        # keep the settings in sight on a 600-pixel screen.
        box = QWidget()
        box.setObjectName("motionsBox")
        grid = QGridLayout(box)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setSpacing(3)
        self.next_button = self._motion(
            "nextPhaseButton",
            translate("Controls", "Next phase (F10)"),
            translate(
                "Controls",
                "Run the next line of the loop, like a debugger's step over. The highlighted "
                "button shows which one it is.",
            ),
            self.controller.next_phase,
        )
        self.full_button = self._motion(
            "fullStepButton",
            translate("Controls", "Full update (F11)"),
            translate(
                "Controls",
                "Run the rest of the current update, through optimizer.step(): one full turn of "
                "the loop.",
            ),
            self.controller.full_update,
        )
        self.run_button = self._motion(
            "runButton",
            translate("Controls", "Run (F5)"),
            translate(
                "Controls",
                "Run the loop again and again at the speed below; press again to pause.",
            ),
            self.controller.toggle_run,
        )
        self.reset_button = self._motion(
            "resetButton",
            translate("Controls", "Reset (Ctrl+R)"),
            translate(
                "Controls",
                "Start over: the same seed gives the same data and the same starting weights.",
            ),
            self.controller.reset,
        )
        self.back_button = self._motion(
            "stepBackButton",
            translate("Controls", "Step back (Shift+F11)"),
            translate(
                "Controls",
                "Undo the last update: the parameters, the optimizer's memory and the order of "
                "the mini-batches go back exactly, so running again gives the same numbers.",
            ),
            lambda: self.controller.step_back(1),
        )
        grid.addWidget(self.next_button, 0, 0)
        grid.addWidget(self.full_button, 0, 1)
        grid.addWidget(self.back_button, 1, 0)
        grid.addWidget(self.run_button, 1, 1)
        grid.addWidget(self.reset_button, 2, 0, 1, 2)

        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setObjectName("speedSlider")
        self.speed_slider.setRange(1, SPEED_MAX)
        self.speed_slider.setValue(SPEED_DEFAULT)
        self.speed_slider.setPageStep(10)
        self.speed_slider.setToolTip(
            translate(
                "Controls",
                "Updates per second while running. All the way right is full speed: this "
                "problem converges in about 100 updates, a few hundredths of a second.",
            )
        )
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(90)
        self.speed_slider.valueChanged.connect(self._on_speed)
        row = QHBoxLayout()
        speed_caption = QLabel(translate("Controls", "Speed"))
        row.addWidget(speed_caption)
        row.addWidget(self.speed_slider, 1)
        row.addWidget(self.speed_label)
        grid.addLayout(row, 3, 0, 1, 2)
        self._on_speed(self.speed_slider.value())
        return box

    def _motion(self, name, text, tip, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    def _build_settings(self) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setObjectName("settingsTabs")
        tabs.setDocumentMode(True)
        titles = {
            "training": (
                translate("Controls", "Training"),
                translate("Controls", "How the model learns: the update rule and its step size."),
            ),
            "data": (
                translate("Controls", "Data"),
                translate(
                    "Controls",
                    "The samples the model learns from: generated (y = w·x + b, plus noise) or "
                    "your own.",
                ),
            ),
            "model": (
                translate("Controls", "Model and loss"),
                translate(
                    "Controls",
                    "The model, the function it has to fit, and the loss that scores it.",
                ),
            ),
        }
        self.settings_tabs = tabs
        for key, names in SETTINGS_PAGES:
            page = QWidget()
            page.setObjectName(f"{key}SettingsPage")
            form = QFormLayout(page)
            form.setContentsMargins(6, 4, 6, 2)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setVerticalSpacing(2)
            self._build_fields(form, names)
            if key == "data":
                self._build_own_data_rows(form)
            title, tip = titles[key]
            tabs.addTab(page, title)
            tabs.setTabToolTip(tabs.count() - 1, tip)
        return tabs

    def _build_fields(self, form: QFormLayout, order) -> None:
        combos = {name: (obj, choices) for name, obj, choices in COMBO_FIELDS}
        texts = dict(TEXT_FIELDS)
        for name in order:
            if name in combos:
                obj, choices = combos[name]
                widget = QComboBox()
                widget.setObjectName(obj)
                for choice in choices:
                    widget.addItem(choice, choice)
                widget.activated.connect(lambda _i, n=name: self._combo_changed(n))
                self.combos[name] = widget
            else:
                widget = QLineEdit()
                widget.setObjectName(texts[name])
                widget.returnPressed.connect(lambda n=name: self._field_edited(n))
                widget.editingFinished.connect(lambda n=name: self._field_edited(n))
                self.fields[name] = widget
            widget.setToolTip(setting_tooltip(name))
            label = QLabel(setting_label(name))
            label.setToolTip(widget.toolTip())
            label.setBuddy(widget)
            form.addRow(label, widget)
            if name == "lr":
                self.lr_bound = QLabel("")
                self.lr_bound.setObjectName("lrBoundLabel")
                self.lr_bound.setWordWrap(True)
                form.addRow("", self.lr_bound)

    def _build_own_data_rows(self, form: QFormLayout) -> None:
        """With the student's own data the generated-data settings do not apply:
        a sentence says so, and a button goes back to generated data."""
        self.own_data_label = QLabel("")
        self.own_data_label.setObjectName("ownDataLabel")
        self.own_data_label.setWordWrap(True)
        self.generated_button = QPushButton(translate("Controls", "Back to generated data"))
        self.generated_button.setObjectName("generatedDataButton")
        self.generated_button.setToolTip(
            translate(
                "Controls",
                "Train on data torch.randn draws from the seed again, with the default "
                "settings for them (Ctrl+Z brings your data back).",
            )
        )
        self.generated_button.clicked.connect(self.controller.data_editor.use_generated)
        form.addRow(self.own_data_label)
        form.addRow(self.generated_button)

    # -------------------------------------------------------------- reacting
    def _field_edited(self, name: str) -> None:
        widget = self.fields[name]
        if widget.text().strip() == _display(getattr(self.controller.config, name)):
            return
        if not self.controller.apply_setting(name, widget.text()):
            # Refused: show the value still in effect (the message says why).
            widget.setText(_display(getattr(self.controller.config, name)))

    def _combo_changed(self, name: str) -> None:
        combo = self.combos[name]
        if not self.controller.apply_setting(name, combo.currentData()):
            self._show_config(self.controller.config)

    @Slot(object)
    def _show_config(self, config: ExperimentConfig) -> None:
        for name, widget in self.fields.items():
            widget.setText(_display(getattr(config, name)))
        for name, combo in self.combos.items():
            combo.setCurrentIndex(combo.findData(getattr(config, name)))
        if hasattr(self, "lr_bound"):
            self._show_bound()
        self.fields["momentum"].setEnabled(config.uses_momentum)
        self.fields["hidden"].setEnabled(config.model == "mlp")
        own = config.data is not None
        line = config.target == "line" and not own
        self.fields["true_w"].setEnabled(line)
        self.fields["true_b"].setEnabled(line)
        for name in ("samples", "noise"):
            self.fields[name].setEnabled(not own)
        if own:  # settings of generated data say nothing about the student's own
            for name in ("noise", "true_w", "true_b"):
                self.fields[name].setText("—")
        self.combos["target"].setEnabled(not own)
        self.own_data_label.setVisible(own)
        self.generated_button.setVisible(own)
        if own:
            self.own_data_label.setText(
                translate(
                    "Controls",
                    "Your own data: %n sample(s). Samples, noise, true w, true b and target "
                    "describe generated data, so they do not apply.",
                    None,
                    config.samples,
                )
            )

    @Slot(object)
    def _on_lr_limit(self, limit) -> None:
        self._limit = limit
        self._show_bound()

    def _show_bound(self) -> None:
        """Under the lr field: the limit that holds for this experiment, or why none
        does; the field is marked red only above a limit that holds exactly."""
        config = self.controller.config
        field = self.fields["lr"]
        limit = self._limit
        self.lr_bound.setText(lr_limit_text.limit_line(limit, config.optimizer))
        self.lr_bound.setToolTip(lr_limit_text.limit_tooltip(limit, config.optimizer))
        self.lr_bound.setVisible(bool(self.lr_bound.text()))
        above = lr_limit_text.above_exact_limit(limit, config.lr)
        field.setStyleSheet("border: 2px solid #d1242f;" if above else "")
        field.setToolTip(
            setting_tooltip("lr")
            + (
                "\n" + translate("Controls", "Above the stable limit: this run will diverge.")
                if above
                else ""
            )
        )

    @Slot(int)
    def _on_speed(self, value: int) -> None:
        self._show_speed_label(value)
        self.controller.set_speed(None if value >= SPEED_MAX else value)

    def _show_speed_label(self, value: int) -> None:
        if value >= SPEED_MAX:
            self.speed_label.setText(translate("Controls", "full speed"))
        else:
            self.speed_label.setText(translate("Controls", "%n update(s)/s", None, value))

    @Slot(bool)
    def _on_ready(self, ready: bool) -> None:
        for button in self._all_buttons():
            button.setEnabled(ready)

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        self.run_button.setText(
            translate("Controls", "Pause (F5)") if running else translate("Controls", "Run (F5)")
        )

    @Slot(object)
    def _show_speed(self, ups) -> None:
        """Follow a speed set elsewhere (a lesson's try-it link)."""
        value = SPEED_MAX if ups is None else max(1, min(SPEED_MAX - 1, int(ups)))
        if self.speed_slider.value() != value:
            self.speed_slider.blockSignals(True)
            self.speed_slider.setValue(value)
            self.speed_slider.blockSignals(False)
            self._show_speed_label(value)

    @Slot(object)
    def _on_frame(self, frame) -> None:
        snap = frame.snapshot
        if snap is None:
            return
        if self.skip_check.isChecked() != snap.skip_zero_grad:
            # The session is the truth (a lesson's link, a loaded file, a restart).
            self.skip_check.blockSignals(True)
            self.skip_check.setChecked(snap.skip_zero_grad)
            self.skip_check.blockSignals(False)
        nxt = snap.next_phase
        for phase, button in self.phase_buttons.items():
            is_next = phase == nxt
            skipped = phase == "zero_grad" and snap.skip_zero_grad
            if (button.property("nextPhase"), button.property("skipped")) != (is_next, skipped):
                button.setProperty("nextPhase", is_next)
                button.setProperty("skipped", skipped)
                _style_phase_button(button)
                tip = phase_tooltip(phase)
                if skipped:
                    tip += "\n" + translate(
                        "Controls",
                        "Mistake mode: Next phase, Full update and Run leave this call out. "
                        "You can still click it.",
                    )
                button.setToolTip(tip)

    def apply_colours(self, colours) -> None:
        """After a theme change: style sheets resolve palette() colours when set."""
        for button in self.phase_buttons.values():
            _style_phase_button(button)

    def _all_buttons(self):
        return [
            *self.phase_buttons.values(),
            self.next_button,
            self.full_button,
            self.run_button,
            self.back_button,
            self.reset_button,
        ]


def _style_phase_button(button: QPushButton) -> None:
    """Monospace like code; the call F10 runs next in bold with a highlighted border;
    a call the mistake mode leaves out struck through. Colours come from the palette
    (palette() is resolved when the sheet is set: apply_colours sets it again)."""
    is_next, skipped = button.property("nextPhase"), button.property("skipped")
    weight = "bold" if is_next else "normal"
    # A border makes Qt draw the whole button from the sheet: give it the
    # palette's own button colours, or it would keep the old theme's.
    border = (
        "border: 2px solid palette(highlight); border-radius: 3px; "
        "background-color: palette(button); color: palette(button-text);"
        if is_next
        else ""
    )
    strike = "text-decoration: line-through;" if skipped else ""
    button.setStyleSheet(
        "text-align: left; padding: 4px 8px; font-family: monospace; "
        f"font-weight: {weight}; {border} {strike}"
    )


def _display(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
