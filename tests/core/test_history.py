from gradlab.core.history import History


def test_history_stays_bounded_and_covers_whole_run():
    h = History(capacity=64)
    for step in range(1, 100_001):
        if h.wants(step):
            h.append(step, 1.0 / step, step, 0, 0, 0)
    assert len(h) <= 64
    steps = list(h.columns["step"])
    assert steps == sorted(steps)
    assert steps[-1] > 90_000  # the end of the run is still there
    assert steps[0] <= h.stride
    assert h.compactions > 0


def test_truncate_and_round_trip():
    h = History(capacity=8)
    for step in range(1, 21):
        h.append(step, step * 2.0, 0, 0, 0, 0)
    copy = History.from_dict(h.to_dict())
    assert copy.to_dict() == h.to_dict()
    h.truncate_after(12)
    assert max(h.columns["step"]) <= 12
