"""`make bench`: run every benchmark script in its own process, in order, and
print each one's JSON line (the machine is noisy: run it on a quiet machine)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ("bench_startup.py", []),
    ("bench_phase_latency.py", []),
    ("bench_streaming.py", []),
    ("bench_soak.py", []),
]


def main() -> int:
    failed = 0
    for name, args in SCRIPTS:
        if not (HERE / name).exists():
            continue
        done = subprocess.run(
            [sys.executable, str(HERE / name), *args], capture_output=True, text=True, cwd=HERE
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode or not lines:
            failed += 1
            print(f'{{"benchmark": "{name}", "error": {done.returncode}}}')
            sys.stderr.write(done.stderr[-2000:])
        for line in lines:
            print(line, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
