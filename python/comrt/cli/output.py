"""What every ``comrt`` subcommand prints: a result line on stdout, an error
line on stderr, neither of which may fail on text the terminal cannot encode
(a file name that is not UTF-8, a registry name with unpaired surrogates)."""
import sys


def _write(stream, line: str, errors: str) -> None:
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(line)
        return
    stream.flush()
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        data = line.encode(encoding, errors=errors)
    except UnicodeEncodeError:
        data = line.encode(encoding, errors="backslashreplace")
    buffer.write(data)
    stream.flush()


def error(text: str) -> int:
    """``comrt: text`` on stderr (a non-UTF-8 file name comes out as its
    bytes, other unencodable characters escaped); returns 1, the exit code."""
    _write(sys.stderr, "comrt: %s\n" % text, "surrogateescape")
    return 1


def out(text: str) -> None:
    """A line on stdout; characters the terminal cannot encode come out escaped."""
    _write(sys.stdout, text + "\n", "backslashreplace")
