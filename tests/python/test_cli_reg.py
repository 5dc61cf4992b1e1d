"""``comrt reg list|show|import|export|delete`` on scratch registries.

COMRT_REGISTRY / COMRT_SYSTEM_REGISTRY point at tmp_path files for every
test (set before the first registry call; libcomrt re-reads them on each
call), so the user's registry is never touched.  Most cases call
comrt.cli.main in-process; one runs ``python -m comrt`` to check the real
stdout (binary .reg data) and the exit status.
"""
import os
import subprocess
import sys

import pytest

try:
    from comrt import registry
    from comrt.cli import main as cli_main
except ImportError:  # pragma: no cover - only while the binding is not built
    registry = None

pytestmark = pytest.mark.skipif(registry is None, reason="comrt.registry is not built into this install yet")

CLSID = "{12345678-1234-1234-1234-123456789ABC}"

SAMPLE = (
    "Windows Registry Editor Version 5.00\r\n\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\CLSID\\%s]\r\n"
    "@=\"Sample Object\"\r\n"
    "\"Flags\"=dword:0000002a\r\n"
    "\"Blob\"=hex:de,ad,be,ef\r\n"
    "\"List\"=hex(7):61,00,00,00,62,00,00,00,00,00\r\n"
    "\"Big\"=hex(b):00,00,00,00,01,00,00,00\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\CLSID\\%s\\InprocServer32]\r\n"
    "@=\"/usr/lib/sample.so\"\r\n"
    "\"ThreadingModel\"=\"Apartment\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\CLSID\\%s\\ProgID]\r\n"
    "@=\"Sample.Object.1\"\r\n"
) % (CLSID, CLSID, CLSID)

KEY = "HKCR\\CLSID\\" + CLSID


@pytest.fixture(autouse=True)
def hives(tmp_path, monkeypatch):
    monkeypatch.setenv("COMRT_REGISTRY", str(tmp_path / "user.db"))
    monkeypatch.setenv("COMRT_SYSTEM_REGISTRY", str(tmp_path / "system.db"))


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample.reg"
    path.write_bytes(b"\xff\xfe" + SAMPLE.encode("utf-16-le"))
    assert cli_main(["reg", "import", str(path)]) == 0
    return path


def test_import_list_show(sample, capsys):
    capsys.readouterr()
    assert cli_main(["reg", "list", KEY]) == 0
    assert capsys.readouterr().out.splitlines() == ["InprocServer32", "ProgID"]
    assert cli_main(["reg", "show", KEY]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "[HKEY_CLASSES_ROOT\\CLSID\\%s]" % CLSID
    rows = [line.split(None, 2) for line in lines[1:]]
    assert rows == [
        ["(Default)", "REG_SZ", "Sample Object"],
        ["Big", "REG_QWORD", "0x0000000100000000 (4294967296)"],
        ["Blob", "REG_BINARY", "de ad be ef"],
        ["Flags", "REG_DWORD", "0x0000002a (42)"],
        ["List", "REG_MULTI_SZ", '"a" "b"'],
    ]


def test_list_missing_key(capsys):
    assert cli_main(["reg", "list", "HKCU\\Software\\nothing"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("comrt: HKCU\\Software\\nothing: ")
    assert "Traceback" not in err


def test_bad_root(capsys):
    assert cli_main(["reg", "show", "HKU\\x"]) == 1
    assert "HKCR, HKCU or HKLM" in capsys.readouterr().err


def test_import_error_reports_line(tmp_path, capsys):
    bad = tmp_path / "bad.reg"
    bad.write_bytes(b"REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Software\\x]\r\n\"a\"=dword:1\r\n\"b\"=hex:zz\r\n")
    assert cli_main(["reg", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("comrt: %s: line 5: " % bad), err
    assert cli_main(["reg", "list", "HKCU\\Software"]) == 1  # nothing was imported


def test_import_missing_file(tmp_path, capsys):
    assert cli_main(["reg", "import", str(tmp_path / "none.reg")]) == 1
    assert capsys.readouterr().err.startswith("comrt: %s: " % (tmp_path / "none.reg"))


def test_export_file_round_trip(sample, tmp_path, capsys):
    out = tmp_path / "out.reg"
    assert cli_main(["reg", "export", KEY, str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xff\xfe")
    text = data.decode("utf-16")
    assert text.startswith("Windows Registry Editor Version 5.00\r\n")
    assert "[HKEY_CLASSES_ROOT\\CLSID\\%s\\InprocServer32]" % CLSID in text
    out4 = tmp_path / "out4.reg"
    assert cli_main(["reg", "export", KEY, str(out4), "--regedit4"]) == 0
    assert out4.read_bytes().startswith(b"REGEDIT4\r\n")
    # Delete and re-import the export: the same values come back.
    before = registry.open_key(KEY).values()
    assert cli_main(["reg", "delete", KEY]) == 0
    assert cli_main(["reg", "import", str(out)]) == 0
    with registry.open_key(KEY) as key:
        assert sorted(key.values()) == sorted(before)


def test_export_to_stdout_subprocess(sample, tmp_path):
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "comrt", "reg", "export", KEY, "--regedit4"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")
    assert text.startswith("REGEDIT4\r\n")
    assert '"ThreadingModel"="Apartment"' in text
    proc = subprocess.run([sys.executable, "-m", "comrt", "reg", "export", KEY],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"\xff\xfe")
    proc = subprocess.run([sys.executable, "-m", "comrt", "reg", "export", "HKCU\\nothing"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=60)
    assert proc.returncode == 1 and proc.stdout == b""
    assert proc.stderr.startswith(b"comrt: HKCU\\nothing: ")


def test_export_missing_key_to_file(tmp_path, capsys):
    assert cli_main(["reg", "export", "HKCU\\nothing", str(tmp_path / "x.reg")]) == 1
    assert not (tmp_path / "x.reg").exists()


def test_delete_dry_run_then_delete(sample, capsys):
    capsys.readouterr()
    assert cli_main(["reg", "delete", KEY, "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "would delete [HKEY_CLASSES_ROOT\\CLSID\\%s] (5 values)" % CLSID,
        "would delete [HKEY_CLASSES_ROOT\\CLSID\\%s\\InprocServer32] (2 values)" % CLSID,
        "would delete [HKEY_CLASSES_ROOT\\CLSID\\%s\\ProgID] (1 values)" % CLSID,
    ]
    registry.open_key(KEY).close()  # still there
    assert cli_main(["reg", "delete", KEY]) == 0
    with pytest.raises(FileNotFoundError):
        registry.open_key(KEY)
    assert cli_main(["reg", "delete", KEY]) == 1
    assert "comrt: " in capsys.readouterr().err


def test_delete_value(sample, capsys):
    sub = KEY + "\\InprocServer32"
    capsys.readouterr()
    assert cli_main(["reg", "delete", sub, "--value", "ThreadingModel", "--dry-run"]) == 0
    assert capsys.readouterr().out == "would delete value ThreadingModel of [HKEY_CLASSES_ROOT\\CLSID\\%s\\InprocServer32]\n" % CLSID
    assert cli_main(["reg", "delete", sub, "--value", "ThreadingModel"]) == 0
    assert cli_main(["reg", "delete", sub, "--value", "@"]) == 0  # the default value
    with registry.open_key(sub) as key:
        assert key.values() == []
    assert cli_main(["reg", "delete", sub, "--value", "ThreadingModel"]) == 1
    assert "ThreadingModel" in capsys.readouterr().err


def test_delete_refuses_root(capsys):
    assert cli_main(["reg", "delete", "HKCU"]) == 1
    assert "refusing" in capsys.readouterr().err


def test_help_lists_reg(capsys):
    with pytest.raises(SystemExit):
        cli_main(["--help"])
    assert "reg" in capsys.readouterr().out
