import subprocess
import sys


def test_core_imports_without_qt():
    code = (
        "import sys, gradlab.core, gradlab.core.session, gradlab.core.training, gradlab.cli\n"
        "import gradlab.core.config, gradlab.core.history\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph') or m.startswith('gradlab.ui'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
