"""SAFEARRAYs that Python cannot build itself (several dimensions, typed
elements, lower bounds other than 0, VT_BYREF): made here with libcomrt's
own API through ctypes, wrapped in a VARIANT, and read back as comtypes
reads them (nested tuples, outermost = dimension 1)."""
import ctypes
import datetime
import decimal
import os

import pytest

import comrt
from comrt.automation import (VARIANT, VT_ARRAY, VT_BOOL, VT_BSTR, VT_BYREF, VT_CY, VT_DATE,
                              VT_DECIMAL, VT_I1, VT_I2, VT_I4, VT_I8, VT_R4, VT_R8, VT_UI1, VT_UI2,
                              VT_UI8, VT_VARIANT)

lib = ctypes.CDLL(os.path.join(os.path.dirname(comrt.__file__), "libcomrt.so.0"))


class SAFEARRAYBOUND(ctypes.Structure):
    _fields_ = [("cElements", ctypes.c_uint32), ("lLbound", ctypes.c_int32)]


class RAWVARIANT(ctypes.Structure):
    """A C VARIANT in ctypes memory: the header and an 16-byte payload."""

    _fields_ = [("vt", ctypes.c_uint16), ("r1", ctypes.c_uint16), ("r2", ctypes.c_uint16),
                ("r3", ctypes.c_uint16), ("ptr", ctypes.c_void_p), ("extra", ctypes.c_void_p)]


lib.SafeArrayCreate.restype = ctypes.c_void_p
lib.SafeArrayCreate.argtypes = [ctypes.c_uint16, ctypes.c_uint32, ctypes.POINTER(SAFEARRAYBOUND)]
lib.SafeArrayPutElement.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int32), ctypes.c_void_p]
lib.SafeArrayPutElement.restype = ctypes.c_int32
lib.SafeArrayDestroy.argtypes = [ctypes.c_void_p]
lib.SafeArrayDestroy.restype = ctypes.c_int32
lib.SysAllocString.restype = ctypes.c_void_p
lib.SysAllocString.argtypes = [ctypes.c_char_p]
lib.SysFreeString.argtypes = [ctypes.c_void_p]


def make_array(vt, bounds, fill):
    """A SAFEARRAY of vt with bounds [(count, lower), ...] in dimension order
    (dimension 1 first, as SafeArrayCreate takes them); fill(indices) gives
    each element as a ctypes object.  Returns it wrapped in a VARIANT."""
    rgsabound = (SAFEARRAYBOUND * len(bounds))(*[SAFEARRAYBOUND(n, lb) for n, lb in bounds])
    psa = lib.SafeArrayCreate(vt, len(bounds), rgsabound)
    assert psa

    def walk(dim, prefix):
        if dim == len(bounds):
            idx = (ctypes.c_int32 * len(prefix))(*prefix)
            elem = fill(prefix)
            # BSTRs (and interfaces) go in as the pointer itself, the rest by address.
            arg = elem.value if vt == VT_BSTR else ctypes.byref(elem)
            assert lib.SafeArrayPutElement(psa, idx, arg) == 0
            return
        n, lb = bounds[dim]
        for i in range(lb, lb + n):
            walk(dim + 1, prefix + [i])

    walk(0, [])
    raw = RAWVARIANT(vt=VT_ARRAY | vt, ptr=psa)
    try:
        return VARIANT._from_address(ctypes.addressof(raw))  # VariantCopy: a deep copy
    finally:
        assert lib.SafeArrayDestroy(psa) == 0


def test_two_dimensions_outer_tuple_is_dimension_1():
    v = make_array(VT_I4, [(2, 0), (3, 10)], lambda ix: ctypes.c_int32(ix[0] * 100 + ix[1]))
    assert v.vt == VT_ARRAY | VT_I4
    assert v.value == ((10, 11, 12), (110, 111, 112))


def test_three_dimensions_and_lower_bounds():
    v = make_array(VT_I2, [(2, -1), (2, 5), (3, 1)], lambda ix: ctypes.c_int16(ix[0] * 100 + ix[1] * 10 + ix[2]))
    assert v.value == (
        ((-49, -48, -47), (-39, -38, -37)),
        ((51, 52, 53), (61, 62, 63)),
    )


def test_empty_dimension():
    v = make_array(VT_I4, [(0, 0)], None)
    assert v.value == ()
    v = make_array(VT_I4, [(2, 0), (0, 0)], None)
    assert v.value == ((), ())


@pytest.mark.parametrize(
    "vt, ctype, values, expected",
    [
        (VT_I1, ctypes.c_int8, [-128, 0, 127], (-128, 0, 127)),
        (VT_UI2, ctypes.c_uint16, [0, 65535], (0, 65535)),
        (VT_I8, ctypes.c_int64, [-(2**63), 2**63 - 1], (-(2**63), 2**63 - 1)),
        (VT_UI8, ctypes.c_uint64, [2**64 - 1], (2**64 - 1,)),
        (VT_R4, ctypes.c_float, [1.5, -0.25], (1.5, -0.25)),
        (VT_R8, ctypes.c_double, [1e300, -2.5], (1e300, -2.5)),
        (VT_BOOL, ctypes.c_int16, [-1, 0], (True, False)),
        (VT_CY, ctypes.c_int64, [15000, -1], (decimal.Decimal("1.5"), decimal.Decimal("-0.0001"))),
        (VT_DATE, ctypes.c_double, [0.0, 1.5], (datetime.datetime(1899, 12, 30), datetime.datetime(1899, 12, 31, 12))),
    ],
)
def test_typed_elements(vt, ctype, values, expected):
    v = make_array(vt, [(len(values), 0)], lambda ix: ctype(values[ix[0]]))
    assert v.vt == VT_ARRAY | vt
    assert v.value == expected


def test_ui1_vector_reads_as_bytes_and_matrix_as_ints():
    v = make_array(VT_UI1, [(3, 0)], lambda ix: ctypes.c_uint8(65 + ix[0]))
    assert v.value == b"ABC"
    v = make_array(VT_UI1, [(2, 0), (2, 0)], lambda ix: ctypes.c_uint8(ix[0] * 2 + ix[1]))
    assert v.value == ((0, 1), (2, 3))


def test_bstr_elements():
    texts = ["", "a", "😀"]
    bstrs = []

    def fill(ix):
        data = (texts[ix[0]] + "\0").encode("utf-16-le")
        b = lib.SysAllocString(data)  # PutElement copies it
        bstrs.append(b)
        return ctypes.c_void_p(b)

    v = make_array(VT_BSTR, [(3, 0)], fill)
    for b in bstrs:
        lib.SysFreeString(b)
    assert v.value == tuple(texts)


def test_decimal_elements():
    def fill(ix):
        dec = comrt.wintypes.DECIMAL(scale=2, sign=0x80 if ix[0] else 0, Hi32=0, Lo64=12345)
        return dec

    v = make_array(VT_DECIMAL, [(2, 0)], fill)
    assert v.value == (decimal.Decimal("123.45"), decimal.Decimal("-123.45"))


def test_variant_elements_2d():
    cells = {}

    def fill(ix):
        inner = VARIANT(f"{ix[0]},{ix[1]}")
        cells[tuple(ix)] = inner  # keep alive until PutElement has copied it
        return RAWVARIANT.from_buffer_copy(bytes(inner))

    v = make_array(VT_VARIANT, [(2, 1), (2, 1)], fill)
    assert v.value == (("1,1", "1,2"), ("2,1", "2,2"))


def test_byref_values():
    target = ctypes.c_int32(-7)
    raw = RAWVARIANT(vt=VT_BYREF | VT_I4, ptr=ctypes.addressof(target))
    v = VARIANT._from_address(ctypes.addressof(raw))
    assert v.value == -7
    target.value = 99  # a reference: reads see the change
    assert v.value == 99
    inner = VARIANT("deep")
    raw = RAWVARIANT(vt=VT_BYREF | VT_VARIANT, ptr=inner._address_)
    assert VARIANT._from_address(ctypes.addressof(raw)).value == "deep"


def test_from_address_round_trip():
    v = VARIANT((1, "two", 3.0))
    assert VARIANT._from_address(v._address_).value == (1, "two", 3.0)
    with pytest.raises(ValueError):
        VARIANT._from_address(0)
