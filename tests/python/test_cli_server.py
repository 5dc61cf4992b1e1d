"""``comrt register`` / ``comrt unregister`` and _comrt.register_server.

A tiny in-process server is compiled for the test (cc, comrt's headers from
the source tree, linked to the libcomrt.so the installed package carries,
so the process keeps one runtime): its DllRegisterServer writes
HKCR\\CLSID\\{...}\\InprocServer32 with its own path (dladdr), or fails with
an IErrorInfo text when COMRT_TEST_REGISTER_FAIL is set; its
DllUnregisterServer removes the key.  COMRT_REGISTRY /
COMRT_SYSTEM_REGISTRY point at tmp_path files.
"""
import glob
import os
import shutil
import subprocess
import sys

import pytest

try:
    import comrt
    from comrt import _comrt, registry
    from comrt.cli import main as cli_main
    HAVE_BINDING = hasattr(_comrt, "register_server")
except ImportError:  # pragma: no cover - only while the binding is not built
    HAVE_BINDING = False

pytestmark = pytest.mark.skipif(not HAVE_BINDING, reason="register_server is not built into this install yet")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLSID = "{C0DE5E4E-0000-4000-8000-000000000001}"
KEY = "HKCR\\CLSID\\" + CLSID

SERVER_C = r"""
#include <comrt.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))
static const WCHAR key[] = u"CLSID\\{C0DE5E4E-0000-4000-8000-000000000001}";

EXPORT HRESULT DllRegisterServer(void)
{
    Dl_info info;
    HKEY k = NULL;
    WCHAR path[4096];
    size_t n;
    if (getenv("COMRT_TEST_REGISTER_FAIL")) {
        ICreateErrorInfo *cei = NULL;
        IErrorInfo *ei = NULL;
        if (SUCCEEDED(CreateErrorInfo(&cei))) {
            cei->lpVtbl->SetDescription(cei, (LPOLESTR)u"refused by the test");
            cei->lpVtbl->SetSource(cei, (LPOLESTR)u"test_server");
            if (SUCCEEDED(cei->lpVtbl->QueryInterface(cei, &IID_IErrorInfo, (void **)&ei))) {
                SetErrorInfo(0, ei);
                ei->lpVtbl->Release(ei);
            }
            cei->lpVtbl->Release(cei);
        }
        return (HRESULT)0x80040201; /* SELFREG_E_CLASS */
    }
    if (!dladdr((void *)DllRegisterServer, &info) || !info.dli_fname) return E_FAIL;
    for (n = 0; info.dli_fname[n] && n < 4095; n++) path[n] = (WCHAR)(unsigned char)info.dli_fname[n];
    path[n] = 0;
    if (RegCreateKeyExW(HKEY_CLASSES_ROOT, key, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL) != 0) return E_FAIL;
    RegCloseKey(k);
    if (RegCreateKeyExW(HKEY_CLASSES_ROOT, u"CLSID\\{C0DE5E4E-0000-4000-8000-000000000001}\\InprocServer32", 0,
                        NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL) != 0)
        return E_FAIL;
    RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)path, (DWORD)((n + 1) * sizeof(WCHAR)));
    RegSetValueExW(k, u"ThreadingModel", 0, REG_SZ, (const BYTE *)u"Both", 10);
    RegCloseKey(k);
    return S_OK;
}

EXPORT HRESULT DllUnregisterServer(void)
{
    LONG r = RegDeleteTreeW(HKEY_CLASSES_ROOT, key);
    if (r == 0) RegDeleteKeyW(HKEY_CLASSES_ROOT, key);
    return r == 0 || r == 2 /* ERROR_FILE_NOT_FOUND */ ? S_OK : E_FAIL;
}
"""


@pytest.fixture(autouse=True)
def hives(tmp_path, monkeypatch):
    monkeypatch.setenv("COMRT_REGISTRY", str(tmp_path / "user.db"))
    monkeypatch.setenv("COMRT_SYSTEM_REGISTRY", str(tmp_path / "system.db"))
    monkeypatch.delenv("COMRT_TEST_REGISTER_FAIL", raising=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    cc = shutil.which("cc") or shutil.which("gcc")
    libs = sorted(glob.glob(os.path.join(os.path.dirname(comrt.__file__), "libcomrt.so*")))
    include = os.path.join(ROOT, "include")
    if not cc or not libs or not os.path.isdir(include):
        pytest.skip("needs a C compiler, the package's libcomrt.so and the source tree's include/")
    out = tmp_path_factory.mktemp("server")
    src = out / "test_server.c"
    src.write_text(SERVER_C)
    so = out / "test_server.so"
    subprocess.run([cc, "-shared", "-fPIC", "-std=c11", "-D_GNU_SOURCE", "-I", include, "-o", str(so), str(src),
                    libs[0], "-Wl,-rpath," + os.path.dirname(libs[0])],
                   check=True)
    return so


def registered_path():
    with registry.open_key(KEY + "\\InprocServer32") as key:
        return key.get_value(None)[0]


def key_exists():
    try:
        registry.open_key(KEY).close()
    except FileNotFoundError:
        return False
    return True


def test_register_and_unregister(server):
    assert cli_main(["register", str(server)]) == 0
    assert registered_path() == str(server)
    assert cli_main(["unregister", str(server)]) == 0
    assert not key_exists()
    # Unregistering what is not registered succeeds, as the server says.
    assert cli_main(["unregister", str(server)]) == 0


def test_relative_path_is_made_absolute(server, monkeypatch):
    monkeypatch.chdir(str(server.parent))
    assert cli_main(["register", server.name]) == 0
    assert registered_path() == str(server)


def test_missing_file(tmp_path, capsys):
    missing = str(tmp_path / "no-such-server.so")
    assert cli_main(["register", missing]) == 1
    err = capsys.readouterr().err
    assert err.startswith("comrt: " + missing + ": ")
    assert "no-such-server.so" in err.split(": ", 2)[2]  # dlerror's text
    assert "0x800401F8" in err  # CO_E_DLLNOTFOUND
    assert err.count("\n") == 1


def test_missing_export(capsys):
    # libm is found by dlopen's own search and has no DllRegisterServer.
    assert cli_main(["register", "libm.so.6"]) == 1
    err = capsys.readouterr().err
    assert "DllRegisterServer" in err and "0x800401F9" in err  # CO_E_ERRORINDLL


def test_server_error_text(server, monkeypatch, capsys):
    monkeypatch.setenv("COMRT_TEST_REGISTER_FAIL", "1")
    assert cli_main(["register", str(server)]) == 1
    err = capsys.readouterr().err
    assert "refused by the test" in err and "0x80040201" in err
    assert not key_exists()
    with pytest.raises(_comrt.COMError) as info:
        _comrt.register_server(str(server))
    assert info.value.hresult & 0xFFFFFFFF == 0x80040201
    assert info.value.text == "refused by the test"
    assert info.value.details[1] == "test_server"


def test_binding(server):
    _comrt.register_server(server)  # os.PathLike works
    assert registered_path() == str(server)
    _comrt.register_server(str(server), register=False)
    assert not key_exists()
    with pytest.raises(TypeError):
        _comrt.register_server(b"/x.so")
    with pytest.raises(_comrt.COMError) as info:
        _comrt.register_server("")
    assert info.value.hresult & 0xFFFFFFFF == 0x80070057  # E_INVALIDARG


def test_python_m_comrt(server, tmp_path):
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "comrt", "register", str(server)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.returncode == 0, proc.stderr
    assert registered_path() == str(server)
    proc = subprocess.run([sys.executable, "-m", "comrt", "unregister", str(tmp_path / "gone.so")], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith("comrt: ")
