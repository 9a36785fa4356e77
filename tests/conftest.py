"""Shared test configuration: headless Qt, one torch thread like the app's worker."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
