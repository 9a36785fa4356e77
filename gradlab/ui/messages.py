"""Messages to the student: a stable code and its values, made in either thread
and translated by the GUI (texts.message_text), and the message for each event
the core reports after a call."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    """Something to tell the student: a stable code (translated by the GUI) and values."""

    level: str  # "info", "warning" or "error"
    code: str
    args: dict = field(default_factory=dict)


def event_message(event, session) -> Message:
    """What to tell the student about a core Event (how bad it is, and the numbers
    the text needs), read from the session right after the call."""
    level = "info"
    if event.code.endswith("diverged"):
        level = "error"
    elif event.code in (
        "backward.accumulated",
        "step.no_grad",
        "zero_grad.skipped",
        "loss.broadcast",
    ):
        level = "warning"
    args = {
        "args": event.args,
        "lr": session.lr,
        "step": session.step_count,
        "loss_kind": session.config.loss,
    }
    return Message(level, event.code, args)
