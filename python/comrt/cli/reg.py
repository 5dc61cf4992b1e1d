"""``comrt reg``: the COM registry from the command line (comrt.registry).

``comrt reg list KEY`` prints the subkeys, ``comrt reg show KEY`` the
values (regedit's columns: name, type, data), ``comrt reg import FILE.reg``
imports a .reg file (an error names its line), ``comrt reg export KEY
[FILE] [--regedit4]`` writes one (stdout by default) and ``comrt reg delete
KEY [--value NAME] [--dry-run]`` deletes a key tree or one value without
asking.  KEY is a path such as ``HKCR\\CLSID\\{...}`` or
``HKEY_CURRENT_USER\\Software\\...``.  Errors go to stderr as
``comrt: ...`` with exit status 1.
"""
import os
import re
import shutil
import sys
import tempfile
from typing import Any, Iterator, List, Tuple

from comrt import registry
from comrt.cli.output import error as _error, out as _out


def register(subparsers: Any) -> None:
    """Adds ``reg`` and its subcommands to the top-level parser."""
    reg = subparsers.add_parser(
        "reg", help="read and change the COM registry",
        description="Read and change comrt's registry (HKCR, HKCU, HKLM).",
        epilog="KEY is a path such as 'HKCR\\CLSID\\{...}' or 'HKEY_CURRENT_USER\\Software\\...' "
               "(quote it: the shell eats backslashes).  COMRT_REGISTRY and COMRT_SYSTEM_REGISTRY "
               "choose the databases.")
    sub = reg.add_subparsers(title="commands", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("list", help="print the subkeys of a key", description="Print the subkeys of KEY, one per line.")
    p.add_argument("key", metavar="KEY")
    p.set_defaults(func=run_list)

    p = sub.add_parser("show", help="print the values of a key",
                       description="Print the values of KEY: name, type and data, as regedit shows them.")
    p.add_argument("key", metavar="KEY")
    p.set_defaults(func=run_show)

    p = sub.add_parser("import", help="import a .reg file",
                       description="Import a .reg file (REGEDIT4 or Windows Registry Editor Version 5.00), "
                                   "all or nothing.")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=run_import)

    p = sub.add_parser("export", help="write a key as a .reg file",
                       description="Write KEY and everything below it as a .reg file "
                                   "(version 5.00, UTF-16LE; or REGEDIT4, UTF-8).")
    p.add_argument("key", metavar="KEY")
    p.add_argument("file", metavar="FILE", nargs="?", help="where to write (default: stdout)")
    p.add_argument("--regedit4", action="store_true", help="write REGEDIT4 (UTF-8) instead of version 5.00")
    p.set_defaults(func=run_export)

    p = sub.add_parser("delete", help="delete a key tree or one value",
                       description="Delete KEY and everything below it, or with --value one value of KEY. "
                                   "Asks nothing.")
    p.add_argument("key", metavar="KEY")
    p.add_argument("--value", metavar="NAME",
                   help="delete only this value ('' or '@' for the default value)")
    p.add_argument("--dry-run", action="store_true", help="print what would be deleted, delete nothing")
    p.set_defaults(func=run_delete)


def _oserror(what: str, exc: OSError) -> int:
    text = (exc.strerror or str(exc)).strip()
    return _error("%s: %s" % (what, text))


def run_list(args: Any) -> int:
    try:
        with registry.open_key(args.key) as key:
            names = key.subkeys()
    except ValueError as exc:
        return _error(str(exc))
    except OSError as exc:
        return _oserror(args.key, exc)
    for name in names:
        _out(name)
    return 0


def format_data(type_: int, data: Any) -> str:
    """A value's data as regedit's Data column shows it."""
    if type_ in (registry.REG_DWORD, registry.REG_DWORD_BIG_ENDIAN) and isinstance(data, int):
        return "0x%08x (%d)" % (data, data)
    if type_ == registry.REG_QWORD and isinstance(data, int):
        return "0x%016x (%d)" % (data, data)
    if isinstance(data, list):
        return " ".join('"%s"' % s for s in data)
    if isinstance(data, bytes):
        return " ".join("%02x" % b for b in data) if data else "(zero-length binary value)"
    return str(data)


def run_show(args: Any) -> int:
    try:
        with registry.open_key(args.key) as key:
            path = key.path
            values = key.values()
    except ValueError as exc:
        return _error(str(exc))
    except OSError as exc:
        return _oserror(args.key, exc)
    _out("[%s]" % path)
    rows = [(name or "(Default)", registry.TYPE_NAMES.get(type_, "0x%x" % type_), format_data(type_, data))
            for name, type_, data in sorted(values, key=lambda v: (v[0] != "", v[0].upper()))]
    width_name = max([len(r[0]) for r in rows] + [4])
    width_type = max([len(r[1]) for r in rows] + [4])
    for name, tname, data in rows:
        _out(("%-*s  %-*s  %s" % (width_name, name, width_type, tname, data)).rstrip())
    return 0


_LINE_PREFIX = re.compile(r"^line[: ]\s*\d+:\s*")


def run_import(args: Any) -> int:
    try:
        registry.import_file(args.file)
    except OSError as exc:
        text = (exc.strerror or str(exc)).strip()
        line = getattr(exc, "lineno", 0) or 0
        if line:
            # libcomrt's description already starts with "line N:": keep
            # one prefix, built from the number the error carries.
            text = "line %d: %s" % (line, _LINE_PREFIX.sub("", text, count=1))
        return _error("%s: %s" % (args.file, text))
    return 0


def run_export(args: Any) -> int:
    if args.file is not None:
        try:
            registry.export_key(args.key, args.file, regedit4=args.regedit4)
        except ValueError as exc:
            return _error(str(exc))
        except OSError as exc:
            return _oserror(args.key, exc)
        return 0
    # To stdout: write a temporary file and copy it, so that stdout may be a
    # pipe, a file or a Python stream alike.
    tmpdir = tempfile.mkdtemp(prefix="comrt-reg-")
    try:
        target = os.path.join(tmpdir, "export.reg")
        try:
            registry.export_key(args.key, target, regedit4=args.regedit4)
        except ValueError as exc:
            return _error(str(exc))
        except OSError as exc:
            return _oserror(args.key, exc)
        with open(target, "rb") as f:
            data = f.read()
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text-only stream (tests): decode as the format says
        sys.stdout.write(data.decode("utf-8" if args.regedit4 else "utf-16", errors="replace"))
    return 0


def _walk(key: registry.Key) -> Iterator[Tuple[str, List[str]]]:
    """(path, value names) for key and every key below it, parents first."""
    yield key.path, [v[0] for v in key.values()]
    for name in key.subkeys():
        with key.open_key(name) as child:
            yield from _walk(child)


def run_delete(args: Any) -> int:
    try:
        root, root_name, sub = registry.split_path(args.key)
    except ValueError as exc:
        return _error(str(exc))
    try:
        if args.value is not None:
            name = "" if args.value in ("", "@") else args.value
            shown = "(Default)" if not name else name
            with registry.open_key(args.key, writable=not args.dry_run) as key:
                key.get_value(name)  # FileNotFoundError for a missing value, dry run or not
                if args.dry_run:
                    _out("would delete value %s of [%s]" % (shown, key.path))
                else:
                    key.delete_value(name)
            return 0
        if not sub:
            return _error("%s: refusing to delete a whole root" % args.key)
        if args.dry_run:
            with registry.open_key(args.key) as key:
                for path, values in _walk(key):
                    _out("would delete [%s]%s" % (path, " (%d values)" % len(values) if values else ""))
            return 0
        registry.delete_tree(args.key)
    except OSError as exc:
        return _oserror(args.key + (" value %s" % args.value if args.value is not None else ""), exc)
    return 0
