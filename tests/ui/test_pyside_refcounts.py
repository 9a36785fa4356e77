"""Guards the PySide6 pin (DESIGN §7): 6.12.0 on CPython 3.11 drops a reference to
True on every Signal.emit() and to None on every None-returning call, and a
plotting window then aborts. Run this before moving to a newer PySide6."""

import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal


class _Emitter(QObject):
    fired = Signal(bool)
    plain = Signal()


def test_signal_flood_keeps_refcounts(qapp):
    emitter = _Emitter()
    received = []
    emitter.fired.connect(lambda v: received.append(v))
    emitter.plain.connect(lambda: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(5000):
        emitter.fired.emit(True)
        emitter.plain.emit()
        emitter.setObjectName("x")
        QCoreApplication.processEvents()
    received.clear()
    # A healthy binding drifts by a handful at most; the broken one by thousands.
    assert abs(sys.getrefcount(True) - true_before) < 100
    assert abs(sys.getrefcount(None) - none_before) < 100
