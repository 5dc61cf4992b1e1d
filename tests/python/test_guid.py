"""comrt.GUID: comtypes' GUID API over libcomrt's CLSIDFromString /
StringFromGUID2 / CoCreateGuid."""
import copy
import pickle
import struct
import uuid

import pytest

import comrt
from comrt import GUID

IDISPATCH = "{00020400-0000-0000-C000-000000000046}"
NULL = "{00000000-0000-0000-0000-000000000000}"


def test_null_guid():
    g = GUID()
    assert str(g) == NULL
    assert not g
    assert g == comrt.GUID_null == GUID(None)
    assert bytes(g) == b"\0" * 16


def test_parse_and_format():
    g = GUID(IDISPATCH)
    assert str(g) == IDISPATCH
    assert bool(g)
    assert repr(g) == f'GUID("{IDISPATCH}")'
    assert eval(repr(g), {"GUID": GUID}) == g


def test_lower_case_input_formats_upper_case():
    s = "{6b29fc40-ca47-1067-b31d-00dd010662da}"
    assert str(GUID(s)) == s.upper()
    assert GUID(s) == GUID(s.upper())


def test_fields_match_windows_layout():
    g = GUID(IDISPATCH)
    assert g.Data1 == 0x00020400
    assert g.Data2 == 0 and g.Data3 == 0
    assert g.Data4 == bytes([0xC0, 0, 0, 0, 0, 0, 0, 0x46])
    assert bytes(g) == struct.pack("<IHH", 0x00020400, 0, 0) + g.Data4
    # The same bytes Python's uuid calls bytes_le.
    assert uuid.UUID(bytes_le=bytes(g)) == uuid.UUID(IDISPATCH)
    view = memoryview(g)
    assert view.readonly and view.nbytes == 16


def test_fields_are_read_only():
    g = GUID(IDISPATCH)
    with pytest.raises(AttributeError):
        g.Data1 = 5


@pytest.mark.parametrize(
    "text",
    [
        "00020400-0000-0000-C000-000000000046",  # no braces
        "{00020400-0000-0000-C000-00000000004}",  # one digit short
        "{00020400-0000-0000-C000-0000000000466}",  # one digit long
        "{0002040G-0000-0000-C000-000000000046}",  # not hex
        "{00020400-0000-0000-C000-000000000046}x",  # trailing junk
        "{00020400-0000-0000-C000-000000000046",  # no closing brace
        "{00020400_0000-0000-C000-000000000046}",  # wrong separator
        "{00020400-0000-0000-C000-000000000046}\0",  # embedded NUL hides nothing
        "{00020400-0000-0000-C000-00000000004\0}",
        "{00020400-0000-0000-C000-00000000004\u0666}",  # a non-ASCII digit
        "{00020400-0000-0000-C000-00000000004😀}",
        "{ 00020400-0000-0000-C000-000000000046}",
        "not a guid",
    ],
)
def test_malformed_strings_raise_value_error(text):
    with pytest.raises(ValueError):
        GUID(text)


def test_wrong_argument_type():
    with pytest.raises(TypeError):
        GUID(123)
    with pytest.raises(TypeError):
        GUID(b"{00020400-0000-0000-C000-000000000046}")


def test_equality_and_hash():
    a, b = GUID(IDISPATCH), GUID(IDISPATCH.lower())
    c = GUID("{00020401-0000-0000-C000-000000000046}")
    assert a == b and not (a != b)
    assert a != c and not (a == c)
    assert hash(a) == hash(b)
    assert len({a, b, c}) == 2
    assert {a: 1}[b] == 1
    assert a != IDISPATCH  # a GUID is not its string, as in comtypes
    with pytest.raises(TypeError):
        a < c  # noqa: B015


def test_copy_constructor_and_copy():
    a = GUID(IDISPATCH)
    assert GUID(a) == a and GUID(a) is not a
    assert a.copy() == a
    assert copy.copy(a) == a
    assert copy.deepcopy(a) == a


def test_pickle():
    a = GUID.create_new()
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        assert b == a and type(b) is GUID


def test_from_buffer_copy():
    a = GUID(IDISPATCH)
    assert GUID.from_buffer_copy(bytes(a)) == a
    assert GUID.from_buffer_copy(bytearray(b"xx" + bytes(a)), 2) == a
    with pytest.raises(ValueError):
        GUID.from_buffer_copy(bytes(a)[:15])
    with pytest.raises(ValueError):
        GUID.from_buffer_copy(bytes(a), 1)
    with pytest.raises(ValueError):
        GUID.from_buffer_copy(bytes(a), -1)


def test_create_new_is_random_version_4():
    guids = [GUID.create_new() for _ in range(2000)]
    assert len(set(guids)) == len(guids)
    for g in guids:
        assert g
        assert g.Data3 >> 12 == 4  # RFC 4122 version 4
        assert g.Data4[0] & 0xC0 == 0x80  # RFC 4122 variant
    assert GUID(str(guids[0])) == guids[0]


class IID(GUID):
    """A subclass, as comtypes-style code declares them."""


def test_subclass():
    i = IID(IDISPATCH)
    assert i == GUID(IDISPATCH)
    assert repr(i) == f'IID("{IDISPATCH}")'
    assert type(IID.create_new()) is IID
    assert type(pickle.loads(pickle.dumps(i))) is IID


def test_module_and_name():
    assert GUID.__module__ == "comrt"
    assert GUID.__name__ == "GUID"
