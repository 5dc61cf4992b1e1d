"""Test-session set-up shared by every test module.

No test may touch the user's real COM registry: LoadTypeLib of a bare file
name registers the library (as on Windows), servers register themselves,
and the CLI writes where it is told.  Before anything loads libcomrt, the
per-user and system databases are pointed at a scratch folder for the whole
session; tests that need their own registry still set the variables
themselves (monkeypatch), which takes precedence.
"""
import os
import tempfile

_scratch = tempfile.mkdtemp(prefix="comrt-pytest-registry-")
os.environ["COMRT_REGISTRY"] = os.path.join(_scratch, "user.db")
os.environ["COMRT_SYSTEM_REGISTRY"] = os.path.join(_scratch, "system.db")
