"""``comrt register`` / ``comrt unregister``: what regsvr32 does.

``comrt register FILE.so`` loads an in-process server and calls its
``DllRegisterServer`` (which writes its classes' keys, InprocServer32 and
ThreadingModel, into comrt's registry); ``comrt unregister FILE.so`` calls
``DllUnregisterServer``.  Both go through libcomrt's ComrtRegisterServer
inside an STA.  FILE is a path; when it names an existing file it is made
absolute first (so a server that registers its own path, found with
dladdr, registers one that works from any directory); otherwise it is
handed to dlopen as written (a bare name is then searched as dlopen
searches: LD_LIBRARY_PATH, the cache, the system directories).  Errors go
to stderr as ``comrt: FILE: ...`` with exit status 1.
"""
import os
from typing import Any

from comrt import _comrt
from comrt.cli.output import error as _error


def register(subparsers: Any) -> None:
    """Adds ``register`` and ``unregister`` to the top-level parser."""
    for name, doing, export in (("register", True, "DllRegisterServer"),
                                ("unregister", False, "DllUnregisterServer")):
        p = subparsers.add_parser(
            name, help="%s an in-process server (calls its %s)" % (name, export),
            description="Load the in-process server FILE (a shared object) and call its %s, "
                        "as regsvr32 does on Windows." % export,
            epilog="COMRT_REGISTRY and COMRT_SYSTEM_REGISTRY choose the registry databases.")
        p.add_argument("file", metavar="FILE", help="the server's shared object (.so)")
        p.set_defaults(func=run_register if doing else run_unregister)


def server_path(path: str) -> str:
    """The path handed to dlopen: absolute when the file exists as given."""
    return os.path.abspath(path) if os.path.exists(path) else path


def _run(path: str, doing: bool) -> int:
    try:
        _comrt.register_server(server_path(path), doing)
    except _comrt.COMError as exc:
        text = exc.text or _comrt.hresult_message(exc.hresult)
        return _error("%s: %s (0x%08X)" % (path, text, exc.hresult & 0xFFFFFFFF))
    return 0


def run_register(args: Any) -> int:
    return _run(args.file, True)


def run_unregister(args: Any) -> int:
    return _run(args.file, False)
