"""Reading PHP's serialize() format, in which WordPress stores structured post meta
(`_wp_attachment_metadata`: an image's sizes and their file names).

Only data comes out: null, booleans, numbers, strings, arrays (as dicts) and plain objects (as
dicts of their properties). References and custom-serialized classes are refused, and nothing
is ever instantiated, so a crafted value can do no more than fail to parse.
"""

MAX_DEPTH = 32


class PHPSerializeError(ValueError):
    pass


def unserialize(text):
    """The value `text` (a str or bytes) holds; PHPSerializeError when it is not well-formed."""
    data = text.encode() if isinstance(text, str) else bytes(text)
    value, end = _value(data, 0, 0)
    if end != len(data):
        raise PHPSerializeError(f"unexpected data after the value at byte {end}")
    return value


def maybe_unserialize(text):
    """Like WordPress's maybe_unserialize: the value if `text` is serialized, else `text`."""
    if isinstance(text, str) and text[:2] in ("a:", "O:", "s:", "i:", "d:", "b:", "N;"):
        try:
            return unserialize(text)
        except PHPSerializeError:
            return text
    return text


def _expect(data, position, token):
    if data[position : position + len(token)] != token:
        raise PHPSerializeError(f"expected {token.decode()!r} at byte {position}")
    return position + len(token)


def _until(data, position, stop):
    end = data.find(stop, position)
    if end < 0:
        raise PHPSerializeError(f"unterminated value at byte {position}")
    return data[position:end].decode("ascii", "replace"), end + len(stop)


def _number(text, kind, position):
    try:
        return kind(text)
    except ValueError:
        raise PHPSerializeError(f"not a number at byte {position}: {text!r}") from None


def _value(data, position, depth):
    if depth > MAX_DEPTH:
        raise PHPSerializeError("nested too deeply")
    kind = data[position : position + 1]
    if kind == b"N":
        return None, _expect(data, position + 1, b";")
    position = _expect(data, position + 1, b":")
    if kind == b"b":
        text, position = _until(data, position, b";")
        return text == "1", position
    if kind == b"i":
        text, position = _until(data, position, b";")
        return _number(text, int, position), position
    if kind == b"d":
        text, position = _until(data, position, b";")
        return _number(text, float, position), position
    if kind == b"s":
        return _string(data, position)
    if kind == b"a":
        return _array(data, position, depth)
    if kind == b"O":
        _class_name, position = _string(data, position, terminator=b":")
        return _array(data, position, depth)
    kind = kind.decode(errors="replace")
    raise PHPSerializeError(f"unsupported type {kind!r} at byte {position}")


def _string(data, position, terminator=b";"):
    text, position = _until(data, position, b":")
    length = _number(text, int, position)
    position = _expect(data, position, b'"')
    end = position + length
    if end > len(data):
        raise PHPSerializeError("string runs past the end of the value")
    value = data[position:end].decode("utf-8", "replace")
    position = _expect(data, end, b'"')
    return value, _expect(data, position, terminator)


def _array(data, position, depth):
    text, position = _until(data, position, b":")
    count = _number(text, int, position)
    position = _expect(data, position, b"{")
    result = {}
    for _ in range(count):
        key, position = _value(data, position, depth + 1)
        if not isinstance(key, int | str):
            raise PHPSerializeError(f"array key of unsupported type at byte {position}")
        result[key], position = _value(data, position, depth + 1)
    return result, _expect(data, position, b"}")
