"""HRESULT codes and helpers, as comtypes.hresult has them.

Codes are signed 32-bit ints (what ``COMError.hresult`` carries), so they
compare equal to the hresult of a raised COMError.  ``message(hr)`` and
``name(hr)`` give libcomrt's standard text and symbolic name for a code.
"""
from typing import Optional

from comrt import _comrt


def _signed(value: int) -> int:
    """The signed 32-bit reading of a 32-bit code."""
    value &= 0xFFFFFFFF
    return value - 0x100000000 if value & 0x80000000 else value


SEVERITY_SUCCESS = 0
SEVERITY_ERROR = 1

FACILITY_NULL = 0
FACILITY_RPC = 1
FACILITY_DISPATCH = 2
FACILITY_STORAGE = 3
FACILITY_ITF = 4
FACILITY_WIN32 = 7
FACILITY_WINDOWS = 8


def MAKE_HRESULT(sev: int, fac: int, code: int) -> int:
    """An HRESULT from severity, facility and code (signed, as comtypes)."""
    return _signed((sev << 31) | ((fac & 0x1FFF) << 16) | (code & 0xFFFF))


def HRESULT_FROM_WIN32(x: int) -> int:
    """The HRESULT for a Win32 error code (0 stays 0, HRESULTs pass through)."""
    x &= 0xFFFFFFFF
    if x == 0 or x & 0x80000000:
        return _signed(x)
    return _signed((x & 0xFFFF) | (FACILITY_WIN32 << 16) | 0x80000000)


def SUCCEEDED(hr: int) -> bool:
    return _signed(hr) >= 0


def FAILED(hr: int) -> bool:
    return _signed(hr) < 0


def HRESULT_CODE(hr: int) -> int:
    return hr & 0xFFFF


def HRESULT_FACILITY(hr: int) -> int:
    return (hr >> 16) & 0x1FFF


def HRESULT_SEVERITY(hr: int) -> int:
    return (hr >> 31) & 1


def message(hr: int) -> str:
    """The standard message text for hr (what FormatMessage gives on Windows)."""
    return _comrt.hresult_message(hr)


def name(hr: int) -> Optional[str]:
    """The symbolic name of a standard hr ('E_NOINTERFACE'), or None."""
    return _comrt.hresult_name(hr)


S_OK = 0
S_FALSE = 1

E_UNEXPECTED = _signed(0x8000FFFF)
E_NOTIMPL = _signed(0x80004001)
E_NOINTERFACE = _signed(0x80004002)
E_POINTER = _signed(0x80004003)
E_ABORT = _signed(0x80004004)
E_FAIL = _signed(0x80004005)
E_ACCESSDENIED = _signed(0x80070005)
E_HANDLE = _signed(0x80070006)
E_OUTOFMEMORY = _signed(0x8007000E)
E_INVALIDARG = _signed(0x80070057)
E_PENDING = _signed(0x8000000A)
E_BOUNDS = _signed(0x8000000B)

CO_E_CLASSSTRING = _signed(0x800401F3)
CO_E_NOTINITIALIZED = _signed(0x800401F0)
CLASS_E_NOAGGREGATION = _signed(0x80040110)
CLASS_E_CLASSNOTAVAILABLE = _signed(0x80040111)
CLASS_E_NOTLICENSED = _signed(0x80040112)
REGDB_E_CLASSNOTREG = _signed(0x80040154)

RPC_E_SERVERFAULT = _signed(0x80010105)
RPC_E_CHANGED_MODE = _signed(0x80010106)
RPC_E_WRONG_THREAD = _signed(0x8001010E)

CONNECT_E_NOCONNECTION = _signed(0x80040200)
CONNECT_E_ADVISELIMIT = _signed(0x80040201)
CONNECT_E_CANNOTCONNECT = _signed(0x80040202)
CONNECT_E_OVERRIDDEN = _signed(0x80040203)

DISP_E_UNKNOWNINTERFACE = _signed(0x80020001)
DISP_E_MEMBERNOTFOUND = _signed(0x80020003)
DISP_E_PARAMNOTFOUND = _signed(0x80020004)
DISP_E_TYPEMISMATCH = _signed(0x80020005)
DISP_E_UNKNOWNNAME = _signed(0x80020006)
DISP_E_NONAMEDARGS = _signed(0x80020007)
DISP_E_BADVARTYPE = _signed(0x80020008)
DISP_E_EXCEPTION = _signed(0x80020009)
DISP_E_OVERFLOW = _signed(0x8002000A)
DISP_E_BADINDEX = _signed(0x8002000B)
DISP_E_UNKNOWNLCID = _signed(0x8002000C)
DISP_E_ARRAYISLOCKED = _signed(0x8002000D)
DISP_E_BADPARAMCOUNT = _signed(0x8002000E)
DISP_E_PARAMNOTOPTIONAL = _signed(0x8002000F)
DISP_E_BADCALLEE = _signed(0x80020010)
DISP_E_NOTACOLLECTION = _signed(0x80020011)
DISP_E_DIVBYZERO = _signed(0x80020012)
DISP_E_BUFFERTOOSMALL = _signed(0x80020013)

TYPE_E_ELEMENTNOTFOUND = _signed(0x8002802B)
TYPE_E_REGISTRYACCESS = _signed(0x8002801C)
TYPE_E_LIBNOTREGISTERED = _signed(0x8002801D)
TYPE_E_CANTLOADLIBRARY = _signed(0x80029C4A)
