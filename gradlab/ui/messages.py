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


def failure_args(exc: BaseException) -> dict:
    """Why a file operation failed, in one line, as a message's "error": the
    system's words for an OSError ("No space left on device"), else the
    exception's type and text."""
    from gradlab.core.checks import one_line

    if isinstance(exc, OSError) and exc.strerror:
        return {"error": one_line(exc.strerror, 200)}
    return {"error": one_line(f"{type(exc).__name__}: {exc}", 200)}


def refusal_args(exc: BaseException) -> dict:
    """A refused checkpoint's message values: the core's one line, its stable
    code and the field it names (an error that is not the file's has neither)."""
    code = getattr(exc, "code", "")
    if not (isinstance(code, str) and code.startswith("checkpoint.")):
        return {**failure_args(exc), "code": "", "field": ""}
    return {"error": str(exc), "code": code, "field": getattr(exc, "field", None) or ""}
