"""The ``comrt`` command line: one argparse subcommand per area.

Each area lives in its own module with a ``register(subparsers)`` that adds
its subcommand and sets ``func`` (a callable taking the parsed arguments
and returning the exit status).  Today: ``comrt tlb`` (type libraries,
comrt.cli.tlb), ``comrt reg`` (the registry, comrt.cli.reg) and ``comrt
register`` / ``comrt unregister`` (in-process servers, comrt.cli.server).
Later areas add a module and one line in ``_AREAS``.

The tools use only comrt's public Python API, as any other program would.
Errors the user can cause (a missing or damaged file) are reported on
stderr as ``comrt: ...`` with exit status 1, never as a traceback.
"""
import argparse
import os
import sys
from typing import List, Optional

from comrt.cli import reg, server, tlb

# Modules that add a subcommand, in the order --help lists them.
_AREAS = (tlb, reg, server)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line's parser (exposed for tests and docs)."""
    parser = argparse.ArgumentParser(
        prog="comrt",
        description="comrt: COM for Linux — command-line tools.",
    )
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    sub.required = True
    for area in _AREAS:
        area.register(sub)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    """Parses argv (default: sys.argv[1:]), runs the subcommand, returns its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = int(args.func(args))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`comrt tlb dump x | head`): not an error of
        # ours.  Point stdout at /dev/null so the interpreter's final flush
        # does not complain again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 1
    except KeyboardInterrupt:
        return 130
    return status
