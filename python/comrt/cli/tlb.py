"""``comrt tlb``: type-library tools.

``comrt tlb dump FILE`` prints a library as IDL (comrt.cli.idl);
``comrt tlb dump --json FILE`` prints the same content as JSON
(comrt.cli.tlbmodel, schema in docs/cli.md).  FILE is what LoadTypeLib
accepts: a .tlb, or a .dll/.ocx/.exe holding TYPELIB resources, with an
optional ``\\N`` suffix picking resource N.  The library is loaded with
REGKIND_NONE: dumping never registers anything.

``comrt tlb register FILE`` / ``comrt tlb unregister FILE`` add or remove
the library's registration (RegisterTypeLib / UnRegisterTypeLib: the
TypeLib and Interface keys of HKEY_CLASSES_ROOT), as regtlib does on
Windows; ``--user`` uses the ...ForUser variants (HKCU\\Software\\Classes).
"""
import argparse
import json
import os
import sys
from typing import Any, Optional, TextIO

from comrt import COMError, hresult
from comrt import typeinfo
from comrt import _comrt
from comrt.cli import idl, tlbmodel
from comrt.cli.output import error as _error


def register(subparsers: Any) -> None:
    """Adds ``tlb`` and its subcommands to the top-level parser."""
    tlb = subparsers.add_parser("tlb", help="read and register type libraries",
                                description="Read and register type libraries (.tlb, or TYPELIB resources in PE "
                                            "files).")
    sub = tlb.add_subparsers(title="commands", metavar="COMMAND")
    sub.required = True
    dump = sub.add_parser(
        "dump", help="print a type library as IDL or JSON",
        description="Print a type library as IDL (the default) or as JSON (--json).",
        epilog="FILE may end in \\N to pick the N-th TYPELIB resource of a PE file (e.g. 'x.dll\\2').")
    dump.add_argument("file", metavar="FILE", help="a .tlb file, or a .dll/.ocx/.exe with a TYPELIB resource")
    dump.add_argument("--json", action="store_true", help="print JSON (schema: docs/cli.md) instead of IDL")
    dump.set_defaults(func=run_dump)
    reg = sub.add_parser(
        "register", help="register a type library (RegisterTypeLib)",
        description="Register a type library under HKEY_CLASSES_ROOT: TypeLib\\{libid}\\MAJ.MIN with its "
                    "absolute path, and Interface keys for its dispinterfaces and [oleautomation] interfaces.",
        epilog="FILE may end in \\N to pick the N-th TYPELIB resource of a PE file (e.g. 'x.dll\\2').")
    reg.add_argument("file", metavar="FILE", help="a .tlb file, or a .dll/.ocx/.exe with a TYPELIB resource")
    reg.add_argument("--helpdir", metavar="DIR", help="the help folder to record (default: FILE's folder)")
    reg.add_argument("--user", action="store_true", help="RegisterTypeLibForUser: HKCU\\Software\\Classes")
    reg.set_defaults(func=run_register)
    unreg = sub.add_parser(
        "unregister", help="remove a type library's registration (UnRegisterTypeLib)",
        description="Remove the registration of the type library in FILE (its LIBID, version, LCID and "
                    "platform); other versions stay.")
    unreg.add_argument("file", metavar="FILE", help="a .tlb file, or a .dll/.ocx/.exe with a TYPELIB resource")
    unreg.add_argument("--user", action="store_true", help="UnRegisterTypeLibForUser: HKCU\\Software\\Classes")
    unreg.set_defaults(func=run_unregister)


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


_PLATFORMS = {0: "win16", 1: "win32", 2: "mac", 3: "win64"}


def _describe(info: Any) -> str:
    """'{libid} MAJ.MIN lcid LCID PLATFORM' for register_typelib's tuple."""
    libid, major, minor, lcid, syskind = info
    return "%s %x.%x lcid %x %s" % (libid, major, minor, lcid, _PLATFORMS.get(syskind, str(syskind)))


def _absolute(path: str) -> str:
    """FILE as an absolute path, keeping a trailing \\N resource number
    (the registry records where the library is, wherever it is run from)."""
    if os.path.exists(path):
        return os.path.abspath(path)
    head, sep, tail = path.rpartition("\\")
    if sep and tail.isdigit() and os.path.exists(head):
        return os.path.abspath(head) + sep + tail
    return os.path.abspath(path)


def run_register(args: argparse.Namespace) -> int:
    """``comrt tlb register``: 0 on success, 1 on failure."""
    path = _absolute(args.file)
    try:
        info = _comrt.register_typelib(path, args.helpdir, bool(args.user))
    except COMError as exc:
        _error("cannot register %s: %s" % (args.file, describe_hresult(exc.hresult)))
        return 1
    except (ValueError, TypeError, OSError) as exc:
        _error("cannot register %s: %s" % (args.file, exc))
        return 1
    _write(sys.stdout, "registered %s: %s\n" % (_describe(info), path))
    return 0


def run_unregister(args: argparse.Namespace) -> int:
    """``comrt tlb unregister``: 0 on success, 1 on failure (E_INVALIDARG:
    that library is not registered)."""
    path = _absolute(args.file)
    try:
        info = _comrt.unregister_typelib(path, bool(args.user))
    except COMError as exc:
        why = describe_hresult(exc.hresult)
        if exc.hresult & 0xFFFFFFFF == 0x80070057:
            why = "not registered (%s)" % why
        _error("cannot unregister %s: %s" % (args.file, why))
        return 1
    except (ValueError, TypeError, OSError) as exc:
        _error("cannot unregister %s: %s" % (args.file, exc))
        return 1
    _write(sys.stdout, "unregistered %s\n" % _describe(info))
    return 0
