"""Entry script of the bundled app (PyInstaller builds the `gradlab` executable from it).

It does what the `gradlab` console script does (gradlab.__main__:main), plus the
hidden self-test mode (`GRADLAB_SELFTEST=1`, see gradlab/selftest.py) that the
smoke tests and the start-up measurements use on the built bundle.
"""

import os
import sys


def _main() -> int:
    if os.environ.get("GRADLAB_SELFTEST", "") not in ("", "0"):
        from gradlab.selftest import run_selftest

        return run_selftest()
    from gradlab.__main__ import main

    return main()


if __name__ == "__main__":
    sys.exit(_main())
