"""comrt.registry: keys, typed values, deletion, .reg import/export over
libcomrt's SQLite registry.

Every test points COMRT_REGISTRY / COMRT_SYSTEM_REGISTRY at files under
tmp_path before it touches the registry (libcomrt re-reads the variables on
each call and reopens when the path changed), so the user's real registry
is never read or written.
"""
import pathlib
import threading

import pytest

try:
    from comrt import registry
except ImportError:  # pragma: no cover - only while the binding is not built
    registry = None

pytestmark = pytest.mark.skipif(registry is None, reason="comrt.registry is not built into this install yet")

ERROR_FILE_NOT_FOUND = 2
ERROR_ACCESS_DENIED = 5


@pytest.fixture(autouse=True)
def hives(tmp_path, monkeypatch):
    """Fresh per-user and system databases for each test."""
    user = tmp_path / "user.db"
    system = tmp_path / "system.db"
    monkeypatch.setenv("COMRT_REGISTRY", str(user))
    monkeypatch.setenv("COMRT_SYSTEM_REGISTRY", str(system))
    return user, system


def test_paths_and_roots():
    assert registry.split_path("HKCR\\CLSID\\{X}") == (registry.HKEY_CLASSES_ROOT, "HKEY_CLASSES_ROOT", "CLSID\\{X}")
    assert registry.split_path("hkey_current_user\\Software\\")[1:] == ("HKEY_CURRENT_USER", "Software")
    assert registry.split_path("HKLM")[1:] == ("HKEY_LOCAL_MACHINE", "")
    for bad in ("", "HKU\\x", "Software\\x", "\\HKCU"):
        if bad == "\\HKCU":  # a leading backslash is an empty component: still HKCU
            assert registry.split_path(bad)[1] == "HKEY_CURRENT_USER"
            continue
        with pytest.raises(ValueError):
            registry.split_path(bad)


def test_create_open_subkeys_and_context_manager():
    with registry.create_key("HKCU\\Software\\comrt-test\\A\\B") as key:
        assert key.path == "HKEY_CURRENT_USER\\Software\\comrt-test\\A\\B"
        assert key.subkeys() == []
    with registry.create_key("HKCU\\Software\\comrt-test\\C"):
        pass
    key = registry.open_key("hkcu\\SOFTWARE\\COMRT-TEST")  # names are case-insensitive
    with key:
        assert sorted(key.subkeys()) == ["A", "C"]
        with key.open_key("a") as child:
            assert child.subkeys() == ["B"]
    assert key.closed
    with pytest.raises(ValueError):
        key.subkeys()


def test_missing_key_raises_filenotfound_with_winerror():
    with pytest.raises(FileNotFoundError) as info:
        registry.open_key("HKCU\\Software\\nothing-here")
    assert info.value.winerror == ERROR_FILE_NOT_FOUND
    assert isinstance(info.value, OSError)


def test_reading_does_not_create_database(hives):
    user, _system = hives
    with pytest.raises(FileNotFoundError):
        registry.open_key("HKCU\\Software\\x")
    assert not user.exists()


VALUES = [
    ("sz", "héllo wörld \U0001F600", registry.REG_SZ),
    ("expand", "%HOME%/x", registry.REG_EXPAND_SZ),
    ("dword", 0xDEADBEEF, registry.REG_DWORD),
    ("qword", 1 << 40, registry.REG_QWORD),
    ("multi", ["a", "bc", "d e"], registry.REG_MULTI_SZ),
    ("bin", b"\x00\x01\xff", registry.REG_BINARY),
    ("empty-bin", b"", registry.REG_BINARY),
    ("", "the default", registry.REG_SZ),
]


def test_value_types_round_trip():
    with registry.create_key("HKCU\\Software\\comrt-test") as key:
        for name, value, type_ in VALUES:
            key.set_value(name, value, type_ if type_ == registry.REG_EXPAND_SZ else None)
        for name, value, type_ in VALUES:
            assert key.get_value(name) == (value, type_), name
        got = {name: (type_, data) for name, type_, data in key.values()}
        assert got == {name: (type_, value) for name, value, type_ in VALUES}


def test_value_inference_and_encoding():
    assert registry.encode_value(5) == (registry.REG_DWORD, b"\x05\0\0\0")
    assert registry.encode_value(-1, registry.REG_DWORD) == (registry.REG_DWORD, b"\xff\xff\xff\xff")
    assert registry.encode_value(1 << 33)[0] == registry.REG_QWORD
    assert registry.encode_value(None) == (registry.REG_NONE, b"")
    assert registry.encode_value(["x"]) == (registry.REG_MULTI_SZ, "x\0\0".encode("utf-16-le"))
    assert registry.encode_value(258, registry.REG_DWORD_BIG_ENDIAN) == (registry.REG_DWORD_BIG_ENDIAN, b"\0\0\x01\x02")
    with pytest.raises(TypeError):
        registry.encode_value(True)
    with pytest.raises(TypeError):
        registry.encode_value(3.5)
    with pytest.raises(OverflowError):
        registry.encode_value(1 << 32, registry.REG_DWORD)
    with pytest.raises(ValueError):
        registry.encode_value(["a", ""])
    # Data that does not fit its type stays bytes; strings stop at the first NUL.
    assert registry.decode_value(registry.REG_DWORD, b"\x01\x02") == b"\x01\x02"
    assert registry.decode_value(registry.REG_SZ, "ab\0cd\0".encode("utf-16-le")) == "ab"
    assert registry.decode_value(registry.REG_SZ, b"a\0b") == "a"  # odd length: last byte dropped


def test_big_value_and_long_names():
    data = bytes(range(256)) * 1000  # bigger than the first enumeration buffer
    name = "v" * 300
    with registry.create_key("HKCU\\Software\\comrt-test") as key:
        key.set_value(name, data)
        assert key.values() == [(name, registry.REG_BINARY, data)]
        assert key.get_value(name) == (data, registry.REG_BINARY)


def test_embedded_nul_in_name_is_refused():
    with registry.create_key("HKCU\\Software\\comrt-test") as key:
        with pytest.raises(ValueError):
            key.set_value("a\0b", 1)


def test_delete_value_and_tree():
    with registry.create_key("HKCU\\Software\\comrt-test\\A\\B") as key:
        key.set_value("x", 1)
    with registry.open_key("HKCU\\Software\\comrt-test\\A\\B") as key:
        with pytest.raises(PermissionError) as info:  # opened for reading, as winreg.OpenKey
            key.delete_value("x")
        assert info.value.winerror == ERROR_ACCESS_DENIED
    with registry.open_key("HKCU\\Software\\comrt-test\\A\\B", writable=True) as key:
        key.delete_value("x")
        assert key.values() == []
        with pytest.raises(FileNotFoundError) as info:
            key.delete_value("x")
        assert info.value.winerror == ERROR_FILE_NOT_FOUND
    registry.delete_tree("HKCU\\Software\\comrt-test\\A")
    with pytest.raises(FileNotFoundError):
        registry.open_key("HKCU\\Software\\comrt-test\\A")
    with registry.open_key("HKCU\\Software\\comrt-test") as key:
        assert key.subkeys() == []
    with pytest.raises(FileNotFoundError):
        registry.delete_tree("HKCU\\Software\\comrt-test\\A")
    with pytest.raises(ValueError):
        registry.delete_tree("HKCU")


def test_delete_tree_without_subkey_keeps_the_key():
    with registry.create_key("HKCU\\Software\\comrt-test\\A\\B") as key:
        key.set_value("x", 1)
    with registry.open_key("HKCU\\Software\\comrt-test\\A", writable=True) as key:
        key.set_value("y", 2)
        key.delete_tree()
        assert key.subkeys() == [] and key.values() == []
    registry.open_key("HKCU\\Software\\comrt-test\\A").close()


def test_hkcr_is_user_classes_over_system_classes():
    with registry.create_key("HKLM\\Software\\Classes\\Sys.Thing") as key:
        key.set_value(None, "system")
    with registry.create_key("HKCR\\User.Thing") as key:
        key.set_value(None, "user")
    with registry.open_key("HKCU\\Software\\Classes\\User.Thing") as key:
        assert key.get_value(None) == ("user", registry.REG_SZ)
    with registry.open_key("HKCR") as key:
        assert {"Sys.Thing", "User.Thing"} <= set(key.subkeys())
    with registry.open_key("HKCR\\Sys.Thing") as key:
        assert key.get_value("") == ("system", registry.REG_SZ)


@pytest.mark.skipif(pathlib.Path("/var/lib/comrt/registry.db").exists(),
                    reason="this machine has a default system registry")
def test_hklm_without_writable_system_registry_is_denied(monkeypatch):
    # Without COMRT_SYSTEM_REGISTRY the default system database is used, and
    # libcomrt never creates it: HKLM writes are denied, reads see nothing.
    monkeypatch.delenv("COMRT_SYSTEM_REGISTRY")
    with pytest.raises(PermissionError) as info:
        registry.create_key("HKLM\\Software\\x")
    assert info.value.winerror == ERROR_ACCESS_DENIED
    with pytest.raises(FileNotFoundError):
        registry.open_key("HKLM\\Software\\x")
    assert not pathlib.Path("/var/lib/comrt/registry.db").exists()


REG_V4 = (
    "REGEDIT4\r\n\r\n"
    "[HKEY_CURRENT_USER\\Software\\comrt-test\\Imp]\r\n"
    "@=\"default\"\r\n"
    "\"Num\"=dword:0000002a\r\n"
    "\"Multi\"=hex(7):61,00,62,00,00\r\n"  # REGEDIT4: 8-bit strings
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\comrt-test\\Imp\\Sub]\r\n"
    "\"Bin\"=hex:01,02,03\r\n"
)


def test_import_and_export_round_trip(tmp_path):
    src = tmp_path / "in.reg"
    src.write_text(REG_V4, encoding="utf-8", newline="")
    registry.import_file(src)
    with registry.open_key("HKCU\\Software\\comrt-test\\Imp") as key:
        assert sorted(key.values()) == [("", registry.REG_SZ, "default"),
                                        ("Multi", registry.REG_MULTI_SZ, ["a", "b"]),
                                        ("Num", registry.REG_DWORD, 42)]
        assert key.subkeys() == ["Sub"]
        key.export(tmp_path / "key.reg")
    out4 = tmp_path / "out4.reg"
    registry.export_key("HKCU\\Software\\comrt-test\\Imp", out4, regedit4=True)
    text4 = out4.read_bytes().decode("utf-8")
    assert text4.startswith("REGEDIT4\r\n")
    assert "[HKEY_CURRENT_USER\\Software\\comrt-test\\Imp\\Sub]" in text4
    out5 = tmp_path / "out5.reg"
    registry.export_key("HKCU\\Software\\comrt-test\\Imp", out5)
    raw5 = out5.read_bytes()
    assert raw5.startswith(b"\xff\xfe")
    assert raw5.decode("utf-16").startswith("Windows Registry Editor Version 5.00")
    assert raw5 == (tmp_path / "key.reg").read_bytes()
    # Delete, import the export, compare.
    registry.delete_tree("HKCU\\Software\\comrt-test")
    registry.import_file(out5)
    with registry.open_key("HKCU\\Software\\comrt-test\\Imp\\Sub") as key:
        assert key.values() == [("Bin", registry.REG_BINARY, b"\x01\x02\x03")]


def test_import_error_has_line(tmp_path):
    bad = tmp_path / "bad.reg"
    bad.write_text("REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Software\\comrt-test]\r\n\"x\"=dword:zz\r\n",
                   encoding="utf-8", newline="")
    with pytest.raises(OSError) as info:
        registry.import_file(bad)
    assert info.value.lineno == 4
    assert "4" in info.value.strerror and "dword" in info.value.strerror
    # All or nothing: the section before the bad line was not kept.
    with pytest.raises(FileNotFoundError):
        registry.open_key("HKCU\\Software\\comrt-test")


def test_import_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError) as info:
        registry.import_file(tmp_path / "none.reg")
    assert info.value.winerror == ERROR_FILE_NOT_FOUND


def test_export_missing_key(tmp_path):
    with pytest.raises(FileNotFoundError):
        registry.export_key("HKCU\\Software\\nothing", tmp_path / "x.reg")
    assert not (tmp_path / "x.reg").exists()


def test_threads_write_concurrently():
    def work(n):
        with registry.create_key("HKCU\\Software\\comrt-test\\T%d" % n) as key:
            for i in range(20):
                key.set_value("v%d" % i, i)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with registry.open_key("HKCU\\Software\\comrt-test") as key:
        assert sorted(key.subkeys()) == ["T0", "T1", "T2", "T3"]
        for n in range(4):
            with key.open_key("T%d" % n) as child:
                assert len(child.values()) == 20
