"""The window paints before torch loads (DESIGN §3, §8): building the window
module must not import torch; the worker thread imports it afterwards."""

import subprocess
import sys


def test_window_modules_do_not_import_torch():
    code = (
        "import sys\n"
        "import gradlab.ui.main_window, gradlab.ui.app\n"
        "print(sorted(m for m in sys.modules if m == 'torch' or m.startswith('torch.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", "torch is imported before the window paints: " + done.stdout
