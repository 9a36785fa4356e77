"""The student's session as a list of actions, each one PyTorch call or a setting.

Every call the session runs is recorded here, in order, so that
`codegen.session_script()` can write a script that replays exactly what the
student did. Runs of full updates merge into one entry, so a million-step run
is one line, and the log stays small.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ACTIONS = 50_000  # far beyond any clicking; older entries are summarised


@dataclass
class Action:
    kind: str  # setup | phase | refused | updates | lr | skip | params | stepped_back
    args: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Mark:
    """A point in the log: its length and the count of its last `updates` entry."""

    length: int
    last_updates: int | None


class ActionLog:
    def __init__(self):
        self.actions: list[Action] = []
        self.dropped = 0  # entries dropped from the front (only past MAX_ACTIONS)
        self.version = 0  # bumped by every change, so readers can skip an unchanged log

    def __len__(self) -> int:
        return len(self.actions)

    def add(self, kind: str, **args) -> None:
        self.version += 1
        last = self.actions[-1] if self.actions else None
        if (
            kind == "updates"
            and last is not None
            and last.kind == "updates"
            and last.args["skip_zero_grad"] == args["skip_zero_grad"]
        ):
            last.args["n"] += args["n"]
            return
        self.actions.append(Action(kind, dict(args)))
        if len(self.actions) > MAX_ACTIONS:
            # Keep the experiment's setup: drop the oldest actions after it.
            del self.actions[1:2]
            self.dropped += 1

    def mark(self) -> Mark:
        last = self.actions[-1] if self.actions else None
        n = last.args["n"] if last is not None and last.kind == "updates" else None
        return Mark(len(self.actions) + self.dropped, n)

    def rewind(self, mark: Mark) -> None:
        """Back to `mark` (what step-back undid is no longer part of the session)."""
        self.version += 1
        del self.actions[max(1, mark.length - self.dropped) :]
        if mark.last_updates is not None and self.actions[-1].kind == "updates":
            self.actions[-1].args["n"] = mark.last_updates

    def copy(self) -> list[Action]:
        return [Action(a.kind, dict(a.args)) for a in self.actions]

    def to_list(self) -> list[dict]:
        return [{"kind": a.kind, "args": dict(a.args)} for a in self.actions]

    @classmethod
    def from_list(cls, items: list[dict]) -> ActionLog:
        log = cls()
        for item in items:
            log.actions.append(Action(str(item["kind"]), dict(item["args"])))
        return log
