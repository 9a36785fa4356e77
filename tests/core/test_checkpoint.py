"""Checkpoints: bit-identical resume; bad or malicious files refused, nothing run."""

import os
import pickle
import zipfile

import pytest
import torch

from gradlab.core import checkpoint, fileio
from gradlab.core.config import OPTIMIZERS, ExperimentConfig
from gradlab.core.session import TrainingSession
from gradlab.core.training import train
from tests.reference import assert_same_parameters, reference_run


@pytest.mark.parametrize(
    "opts",
    [{"optimizer": name, "lr": 0.03} for name in OPTIMIZERS]
    + [{"batch_size": 16, "optimizer": "adam", "lr": 0.05}, {"batch_size": 30, "seed": 4}],
)
def test_resume_equals_uninterrupted_run(tmp_path, opts):
    path = tmp_path / "run.gradlab.pt"
    first = TrainingSession(ExperimentConfig(**opts))
    train(first, 17)  # mid-epoch for the mini-batch runs
    checkpoint.save(first, path)
    resumed, _ = checkpoint.load(path)
    assert resumed.step_count == 17
    train(resumed, 23)
    ref, ref_loss, _, _ = reference_run(40, **opts)
    assert_same_parameters(resumed.model, ref)
    assert torch.equal(resumed.loss, ref_loss)
    assert list(resumed.history.columns["step"]) == list(range(1, 41))


def test_resume_mid_update_keeps_the_drawn_batch_and_grads(tmp_path):
    s = TrainingSession(ExperimentConfig(batch_size=10))
    train(s, 3)
    for phase in ("forward", "loss", "zero_grad", "backward"):
        s.run_phase(phase)
    checkpoint.save(s, tmp_path / "c.pt")
    back, _ = checkpoint.load(tmp_path / "c.pt")
    assert torch.equal(back.model.weight.grad, s.model.weight.grad)
    assert torch.equal(back.batch[0], s.batch[0])
    s.run_phase("step")
    back.run_phase("step")
    train(s, 12)
    train(back, 12)
    assert_same_parameters(back.model, s.model)


class _Evil:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_malicious_pickle_refused_and_never_runs(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pt"
    torch.save({"format": "gradlab-checkpoint", "payload": _Evil(str(marker))}, path)
    assert not marker.exists()
    assert not marker.exists()
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.load(path)
    assert info.value.code == "checkpoint.unsafe"
    assert "open" in str(info.value)
    assert not marker.exists()
    # A plain pickle file (not torch's zip format) is refused the same way.
    plain = tmp_path / "evil.pkl"
    plain.write_bytes(pickle.dumps(_Evil(str(marker)), protocol=2))
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.load(plain)
    assert info.value.code == "checkpoint.unsafe"
    assert not marker.exists()


def test_random_truncated_foreign_files_get_clean_errors(tmp_path):
    good = tmp_path / "good.pt"
    s = TrainingSession()
    train(s, 5)
    checkpoint.save(s, good)
    data = good.read_bytes()
    cases = {
        "random": os.urandom(3000),
        "empty": b"",
        "truncated": data[: len(data) // 2],
        "text": b"hello, not a checkpoint",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(checkpoint.CheckpointError) as info:
            checkpoint.load(path)
        assert info.value.code == "checkpoint.corrupt", name
    foreign = tmp_path / "foreign.pt"
    torch.save(torch.nn.Linear(1, 1).state_dict(), foreign)
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.load(foreign)
    assert info.value.code == "checkpoint.foreign"
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.load(tmp_path / "missing.pt")
    assert info.value.code == "checkpoint.unreadable"


def test_tampered_contents_are_refused(tmp_path):
    s = TrainingSession()
    payload = torch.load(__import__("io").BytesIO(checkpoint.to_bytes(s)), weights_only=True)
    payload["state"]["model"]["weight"] = torch.zeros(3, 3)
    path = tmp_path / "t.pt"
    torch.save(payload, path)
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.load(path)
    assert info.value.code == "checkpoint.inconsistent"
    payload["config"]["lr"] = -4
    torch.save(payload, path)
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.load(path)
    assert info.value.code == "checkpoint.bad_config"
    assert zipfile.is_zipfile(path)


def test_atomic_write_survives_crash_before_rename(tmp_path, monkeypatch):
    path = tmp_path / "state.pt"
    fileio.atomic_write_bytes(path, b"version one")

    def crash(tmp, target):
        raise OSError("power cut")

    monkeypatch.setattr(fileio, "_replace", crash)
    with pytest.raises(OSError):
        fileio.atomic_write_bytes(path, b"version two, half written")
    assert path.read_bytes() == b"version one"
    assert [p.name for p in tmp_path.iterdir()] == ["state.pt"]  # no temp file left
