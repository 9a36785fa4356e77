"""Entry point for `gradlab` and `python -m gradlab`. Kept thin: heavy imports are lazy."""

import sys


def main(argv=None):
    from gradlab.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
