"""Every human sentence of the generated scripts, in English and in Chinese.

The code panel, the session as code and `gradlab export-script --lang` write their
comments in the interface language; the code itself is the same in both, so the
script computes the same bits. Pure Python (no Qt): the command line uses it too.
Chinese follows resources/glossary-zh.md (one term per concept).

Texts are templates for str.format(); every value put into them is a number, a
name GradLab chose, or text already made safe by codegen (never raw file text).
"""

from __future__ import annotations

# key -> (English, Chinese)
COMMENTS: dict[str, tuple[str, str]] = {
    # The script's docstring.
    "title": ("Fit {target} with {what}: your first PyTorch training loop.",
              "用{what}拟合 {target}：你的第一个 PyTorch 训练循环。"),
    "title.data": ("Fit your {n} samples with {what}: your first PyTorch training loop.",
                   "用{what}拟合你的 {n} 个样本：你的第一个 PyTorch 训练循环。"),
    "title.data.one": ("Fit your one sample with {what}: your first PyTorch training loop.",
                       "用{what}拟合你的 1 个样本：你的第一个 PyTorch 训练循环。"),
    "what.linear": ("one neuron", "一个神经元"),
    "what.mlp": ("a small network", "一个小型网络"),
    "header": (
        "Written by GradLab for these settings. It needs nothing but PyTorch: run it with "
        "`python this_file.py`. It computes, bit for bit, what GradLab computes.",
        "由 GradLab 按这些设置生成，只需要 PyTorch：用 `python this_file.py` 运行。"
        "它逐位算出与 GradLab 完全相同的结果。",
    ),
    "threads": (
        "GradLab trains on one thread. With more than 32,768 samples torch splits its sums "
        "across threads, and the last bits of the result would depend on how many cores this "
        "computer has.",
        "GradLab 只用一个线程训练。样本超过 32,768 个时，torch 会把求和分给多个线程，"
        "结果的最后几位就会取决于这台电脑有几个核心。",
    ),
    "seed": ("GradLab adds this: the same data and start every run",
             "GradLab 加的这一行：每次运行数据和起点都相同"),
    "seed.data": ("GradLab adds this: the same start every run",
                  "GradLab 加的这一行：每次运行起点都相同"),
    "data": ("The data: {n} samples of {target}", "生成训练数据：{target} 上的 {n} 个样本"),
    "data.own": ("Your data: {n} samples (x, y), in their order",
                 "你的数据：{n} 个样本 (x, y)，按原来的顺序"),
    "data.own.one": ("Your data: one sample (x, y)", "你的数据：1 个样本 (x, y)"),
    "data.same": ("x and y: the same {n} samples as above (nothing random made them)",
                  "x 和 y：与上面相同的 {n} 个样本（它们不是随机生成的）"),
    "data.same.one": ("x and y: the same sample as above (nothing random made it)",
                      "x 和 y：与上面相同的 1 个样本（它不是随机生成的）"),
    "data.x": ("{n} inputs, one column", "{n} 个输入，一列"),
    "data.y": ("the targets to learn", "要学习的目标值 y"),
    "data.noise": ("noise: no measurement is exact", "噪声：测量从来不会完全精确"),
    "objects": ("The model, the loss and the optimizer", "模型、损失函数和优化器"),
    "model.mlp": ("1 input -> {h} hidden -> 1 output", "1 个输入 -> {h} 个隐藏单元 -> 1 个输出"),
    "model.mlp.hidden": ("{h} neurons, each w·x + b", "{h} 个神经元，各算 w·x + b"),
    "model.mlp.tanh": ("a bend, so curves are possible", "非线性变换：这样才能拟合曲线"),
    "model.mlp.output": ("mixes them into one prediction", "组合成一个预测值"),
    "model.linear": ("y_pred = x·w + b, w and b random", "y_pred = x·w + b，w、b 随机开始"),
    "loss.mse": ("mean of (y_pred - y)²", "(y_pred - y)² 的平均值"),
    "loss.l1": ("mean of |y_pred - y|", "|y_pred - y| 的平均值"),
    "loss.huber": ("squared when small, linear when large", "误差小时平方，误差大时线性"),
    "optimizer.sgd": ("w = w - lr * w.grad", "w = w - lr * w.grad"),
    "optimizer.momentum": ("SGD that keeps a velocity", "带速度（动量）的 SGD"),
    "optimizer.nesterov": ("SGD whose velocity looks ahead", "速度会向前看一步的 SGD"),
    "optimizer.adam": ("adapts each step's size", "自动调整每一步的大小"),
    "optimizer.rmsprop": ("divides by recent gradient size", "除以近期梯度的大小"),
    "optimizer.adagrad": ("steps shrink over time", "步子越来越小"),
    "batches": ("Mini-batches: {b} shuffled samples per update",
                "小批量：每次更新用 {b} 个打乱顺序的样本"),
    "loader.dataset": ("pairs (x[i], y[i])", "把 (x[i], y[i]) 配成对"),
    "loader.shuffle": ("a new order every epoch", "每一轮（epoch）换一个新顺序"),
    "loader.generator": ("the same order every run", "每次运行顺序都相同"),
    "train.full": ("Training: {steps} updates, each on all {n} samples",
                   "训练：{steps} 次更新，每次都用全部 {n} 个样本"),
    "train.full.one": ("Training: {steps} updates, each on the one sample",
                       "训练：{steps} 次更新，每次都用这 1 个样本"),
    "train.batches": ("Training: {steps} updates, one per mini-batch",
                      "训练：{steps} 次更新，每个小批量一次"),
    "loop.batches": ("one epoch: every sample once", "一轮：每个样本用一次"),
    "phase.forward": ("forward: predict", "前向传播：预测"),
    "phase.loss": ("how wrong: one number", "错了多少：一个数"),
    "phase.zero_grad": ("clear .grad (to None)", "清除 .grad（变为 None）"),
    "phase.backward": ("gradients into .grad", "把梯度存进 .grad"),
    "phase.step": ("move the parameters", "按梯度挪动参数"),
    "zero_grad.left_out": ("optimizer.zero_grad() left out: .grad keeps the sum",
                           "省略了 optimizer.zero_grad()：.grad 保留累加的和"),
    "print.session": ("the same numbers the app shows", "与 GradLab 显示的数相同"),
    "print.line": ("close to w = {w} and b = {b}", "接近 w = {w}、b = {b}"),
    "print.sin": ("the best straight line through sin(x)", "最贴近 sin(x) 的直线"),
    "print.data": ("the line learned from your data", "从你的数据学到的直线"),
    "print.data_rows": ("the first rows of your data", "你的数据的前几行"),
    "print.loss": ("the last update's loss", "最后一次更新的损失"),
    "print.inputs": ("a few inputs to try", "几个试用的输入"),
    "print.no_grad": ("only looking: no graph needed", "只是看看：不需要计算图"),
    "print.columns": ("columns: x, truth, prediction", "各列：x、真实值、预测值"),
    "loss.none": ("no update ran, so no loss", "没有运行更新，所以没有损失"),
    # The session as code.
    "session.title": ("Your GradLab session as a script: every call, in the order you made it.",
                      "你在 GradLab 中的操作写成的脚本：每个调用都按你做的顺序排列。"),
    "session.header": (
        "Run it with `python this_file.py`: it ends with the same parameters as the app, "
        "bit for bit. It needs nothing but PyTorch.",
        "用 `python this_file.py` 运行：结束时的参数与 GradLab 逐位相同。只需要 PyTorch。",
    ),
    "session.dropped": (
        "WARNING: the {n} oldest calls after the setup were dropped (the session was very "
        "long), so this replay is not exact.",
        "警告：设置之后最早的 {n} 个调用已被丢弃（这次操作太长了），所以这个重放并不精确。",
    ),
    "next_batch.doc": (
        "The next mini-batch; a new shuffled epoch starts when one runs out, exactly when "
        "GradLab started one.",
        "下一个小批量；一轮用完时开始新的一轮（重新打乱），时机与 GradLab 完全相同。",
    ),
    "next_batch.used_up": ("this epoch is used up", "这一轮用完了"),
    "next_batch.new": ("a new epoch: the loader shuffles again", "新的一轮：加载器重新打乱"),
    "unknown": ("(an action GradLab does not know: {kind})", "（GradLab 不认识的操作：{kind}）"),
    "setup.first": ("The experiment", "实验"),
    "setup.reset": ("Reset: everything is rebuilt from the seed", "重置：一切都从随机种子重新构建"),
    "summary": ("seed {seed}, {n} samples, {model} model, {loss} loss, {optimizer} (lr {lr}), "
                "{batch}",
                "随机种子 {seed}，{n} 个样本，{model} 模型，{loss} 损失，{optimizer}（lr {lr}），"
                "{batch}"),
    "summary.full": ("full batch", "全批量"),
    "summary.batches": ("mini-batches of {b}", "批量大小 {b}"),
    "batches.none": ("no epoch started yet", "还没开始任何一轮"),
    "nothing_yet": ("nothing computed yet", "还什么都没算"),
    "update.head": ("Update {n}, one call at a time", "第 {n} 次更新，逐个调用"),
    "batch.new": ("a new mini-batch for this update", "这次更新的新小批量"),
    "backward.adds": (".grad not None: ADDS to it", ".grad 不是 None：会累加"),
    "step.no_grad": ("every .grad is None: changes nothing", "每个 .grad 都是 None：什么也不变"),
    "refused.drawn": ("drawn before the call failed", "调用失败前已经取出"),
    "refused.second": ("a second backward() through the same graph",
                       "对同一个计算图第二次 backward()"),
    "refused.freed": ("the first backward() freed the graph's saved values",
                      "第一次 backward() 已经释放了计算图保存的值"),
    "refused.printed": ("backward() refused:", "backward() 被拒绝："),
    "refused.line": ("{line}   <- not run:", "{line}   <- 没有运行："),
    "refused.no_prediction": ("there was no y_pred yet (model(x) had not run)",
                              "还没有 y_pred（model(x) 还没运行）"),
    "refused.no_loss": ("there was no loss yet to differentiate", "还没有可以求导的损失"),
    "refused.other": ("refused ({code})", "被拒绝（{code}）"),
    "run.one": ("Run: 1 full update{note}", "运行：1 次完整更新{note}"),
    "run.many": ("Run: {n} full updates{note}", "运行：{n} 次完整更新{note}"),
    "run.no_zero_grad": (", without zero_grad()", "，不调用 zero_grad()"),
    "batch.next": ("the next mini-batch", "下一个小批量"),
    "lr.changed": ("learning rate changed to {lr}", "学习率改为 {lr}"),
    "skip.on": ("Mistake mode on: from here, runs leave out optimizer.zero_grad()",
                "犯错模式开启：从这里起，运行时省略 optimizer.zero_grad()"),
    "skip.off": ("Mistake mode off: runs call optimizer.zero_grad() again",
                 "犯错模式关闭：运行时重新调用 optimizer.zero_grad()"),
    "params.head": ("Parameters set by hand, every element to the value",
                    "手动设置参数：每个元素都设为这个值"),
    "params.no_grad": ("not a training step: no graph, no gradient",
                       "不是训练步骤：没有计算图，也没有梯度"),
    "loaded": (
        "WARNING: the app loaded {path} here (update {step}). This script cannot replay what "
        "happened before that file was saved, so from here on its numbers differ from the "
        "app's.",
        "警告：GradLab 在这里打开了 {path}（第 {step} 次更新）。这个脚本无法重放该文件保存之前"
        "发生的事，所以从这里起，它算出的数与 GradLab 的不同。",
    ),
    "stepped_back": ("Stepped back to update {to}: the undone calls are left out.",
                     "退回到第 {to} 次更新：撤销的调用没有写进来。"),
}  # fmt: skip

# What each kind of line does, for the code panel's tooltips (codegen.line_keys).
EXPLANATIONS: dict[str, tuple[str, str]] = {
    "import.torch": (
        "Loads PyTorch: tensors, and autograd, which works out gradients for us.",
        "加载 PyTorch：张量，以及替我们计算梯度的 autograd。",
    ),
    "import.nn": (
        "torch.nn holds the building blocks: layers such as nn.Linear and losses such as "
        "nn.MSELoss.",
        "torch.nn 提供各种构件：nn.Linear 这样的层，nn.MSELoss 这样的损失函数。",
    ),
    "import.optim": (
        "torch.optim holds the optimizers: the rules that change the parameters using their "
        "gradients.",
        "torch.optim 提供各种优化器：利用梯度来修改参数的规则。",
    ),
    "import.data": (
        "DataLoader cuts the data into shuffled mini-batches; TensorDataset keeps each x with "
        "its y.",
        "DataLoader 把数据打乱并切成小批量；TensorDataset 让每个 x 与它的 y 始终配对。",
    ),
    "threads": (
        "One CPU thread, as in GradLab: with more than 32,768 samples PyTorch would split the "
        "sums across threads and the last digits could differ.",
        "只用一个 CPU 线程，和 GradLab 一样：样本超过 32,768 个时，PyTorch 会把求和分给多个"
        "线程，最后几位数字可能会不同。",
    ),
    "seed": (
        "Fixes the random numbers, so the data and the starting weights are the same on every "
        "run. The tutorial leaves it out (its numbers differ on every run); GradLab adds it so "
        "that its results can be checked.",
        "固定随机数，让每次运行的数据和初始权重都相同。教程里没有这一行（所以每次运行的数都不同）；"
        "GradLab 加上它，结果才能被核对。",
    ),
    "seed.data": (
        "Fixes the random numbers, so the starting weights (and the order of the "
        "mini-batches) are the same on every run; your data are not random and do not "
        "depend on it.",
        "固定随机数，让每次运行的初始权重（以及小批量的顺序）都相同；你的数据不是随机的，与它无关。",
    ),
    "data.own.x": (
        "Your inputs, in their order, as a float32 tensor of shape (N, 1): one row per "
        "sample, one column, as torch.randn(N, 1) would give.",
        "你的输入，按原来的顺序，组成形状为 (N, 1) 的 float32 张量：每个样本一行，只有一列，"
        "与 torch.randn(N, 1) 给出的形状相同。",
    ),
    "data.own.y": (
        "Your targets, in the same order as the inputs: row i of y belongs to row i of x.",
        "你的目标值，顺序与输入相同：y 的第 i 行属于 x 的第 i 行。",
    ),
    "data.x": (
        "Draws the inputs from the standard normal distribution: one row per sample, one column.",
        "从标准正态分布中抽取输入：每个样本一行，只有一列。",
    ),
    "data.line": (
        "The targets: every y lies exactly on the line the model has to discover.",
        "目标值：每个 y 都恰好落在模型要找出的那条直线上。",
    ),
    "data.sin": (
        "The targets: y = sin(x), a curve that no straight line can follow.",
        "目标值：y = sin(x)，一条任何直线都无法贴合的曲线。",
    ),
    "data.noise": (
        "Adds random noise to y, as real measurements are never exact; the model can only "
        "find the line on average.",
        "给 y 加上随机噪声，因为真实的测量从来不会完全精确；模型只能在平均意义上找到这条直线。",
    ),
    "model.linear": (
        "One neuron: y_pred = x·w + b, with a weight w and a bias b that start at small "
        "random values.",
        "一个神经元：y_pred = x·w + b，其中权重 w 和偏置 b 从很小的随机值开始。",
    ),
    "model.mlp": (
        "A small network: a hidden layer, a tanh bend, and an output layer, applied in this order.",
        "一个小型网络：依次经过隐藏层、tanh 非线性变换和输出层。",
    ),
    "model.mlp.hidden": (
        "The hidden layer: each of its neurons computes its own w·x + b.",
        "隐藏层：其中每个神经元都计算自己的 w·x + b。",
    ),
    "model.mlp.tanh": (
        "tanh bends every hidden value; without a bend the whole network would still draw a "
        "straight line.",
        "tanh 对每个隐藏值做一次非线性变换；没有这一步，整个网络画出的仍然只是一条直线。",
    ),
    "model.mlp.output": (
        "The output layer mixes the hidden values into one prediction.",
        "输出层把各个隐藏值组合成一个预测值。",
    ),
    "loss.mse": (
        "Mean squared error: the average of (y_pred − y)², so large errors count much more "
        "than small ones.",
        "均方误差：(y_pred − y)² 的平均值，所以大误差受到的惩罚远比小误差重。",
    ),
    "loss.l1": (
        "Mean absolute error: the average of |y_pred − y|, every error counts in proportion "
        "to its size.",
        "平均绝对误差：|y_pred − y| 的平均值，每个误差按它的大小成比例计入。",
    ),
    "loss.huber": (
        "Huber loss: squared for small errors and linear for large ones, so outliers pull less.",
        "Huber 损失：误差小时取平方，误差大时按线性增长，所以离群点的拉扯更小。",
    ),
    "optimizer.sgd": (
        "Plain gradient descent: every step() moves each parameter by −lr × its gradient.",
        "普通梯度下降：每次 step() 都让每个参数移动 −lr × 它的梯度。",
    ),
    "optimizer.momentum": (
        "Gradient descent with momentum: step() keeps a velocity v ← μ·v + grad in "
        "optimizer.state and moves each parameter by −lr × v.",
        "带动量的梯度下降：step() 在 optimizer.state 里保存速度 v ← μ·v + grad，"
        "并让每个参数移动 −lr × v。",
    ),
    "optimizer.nesterov": (
        "Nesterov momentum: like momentum, but each step also looks ahead along the velocity.",
        "Nesterov 动量：和动量法类似，但每一步还会沿速度方向先往前看一步。",
    ),
    "optimizer.adam": (
        "Adam: step() keeps running averages of each gradient and of its square, and scales "
        "every step by them, so each step is at most about lr.",
        "Adam：step() 为每个梯度及其平方分别维护滑动平均，并用它们来缩放每一步，"
        "所以每一步最多约为 lr。",
    ),
    "optimizer.rmsprop": (
        "RMSprop: step() divides each gradient by the root of a running average of its "
        "square, so steps come out similar in size for every parameter.",
        "RMSprop：step() 把每个梯度除以它平方的滑动平均的平方根，所以每个参数的步子大小相近。",
    ),
    "optimizer.adagrad": (
        "Adagrad: step() divides each gradient by the root of the sum of all its squared "
        "gradients so far, so the steps shrink over time.",
        "Adagrad：step() 把每个梯度除以它至今所有梯度平方之和的平方根，所以步子会越来越小。",
    ),
    "loader": (
        "A DataLoader hands out the data in shuffled mini-batches.",
        "DataLoader 把数据打乱后按小批量依次分发。",
    ),
    "loader.dataset": (
        "TensorDataset pairs x[i] with y[i], so shuffling keeps every input with its target.",
        "TensorDataset 把 x[i] 和 y[i] 配成一对，所以打乱顺序时每个输入都和它的目标值在一起。",
    ),
    "loader.batch_size": (
        "How many samples one mini-batch holds; every mini-batch gives one update.",
        "批量大小：一个小批量包含多少个样本；每个小批量进行一次更新。",
    ),
    "loader.shuffle": (
        "A new random order in every epoch.",
        "每一轮（epoch）都换一个新的随机顺序。",
    ),
    "loader.generator": (
        "The shuffling has its own seeded random generator, so the order is the same on every run.",
        "打乱顺序用的是单独设置了种子的随机数生成器，所以每次运行的顺序都相同。",
    ),
    "loop.full": (
        "Repeats the training step; with the full batch, one update sees all the data, so one "
        "update is one epoch.",
        "重复训练步骤；使用全批量时，一次更新就用到全部数据，所以一次更新就是一轮（epoch）。",
    ),
    "loop.count": ("Counts the updates, one per mini-batch.", "统计更新次数，每个小批量一次。"),
    "loop.while": (
        "Starts epoch after epoch until enough updates have run.",
        "一轮接一轮地训练，直到更新次数足够为止。",
    ),
    "loop.batches": (
        "One epoch: the loader hands out the shuffled mini-batches one by one.",
        "一轮：加载器把打乱后的小批量逐个分发出来。",
    ),
    "loop.increment": ("One more update done.", "又完成了一次更新。"),
    "loop.stop": (
        "Stops, even in the middle of an epoch, once enough updates have run.",
        "更新次数一够就停止，即使正处在一轮的中途。",
    ),
    "phase.forward": (
        "Forward pass: the model predicts a y for every x, and PyTorch records the operations "
        "in a graph.",
        "前向传播：模型为每个 x 预测一个 y，PyTorch 把这些运算记录在计算图中。",
    ),
    "phase.loss": (
        "The loss compares the predictions with the targets: one number that says how wrong "
        "the model is.",
        "损失把预测值和目标值相比较：用一个数说明模型错了多少。",
    ),
    "phase.zero_grad": (
        "Clears the last update's gradients: every .grad becomes None, otherwise backward() "
        "would add to them.",
        "清除上一次更新的梯度：每个 .grad 都变为 None，否则 backward() 会在旧梯度上继续累加。",
    ),
    "phase.zero_grad.skipped": (
        "Left out in the mistake mode: .grad is never cleared, so it keeps the sum of all "
        "gradients so far and backward() adds to it.",
        "犯错模式下省略了这一行：.grad 从不被清除，所以它保存至今所有梯度之和，backward() 会继续在上面累加。",
    ),
    "phase.backward": (
        "Backpropagation: PyTorch walks the graph back from the loss and stores "
        "∂loss/∂parameter in each parameter's .grad.",
        "反向传播：PyTorch 从损失出发沿计算图反向走，把 ∂loss/∂参数 存入每个参数的 .grad。",
    ),
    "phase.step": (
        "The optimizer changes every parameter by its rule, using .grad (plain SGD: a small "
        "step against the gradient), which lowers the loss.",
        "优化器按自己的规则、利用 .grad 修改每个参数（普通 SGD：沿梯度的反方向走一小步），"
        "从而让损失下降。",
    ),
    "print.linear": ("Prints the learned weight and bias.", "打印学到的权重和偏置。"),
    "print.loss": ("Prints the loss of the last update.", "打印最后一次更新的损失。"),
    "print.test": (
        "Compares a few predictions with the truth, without recording a graph.",
        "把几个预测值与真实值相比较，不记录计算图。",
    ),
    "loss.none": (
        "No update ran, so there is no loss yet.",
        "还没有运行过任何更新，所以还没有损失。",
    ),
}


def language(name: str | None) -> str:
    """'zh_CN' for any Chinese locale name (zh, zh_CN, zh-Hans, zh_TW.UTF-8 ...), else 'en'."""
    if name and str(name).replace("-", "_").lower().startswith("zh"):
        return "zh_CN"
    return "en"


def comment(key: str, lang: str, **values) -> str:
    en, zh = COMMENTS[key]
    return (zh if language(lang) == "zh_CN" else en).format(**values)


def explanation(key: str, lang: str = "en") -> str:
    en, zh = EXPLANATIONS.get(key, ("", ""))
    return zh if language(lang) == "zh_CN" else en
