"""comtypes.automation for comrt: VARIANT, the VT_* codes and the COM
scalar types.

``VARIANT(value)`` owns a C VARIANT (freed with the object); ``.value``
converts it back, ``.vt`` is its VARTYPE, ``ChangeType(vt)`` converts it in
place with VariantChangeTypeEx.  Python values map as comtypes maps them:

=====================  =====================================================
Python                 VARIANT
=====================  =====================================================
None                   VT_EMPTY (``VARIANT.null`` is VT_NULL; both read None)
bool                   VT_BOOL (True is VARIANT_TRUE, -1)
int                    VT_I4 if it fits, else VT_I8, else VT_UI8, else VT_R8
float                  VT_R8
str                    VT_BSTR (UTF-16, astral characters as surrogate pairs)
datetime.datetime      VT_DATE (whole milliseconds always round-trip)
decimal.Decimal        VT_CY (banker's rounding to 4 places); VT_CY and
                       VT_DECIMAL read back as Decimal
bytes, bytearray       VT_ARRAY | VT_UI1 (reads back as bytes)
tuple, list            VT_ARRAY | VT_VARIANT, 1-D; arrays of any dimension
                       read back as nested tuples, outermost = dimension 1
VARIANT                a copy (VariantCopy)
=====================  =====================================================

Where comtypes' own code disagrees with what it means, comrt does the
meant thing: ints beyond 32 bits become VT_I8/VT_UI8 instead of being
truncated to VT_I4; ``VARIANT.null`` is VT_NULL and ``VARIANT.empty`` is
VT_EMPTY (comtypes has the two swapped); None and an empty sequence are
VT_EMPTY and an empty SAFEARRAY, not VT_NULL; a datetime before year 100 or
with a tzinfo is refused rather than silently mis-converted.
"""
from typing import Any, ClassVar

from comrt import _comrt
from comrt.hresult import DISP_E_PARAMNOTFOUND
from comrt.wintypes import (CURRENCY, CY, DATE, DECIMAL, DISPID, DWORD, LCID, LONG, SCODE, UINT,
                            ULONG, VARIANT_BOOL, VARTYPE, WORD, BSTR, HRESULT, tagCY, tagDEC)

VARENUM = int
VT_EMPTY = 0
VT_NULL = 1
VT_I2 = 2
VT_I4 = 3
VT_R4 = 4
VT_R8 = 5
VT_CY = 6
VT_DATE = 7
VT_BSTR = 8
VT_DISPATCH = 9
VT_ERROR = 10
VT_BOOL = 11
VT_VARIANT = 12
VT_UNKNOWN = 13
VT_DECIMAL = 14
VT_I1 = 16
VT_UI1 = 17
VT_UI2 = 18
VT_UI4 = 19
VT_I8 = 20
VT_UI8 = 21
VT_INT = 22
VT_UINT = 23
VT_VOID = 24
VT_HRESULT = 25
VT_PTR = 26
VT_SAFEARRAY = 27
VT_CARRAY = 28
VT_USERDEFINED = 29
VT_LPSTR = 30
VT_LPWSTR = 31
VT_RECORD = 36
VT_INT_PTR = 37
VT_UINT_PTR = 38
VT_FILETIME = 64
VT_BLOB = 65
VT_STREAM = 66
VT_STORAGE = 67
VT_STREAMED_OBJECT = 68
VT_STORED_OBJECT = 69
VT_BLOB_OBJECT = 70
VT_CF = 71
VT_CLSID = 72
VT_VERSIONED_STREAM = 73
VT_BSTR_BLOB = 0xFFF
VT_VECTOR = 0x1000
VT_ARRAY = 0x2000
VT_BYREF = 0x4000
VT_RESERVED = 0x8000
VT_ILLEGAL = 0xFFFF
VT_ILLEGALMASKED = 0xFFF
VT_TYPEMASK = 0xFFF

LOCALE_USER_DEFAULT = _comrt.LOCALE_USER_DEFAULT
LOCALE_SYSTEM_DEFAULT = _comrt.LOCALE_SYSTEM_DEFAULT
LOCALE_INVARIANT = _comrt.LOCALE_INVARIANT

# VariantChangeType(Ex) flags
VARIANT_NOVALUEPROP = 0x01
VARIANT_ALPHABOOL = 0x02
VARIANT_NOUSEROVERRIDE = 0x04
VARIANT_LOCALBOOL = 0x10

VARIANT_TRUE = -1
VARIANT_FALSE = 0


class VARIANT(_comrt.VARIANT):
    """comtypes.automation.VARIANT over a C VARIANT owned by libcomrt."""

    __slots__ = ()

    null: ClassVar["VARIANT"]
    empty: ClassVar["VARIANT"]
    missing: ClassVar["VARIANT"]

    def __repr__(self) -> str:
        cls = type(self)
        for name in ("null", "empty", "missing"):
            if self is cls.__dict__.get(name, VARIANT.__dict__.get(name)):
                return f"VARIANT.{name}"
        return super().__repr__()

    @classmethod
    def from_param(cls, value: Any) -> "VARIANT":
        """value itself when it is a VARIANT, else VARIANT(value)."""
        if isinstance(value, cls):
            return value
        return cls(value)

    def __ctypes_from_outparam__(self) -> Any:
        """The value, leaving the VARIANT empty (comtypes' out-parameter hook)."""
        result = self.value
        self.value = None
        return result


VARIANTARG = VARIANT

VARIANT.empty = VARIANT()
VARIANT.null = VARIANT()
VARIANT.null.vt = VT_NULL
# An omitted optional argument: VT_ERROR holding DISP_E_PARAMNOTFOUND.
VARIANT.missing = VARIANT(DISP_E_PARAMNOTFOUND)
VARIANT.missing.vt = VT_ERROR

__all__ = [name for name in dir() if name.startswith("VT_")] + [
    "VARIANT", "VARIANTARG", "VARENUM", "LOCALE_USER_DEFAULT", "LOCALE_SYSTEM_DEFAULT",
    "LOCALE_INVARIANT", "VARIANT_NOVALUEPROP", "VARIANT_ALPHABOOL", "VARIANT_NOUSEROVERRIDE",
    "VARIANT_LOCALBOOL", "VARIANT_TRUE", "VARIANT_FALSE", "CY", "CURRENCY", "tagCY", "DECIMAL",
    "tagDEC", "DATE", "BSTR", "VARIANT_BOOL", "VARTYPE", "SCODE", "LCID", "DISPID", "LONG", "ULONG",
    "DWORD", "UINT", "WORD", "HRESULT",
]
