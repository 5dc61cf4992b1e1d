"""``comrt tlb``: type-library tools.

``comrt tlb dump FILE`` prints a library as IDL (comrt.cli.idl);
``comrt tlb dump --json FILE`` prints the same content as JSON
(comrt.cli.tlbmodel, schema in docs/cli.md).  FILE is what LoadTypeLib
accepts: a .tlb, or a .dll/.ocx/.exe holding TYPELIB resources, with an
optional ``\\N`` suffix picking resource N.  The library is loaded with
REGKIND_NONE: dumping never registers anything.
"""
import argparse
import json
import sys
from typing import Any, Optional, TextIO

from comrt import COMError, hresult
from comrt import typeinfo
from comrt.cli import idl, tlbmodel


def register(subparsers: Any) -> None:
    """Adds ``tlb`` and its subcommands to the top-level parser."""
    tlb = subparsers.add_parser("tlb", help="read type libraries",
                                description="Read type libraries (.tlb, or TYPELIB resources in PE files).")
    sub = tlb.add_subparsers(title="commands", metavar="COMMAND")
    sub.required = True
    dump = sub.add_parser(
        "dump", help="print a type library as IDL or JSON",
        description="Print a type library as IDL (the default) or as JSON (--json).",
        epilog="FILE may end in \\N to pick the N-th TYPELIB resource of a PE file (e.g. 'x.dll\\2').")
    dump.add_argument("file", metavar="FILE", help="a .tlb file, or a .dll/.ocx/.exe with a TYPELIB resource")
    dump.add_argument("--json", action="store_true", help="print JSON (schema: docs/cli.md) instead of IDL")
    dump.set_defaults(func=run_dump)


def _error(text: str) -> None:
    """One line on stderr; a file name that is not UTF-8 comes out as its bytes."""
    line = "comrt: %s\n" % text
    buffer = getattr(sys.stderr, "buffer", None)
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    if buffer is None:
        sys.stderr.write(line)
    else:
        sys.stderr.flush()
        try:
            data = line.encode(encoding, errors="surrogateescape")
        except UnicodeEncodeError:
            data = line.encode(encoding, errors="backslashreplace")
        buffer.write(data)
    sys.stderr.flush()


def describe_hresult(hr: int) -> str:
    """'NAME message' for an HRESULT ('0x8002801D message' when it has no name)."""
    hr &= 0xFFFFFFFF
    name = hresult.name(hr) or "0x%08X" % hr
    message = (hresult.message(hr) or "").strip()
    return ("%s %s" % (name, message)).strip()


def _write(stream: TextIO, text: str, encoding: Optional[str] = None) -> None:
    """Writes text in encoding (default: the stream's) whatever it holds:
    what the encoding cannot carry becomes a backslash escape.  JSON is
    written as UTF-8, where only a lone surrogate (from a damaged name)
    needs one, and its \\udXXX is a valid escape inside a JSON string."""
    encoding = encoding or getattr(stream, "encoding", None) or "utf-8"
    data = text.encode(encoding, errors="backslashreplace")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        stream.write(data.decode(encoding))
        stream.flush()


def run_dump(args: argparse.Namespace) -> int:
    """``comrt tlb dump``: 0 on success, 1 when the file cannot be loaded."""
    path = args.file
    try:
        tlib = typeinfo.LoadTypeLibEx(path, typeinfo.REGKIND_NONE)
    except COMError as exc:
        _error("cannot load %s: %s" % (path, describe_hresult(exc.hresult)))
        return 1
    except (ValueError, TypeError, OSError) as exc:  # a NUL in the name, an unencodable path
        _error("cannot load %s: %s" % (path, exc))
        return 1
    try:
        model = tlbmodel.library_model(tlib, path)
    except COMError as exc:  # the library itself is unreadable (members are handled inside)
        _error("cannot read %s: %s" % (path, describe_hresult(exc.hresult)))
        return 1
    except Exception as exc:  # noqa: BLE001 - damaged input must not end in a traceback
        _error("cannot read %s: %s: %s" % (path, type(exc).__name__, exc))
        return 1
    if args.json:
        text = json.dumps(model, indent=2, ensure_ascii=False) + "\n"
        _write(sys.stdout, text, "utf-8")
    else:
        _write(sys.stdout, idl.render(model))
    return 0
