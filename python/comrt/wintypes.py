"""Fixed-width COM type names as ctypes types.

On LP64 Linux ``ctypes.c_long`` is 64 bits and ``ctypes.c_wchar`` 32 bits,
while COM's LONG is 32 bits and OLECHAR a UTF-16 unit.  These names have
the Windows SDK's widths on every platform; use them in interface
definitions (comrt's generated code does).
"""
import ctypes
import decimal

BYTE = ctypes.c_uint8
CHAR = ctypes.c_char
SHORT = ctypes.c_int16
USHORT = ctypes.c_uint16
WORD = ctypes.c_uint16
INT = ctypes.c_int32
UINT = ctypes.c_uint32
LONG = ctypes.c_int32
ULONG = ctypes.c_uint32
DWORD = ctypes.c_uint32
BOOL = ctypes.c_int32
LONGLONG = ctypes.c_int64
ULONGLONG = ctypes.c_uint64
LONG64 = ctypes.c_int64
ULONG64 = ctypes.c_uint64
FLOAT = ctypes.c_float
DOUBLE = ctypes.c_double

HRESULT = ctypes.c_int32
SCODE = ctypes.c_int32
LCID = ctypes.c_uint32
DISPID = ctypes.c_int32
MEMBERID = ctypes.c_int32
VARTYPE = ctypes.c_uint16
VARIANT_BOOL = ctypes.c_int16
DATE = ctypes.c_double

# COM strings are UTF-16 (OLECHAR is 16 bits, never 32-bit wchar_t).
WCHAR = ctypes.c_uint16
OLECHAR = ctypes.c_uint16
LPOLESTR = ctypes.POINTER(OLECHAR)
LPCOLESTR = ctypes.POINTER(OLECHAR)
LPWSTR = ctypes.POINTER(WCHAR)
LPCWSTR = ctypes.POINTER(WCHAR)


class BSTR(ctypes.c_void_p):
    """A BSTR: a pointer to UTF-16 text preceded by its 32-bit byte length
    (allocated by SysAllocString*, freed by SysFreeString)."""


class tagCY(ctypes.Structure):
    """CURRENCY: a 64-bit integer scaled by 10,000."""

    _fields_ = [("int64", ctypes.c_int64)]


CY = tagCY
CURRENCY = tagCY


class tagDEC(ctypes.Structure):
    """DECIMAL: a 96-bit integer with a sign and a power-of-ten scale."""

    _fields_ = [
        ("wReserved", ctypes.c_uint16),
        ("scale", ctypes.c_uint8),
        ("sign", ctypes.c_uint8),
        ("Hi32", ctypes.c_uint32),
        ("Lo64", ctypes.c_uint64),
    ]

    def as_decimal(self) -> decimal.Decimal:
        """The value as a decimal.Decimal (exact)."""
        digits = (self.Hi32 << 64) + self.Lo64
        sign = "-" if self.sign & 0x80 else ""
        return decimal.Decimal(f"{sign}{digits}E-{self.scale}")


DECIMAL = tagDEC

assert ctypes.sizeof(LONG) == 4 and ctypes.sizeof(OLECHAR) == 2
assert ctypes.sizeof(DECIMAL) == 16 and ctypes.sizeof(CY) == 8

__all__ = [
    "BYTE", "CHAR", "SHORT", "USHORT", "WORD", "INT", "UINT", "LONG", "ULONG", "DWORD", "BOOL",
    "LONGLONG", "ULONGLONG", "LONG64", "ULONG64", "FLOAT", "DOUBLE", "HRESULT", "SCODE", "LCID",
    "DISPID", "MEMBERID", "VARTYPE", "VARIANT_BOOL", "DATE", "WCHAR", "OLECHAR", "LPOLESTR",
    "LPCOLESTR", "LPWSTR", "LPCWSTR", "BSTR", "tagCY", "CY", "CURRENCY", "tagDEC", "DECIMAL",
]
