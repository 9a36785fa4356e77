"""GradLab: watch a first PyTorch training loop run, one call at a time."""

__version__ = "0.1.0"
