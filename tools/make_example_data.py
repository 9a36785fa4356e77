"""Write GradLab's example data sets, gradlab/assets/data/*.csv (developer tool).

    .venv/bin/python tools/make_example_data.py [--check]

The values are made here, from a fixed seed of Python's own random generator, so
anyone can make the same files again; `--check` fails when the files in the
package differ from what this script makes (tests/core/test_example_data.py runs
it). Each value is rounded to one decimal, as a thermometer or a ruler reads it.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "gradlab" / "assets" / "data"


def celsius() -> str:
    """24 readings of one thermometer in Fahrenheit against a reference in Celsius,
    from -10 °C to 40 °C: F = 1.8·C + 32, each reading off by up to about 1 °F."""
    rng = random.Random(1724)
    rows = ["celsius,fahrenheit"]
    for i in range(24):
        c = round(-10 + 50 * i / 23 + rng.uniform(-0.4, 0.4), 1)
        f = round(1.8 * c + 32 + rng.gauss(0, 0.6), 1)
        rows.append(f"{c},{f}")
    return "\n".join(rows) + "\n"


def spring() -> str:
    """A spring stretched by weights: its length in cm for 0 to 10 N, measured
    twice each with a ruler (Hooke's law: length = 12 + 0.85·force)."""
    rng = random.Random(1678)
    rows = ["force_N,length_cm"]
    for force in range(11):
        for _ in range(2):
            rows.append(f"{force}.0,{round(12 + 0.85 * force + rng.gauss(0, 0.12), 1)}")
    return "\n".join(rows) + "\n"


FILES = {"celsius.csv": celsius, "spring.csv": spring}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    stale = []
    for name, make in FILES.items():
        path = OUT / name
        text = make()
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print(f"out of date: {', '.join(stale)} (run tools/make_example_data.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
