"""GradLab's engine: pure PyTorch and the standard library. Never imports Qt."""
