"""The installed package: layout, linking (one libcomrt, found via $ORIGIN),
typing files, version, HRESULT helpers and the fixed-width COM types."""
import ctypes
import importlib.metadata
import os
import shutil
import subprocess
import threading

import pytest

import comrt
from comrt import _comrt, hresult, wintypes
from comrt.automation import VARIANT, VT_BSTR, VT_R8

PKG = os.path.dirname(comrt.__file__)


def test_files_installed_side_by_side():
    names = os.listdir(PKG)
    assert "libcomrt.so.0" in names
    assert any(n.startswith("_comrt.") and n.endswith(".so") for n in names)
    for name in ("py.typed", "_comrt.pyi", "__init__.py", "automation.py", "hresult.py", "typeinfo.py", "wintypes.py"):
        assert name in names, name
    assert os.path.dirname(_comrt.__file__) == PKG


def test_one_libcomrt_in_the_process_next_to_the_extension():
    with open("/proc/self/maps") as f:
        paths = {line.split()[-1] for line in f if "libcomrt" in line}
    assert paths == {os.path.join(PKG, "libcomrt.so.0")}


@pytest.mark.skipif(not shutil.which("readelf"), reason="needs readelf")
def test_libcomrt_soname_matches_a_system_install():
    # In-process servers link against libcomrt.so.0; the loader binds them to
    # an already loaded object with that soname, so they share this copy.
    lib = os.path.join(PKG, "libcomrt.so.0")
    out = subprocess.run(["readelf", "-d", lib], capture_output=True, text=True, check=True).stdout
    assert "Library soname: [libcomrt.so.0]" in out


@pytest.mark.skipif(not shutil.which("readelf"), reason="needs readelf")
def test_extension_finds_libcomrt_through_origin():
    out = subprocess.run(["readelf", "-d", _comrt.__file__], capture_output=True, text=True, check=True).stdout
    assert "[libcomrt.so.0]" in out
    runpath = [line for line in out.splitlines() if "RUNPATH" in line or "RPATH" in line]
    assert runpath and "$ORIGIN" in runpath[0]


def test_version():
    assert comrt.__version__ == _comrt.version() == _comrt.__version__
    assert importlib.metadata.version("comrt") == comrt.__version__


def test_public_names():
    for name in ("GUID", "COMError", "hresult", "SUCCEEDED", "FAILED", "LONG", "HRESULT", "BSTR"):
        assert hasattr(comrt, name), name
    assert comrt.GUID is _comrt.GUID and comrt.COMError is _comrt.COMError
    assert not comrt.GUID_null


# ---- HRESULT helpers --------------------------------------------------------

def test_hresult_constants_carry_their_names():
    for name in dir(hresult):
        if name.split("_")[0] in ("E", "S", "DISP", "TYPE", "CO", "CLASS", "RPC", "CONNECT", "REGDB") \
                and name.isupper() and isinstance(getattr(hresult, name), int):
            assert _comrt.hresult_name(getattr(hresult, name)) == name, name


def test_hresult_values_are_signed_as_comtypes():
    assert hresult.E_FAIL == -2147467259
    assert hresult.DISP_E_OVERFLOW == -2147352566
    assert hresult.S_OK == 0 and hresult.S_FALSE == 1


def test_hresult_helpers():
    assert hresult.MAKE_HRESULT(1, hresult.FACILITY_DISPATCH, 0xA) == hresult.DISP_E_OVERFLOW
    assert hresult.HRESULT_FROM_WIN32(5) == hresult.E_ACCESSDENIED
    assert hresult.HRESULT_FROM_WIN32(0) == 0
    assert hresult.HRESULT_FROM_WIN32(0x80004005) == hresult.E_FAIL
    assert comrt.SUCCEEDED(0) and comrt.SUCCEEDED(1) and not comrt.SUCCEEDED(hresult.E_FAIL)
    assert comrt.FAILED(0x80004005) and comrt.FAILED(hresult.E_FAIL) and not comrt.FAILED(0)
    assert hresult.HRESULT_CODE(hresult.E_ACCESSDENIED) == 5
    assert hresult.HRESULT_FACILITY(hresult.E_ACCESSDENIED) == hresult.FACILITY_WIN32
    assert hresult.HRESULT_SEVERITY(hresult.E_FAIL) == 1


def test_hresult_messages():
    assert hresult.message(hresult.E_FAIL) == _comrt.hresult_message(0x80004005)
    assert hresult.message(hresult.E_FAIL)  # non-empty standard text
    assert "8FFF1234" in hresult.message(0x8FFF1234).upper()
    assert hresult.name(0x8FFF1234) is None
    with pytest.raises(OverflowError):
        hresult.message(2**32)


# ---- fixed-width types ------------------------------------------------------

@pytest.mark.parametrize(
    "name, size",
    [("LONG", 4), ("ULONG", 4), ("DWORD", 4), ("HRESULT", 4), ("SCODE", 4), ("INT", 4), ("UINT", 4),
     ("BOOL", 4), ("SHORT", 2), ("USHORT", 2), ("WORD", 2), ("VARIANT_BOOL", 2), ("VARTYPE", 2),
     ("OLECHAR", 2), ("WCHAR", 2), ("BYTE", 1), ("LONGLONG", 8), ("ULONGLONG", 8), ("DATE", 8),
     ("DOUBLE", 8), ("FLOAT", 4), ("CY", 8), ("DECIMAL", 16), ("BSTR", 8), ("LPOLESTR", 8), ("LCID", 4)],
)
def test_com_type_sizes(name, size):
    assert ctypes.sizeof(getattr(wintypes, name)) == size


def test_decimal_structure_matches_variant_layout():
    import decimal

    v = VARIANT(decimal.Decimal("-12.3456"))
    v.ChangeType(14)  # VT_DECIMAL: the 16 bytes overlay the VARIANT
    dec = wintypes.DECIMAL.from_buffer_copy(bytes(v)[:16])
    assert dec.scale == 4 and dec.as_decimal() == decimal.Decimal("-12.3456")


# ---- the GIL is released around ChangeType ----------------------------------

def test_change_type_from_threads():
    errors = []

    def work(seed):
        try:
            for i in range(2000):
                v = VARIANT(f"{seed}.{i % 10}5")
                v.ChangeType(VT_R8)
                assert v.value == float(f"{seed}.{i % 10}5")
                v.ChangeType(VT_BSTR)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
