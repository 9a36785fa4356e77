<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CheckpointLab</name>
    <message>
        <source>Save the state_dict and load it back</source>
        <translation>Save the state_dict and load it back</translation>
    </message>
    <message>
        <source>Runs the lines below on the live model: saves its state_dict, builds a new model with fresh random weights, loads the file into it and compares their predictions.</source>
        <translation>Runs the lines below on the live model: saves its state_dict, builds a new model with fresh random weights, loads the file into it and compares their predictions.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>key</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>shape</translation>
    </message>
    <message>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <source>A state_dict is an ordered dict from names to tensors: the numbers only. It holds no graph (graphs live only between a forward pass and backward()), no optimizer state and no code, so you rebuild the model in Python and load the numbers into it. To resume training, save optimizer.state_dict() too — GradLab&apos;s File ▸ Save does.</source>
        <translation>A state_dict is an ordered dict from names to tensors: the numbers only. It holds no graph (graphs live only between a forward pass and backward()), no optimizer state and no code, so you rebuild the model in Python and load the numbers into it. To resume training, save optimizer.state_dict() too — GradLab&apos;s File ▸ Save does.</translation>
    </message>
    <message>
        <source>{path}: {size} bytes, {n} tensors</source>
        <translation>{path}: {size} bytes, {n} tensors</translation>
    </message>
    <message>
        <source>Same predictions after loading: the numbers were all it needed.</source>
        <translation>Same predictions after loading: the numbers were all it needed.</translation>
    </message>
    <message>
        <source>The predictions differ!</source>
        <translation>The predictions differ!</translation>
    </message>
    <message>
        <source>live model | fresh model → after load_state_dict</source>
        <translation>live model | fresh model → after load_state_dict</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>The line that ran last, and the one the Next phase button (F10) runs next.</source>
        <translation>The line that ran last, and the one the Next phase button (F10) runs next.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the whole script: paste it into a .py file or a notebook and run it. It computes exactly what GradLab computes.</source>
        <translation>Copy the whole script: paste it into a .py file or a notebook and run it. It computes exactly what GradLab computes.</translation>
    </message>
    <message>
        <source>Save as .py…</source>
        <translation>Save as .py…</translation>
    </message>
    <message>
        <source>Save this script as a Python file. Run it with PyTorch installed and it prints the same weight and bias as GradLab after 100 updates.</source>
        <translation>Save this script as a Python file. Run it with PyTorch installed and it prints the same weight and bias as GradLab after 100 updates.</translation>
    </message>
    <message>
        <source>The training script for the current settings. Every button of the app runs one of its lines; the highlighted line ran last. Hover a line to see what it does.</source>
        <translation>The training script for the current settings. Every button of the app runs one of its lines; the highlighted line ran last. Hover a line to see what it does.</translation>
    </message>
    <message>
        <source>Training script</source>
        <translation>Training script</translation>
    </message>
    <message>
        <source>Running: lines {first}–{last} repeat, once per update, without zero_grad() (mistake mode).</source>
        <translation>Running: lines {first}–{last} repeat, once per update, without zero_grad() (mistake mode).</translation>
    </message>
    <message>
        <source>Running: lines {first}–{last} repeat, once per update.</source>
        <translation>Running: lines {first}–{last} repeat, once per update.</translation>
    </message>
    <message>
        <source>Next (F10), line {line}: {code}</source>
        <translation>Next (F10), line {line}: {code}</translation>
    </message>
    <message>
        <source>Refused, line {line}: {code}</source>
        <translation>Refused, line {line}: {code}</translation>
    </message>
    <message>
        <source>Just ran, line {line}: {code}</source>
        <translation>Just ran, line {line}: {code}</translation>
    </message>
    <message>
        <source>Nothing has run yet.</source>
        <translation>Nothing has run yet.</translation>
    </message>
    <message>
        <source>Save the training script</source>
        <translation>Save the training script</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>optimizer</source>
        <translation>optimizer</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>batch</translation>
    </message>
    <message>
        <source>Include this run (its colour on the plots).</source>
        <translation>Include this run (its colour on the plots).</translation>
    </message>
    <message>
        <source>The optimizer of this run.</source>
        <translation>The optimizer of this run.</translation>
    </message>
    <message>
        <source>The learning rate of this run.</source>
        <translation>The learning rate of this run.</translation>
    </message>
    <message>
        <source>Mini-batch size of this run (0 = all samples).</source>
        <translation>Mini-batch size of this run (0 = all samples).</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Train every ticked setting for 300 updates from the model&apos;s current point, on the same data. Watch their paths on the landscape and their losses.</source>
        <translation>Train every ticked setting for 300 updates from the model&apos;s current point, on the same data. Watch their paths on the landscape and their losses.</translation>
    </message>
    <message>
        <source>Back to one run</source>
        <translation>Back to one run</translation>
    </message>
    <message>
        <source>Leave compare mode: the plots show your run again.</source>
        <translation>Leave compare mode: the plots show your run again.</translation>
    </message>
    <message>
        <source>Same data, same start, different optimizers: which one gets to the bottom first? Which overshoots?</source>
        <translation>Same data, same start, different optimizers: which one gets to the bottom first? Which overshoots?</translation>
    </message>
    <message>
        <source>Tick at least one row to compare.</source>
        <translation>Tick at least one row to compare.</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>Row {row}: {problem}</translation>
    </message>
    <message>
        <source>Compare mode is off.</source>
        <translation>Compare mode is off.</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>diverged</translation>
    </message>
    <message>
        <source>Update {done} of {total}</source>
        <translation>Update {done} of {total}</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message numerus="yes">
        <source>%n update(s)/s</source>
        <translation>
            <numerusform>%n update/s</numerusform>
            <numerusform>%n updates/s</numerusform>
        </translation>
    </message>
    <message>
        <source>Forward pass: the model computes a prediction for every x, y_pred = x·Wᵀ + b. PyTorch records each operation in a graph for backward().</source>
        <translation>Forward pass: the model computes a prediction for every x, y_pred = x·Wᵀ + b. PyTorch records each operation in a graph for backward().</translation>
    </message>
    <message>
        <source>How wrong is the model? MSELoss averages the squared differences between y_pred and y. Its result is one number, the loss.</source>
        <translation>How wrong is the model? MSELoss averages the squared differences between y_pred and y. Its result is one number, the loss.</translation>
    </message>
    <message>
        <source>Clears the gradients from the last update: every .grad becomes None. Without it, backward() adds new gradients to the old ones.</source>
        <translation>Clears the gradients from the last update: every .grad becomes None. Without it, backward() adds new gradients to the old ones.</translation>
    </message>
    <message>
        <source>Backpropagation: PyTorch walks the graph from the loss back to w and b and stores ∂loss/∂w and ∂loss/∂b in their .grad.</source>
        <translation>Backpropagation: PyTorch walks the graph from the loss back to w and b and stores ∂loss/∂w and ∂loss/∂b in their .grad.</translation>
    </message>
    <message>
        <source>The optimizer moves each parameter a little against its gradient: θ ← θ − lr·θ.grad.</source>
        <translation>The optimizer moves each parameter a little against its gradient: θ ← θ − lr·θ.grad.</translation>
    </message>
    <message>
        <source>Learning rate (lr)</source>
        <translation>Learning rate (lr)</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimizer</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Noise</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>True w</source>
        <translation>True w</translation>
    </message>
    <message>
        <source>True b</source>
        <translation>True b</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>Hidden units</translation>
    </message>
    <message>
        <source>How big each step is: θ ← θ − lr·grad. Too large and the loss explodes, too small and training crawls. 0.001–0.1 is the usual range. Applies from the next step().</source>
        <translation>How big each step is: θ ← θ − lr·grad. Too large and the loss explodes, too small and training crawls. 0.001–0.1 is the usual range. Applies from the next step().</translation>
    </message>
    <message>
        <source>The update rule. SGD steps against the gradient; momentum and Nesterov keep a running velocity; Adam, RMSprop and Adagrad scale each step by the gradients&apos; history. Changing it starts the experiment over.</source>
        <translation>The update rule. SGD steps against the gradient; momentum and Nesterov keep a running velocity; Adam, RMSprop and Adagrad scale each step by the gradients&apos; history. Changing it starts the experiment over.</translation>
    </message>
    <message>
        <source>torch.manual_seed: the same seed gives the same data and the same starting weights every time, on this computer with this PyTorch version (PyTorch does not promise the same numbers across versions or platforms).</source>
        <translation>torch.manual_seed: the same seed gives the same data and the same starting weights every time, on this computer with this PyTorch version (PyTorch does not promise the same numbers across versions or platforms).</translation>
    </message>
    <message>
        <source>mse: mean of squared errors (the tutorial&apos;s). l1: mean of absolute errors. huber: squared for small errors, linear for large ones.</source>
        <translation>mse: mean of squared errors (the tutorial&apos;s). l1: mean of absolute errors. huber: squared for small errors, linear for large ones.</translation>
    </message>
    <message>
        <source>Leave out optimizer.zero_grad() in Next phase, Full update and Run. Each backward() then adds to .grad, the way PyTorch really accumulates, so .grad holds the sum of all gradients so far: w and b swing around the answer and never settle.</source>
        <translation>Leave out optimizer.zero_grad() in Next phase, Full update and Run. Each backward() then adds to .grad, the way PyTorch really accumulates, so .grad holds the sum of all gradients so far: w and b swing around the answer and never settle.</translation>
    </message>
    <message>
        <source>For SGD with momentum and Nesterov: how much of the previous step is kept (0.9 is common).</source>
        <translation>For SGD with momentum and Nesterov: how much of the previous step is kept (0.9 is common).</translation>
    </message>
    <message>
        <source>Samples per update. 0 uses all of them (full batch, as the tutorial does); smaller batches give cheaper, noisier steps. Changing it starts over.</source>
        <translation>Samples per update. 0 uses all of them (full batch, as the tutorial does); smaller batches give cheaper, noisier steps. Changing it starts over.</translation>
    </message>
    <message>
        <source>How many points x ~ N(0, 1) torch.randn draws. Changing it starts over.</source>
        <translation>How many points x ~ N(0, 1) torch.randn draws. Changing it starts over.</translation>
    </message>
    <message>
        <source>Standard deviation of random noise added to y. With noise the best line no longer hits every point, and the loss cannot reach 0.</source>
        <translation>Standard deviation of random noise added to y. With noise the best line no longer hits every point, and the loss cannot reach 0.</translation>
    </message>
    <message>
        <source>The slope the data are made with (y = w·x + b).</source>
        <translation>The slope the data are made with (y = w·x + b).</translation>
    </message>
    <message>
        <source>The intercept the data are made with (y = w·x + b).</source>
        <translation>The intercept the data are made with (y = w·x + b).</translation>
    </message>
    <message>
        <source>linear: nn.Linear(1, 1), one weight and one bias. mlp: a small network, Linear → Tanh → Linear, that can fit curves.</source>
        <translation>linear: nn.Linear(1, 1), one weight and one bias. mlp: a small network, Linear → Tanh → Linear, that can fit curves.</translation>
    </message>
    <message>
        <source>The function the data follow: a line y = w·x + b, or y = sin(x).</source>
        <translation>The function the data follow: a line y = w·x + b, or y = sin(x).</translation>
    </message>
    <message>
        <source>Width of the MLP&apos;s hidden layer.</source>
        <translation>Width of the MLP&apos;s hidden layer.</translation>
    </message>
    <message>
        <source>Allowed: {allowed}.</source>
        <translation>Allowed: {allowed}.</translation>
    </message>
    <message>
        <source>One training step, one call at a time</source>
        <translation>One training step, one call at a time</translation>
    </message>
    <message>
        <source>Mistake mode: skip zero_grad()</source>
        <translation>Mistake mode: skip zero_grad()</translation>
    </message>
    <message>
        <source>Next phase (F10)</source>
        <translation>Next phase (F10)</translation>
    </message>
    <message>
        <source>Run the next line of the loop, like a debugger&apos;s step over. The highlighted button shows which one it is.</source>
        <translation>Run the next line of the loop, like a debugger&apos;s step over. The highlighted button shows which one it is.</translation>
    </message>
    <message>
        <source>Full update (F11)</source>
        <translation>Full update (F11)</translation>
    </message>
    <message>
        <source>Run the rest of the current update, through optimizer.step(): one full turn of the loop.</source>
        <translation>Run the rest of the current update, through optimizer.step(): one full turn of the loop.</translation>
    </message>
    <message>
        <source>Run (F5)</source>
        <translation>Run (F5)</translation>
    </message>
    <message>
        <source>Run the loop again and again at the speed below; press again to pause.</source>
        <translation>Run the loop again and again at the speed below; press again to pause.</translation>
    </message>
    <message>
        <source>Reset (Ctrl+R)</source>
        <translation>Reset (Ctrl+R)</translation>
    </message>
    <message>
        <source>Start over: the same seed gives the same data and the same starting weights.</source>
        <translation>Start over: the same seed gives the same data and the same starting weights.</translation>
    </message>
    <message>
        <source>Step back (Shift+F11)</source>
        <translation>Step back (Shift+F11)</translation>
    </message>
    <message>
        <source>Undo the last update: the parameters, the optimizer&apos;s memory and the order of the mini-batches go back exactly, so running again gives the same numbers.</source>
        <translation>Undo the last update: the parameters, the optimizer&apos;s memory and the order of the mini-batches go back exactly, so running again gives the same numbers.</translation>
    </message>
    <message>
        <source>Updates per second while running. All the way right is full speed: this problem converges in about 100 updates, a few hundredths of a second.</source>
        <translation>Updates per second while running. All the way right is full speed: this problem converges in about 100 updates, a few hundredths of a second.</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>The samples the model learns from: generated (y = w·x + b, plus noise) or your own.</source>
        <translation>The samples the model learns from: generated (y = w·x + b, plus noise) or your own.</translation>
    </message>
    <message>
        <source>Above the stable limit: this run will diverge.</source>
        <translation>Above the stable limit: this run will diverge.</translation>
    </message>
    <message>
        <source>Mistake mode: Next phase, Full update and Run leave this call out. You can still click it.</source>
        <translation>Mistake mode: Next phase, Full update and Run leave this call out. You can still click it.</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>full speed</translation>
    </message>
    <message>
        <source>Pause (F5)</source>
        <translation>Pause (F5)</translation>
    </message>
    <message>
        <source>stable below {value} ({formula})</source>
        <translation>stable below {value} ({formula})</translation>
    </message>
    <message>
        <source>about {value} (only a guide with mini-batches)</source>
        <translation>about {value} (only a guide with mini-batches)</translation>
    </message>
    <message>
        <source>no fixed limit ({name} sizes its own steps)</source>
        <translation>no fixed limit ({name} sizes its own steps)</translation>
    </message>
    <message>
        <source>no fixed limit (this loss&apos;s slope is capped)</source>
        <translation>no fixed limit (this loss&apos;s slope is capped)</translation>
    </message>
    <message>
        <source>The loss of the linear model is a bowl. λmax = {lam} is the largest eigenvalue of its Hessian 2·[[E x², E x], [E x, 1]]: the curvature along the bowl&apos;s most sharply curved direction. Full-batch {name} on this data converges only for lr below {value} ({formula}); above it every step overshoots more than the last and training diverges.</source>
        <translation>The loss of the linear model is a bowl. λmax = {lam} is the largest eigenvalue of its Hessian 2·[[E x², E x], [E x, 1]]: the curvature along the bowl&apos;s most sharply curved direction. Full-batch {name} on this data converges only for lr below {value} ({formula}); above it every step overshoots more than the last and training diverges.</translation>
    </message>
    <message>
        <source>With mini-batches each batch&apos;s bowl has its own curvature, so this limit, computed from all the data, is only a guide: a little below it some batches may still overshoot.</source>
        <translation>With mini-batches each batch&apos;s bowl has its own curvature, so this limit, computed from all the data, is only a guide: a little below it some batches may still overshoot.</translation>
    </message>
    <message>
        <source>Adam, RMSprop and Adagrad divide each step by the size of recent gradients, so no lr makes the steps grow without end as with SGD on MSE. Too large an lr still makes the parameters jump around the answer.</source>
        <translation>Adam, RMSprop and Adagrad divide each step by the size of recent gradients, so no lr makes the steps grow without end as with SGD on MSE. Too large an lr still makes the parameters jump around the answer.</translation>
    </message>
    <message>
        <source>L1 and Huber grow only linearly for large errors, so their gradient is bounded: even a huge lr moves the parameters by a bounded amount each step. They bounce instead of exploding, so there is no limit like SGD&apos;s 2/λmax on MSE.</source>
        <translation>L1 and Huber grow only linearly for large errors, so their gradient is bounded: even a huge lr moves the parameters by a bounded amount each step. They bounce instead of exploding, so there is no limit like SGD&apos;s 2/λmax on MSE.</translation>
    </message>
    <message numerus="yes">
        <source>Your own data: %n sample(s). Samples, noise, true w, true b and target describe generated data, so they do not apply.</source>
        <translation>
            <numerusform>Your own data: %n sample. Samples, noise, true w, true b and target describe generated data, so they do not apply.</numerusform>
            <numerusform>Your own data: %n samples. Samples, noise, true w, true b and target describe generated data, so they do not apply.</numerusform>
        </translation>
    </message>
    <message>
        <source>Back to generated data</source>
        <translation>Back to generated data</translation>
    </message>
    <message>
        <source>Train on data torch.randn draws from the seed again, with the default settings for them (Ctrl+Z brings your data back).</source>
        <translation>Train on data torch.randn draws from the seed again, with the default settings for them (Ctrl+Z brings your data back).</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>How the model learns: the update rule and its step size.</source>
        <translation>How the model learns: the update rule and its step size.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Model and loss</source>
        <translation>Model and loss</translation>
    </message>
    <message>
        <source>The model, the function it has to fit, and the loss that scores it.</source>
        <translation>The model, the function it has to fit, and the loss that scores it.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>GradLab hit an unexpected error and carried on: {error}

Your work is safe. The details are in the log file:
{path}

If it happens again, please send that file to your teacher or to the GradLab team.</source>
        <translation>GradLab hit an unexpected error and carried on: {error}

Your work is safe. The details are in the log file:
{path}

If it happens again, please send that file to your teacher or to the GradLab team.</translation>
    </message>
    <message>
        <source>GradLab could not start</source>
        <translation>GradLab could not start</translation>
    </message>
    <message>
        <source>GradLab could not start: {error}

Please send this message to your teacher or to the GradLab team.</source>
        <translation>GradLab could not start: {error}

Please send this message to your teacher or to the GradLab team.</translation>
    </message>
</context>
<context>
    <name>Exercises</name>
    <message numerus="yes">
        <source>On data of your own: at least %n sample(s).</source>
        <translation>
            <numerusform>On data of your own: at least %n sample.</numerusform>
            <numerusform>On data of your own: at least %n samples.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Goal: the right explanation, after at least %n update(s).</source>
        <translation>
            <numerusform>Goal: the right explanation, after at least %n update.</numerusform>
            <numerusform>Goal: the right explanation, after at least %n updates.</numerusform>
        </translation>
    </message>
    <message>
        <source>Goal: the loss below {loss} by update {n}.</source>
        <translation>Goal: the loss below {loss} by update {n}.</translation>
    </message>
    <message>
        <source>Goal: the loss below {loss}.</source>
        <translation>Goal: the loss below {loss}.</translation>
    </message>
    <message>
        <source>Goal: an lr below the largest that converges, at most {within} % below it; {n} updates at that lr, the loss ending lower than it started.</source>
        <translation>Goal: an lr below the largest that converges, at most {within} % below it; {n} updates at that lr, the loss ending lower than it started.</translation>
    </message>
    <message>
        <source>Goal: in compare mode, {winner} gets below a loss of {loss} for good in fewer updates than {loser}, at the same lr and batch size.</source>
        <translation>Goal: in compare mode, {winner} gets below a loss of {loss} for good in fewer updates than {loser}, at the same lr and batch size.</translation>
    </message>
    <message>
        <source>Goal: the right explanation.</source>
        <translation>Goal: the right explanation.</translation>
    </message>
    <message>
        <source>your own data</source>
        <translation>your own data</translation>
    </message>
    <message>
        <source>You may change: {names}. The rest stays as set up.</source>
        <translation>You may change: {names}. The rest stays as set up.</translation>
    </message>
    <message>
        <source>Keep the settings as set up.</source>
        <translation>Keep the settings as set up.</translation>
    </message>
    <message>
        <source>Mistake mode: on (zero_grad() is left out).</source>
        <translation>Mistake mode: on (zero_grad() is left out).</translation>
    </message>
    <message>
        <source>Press Start to set it up again.</source>
        <translation>Press Start to set it up again.</translation>
    </message>
    <message>
        <source>This challenge keeps {name} = {want}; it is now {got}.</source>
        <translation>This challenge keeps {name} = {want}; it is now {got}.</translation>
    </message>
    <message>
        <source>This challenge trains on its own data, and they changed.</source>
        <translation>This challenge trains on its own data, and they changed.</translation>
    </message>
    <message>
        <source>This challenge trains on the data its settings generate.</source>
        <translation>This challenge trains on the data its settings generate.</translation>
    </message>
    <message>
        <source>This challenge needs the mistake mode on.</source>
        <translation>This challenge needs the mistake mode on.</translation>
    </message>
    <message>
        <source>This challenge needs the mistake mode off.</source>
        <translation>This challenge needs the mistake mode off.</translation>
    </message>
    <message>
        <source>You set w and b by hand: this challenge counts only what training does. Press Reset (Ctrl+R) and train.</source>
        <translation>You set w and b by hand: this challenge counts only what training does. Press Reset (Ctrl+R) and train.</translation>
    </message>
    <message>
        <source>Passed: the loss of update {step} was {got}, below {loss}.</source>
        <translation>Passed: the loss of update {step} was {got}, below {loss}.</translation>
    </message>
    <message>
        <source>Not this time: the loss of update {n} was {got}, not below {loss}. Try another lr: type it, press Reset (Ctrl+R), train again.</source>
        <translation>Not this time: the loss of update {n} was {got}, not below {loss}. Try another lr: type it, press Reset (Ctrl+R), train again.</translation>
    </message>
    <message>
        <source>Not this time: the loss diverged (update {step}). Make lr smaller, press Reset (Ctrl+R) and train again.</source>
        <translation>Not this time: the loss diverged (update {step}). Make lr smaller, press Reset (Ctrl+R) and train again.</translation>
    </message>
    <message>
        <source>Make data of your own first: at least {min} samples, drawn on the data plot or imported (File ▸ Import data…). Now: {n}.</source>
        <translation>Make data of your own first: at least {min} samples, drawn on the data plot or imported (File ▸ Import data…). Now: {n}.</translation>
    </message>
    <message>
        <source>Not yet: update {step}, loss {got} (goal: below {loss} by update {n}).</source>
        <translation>Not yet: update {step}, loss {got} (goal: below {loss} by update {n}).</translation>
    </message>
    <message>
        <source>Not yet: update {step}, loss {got} (goal: below {loss}).</source>
        <translation>Not yet: update {step}, loss {got} (goal: below {loss}).</translation>
    </message>
    <message>
        <source>Passed: lr = {lr} converges (loss {first} → {last}) and is within {within} % below the limit, {formula} = {limit}, computed from these samples&apos; x just now.</source>
        <translation>Passed: lr = {lr} converges (loss {first} → {last}) and is within {within} % below the limit, {formula} = {limit}, computed from these samples&apos; x just now.</translation>
    </message>
    <message>
        <source>Now lr = {lr}: {done} of {n} updates run at it. Run the rest (F5).</source>
        <translation>Now lr = {lr}: {done} of {n} updates run at it. Run the rest (F5).</translation>
    </message>
    <message>
        <source>Not this time: at lr = {lr} the loss diverged, so this lr is above the limit. Choose a smaller one, press Reset (Ctrl+R), run again.</source>
        <translation>Not this time: at lr = {lr} the loss diverged, so this lr is above the limit. Choose a smaller one, press Reset (Ctrl+R), run again.</translation>
    </message>
    <message>
        <source>Not this time: lr = {lr} is not below the limit. Along the bowl&apos;s most curved direction no update lands nearer the bottom: run longer and the loss grows. Choose a smaller lr.</source>
        <translation>Not this time: lr = {lr} is not below the limit. Along the bowl&apos;s most curved direction no update lands nearer the bottom: run longer and the loss grows. Choose a smaller lr.</translation>
    </message>
    <message>
        <source>Not this time: after {n} updates at lr = {lr} the loss is not lower than it started. Choose a smaller lr.</source>
        <translation>Not this time: after {n} updates at lr = {lr} the loss is not lower than it started. Choose a smaller lr.</translation>
    </message>
    <message>
        <source>Not this time: lr = {lr} converges (loss {first} → {last}), but it is more than {within} % below the largest lr that still converges. Try larger ones.</source>
        <translation>Not this time: lr = {lr} converges (loss {first} → {last}), but it is more than {within} % below the largest lr that still converges. Try larger ones.</translation>
    </message>
    <message>
        <source>These settings have no sharp lr limit (there is one for full-batch SGD on MSE with the linear model). Press Start to set the challenge up again.</source>
        <translation>These settings have no sharp lr limit (there is one for full-batch SGD on MSE with the linear model). Press Start to set the challenge up again.</translation>
    </message>
    <message>
        <source>Waiting for the session…</source>
        <translation>Waiting for the session…</translation>
    </message>
    <message>
        <source>never within the run</source>
        <translation>never within the run</translation>
    </message>
    <message>
        <source>from update {n}</source>
        <translation>from update {n}</translation>
    </message>
    <message>
        <source>{optimizer} (μ = {momentum})</source>
        <translation>{optimizer} (μ = {momentum})</translation>
    </message>
    <message>
        <source>Passed: {winner} stays below {loss} {w}, {loser} {s}.</source>
        <translation>Passed: {winner} stays below {loss} {w}, {loser} {s}.</translation>
    </message>
    <message>
        <source>Not this time: {winner} stays below {loss} {w}, {loser} {s}. Change a setting you may change, then Compare again.</source>
        <translation>Not this time: {winner} stays below {loss} {w}, {loser} {s}. Change a setting you may change, then Compare again.</translation>
    </message>
    <message>
        <source>Comparing: update {done} of {total}…</source>
        <translation>Comparing: update {done} of {total}…</translation>
    </message>
    <message>
        <source>Compare from the start: compare mode sets off from where your session is. Press Reset (Ctrl+R), then Compare again.</source>
        <translation>Compare from the start: compare mode sets off from where your session is. Press Reset (Ctrl+R), then Compare again.</translation>
    </message>
    <message>
        <source>Compare a {winner} run with a {loser} run at the same lr and batch size: Lab ▸ Compare, then press Compare.</source>
        <translation>Compare a {winner} run with a {loser} run at the same lr and batch size: Lab ▸ Compare, then press Compare.</translation>
    </message>
    <message>
        <source>Run at least {n} updates first ({done} so far).</source>
        <translation>Run at least {n} updates first ({done} so far).</translation>
    </message>
    <message>
        <source>Right: that is what happened.</source>
        <translation>Right: that is what happened.</translation>
    </message>
    <message>
        <source>Not this one.</source>
        <translation>Not this one.</translation>
    </message>
    <message>
        <source>Pick an explanation, then press Check answer.</source>
        <translation>Pick an explanation, then press Check answer.</translation>
    </message>
    <message>
        <source>Turn predict mode on (Exercises panel): guess w.grad, b.grad and the new w and b before each backward() and step().</source>
        <translation>Turn predict mode on (Exercises panel): guess w.grad, b.grad and the new w and b before each backward() and step().</translation>
    </message>
    <message>
        <source>Open the challenge “{title}” (passed ✓).</source>
        <translation>Open the challenge “{title}” (passed ✓).</translation>
    </message>
    <message>
        <source>Open the challenge “{title}” in the Exercises panel.</source>
        <translation>Open the challenge “{title}” in the Exercises panel.</translation>
    </message>
    <message>
        <source>The challenges: ✓ marks those you passed. Pick one to read it.</source>
        <translation>The challenges: ✓ marks those you passed. Pick one to read it.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Set this challenge up: its settings, its data and its mistake mode, from the start. The session so far is replaced (save it first to keep it).</source>
        <translation>Set this challenge up: its settings, its data and its mistake mode, from the start. The session so far is replaced (save it first to keep it).</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>Check answer</translation>
    </message>
    <message>
        <source>Check the explanation you picked (each check counts as a try).</source>
        <translation>Check the explanation you picked (each check counts as a try).</translation>
    </message>
    <message>
        <source>Your name (optional)</source>
        <translation>Your name (optional)</translation>
    </message>
    <message>
        <source>Written only into the results you export for your teacher; it stays on this computer.</source>
        <translation>Written only into the results you export for your teacher; it stays on this computer.</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>Export results…</translation>
    </message>
    <message>
        <source>Save a small CSV file for your teacher: each challenge you tried (passed or not, how many tries, when) and how many of your predictions were right in each lesson, with your name if you typed one.</source>
        <translation>Save a small CSV file for your teacher: each challenge you tried (passed or not, how many tries, when) and how many of your predictions were right in each lesson, with your name if you typed one.</translation>
    </message>
    <message>
        <source>Open exercise file…</source>
        <translation>Open exercise file…</translation>
    </message>
    <message>
        <source>Open an exercise file your teacher gave you (.json).</source>
        <translation>Open an exercise file your teacher gave you (.json).</translation>
    </message>
    <message>
        <source>Press Start first.</source>
        <translation>Press Start first.</translation>
    </message>
    <message>
        <source> (file)</source>
        <translation> (file)</translation>
    </message>
    <message>
        <source>Passed before. Press Start to try it again.</source>
        <translation>Passed before. Press Start to try it again.</translation>
    </message>
    <message>
        <source>Press Start to set this challenge up.</source>
        <translation>Press Start to set this challenge up.</translation>
    </message>
    <message>
        <source>One possible explanation.</source>
        <translation>One possible explanation.</translation>
    </message>
    <message>
        <source>Set up. Work on it: GradLab checks as you go.</source>
        <translation>Set up. Work on it: GradLab checks as you go.</translation>
    </message>
    <message>
        <source>Challenges</source>
        <translation>Challenges</translation>
    </message>
    <message>
        <source>Predict, then see</source>
        <translation>Predict, then see</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>CSV of original plot data</source>
        <translation>CSV of original plot data</translation>
    </message>
    <message>
        <source>HDF5 Export: plot (x,y)</source>
        <translation>HDF5 Export: plot (x,y)</translation>
    </message>
    <message>
        <source>Image File (PNG, TIF, JPG, ...)</source>
        <translation>Image File (PNG, TIF, JPG, ...)</translation>
    </message>
    <message>
        <source>Matplotlib Window</source>
        <translation>Matplotlib Window</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Scalable Vector Graphics (SVG)</source>
        <translation>Scalable Vector Graphics (SVG)</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</source>
        <translation>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</source>
        <translation>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>Clip to View</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</source>
        <translation>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>Max Traces:</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>Downsample</translation>
    </message>
    <message>
        <source>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</source>
        <translation>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check &quot;Max Traces&quot; and set this value to limit the number of traces that are displayed.</source>
        <translation>If multiple curves are displayed in this plot, check &quot;Max Traces&quot; and set this value to limit the number of traces that are displayed.</translation>
    </message>
    <message>
        <source>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</source>
        <translation>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>Forget hidden traces</translation>
    </message>
    <message>
        <source>Downsample by taking the mean of N samples.</source>
        <translation>Downsample by taking the mean of N samples.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Downsample by taking the first of N samples. This method is fastest and least accurate.</source>
        <translation>Downsample by taking the first of N samples. This method is fastest and least accurate.</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>Subsample</translation>
    </message>
    <message>
        <source>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</source>
        <translation>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Downsample data before plotting. (plot every Nth sample)</source>
        <translation>Downsample data before plotting. (plot every Nth sample)</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>Log X</translation>
    </message>
    <message>
        <source>dy/dx</source>
        <translation>dy/dx</translation>
    </message>
    <message>
        <source>Y vs. Y&apos;</source>
        <translation>Y vs. Y&apos;</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>Power Spectrum (FFT)</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>Log Y</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>Subtract Mean</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>Show X Grid</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>Show Y Grid</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Link Axis:</source>
        <translation>Link Axis:</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>Invert Axis</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>Mouse Enabled</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>Visible Data Only</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>Auto Pan Only</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Item to export:</source>
        <translation>Item to export:</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Export format</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>Export options</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
    <message>
        <source>Play the last backward() again, node by node, in the order autograd ran the nodes. While it plays, this button skips to the end.</source>
        <translation>Play the last backward() again, node by node, in the order autograd ran the nodes. While it plays, this button skips to the end.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the graph as a picture: PNG for documents and slides, SVG to scale without blur.</source>
        <translation>Save the graph as a picture: PNG for documents and slides, SVG to scale without blur.</translation>
    </message>
    <message>
        <source>What the graph shows now. live: backward() can still run through it. freed: backward() ran and released the tensors the graph saved for it.</source>
        <translation>What the graph shows now. live: backward() can still run through it. freed: backward() ran and released the tensors the graph saved for it.</translation>
    </message>
    <message>
        <source>The box under the mouse, or the one you clicked: what PyTorch knows about it. Click the background to let it go.</source>
        <translation>The box under the mouse, or the one you clicked: what PyTorch knows about it. Click the background to let it go.</translation>
    </message>
    <message>
        <source>GradLab: autograd graph</source>
        <translation>GradLab: autograd graph</translation>
    </message>
    <message>
        <source>backward() starts here: the gradient of the loss with respect to itself is 1.</source>
        <translation>backward() starts here: the gradient of the loss with respect to itself is 1.</translation>
    </message>
    <message>
        <source>∂loss/∂{source}: the gradient {target} sent back along this arrow.</source>
        <translation>∂loss/∂{source}: the gradient {target} sent back along this arrow.</translation>
    </message>
    <message>
        <source>∂loss/∂(output of {source}): the gradient {target} sent back along this arrow.</source>
        <translation>∂loss/∂(output of {source}): the gradient {target} sent back along this arrow.</translation>
    </message>
    <message>
        <source>computes</source>
        <translation>computes</translation>
    </message>
    <message>
        <source>output shape</source>
        <translation>output shape</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>{saved}, now freed</source>
        <translation>{saved}, now freed</translation>
    </message>
    <message>
        <source>saved for backward</source>
        <translation>saved for backward</translation>
    </message>
    <message>
        <source>sent to {name}</source>
        <translation>sent to {name}</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <source>this backward() added</source>
        <translation>this backward() added</translation>
    </message>
    <message>
        <source>None (kept for leaves only)</source>
        <translation>None (kept for leaves only)</translation>
    </message>
    <message>
        <source>gradient through it</source>
        <translation>gradient through it</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>Training runs: every update records a new graph and backward() frees it. The view refreshes a few times a second; pause to explore it.</source>
        <translation>Training runs: every update records a new graph and backward() frees it. The view refreshes a few times a second; pause to explore it.</translation>
    </message>
    <message>
        <source>no graph</source>
        <translation>no graph</translation>
    </message>
    <message>
        <source>No graph yet. model(x) (forward) records every operation, so that backward() can later compute the gradients.</source>
        <translation>No graph yet. model(x) (forward) records every operation, so that backward() can later compute the gradients.</translation>
    </message>
    <message>
        <source>freed</source>
        <translation>freed</translation>
    </message>
    <message>
        <source>A second backward() was refused: the first one freed the tensors this graph saved. Record a new graph (forward, loss), or pass retain_graph=True to the first backward() to keep them.</source>
        <translation>A second backward() was refused: the first one freed the tensors this graph saved. Record a new graph (forward, loss), or pass retain_graph=True to the first backward() to keep them.</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>model(x) recorded these operations for y_pred. Computing the loss adds its own nodes after y_pred.</source>
        <translation>model(x) recorded these operations for y_pred. Computing the loss adds its own nodes after y_pred.</translation>
    </message>
    <message>
        <source>zero_grad() set every .grad to None. The graph is still live: backward() can run through it.</source>
        <translation>zero_grad() set every .grad to None. The graph is still live: backward() can run through it.</translation>
    </message>
    <message>
        <source>The whole graph, from x and the parameters to the loss. backward() will run it from the loss back to the parameters.</source>
        <translation>The whole graph, from x and the parameters to the loss. backward() will run it from the loss back to the parameters.</translation>
    </message>
    <message>
        <source>The last update&apos;s graph, already freed by its backward(). Step through an update (F10) to watch backward() run.</source>
        <translation>The last update&apos;s graph, already freed by its backward(). Step through an update (F10) to watch backward() run.</translation>
    </message>
    <message>
        <source>zero_grad() set every .grad to None. The red numbers are the gradients of the last backward(); the graph stays freed.</source>
        <translation>zero_grad() set every .grad to None. The red numbers are the gradients of the last backward(); the graph stays freed.</translation>
    </message>
    <message>
        <source>step() updated each parameter from its .grad. The next forward records a new graph.</source>
        <translation>step() updated each parameter from its .grad. The next forward records a new graph.</translation>
    </message>
    <message>
        <source>backward() is done and ADDED ∂loss/∂parameter to each old .grad (no zero_grad()). It freed the saved tensors (dashed boxes).</source>
        <translation>backward() is done and ADDED ∂loss/∂parameter to each old .grad (no zero_grad()). It freed the saved tensors (dashed boxes).</translation>
    </message>
    <message>
        <source>backward() is done: each .grad holds ∂loss/∂parameter. It freed the saved tensors (dashed boxes), so a second backward() would fail.</source>
        <translation>backward() is done: each .grad holds ∂loss/∂parameter. It freed the saved tensors (dashed boxes), so a second backward() would fail.</translation>
    </message>
    <message>
        <source>backward {step}/{total}</source>
        <translation>backward {step}/{total}</translation>
    </message>
    <message>
        <source>loss.backward() starts at the loss, with ∂loss/∂loss = 1, and runs the graph backwards.</source>
        <translation>loss.backward() starts at the loss, with ∂loss/∂loss = 1, and runs the graph backwards.</translation>
    </message>
    <message>
        <source>AccumulateGrad added ∂loss/∂{p} to the old {p}.grad: zero_grad() did not run, so {p}.grad now holds the sum of the gradients (they accumulate).</source>
        <translation>AccumulateGrad added ∂loss/∂{p} to the old {p}.grad: zero_grad() did not run, so {p}.grad now holds the sum of the gradients (they accumulate).</translation>
    </message>
    <message>
        <source>AccumulateGrad stored ∂loss/∂{p} in {p}.grad.</source>
        <translation>AccumulateGrad stored ∂loss/∂{p} in {p}.grad.</translation>
    </message>
    <message>
        <source>{name} sent the gradient back to its inputs, then freed the tensors it saved ({saved}).</source>
        <translation>{name} sent the gradient back to its inputs, then freed the tensors it saved ({saved}).</translation>
    </message>
    <message>
        <source>{name} sent the gradient back to its inputs (it saved no tensors).</source>
        <translation>{name} sent the gradient back to its inputs (it saved no tensors).</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG drawing (*.svg)</translation>
    </message>
    <message>
        <source>Export the graph</source>
        <translation>Export the graph</translation>
    </message>
    <message>
        <source>The graph was not saved: {error}</source>
        <translation>The graph was not saved: {error}</translation>
    </message>
    <message>
        <source>scalar</source>
        <translation>scalar</translation>
    </message>
    <message>
        <source>{path} could not be written.</source>
        <translation>{path} could not be written.</translation>
    </message>
    <message>
        <source>Fit the whole graph into the view, as large as it stays readable. The wheel zooms, dragging pans.</source>
        <translation>Fit the whole graph into the view, as large as it stays readable. The wheel zooms, dragging pans.</translation>
    </message>
    <message>
        <source>The autograd graph PyTorch recorded: grey arrows carry values forward, red ones carry gradients back. Drag to pan, use the wheel to zoom, Fit to see it all. Hover over or click a box to inspect it.</source>
        <translation>The autograd graph PyTorch recorded: grey arrows carry values forward, red ones carry gradients back. Drag to pan, use the wheel to zoom, Fit to see it all. Hover over or click a box to inspect it.</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>Export...</translation>
    </message>
</context>
<context>
    <name>Inference</name>
    <message>
        <source>An x the model has maybe never seen. Any number.</source>
        <translation>An x the model has maybe never seen. Any number.</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Predict</translation>
    </message>
    <message>
        <source>Runs the model on x inside torch.no_grad() after model.eval(): the way a trained model is used. Training is not affected.</source>
        <translation>Runs the model on x inside torch.no_grad() after model.eval(): the way a trained model is used. Training is not affected.</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>model says y</source>
        <translation>model says y</translation>
    </message>
    <message>
        <source>the data&apos;s rule says</source>
        <translation>the data&apos;s rule says</translation>
    </message>
    <message>
        <source>while training</source>
        <translation>while training</translation>
    </message>
    <message>
        <source>inference</source>
        <translation>inference</translation>
    </message>
    <message>
        <source>requires_grad={rg}, grad_fn={fn}: a graph is recorded</source>
        <translation>requires_grad={rg}, grad_fn={fn}: a graph is recorded</translation>
    </message>
    <message>
        <source>requires_grad={rg}, grad_fn={fn}: no graph, less memory, faster</source>
        <translation>requires_grad={rg}, grad_fn={fn}: no graph, less memory, faster</translation>
    </message>
</context>
<context>
    <name>Landscape</name>
    <message>
        <source>loss over (w, b)</source>
        <translation>loss over (w, b)</translation>
    </message>
    <message>
        <source>Each colour is a loss value: dark is low. Training walks downhill from the start to the star, the least-squares optimum. Click anywhere to start the model from that (w, b).</source>
        <translation>Each colour is a loss value: dark is low. Training walks downhill from the start to the star, the least-squares optimum. Click anywhere to start the model from that (w, b).</translation>
    </message>
    <message>
        <source>The landscape is drawn over the two parameters w and b of the linear model. The MLP has many more parameters, so its loss cannot be drawn as a map: watch the loss plot instead.</source>
        <translation>The landscape is drawn over the two parameters w and b of the linear model. The MLP has many more parameters, so its loss cannot be drawn as a map: watch the loss plot instead.</translation>
    </message>
    <message>
        <source>optimum</source>
        <translation>optimum</translation>
    </message>
    <message>
        <source>off the map: w = {w}, b = {b}</source>
        <translation>off the map: w = {w}, b = {b}</translation>
    </message>
    <message>
        <source>off the map: w or b is no longer a number</source>
        <translation>off the map: w or b is no longer a number</translation>
    </message>
</context>
<context>
    <name>Layouts</name>
    <message>
        <source>Loss plot</source>
        <translation>Loss plot</translation>
    </message>
    <message>
        <source>Parameters plot</source>
        <translation>Parameters plot</translation>
    </message>
    <message>
        <source>Gradients plot</source>
        <translation>Gradients plot</translation>
    </message>
    <message>
        <source>Data and fitted line</source>
        <translation>Data and fitted line</translation>
    </message>
    <message>
        <source>Loss landscape over (w, b)</source>
        <translation>Loss landscape over (w, b)</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>Beginner</translation>
    </message>
    <message>
        <source>What the first lessons need: the five calls, the values, the code, the loss plot, the data with the fitted line, and the lesson. Every other panel stays in the View menu.</source>
        <translation>What the first lessons need: the five calls, the values, the code, the loss plot, the data with the fitted line, and the lesson. Every other panel stays in the View menu.</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Every panel and every plot.</source>
        <translation>Every panel and every plot.</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>Reset layout</translation>
    </message>
    <message>
        <source>Put the panels of the current layout back where they began.</source>
        <translation>Put the panels of the current layout back where they began.</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>Presentation mode</translation>
    </message>
    <message>
        <source>Full screen for a projector: larger text, and only the controls, the values, the loss plot and the code. Esc leaves it.</source>
        <translation>Full screen for a projector: larger text, and only the controls, the values, the loss plot and the code. Esc leaves it.</translation>
    </message>
    <message>
        <source>{panel} is shown in the middle of the window.</source>
        <translation>{panel} is shown in the middle of the window.</translation>
    </message>
    <message>
        <source>The {panel} panel opened in its own window.</source>
        <translation>The {panel} panel opened in its own window.</translation>
    </message>
    <message>
        <source>on the left</source>
        <translation>on the left</translation>
    </message>
    <message>
        <source>on the right</source>
        <translation>on the right</translation>
    </message>
    <message>
        <source>at the top</source>
        <translation>at the top</translation>
    </message>
    <message>
        <source>at the bottom</source>
        <translation>at the bottom</translation>
    </message>
    <message>
        <source>The {panel} panel is shown {side}, as a tab beside {other}.</source>
        <translation>The {panel} panel is shown {side}, as a tab beside {other}.</translation>
    </message>
    <message>
        <source>The {panel} panel is shown {side}.</source>
        <translation>The {panel} panel is shown {side}.</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Fresh start: the tutorial&apos;s program, lr 0.1, mistake mode off.</source>
        <translation>Fresh start: the tutorial&apos;s program, lr 0.1, mistake mode off.</translation>
    </message>
    <message>
        <source>Fresh start, running slowly: watch each update move w and b.</source>
        <translation>Fresh start, running slowly: watch each update move w and b.</translation>
    </message>
    <message>
        <source>lr = 1.5, above the stable limit: watch every update overshoot further.</source>
        <translation>lr = 1.5, above the stable limit: watch every update overshoot further.</translation>
    </message>
    <message>
        <source>lr = 0.001: watch how little 100 updates achieve.</source>
        <translation>lr = 0.001: watch how little 100 updates achieve.</translation>
    </message>
    <message>
        <source>lr = 0.9, just under the limit: w and b jump across, then settle.</source>
        <translation>lr = 0.9, just under the limit: w and b jump across, then settle.</translation>
    </message>
    <message>
        <source>Noise 0.5 on y: watch where the loss levels off.</source>
        <translation>Noise 0.5 on y: watch where the loss levels off.</translation>
    </message>
    <message>
        <source>Mini-batches of 10: one update per batch, a shakier loss curve.</source>
        <translation>Mini-batches of 10: one update per batch, a shakier loss curve.</translation>
    </message>
    <message>
        <source>SGD with momentum 0.9 at lr 0.1.</source>
        <translation>SGD with momentum 0.9 at lr 0.1.</translation>
    </message>
    <message>
        <source>Adam at lr 0.1 (compare it with SGD at lr 0.1, same start).</source>
        <translation>Adam at lr 0.1 (compare it with SGD at lr 0.1, same start).</translation>
    </message>
    <message>
        <source>{text} {effects}</source>
        <translation>{text} {effects}</translation>
    </message>
    <message>
        <source>Mistake mode on: zero_grad() is skipped. Press F11 and watch each gradient add to w.grad.</source>
        <translation>Mistake mode on: zero_grad() is skipped. Press F11 and watch each gradient add to w.grad.</translation>
    </message>
    <message>
        <source>Mistake mode on, running slowly: watch w.grad and the loss swing without end.</source>
        <translation>Mistake mode on, running slowly: watch w.grad and the loss swing without end.</translation>
    </message>
    <message>
        <source>RMSprop at lr 0.1: press F11 once and watch w and b jump.</source>
        <translation>RMSprop at lr 0.1: press F11 once and watch w and b jump.</translation>
    </message>
    <message>
        <source>Hide the answer again.</source>
        <translation>Hide the answer again.</translation>
    </message>
    <message>
        <source>Show the answer and the reason. Make your guess first!</source>
        <translation>Show the answer and the reason. Make your guess first!</translation>
    </message>
    <message>
        <source>Open the lesson “{title}”</source>
        <translation>Open the lesson “{title}”</translation>
    </message>
    <message>
        <source>Previous lesson</source>
        <translation>Previous lesson</translation>
    </message>
    <message>
        <source>Next lesson</source>
        <translation>Next lesson</translation>
    </message>
    <message>
        <source>Choose a lesson. They follow the training loop in order.</source>
        <translation>Choose a lesson. They follow the training loop in order.</translation>
    </message>
    <message>
        <source>Lesson number, of all lessons</source>
        <translation>Lesson number, of all lessons</translation>
    </message>
    <message>
        <source>The lesson. Values said to be computed “just now” come from PyTorch on this machine. A “▶ Try it” link sets the app up to show the lesson&apos;s point: hover it to see how.</source>
        <translation>The lesson. Values said to be computed “just now” come from PyTorch on this machine. A “▶ Try it” link sets the app up to show the lesson&apos;s point: hover it to see how.</translation>
    </message>
    <message>
        <source>Train on this example data set; the other settings stay (Ctrl+Z undoes).</source>
        <translation>Train on this example data set; the other settings stay (Ctrl+Z undoes).</translation>
    </message>
    <message>
        <source>It starts the experiment over</source>
        <translation>It starts the experiment over</translation>
    </message>
    <message>
        <source>compares the runs side by side</source>
        <translation>compares the runs side by side</translation>
    </message>
    <message>
        <source>waits for you to step</source>
        <translation>waits for you to step</translation>
    </message>
    <message>
        <source>turns the mistake mode on</source>
        <translation>turns the mistake mode on</translation>
    </message>
    <message>
        <source>, </source>
        <comment>the separator of a list of effects</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>({effects}.)</source>
        <translation>({effects}.)</translation>
    </message>
    <message>
        <source>Start over?</source>
        <translation>Start over?</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>the parameters plot</source>
        <translation>the parameters plot</translation>
    </message>
    <message>
        <source>the gradients plot</source>
        <translation>the gradients plot</translation>
    </message>
    <message>
        <source>the data and fitted line plot</source>
        <translation>the data and fitted line plot</translation>
    </message>
    <message>
        <source>the loss landscape</source>
        <translation>the loss landscape</translation>
    </message>
    <message>
        <source>the Graph panel</source>
        <translation>the Graph panel</translation>
    </message>
    <message>
        <source>the Messages panel</source>
        <translation>the Messages panel</translation>
    </message>
    <message>
        <source>the Maths panel</source>
        <translation>the Maths panel</translation>
    </message>
    <message>
        <source>the Optimizer state panel</source>
        <translation>the Optimizer state panel</translation>
    </message>
    <message>
        <source>the Session as code panel</source>
        <translation>the Session as code panel</translation>
    </message>
    <message>
        <source>the Lab panel</source>
        <translation>the Lab panel</translation>
    </message>
    <message>
        <source>Show {panel} in the window.</source>
        <translation>Show {panel} in the window.</translation>
    </message>
    <message numerus="yes">
        <source>runs at %n update(s) a second (the Speed slider moves)</source>
        <translation>
            <numerusform>runs at %n update a second (the Speed slider moves)</numerusform>
            <numerusform>runs at %n updates a second (the Speed slider moves)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your %n update(s) so far will be discarded. To keep them, cancel and save first (File ▸ Save).</source>
        <translation>
            <numerusform>Your %n update so far will be discarded. To keep it, cancel and save first (File ▸ Save).</numerusform>
            <numerusform>Your %n updates so far will be discarded. To keep them, cancel and save first (File ▸ Save).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Loading</name>
    <message>
        <source>Importing PyTorch…</source>
        <translation>Importing PyTorch…</translation>
    </message>
    <message>
        <source>Building the first optimizer…</source>
        <translation>Building the first optimizer…</translation>
    </message>
    <message>
        <source>Making the tutorial&apos;s data and model…</source>
        <translation>Making the tutorial&apos;s data and model…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Loading PyTorch</source>
        <translation>Loading PyTorch</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>step %v of %m</translation>
    </message>
    <message>
        <source>The buttons come alive when it is done: a few seconds, longer on a busy computer.</source>
        <translation>The buttons come alive when it is done: a few seconds, longer on a busy computer.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Controls</source>
        <translation>Controls</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Values</translation>
    </message>
    <message>
        <source>Maths</source>
        <translation>Maths</translation>
    </message>
    <message>
        <source>Optimizer state</source>
        <translation>Optimizer state</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Exercises</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Session as code</source>
        <translation>Session as code</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>Inference</translation>
    </message>
    <message>
        <source>Checkpoint lab</source>
        <translation>Checkpoint lab</translation>
    </message>
    <message>
        <source>Loading PyTorch…</source>
        <translation>Loading PyTorch…</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Lab</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>Next phase</translation>
    </message>
    <message>
        <source>Run the next call of the loop</source>
        <translation>Run the next call of the loop</translation>
    </message>
    <message>
        <source>Full update</source>
        <translation>Full update</translation>
    </message>
    <message>
        <source>Finish the current update, through optimizer.step()</source>
        <translation>Finish the current update, through optimizer.step()</translation>
    </message>
    <message>
        <source>Run / pause</source>
        <translation>Run / pause</translation>
    </message>
    <message>
        <source>Start or pause running updates</source>
        <translation>Start or pause running updates</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>Step back</translation>
    </message>
    <message>
        <source>Undo the last update exactly</source>
        <translation>Undo the last update exactly</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Start the experiment over</source>
        <translation>Start the experiment over</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Continue a saved session (a .gradlab.pt checkpoint)</source>
        <translation>Continue a saved session (a .gradlab.pt checkpoint)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the session: model, optimizer, data order, history</source>
        <translation>Save the session: model, optimizer, data order, history</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Start fresh</source>
        <translation>Start fresh</translation>
    </message>
    <message>
        <source>The tutorial&apos;s experiment, from the start</source>
        <translation>The tutorial&apos;s experiment, from the start</translation>
    </message>
    <message>
        <source>History as CSV…</source>
        <translation>History as CSV…</translation>
    </message>
    <message>
        <source>Window screenshot…</source>
        <translation>Window screenshot…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>Open recent</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Plot as PNG or SVG</source>
        <translation>Plot as PNG or SVG</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>About GradLab</source>
        <translation>About GradLab</translation>
    </message>
    <message>
        <source>GradLab sessions (*.gradlab.pt *.pt);;All files (*)</source>
        <translation>GradLab sessions (*.gradlab.pt *.pt);;All files (*)</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>Open a session</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>Save the session</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Open an exercise</source>
        <translation>Open an exercise</translation>
    </message>
    <message>
        <source>GradLab exercises (*.json);;All files (*)</source>
        <translation>GradLab exercises (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Export your results</source>
        <translation>Export your results</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>Export the history</translation>
    </message>
    <message>
        <source>Export the plot</source>
        <translation>Export the plot</translation>
    </message>
    <message>
        <source>Save a screenshot</source>
        <translation>Save a screenshot</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>GradLab will use the new language from its next start. Restart now? Your session is saved and comes back.</source>
        <translation>GradLab will use the new language from its next start. Restart now? Your session is saved and comes back.</translation>
    </message>
    <message>
        <source>GradLab {version}

Watch the first PyTorch program train, one call at a time. Every number is read from live torch tensors.</source>
        <translation>GradLab {version}

Watch the first PyTorch program train, one call at a time. Every number is read from live torch tensors.</translation>
    </message>
    <message>
        <source>Import data…</source>
        <translation>Import data…</translation>
    </message>
    <message>
        <source>Train on your own data: a CSV file of two columns, x then y</source>
        <translation>Train on your own data: a CSV file of two columns, x then y</translation>
    </message>
    <message>
        <source>Export data (CSV)…</source>
        <translation>Export data (CSV)…</translation>
    </message>
    <message>
        <source>Write the samples being trained on to a CSV file</source>
        <translation>Write the samples being trained on to a CSV file</translation>
    </message>
    <message>
        <source>Open exercise…</source>
        <translation>Open exercise…</translation>
    </message>
    <message>
        <source>Open an exercise file from your teacher (.json)</source>
        <translation>Open an exercise file from your teacher (.json)</translation>
    </message>
    <message>
        <source>Exercise results (CSV)…</source>
        <translation>Exercise results (CSV)…</translation>
    </message>
    <message>
        <source>Your challenges and predictions as a small CSV file to give your teacher</source>
        <translation>Your challenges and predictions as a small CSV file to give your teacher</translation>
    </message>
    <message>
        <source>Example data</source>
        <translation>Example data</translation>
    </message>
    <message>
        <source>Thermometer readings (°C → °F)</source>
        <translation>Thermometer readings (°C → °F)</translation>
    </message>
    <message>
        <source>A spring stretched by weights (N → cm)</source>
        <translation>A spring stretched by weights (N → cm)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Import data</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Export data</translation>
    </message>
    <message>
        <source>Watch a network learn</source>
        <translation>Watch a network learn</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Larger text, plots and lines everywhere (Ctrl+wheel too)</source>
        <translation>Larger text, plots and lines everywhere (Ctrl+wheel too)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Smaller text, plots and lines everywhere</source>
        <translation>Smaller text, plots and lines everywhere</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <source>Back to 100 %</source>
        <translation>Back to 100 %</translation>
    </message>
    <message>
        <source>Actual size (now {percent} %)</source>
        <translation>Actual size (now {percent} %)</translation>
    </message>
    <message>
        <source>Training script (.py)…</source>
        <translation>Training script (.py)…</translation>
    </message>
    <message>
        <source>The code panel&apos;s script for the current settings, as a Python file that computes what GradLab computes</source>
        <translation>The code panel&apos;s script for the current settings, as a Python file that computes what GradLab computes</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Plots</translation>
    </message>
    <message>
        <source>Export the training script</source>
        <translation>Export the training script</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python scripts (*.py)</translation>
    </message>
    <message>
        <source>Autosaved sessions</source>
        <translation>Autosaved sessions</translation>
    </message>
    <message>
        <source>(none left)</source>
        <translation>(none left)</translation>
    </message>
    <message>
        <source>no autosave file could be locked</source>
        <translation>no autosave file could be locked</translation>
    </message>
    <message>
        <source>Your session was not saved</source>
        <translation>Your session was not saved</translation>
    </message>
    <message>
        <source>GradLab could not save your session to {path}: {error}.

Save it somewhere else, or quit without saving: what you did since the session was last saved would be lost.</source>
        <translation>GradLab could not save your session to {path}: {error}.

Save it somewhere else, or quit without saving: what you did since the session was last saved would be lost.</translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation>Quit without saving</translation>
    </message>
    <message>
        <source>Don&apos;t quit</source>
        <translation>Don&apos;t quit</translation>
    </message>
    <message>
        <source>this picture format is not known</source>
        <translation>this picture format is not known</translation>
    </message>
</context>
<context>
    <name>MathsPanel</name>
    <message>
        <source>The formulas from the lesson with this moment&apos;s numbers, next to what autograd and the optimizer really computed. Nothing here is needed to train: it shows that backward() and step() do plain arithmetic.</source>
        <translation>The formulas from the lesson with this moment&apos;s numbers, next to what autograd and the optimizer really computed. Nothing here is needed to train: it shows that backward() and step() do plain arithmetic.</translation>
    </message>
    <message>
        <source>Maths beside autograd</source>
        <translation>Maths beside autograd</translation>
    </message>
    <message>
        <source>Run a phase (F10) to see the gradient worked out by hand next to autograd&apos;s, and the optimizer&apos;s update with its numbers.</source>
        <translation>Run a phase (F10) to see the gradient worked out by hand next to autograd&apos;s, and the optimizer&apos;s update with its numbers.</translation>
    </message>
    <message>
        <source>The gradient by hand, and by autograd</source>
        <translation>The gradient by hand, and by autograd</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>autograd .grad</source>
        <translation>autograd .grad</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>difference</translation>
    </message>
    <message>
        <source>Differences this small are rounding: PyTorch works in float32 (about 7 digits) and adds in another order.</source>
        <translation>Differences this small are rounding: PyTorch works in float32 (about 7 digits) and adds in another order.</translation>
    </message>
    <message>
        <source>By hand, with this moment&apos;s numbers:</source>
        <translation>By hand, with this moment&apos;s numbers:</translation>
    </message>
    <message>
        <source>If optimizer.step() ran now ({optimizer}, lr = {lr})</source>
        <translation>If optimizer.step() ran now ({optimizer}, lr = {lr})</translation>
    </message>
    <message>
        <source>Every .grad is None, so step() would change nothing. Run backward() first.</source>
        <translation>Every .grad is None, so step() would change nothing. Run backward() first.</translation>
    </message>
    <message>
        <source>Not worked out for the small network: it has too many parameters. Choose the linear model to see every number.</source>
        <translation>Not worked out for the small network: it has too many parameters. Choose the linear model to see every number.</translation>
    </message>
    <message>
        <source>Not worked out for these optimizer settings.</source>
        <translation>Not worked out for these optimizer settings.</translation>
    </message>
    <message>
        <source>{p}.grad is None: step() leaves {p} as it is.</source>
        <translation>{p}.grad is None: step() leaves {p} as it is.</translation>
    </message>
    <message>
        <source>For {p} ({name}):</source>
        <translation>For {p} ({name}):</translation>
    </message>
    <message>
        <source>m and v are Adam&apos;s running averages (optimizer.state), t counts its steps; dividing by 1 − βᵗ corrects their start at zero.</source>
        <translation>m and v are Adam&apos;s running averages (optimizer.state), t counts its steps; dividing by 1 − βᵗ corrects their start at zero.</translation>
    </message>
    <message>
        <source>v is the velocity kept in optimizer.state (momentum_buffer); μ is the momentum.</source>
        <translation>v is the velocity kept in optimizer.state (momentum_buffer); μ is the momentum.</translation>
    </message>
    <message>
        <source>backward() ran once on this loss, so .grad holds exactly this gradient. N = {n} samples.</source>
        <translation>backward() ran once on this loss, so .grad holds exactly this gradient. N = {n} samples.</translation>
    </message>
    <message>
        <source>backward() has not run on this loss yet. .grad still holds an older gradient; backward() will add this one to it unless zero_grad() runs first.</source>
        <translation>backward() has not run on this loss yet. .grad still holds an older gradient; backward() will add this one to it unless zero_grad() runs first.</translation>
    </message>
    <message>
        <source>backward() has not run on this loss yet: it will put these values into .grad.</source>
        <translation>backward() has not run on this loss yet: it will put these values into .grad.</translation>
    </message>
    <message>
        <source>.grad is the sum of {count} backward() calls, because zero_grad() did not run between them. It differs from this one gradient on purpose: that is the mistake.</source>
        <translation>.grad is the sum of {count} backward() calls, because zero_grad() did not run between them. It differs from this one gradient on purpose: that is the mistake.</translation>
    </message>
    <message>
        <source>zero_grad() set .grad to None after backward(). The formula still shows what backward() had computed.</source>
        <translation>zero_grad() set .grad to None after backward(). The formula still shows what backward() had computed.</translation>
    </message>
    <message>
        <source>There is no loss yet: run model(x) and the loss to see its gradient by hand.</source>
        <translation>There is no loss yet: run model(x) and the loss to see its gradient by hand.</translation>
    </message>
    <message>
        <source>model(x) ran again after the loss was computed: compute the loss again to see its gradient.</source>
        <translation>model(x) ran again after the loss was computed: compute the loss again to see its gradient.</translation>
    </message>
    <message>
        <source>step() finished this update and let its mini-batch go, so its sums cannot be shown. Run model(x) to start on the next mini-batch.</source>
        <translation>step() finished this update and let its mini-batch go, so its sums cannot be shown. Run model(x) to start on the next mini-batch.</translation>
    </message>
    <message>
        <source>Not worked out for the small network: its gradients have hundreds of terms. Choose the linear model to see them.</source>
        <translation>Not worked out for the small network: its gradients have hundreds of terms. Choose the linear model to see them.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <source>Running at %n update(s) per second. F5 pauses.</source>
        <translation>
            <numerusform>Running at %n update per second. F5 pauses.</numerusform>
            <numerusform>Running at %n updates per second. F5 pauses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paused: this run made %n update(s), %1 in all.</source>
        <translation>
            <numerusform>Paused: this run made %n update, %1 in all.</numerusform>
            <numerusform>Paused: this run made %n updates, %1 in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comparison finished: %n update(s) each.</source>
        <translation>
            <numerusform>Comparison finished: %n update each.</numerusform>
            <numerusform>Comparison finished: %n updates each.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stepped back %n update(s). The parameters, the optimizer&apos;s state and the data order are exactly as they were after update {step}: run again and you get the same numbers.</source>
        <translation>
            <numerusform>Stepped back %n update. The parameters, the optimizer&apos;s state and the data order are exactly as they were after update {step}: run again and you get the same numbers.</numerusform>
            <numerusform>Stepped back %n updates. The parameters, the optimizer&apos;s state and the data order are exactly as they were after update {step}: run again and you get the same numbers.</numerusform>
        </translation>
    </message>
    <message>
        <source>model(x) ran the forward pass: y_pred = x·Wᵀ + b, one prediction per sample (shape {shape}). PyTorch recorded the operations for backward().</source>
        <translation>model(x) ran the forward pass: y_pred = x·Wᵀ + b, one prediction per sample (shape {shape}). PyTorch recorded the operations for backward().</translation>
    </message>
    <message>
        <source>criterion(y_pred, y) = {loss}: the mean of the absolute errors. The smaller it is, the better the line fits.</source>
        <translation>criterion(y_pred, y) = {loss}: the mean of the absolute errors. The smaller it is, the better the line fits.</translation>
    </message>
    <message>
        <source>criterion(y_pred, y) = {loss}: the mean of the squared errors. The smaller it is, the better the line fits.</source>
        <translation>criterion(y_pred, y) = {loss}: the mean of the squared errors. The smaller it is, the better the line fits.</translation>
    </message>
    <message>
        <source>The loss is no longer a finite number: training has diverged. With lr = {lr} each update overshoots further than the last. Reset (Ctrl+R) and choose a smaller lr.</source>
        <translation>The loss is no longer a finite number: training has diverged. With lr = {lr} each update overshoots further than the last. Reset (Ctrl+R) and choose a smaller lr.</translation>
    </message>
    <message>
        <source>criterion(y_pred, y) = {loss}, but y_pred has shape {pred} and this batch&apos;s y has shape {target}: PyTorch broadcast them (and warned), so this number compares the wrong pairs. Run model(x) again for the new batch.</source>
        <translation>criterion(y_pred, y) = {loss}, but y_pred has shape {pred} and this batch&apos;s y has shape {target}: PyTorch broadcast them (and warned), so this number compares the wrong pairs. Run model(x) again for the new batch.</translation>
    </message>
    <message>
        <source>criterion(y_pred, y) refused: y_pred came from an earlier batch of another size. Run model(x) again for the new batch. PyTorch said: {torch}</source>
        <translation>criterion(y_pred, y) refused: y_pred came from an earlier batch of another size. Run model(x) again for the new batch. PyTorch said: {torch}</translation>
    </message>
    <message>
        <source>optimizer.zero_grad() set every .grad to None (not to zeros: set_to_none=True is the default since PyTorch 2.0). The next backward() starts from nothing.</source>
        <translation>optimizer.zero_grad() set every .grad to None (not to zeros: set_to_none=True is the default since PyTorch 2.0). The next backward() starts from nothing.</translation>
    </message>
    <message>
        <source>loss.backward() walked the graph from the loss back to the parameters and stored ∂loss/∂w in weight.grad and ∂loss/∂b in bias.grad. The graph&apos;s saved values are now freed.</source>
        <translation>loss.backward() walked the graph from the loss back to the parameters and stored ∂loss/∂w in weight.grad and ∂loss/∂b in bias.grad. The graph&apos;s saved values are now freed.</translation>
    </message>
    <message>
        <source>loss.backward() refused: the first backward() already freed this graph&apos;s saved values. Run model(x) and the loss again to record a new graph (or pass retain_graph=True to the first backward()). PyTorch said: {torch}</source>
        <translation>loss.backward() refused: the first backward() already freed this graph&apos;s saved values. Run model(x) and the loss again to record a new graph (or pass retain_graph=True to the first backward()). PyTorch said: {torch}</translation>
    </message>
    <message>
        <source>There is no loss to differentiate yet: run the forward pass and the loss first.</source>
        <translation>There is no loss to differentiate yet: run the forward pass and the loss first.</translation>
    </message>
    <message>
        <source>There is no y_pred yet: run model(x) (the forward pass) first.</source>
        <translation>There is no y_pred yet: run model(x) (the forward pass) first.</translation>
    </message>
    <message>
        <source>optimizer.step() changed nothing: every .grad is None (backward() has not run since zero_grad()). Update {step} counted, parameters unchanged.</source>
        <translation>optimizer.step() changed nothing: every .grad is None (backward() has not run since zero_grad()). Update {step} counted, parameters unchanged.</translation>
    </message>
    <message>
        <source>Running at full speed. F5 pauses.</source>
        <translation>Running at full speed. F5 pauses.</translation>
    </message>
    <message>
        <source>The run stopped itself at update {step}: the loss became {loss}. lr = {lr} is too large for this data, so every update overshoots the minimum by more than the last. Reset (Ctrl+R) and choose a smaller lr.</source>
        <translation>The run stopped itself at update {step}: the loss became {loss}. lr = {lr} is too large for this data, so every update overshoots the minimum by more than the last. Reset (Ctrl+R) and choose a smaller lr.</translation>
    </message>
    <message>
        <source>This run has diverged (the loss is inf or nan), so it cannot go on. Reset (Ctrl+R), with a smaller lr.</source>
        <translation>This run has diverged (the loss is inf or nan), so it cannot go on. Reset (Ctrl+R), with a smaller lr.</translation>
    </message>
    <message>
        <source>The learning rate is now {lr}; it applies from the next optimizer.step().</source>
        <translation>The learning rate is now {lr}; it applies from the next optimizer.step().</translation>
    </message>
    <message>
        <source>zero_grad() runs again before every backward().</source>
        <translation>zero_grad() runs again before every backward().</translation>
    </message>
    <message>
        <source>Ready. The data are 100 points of y = 2x + 1 by default; press F10 to run the loop one call at a time.</source>
        <translation>Ready. The data are 100 points of y = 2x + 1 by default; press F10 to run the loop one call at a time.</translation>
    </message>
    <message>
        <source>Reset: new model from the same seed, step 0.</source>
        <translation>Reset: new model from the same seed, step 0.</translation>
    </message>
    <message>
        <source>The experiment changed, so it starts over: the data, the model and the optimizer are built again from the seed, as the script would build them.</source>
        <translation>The experiment changed, so it starts over: the data, the model and the optimizer are built again from the seed, as the script would build them.</translation>
    </message>
    <message>
        <source>There is nothing to step back to: no update has run since the start (or the saved states do not reach further back).</source>
        <translation>There is nothing to step back to: no update has run since the start (or the saved states do not reach further back).</translation>
    </message>
    <message>
        <source>criterion(y_pred, y) = {loss}: the Huber loss, squared for small errors and linear for large ones. The smaller it is, the better the line fits.</source>
        <translation>criterion(y_pred, y) = {loss}: the Huber loss, squared for small errors and linear for large ones. The smaller it is, the better the line fits.</translation>
    </message>
    <message>
        <source>Mistake mode: optimizer.zero_grad() was left out, so .grad still holds the earlier gradients and the next backward() adds to them.</source>
        <translation>Mistake mode: optimizer.zero_grad() was left out, so .grad still holds the earlier gradients and the next backward() adds to them.</translation>
    </message>
    <message>
        <source>optimizer.zero_grad(): no backward() has run yet, so every .grad is still None and there was nothing to clear. That is expected on the first update; from the next one on, zero_grad() removes the last update&apos;s gradients.</source>
        <translation>optimizer.zero_grad(): no backward() has run yet, so every .grad is still None and there was nothing to clear. That is expected on the first update; from the next one on, zero_grad() removes the last update&apos;s gradients.</translation>
    </message>
    <message>
        <source>optimizer.zero_grad(): every .grad was already None (zero_grad() had already run since the last backward()), so nothing changed. Calling it twice is harmless.</source>
        <translation>optimizer.zero_grad(): every .grad was already None (zero_grad() had already run since the last backward()), so nothing changed. Calling it twice is harmless.</translation>
    </message>
    <message>
        <source>loss.backward() ADDED this update&apos;s gradients to those already in .grad, because zero_grad() did not run: .grad now holds the sum of every gradient since it was last cleared, not the slope here. PyTorch accumulates on purpose; that is why the loop calls zero_grad() before every backward().</source>
        <translation>loss.backward() ADDED this update&apos;s gradients to those already in .grad, because zero_grad() did not run: .grad now holds the sum of every gradient since it was last cleared, not the slope here. PyTorch accumulates on purpose; that is why the loop calls zero_grad() before every backward().</translation>
    </message>
    <message>
        <source>Mistake mode: zero_grad() is left out from now on, so every backward() adds its gradient to the sum of all the earlier ones. That sum acts like a velocity (momentum with μ = 1 and nothing to slow it down): w and b swing past the answer and back again and again, and the loss rises and falls without ever settling. Watch w.grad and the parameter plot.</source>
        <translation>Mistake mode: zero_grad() is left out from now on, so every backward() adds its gradient to the sum of all the earlier ones. That sum acts like a velocity (momentum with μ = 1 and nothing to slow it down): w and b swing past the answer and back again and again, and the loss rises and falls without ever settling. Watch w.grad and the parameter plot.</translation>
    </message>
    <message>
        <source>The model starts from w = {w}, b = {b} now. The values were set under torch.no_grad(), so autograd recorded nothing; this is not an update, so the update counter and the optimizer&apos;s state stay as they were.</source>
        <translation>The model starts from w = {w}, b = {b} now. The values were set under torch.no_grad(), so autograd recorded nothing; this is not an update, so the update counter and the optimizer&apos;s state stay as they were.</translation>
    </message>
    <message>
        <source>Comparing {runs}: same data, same starting point, only the optimizer settings differ.</source>
        <translation>Comparing {runs}: same data, same starting point, only the optimizer settings differ.</translation>
    </message>
    <message>
        <source>While comparing, the values and the parameter and gradient plots show your own run, which waits. Any call on it (F10, F11, F5 …) or Back to one run ends the comparison and continues it.</source>
        <translation>While comparing, the values and the parameter and gradient plots show your own run, which waits. Any call on it (F10, F11, F5 …) or Back to one run ends the comparison and continues it.</translation>
    </message>
    <message>
        <source>lr = {lr} is above the stable limit for these data, {limit}: every update would overshoot more than the last and a run would diverge. Try lr = {suggest}.</source>
        <translation>lr = {lr} is above the stable limit for these data, {limit}: every update would overshoot more than the last and a run would diverge. Try lr = {suggest}.</translation>
    </message>
    <message>
        <source>Back to one run: the comparison ended, and your own run goes on from update {step}, where you left it.</source>
        <translation>Back to one run: the comparison ended, and your own run goes on from update {step}, where you left it.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is too large: type an x from -1,000,000 to 1,000,000, such as 3 or -1.5.</source>
        <translation>&apos;{text}&apos; is too large: type an x from -1,000,000 to 1,000,000, such as 3 or -1.5.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number. Type an x such as 3 or -1.5.</source>
        <translation>&apos;{text}&apos; is not a number. Type an x such as 3 or -1.5.</translation>
    </message>
    <message>
        <source>Saved to {path}: the model&apos;s and the optimizer&apos;s state_dict, the data order, the history and your session as code, at update {step}.</source>
        <translation>Saved to {path}: the model&apos;s and the optimizer&apos;s state_dict, the data order, the history and your session as code, at update {step}.</translation>
    </message>
    <message>
        <source>That file was not opened, and nothing changed: {error}</source>
        <translation>That file was not opened, and nothing changed: {error}</translation>
    </message>
    <message>
        <source>Opened {path}: update {step}. Training continues exactly where it was saved.</source>
        <translation>Opened {path}: update {step}. Training continues exactly where it was saved.</translation>
    </message>
    <message>
        <source>Welcome back: your last session is restored at update {step}. To begin again, choose File ▸ Start fresh.</source>
        <translation>Welcome back: your last session is restored at update {step}. To begin again, choose File ▸ Start fresh.</translation>
    </message>
    <message>
        <source>A fresh start: the tutorial&apos;s experiment, update 0.</source>
        <translation>A fresh start: the tutorial&apos;s experiment, update 0.</translation>
    </message>
    <message>
        <source>The lesson set the experiment up; it starts over.</source>
        <translation>The lesson set the experiment up; it starts over.</translation>
    </message>
    <message>
        <source>The settings file was damaged, so GradLab uses its defaults (layout, theme, language): {path}</source>
        <translation>The settings file was damaged, so GradLab uses its defaults (layout, theme, language): {path}</translation>
    </message>
    <message>
        <source>The settings file came from another GradLab version, so the defaults are used.</source>
        <translation>The settings file came from another GradLab version, so the defaults are used.</translation>
    </message>
    <message>
        <source>Exported {path}.</source>
        <translation>Exported {path}.</translation>
    </message>
    <message>
        <source>The batch size must be 0 (full batch) or at most the number of samples, {samples} here. Nothing was changed.</source>
        <translation>The batch size must be 0 (full batch) or at most the number of samples, {samples} here. Nothing was changed.</translation>
    </message>
    <message>
        <source>Nesterov momentum needs a momentum above 0 and below 1. Nothing was changed.</source>
        <translation>Nesterov momentum needs a momentum above 0 and below 1. Nothing was changed.</translation>
    </message>
    <message>
        <source>Could not export {path}: {error}</source>
        <translation>Could not export {path}: {error}</translation>
    </message>
    <message>
        <source>PyTorch is still loading; try again in a moment.</source>
        <translation>PyTorch is still loading; try again in a moment.</translation>
    </message>
    <message>
        <source>Something went wrong in the training thread ({error}). The app keeps running; the details are in the log.</source>
        <translation>Something went wrong in the training thread ({error}). The app keeps running; the details are in the log.</translation>
    </message>
    <message>
        <source>it asks to run code while loading. GradLab never does that, so it was refused and nothing in it ran.</source>
        <translation>it asks to run code while loading. GradLab never does that, so it was refused and nothing in it ran.</translation>
    </message>
    <message>
        <source>it is not a GradLab file, or it is damaged or cut short.</source>
        <translation>it is not a GradLab file, or it is damaged or cut short.</translation>
    </message>
    <message>
        <source>it is a PyTorch file, but not a GradLab session.</source>
        <translation>it is a PyTorch file, but not a GradLab session.</translation>
    </message>
    <message>
        <source>it was written by another version of GradLab.</source>
        <translation>it was written by another version of GradLab.</translation>
    </message>
    <message>
        <source>its settings are outside what GradLab allows.</source>
        <translation>its settings are outside what GradLab allows.</translation>
    </message>
    <message>
        <source>its parts do not fit together (the file is damaged).</source>
        <translation>its parts do not fit together (the file is damaged).</translation>
    </message>
    <message>
        <source>the file cannot be read.</source>
        <translation>the file cannot be read.</translation>
    </message>
    <message>
        <source>it is far too large for a session.</source>
        <translation>it is far too large for a session.</translation>
    </message>
    <message>
        <source>{option} must be {allowed}. Nothing was changed.</source>
        <translation>{option} must be {allowed}. Nothing was changed.</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>one of {choices}</translation>
    </message>
    <message>
        <source>a whole number {lo} {low} and {hi} {high}</source>
        <translation>a whole number {lo} {low} and {hi} {high}</translation>
    </message>
    <message>
        <source>a number {lo} {low} and {hi} {high}</source>
        <translation>a number {lo} {low} and {hi} {high}</translation>
    </message>
    <message>
        <source>optimizer.step() applied {name}&apos;s rule to every parameter: {rule}, with lr = {lr}. Update {step} is done.</source>
        <translation>optimizer.step() applied {name}&apos;s rule to every parameter: {rule}, with lr = {lr}. Update {step} is done.</translation>
    </message>
    <message>
        <source>step() ({name}): update {step} done.</source>
        <translation>step() ({name}): update {step} done.</translation>
    </message>
    <message>
        <source>optimizer.step() applied {name}&apos;s rule, {rule}, with lr = {lr}, reading .grad and what the optimizer keeps in optimizer.state: {changes}. Update {step} is done.</source>
        <translation>optimizer.step() applied {name}&apos;s rule, {rule}, with lr = {lr}, reading .grad and what the optimizer keeps in optimizer.state: {changes}. Update {step} is done.</translation>
    </message>
    <message>
        <source>step() ({name}, lr = {lr}): {changes}. Update {step}.</source>
        <translation>step() ({name}, lr = {lr}): {changes}. Update {step}.</translation>
    </message>
    <message>
        <source>On Adam&apos;s first step m_hat = .grad and v_hat = .grad², so every parameter moves by lr, whatever the size of its gradient: {moves}.</source>
        <translation>On Adam&apos;s first step m_hat = .grad and v_hat = .grad², so every parameter moves by lr, whatever the size of its gradient: {moves}.</translation>
    </message>
    <message>
        <source>On RMSprop&apos;s first step its average s starts from 0 with no correction, so s = (1 − α)·.grad² and every parameter moves by lr/√(1 − α) = {factor} × lr: {moves}.</source>
        <translation>On RMSprop&apos;s first step its average s starts from 0 with no correction, so s = (1 − α)·.grad² and every parameter moves by lr/√(1 − α) = {factor} × lr: {moves}.</translation>
    </message>
    <message>
        <source>What each call did, and why. The newest message is at the bottom. A call explained before shows in one line: double-click it to read it all again.</source>
        <translation>What each call did, and why. The newest message is at the bottom. A call explained before shows in one line: double-click it to read it all again.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n sample(s) to {path}: every value reads back as the same float32 number, so a script of your own can train on exactly these data.</source>
        <translation>
            <numerusform>Exported %n sample to {path}: every value reads back as the same float32 number, so a script of your own can train on exactly these data.</numerusform>
            <numerusform>Exported %n samples to {path}: every value reads back as the same float32 number, so a script of your own can train on exactly these data.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back to generated data: %n sample(s) drawn by torch.randn after the seed. The experiment starts over.</source>
        <translation>
            <numerusform>Back to generated data: %n sample drawn by torch.randn after the seed. The experiment starts over.</numerusform>
            <numerusform>Back to generated data: %n samples drawn by torch.randn after the seed. The experiment starts over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your data: %n sample(s), x and y as float32 tensors of shape (N, 1) in their order. The experiment starts over from the seed on them: the model, the loss landscape, the lr limit and the code follow.</source>
        <translation>
            <numerusform>Your data: %n sample, x and y as float32 tensors of shape (N, 1) in their order. The experiment starts over from the seed on them: the model, the loss landscape, the lr limit and the code follow.</numerusform>
            <numerusform>Your data: %n samples, x and y as float32 tensors of shape (N, 1) in their order. The experiment starts over from the seed on them: the model, the loss landscape, the lr limit and the code follow.</numerusform>
        </translation>
    </message>
    <message>
        <source>The experiment changed, so it starts over on your data: the model and the optimizer are built again from the seed, as the script would build them.</source>
        <translation>The experiment changed, so it starts over on your data: the model and the optimizer are built again from the seed, as the script would build them.</translation>
    </message>
    <message>
        <source>Not imported, and nothing changed: {path}: {problem}</source>
        <translation>Not imported, and nothing changed: {path}: {problem}</translation>
    </message>
    <message>
        <source>Added the sample {xy}.</source>
        <translation>Added the sample {xy}.</translation>
    </message>
    <message>
        <source>Moved a sample to {xy}.</source>
        <translation>Moved a sample to {xy}.</translation>
    </message>
    <message>
        <source>Deleted the sample {xy}.</source>
        <translation>Deleted the sample {xy}.</translation>
    </message>
    <message>
        <source>Imported {path}{columns}.</source>
        <translation>Imported {path}{columns}.</translation>
    </message>
    <message>
        <source>Opened the example data {name}{columns}.</source>
        <translation>Opened the example data {name}{columns}.</translation>
    </message>
    <message>
        <source>Cleared the data down to one sample, {xy} (the data need at least one): click on the data plot to add more, then delete it if you like.</source>
        <translation>Cleared the data down to one sample, {xy} (the data need at least one): click on the data plot to add more, then delete it if you like.</translation>
    </message>
    <message>
        <source>Undid the last change to the data.</source>
        <translation>Undid the last change to the data.</translation>
    </message>
    <message>
        <source>The data changed.</source>
        <translation>The data changed.</translation>
    </message>
    <message>
        <source> (x: {x}, y: {y})</source>
        <translation> (x: {x}, y: {y})</translation>
    </message>
    <message>
        <source>Your data already hold {max} samples, the most GradLab trains on: delete one first. Nothing changed.</source>
        <translation>Your data already hold {max} samples, the most GradLab trains on: delete one first. Nothing changed.</translation>
    </message>
    <message>
        <source>That is the last sample: the data need at least one. Nothing changed.</source>
        <translation>That is the last sample: the data need at least one. Nothing changed.</translation>
    </message>
    <message>
        <source>These generated data hold more than {max} samples, too many to draw on: set Samples to {max} or fewer first.</source>
        <translation>These generated data hold more than {max} samples, too many to draw on: set Samples to {max} or fewer first.</translation>
    </message>
    <message>
        <source>the file holds no rows of numbers.</source>
        <translation>the file holds no rows of numbers.</translation>
    </message>
    <message>
        <source>row {row} is not UTF-8 text. Save the file as UTF-8 CSV.</source>
        <translation>row {row} is not UTF-8 text. Save the file as UTF-8 CSV.</translation>
    </message>
    <message>
        <source>row {row} holds a NUL character: this is not a text file.</source>
        <translation>row {row} holds a NUL character: this is not a text file.</translation>
    </message>
    <message>
        <source>row {row} is not valid CSV (is a quotation mark left open?).</source>
        <translation>row {row} is not valid CSV (is a quotation mark left open?).</translation>
    </message>
    <message>
        <source>row {row} has one column. GradLab reads two, x then y, separated by a comma or a semicolon.</source>
        <translation>row {row} has one column. GradLab reads two, x then y, separated by a comma or a semicolon.</translation>
    </message>
    <message>
        <source>row {row} has {text} columns. GradLab reads exactly two, x then y: keep only those.</source>
        <translation>row {row} has {text} columns. GradLab reads exactly two, x then y: keep only those.</translation>
    </message>
    <message>
        <source>row {row}: the {column} column is empty.</source>
        <translation>row {row}: the {column} column is empty.</translation>
    </message>
    <message>
        <source>row {row}: {text} in the {column} column is not allowed: every value must be a finite number.</source>
        <translation>row {row}: {text} in the {column} column is not allowed: every value must be a finite number.</translation>
    </message>
    <message>
        <source>row {row}: {text} in the {column} column is not a number (write numbers such as 12, -0.5 or 2.5e-3).</source>
        <translation>row {row}: {text} in the {column} column is not a number (write numbers such as 12, -0.5 or 2.5e-3).</translation>
    </message>
    <message>
        <source>row {row}: {text} in the {column} column is too large: values must lie between -{max} and {max}.</source>
        <translation>row {row}: {text} in the {column} column is too large: values must lie between -{max} and {max}.</translation>
    </message>
    <message>
        <source>row {row}: more than {max} data rows. GradLab reads at most {max}.</source>
        <translation>row {row}: more than {max} data rows. GradLab reads at most {max}.</translation>
    </message>
    <message>
        <source>the file is larger than 2 MB, far more than {max} rows need.</source>
        <translation>the file is larger than 2 MB, far more than {max} rows need.</translation>
    </message>
    <message>
        <source>it is not a regular file (a folder, a device or a pipe).</source>
        <translation>it is not a regular file (a folder, a device or a pipe).</translation>
    </message>
    <message>
        <source>Paused, so the model stays where it is. Click the map again to start the model from that (w, b).</source>
        <translation>Paused, so the model stays where it is. Click the map again to start the model from that (w, b).</translation>
    </message>
    <message numerus="yes">
        <source>%n more autosaved session(s) left by other GradLab windows: open them with File ▸ Autosaved sessions.</source>
        <translation>
            <numerusform>%n more autosaved session left by another GradLab window: open it with File ▸ Autosaved sessions.</numerusform>
            <numerusform>%n more autosaved sessions left by other GradLab windows: open them with File ▸ Autosaved sessions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your last session could not be restored, so GradLab starts fresh: {error} The file is kept, renamed to {kept}.</source>
        <translation>Your last session could not be restored, so GradLab starts fresh: {error} The file is kept, renamed to {kept}.</translation>
    </message>
    <message>
        <source>Your last session could not be restored, so GradLab starts fresh: {error} The file stays where it is, {path} (renaming it failed: {reason}); this window autosaves to another file, so it is never written over.</source>
        <translation>Your last session could not be restored, so GradLab starts fresh: {error} The file stays where it is, {path} (renaming it failed: {reason}); this window autosaves to another file, so it is never written over.</translation>
    </message>
    <message>
        <source>Could not save to {path} ({error}); nothing was written there. Choose another place with File ▸ Save as…</source>
        <translation>Could not save to {path} ({error}); nothing was written there. Choose another place with File ▸ Save as…</translation>
    </message>
    <message>
        <source>That autosave is kept, renamed to {kept}, and no longer offered.</source>
        <translation>That autosave is kept, renamed to {kept}, and no longer offered.</translation>
    </message>
    <message>
        <source>Another GradLab window is open, so this one autosaves to a file of its own, {path}: neither window writes over the other&apos;s session.</source>
        <translation>Another GradLab window is open, so this one autosaves to a file of its own, {path}: neither window writes over the other&apos;s session.</translation>
    </message>
    <message>
        <source>This window cannot autosave: no autosave file could be locked in {folder}. Save your work with File ▸ Save.</source>
        <translation>This window cannot autosave: no autosave file could be locked in {folder}. Save your work with File ▸ Save.</translation>
    </message>
    <message>
        <source>GradLab cannot autosave your sessions in {wanted} ({reason}). Until it can, they go to {used}, which the system may empty: use File ▸ Save as… to keep your work.</source>
        <translation>GradLab cannot autosave your sessions in {wanted} ({reason}). Until it can, they go to {used}, which the system may empty: use File ▸ Save as… to keep your work.</translation>
    </message>
    <message>
        <source>GradLab cannot autosave your sessions in {wanted} ({reason}), nor in a temporary folder: use File ▸ Save as… to keep your work.</source>
        <translation>GradLab cannot autosave your sessions in {wanted} ({reason}), nor in a temporary folder: use File ▸ Save as… to keep your work.</translation>
    </message>
    <message>
        <source>GradLab cannot save its settings (layout, theme, language, recent files) in {wanted} ({reason}); until it can, they are kept in {used}.</source>
        <translation>GradLab cannot save its settings (layout, theme, language, recent files) in {wanted} ({reason}); until it can, they are kept in {used}.</translation>
    </message>
    <message>
        <source>GradLab cannot save its settings (layout, theme, language, recent files) in {wanted} ({reason}), nor in a temporary folder: changes last until you quit.</source>
        <translation>GradLab cannot save its settings (layout, theme, language, recent files) in {wanted} ({reason}), nor in a temporary folder: changes last until you quit.</translation>
    </message>
    <message>
        <source>GradLab cannot write its log in {wanted} ({reason}); it writes it to {used}.</source>
        <translation>GradLab cannot write its log in {wanted} ({reason}); it writes it to {used}.</translation>
    </message>
    <message>
        <source>GradLab cannot write its log in {wanted} ({reason}), nor in a temporary folder.</source>
        <translation>GradLab cannot write its log in {wanted} ({reason}), nor in a temporary folder.</translation>
    </message>
    <message>
        <source>The field at fault: {field}.</source>
        <translation>The field at fault: {field}.</translation>
    </message>
    <message>
        <source>GradLab could not use it ({error}).</source>
        <translation>GradLab could not use it ({error}).</translation>
    </message>
    <message>
        <source>it is not a regular file (a folder, a device, a pipe …), so it was not read.</source>
        <translation>it is not a regular file (a folder, a device, a pipe …), so it was not read.</translation>
    </message>
    <message>
        <source>Set up the exercise “{title}”: the experiment starts over with its settings, its data and its mistake mode.</source>
        <translation>Set up the exercise “{title}”: the experiment starts over with its settings, its data and its mistake mode.</translation>
    </message>
    <message>
        <source>Opened the exercise “{title}” from {path}. Press Start in the Exercises panel to set it up.</source>
        <translation>Opened the exercise “{title}” from {path}. Press Start in the Exercises panel to set it up.</translation>
    </message>
    <message>
        <source>That exercise file was not opened, and nothing changed: {path}: {error}</source>
        <translation>That exercise file was not opened, and nothing changed: {path}: {error}</translation>
    </message>
    <message>
        <source>Challenge passed: “{title}”. {verdict}</source>
        <translation>Challenge passed: “{title}”. {verdict}</translation>
    </message>
    <message>
        <source>“{title}”: {verdict}</source>
        <translation>“{title}”: {verdict}</translation>
    </message>
    <message>
        <source>Your saved progress could not be read ({error}). It was kept as {kept}; GradLab starts with no challenges passed and no predictions.</source>
        <translation>Your saved progress could not be read ({error}). It was kept as {kept}; GradLab starts with no challenges passed and no predictions.</translation>
    </message>
    <message>
        <source>Your progress could not be saved ({error}): the challenges and predictions of this session may be lost when GradLab closes.</source>
        <translation>Your progress could not be saved ({error}): the challenges and predictions of this session may be lost when GradLab closes.</translation>
    </message>
    <message>
        <source>Exported your results to {path}, with your name: one row for each challenge you tried ({challenges}) and for each lesson with predictions ({lessons}).</source>
        <translation>Exported your results to {path}, with your name: one row for each challenge you tried ({challenges}) and for each lesson with predictions ({lessons}).</translation>
    </message>
    <message>
        <source>Exported your results to {path}, without a name: one row for each challenge you tried ({challenges}) and for each lesson with predictions ({lessons}).</source>
        <translation>Exported your results to {path}, without a name: one row for each challenge you tried ({challenges}) and for each lesson with predictions ({lessons}).</translation>
    </message>
</context>
<context>
    <name>OptimizerState</name>
    <message>
        <source>exp_avg (Adam&apos;s first moment m): an average of recent gradients, m ← β₁·m + (1 − β₁)·grad.</source>
        <translation>exp_avg (Adam&apos;s first moment m): an average of recent gradients, m ← β₁·m + (1 − β₁)·grad.</translation>
    </message>
    <message>
        <source>momentum_buffer: the velocity v ← μ·v + grad, a sum of past gradients in which older ones count less (μ &lt; 1). The step is −lr·v: the parameter moves against that sum, so while the gradients keep one sign its steps grow.</source>
        <translation>momentum_buffer: the velocity v ← μ·v + grad, a sum of past gradients in which older ones count less (μ &lt; 1). The step is −lr·v: the parameter moves against that sum, so while the gradients keep one sign its steps grow.</translation>
    </message>
    <message>
        <source>exp_avg_sq (Adam&apos;s second moment v): an average of recent squared gradients. Adam divides by √v, so every step is at most about lr: exactly lr on the first step, smaller when recent gradients disagree in sign.</source>
        <translation>exp_avg_sq (Adam&apos;s second moment v): an average of recent squared gradients. Adam divides by √v, so every step is at most about lr: exactly lr on the first step, smaller when recent gradients disagree in sign.</translation>
    </message>
    <message>
        <source>square_avg (RMSprop): an average of recent squared gradients; steps are divided by its square root.</source>
        <translation>square_avg (RMSprop): an average of recent squared gradients; steps are divided by its square root.</translation>
    </message>
    <message>
        <source>sum (Adagrad): all squared gradients so far; steps shrink as it grows.</source>
        <translation>sum (Adagrad): all squared gradients so far; steps shrink as it grows.</translation>
    </message>
    <message>
        <source>step: how many updates this parameter has had.</source>
        <translation>step: how many updates this parameter has had.</translation>
    </message>
    <message>
        <source>state</source>
        <translation>state</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <source>optimizer.state, read live: what the optimizer remembers between updates. Plain SGD remembers nothing.</source>
        <translation>optimizer.state, read live: what the optimizer remembers between updates. Plain SGD remembers nothing.</translation>
    </message>
    <message>
        <source>{name}: what it keeps in optimizer.state</source>
        <translation>{name}: what it keeps in optimizer.state</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Transforms</source>
        <translation>Transforms</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>Downsample</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Plot Options</source>
        <translation>Plot Options</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>update</source>
        <translation>update</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>parameters</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>gradients</translation>
    </message>
    <message>
        <source>w.grad and b.grad used by each update. They shrink towards 0 as the line fits; in mistake mode each is the sum of all gradients so far, and swings between large positive and negative values instead.</source>
        <translation>w.grad and b.grad used by each update. They shrink towards 0 as the line fits; in mistake mode each is the sum of all gradients so far, and swings between large positive and negative values instead.</translation>
    </message>
    <message>
        <source>data and fitted line</source>
        <translation>data and fitted line</translation>
    </message>
    <message>
        <source>The loss after each update. A healthy run falls fast, then flattens. Rising or jumping means lr is too large. Try the log scale to see the tail.</source>
        <translation>The loss after each update. A healthy run falls fast, then flattens. Rising or jumping means lr is too large. Try the log scale to see the tail.</translation>
    </message>
    <message>
        <source>w (blue) and b (orange) after each update; the dashed lines are the values the data were made with, 2 and 1 by default.</source>
        <translation>w (blue) and b (orange) after each update; the dashed lines are the values the data were made with, 2 and 1 by default.</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>log scale</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis: each grid line is 10× smaller, so the steady shrinking late in training stays visible.</source>
        <translation>Show the loss on a logarithmic axis: each grid line is 10× smaller, so the steady shrinking late in training stays visible.</translation>
    </message>
    <message>
        <source>data</source>
        <translation>data</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>truth</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>The samples (grey) and the model&apos;s current prediction for every x. Training turns the line until it runs through the points.
Draw your own data: click to add a sample, drag one to move it, right-click (or Shift+click) one to delete it; Ctrl+Z undoes. Each change starts the experiment over on the new data.</source>
        <translation>The samples (grey) and the model&apos;s current prediction for every x. Training turns the line until it runs through the points.
Draw your own data: click to add a sample, drag one to move it, right-click (or Shift+click) one to delete it; Ctrl+Z undoes. Each change starts the experiment over on the new data.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo the last change to the data (Ctrl+Z)</source>
        <translation>Undo the last change to the data (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Draw your own data from scratch: keep one sample (the data need at least one), then click to add more. Ctrl+Z brings the old data back.</source>
        <translation>Draw your own data from scratch: keep one sample (the data need at least one), then click to add more. Ctrl+Z brings the old data back.</translation>
    </message>
    <message>
        <source>your data</source>
        <translation>your data</translation>
    </message>
    <message>
        <source>Click: add · drag: move · right-click: delete</source>
        <translation>Click: add · drag: move · right-click: delete</translation>
    </message>
    <message>
        <source>true w, b</source>
        <translation>true w, b</translation>
    </message>
    <message>
        <source>{title} (waiting)</source>
        <translation>{title} (waiting)</translation>
    </message>
    <message>
        <source>{shown} of {total} points shown</source>
        <translation>{shown} of {total} points shown</translation>
    </message>
</context>
<context>
    <name>Predict</name>
    <message>
        <source>Predict mode: guess before backward() and step()</source>
        <translation>Predict mode: guess before backward() and step()</translation>
    </message>
    <message>
        <source>Type what you expect before loss.backward() and optimizer.step() run; GradLab then puts PyTorch&apos;s values beside your guess and says how close it was. Your guesses are kept, per lesson.</source>
        <translation>Type what you expect before loss.backward() and optimizer.step() run; GradLab then puts PyTorch&apos;s values beside your guess and says how close it was. Your guesses are kept, per lesson.</translation>
    </message>
    <message>
        <source>w.grad after backward()</source>
        <translation>w.grad after backward()</translation>
    </message>
    <message>
        <source>b.grad after backward()</source>
        <translation>b.grad after backward()</translation>
    </message>
    <message>
        <source>w after step()</source>
        <translation>w after step()</translation>
    </message>
    <message>
        <source>b after step()</source>
        <translation>b after step()</translation>
    </message>
    <message>
        <source>your guess</source>
        <translation>your guess</translation>
    </message>
    <message>
        <source>Your guess for {symbol}, a number such as -3.51. Leave it empty to guess only the others.</source>
        <translation>Your guess for {symbol}, a number such as -3.51. Leave it empty to guess only the others.</translation>
    </message>
    <message>
        <source>Type your guess first (at least one of the fields).</source>
        <translation>Type your guess first (at least one of the fields).</translation>
    </message>
    <message>
        <source>{symbol}: “{text}” is not a number. Type a number such as -3.51 (or leave the field empty).</source>
        <translation>{symbol}: “{text}” is not a number. Type a number such as -3.51 (or leave the field empty).</translation>
    </message>
    <message>
        <source>In this lesson ({lesson}): {right} of {made} guesses right.</source>
        <translation>In this lesson ({lesson}): {right} of {made} guesses right.</translation>
    </message>
    <message>
        <source>Run loss.backward() and compare</source>
        <translation>Run loss.backward() and compare</translation>
    </message>
    <message>
        <source>Runs loss.backward(), then puts PyTorch&apos;s w.grad and b.grad beside your guess.</source>
        <translation>Runs loss.backward(), then puts PyTorch&apos;s w.grad and b.grad beside your guess.</translation>
    </message>
    <message>
        <source>Next: loss.backward(). What will w.grad and b.grad be?</source>
        <translation>Next: loss.backward(). What will w.grad and b.grad be?</translation>
    </message>
    <message>
        <source>For MSE: ∂L/∂w = (2/N)·Σ(ŷ − y)·x and ∂L/∂b = (2/N)·Σ(ŷ − y) (lesson 9).</source>
        <translation>For MSE: ∂L/∂w = (2/N)·Σ(ŷ − y)·x and ∂L/∂b = (2/N)·Σ(ŷ − y) (lesson 9).</translation>
    </message>
    <message>
        <source>Next: optimizer.step(). What will w and b be after it? w, b and their .grad are in the Values panel, lr in the Controls.</source>
        <translation>Next: optimizer.step(). What will w and b be after it? w, b and their .grad are in the Values panel, lr in the Controls.</translation>
    </message>
    <message>
        <source>Turn predict mode on, then guess before each backward() and step(). The button here, the phase buttons and F10 all compare your guess when they run the call.</source>
        <translation>Turn predict mode on, then guess before each backward() and step(). The button here, the phase buttons and F10 all compare your guess when they run the call.</translation>
    </message>
    <message>
        <source>Run optimizer.step() and compare</source>
        <translation>Run optimizer.step() and compare</translation>
    </message>
    <message>
        <source>Runs optimizer.step(), then puts PyTorch&apos;s new w and b beside your guess.</source>
        <translation>Runs optimizer.step(), then puts PyTorch&apos;s new w and b beside your guess.</translation>
    </message>
    <message>
        <source>Run up to backward()</source>
        <translation>Run up to backward()</translation>
    </message>
    <message>
        <source>Runs model(x), the loss and zero_grad(): then it is time to guess.</source>
        <translation>Runs model(x), the loss and zero_grad(): then it is time to guess.</translation>
    </message>
    <message>
        <source>Run up to backward(), then guess.</source>
        <translation>Run up to backward(), then guess.</translation>
    </message>
    <message>
        <source>Predict mode works with the linear model (w and b).</source>
        <translation>Predict mode works with the linear model (w and b).</translation>
    </message>
    <message>
        <source>✓ right</source>
        <translation>✓ right</translation>
    </message>
    <message>
        <source>close</source>
        <translation>close</translation>
    </message>
    <message>
        <source>✗ off</source>
        <translation>✗ off</translation>
    </message>
    <message>
        <source>{s}: that is the new gradient alone. Without zero_grad() in between, backward() adds it to the old .grad: PyTorch holds the old one plus the new one.</source>
        <translation>{s}: that is the new gradient alone. Without zero_grad() in between, backward() adds it to the old .grad: PyTorch holds the old one plus the new one.</translation>
    </message>
    <message>
        <source>{s}: that is the gradient of the last update. backward() computes it anew from this loss.</source>
        <translation>{s}: that is the gradient of the last update. backward() computes it anew from this loss.</translation>
    </message>
    <message>
        <source>{s}: you stepped with the last update&apos;s gradient; step() uses .grad as it is now.</source>
        <translation>{s}: you stepped with the last update&apos;s gradient; step() uses .grad as it is now.</translation>
    </message>
    <message>
        <source>{s}: half the true value: you left out the factor 2 of MSE (the derivative of (ŷ − y)² is 2·(ŷ − y)).</source>
        <translation>{s}: half the true value: you left out the factor 2 of MSE (the derivative of (ŷ − y)² is 2·(ŷ − y)).</translation>
    </message>
    <message>
        <source>{s}: the right size with the wrong sign. Check the sign of (ŷ − y).</source>
        <translation>{s}: the right size with the wrong sign. Check the sign of (ŷ − y).</translation>
    </message>
    <message>
        <source>{s}: you moved along the gradient; step() moves against it (θ − lr·θ.grad).</source>
        <translation>{s}: you moved along the gradient; step() moves against it (θ − lr·θ.grad).</translation>
    </message>
    <message>
        <source>{s}: N times too large: the loss takes the mean over the N samples (1/N), not the sum.</source>
        <translation>{s}: N times too large: the loss takes the mean over the N samples (1/N), not the sum.</translation>
    </message>
    <message>
        <source>{s}: you stepped by the whole gradient; step() multiplies it by lr first.</source>
        <translation>{s}: you stepped by the whole gradient; step() multiplies it by lr first.</translation>
    </message>
    <message>
        <source>{s}: step() does change it: its .grad was not None.</source>
        <translation>{s}: step() does change it: its .grad was not None.</translation>
    </message>
    <message>
        <source>{s}: that is plain SGD&apos;s step, θ − lr·θ.grad; {optimizer} follows its own rule (below).</source>
        <translation>{s}: that is plain SGD&apos;s step, θ − lr·θ.grad; {optimizer} follows its own rule (below).</translation>
    </message>
    <message>
        <source>{s}: its .grad was None, so step() left it as it was.</source>
        <translation>{s}: its .grad was None, so step() left it as it was.</translation>
    </message>
    <message>
        <source>{s}: off by {error}. Compare your working with the rule below.</source>
        <translation>{s}: off by {error}. Compare your working with the rule below.</translation>
    </message>
    <message>
        <source>loss.backward() ran. Your guess beside PyTorch&apos;s values:</source>
        <translation>loss.backward() ran. Your guess beside PyTorch&apos;s values:</translation>
    </message>
    <message>
        <source>optimizer.step() ran. Your guess beside PyTorch&apos;s values:</source>
        <translation>optimizer.step() ran. Your guess beside PyTorch&apos;s values:</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>off by</source>
        <translation>off by</translation>
    </message>
    <message>
        <source>Every guess is right.</source>
        <translation>Every guess is right.</translation>
    </message>
    <message>
        <source>The rule with this moment&apos;s numbers, worked out as in the Maths panel:</source>
        <translation>The rule with this moment&apos;s numbers, worked out as in the Maths panel:</translation>
    </message>
    <message>
        <source>backward() added it to the old .grad: {old} + {new} → PyTorch {truth}</source>
        <translation>backward() added it to the old .grad: {old} + {new} → PyTorch {truth}</translation>
    </message>
</context>
<context>
    <name>ScriptFile</name>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python scripts (*.py)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>Could not write {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>SessionLogPanel</name>
    <message>
        <source>Every call you made, every run, reset and setting change, in order. The script replays them and ends exactly where the app is now.</source>
        <translation>Every call you made, every run, reset and setting change, in order. The script replays them and ends exactly where the app is now.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy your session as a Python script, to paste into a file or a notebook.</source>
        <translation>Copy your session as a Python script, to paste into a file or a notebook.</translation>
    </message>
    <message>
        <source>Save as .py…</source>
        <translation>Save as .py…</translation>
    </message>
    <message>
        <source>Save your session as a Python script. Run it with PyTorch installed: it repeats your calls, mistakes included, and prints the same weight and bias.</source>
        <translation>Save your session as a Python script. Run it with PyTorch installed: it repeats your calls, mistakes included, and prints the same weight and bias.</translation>
    </message>
    <message>
        <source>Your session as code: each button you pressed is one line. Calls PyTorch refused appear too, as comments or inside try/except.</source>
        <translation>Your session as code: each button you pressed is one line. Calls PyTorch refused appear too, as comments or inside try/except.</translation>
    </message>
    <message>
        <source>Session as code</source>
        <translation>Session as code</translation>
    </message>
    <message>
        <source>This session cannot be written as a script: {error}</source>
        <translation>This session cannot be written as a script: {error}</translation>
    </message>
    <message>
        <source>Running… the script catches up when you pause (F5).</source>
        <translation>Running… the script catches up when you pause (F5).</translation>
    </message>
    <message>
        <source>Your session appears here as code, call by call.</source>
        <translation>Your session appears here as code, call by call.</translation>
    </message>
    <message>
        <source>So far: {calls} calls, {runs} updates in runs, {resets} resets.</source>
        <translation>So far: {calls} calls, {runs} updates in runs, {resets} resets.</translation>
    </message>
    <message>
        <source>Save your session as a script</source>
        <translation>Save your session as a script</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>Comparing: these are your own run&apos;s values, which wait. F10, F11, F5 or Back to one run end the comparison and go on from here.</source>
        <translation>Comparing: these are your own run&apos;s values, which wait. F10, F11, F5 or Back to one run end the comparison and go on from here.</translation>
    </message>
    <message>
        <source>updates</source>
        <translation>updates</translation>
    </message>
    <message>
        <source>How many times optimizer.step() has run since the start.</source>
        <translation>How many times optimizer.step() has run since the start.</translation>
    </message>
    <message>
        <source>An epoch is one pass over all the samples. With mini-batches, one epoch takes several updates.</source>
        <translation>An epoch is one pass over all the samples. With mini-batches, one epoch takes several updates.</translation>
    </message>
    <message>
        <source>Changed by the last call</source>
        <translation>Changed by the last call</translation>
    </message>
    <message>
        <source>epoch {epoch}, batch {batch} of {total}</source>
        <translation>epoch {epoch}, batch {batch} of {total}</translation>
    </message>
    <message>
        <source>full batch: 1 update = 1 epoch</source>
        <translation>full batch: 1 update = 1 epoch</translation>
    </message>
    <message>
        <source>unchanged: every .grad is None, so step() did nothing</source>
        <translation>unchanged: every .grad is None, so step() did nothing</translation>
    </message>
    <message>
        <source>set by you under torch.no_grad(): not an update</source>
        <translation>set by you under torch.no_grad(): not an update</translation>
    </message>
    <message>
        <source>restored from the file, as it was after update {step}</source>
        <translation>restored from the file, as it was after update {step}</translation>
    </message>
    <message>
        <source>restored: stepped back to update {step}</source>
        <translation>restored: stepped back to update {step}</translation>
    </message>
    <message>
        <source>∂loss/∂{p}, computed by backward()</source>
        <translation>∂loss/∂{p}, computed by backward()</translation>
    </message>
    <message>
        <source>accumulated: {old} + {new} = {total}</source>
        <translation>accumulated: {old} + {new} = {total}</translation>
    </message>
    <message>
        <source>set to None by zero_grad()</source>
        <translation>set to None by zero_grad()</translation>
    </message>
    <message>
        <source>y_pred is new; the loss still belongs to the old one</source>
        <translation>y_pred is new; the loss still belongs to the old one</translation>
    </message>
    <message>
        <source>model.weight: the slope the model has learned so far.</source>
        <translation>model.weight: the slope the model has learned so far.</translation>
    </message>
    <message>
        <source>model.bias: the intercept the model has learned so far.</source>
        <translation>model.bias: the intercept the model has learned so far.</translation>
    </message>
    <message>
        <source>model.weight.grad: ∂loss/∂w, how much the loss rises when w rises a little. None until backward() runs, and again after zero_grad().</source>
        <translation>model.weight.grad: ∂loss/∂w, how much the loss rises when w rises a little. None until backward() runs, and again after zero_grad().</translation>
    </message>
    <message>
        <source>model.bias.grad: ∂loss/∂b. None until backward() runs, and again after zero_grad().</source>
        <translation>model.bias.grad: ∂loss/∂b. None until backward() runs, and again after zero_grad().</translation>
    </message>
    <message>
        <source>The value of loss = criterion(y_pred, y): how wrong the model is.</source>
        <translation>The value of loss = criterion(y_pred, y): how wrong the model is.</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <translation>ViewBox options</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>View All</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>axis</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>Mouse Mode</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>3 button</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>1 button</translation>
    </message>
</context>
</TS>
