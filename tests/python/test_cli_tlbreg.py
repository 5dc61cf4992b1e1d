"""``comrt tlb register|unregister`` and comrt._comrt.register_typelib /
unregister_typelib on scratch registries.

COMRT_REGISTRY / COMRT_SYSTEM_REGISTRY point at tmp_path files for every
test, so the user's registry is never touched.  What is written is checked
through comrt.registry (HKEY_CLASSES_ROOT); the C tests
(tests/c/runtime/test_tlbreg.c) and the tlbreg golden cover the details.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:
    from comrt import _comrt, registry
    from comrt.cli import main as cli_main
except ImportError:  # pragma: no cover - only while the binding is not built
    _comrt = None

pytestmark = pytest.mark.skipif(_comrt is None or not hasattr(_comrt, "register_typelib"),
                                reason="register_typelib is not built into this install yet")

FIXTURES = Path(__file__).resolve().parent.parent / "typelib" / "fixtures"
ALL = FIXTURES / "comrt_all.tlb"
ALL32 = FIXTURES / "comrt_all32.tlb"
LIBID = "{6A2F1C00-0B1E-4C5A-9F00-000000000100}"
LIBKEY = "TypeLib\\" + LIBID
IALLDUAL = "Interface\\{6A2F1C00-0B1E-4C5A-9F00-000000000107}"


@pytest.fixture(autouse=True)
def hives(tmp_path, monkeypatch):
    monkeypatch.setenv("COMRT_REGISTRY", str(tmp_path / "user.db"))
    monkeypatch.setenv("COMRT_SYSTEM_REGISTRY", str(tmp_path / "system.db"))


def default_value(path):
    """HKCR\\path's default value, or None when the key does not exist."""
    try:
        handle = _comrt.reg_open(_comrt.HKEY_CLASSES_ROOT, path, 0)
    except FileNotFoundError:
        return None
    try:
        kind, data = _comrt.reg_query_value(handle, None)
    finally:
        _comrt.reg_close(handle)
    assert kind == 1  # REG_SZ
    return data.decode("utf-16-le").rstrip("\0")


def test_binding_register_and_unregister():
    info = _comrt.register_typelib(str(ALL))
    assert info == (LIBID, 3, 7, 0x409, 3)
    assert default_value(LIBKEY + "\\3.7\\409\\win64") == str(ALL)
    assert default_value(LIBKEY + "\\3.7") == "comrt every-construct test library"
    assert default_value(IALLDUAL) == "IAllDual"
    assert _comrt.unregister_typelib(ALL) == info
    assert default_value(LIBKEY) is None
    assert default_value(IALLDUAL) is None


def test_binding_errors():
    with pytest.raises(_comrt.COMError) as exc:
        _comrt.unregister_typelib(str(ALL))  # not registered
    assert exc.value.hresult & 0xFFFFFFFF == 0x80070057
    with pytest.raises(_comrt.COMError) as exc:
        _comrt.register_typelib(str(FIXTURES / "no_such_file.tlb"))
    assert exc.value.hresult & 0xFFFFFFFF == 0x80029C4A  # TYPE_E_CANTLOADLIBRARY
    with pytest.raises(ValueError):
        _comrt.register_typelib("a\0b")


def test_cli_register_relative_path_helpdir_and_user(tmp_path, monkeypatch, capsys):
    work = tmp_path / "libs"
    work.mkdir()
    shutil.copy(ALL32, work / "all32.tlb")
    monkeypatch.chdir(work)
    assert cli_main(["tlb", "register", "all32.tlb", "--helpdir", "/opt/help"]) == 0
    out = capsys.readouterr().out
    assert out == "registered %s 3.7 lcid 409 win32: %s\n" % (LIBID, work / "all32.tlb")
    # the registry records the absolute path, whatever the current directory
    assert default_value(LIBKEY + "\\3.7\\409\\win32") == str(work / "all32.tlb")
    assert default_value(LIBKEY + "\\3.7\\HELPDIR") == "/opt/help"

    assert cli_main(["tlb", "register", "--user", str(ALL)]) == 0
    capsys.readouterr()
    handle = _comrt.reg_open(_comrt.HKEY_CURRENT_USER, "Software\\Classes\\" + LIBKEY + "\\3.7\\409\\win64", 0)
    _comrt.reg_close(handle)

    assert cli_main(["tlb", "unregister", "all32.tlb"]) == 0
    assert capsys.readouterr().out == "unregistered %s 3.7 lcid 409 win32\n" % LIBID
    assert default_value(LIBKEY + "\\3.7\\409\\win32") is None
    assert default_value(LIBKEY + "\\3.7\\409\\win64") == str(ALL)  # the other platform stays
    assert cli_main(["tlb", "unregister", "--user", str(ALL)]) == 0
    capsys.readouterr()
    assert default_value(LIBKEY) is None


def test_cli_failures(capsys):
    assert cli_main(["tlb", "unregister", str(ALL)]) == 1
    err = capsys.readouterr().err
    assert "cannot unregister" in err and "not registered" in err
    assert cli_main(["tlb", "register", str(FIXTURES / "bad_magic.tlb")]) == 1
    assert "cannot register" in capsys.readouterr().err


def test_cli_subprocess_exit_status(tmp_path):
    env = dict(os.environ)
    run = subprocess.run([sys.executable, "-m", "comrt", "tlb", "register", str(ALL)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode().startswith("registered " + LIBID)
    run = subprocess.run([sys.executable, "-m", "comrt", "tlb", "unregister", str(ALL)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.returncode == 0, run.stderr
    assert default_value(LIBKEY) is None
