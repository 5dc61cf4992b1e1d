"""``python -m comrt``: the ``comrt`` command line (see comrt.cli).

The console script ``comrt`` ([project.scripts] in pyproject.toml) calls
``main`` here too, so both spellings run the same code.
"""
import sys
from typing import List, Optional

from comrt.cli import main as _cli_main


def main(argv: Optional[List[str]] = None) -> int:
    """Runs the command line with argv (default: sys.argv[1:]); returns the exit status."""
    return _cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
