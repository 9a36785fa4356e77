<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CheckpointLab</name>
    <message>
        <source>Save the state_dict and load it back</source>
        <translation>保存 state_dict 再加载回来</translation>
    </message>
    <message>
        <source>Runs the lines below on the live model: saves its state_dict, builds a new model with fresh random weights, loads the file into it and compares their predictions.</source>
        <translation>在当前模型上运行下面几行代码：保存它的 state_dict，新建一个权重随机初始化的模型，把文件加载进去，再比较两个模型的预测。</translation>
    </message>
    <message>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <source>A state_dict is an ordered dict from names to tensors: the numbers only. It holds no graph (graphs live only between a forward pass and backward()), no optimizer state and no code, so you rebuild the model in Python and load the numbers into it. To resume training, save optimizer.state_dict() too — GradLab&apos;s File ▸ Save does.</source>
        <translation>state_dict 是一个从名称映射到张量的有序字典：里面只有数字。它不含计算图（计算图只存在于前向传播与 backward() 之间），也不含优化器状态和代码，所以要先用 Python 重新构建模型，再把这些数字加载进去。若要接着训练，还得保存 optimizer.state_dict()——GradLab 的“文件 ▸ 保存”就是这样做的。</translation>
    </message>
    <message>
        <source>{path}: {size} bytes, {n} tensors</source>
        <translation>{path}：{size} 字节，{n} 个张量</translation>
    </message>
    <message>
        <source>Same predictions after loading: the numbers were all it needed.</source>
        <translation>加载后的预测完全相同：模型需要的只是这些数字。</translation>
    </message>
    <message>
        <source>The predictions differ!</source>
        <translation>预测不一致！</translation>
    </message>
    <message>
        <source>live model | fresh model → after load_state_dict</source>
        <translation>当前模型 | 新模型 → load_state_dict 之后</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>The line that ran last, and the one the Next phase button (F10) runs next.</source>
        <translation>刚运行的那一行，以及“下一行”按钮（F10）接下来要运行的那一行。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the whole script: paste it into a .py file or a notebook and run it. It computes exactly what GradLab computes.</source>
        <translation>复制整个脚本：粘贴到 .py 文件或 notebook 中即可运行，算出的结果与 GradLab 完全相同。</translation>
    </message>
    <message>
        <source>Save as .py…</source>
        <translation>另存为 .py…</translation>
    </message>
    <message>
        <source>Save this script as a Python file. Run it with PyTorch installed and it prints the same weight and bias as GradLab after 100 updates.</source>
        <translation>把这个脚本保存为 Python 文件。在装有 PyTorch 的环境中运行，100 次更新后它打印出的权重和偏置与 GradLab 相同。</translation>
    </message>
    <message>
        <source>The training script for the current settings. Every button of the app runs one of its lines; the highlighted line ran last. Hover a line to see what it does.</source>
        <translation>当前设置对应的训练脚本。应用里的每个按钮都运行其中的一行；高亮的是刚运行的那一行。把鼠标悬停在某一行上，可以查看它的作用。</translation>
    </message>
    <message>
        <source>Training script</source>
        <translation>训练脚本</translation>
    </message>
    <message>
        <source>Running: lines {first}–{last} repeat, once per update, without zero_grad() (mistake mode).</source>
        <translation>运行中：第 {first}–{last} 行反复执行，每次更新一遍，不调用 zero_grad()（犯错模式）。</translation>
    </message>
    <message>
        <source>Running: lines {first}–{last} repeat, once per update.</source>
        <translation>运行中：第 {first}–{last} 行反复执行，每次更新一遍。</translation>
    </message>
    <message>
        <source>Next (F10), line {line}: {code}</source>
        <translation>接下来（F10），第 {line} 行：{code}</translation>
    </message>
    <message>
        <source>Refused, line {line}: {code}</source>
        <translation>被拒绝，第 {line} 行：{code}</translation>
    </message>
    <message>
        <source>Just ran, line {line}: {code}</source>
        <translation>刚运行，第 {line} 行：{code}</translation>
    </message>
    <message>
        <source>Nothing has run yet.</source>
        <translation>还没有运行任何代码。</translation>
    </message>
    <message>
        <source>Save the training script</source>
        <translation>保存训练脚本</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Include this run (its colour on the plots).</source>
        <translation>纳入这一组运行（图中用这个颜色表示）。</translation>
    </message>
    <message>
        <source>The optimizer of this run.</source>
        <translation>这一组运行所用的优化器。</translation>
    </message>
    <message>
        <source>The learning rate of this run.</source>
        <translation>这一组运行的学习率。</translation>
    </message>
    <message>
        <source>Mini-batch size of this run (0 = all samples).</source>
        <translation>这一组运行的批量大小（0 表示使用全部样本）。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>开始对比</translation>
    </message>
    <message>
        <source>Train every ticked setting for 300 updates from the model&apos;s current point, on the same data. Watch their paths on the landscape and their losses.</source>
        <translation>从模型当前的参数出发，在同一份数据上，用每一组勾选的设置各训练 300 次更新。在损失曲面上观察它们的路径，并比较各自的损失。</translation>
    </message>
    <message>
        <source>Back to one run</source>
        <translation>回到单次运行</translation>
    </message>
    <message>
        <source>Leave compare mode: the plots show your run again.</source>
        <translation>退出对比模式：图中重新显示你自己的运行。</translation>
    </message>
    <message>
        <source>Same data, same start, different optimizers: which one gets to the bottom first? Which overshoots?</source>
        <translation>同样的数据，同样的起点，不同的优化器：谁先到达谷底？谁会冲过头？</translation>
    </message>
    <message>
        <source>Tick at least one row to compare.</source>
        <translation>至少勾选一行才能比较。</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>第 {row} 行：{problem}</translation>
    </message>
    <message>
        <source>Compare mode is off.</source>
        <translation>对比模式已关闭。</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>Update {done} of {total}</source>
        <translation>已更新 {done} / {total} 次</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message numerus="yes">
        <source>%n update(s)/s</source>
        <translation>
            <numerusform>%n 次更新/秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Forward pass: the model computes a prediction for every x, y_pred = x·Wᵀ + b. PyTorch records each operation in a graph for backward().</source>
        <translation>前向传播：模型为每个 x 计算一个预测值，y_pred = x·Wᵀ + b。PyTorch 把每一步运算记录在计算图中，供 backward() 使用。</translation>
    </message>
    <message>
        <source>How wrong is the model? MSELoss averages the squared differences between y_pred and y. Its result is one number, the loss.</source>
        <translation>模型错了多少？MSELoss 对 y_pred 与 y 之差的平方求平均，结果是一个数，就是损失。</translation>
    </message>
    <message>
        <source>Clears the gradients from the last update: every .grad becomes None. Without it, backward() adds new gradients to the old ones.</source>
        <translation>清除上一次更新留下的梯度：每个 .grad 都变为 None。不调用它的话，backward() 会把新梯度累加到旧梯度上。</translation>
    </message>
    <message>
        <source>Backpropagation: PyTorch walks the graph from the loss back to w and b and stores ∂loss/∂w and ∂loss/∂b in their .grad.</source>
        <translation>反向传播：PyTorch 沿计算图从损失反向走到 w 和 b，把 ∂loss/∂w 和 ∂loss/∂b 分别存入它们的 .grad。</translation>
    </message>
    <message>
        <source>The optimizer moves each parameter a little against its gradient: θ ← θ − lr·θ.grad.</source>
        <translation>优化器让每个参数沿梯度的反方向移动一小步：θ ← θ − lr·θ.grad。</translation>
    </message>
    <message>
        <source>Learning rate (lr)</source>
        <translation>学习率（lr）</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>True w</source>
        <translation>真实 w</translation>
    </message>
    <message>
        <source>True b</source>
        <translation>真实 b</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>真实函数</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隐藏单元数</translation>
    </message>
    <message>
        <source>How big each step is: θ ← θ − lr·grad. Too large and the loss explodes, too small and training crawls. 0.001–0.1 is the usual range. Applies from the next step().</source>
        <translation>每一步迈多大：θ ← θ − lr·grad。太大，损失会爆炸；太小，训练慢得像在爬。常用范围是 0.001–0.1。从下一次 step() 起生效。</translation>
    </message>
    <message>
        <source>The update rule. SGD steps against the gradient; momentum and Nesterov keep a running velocity; Adam, RMSprop and Adagrad scale each step by the gradients&apos; history. Changing it starts the experiment over.</source>
        <translation>参数的更新规则。SGD 逆着梯度走；动量法和 Nesterov 保留一个不断累积的速度；Adam、RMSprop 和 Adagrad 根据梯度的历史来缩放每一步。更改它会让实验重新开始。</translation>
    </message>
    <message>
        <source>torch.manual_seed: the same seed gives the same data and the same starting weights every time, on this computer with this PyTorch version (PyTorch does not promise the same numbers across versions or platforms).</source>
        <translation>torch.manual_seed：在这台电脑、这个 PyTorch 版本上，同一个随机种子每次都给出相同的数据和相同的初始权重（PyTorch 不保证不同版本或不同平台之间得到相同的数）。</translation>
    </message>
    <message>
        <source>mse: mean of squared errors (the tutorial&apos;s). l1: mean of absolute errors. huber: squared for small errors, linear for large ones.</source>
        <translation>mse：误差平方的平均值（教程用的就是它）。l1：误差绝对值的平均值。huber：误差小时取平方，误差大时按线性增长。</translation>
    </message>
    <message>
        <source>Leave out optimizer.zero_grad() in Next phase, Full update and Run. Each backward() then adds to .grad, the way PyTorch really accumulates, so .grad holds the sum of all gradients so far: w and b swing around the answer and never settle.</source>
        <translation>在“下一行”“完整更新”和“运行”中省略 optimizer.zero_grad()。于是每次 backward() 都按 PyTorch 真实的累加方式加到 .grad 上，.grad 存的是至今所有梯度之和：w 和 b 围绕正确答案来回摆动，永远不会稳定下来。</translation>
    </message>
    <message>
        <source>For SGD with momentum and Nesterov: how much of the previous step is kept (0.9 is common).</source>
        <translation>用于带动量的 SGD 和 Nesterov：保留上一步的多少（常用 0.9）。</translation>
    </message>
    <message>
        <source>Samples per update. 0 uses all of them (full batch, as the tutorial does); smaller batches give cheaper, noisier steps. Changing it starts over.</source>
        <translation>每次更新使用的样本数。0 表示使用全部样本（全批量，和教程一样）；批量越小，每一步计算越省，但噪声越大。更改后从头开始。</translation>
    </message>
    <message>
        <source>How many points x ~ N(0, 1) torch.randn draws. Changing it starts over.</source>
        <translation>torch.randn 抽取多少个点 x ~ N(0, 1)。更改后从头开始。</translation>
    </message>
    <message>
        <source>Standard deviation of random noise added to y. With noise the best line no longer hits every point, and the loss cannot reach 0.</source>
        <translation>加到 y 上的随机噪声的标准差。有了噪声，最佳直线不再穿过每一个点，损失也降不到 0。</translation>
    </message>
    <message>
        <source>The slope the data are made with (y = w·x + b).</source>
        <translation>生成数据所用的斜率（y = w·x + b）。</translation>
    </message>
    <message>
        <source>The intercept the data are made with (y = w·x + b).</source>
        <translation>生成数据所用的截距（y = w·x + b）。</translation>
    </message>
    <message>
        <source>linear: nn.Linear(1, 1), one weight and one bias. mlp: a small network, Linear → Tanh → Linear, that can fit curves.</source>
        <translation>linear：nn.Linear(1, 1)，一个权重和一个偏置。mlp：一个小型网络，Linear → Tanh → Linear，能拟合曲线。</translation>
    </message>
    <message>
        <source>The function the data follow: a line y = w·x + b, or y = sin(x).</source>
        <translation>数据所遵循的函数：直线 y = w·x + b，或 y = sin(x)。</translation>
    </message>
    <message>
        <source>Width of the MLP&apos;s hidden layer.</source>
        <translation>MLP 隐藏层的宽度（神经元个数）。</translation>
    </message>
    <message>
        <source>Allowed: {allowed}.</source>
        <translation>允许的取值：{allowed}。</translation>
    </message>
    <message>
        <source>One training step, one call at a time</source>
        <translation>一步训练，逐个调用</translation>
    </message>
    <message>
        <source>Mistake mode: skip zero_grad()</source>
        <translation>犯错模式：跳过 zero_grad()</translation>
    </message>
    <message>
        <source>Next phase (F10)</source>
        <translation>下一行（F10）</translation>
    </message>
    <message>
        <source>Run the next line of the loop, like a debugger&apos;s step over. The highlighted button shows which one it is.</source>
        <translation>运行循环中的下一行，就像调试器里的“单步跳过”。高亮的按钮就是下一行。</translation>
    </message>
    <message>
        <source>Full update (F11)</source>
        <translation>完整更新（F11）</translation>
    </message>
    <message>
        <source>Run the rest of the current update, through optimizer.step(): one full turn of the loop.</source>
        <translation>把当前这次更新剩下的部分运行完，直到 optimizer.step()：循环完整地走一圈。</translation>
    </message>
    <message>
        <source>Run (F5)</source>
        <translation>运行（F5）</translation>
    </message>
    <message>
        <source>Run the loop again and again at the speed below; press again to pause.</source>
        <translation>按下面设定的速度一遍遍地运行循环；再按一次即可暂停。</translation>
    </message>
    <message>
        <source>Reset (Ctrl+R)</source>
        <translation>重置（Ctrl+R）</translation>
    </message>
    <message>
        <source>Start over: the same seed gives the same data and the same starting weights.</source>
        <translation>从头开始：同一个种子会得到相同的数据和相同的初始权重。</translation>
    </message>
    <message>
        <source>Step back (Shift+F11)</source>
        <translation>后退（Shift+F11）</translation>
    </message>
    <message>
        <source>Undo the last update: the parameters, the optimizer&apos;s memory and the order of the mini-batches go back exactly, so running again gives the same numbers.</source>
        <translation>撤销上一次更新：参数、优化器记住的状态以及小批量的顺序都会精确恢复，所以再运行一次会得到相同的数字。</translation>
    </message>
    <message>
        <source>Updates per second while running. All the way right is full speed: this problem converges in about 100 updates, a few hundredths of a second.</source>
        <translation>运行时每秒的更新次数。拖到最右边是全速：这个问题大约 100 次更新就收敛，只需百分之几秒。</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>The samples the model learns from: generated (y = w·x + b, plus noise) or your own.</source>
        <translation>模型学习所用的样本：生成的（y = w·x + b，再加上噪声）或你自己的。</translation>
    </message>
    <message>
        <source>Above the stable limit: this run will diverge.</source>
        <translation>超过了稳定上限：这次训练会发散。</translation>
    </message>
    <message>
        <source>Mistake mode: Next phase, Full update and Run leave this call out. You can still click it.</source>
        <translation>犯错模式：“下一行”“完整更新”和“运行”都会省略这个调用。你仍然可以手动点击它。</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>Pause (F5)</source>
        <translation>暂停（F5）</translation>
    </message>
    <message>
        <source>stable below {value} ({formula})</source>
        <translation>低于 {value} 才稳定（{formula}）</translation>
    </message>
    <message>
        <source>about {value} (only a guide with mini-batches)</source>
        <translation>约 {value}（小批量时仅供参考）</translation>
    </message>
    <message>
        <source>no fixed limit ({name} sizes its own steps)</source>
        <translation>没有固定上限（{name} 自己调整步长）</translation>
    </message>
    <message>
        <source>no fixed limit (this loss&apos;s slope is capped)</source>
        <translation>没有固定上限（这个损失的斜率有上限）</translation>
    </message>
    <message>
        <source>The loss of the linear model is a bowl. λmax = {lam} is the largest eigenvalue of its Hessian 2·[[E x², E x], [E x, 1]]: the curvature along the bowl&apos;s most sharply curved direction. Full-batch {name} on this data converges only for lr below {value} ({formula}); above it every step overshoots more than the last and training diverges.</source>
        <translation>线性模型的损失是一个碗。λmax = {lam} 是它的 Hessian 矩阵 2·[[E x², E x], [E x, 1]] 的最大特征值：碗弯得最急的方向上的曲率。在这组数据上，全批量 {name} 只有在学习率低于 {value}（{formula}）时才会收敛；超过它，每一步都比上一步冲得更远，训练就会发散。</translation>
    </message>
    <message>
        <source>With mini-batches each batch&apos;s bowl has its own curvature, so this limit, computed from all the data, is only a guide: a little below it some batches may still overshoot.</source>
        <translation>使用小批量时，每个小批量的碗都有自己的曲率，所以这个根据全部数据算出的上限只能作为参考：略低于它时，有些小批量仍可能冲过头。</translation>
    </message>
    <message>
        <source>Adam, RMSprop and Adagrad divide each step by the size of recent gradients, so no lr makes the steps grow without end as with SGD on MSE. Too large an lr still makes the parameters jump around the answer.</source>
        <translation>Adam、RMSprop 和 Adagrad 会把每一步除以近期梯度的大小，所以不会像 MSE 上的 SGD 那样，某个学习率让步子无限变大。不过学习率太大时，参数仍会在答案附近来回跳。</translation>
    </message>
    <message>
        <source>L1 and Huber grow only linearly for large errors, so their gradient is bounded: even a huge lr moves the parameters by a bounded amount each step. They bounce instead of exploding, so there is no limit like SGD&apos;s 2/λmax on MSE.</source>
        <translation>L1 和 Huber 在误差大时只随误差线性增长，所以它们的梯度有上限：即使学习率很大，参数每一步的移动量也有限。它们会来回弹跳而不会爆炸，所以没有像 MSE 上 SGD 的 2/λmax 那样的上限。</translation>
    </message>
    <message numerus="yes">
        <source>Your own data: %n sample(s). Samples, noise, true w, true b and target describe generated data, so they do not apply.</source>
        <translation>
            <numerusform>你自己的数据：%n 个样本。样本数、噪声、真实 w、真实 b 和真实函数描述的是生成的数据，所以在这里不起作用。</numerusform>
        </translation>
    </message>
    <message>
        <source>Back to generated data</source>
        <translation>回到生成的数据</translation>
    </message>
    <message>
        <source>Train on data torch.randn draws from the seed again, with the default settings for them (Ctrl+Z brings your data back).</source>
        <translation>重新用 torch.randn 按随机种子生成的数据训练，这些数据的设置恢复为默认值（Ctrl+Z 可以找回你的数据）。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>How the model learns: the update rule and its step size.</source>
        <translation>模型怎样学习：更新规则和它的步长。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Model and loss</source>
        <translation>模型与损失</translation>
    </message>
    <message>
        <source>The model, the function it has to fit, and the loss that scores it.</source>
        <translation>模型、它要拟合的函数，以及给它打分的损失函数。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>GradLab hit an unexpected error and carried on: {error}

Your work is safe. The details are in the log file:
{path}

If it happens again, please send that file to your teacher or to the GradLab team.</source>
        <translation>GradLab 遇到了一个意外错误，但仍在继续运行：{error}

你的工作不会丢失。详细信息记录在日志文件中：
{path}

如果再次出现，请把这个文件发给你的老师或 GradLab 团队。</translation>
    </message>
    <message>
        <source>GradLab could not start</source>
        <translation>GradLab 无法启动</translation>
    </message>
    <message>
        <source>GradLab could not start: {error}

Please send this message to your teacher or to the GradLab team.</source>
        <translation>GradLab 无法启动：{error}

请把这条信息发给你的老师或 GradLab 团队。</translation>
    </message>
</context>
<context>
    <name>Exercises</name>
    <message numerus="yes">
        <source>On data of your own: at least %n sample(s).</source>
        <translation>
            <numerusform>用你自己的数据：至少 %n 个样本。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Goal: the right explanation, after at least %n update(s).</source>
        <translation>
            <numerusform>目标：至少运行 %n 次更新后，选出正确的解释。</numerusform>
        </translation>
    </message>
    <message>
        <source>Goal: the loss below {loss} by update {n}.</source>
        <translation>目标：最迟在第 {n} 次更新时，损失低于 {loss}。</translation>
    </message>
    <message>
        <source>Goal: the loss below {loss}.</source>
        <translation>目标：损失低于 {loss}。</translation>
    </message>
    <message>
        <source>Goal: an lr below the largest that converges, at most {within} % below it; {n} updates at that lr, the loss ending lower than it started.</source>
        <translation>目标：一个低于仍能收敛的最大学习率、但最多只低 {within} % 的 lr；用它运行 {n} 次更新，最后的损失比开始时低。</translation>
    </message>
    <message>
        <source>Goal: in compare mode, {winner} gets below a loss of {loss} for good in fewer updates than {loser}, at the same lr and batch size.</source>
        <translation>目标：在对比模式下，学习率和批量大小都相同时，{winner} 比 {loser} 用更少的更新次数让损失稳定地低于 {loss}。</translation>
    </message>
    <message>
        <source>Goal: the right explanation.</source>
        <translation>目标：选出正确的解释。</translation>
    </message>
    <message>
        <source>your own data</source>
        <translation>你自己的数据</translation>
    </message>
    <message>
        <source>You may change: {names}. The rest stays as set up.</source>
        <translation>可以改的：{names}。其余保持设定不变。</translation>
    </message>
    <message>
        <source>Keep the settings as set up.</source>
        <translation>保持设定不变。</translation>
    </message>
    <message>
        <source>Mistake mode: on (zero_grad() is left out).</source>
        <translation>犯错模式：打开（省略了 zero_grad()）。</translation>
    </message>
    <message>
        <source>Press Start to set it up again.</source>
        <translation>点“开始”重新设定。</translation>
    </message>
    <message>
        <source>This challenge keeps {name} = {want}; it is now {got}.</source>
        <translation>这个挑战要求 {name} = {want}；现在是 {got}。</translation>
    </message>
    <message>
        <source>This challenge trains on its own data, and they changed.</source>
        <translation>这个挑战用它自带的数据训练，而数据被改动了。</translation>
    </message>
    <message>
        <source>This challenge trains on the data its settings generate.</source>
        <translation>这个挑战用它的设置生成的数据训练。</translation>
    </message>
    <message>
        <source>This challenge needs the mistake mode on.</source>
        <translation>这个挑战需要打开犯错模式。</translation>
    </message>
    <message>
        <source>This challenge needs the mistake mode off.</source>
        <translation>这个挑战需要关闭犯错模式。</translation>
    </message>
    <message>
        <source>You set w and b by hand: this challenge counts only what training does. Press Reset (Ctrl+R) and train.</source>
        <translation>你手动设定了 w 和 b：这个挑战只算训练做到的结果。按“重置”（Ctrl+R），然后训练。</translation>
    </message>
    <message>
        <source>Passed: the loss of update {step} was {got}, below {loss}.</source>
        <translation>通过：第 {step} 次更新的损失是 {got}，低于 {loss}。</translation>
    </message>
    <message>
        <source>Not this time: the loss of update {n} was {got}, not below {loss}. Try another lr: type it, press Reset (Ctrl+R), train again.</source>
        <translation>这次没成功：第 {n} 次更新的损失是 {got}，没有低于 {loss}。换一个 lr 试试：输入它，按“重置”（Ctrl+R），再训练。</translation>
    </message>
    <message>
        <source>Not this time: the loss diverged (update {step}). Make lr smaller, press Reset (Ctrl+R) and train again.</source>
        <translation>这次没成功：损失发散了（第 {step} 次更新）。把 lr 调小，按“重置”（Ctrl+R），再训练。</translation>
    </message>
    <message>
        <source>Make data of your own first: at least {min} samples, drawn on the data plot or imported (File ▸ Import data…). Now: {n}.</source>
        <translation>先做一份你自己的数据：至少 {min} 个样本，在数据图上画出来，或者导入（文件 ▸ 导入数据…）。现在：{n} 个。</translation>
    </message>
    <message>
        <source>Not yet: update {step}, loss {got} (goal: below {loss} by update {n}).</source>
        <translation>还没有：第 {step} 次更新，损失 {got}（目标：第 {n} 次更新前低于 {loss}）。</translation>
    </message>
    <message>
        <source>Not yet: update {step}, loss {got} (goal: below {loss}).</source>
        <translation>还没有：第 {step} 次更新，损失 {got}（目标：低于 {loss}）。</translation>
    </message>
    <message>
        <source>Passed: lr = {lr} converges (loss {first} → {last}) and is within {within} % below the limit, {formula} = {limit}, computed from these samples&apos; x just now.</source>
        <translation>通过：lr = {lr} 收敛了（损失 {first} → {last}），并且比上限最多只低 {within} %。上限 {formula} = {limit}，刚刚由这些样本的 x 算出。</translation>
    </message>
    <message>
        <source>Now lr = {lr}: {done} of {n} updates run at it. Run the rest (F5).</source>
        <translation>现在 lr = {lr}：用它已经运行了 {done} 次更新，共需 {n} 次。把剩下的运行完（F5）。</translation>
    </message>
    <message>
        <source>Not this time: at lr = {lr} the loss diverged, so this lr is above the limit. Choose a smaller one, press Reset (Ctrl+R), run again.</source>
        <translation>这次没成功：lr = {lr} 时损失发散了，所以这个 lr 超过了上限。选一个小一点的，按“重置”（Ctrl+R），再运行。</translation>
    </message>
    <message>
        <source>Not this time: lr = {lr} is not below the limit. Along the bowl&apos;s most curved direction no update lands nearer the bottom: run longer and the loss grows. Choose a smaller lr.</source>
        <translation>这次没成功：lr = {lr} 没有低于上限。沿着碗里曲率最大的方向，没有一次更新能离谷底更近：运行得更久，损失就会变大。选一个小一点的 lr。</translation>
    </message>
    <message>
        <source>Not this time: after {n} updates at lr = {lr} the loss is not lower than it started. Choose a smaller lr.</source>
        <translation>这次没成功：用 lr = {lr} 运行 {n} 次更新后，损失没有比开始时低。选一个小一点的 lr。</translation>
    </message>
    <message>
        <source>Not this time: lr = {lr} converges (loss {first} → {last}), but it is more than {within} % below the largest lr that still converges. Try larger ones.</source>
        <translation>这次没成功：lr = {lr} 收敛了（损失 {first} → {last}），但它比仍能收敛的最大学习率低了 {within} % 以上。试试更大的。</translation>
    </message>
    <message>
        <source>These settings have no sharp lr limit (there is one for full-batch SGD on MSE with the linear model). Press Start to set the challenge up again.</source>
        <translation>这些设置没有明确的学习率上限（线性模型、MSE、全批量的 SGD 才有）。点“开始”重新设定这个挑战。</translation>
    </message>
    <message>
        <source>Waiting for the session…</source>
        <translation>正在等待会话……</translation>
    </message>
    <message>
        <source>never within the run</source>
        <translation>在整个对比中都没有做到</translation>
    </message>
    <message>
        <source>from update {n}</source>
        <translation>从第 {n} 次更新起</translation>
    </message>
    <message>
        <source>{optimizer} (μ = {momentum})</source>
        <translation>{optimizer}（μ = {momentum}）</translation>
    </message>
    <message>
        <source>Passed: {winner} stays below {loss} {w}, {loser} {s}.</source>
        <translation>通过：{winner} {w}一直低于 {loss}，{loser} {s}。</translation>
    </message>
    <message>
        <source>Not this time: {winner} stays below {loss} {w}, {loser} {s}. Change a setting you may change, then Compare again.</source>
        <translation>这次没成功：{winner} {w}一直低于 {loss}，{loser} {s}。改一个允许改的设置，然后再对比一次。</translation>
    </message>
    <message>
        <source>Comparing: update {done} of {total}…</source>
        <translation>正在对比：第 {done} 次更新，共 {total} 次……</translation>
    </message>
    <message>
        <source>Compare from the start: compare mode sets off from where your session is. Press Reset (Ctrl+R), then Compare again.</source>
        <translation>请从起点开始对比：对比模式从你的会话当前所在的位置出发。按“重置”（Ctrl+R），然后再对比一次。</translation>
    </message>
    <message>
        <source>Compare a {winner} run with a {loser} run at the same lr and batch size: Lab ▸ Compare, then press Compare.</source>
        <translation>用相同的学习率和批量大小，对比一组 {winner} 和一组 {loser}：实验室 ▸ 对比，然后点“开始对比”。</translation>
    </message>
    <message>
        <source>Run at least {n} updates first ({done} so far).</source>
        <translation>先至少运行 {n} 次更新（目前 {done} 次）。</translation>
    </message>
    <message>
        <source>Right: that is what happened.</source>
        <translation>对：正是这样。</translation>
    </message>
    <message>
        <source>Not this one.</source>
        <translation>不是这个。</translation>
    </message>
    <message>
        <source>Pick an explanation, then press Check answer.</source>
        <translation>选一个解释，然后点“检查答案”。</translation>
    </message>
    <message>
        <source>Turn predict mode on (Exercises panel): guess w.grad, b.grad and the new w and b before each backward() and step().</source>
        <translation>打开预测模式（练习面板）：在每次 backward() 和 step() 之前，先猜 w.grad、b.grad 以及新的 w 和 b。</translation>
    </message>
    <message>
        <source>Open the challenge “{title}” (passed ✓).</source>
        <translation>打开挑战“{title}”（已通过 ✓）。</translation>
    </message>
    <message>
        <source>Open the challenge “{title}” in the Exercises panel.</source>
        <translation>在练习面板里打开挑战“{title}”。</translation>
    </message>
    <message>
        <source>The challenges: ✓ marks those you passed. Pick one to read it.</source>
        <translation>挑战列表：✓ 表示你已通过。选一个来阅读。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Set this challenge up: its settings, its data and its mistake mode, from the start. The session so far is replaced (save it first to keep it).</source>
        <translation>设定这个挑战：它的设置、数据和犯错模式，从头开始。当前的会话会被替换（想保留的话先保存）。</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>检查答案</translation>
    </message>
    <message>
        <source>Check the explanation you picked (each check counts as a try).</source>
        <translation>检查你选的解释（每检查一次算一次尝试）。</translation>
    </message>
    <message>
        <source>Your name (optional)</source>
        <translation>你的名字（可选）</translation>
    </message>
    <message>
        <source>Written only into the results you export for your teacher; it stays on this computer.</source>
        <translation>只写进你为老师导出的结果里；它留在这台电脑上。</translation>
    </message>
    <message>
        <source>Export results…</source>
        <translation>导出结果…</translation>
    </message>
    <message>
        <source>Save a small CSV file for your teacher: each challenge you tried (passed or not, how many tries, when) and how many of your predictions were right in each lesson, with your name if you typed one.</source>
        <translation>为老师保存一个小 CSV 文件：你尝试过的每个挑战（是否通过、尝试了几次、什么时候），以及每一课里你的预测对了几个；填了名字的话也会写上名字。</translation>
    </message>
    <message>
        <source>Open exercise file…</source>
        <translation>打开练习文件…</translation>
    </message>
    <message>
        <source>Open an exercise file your teacher gave you (.json).</source>
        <translation>打开老师给你的练习文件（.json）。</translation>
    </message>
    <message>
        <source>Press Start first.</source>
        <translation>请先点“开始”。</translation>
    </message>
    <message>
        <source> (file)</source>
        <translation>（文件）</translation>
    </message>
    <message>
        <source>Passed before. Press Start to try it again.</source>
        <translation>以前通过过。点“开始”再做一次。</translation>
    </message>
    <message>
        <source>Press Start to set this challenge up.</source>
        <translation>点“开始”设定这个挑战。</translation>
    </message>
    <message>
        <source>One possible explanation.</source>
        <translation>一种可能的解释。</translation>
    </message>
    <message>
        <source>Set up. Work on it: GradLab checks as you go.</source>
        <translation>已设定。动手吧：GradLab 会边做边检查。</translation>
    </message>
    <message>
        <source>Challenges</source>
        <translation>挑战</translation>
    </message>
    <message>
        <source>Predict, then see</source>
        <translation>先猜再看</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>CSV of original plot data</source>
        <translation>原始绘图数据（CSV）</translation>
    </message>
    <message>
        <source>HDF5 Export: plot (x,y)</source>
        <translation>HDF5 导出：绘图 (x,y)</translation>
    </message>
    <message>
        <source>Image File (PNG, TIF, JPG, ...)</source>
        <translation>图片文件（PNG、TIF、JPG 等）</translation>
    </message>
    <message>
        <source>Matplotlib Window</source>
        <translation>Matplotlib 窗口</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Scalable Vector Graphics (SVG)</source>
        <translation>可缩放矢量图形（SVG）</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</source>
        <translation>显示此图中各条曲线的平均值。可在参数列表中选择按哪些参数求平均（如果有的话）。</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</source>
        <translation>只绘制每条曲线的可见部分。这要求 X 值均匀分布。</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>裁剪到视图</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</source>
        <translation>如果此图显示多条曲线，勾选此项可限制显示的曲线条数。</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>最多曲线数：</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>降采样</translation>
    </message>
    <message>
        <source>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</source>
        <translation>画一条沿原始数据最小值和最大值起伏的锯齿波来降采样。这种方法显示效果最好，但速度较慢。</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check &quot;Max Traces&quot; and set this value to limit the number of traces that are displayed.</source>
        <translation>如果此图显示多条曲线，勾选“最多曲线数”并设置此值，可限制显示的曲线条数。</translation>
    </message>
    <message>
        <source>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</source>
        <translation>勾选“最多曲线数”后，曲线一旦隐藏就从内存中移除（节省内存，但隐藏的曲线无法再显示）。</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>丢弃隐藏的曲线</translation>
    </message>
    <message>
        <source>Downsample by taking the mean of N samples.</source>
        <translation>取 N 个样本的平均值来降采样。</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>Downsample by taking the first of N samples. This method is fastest and least accurate.</source>
        <translation>取 N 个样本中的第一个来降采样。这种方法最快，但最不精确。</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</source>
        <translation>根据可见范围自动对数据降采样。这要求 X 值均匀分布。</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Downsample data before plotting. (plot every Nth sample)</source>
        <translation>绘图前先对数据降采样（每 N 个样本画一个）。</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>X 对数坐标</translation>
    </message>
    <message>
        <source>dy/dx</source>
        <translation>dy/dx</translation>
    </message>
    <message>
        <source>Y vs. Y&apos;</source>
        <translation>Y 对 Y&apos;</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>功率谱（FFT）</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>Y 对数坐标</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>减去平均值</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>显示 X 网格</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>显示 Y 网格</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
    <message>
        <source>Link Axis:</source>
        <translation>关联坐标轴：</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;将此坐标轴与另一个视图关联。关联后，两个视图显示相同的数据范围。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;自动缩放时可见数据所占的百分比。数据中有尖峰噪声时，适当减小此值可能会有帮助。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;每当显示的数据改变时，自动调整此坐标轴的范围。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;手动设置此坐标轴的范围。这会关闭自动缩放。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;此坐标轴显示的最小值。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;此坐标轴显示的最大值。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;反转此坐标轴的方向（+y 朝下而不是朝上）。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>反转坐标轴</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;允许用鼠标操作此坐标轴（平移、缩放）。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>启用鼠标</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;勾选后，此坐标轴只根据另一坐标轴方向上可见的数据自动缩放。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>仅可见数据</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;勾选后，此坐标轴会自动平移，使当前数据居中，但缩放比例保持不变。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>仅自动平移</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Item to export:</source>
        <translation>要导出的项目：</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>导出选项</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>重放</translation>
    </message>
    <message>
        <source>Play the last backward() again, node by node, in the order autograd ran the nodes. While it plays, this button skips to the end.</source>
        <translation>按 autograd 执行节点的顺序，逐个节点重放上一次 backward()。重放过程中，按此按钮可直接跳到结尾。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the graph as a picture: PNG for documents and slides, SVG to scale without blur.</source>
        <translation>把计算图保存为图片：PNG 适合文档和幻灯片，SVG 可任意缩放而不模糊。</translation>
    </message>
    <message>
        <source>What the graph shows now. live: backward() can still run through it. freed: backward() ran and released the tensors the graph saved for it.</source>
        <translation>计算图当前的状态。未释放：backward() 仍然可以在图上运行。已释放：backward() 已经运行过，并释放了图为它保存的张量。</translation>
    </message>
    <message>
        <source>The box under the mouse, or the one you clicked: what PyTorch knows about it. Click the background to let it go.</source>
        <translation>鼠标下方或你点击的方框：PyTorch 所知道的关于它的信息。点击空白背景即可取消选中。</translation>
    </message>
    <message>
        <source>GradLab: autograd graph</source>
        <translation>GradLab：autograd 计算图</translation>
    </message>
    <message>
        <source>backward() starts here: the gradient of the loss with respect to itself is 1.</source>
        <translation>backward() 从这里开始：损失对它自身的梯度是 1。</translation>
    </message>
    <message>
        <source>∂loss/∂{source}: the gradient {target} sent back along this arrow.</source>
        <translation>∂loss/∂{source}：{target} 沿这条箭头传回的梯度。</translation>
    </message>
    <message>
        <source>∂loss/∂(output of {source}): the gradient {target} sent back along this arrow.</source>
        <translation>∂loss/∂({source} 的输出)：{target} 沿这条箭头传回的梯度。</translation>
    </message>
    <message>
        <source>computes</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{saved}, now freed</source>
        <translation>{saved}，现已释放</translation>
    </message>
    <message>
        <source>saved for backward</source>
        <translation>为反向传播保存</translation>
    </message>
    <message>
        <source>sent to {name}</source>
        <translation>传给 {name}</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>this backward() added</source>
        <translation>本次 backward() 累加的</translation>
    </message>
    <message>
        <source>None (kept for leaves only)</source>
        <translation>None（只有叶子张量才保留）</translation>
    </message>
    <message>
        <source>gradient through it</source>
        <translation>经过它的梯度</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Training runs: every update records a new graph and backward() frees it. The view refreshes a few times a second; pause to explore it.</source>
        <translation>训练进行中：每次更新都会记录一张新的计算图，再由 backward() 释放。视图每秒只刷新几次；暂停后可以仔细查看。</translation>
    </message>
    <message>
        <source>no graph</source>
        <translation>无计算图</translation>
    </message>
    <message>
        <source>No graph yet. model(x) (forward) records every operation, so that backward() can later compute the gradients.</source>
        <translation>还没有计算图。model(x)（前向传播）会记录每一步运算，之后 backward() 才能据此计算梯度。</translation>
    </message>
    <message>
        <source>freed</source>
        <translation>已释放</translation>
    </message>
    <message>
        <source>A second backward() was refused: the first one freed the tensors this graph saved. Record a new graph (forward, loss), or pass retain_graph=True to the first backward() to keep them.</source>
        <translation>第二次 backward() 被拒绝：第一次已经释放了这张图保存的张量。请重新记录一张计算图（前向传播、损失），或者在第一次调用 backward() 时传入 retain_graph=True，把它们保留下来。</translation>
    </message>
    <message>
        <source>live</source>
        <translation>未释放</translation>
    </message>
    <message>
        <source>model(x) recorded these operations for y_pred. Computing the loss adds its own nodes after y_pred.</source>
        <translation>model(x) 为 y_pred 记录了这些运算。计算损失时，会在 y_pred 之后加上它自己的节点。</translation>
    </message>
    <message>
        <source>zero_grad() set every .grad to None. The graph is still live: backward() can run through it.</source>
        <translation>zero_grad() 把每个 .grad 都设为了 None。计算图仍未释放：backward() 还能在图上运行。</translation>
    </message>
    <message>
        <source>The whole graph, from x and the parameters to the loss. backward() will run it from the loss back to the parameters.</source>
        <translation>完整的计算图：从 x 和参数一直到损失。backward() 将从损失出发，沿图反向运行到参数。</translation>
    </message>
    <message>
        <source>The last update&apos;s graph, already freed by its backward(). Step through an update (F10) to watch backward() run.</source>
        <translation>上一次更新的计算图，已被它的 backward() 释放。逐行执行一次更新（F10），即可观看 backward() 的运行过程。</translation>
    </message>
    <message>
        <source>zero_grad() set every .grad to None. The red numbers are the gradients of the last backward(); the graph stays freed.</source>
        <translation>zero_grad() 把每个 .grad 都设为了 None。红色数字是上一次 backward() 算出的梯度；计算图仍处于已释放状态。</translation>
    </message>
    <message>
        <source>step() updated each parameter from its .grad. The next forward records a new graph.</source>
        <translation>step() 根据每个参数的 .grad 更新了它。下一次前向传播会记录一张新的计算图。</translation>
    </message>
    <message>
        <source>backward() is done and ADDED ∂loss/∂parameter to each old .grad (no zero_grad()). It freed the saved tensors (dashed boxes).</source>
        <translation>backward() 已完成，并把 ∂loss/∂参数“累加”到了每个旧的 .grad 上（没有调用 zero_grad()）。它释放了保存的张量（虚线框）。</translation>
    </message>
    <message>
        <source>backward() is done: each .grad holds ∂loss/∂parameter. It freed the saved tensors (dashed boxes), so a second backward() would fail.</source>
        <translation>backward() 已完成：每个 .grad 中存的都是 ∂loss/∂参数。它释放了保存的张量（虚线框），所以再调用一次 backward() 会失败。</translation>
    </message>
    <message>
        <source>backward {step}/{total}</source>
        <translation>反向传播 {step}/{total}</translation>
    </message>
    <message>
        <source>loss.backward() starts at the loss, with ∂loss/∂loss = 1, and runs the graph backwards.</source>
        <translation>loss.backward() 从损失出发（∂loss/∂loss = 1），沿计算图反向运行。</translation>
    </message>
    <message>
        <source>AccumulateGrad added ∂loss/∂{p} to the old {p}.grad: zero_grad() did not run, so {p}.grad now holds the sum of the gradients (they accumulate).</source>
        <translation>AccumulateGrad 把 ∂loss/∂{p} 加到了旧的 {p}.grad 上：没有调用 zero_grad()，所以 {p}.grad 现在存的是这些梯度之和（梯度累加）。</translation>
    </message>
    <message>
        <source>AccumulateGrad stored ∂loss/∂{p} in {p}.grad.</source>
        <translation>AccumulateGrad 把 ∂loss/∂{p} 存入了 {p}.grad。</translation>
    </message>
    <message>
        <source>{name} sent the gradient back to its inputs, then freed the tensors it saved ({saved}).</source>
        <translation>{name} 把梯度传回给它的输入，然后释放了它保存的张量（{saved}）。</translation>
    </message>
    <message>
        <source>{name} sent the gradient back to its inputs (it saved no tensors).</source>
        <translation>{name} 把梯度传回给它的输入（它没有保存任何张量）。</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export the graph</source>
        <translation>导出计算图</translation>
    </message>
    <message>
        <source>The graph was not saved: {error}</source>
        <translation>计算图没有保存：{error}</translation>
    </message>
    <message>
        <source>scalar</source>
        <translation>标量</translation>
    </message>
    <message>
        <source>{path} could not be written.</source>
        <translation>无法写入 {path}。</translation>
    </message>
    <message>
        <source>Fit the whole graph into the view, as large as it stays readable. The wheel zooms, dragging pans.</source>
        <translation>把整张计算图放进视图，但不缩小到看不清。滚轮缩放，拖动平移。</translation>
    </message>
    <message>
        <source>The autograd graph PyTorch recorded: grey arrows carry values forward, red ones carry gradients back. Drag to pan, use the wheel to zoom, Fit to see it all. Hover over or click a box to inspect it.</source>
        <translation>PyTorch 记录下的 autograd 计算图：灰色箭头向前传递数值，红色箭头向后传递梯度。拖动平移，滚轮缩放，点“全图”看全貌。把鼠标移到方框上或点击它，查看详情。</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>Inference</name>
    <message>
        <source>An x the model has maybe never seen. Any number.</source>
        <translation>一个模型也许从未见过的 x，任意数字都行。</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Runs the model on x inside torch.no_grad() after model.eval(): the way a trained model is used. Training is not affected.</source>
        <translation>先调用 model.eval()，再在 torch.no_grad() 中用模型计算 x：训练好的模型就是这样使用的。不会影响训练。</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>model says y</source>
        <translation>模型预测的 y</translation>
    </message>
    <message>
        <source>the data&apos;s rule says</source>
        <translation>数据规律给出的 y</translation>
    </message>
    <message>
        <source>while training</source>
        <translation>训练时</translation>
    </message>
    <message>
        <source>inference</source>
        <translation>推理时</translation>
    </message>
    <message>
        <source>requires_grad={rg}, grad_fn={fn}: a graph is recorded</source>
        <translation>requires_grad={rg}，grad_fn={fn}：会记录计算图</translation>
    </message>
    <message>
        <source>requires_grad={rg}, grad_fn={fn}: no graph, less memory, faster</source>
        <translation>requires_grad={rg}，grad_fn={fn}：不记录计算图，更省内存，也更快</translation>
    </message>
</context>
<context>
    <name>Landscape</name>
    <message>
        <source>loss over (w, b)</source>
        <translation>(w, b) 上的损失曲面</translation>
    </message>
    <message>
        <source>Each colour is a loss value: dark is low. Training walks downhill from the start to the star, the least-squares optimum. Click anywhere to start the model from that (w, b).</source>
        <translation>每种颜色代表一个损失值：越暗越低。训练从起点一路下坡，走向星号所在的最小二乘最优解。点击任意位置，模型就从那个 (w, b) 重新出发。</translation>
    </message>
    <message>
        <source>The landscape is drawn over the two parameters w and b of the linear model. The MLP has many more parameters, so its loss cannot be drawn as a map: watch the loss plot instead.</source>
        <translation>损失曲面是在线性模型的两个参数 w 和 b 上画出来的。MLP 的参数多得多，它的损失无法画成一张平面图：请改看损失曲线。</translation>
    </message>
    <message>
        <source>optimum</source>
        <translation>最优点</translation>
    </message>
    <message>
        <source>off the map: w = {w}, b = {b}</source>
        <translation>已离开图的范围：w = {w}，b = {b}</translation>
    </message>
    <message>
        <source>off the map: w or b is no longer a number</source>
        <translation>已离开图的范围：w 或 b 已不再是数</translation>
    </message>
</context>
<context>
    <name>Layouts</name>
    <message>
        <source>Loss plot</source>
        <translation>损失曲线图</translation>
    </message>
    <message>
        <source>Parameters plot</source>
        <translation>参数曲线图</translation>
    </message>
    <message>
        <source>Gradients plot</source>
        <translation>梯度曲线图</translation>
    </message>
    <message>
        <source>Data and fitted line</source>
        <translation>数据与拟合直线</translation>
    </message>
    <message>
        <source>Loss landscape over (w, b)</source>
        <translation>(w, b) 上的损失曲面</translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation>入门</translation>
    </message>
    <message>
        <source>What the first lessons need: the five calls, the values, the code, the loss plot, the data with the fitted line, and the lesson. Every other panel stays in the View menu.</source>
        <translation>前几课需要的内容：五个调用、数值、代码、损失曲线、数据与拟合直线，以及课程。其他面板都在“视图”菜单里。</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>Every panel and every plot.</source>
        <translation>所有面板和所有图表。</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <source>Put the panels of the current layout back where they began.</source>
        <translation>把当前布局的面板放回最初的位置。</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Full screen for a projector: larger text, and only the controls, the values, the loss plot and the code. Esc leaves it.</source>
        <translation>适合投影的全屏：字更大，只显示控制、数值、损失曲线图和代码。按 Esc 退出。</translation>
    </message>
    <message>
        <source>{panel} is shown in the middle of the window.</source>
        <translation>{panel}显示在窗口中间。</translation>
    </message>
    <message>
        <source>The {panel} panel opened in its own window.</source>
        <translation>“{panel}”面板在单独的窗口中打开了。</translation>
    </message>
    <message>
        <source>on the left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>on the right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>at the top</source>
        <translation>顶部</translation>
    </message>
    <message>
        <source>at the bottom</source>
        <translation>底部</translation>
    </message>
    <message>
        <source>The {panel} panel is shown {side}, as a tab beside {other}.</source>
        <translation>“{panel}”面板显示在{side}，是“{other}”旁边的一个标签页。</translation>
    </message>
    <message>
        <source>The {panel} panel is shown {side}.</source>
        <translation>“{panel}”面板显示在{side}。</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Fresh start: the tutorial&apos;s program, lr 0.1, mistake mode off.</source>
        <translation>重新开始：教程中的程序，lr 0.1，关闭犯错模式。</translation>
    </message>
    <message>
        <source>Fresh start, running slowly: watch each update move w and b.</source>
        <translation>重新开始，慢速运行：观察每次更新如何移动 w 和 b。</translation>
    </message>
    <message>
        <source>lr = 1.5, above the stable limit: watch every update overshoot further.</source>
        <translation>lr = 1.5，超过了稳定上限：观察每次更新如何冲得越来越远。</translation>
    </message>
    <message>
        <source>lr = 0.001: watch how little 100 updates achieve.</source>
        <translation>lr = 0.001：看看 100 次更新的进展有多么微小。</translation>
    </message>
    <message>
        <source>lr = 0.9, just under the limit: w and b jump across, then settle.</source>
        <translation>lr = 0.9，刚好低于上限：w 和 b 在最优点两侧来回跳，然后稳定下来。</translation>
    </message>
    <message>
        <source>Noise 0.5 on y: watch where the loss levels off.</source>
        <translation>给 y 加上 0.5 的噪声：观察损失最终停在哪里。</translation>
    </message>
    <message>
        <source>Mini-batches of 10: one update per batch, a shakier loss curve.</source>
        <translation>每个小批量 10 个样本：每个批量更新一次，损失曲线抖得更厉害。</translation>
    </message>
    <message>
        <source>SGD with momentum 0.9 at lr 0.1.</source>
        <translation>带动量 0.9 的 SGD，lr 0.1。</translation>
    </message>
    <message>
        <source>Adam at lr 0.1 (compare it with SGD at lr 0.1, same start).</source>
        <translation>Adam，lr 0.1（与 lr 0.1 的 SGD 从同一起点出发进行对比）。</translation>
    </message>
    <message>
        <source>{text} {effects}</source>
        <translation>{text}{effects}</translation>
    </message>
    <message>
        <source>Mistake mode on: zero_grad() is skipped. Press F11 and watch each gradient add to w.grad.</source>
        <translation>犯错模式已打开：跳过 zero_grad()。按 F11，看每次的梯度怎样累加到 w.grad 上。</translation>
    </message>
    <message>
        <source>Mistake mode on, running slowly: watch w.grad and the loss swing without end.</source>
        <translation>犯错模式已打开，慢速运行：看 w.grad 和损失怎样没完没了地来回摆动。</translation>
    </message>
    <message>
        <source>RMSprop at lr 0.1: press F11 once and watch w and b jump.</source>
        <translation>学习率为 0.1 的 RMSprop：按一次 F11，看 w 和 b 一下子跳出多远。</translation>
    </message>
    <message>
        <source>Hide the answer again.</source>
        <translation>收起答案。</translation>
    </message>
    <message>
        <source>Show the answer and the reason. Make your guess first!</source>
        <translation>显示答案和理由。先自己猜一猜！</translation>
    </message>
    <message>
        <source>Open the lesson “{title}”</source>
        <translation>打开课程“{title}”</translation>
    </message>
    <message>
        <source>Previous lesson</source>
        <translation>上一课</translation>
    </message>
    <message>
        <source>Next lesson</source>
        <translation>下一课</translation>
    </message>
    <message>
        <source>Choose a lesson. They follow the training loop in order.</source>
        <translation>选择一课。课程按训练循环的顺序排列。</translation>
    </message>
    <message>
        <source>Lesson number, of all lessons</source>
        <translation>当前课序号 / 课程总数</translation>
    </message>
    <message>
        <source>The lesson. Values said to be computed “just now” come from PyTorch on this machine. A “▶ Try it” link sets the app up to show the lesson&apos;s point: hover it to see how.</source>
        <translation>课程正文。标明“刚刚”计算的数值，都是本机上的 PyTorch 算出来的。“▶ 试一试”链接会把应用设置好，演示本课的要点：把鼠标悬停在链接上，可以看到它会做什么。</translation>
    </message>
    <message>
        <source>Train on this example data set; the other settings stay (Ctrl+Z undoes).</source>
        <translation>用这组示例数据训练；其他设置保持不变（Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <source>It starts the experiment over</source>
        <translation>它会让实验重新开始</translation>
    </message>
    <message>
        <source>compares the runs side by side</source>
        <translation>把几次运行并排对比</translation>
    </message>
    <message>
        <source>waits for you to step</source>
        <translation>然后等你一步一步执行</translation>
    </message>
    <message>
        <source>turns the mistake mode on</source>
        <translation>打开犯错模式</translation>
    </message>
    <message>
        <source>, </source>
        <comment>the separator of a list of effects</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>({effects}.)</source>
        <translation>（{effects}。）</translation>
    </message>
    <message>
        <source>Start over?</source>
        <translation>重新开始？</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>the parameters plot</source>
        <translation>参数曲线图</translation>
    </message>
    <message>
        <source>the gradients plot</source>
        <translation>梯度曲线图</translation>
    </message>
    <message>
        <source>the data and fitted line plot</source>
        <translation>数据与拟合直线图</translation>
    </message>
    <message>
        <source>the loss landscape</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>the Graph panel</source>
        <translation>“计算图”面板</translation>
    </message>
    <message>
        <source>the Messages panel</source>
        <translation>“消息”面板</translation>
    </message>
    <message>
        <source>the Maths panel</source>
        <translation>“手算”面板</translation>
    </message>
    <message>
        <source>the Optimizer state panel</source>
        <translation>“优化器状态”面板</translation>
    </message>
    <message>
        <source>the Session as code panel</source>
        <translation>“会话代码”面板</translation>
    </message>
    <message>
        <source>the Lab panel</source>
        <translation>“实验室”面板</translation>
    </message>
    <message>
        <source>Show {panel} in the window.</source>
        <translation>在窗口中显示{panel}。</translation>
    </message>
    <message numerus="yes">
        <source>runs at %n update(s) a second (the Speed slider moves)</source>
        <translation>
            <numerusform>以每秒 %n 次更新运行（“速度”滑块会随之移动）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your %n update(s) so far will be discarded. To keep them, cancel and save first (File ▸ Save).</source>
        <translation>
            <numerusform>到目前为止的 %n 次更新将被丢弃。想保留它们，请先取消，再保存（文件 ▸ 保存）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Loading</name>
    <message>
        <source>Importing PyTorch…</source>
        <translation>正在导入 PyTorch…</translation>
    </message>
    <message>
        <source>Building the first optimizer…</source>
        <translation>正在创建第一个优化器…</translation>
    </message>
    <message>
        <source>Making the tutorial&apos;s data and model…</source>
        <translation>正在生成训练数据和教程中的模型…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Loading PyTorch</source>
        <translation>正在加载 PyTorch</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>第 %v 步，共 %m 步</translation>
    </message>
    <message>
        <source>The buttons come alive when it is done: a few seconds, longer on a busy computer.</source>
        <translation>加载完成后按钮就能用了：通常几秒钟，电脑繁忙时会更久。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Controls</source>
        <translation>控制</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Maths</source>
        <translation>手算</translation>
    </message>
    <message>
        <source>Optimizer state</source>
        <translation>优化器状态</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Session as code</source>
        <translation>会话代码</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>Checkpoint lab</source>
        <translation>检查点实验</translation>
    </message>
    <message>
        <source>Loading PyTorch…</source>
        <translation>正在加载 PyTorch…</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>实验室</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>下一行</translation>
    </message>
    <message>
        <source>Run the next call of the loop</source>
        <translation>运行循环中的下一个调用</translation>
    </message>
    <message>
        <source>Full update</source>
        <translation>完整更新</translation>
    </message>
    <message>
        <source>Finish the current update, through optimizer.step()</source>
        <translation>完成当前这次更新，直到 optimizer.step()</translation>
    </message>
    <message>
        <source>Run / pause</source>
        <translation>运行/暂停</translation>
    </message>
    <message>
        <source>Start or pause running updates</source>
        <translation>开始或暂停连续更新</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Undo the last update exactly</source>
        <translation>精确撤销上一次更新</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start the experiment over</source>
        <translation>让实验从头开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Continue a saved session (a .gradlab.pt checkpoint)</source>
        <translation>继续一个已保存的会话（.gradlab.pt 检查点）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the session: model, optimizer, data order, history</source>
        <translation>保存会话：模型、优化器、数据顺序和历史记录</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Start fresh</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>The tutorial&apos;s experiment, from the start</source>
        <translation>教程中的实验，从头开始</translation>
    </message>
    <message>
        <source>History as CSV…</source>
        <translation>训练历史（CSV）…</translation>
    </message>
    <message>
        <source>Window screenshot…</source>
        <translation>窗口截图…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Plot as PNG or SVG</source>
        <translation>图表（PNG 或 SVG）</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About GradLab</source>
        <translation>关于 GradLab</translation>
    </message>
    <message>
        <source>GradLab sessions (*.gradlab.pt *.pt);;All files (*)</source>
        <translation>GradLab 会话 (*.gradlab.pt *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Open an exercise</source>
        <translation>打开练习</translation>
    </message>
    <message>
        <source>GradLab exercises (*.json);;All files (*)</source>
        <translation>GradLab 练习 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export your results</source>
        <translation>导出你的结果</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>导出训练历史</translation>
    </message>
    <message>
        <source>Export the plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Save a screenshot</source>
        <translation>保存截图</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>GradLab will use the new language from its next start. Restart now? Your session is saved and comes back.</source>
        <translation>GradLab 下次启动时将使用新的语言。现在重新启动吗？你的会话会先保存，重启后自动恢复。</translation>
    </message>
    <message>
        <source>GradLab {version}

Watch the first PyTorch program train, one call at a time. Every number is read from live torch tensors.</source>
        <translation>GradLab {version}

一次一个调用，看着第一个 PyTorch 程序完成训练。屏幕上的每一个数字，都直接读取自运行中的 torch 张量。</translation>
    </message>
    <message>
        <source>Import data…</source>
        <translation>导入数据…</translation>
    </message>
    <message>
        <source>Train on your own data: a CSV file of two columns, x then y</source>
        <translation>用你自己的数据训练：一个有两列（先 x 后 y）的 CSV 文件</translation>
    </message>
    <message>
        <source>Export data (CSV)…</source>
        <translation>导出数据（CSV）…</translation>
    </message>
    <message>
        <source>Write the samples being trained on to a CSV file</source>
        <translation>把正在训练的样本写入一个 CSV 文件</translation>
    </message>
    <message>
        <source>Open exercise…</source>
        <translation>打开练习…</translation>
    </message>
    <message>
        <source>Open an exercise file from your teacher (.json)</source>
        <translation>打开老师给的练习文件（.json）</translation>
    </message>
    <message>
        <source>Exercise results (CSV)…</source>
        <translation>练习结果（CSV）…</translation>
    </message>
    <message>
        <source>Your challenges and predictions as a small CSV file to give your teacher</source>
        <translation>把你的挑战和预测存成一个小 CSV 文件，交给老师</translation>
    </message>
    <message>
        <source>Example data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Thermometer readings (°C → °F)</source>
        <translation>温度计读数（°C → °F）</translation>
    </message>
    <message>
        <source>A spring stretched by weights (N → cm)</source>
        <translation>被重物拉长的弹簧（N → cm）</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Watch a network learn</source>
        <translation>看神经网络学习</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Larger text, plots and lines everywhere (Ctrl+wheel too)</source>
        <translation>放大所有文字、图表和线条（也可以按住 Ctrl 滚动滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Smaller text, plots and lines everywhere</source>
        <translation>缩小所有文字、图表和线条</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Back to 100 %</source>
        <translation>回到 100 %</translation>
    </message>
    <message>
        <source>Actual size (now {percent} %)</source>
        <translation>实际大小（当前 {percent} %）</translation>
    </message>
    <message>
        <source>Training script (.py)…</source>
        <translation>训练脚本（.py）…</translation>
    </message>
    <message>
        <source>The code panel&apos;s script for the current settings, as a Python file that computes what GradLab computes</source>
        <translation>“代码”面板中对应当前设置的脚本，存成 Python 文件，算出的结果和 GradLab 完全相同</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Export the training script</source>
        <translation>导出训练脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Autosaved sessions</source>
        <translation>自动保存的会话</translation>
    </message>
    <message>
        <source>(none left)</source>
        <translation>（没有了）</translation>
    </message>
    <message>
        <source>no autosave file could be locked</source>
        <translation>无法锁定任何自动保存文件</translation>
    </message>
    <message>
        <source>Your session was not saved</source>
        <translation>你的会话没有保存</translation>
    </message>
    <message>
        <source>GradLab could not save your session to {path}: {error}.

Save it somewhere else, or quit without saving: what you did since the session was last saved would be lost.</source>
        <translation>GradLab 无法把你的会话保存到 {path}：{error}。

请把它保存到别的位置，或者不保存就退出：那样，你自上次保存以来所做的一切都会丢失。</translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation>不保存，退出</translation>
    </message>
    <message>
        <source>Don&apos;t quit</source>
        <translation>不退出</translation>
    </message>
    <message>
        <source>this picture format is not known</source>
        <translation>不认识这种图片格式</translation>
    </message>
</context>
<context>
    <name>MathsPanel</name>
    <message>
        <source>The formulas from the lesson with this moment&apos;s numbers, next to what autograd and the optimizer really computed. Nothing here is needed to train: it shows that backward() and step() do plain arithmetic.</source>
        <translation>把课程中的公式代入此刻的数值，与 autograd 和优化器实际算出的结果并排对照。训练并不需要这里的任何内容：它只是说明，backward() 和 step() 做的不过是普通的算术。</translation>
    </message>
    <message>
        <source>Maths beside autograd</source>
        <translation>手算与 autograd 对照</translation>
    </message>
    <message>
        <source>Run a phase (F10) to see the gradient worked out by hand next to autograd&apos;s, and the optimizer&apos;s update with its numbers.</source>
        <translation>运行一行（F10），即可看到手算的梯度与 autograd 的结果并排对照，以及优化器代入数值的更新过程。</translation>
    </message>
    <message>
        <source>The gradient by hand, and by autograd</source>
        <translation>手算梯度与 autograd 梯度</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手算</translation>
    </message>
    <message>
        <source>autograd .grad</source>
        <translation>autograd 的 .grad</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>Differences this small are rounding: PyTorch works in float32 (about 7 digits) and adds in another order.</source>
        <translation>这么小的差值只是舍入误差：PyTorch 用 float32 计算（约 7 位有效数字），求和的顺序也不同。</translation>
    </message>
    <message>
        <source>By hand, with this moment&apos;s numbers:</source>
        <translation>手算，代入此刻的数值：</translation>
    </message>
    <message>
        <source>If optimizer.step() ran now ({optimizer}, lr = {lr})</source>
        <translation>如果现在运行 optimizer.step()（{optimizer}，lr = {lr}）</translation>
    </message>
    <message>
        <source>Every .grad is None, so step() would change nothing. Run backward() first.</source>
        <translation>每个 .grad 都是 None，所以 step() 什么也不会改变。请先运行 backward()。</translation>
    </message>
    <message>
        <source>Not worked out for the small network: it has too many parameters. Choose the linear model to see every number.</source>
        <translation>小型网络不做手算展示：它的参数太多了。选择线性模型即可看到每一个数字。</translation>
    </message>
    <message>
        <source>Not worked out for these optimizer settings.</source>
        <translation>这组优化器设置不做手算展示。</translation>
    </message>
    <message>
        <source>{p}.grad is None: step() leaves {p} as it is.</source>
        <translation>{p}.grad 是 None：step() 不会改变 {p}。</translation>
    </message>
    <message>
        <source>For {p} ({name}):</source>
        <translation>对于 {p}（{name}）：</translation>
    </message>
    <message>
        <source>m and v are Adam&apos;s running averages (optimizer.state), t counts its steps; dividing by 1 − βᵗ corrects their start at zero.</source>
        <translation>m 和 v 是 Adam 的滑动平均（保存在 optimizer.state 中），t 记录它走过的步数；除以 1 − βᵗ 是为了修正它们从零起步带来的偏差。</translation>
    </message>
    <message>
        <source>v is the velocity kept in optimizer.state (momentum_buffer); μ is the momentum.</source>
        <translation>v 是保存在 optimizer.state 中的速度（momentum_buffer）；μ 是动量系数。</translation>
    </message>
    <message>
        <source>backward() ran once on this loss, so .grad holds exactly this gradient. N = {n} samples.</source>
        <translation>backward() 在这个损失上运行了一次，所以 .grad 中恰好就是这个梯度。N = {n} 个样本。</translation>
    </message>
    <message>
        <source>backward() has not run on this loss yet. .grad still holds an older gradient; backward() will add this one to it unless zero_grad() runs first.</source>
        <translation>backward() 还没有在这个损失上运行。.grad 中仍是之前的梯度；除非先运行 zero_grad()，否则 backward() 会把这个梯度累加上去。</translation>
    </message>
    <message>
        <source>backward() has not run on this loss yet: it will put these values into .grad.</source>
        <translation>backward() 还没有在这个损失上运行：它将把这些值存入 .grad。</translation>
    </message>
    <message>
        <source>.grad is the sum of {count} backward() calls, because zero_grad() did not run between them. It differs from this one gradient on purpose: that is the mistake.</source>
        <translation>.grad 是 {count} 次 backward() 调用的总和，因为两次调用之间没有运行 zero_grad()。它与这一次的梯度不同是有意为之：这正是错误所在。</translation>
    </message>
    <message>
        <source>zero_grad() set .grad to None after backward(). The formula still shows what backward() had computed.</source>
        <translation>zero_grad() 在 backward() 之后把 .grad 设为了 None。公式中仍显示 backward() 当时算出的结果。</translation>
    </message>
    <message>
        <source>There is no loss yet: run model(x) and the loss to see its gradient by hand.</source>
        <translation>还没有损失：先运行 model(x) 并计算损失，才能看到手算的梯度。</translation>
    </message>
    <message>
        <source>model(x) ran again after the loss was computed: compute the loss again to see its gradient.</source>
        <translation>计算损失之后又运行了 model(x)：请重新计算损失，才能看到它的梯度。</translation>
    </message>
    <message>
        <source>step() finished this update and let its mini-batch go, so its sums cannot be shown. Run model(x) to start on the next mini-batch.</source>
        <translation>step() 已完成本次更新，并丢开了它的小批量，所以无法显示其中的求和。运行 model(x)，开始处理下一个小批量。</translation>
    </message>
    <message>
        <source>Not worked out for the small network: its gradients have hundreds of terms. Choose the linear model to see them.</source>
        <translation>小型网络不做手算展示：它的梯度有几百项。选择线性模型即可看到。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <source>Running at %n update(s) per second. F5 pauses.</source>
        <translation>
            <numerusform>正在以每秒 %n 次更新的速度运行。按 F5 暂停。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paused: this run made %n update(s), %1 in all.</source>
        <translation>
            <numerusform>已暂停：这次运行做了 %n 次更新，总共 %1 次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comparison finished: %n update(s) each.</source>
        <translation>
            <numerusform>对比完成：每组各运行了 %n 次更新。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stepped back %n update(s). The parameters, the optimizer&apos;s state and the data order are exactly as they were after update {step}: run again and you get the same numbers.</source>
        <translation>
            <numerusform>已后退 %n 次更新。参数、优化器状态和数据顺序都与第 {step} 次更新之后完全一致：再次运行会得到相同的数字。</numerusform>
        </translation>
    </message>
    <message>
        <source>model(x) ran the forward pass: y_pred = x·Wᵀ + b, one prediction per sample (shape {shape}). PyTorch recorded the operations for backward().</source>
        <translation>model(x) 完成了前向传播：y_pred = x·Wᵀ + b，每个样本一个预测值（形状为 {shape}）。PyTorch 记录下了这些运算，供 backward() 使用。</translation>
    </message>
    <message>
        <source>criterion(y_pred, y) = {loss}: the mean of the absolute errors. The smaller it is, the better the line fits.</source>
        <translation>criterion(y_pred, y) = {loss}：即误差绝对值的平均值。它越小，直线拟合得越好。</translation>
    </message>
    <message>
        <source>criterion(y_pred, y) = {loss}: the mean of the squared errors. The smaller it is, the better the line fits.</source>
        <translation>criterion(y_pred, y) = {loss}：即误差平方的平均值。它越小，直线拟合得越好。</translation>
    </message>
    <message>
        <source>The loss is no longer a finite number: training has diverged. With lr = {lr} each update overshoots further than the last. Reset (Ctrl+R) and choose a smaller lr.</source>
        <translation>损失已不再是有限的数：训练发散了。在 lr = {lr} 时，每次更新都比上一次冲得更远。请重置（Ctrl+R），并选一个更小的 lr。</translation>
    </message>
    <message>
        <source>criterion(y_pred, y) = {loss}, but y_pred has shape {pred} and this batch&apos;s y has shape {target}: PyTorch broadcast them (and warned), so this number compares the wrong pairs. Run model(x) again for the new batch.</source>
        <translation>criterion(y_pred, y) = {loss}，但 y_pred 的形状是 {pred}，而这个批量的 y 的形状是 {target}：PyTorch 对它们做了广播（并给出了警告），所以这个数比较的是错配的数对。请对新的批量重新运行 model(x)。</translation>
    </message>
    <message>
        <source>criterion(y_pred, y) refused: y_pred came from an earlier batch of another size. Run model(x) again for the new batch. PyTorch said: {torch}</source>
        <translation>criterion(y_pred, y) 被拒绝：y_pred 来自之前一个大小不同的批量。请对新的批量重新运行 model(x)。PyTorch 的报错：{torch}</translation>
    </message>
    <message>
        <source>optimizer.zero_grad() set every .grad to None (not to zeros: set_to_none=True is the default since PyTorch 2.0). The next backward() starts from nothing.</source>
        <translation>optimizer.zero_grad() 把每个 .grad 都设为了 None（而不是清零：自 PyTorch 2.0 起，set_to_none=True 是默认值）。下一次 backward() 将从空白开始计算梯度。</translation>
    </message>
    <message>
        <source>loss.backward() walked the graph from the loss back to the parameters and stored ∂loss/∂w in weight.grad and ∂loss/∂b in bias.grad. The graph&apos;s saved values are now freed.</source>
        <translation>loss.backward() 沿计算图从损失反向走到参数，把 ∂loss/∂w 存入 weight.grad，把 ∂loss/∂b 存入 bias.grad。计算图中保存的中间值现在已被释放。</translation>
    </message>
    <message>
        <source>loss.backward() refused: the first backward() already freed this graph&apos;s saved values. Run model(x) and the loss again to record a new graph (or pass retain_graph=True to the first backward()). PyTorch said: {torch}</source>
        <translation>loss.backward() 被拒绝：第一次 backward() 已经释放了这张计算图保存的中间值。请重新运行 model(x) 并计算损失，记录一张新的计算图（或者在第一次调用 backward() 时传入 retain_graph=True）。PyTorch 的报错：{torch}</translation>
    </message>
    <message>
        <source>There is no loss to differentiate yet: run the forward pass and the loss first.</source>
        <translation>还没有可以求导的损失：请先运行前向传播并计算损失。</translation>
    </message>
    <message>
        <source>There is no y_pred yet: run model(x) (the forward pass) first.</source>
        <translation>还没有 y_pred：请先运行 model(x)（前向传播）。</translation>
    </message>
    <message>
        <source>optimizer.step() changed nothing: every .grad is None (backward() has not run since zero_grad()). Update {step} counted, parameters unchanged.</source>
        <translation>optimizer.step() 什么也没有改变：每个 .grad 都是 None（zero_grad() 之后还没有运行过 backward()）。第 {step} 次更新照样计数，但参数没有变化。</translation>
    </message>
    <message>
        <source>Running at full speed. F5 pauses.</source>
        <translation>正在全速运行。按 F5 暂停。</translation>
    </message>
    <message>
        <source>The run stopped itself at update {step}: the loss became {loss}. lr = {lr} is too large for this data, so every update overshoots the minimum by more than the last. Reset (Ctrl+R) and choose a smaller lr.</source>
        <translation>运行在第 {step} 次更新时自动停止：损失变成了 {loss}。对这份数据来说，lr = {lr} 太大了，每次更新越过最小值的幅度都比上一次更大。请重置（Ctrl+R），并选一个更小的 lr。</translation>
    </message>
    <message>
        <source>This run has diverged (the loss is inf or nan), so it cannot go on. Reset (Ctrl+R), with a smaller lr.</source>
        <translation>这次运行已经发散（损失为 inf 或 nan），无法继续。请重置（Ctrl+R），并换一个更小的 lr。</translation>
    </message>
    <message>
        <source>The learning rate is now {lr}; it applies from the next optimizer.step().</source>
        <translation>学习率现在是 {lr}；从下一次 optimizer.step() 起生效。</translation>
    </message>
    <message>
        <source>zero_grad() runs again before every backward().</source>
        <translation>每次 backward() 之前又会运行 zero_grad() 了。</translation>
    </message>
    <message>
        <source>Ready. The data are 100 points of y = 2x + 1 by default; press F10 to run the loop one call at a time.</source>
        <translation>准备就绪。默认数据是 y = 2x + 1 上的 100 个样本；按 F10，逐个调用地运行训练循环。</translation>
    </message>
    <message>
        <source>Reset: new model from the same seed, step 0.</source>
        <translation>已重置：用同一个种子新建模型，回到第 0 步。</translation>
    </message>
    <message>
        <source>The experiment changed, so it starts over: the data, the model and the optimizer are built again from the seed, as the script would build them.</source>
        <translation>实验设置改变了，所以从头开始：数据、模型和优化器都按种子重新构建，和脚本里的构建方式完全一样。</translation>
    </message>
    <message>
        <source>There is nothing to step back to: no update has run since the start (or the saved states do not reach further back).</source>
        <translation>没有可以后退的更新：从开始到现在还没有运行过任何更新（或者保存的状态无法再往前追溯）。</translation>
    </message>
    <message>
        <source>criterion(y_pred, y) = {loss}: the Huber loss, squared for small errors and linear for large ones. The smaller it is, the better the line fits.</source>
        <translation>criterion(y_pred, y) = {loss}：Huber 损失，误差小时取平方，误差大时按线性增长。它越小，直线拟合得越好。</translation>
    </message>
    <message>
        <source>Mistake mode: optimizer.zero_grad() was left out, so .grad still holds the earlier gradients and the next backward() adds to them.</source>
        <translation>犯错模式：省略了 optimizer.zero_grad()，所以 .grad 里还留着之前的梯度，下一次 backward() 会在它上面累加。</translation>
    </message>
    <message>
        <source>optimizer.zero_grad(): no backward() has run yet, so every .grad is still None and there was nothing to clear. That is expected on the first update; from the next one on, zero_grad() removes the last update&apos;s gradients.</source>
        <translation>optimizer.zero_grad()：还没有运行过 backward()，所以每个 .grad 仍是 None，没有什么可清除的。第一次更新时本来就是这样；从下一次更新起，zero_grad() 会清除上一次更新的梯度。</translation>
    </message>
    <message>
        <source>optimizer.zero_grad(): every .grad was already None (zero_grad() had already run since the last backward()), so nothing changed. Calling it twice is harmless.</source>
        <translation>optimizer.zero_grad()：每个 .grad 已经是 None（上一次 backward() 之后已经调用过 zero_grad()），所以什么也没变。调用两次没有害处。</translation>
    </message>
    <message>
        <source>loss.backward() ADDED this update&apos;s gradients to those already in .grad, because zero_grad() did not run: .grad now holds the sum of every gradient since it was last cleared, not the slope here. PyTorch accumulates on purpose; that is why the loop calls zero_grad() before every backward().</source>
        <translation>loss.backward() 把这次更新的梯度“累加”到了 .grad 里已有的梯度上，因为没有调用 zero_grad()：现在 .grad 存的是自上次清除以来所有梯度之和，而不是此处的斜率。PyTorch 是有意累加的；所以训练循环在每次 backward() 之前都要调用 zero_grad()。</translation>
    </message>
    <message>
        <source>Mistake mode: zero_grad() is left out from now on, so every backward() adds its gradient to the sum of all the earlier ones. That sum acts like a velocity (momentum with μ = 1 and nothing to slow it down): w and b swing past the answer and back again and again, and the loss rises and falls without ever settling. Watch w.grad and the parameter plot.</source>
        <translation>犯错模式：从现在起省略 zero_grad()，所以每次 backward() 都把新梯度加到之前所有梯度之和上。这个和就像一个速度（动量 μ = 1，而且没有任何东西让它慢下来）：w 和 b 一次次冲过正确答案又摆回来，损失忽高忽低，永远不会稳定下来。请留意 w.grad 和参数图。</translation>
    </message>
    <message>
        <source>The model starts from w = {w}, b = {b} now. The values were set under torch.no_grad(), so autograd recorded nothing; this is not an update, so the update counter and the optimizer&apos;s state stay as they were.</source>
        <translation>现在模型从 w = {w}、b = {b} 开始。这些值是在 torch.no_grad() 下设置的，所以 autograd 什么也没记录；这不是一次更新，所以更新次数和优化器的状态都保持不变。</translation>
    </message>
    <message>
        <source>Comparing {runs}: same data, same starting point, only the optimizer settings differ.</source>
        <translation>正在对比 {runs}：数据相同，起点相同，只有优化器设置不同。</translation>
    </message>
    <message>
        <source>While comparing, the values and the parameter and gradient plots show your own run, which waits. Any call on it (F10, F11, F5 …) or Back to one run ends the comparison and continues it.</source>
        <translation>比较期间，数值面板以及参数图和梯度图显示的是你自己的运行，它在等待。对它的任何调用（F10、F11、F5 ……）或“回到单次运行”都会结束比较并让它继续。</translation>
    </message>
    <message>
        <source>lr = {lr} is above the stable limit for these data, {limit}: every update would overshoot more than the last and a run would diverge. Try lr = {suggest}.</source>
        <translation>lr = {lr} 超过了这组数据的稳定上限 {limit}：每次更新都会比上一次冲得更远，训练会发散。试试 lr = {suggest}。</translation>
    </message>
    <message>
        <source>Back to one run: the comparison ended, and your own run goes on from update {step}, where you left it.</source>
        <translation>回到单次运行：比较已结束，你自己的运行从第 {step} 次更新、也就是你离开的地方继续。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is too large: type an x from -1,000,000 to 1,000,000, such as 3 or -1.5.</source>
        <translation>“{text}”太大了：请输入 -1,000,000 到 1,000,000 之间的 x，例如 3 或 -1.5。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number. Type an x such as 3 or -1.5.</source>
        <translation>“{text}”不是数字。请输入一个 x，例如 3 或 -1.5。</translation>
    </message>
    <message>
        <source>Saved to {path}: the model&apos;s and the optimizer&apos;s state_dict, the data order, the history and your session as code, at update {step}.</source>
        <translation>已保存到 {path}：模型和优化器的 state_dict、数据顺序、历史记录，以及以代码形式记录的会话，截至第 {step} 次更新。</translation>
    </message>
    <message>
        <source>That file was not opened, and nothing changed: {error}</source>
        <translation>没有打开该文件，一切保持不变：{error}</translation>
    </message>
    <message>
        <source>Opened {path}: update {step}. Training continues exactly where it was saved.</source>
        <translation>已打开 {path}：第 {step} 次更新。训练将从保存时的状态原样继续。</translation>
    </message>
    <message>
        <source>Welcome back: your last session is restored at update {step}. To begin again, choose File ▸ Start fresh.</source>
        <translation>欢迎回来：已恢复你上次的会话，当前在第 {step} 次更新。如需从头开始，请选择“文件 ▸ 重新开始”。</translation>
    </message>
    <message>
        <source>A fresh start: the tutorial&apos;s experiment, update 0.</source>
        <translation>重新开始：教程中的实验，第 0 次更新。</translation>
    </message>
    <message>
        <source>The lesson set the experiment up; it starts over.</source>
        <translation>课程已设置好实验，从头开始。</translation>
    </message>
    <message>
        <source>The settings file was damaged, so GradLab uses its defaults (layout, theme, language): {path}</source>
        <translation>设置文件已损坏，因此 GradLab 使用默认设置（布局、主题、语言）：{path}</translation>
    </message>
    <message>
        <source>The settings file came from another GradLab version, so the defaults are used.</source>
        <translation>设置文件来自另一个版本的 GradLab，因此使用默认设置。</translation>
    </message>
    <message>
        <source>Exported {path}.</source>
        <translation>已导出 {path}。</translation>
    </message>
    <message>
        <source>The batch size must be 0 (full batch) or at most the number of samples, {samples} here. Nothing was changed.</source>
        <translation>批量大小必须为 0（全批量），或者不超过样本数（这里是 {samples}）。没有做任何更改。</translation>
    </message>
    <message>
        <source>Nesterov momentum needs a momentum above 0 and below 1. Nothing was changed.</source>
        <translation>Nesterov 动量要求动量大于 0 且小于 1。没有做任何更改。</translation>
    </message>
    <message>
        <source>Could not export {path}: {error}</source>
        <translation>无法导出 {path}：{error}</translation>
    </message>
    <message>
        <source>PyTorch is still loading; try again in a moment.</source>
        <translation>PyTorch 仍在加载中，请稍后再试。</translation>
    </message>
    <message>
        <source>Something went wrong in the training thread ({error}). The app keeps running; the details are in the log.</source>
        <translation>训练线程出错了（{error}）。应用会继续运行；详细信息已写入日志。</translation>
    </message>
    <message>
        <source>it asks to run code while loading. GradLab never does that, so it was refused and nothing in it ran.</source>
        <translation>它要求在加载时运行代码。GradLab 从不这样做，所以拒绝了它，其中的代码一行也没有运行。</translation>
    </message>
    <message>
        <source>it is not a GradLab file, or it is damaged or cut short.</source>
        <translation>它不是 GradLab 文件，或者已损坏、不完整。</translation>
    </message>
    <message>
        <source>it is a PyTorch file, but not a GradLab session.</source>
        <translation>它是 PyTorch 文件，但不是 GradLab 会话。</translation>
    </message>
    <message>
        <source>it was written by another version of GradLab.</source>
        <translation>它是由另一个版本的 GradLab 写入的。</translation>
    </message>
    <message>
        <source>its settings are outside what GradLab allows.</source>
        <translation>其中的设置超出了 GradLab 允许的范围。</translation>
    </message>
    <message>
        <source>its parts do not fit together (the file is damaged).</source>
        <translation>它的各部分对不上（文件已损坏）。</translation>
    </message>
    <message>
        <source>the file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>it is far too large for a session.</source>
        <translation>它太大了，不可能是一个会话。</translation>
    </message>
    <message>
        <source>{option} must be {allowed}. Nothing was changed.</source>
        <translation>{option}的取值必须是：{allowed}。没有做任何更改。</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>{choices} 之一</translation>
    </message>
    <message>
        <source>a whole number {lo} {low} and {hi} {high}</source>
        <translation>{lo} {low} 且 {hi} {high} 的整数</translation>
    </message>
    <message>
        <source>a number {lo} {low} and {hi} {high}</source>
        <translation>{lo} {low} 且 {hi} {high} 的数</translation>
    </message>
    <message>
        <source>optimizer.step() applied {name}&apos;s rule to every parameter: {rule}, with lr = {lr}. Update {step} is done.</source>
        <translation>optimizer.step() 对每个参数应用了 {name} 的规则：{rule}，lr = {lr}。第 {step} 次更新完成。</translation>
    </message>
    <message>
        <source>step() ({name}): update {step} done.</source>
        <translation>step()（{name}）：第 {step} 次更新完成。</translation>
    </message>
    <message>
        <source>optimizer.step() applied {name}&apos;s rule, {rule}, with lr = {lr}, reading .grad and what the optimizer keeps in optimizer.state: {changes}. Update {step} is done.</source>
        <translation>optimizer.step() 应用了 {name} 的规则 {rule}（lr = {lr}），用到了 .grad 和优化器保存在 optimizer.state 里的值：{changes}。第 {step} 次更新完成。</translation>
    </message>
    <message>
        <source>step() ({name}, lr = {lr}): {changes}. Update {step}.</source>
        <translation>step()（{name}，lr = {lr}）：{changes}。第 {step} 次更新。</translation>
    </message>
    <message>
        <source>On Adam&apos;s first step m_hat = .grad and v_hat = .grad², so every parameter moves by lr, whatever the size of its gradient: {moves}.</source>
        <translation>Adam 的第一步中 m_hat = .grad、v_hat = .grad²，所以无论梯度多大，每个参数都正好移动 lr：{moves}。</translation>
    </message>
    <message>
        <source>On RMSprop&apos;s first step its average s starts from 0 with no correction, so s = (1 − α)·.grad² and every parameter moves by lr/√(1 − α) = {factor} × lr: {moves}.</source>
        <translation>RMSprop 的第一步中，它的平均值 s 从 0 开始且不做修正，所以 s = (1 − α)·.grad²，每个参数都移动 lr/√(1 − α) = {factor} × lr：{moves}。</translation>
    </message>
    <message>
        <source>What each call did, and why. The newest message is at the bottom. A call explained before shows in one line: double-click it to read it all again.</source>
        <translation>每个调用做了什么、为什么。最新的消息在最下面。已经解释过的调用只显示一行：双击它可以再读完整的解释。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n sample(s) to {path}: every value reads back as the same float32 number, so a script of your own can train on exactly these data.</source>
        <translation>
            <numerusform>已把 %n 个样本导出到 {path}：每个值读回来都是同一个 float32 数，所以你自己写的脚本可以用完全相同的数据训练。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Back to generated data: %n sample(s) drawn by torch.randn after the seed. The experiment starts over.</source>
        <translation>
            <numerusform>回到生成的数据：设置随机种子后由 torch.randn 抽取的 %n 个样本。实验重新开始。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your data: %n sample(s), x and y as float32 tensors of shape (N, 1) in their order. The experiment starts over from the seed on them: the model, the loss landscape, the lr limit and the code follow.</source>
        <translation>
            <numerusform>你的数据：%n 个样本，x 和 y 按原来的顺序组成形状为 (N, 1) 的 float32 张量。实验在这些数据上从随机种子重新开始：模型、损失曲面、lr 上限和代码都随之更新。</numerusform>
        </translation>
    </message>
    <message>
        <source>The experiment changed, so it starts over on your data: the model and the optimizer are built again from the seed, as the script would build them.</source>
        <translation>实验设置改变了，所以在你的数据上从头开始：模型和优化器按随机种子重新构建，和脚本里的构建方式完全一样。</translation>
    </message>
    <message>
        <source>Not imported, and nothing changed: {path}: {problem}</source>
        <translation>没有导入，什么也没有改变：{path}：{problem}</translation>
    </message>
    <message>
        <source>Added the sample {xy}.</source>
        <translation>添加了样本 {xy}。</translation>
    </message>
    <message>
        <source>Moved a sample to {xy}.</source>
        <translation>把一个样本移到了 {xy}。</translation>
    </message>
    <message>
        <source>Deleted the sample {xy}.</source>
        <translation>删除了样本 {xy}。</translation>
    </message>
    <message>
        <source>Imported {path}{columns}.</source>
        <translation>已导入 {path}{columns}。</translation>
    </message>
    <message>
        <source>Opened the example data {name}{columns}.</source>
        <translation>已打开示例数据 {name}{columns}。</translation>
    </message>
    <message>
        <source>Cleared the data down to one sample, {xy} (the data need at least one): click on the data plot to add more, then delete it if you like.</source>
        <translation>数据已清空，只留下一个样本 {xy}（数据至少要有一个样本）：在数据图上点击添加更多样本，之后可以把它删掉。</translation>
    </message>
    <message>
        <source>Undid the last change to the data.</source>
        <translation>撤销了对数据的上一次修改。</translation>
    </message>
    <message>
        <source>The data changed.</source>
        <translation>数据变了。</translation>
    </message>
    <message>
        <source> (x: {x}, y: {y})</source>
        <translation>（x：{x}，y：{y}）</translation>
    </message>
    <message>
        <source>Your data already hold {max} samples, the most GradLab trains on: delete one first. Nothing changed.</source>
        <translation>你的数据已经有 {max} 个样本，这是 GradLab 训练的上限：请先删除一个。什么也没有改变。</translation>
    </message>
    <message>
        <source>That is the last sample: the data need at least one. Nothing changed.</source>
        <translation>这是最后一个样本：数据至少要有一个样本。什么也没有改变。</translation>
    </message>
    <message>
        <source>These generated data hold more than {max} samples, too many to draw on: set Samples to {max} or fewer first.</source>
        <translation>这些生成的数据超过 {max} 个样本，太多了，无法在上面画：请先把样本数设为 {max} 或更少。</translation>
    </message>
    <message>
        <source>the file holds no rows of numbers.</source>
        <translation>文件里没有数字行。</translation>
    </message>
    <message>
        <source>row {row} is not UTF-8 text. Save the file as UTF-8 CSV.</source>
        <translation>第 {row} 行不是 UTF-8 文本。请把文件另存为 UTF-8 编码的 CSV。</translation>
    </message>
    <message>
        <source>row {row} holds a NUL character: this is not a text file.</source>
        <translation>第 {row} 行含有 NUL 字符：这不是文本文件。</translation>
    </message>
    <message>
        <source>row {row} is not valid CSV (is a quotation mark left open?).</source>
        <translation>第 {row} 行不是有效的 CSV（是不是有引号没有闭合？）。</translation>
    </message>
    <message>
        <source>row {row} has one column. GradLab reads two, x then y, separated by a comma or a semicolon.</source>
        <translation>第 {row} 行只有一列。GradLab 读取两列：先 x 后 y，用逗号或分号隔开。</translation>
    </message>
    <message>
        <source>row {row} has {text} columns. GradLab reads exactly two, x then y: keep only those.</source>
        <translation>第 {row} 行有 {text} 列。GradLab 只读取两列，先 x 后 y：请只保留这两列。</translation>
    </message>
    <message>
        <source>row {row}: the {column} column is empty.</source>
        <translation>第 {row} 行：{column} 列是空的。</translation>
    </message>
    <message>
        <source>row {row}: {text} in the {column} column is not allowed: every value must be a finite number.</source>
        <translation>第 {row} 行：{column} 列中的 {text} 不允许：每个值都必须是有限的数。</translation>
    </message>
    <message>
        <source>row {row}: {text} in the {column} column is not a number (write numbers such as 12, -0.5 or 2.5e-3).</source>
        <translation>第 {row} 行：{column} 列中的 {text} 不是数（请写成 12、-0.5 或 2.5e-3 这样的数）。</translation>
    </message>
    <message>
        <source>row {row}: {text} in the {column} column is too large: values must lie between -{max} and {max}.</source>
        <translation>第 {row} 行：{column} 列中的 {text} 太大：值必须在 -{max} 到 {max} 之间。</translation>
    </message>
    <message>
        <source>row {row}: more than {max} data rows. GradLab reads at most {max}.</source>
        <translation>第 {row} 行：数据超过 {max} 行。GradLab 最多读取 {max} 行。</translation>
    </message>
    <message>
        <source>the file is larger than 2 MB, far more than {max} rows need.</source>
        <translation>文件大于 2 MB，远远超过 {max} 行数据所需的大小。</translation>
    </message>
    <message>
        <source>it is not a regular file (a folder, a device or a pipe).</source>
        <translation>它不是普通文件（而是文件夹、设备或管道）。</translation>
    </message>
    <message>
        <source>Paused, so the model stays where it is. Click the map again to start the model from that (w, b).</source>
        <translation>已暂停，模型停在原处。再点一次图，模型就从那个 (w, b) 开始。</translation>
    </message>
    <message numerus="yes">
        <source>%n more autosaved session(s) left by other GradLab windows: open them with File ▸ Autosaved sessions.</source>
        <translation>
            <numerusform>其他 GradLab 窗口还留下了 %n 个自动保存的会话：可通过“文件 ▸ 自动保存的会话”打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your last session could not be restored, so GradLab starts fresh: {error} The file is kept, renamed to {kept}.</source>
        <translation>无法恢复你上次的会话，因此 GradLab 重新开始：{error} 该文件已保留，并改名为 {kept}。</translation>
    </message>
    <message>
        <source>Your last session could not be restored, so GradLab starts fresh: {error} The file stays where it is, {path} (renaming it failed: {reason}); this window autosaves to another file, so it is never written over.</source>
        <translation>无法恢复你上次的会话，因此 GradLab 重新开始：{error} 该文件仍在原处：{path}（改名失败：{reason}）；本窗口会自动保存到另一个文件，绝不会覆盖它。</translation>
    </message>
    <message>
        <source>Could not save to {path} ({error}); nothing was written there. Choose another place with File ▸ Save as…</source>
        <translation>无法保存到 {path}（{error}）；那里没有写入任何内容。请用“文件 ▸ 另存为…”选择别的位置。</translation>
    </message>
    <message>
        <source>That autosave is kept, renamed to {kept}, and no longer offered.</source>
        <translation>该自动保存文件已保留，改名为 {kept}，以后不再列出。</translation>
    </message>
    <message>
        <source>Another GradLab window is open, so this one autosaves to a file of its own, {path}: neither window writes over the other&apos;s session.</source>
        <translation>另一个 GradLab 窗口正在运行，因此本窗口自动保存到自己的文件 {path}：两个窗口都不会覆盖对方的会话。</translation>
    </message>
    <message>
        <source>This window cannot autosave: no autosave file could be locked in {folder}. Save your work with File ▸ Save.</source>
        <translation>本窗口无法自动保存：在 {folder} 中无法锁定任何自动保存文件。请用“文件 ▸ 保存”保存你的工作。</translation>
    </message>
    <message>
        <source>GradLab cannot autosave your sessions in {wanted} ({reason}). Until it can, they go to {used}, which the system may empty: use File ▸ Save as… to keep your work.</source>
        <translation>GradLab 无法把你的会话自动保存到 {wanted}（{reason}）。在能够写入之前，会话会保存到 {used}，系统可能会清空那里：请用“文件 ▸ 另存为…”保留你的工作。</translation>
    </message>
    <message>
        <source>GradLab cannot autosave your sessions in {wanted} ({reason}), nor in a temporary folder: use File ▸ Save as… to keep your work.</source>
        <translation>GradLab 无法把你的会话自动保存到 {wanted}（{reason}），也无法保存到临时文件夹：请用“文件 ▸ 另存为…”保留你的工作。</translation>
    </message>
    <message>
        <source>GradLab cannot save its settings (layout, theme, language, recent files) in {wanted} ({reason}); until it can, they are kept in {used}.</source>
        <translation>GradLab 无法把设置（布局、主题、语言、最近打开的文件）保存到 {wanted}（{reason}）；在能够写入之前，设置保存在 {used}。</translation>
    </message>
    <message>
        <source>GradLab cannot save its settings (layout, theme, language, recent files) in {wanted} ({reason}), nor in a temporary folder: changes last until you quit.</source>
        <translation>GradLab 无法把设置（布局、主题、语言、最近打开的文件）保存到 {wanted}（{reason}），也无法保存到临时文件夹：所做的更改只保留到退出为止。</translation>
    </message>
    <message>
        <source>GradLab cannot write its log in {wanted} ({reason}); it writes it to {used}.</source>
        <translation>GradLab 无法在 {wanted} 中写日志（{reason}），改为写到 {used}。</translation>
    </message>
    <message>
        <source>GradLab cannot write its log in {wanted} ({reason}), nor in a temporary folder.</source>
        <translation>GradLab 无法在 {wanted} 中写日志（{reason}），也无法写到临时文件夹。</translation>
    </message>
    <message>
        <source>The field at fault: {field}.</source>
        <translation>出问题的字段：{field}。</translation>
    </message>
    <message>
        <source>GradLab could not use it ({error}).</source>
        <translation>GradLab 无法使用它（{error}）。</translation>
    </message>
    <message>
        <source>it is not a regular file (a folder, a device, a pipe …), so it was not read.</source>
        <translation>它不是普通文件（而是文件夹、设备、管道等），因此没有读取。</translation>
    </message>
    <message>
        <source>Set up the exercise “{title}”: the experiment starts over with its settings, its data and its mistake mode.</source>
        <translation>已设定练习“{title}”：实验按它的设置、数据和犯错模式从头开始。</translation>
    </message>
    <message>
        <source>Opened the exercise “{title}” from {path}. Press Start in the Exercises panel to set it up.</source>
        <translation>已从 {path} 打开练习“{title}”。在练习面板里点“开始”来设定它。</translation>
    </message>
    <message>
        <source>That exercise file was not opened, and nothing changed: {path}: {error}</source>
        <translation>这个练习文件没有打开，什么也没有改变：{path}：{error}</translation>
    </message>
    <message>
        <source>Challenge passed: “{title}”. {verdict}</source>
        <translation>挑战通过：“{title}”。{verdict}</translation>
    </message>
    <message>
        <source>“{title}”: {verdict}</source>
        <translation>“{title}”：{verdict}</translation>
    </message>
    <message>
        <source>Your saved progress could not be read ({error}). It was kept as {kept}; GradLab starts with no challenges passed and no predictions.</source>
        <translation>无法读取你保存的进度（{error}）。它已保留为 {kept}；GradLab 从零开始：没有通过的挑战，也没有预测。</translation>
    </message>
    <message>
        <source>Your progress could not be saved ({error}): the challenges and predictions of this session may be lost when GradLab closes.</source>
        <translation>无法保存你的进度（{error}）：GradLab 关闭时，这次的挑战和预测可能会丢失。</translation>
    </message>
    <message>
        <source>Exported your results to {path}, with your name: one row for each challenge you tried ({challenges}) and for each lesson with predictions ({lessons}).</source>
        <translation>已把你的结果导出到 {path}，带有你的名字：你尝试过的每个挑战一行（{challenges} 个），有预测的每一课一行（{lessons} 课）。</translation>
    </message>
    <message>
        <source>Exported your results to {path}, without a name: one row for each challenge you tried ({challenges}) and for each lesson with predictions ({lessons}).</source>
        <translation>已把你的结果导出到 {path}，没有名字：你尝试过的每个挑战一行（{challenges} 个），有预测的每一课一行（{lessons} 课）。</translation>
    </message>
</context>
<context>
    <name>OptimizerState</name>
    <message>
        <source>exp_avg (Adam&apos;s first moment m): an average of recent gradients, m ← β₁·m + (1 − β₁)·grad.</source>
        <translation>exp_avg（Adam 的一阶矩 m）：近期梯度的平均值，m ← β₁·m + (1 − β₁)·grad。</translation>
    </message>
    <message>
        <source>momentum_buffer: the velocity v ← μ·v + grad, a sum of past gradients in which older ones count less (μ &lt; 1). The step is −lr·v: the parameter moves against that sum, so while the gradients keep one sign its steps grow.</source>
        <translation>momentum_buffer：速度 v ← μ·v + grad，是过去梯度之和，越早的梯度占比越小（μ &lt; 1）。每一步移动 −lr·v：参数朝这个和的反方向移动，所以只要梯度一直保持同一个符号，步子就越来越大。</translation>
    </message>
    <message>
        <source>exp_avg_sq (Adam&apos;s second moment v): an average of recent squared gradients. Adam divides by √v, so every step is at most about lr: exactly lr on the first step, smaller when recent gradients disagree in sign.</source>
        <translation>exp_avg_sq（Adam 的二阶矩 v）：近期梯度平方的平均值。Adam 除以 √v，所以每一步最多约为 lr：第一步正好是 lr，近期梯度符号不一致时会更小。</translation>
    </message>
    <message>
        <source>square_avg (RMSprop): an average of recent squared gradients; steps are divided by its square root.</source>
        <translation>square_avg（RMSprop）：近期梯度平方的平均值；每一步都要除以它的平方根。</translation>
    </message>
    <message>
        <source>sum (Adagrad): all squared gradients so far; steps shrink as it grows.</source>
        <translation>sum（Adagrad）：到目前为止所有梯度平方之和；它越大，步子越小。</translation>
    </message>
    <message>
        <source>step: how many updates this parameter has had.</source>
        <translation>step：这个参数已经被更新了多少次。</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>optimizer.state, read live: what the optimizer remembers between updates. Plain SGD remembers nothing.</source>
        <translation>实时读取的 optimizer.state：优化器在两次更新之间记住的东西。普通 SGD 什么也不记。</translation>
    </message>
    <message>
        <source>{name}: what it keeps in optimizer.state</source>
        <translation>{name}：它在 optimizer.state 中保存的内容</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Transforms</source>
        <translation>变换</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>降采样</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Plot Options</source>
        <translation>图表选项</translation>
    </message>
</context>
<context>
    <name>Plots</name>
    <message>
        <source>update</source>
        <translation>更新次数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>w.grad and b.grad used by each update. They shrink towards 0 as the line fits; in mistake mode each is the sum of all gradients so far, and swings between large positive and negative values instead.</source>
        <translation>每次更新所用的 w.grad 和 b.grad。直线拟合得越好，它们越接近 0；在犯错模式下，它们是至今所有梯度之和，会在很大的正值和负值之间来回摆动。</translation>
    </message>
    <message>
        <source>data and fitted line</source>
        <translation>数据与拟合直线</translation>
    </message>
    <message>
        <source>The loss after each update. A healthy run falls fast, then flattens. Rising or jumping means lr is too large. Try the log scale to see the tail.</source>
        <translation>每次更新后的损失。正常的训练先快速下降，然后趋于平缓。如果损失上升或来回跳动，说明 lr 太大了。试试对数坐标，看清曲线的尾部。</translation>
    </message>
    <message>
        <source>w (blue) and b (orange) after each update; the dashed lines are the values the data were made with, 2 and 1 by default.</source>
        <translation>每次更新后的 w（蓝色）和 b（橙色）；虚线是生成数据时所用的值，默认为 2 和 1。</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis: each grid line is 10× smaller, so the steady shrinking late in training stays visible.</source>
        <translation>用对数坐标轴显示损失：相邻网格线相差 10 倍，这样训练后期持续的缓慢下降也清晰可见。</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>truth</source>
        <translation>真实函数</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The samples (grey) and the model&apos;s current prediction for every x. Training turns the line until it runs through the points.
Draw your own data: click to add a sample, drag one to move it, right-click (or Shift+click) one to delete it; Ctrl+Z undoes. Each change starts the experiment over on the new data.</source>
        <translation>样本（灰色）和模型对每个 x 的当前预测。训练会转动这条直线，直到它穿过这些点。
画出你自己的数据：点击添加一个样本，拖动一个样本来移动它，右键点击（或按住 Shift 点击）一个样本来删除它；Ctrl+Z 撤销。每次修改都会让实验在新数据上重新开始。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last change to the data (Ctrl+Z)</source>
        <translation>撤销对数据的上一次修改（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Draw your own data from scratch: keep one sample (the data need at least one), then click to add more. Ctrl+Z brings the old data back.</source>
        <translation>从头画出你自己的数据：只留下一个样本（数据至少要有一个样本），然后点击添加更多。Ctrl+Z 可以找回原来的数据。</translation>
    </message>
    <message>
        <source>your data</source>
        <translation>你的数据</translation>
    </message>
    <message>
        <source>Click: add · drag: move · right-click: delete</source>
        <translation>点击：添加 · 拖动：移动 · 右键：删除</translation>
    </message>
    <message>
        <source>true w, b</source>
        <translation>真实 w、b</translation>
    </message>
    <message>
        <source>{title} (waiting)</source>
        <translation>{title}（等待中）</translation>
    </message>
    <message>
        <source>{shown} of {total} points shown</source>
        <translation>显示了 {total} 个点中的 {shown} 个</translation>
    </message>
</context>
<context>
    <name>Predict</name>
    <message>
        <source>Predict mode: guess before backward() and step()</source>
        <translation>预测模式：在 backward() 和 step() 之前先猜</translation>
    </message>
    <message>
        <source>Type what you expect before loss.backward() and optimizer.step() run; GradLab then puts PyTorch&apos;s values beside your guess and says how close it was. Your guesses are kept, per lesson.</source>
        <translation>在 loss.backward() 和 optimizer.step() 运行之前，写下你预期的值；然后 GradLab 把 PyTorch 算出的值放在你的猜测旁边，告诉你差了多少。你的猜测会按课保存。</translation>
    </message>
    <message>
        <source>w.grad after backward()</source>
        <translation>backward() 之后的 w.grad</translation>
    </message>
    <message>
        <source>b.grad after backward()</source>
        <translation>backward() 之后的 b.grad</translation>
    </message>
    <message>
        <source>w after step()</source>
        <translation>step() 之后的 w</translation>
    </message>
    <message>
        <source>b after step()</source>
        <translation>step() 之后的 b</translation>
    </message>
    <message>
        <source>your guess</source>
        <translation>你的猜测</translation>
    </message>
    <message>
        <source>Your guess for {symbol}, a number such as -3.51. Leave it empty to guess only the others.</source>
        <translation>你对 {symbol} 的猜测，一个数，例如 -3.51。留空则只猜其他的。</translation>
    </message>
    <message>
        <source>Type your guess first (at least one of the fields).</source>
        <translation>先写下你的猜测（至少填一个）。</translation>
    </message>
    <message>
        <source>{symbol}: “{text}” is not a number. Type a number such as -3.51 (or leave the field empty).</source>
        <translation>{symbol}：“{text}”不是一个数。请输入一个数，例如 -3.51（或者留空）。</translation>
    </message>
    <message>
        <source>In this lesson ({lesson}): {right} of {made} guesses right.</source>
        <translation>这一课（{lesson}）：{made} 次猜测中对了 {right} 次。</translation>
    </message>
    <message>
        <source>Run loss.backward() and compare</source>
        <translation>运行 loss.backward() 并比较</translation>
    </message>
    <message>
        <source>Runs loss.backward(), then puts PyTorch&apos;s w.grad and b.grad beside your guess.</source>
        <translation>运行 loss.backward()，然后把 PyTorch 算出的 w.grad 和 b.grad 放在你的猜测旁边。</translation>
    </message>
    <message>
        <source>Next: loss.backward(). What will w.grad and b.grad be?</source>
        <translation>下一步：loss.backward()。w.grad 和 b.grad 会是多少？</translation>
    </message>
    <message>
        <source>For MSE: ∂L/∂w = (2/N)·Σ(ŷ − y)·x and ∂L/∂b = (2/N)·Σ(ŷ − y) (lesson 9).</source>
        <translation>对 MSE：∂L/∂w = (2/N)·Σ(ŷ − y)·x，∂L/∂b = (2/N)·Σ(ŷ − y)（第 9 课）。</translation>
    </message>
    <message>
        <source>Next: optimizer.step(). What will w and b be after it? w, b and their .grad are in the Values panel, lr in the Controls.</source>
        <translation>下一步：optimizer.step()。它之后 w 和 b 会是多少？w、b 和它们的 .grad 在“数值”面板里，lr 在“控制”面板里。</translation>
    </message>
    <message>
        <source>Turn predict mode on, then guess before each backward() and step(). The button here, the phase buttons and F10 all compare your guess when they run the call.</source>
        <translation>打开预测模式，然后在每次 backward() 和 step() 之前先猜。这里的按钮、五个调用的按钮和 F10 在运行这个调用时都会比较你的猜测。</translation>
    </message>
    <message>
        <source>Run optimizer.step() and compare</source>
        <translation>运行 optimizer.step() 并比较</translation>
    </message>
    <message>
        <source>Runs optimizer.step(), then puts PyTorch&apos;s new w and b beside your guess.</source>
        <translation>运行 optimizer.step()，然后把 PyTorch 算出的新 w 和 b 放在你的猜测旁边。</translation>
    </message>
    <message>
        <source>Run up to backward()</source>
        <translation>运行到 backward() 之前</translation>
    </message>
    <message>
        <source>Runs model(x), the loss and zero_grad(): then it is time to guess.</source>
        <translation>运行 model(x)、损失和 zero_grad()：然后就该猜了。</translation>
    </message>
    <message>
        <source>Run up to backward(), then guess.</source>
        <translation>先运行到 backward() 之前，再猜。</translation>
    </message>
    <message>
        <source>Predict mode works with the linear model (w and b).</source>
        <translation>预测模式用于线性模型（w 和 b）。</translation>
    </message>
    <message>
        <source>✓ right</source>
        <translation>✓ 对</translation>
    </message>
    <message>
        <source>close</source>
        <translation>接近</translation>
    </message>
    <message>
        <source>✗ off</source>
        <translation>✗ 不对</translation>
    </message>
    <message>
        <source>{s}: that is the new gradient alone. Without zero_grad() in between, backward() adds it to the old .grad: PyTorch holds the old one plus the new one.</source>
        <translation>{s}：这只是新的梯度。中间没有 zero_grad()，backward() 会把它累加到旧的 .grad 上：PyTorch 存的是旧梯度加新梯度。</translation>
    </message>
    <message>
        <source>{s}: that is the gradient of the last update. backward() computes it anew from this loss.</source>
        <translation>{s}：这是上一次更新的梯度。backward() 会根据这次的损失重新计算。</translation>
    </message>
    <message>
        <source>{s}: you stepped with the last update&apos;s gradient; step() uses .grad as it is now.</source>
        <translation>{s}：你用了上一次更新的梯度；step() 用的是 .grad 现在的值。</translation>
    </message>
    <message>
        <source>{s}: half the true value: you left out the factor 2 of MSE (the derivative of (ŷ − y)² is 2·(ŷ − y)).</source>
        <translation>{s}：只有真实值的一半：你漏掉了 MSE 的系数 2（(ŷ − y)² 的导数是 2·(ŷ − y)）。</translation>
    </message>
    <message>
        <source>{s}: the right size with the wrong sign. Check the sign of (ŷ − y).</source>
        <translation>{s}：大小对了，符号反了。检查一下 (ŷ − y) 的符号。</translation>
    </message>
    <message>
        <source>{s}: you moved along the gradient; step() moves against it (θ − lr·θ.grad).</source>
        <translation>{s}：你顺着梯度走了；step() 是逆着梯度走的（θ − lr·θ.grad）。</translation>
    </message>
    <message>
        <source>{s}: N times too large: the loss takes the mean over the N samples (1/N), not the sum.</source>
        <translation>{s}：大了 N 倍：损失取的是 N 个样本的平均（1/N），不是总和。</translation>
    </message>
    <message>
        <source>{s}: you stepped by the whole gradient; step() multiplies it by lr first.</source>
        <translation>{s}：你走了整个梯度那么远；step() 会先把它乘以 lr。</translation>
    </message>
    <message>
        <source>{s}: step() does change it: its .grad was not None.</source>
        <translation>{s}：step() 会改变它：它的 .grad 不是 None。</translation>
    </message>
    <message>
        <source>{s}: that is plain SGD&apos;s step, θ − lr·θ.grad; {optimizer} follows its own rule (below).</source>
        <translation>{s}：这是普通 SGD 的一步，θ − lr·θ.grad；{optimizer} 按它自己的规则更新（见下）。</translation>
    </message>
    <message>
        <source>{s}: its .grad was None, so step() left it as it was.</source>
        <translation>{s}：它的 .grad 是 None，所以 step() 没有动它。</translation>
    </message>
    <message>
        <source>{s}: off by {error}. Compare your working with the rule below.</source>
        <translation>{s}：差了 {error}。把你的计算过程和下面的规则对照一下。</translation>
    </message>
    <message>
        <source>loss.backward() ran. Your guess beside PyTorch&apos;s values:</source>
        <translation>loss.backward() 已运行。你的猜测和 PyTorch 算出的值：</translation>
    </message>
    <message>
        <source>optimizer.step() ran. Your guess beside PyTorch&apos;s values:</source>
        <translation>optimizer.step() 已运行。你的猜测和 PyTorch 算出的值：</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>off by</source>
        <translation>相差</translation>
    </message>
    <message>
        <source>Every guess is right.</source>
        <translation>每个猜测都对。</translation>
    </message>
    <message>
        <source>The rule with this moment&apos;s numbers, worked out as in the Maths panel:</source>
        <translation>代入此刻数值的规则，像“手算”面板那样逐步算出：</translation>
    </message>
    <message>
        <source>backward() added it to the old .grad: {old} + {new} → PyTorch {truth}</source>
        <translation>backward() 把它累加到了旧的 .grad 上：{old} + {new} → PyTorch 得到 {truth}</translation>
    </message>
</context>
<context>
    <name>ScriptFile</name>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>SessionLogPanel</name>
    <message>
        <source>Every call you made, every run, reset and setting change, in order. The script replays them and ends exactly where the app is now.</source>
        <translation>按顺序记录你做过的每一个调用、每一次运行、重置和设置更改。脚本会重放这些操作，最终停在与应用当前完全相同的状态。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy your session as a Python script, to paste into a file or a notebook.</source>
        <translation>把你的会话复制为 Python 脚本，可粘贴到文件或 notebook 中。</translation>
    </message>
    <message>
        <source>Save as .py…</source>
        <translation>另存为 .py…</translation>
    </message>
    <message>
        <source>Save your session as a Python script. Run it with PyTorch installed: it repeats your calls, mistakes included, and prints the same weight and bias.</source>
        <translation>把你的会话保存为 Python 脚本。在装有 PyTorch 的环境中运行：它会重复你的每个调用（包括出错的调用），并打印出相同的权重和偏置。</translation>
    </message>
    <message>
        <source>Your session as code: each button you pressed is one line. Calls PyTorch refused appear too, as comments or inside try/except.</source>
        <translation>以代码形式记录的会话：你按下的每个按钮就是一行。被 PyTorch 拒绝的调用也会出现，写成注释或放在 try/except 中。</translation>
    </message>
    <message>
        <source>Session as code</source>
        <translation>会话代码</translation>
    </message>
    <message>
        <source>This session cannot be written as a script: {error}</source>
        <translation>这个会话无法写成脚本：{error}</translation>
    </message>
    <message>
        <source>Running… the script catches up when you pause (F5).</source>
        <translation>运行中…暂停（F5）后脚本会补上。</translation>
    </message>
    <message>
        <source>Your session appears here as code, call by call.</source>
        <translation>你的会话会以代码的形式，一个调用一个调用地显示在这里。</translation>
    </message>
    <message>
        <source>So far: {calls} calls, {runs} updates in runs, {resets} resets.</source>
        <translation>到目前为止：{calls} 次调用，连续运行 {runs} 次更新，重置 {resets} 次。</translation>
    </message>
    <message>
        <source>Save your session as a script</source>
        <translation>把会话保存为脚本</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>Comparing: these are your own run&apos;s values, which wait. F10, F11, F5 or Back to one run end the comparison and go on from here.</source>
        <translation>比较中：这里是你自己训练的数值，它在等待。按 F10、F11、F5 或“回到单次运行”会结束比较，并从这里继续。</translation>
    </message>
    <message>
        <source>updates</source>
        <translation>更新次数</translation>
    </message>
    <message>
        <source>How many times optimizer.step() has run since the start.</source>
        <translation>从开始到现在 optimizer.step() 运行的次数。</translation>
    </message>
    <message>
        <source>An epoch is one pass over all the samples. With mini-batches, one epoch takes several updates.</source>
        <translation>一轮（epoch）就是把所有样本完整地过一遍。使用小批量时，一轮需要好几次更新。</translation>
    </message>
    <message>
        <source>Changed by the last call</source>
        <translation>被上一个调用改变了</translation>
    </message>
    <message>
        <source>epoch {epoch}, batch {batch} of {total}</source>
        <translation>第 {epoch} 轮，第 {batch}/{total} 个批量</translation>
    </message>
    <message>
        <source>full batch: 1 update = 1 epoch</source>
        <translation>全批量：1 次更新 = 1 轮</translation>
    </message>
    <message>
        <source>unchanged: every .grad is None, so step() did nothing</source>
        <translation>未改变：每个 .grad 都是 None，所以 step() 什么也没做</translation>
    </message>
    <message>
        <source>set by you under torch.no_grad(): not an update</source>
        <translation>由你在 torch.no_grad() 下设置：不是一次更新</translation>
    </message>
    <message>
        <source>restored from the file, as it was after update {step}</source>
        <translation>从文件恢复：与第 {step} 次更新之后相同</translation>
    </message>
    <message>
        <source>restored: stepped back to update {step}</source>
        <translation>已恢复：退回到第 {step} 次更新</translation>
    </message>
    <message>
        <source>∂loss/∂{p}, computed by backward()</source>
        <translation>∂loss/∂{p}，由 backward() 算出</translation>
    </message>
    <message>
        <source>accumulated: {old} + {new} = {total}</source>
        <translation>累加：{old} + {new} = {total}</translation>
    </message>
    <message>
        <source>set to None by zero_grad()</source>
        <translation>被 zero_grad() 设为 None</translation>
    </message>
    <message>
        <source>y_pred is new; the loss still belongs to the old one</source>
        <translation>y_pred 是新的；损失仍属于旧的 y_pred</translation>
    </message>
    <message>
        <source>model.weight: the slope the model has learned so far.</source>
        <translation>model.weight：模型目前学到的斜率。</translation>
    </message>
    <message>
        <source>model.bias: the intercept the model has learned so far.</source>
        <translation>model.bias：模型目前学到的截距。</translation>
    </message>
    <message>
        <source>model.weight.grad: ∂loss/∂w, how much the loss rises when w rises a little. None until backward() runs, and again after zero_grad().</source>
        <translation>model.weight.grad：∂loss/∂w，即 w 增加一点点时损失增加多少。在 backward() 运行之前是 None，zero_grad() 之后又变回 None。</translation>
    </message>
    <message>
        <source>model.bias.grad: ∂loss/∂b. None until backward() runs, and again after zero_grad().</source>
        <translation>model.bias.grad：∂loss/∂b。在 backward() 运行之前是 None，zero_grad() 之后又变回 None。</translation>
    </message>
    <message>
        <source>The value of loss = criterion(y_pred, y): how wrong the model is.</source>
        <translation>loss = criterion(y_pred, y) 的值：衡量模型错了多少。</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <translation>视图选项</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>轴</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>鼠标模式</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>三键</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>单键</translation>
    </message>
</context>
</TS>
