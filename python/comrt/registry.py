"""comrt.registry: the COM registry (comrt's SQLite Reg* API) from Python.

A small Pythonic layer over the Win32 calls in comrt._comrt::

    with registry.create_key(r"HKCU\\Software\\Classes\\My.Thing") as key:
        key.set_value(None, "My thing")          # the default value, REG_SZ
        key.set_value("Count", 3)                # REG_DWORD
    with registry.open_key(r"HKCR\\My.Thing") as key:
        print(key.subkeys(), key.values())

Paths start with a root: ``HKCR`` / ``HKEY_CLASSES_ROOT``, ``HKCU`` /
``HKEY_CURRENT_USER``, ``HKLM`` / ``HKEY_LOCAL_MACHINE`` (any case), then
``\\``-separated key names.  Values come back as Python objects by type:
REG_SZ / REG_EXPAND_SZ -> str, REG_DWORD / REG_DWORD_BIG_ENDIAN /
REG_QWORD -> int, REG_MULTI_SZ -> list of str, anything else -> bytes.
Errors raise OSError (FileNotFoundError for a missing key or value,
PermissionError for a read-only hive) whose ``winerror`` is the Win32 code,
as Python's ``winreg`` does.  Which databases are used follows
``COMRT_REGISTRY`` / ``COMRT_SYSTEM_REGISTRY`` (see docs/cli.md).
"""
import os
from typing import Any, List, Optional, Tuple, Union

from comrt import _comrt

__all__ = [
    "Key", "open_key", "create_key", "delete_tree", "delete_value", "import_file", "export_key",
    "split_path", "decode_value", "encode_value",
    "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN",
    "REG_LINK", "REG_MULTI_SZ", "REG_QWORD", "TYPE_NAMES",
    "HKEY_CLASSES_ROOT", "HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE",
]

REG_NONE = 0
REG_SZ = 1
REG_EXPAND_SZ = 2
REG_BINARY = 3
REG_DWORD = 4
REG_DWORD_BIG_ENDIAN = 5
REG_LINK = 6
REG_MULTI_SZ = 7
REG_QWORD = 11

# The names regedit shows for value types.
TYPE_NAMES = {
    REG_NONE: "REG_NONE", REG_SZ: "REG_SZ", REG_EXPAND_SZ: "REG_EXPAND_SZ",
    REG_BINARY: "REG_BINARY", REG_DWORD: "REG_DWORD", REG_DWORD_BIG_ENDIAN: "REG_DWORD_BIG_ENDIAN",
    REG_LINK: "REG_LINK", REG_MULTI_SZ: "REG_MULTI_SZ", 8: "REG_RESOURCE_LIST",
    9: "REG_FULL_RESOURCE_DESCRIPTOR", 10: "REG_RESOURCE_REQUIREMENTS_LIST", REG_QWORD: "REG_QWORD",
}

HKEY_CLASSES_ROOT: int = _comrt.HKEY_CLASSES_ROOT
HKEY_CURRENT_USER: int = _comrt.HKEY_CURRENT_USER
HKEY_LOCAL_MACHINE: int = _comrt.HKEY_LOCAL_MACHINE

# Root spellings (upper case) -> (handle, canonical name).
_ROOTS = {
    "HKCR": (HKEY_CLASSES_ROOT, "HKEY_CLASSES_ROOT"),
    "HKEY_CLASSES_ROOT": (HKEY_CLASSES_ROOT, "HKEY_CLASSES_ROOT"),
    "HKCU": (HKEY_CURRENT_USER, "HKEY_CURRENT_USER"),
    "HKEY_CURRENT_USER": (HKEY_CURRENT_USER, "HKEY_CURRENT_USER"),
    "HKLM": (HKEY_LOCAL_MACHINE, "HKEY_LOCAL_MACHINE"),
    "HKEY_LOCAL_MACHINE": (HKEY_LOCAL_MACHINE, "HKEY_LOCAL_MACHINE"),
}

Value = Union[str, int, bytes, List[str], None]


def split_path(path: str) -> Tuple[int, str, str]:
    """``"HKCR\\\\CLSID\\\\{...}"`` -> (root handle, canonical root name, subkey).

    The subkey is "" for a bare root; empty components (doubled or trailing
    backslashes) are dropped.  ValueError for an unknown root.
    """
    if not isinstance(path, str):
        raise TypeError("registry path must be str, not %s" % type(path).__name__)
    parts = [p for p in path.split("\\") if p]
    if not parts or parts[0].upper() not in _ROOTS:
        raise ValueError("registry path must start with HKCR, HKCU or HKLM (or their long names): %r" % path)
    handle, name = _ROOTS[parts[0].upper()]
    return handle, name, "\\".join(parts[1:])


def decode_value(type_: int, data: bytes) -> Value:
    """Raw registry data -> the Python value for its type (see the module doc)."""
    if type_ in (REG_SZ, REG_EXPAND_SZ, REG_LINK):
        text = data[: len(data) & ~1].decode("utf-16-le", "surrogatepass")
        return text.split("\0", 1)[0]
    if type_ == REG_MULTI_SZ:
        text = data[: len(data) & ~1].decode("utf-16-le", "surrogatepass")
        items = text.split("\0")
        # The list ends at the first empty string (the terminating double NUL).
        out = []
        for item in items:
            if not item:
                break
            out.append(item)
        return out
    if type_ == REG_DWORD and len(data) == 4:
        return int.from_bytes(data, "little")
    if type_ == REG_DWORD_BIG_ENDIAN and len(data) == 4:
        return int.from_bytes(data, "big")
    if type_ == REG_QWORD and len(data) == 8:
        return int.from_bytes(data, "little")
    return bytes(data)


def encode_value(value: Value, type_: Optional[int] = None) -> Tuple[int, bytes]:
    """A Python value -> (type, raw data).  Without type_: str -> REG_SZ,
    int -> REG_DWORD (REG_QWORD when it does not fit 32 bits), list of str ->
    REG_MULTI_SZ, bytes-like -> REG_BINARY, None -> REG_NONE (no data)."""
    if type_ is None:
        if isinstance(value, bool):
            raise TypeError("registry values cannot be bool; use an int")
        if isinstance(value, str):
            type_ = REG_SZ
        elif isinstance(value, int):
            type_ = REG_DWORD if 0 <= value <= 0xFFFFFFFF else REG_QWORD
        elif isinstance(value, (list, tuple)):
            type_ = REG_MULTI_SZ
        elif isinstance(value, (bytes, bytearray, memoryview)):
            type_ = REG_BINARY
        elif value is None:
            type_ = REG_NONE
        else:
            raise TypeError("no registry type for %s" % type(value).__name__)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return type_, bytes(value)
    if value is None:
        return type_, b""
    if type_ in (REG_SZ, REG_EXPAND_SZ, REG_LINK):
        if not isinstance(value, str):
            raise TypeError("%s needs a str" % TYPE_NAMES[type_])
        return type_, (value + "\0").encode("utf-16-le", "surrogatepass")
    if type_ == REG_MULTI_SZ:
        if isinstance(value, str) or not all(isinstance(v, str) for v in value):  # type: ignore[union-attr]
            raise TypeError("REG_MULTI_SZ needs a list of str")
        if any(not v or "\0" in v for v in value):  # type: ignore[union-attr]
            raise ValueError("REG_MULTI_SZ items must be non-empty and NUL-free")
        return type_, "".join(v + "\0" for v in value).encode("utf-16-le", "surrogatepass") + b"\0\0"  # type: ignore[union-attr]
    if type_ in (REG_DWORD, REG_DWORD_BIG_ENDIAN, REG_QWORD):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError("%s needs an int" % TYPE_NAMES[type_])
        size = 8 if type_ == REG_QWORD else 4
        if value < 0:
            value += 1 << (8 * size)  # -1 stores as 0xFFFFFFFF, as C code would
        if not 0 <= value < (1 << (8 * size)):
            raise OverflowError("%d does not fit %s" % (value, TYPE_NAMES[type_]))
        return type_, value.to_bytes(size, "big" if type_ == REG_DWORD_BIG_ENDIAN else "little")
    raise TypeError("type %d needs bytes" % type_)


class Key:
    """An open registry key (a Win32 HKEY).  Close it with close() or use
    it as a context manager; a forgotten key is closed when collected."""

    def __init__(self, handle: int, path: str) -> None:
        self._handle: Optional[int] = handle
        self.path = path

    # -- life cycle --------------------------------------------------------
    @property
    def handle(self) -> int:
        """The HKEY as an int; ValueError once closed."""
        if self._handle is None:
            raise ValueError("registry key %r is closed" % self.path)
        return self._handle

    @property
    def closed(self) -> bool:
        return self._handle is None

    def close(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            _comrt.reg_close(handle)

    def __enter__(self) -> "Key":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self) -> str:
        return "<comrt.registry.Key %r%s>" % (self.path, " closed" if self.closed else "")

    # -- navigation --------------------------------------------------------
    def open_key(self, subkey: str, writable: bool = False) -> "Key":
        """Opens hkey\\subkey, for reading only unless writable (KEY_READ
        or KEY_ALL_ACCESS, as winreg.OpenKey); FileNotFoundError when missing."""
        return Key(_comrt.reg_open(self.handle, subkey, 1 if writable else 0), _join(self.path, subkey))

    def create_key(self, subkey: str) -> "Key":
        """Opens hkey\\subkey, creating it (and its parents) when missing."""
        return Key(_comrt.reg_open(self.handle, subkey, 2), _join(self.path, subkey))

    def subkeys(self) -> List[str]:
        """The names of the direct subkeys."""
        return list(_comrt.reg_enum_keys(self.handle))

    # -- values ------------------------------------------------------------
    def values(self) -> List[Tuple[str, int, Value]]:
        """Every value as (name, type, data); the default value's name is ""."""
        return [(name, type_, decode_value(type_, data)) for name, type_, data in _comrt.reg_enum_values(self.handle)]

    def get_value(self, name: Optional[str]) -> Tuple[Value, int]:
        """(data, type) of one value (None or "" names the default value),
        in winreg.QueryValueEx's order; FileNotFoundError when missing."""
        type_, data = _comrt.reg_query_value(self.handle, name or None)
        return decode_value(type_, data), type_

    def set_value(self, name: Optional[str], value: Value, type: Optional[int] = None) -> None:
        """Sets a value (None or "" names the default value); the type is
        inferred from value unless given (see encode_value)."""
        type_, data = encode_value(value, type)
        _comrt.reg_set_value(self.handle, name or None, type_, data)

    def delete_value(self, name: Optional[str]) -> None:
        """Deletes one value; FileNotFoundError when missing."""
        _comrt.reg_delete_value(self.handle, name or None)

    def delete_tree(self, subkey: Optional[str] = None) -> None:
        """Deletes hkey\\subkey with everything below it; without subkey,
        deletes this key's values and subkeys but keeps the key (RegDeleteTreeW)."""
        _comrt.reg_delete_tree(self.handle, subkey or None)

    def export(self, file: Union[str, "os.PathLike[str]"], regedit4: bool = False) -> None:
        """Writes this key and everything below it as a .reg file."""
        _comrt.reg_export_key(self.handle, None, os.fsdecode(file), 1 if regedit4 else 0)


def _join(path: str, subkey: str) -> str:
    subkey = subkey.strip("\\")
    return path + "\\" + subkey if subkey else path


def open_key(path: str, writable: bool = False) -> Key:
    """Opens a key by path (``HKCR\\\\CLSID\\\\{...}``), for reading only unless
    writable (then a read-only hive answers PermissionError); FileNotFoundError
    when missing."""
    root, name, sub = split_path(path)
    return Key(_comrt.reg_open(root, sub, 1 if writable else 0), _join(name, sub))


def create_key(path: str) -> Key:
    """Opens a key by path, creating it and its parents when missing."""
    root, name, sub = split_path(path)
    return Key(_comrt.reg_open(root, sub, 2), _join(name, sub))


def delete_tree(path: str) -> None:
    """Deletes a key and everything below it; FileNotFoundError when missing.
    A bare root cannot be deleted (ValueError)."""
    root, _name, sub = split_path(path)
    if not sub:
        raise ValueError("refusing to delete a whole root: %r" % path)
    _comrt.reg_delete_tree(root, sub)


def delete_value(path: str, name: Optional[str]) -> None:
    """Deletes the value `name` (None or "": the default value) of the key at path."""
    with open_key(path, writable=True) as key:
        key.delete_value(name)


def import_file(file: Union[str, "os.PathLike[str]"]) -> None:
    """Imports a .reg file (REGEDIT4 or version 5.00), all or nothing.  On
    a syntax error the OSError has ``lineno`` (1-based) and a message
    "line N: ..."; ``lineno`` is 0 for errors not tied to a line."""
    _comrt.reg_import_file(os.fsdecode(file))


def export_key(path: str, file: Union[str, "os.PathLike[str]"], regedit4: bool = False) -> None:
    """Writes the key at path and everything below it to a .reg file
    (version 5.00, UTF-16LE; or REGEDIT4, UTF-8, with regedit4=True)."""
    root, _name, sub = split_path(path)
    _comrt.reg_export_key(root, sub or None, os.fsdecode(file), 1 if regedit4 else 0)
