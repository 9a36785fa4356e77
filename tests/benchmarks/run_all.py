"""`make bench`: run every benchmark script in its own process, in order, and
print each one's JSON line (the machine is noisy: run it on a quiet machine).

`make bench-load` (`run_all.py --load`): only the startup and streaming
benchmarks, each beside one busy background process, for a busy laptop's figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOADED = [("bench_startup.py", ["--load"]), ("bench_streaming.py", ["--load"])]
SCRIPTS = [
    ("bench_startup.py", []),
    ("bench_phase_latency.py", []),
    ("bench_streaming.py", []),
    ("bench_soak.py", []),
]


def main() -> int:
    unknown = [a for a in sys.argv[1:] if a != "--load"]
    if unknown:
        print(f"run_all.py: unknown option {unknown[0]!r}; the only option is --load")
        return 2
    failed = 0
    for name, args in LOADED if "--load" in sys.argv[1:] else SCRIPTS:
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
