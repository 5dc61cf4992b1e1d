"""comrt: COM for Linux, with comtypes' Python API.

This package is the Pythonic layer over libcomrt (the C runtime, shipped
beside this file) and its thin binding ``comrt._comrt``:

- ``GUID`` — comtypes' GUID: ``GUID()``, ``GUID("{...}")``, ``str``,
  ``repr``, ``==``, ``hash``, ``bool``, ``GUID.create_new()``, ``bytes(guid)``.
- ``COMError`` — raised by failing COM calls: ``(hresult, text, details)``.
- ``comrt.hresult`` — HRESULT codes and helpers (``SUCCEEDED``, ``FAILED``,
  ``MAKE_HRESULT``, ``HRESULT_FROM_WIN32``, ``message``).
- ``comrt.automation`` — ``VARIANT`` and the VT_* codes.
- ``comrt.wintypes`` — fixed-width COM type names (``LONG`` is 32 bits).
"""
from comrt import _comrt
from comrt import hresult as hresult
from comrt import wintypes
from comrt._comrt import COMError as COMError
from comrt._comrt import GUID as GUID
from comrt.hresult import FAILED as FAILED
from comrt.hresult import HRESULT_FROM_WIN32 as HRESULT_FROM_WIN32
from comrt.hresult import MAKE_HRESULT as MAKE_HRESULT
from comrt.hresult import S_FALSE as S_FALSE
from comrt.hresult import S_OK as S_OK
from comrt.hresult import SUCCEEDED as SUCCEEDED
from comrt.wintypes import *  # noqa: F401,F403  (the COM scalar type names)

__version__: str = _comrt.__version__

GUID_null = GUID()
IID_NULL = GUID_null
CLSID_NULL = GUID_null

__all__ = [
    "GUID", "COMError", "hresult", "SUCCEEDED", "FAILED", "MAKE_HRESULT", "HRESULT_FROM_WIN32",
    "S_OK", "S_FALSE", "GUID_null", "IID_NULL", "CLSID_NULL", "__version__",
]
__all__ += wintypes.__all__
