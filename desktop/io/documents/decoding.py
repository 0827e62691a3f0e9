"""Turn the bytes of a text file into str: BOM, then a declared encoding, then detection.

Detection is limited to the encodings researchers of this region meet (UTF-8, windows-1252,
windows-1251, KOI8-R, windows-1250); among candidates that charset-normalizer judges about
equally clean, that order decides, because short Western texts are otherwise often taken for
Baltic or Central European code pages.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from desktop.io.documents.errors import BinaryDocumentError, UndecodableDocumentError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PREFERRED = ("utf_8", "cp1252", "cp1251", "koi8_r", "cp1250")
_CHAOS_TIE = 0.1
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def declared_encoding(data: bytes) -> str | None:
    """The encoding named in an XML prolog or an HTML meta tag near the start, if any."""
    head = data[:4096]
    found = _XML_DECL.match(head) or _HTML_CHARSET.search(head)
    if found is None:
        return None
    name = found.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding name)``.

    A byte-order mark wins, then ``declared`` (if it decodes the bytes without error), then
    strict UTF-8, then detection. Raises :class:`BinaryDocumentError` for bytes that are not
    text and
    :class:`UndecodableDocumentError` when no encoding fits. The text is not normalised here.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, name, UndecodableDocumentError), name), name
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise BinaryDocumentError("The file contains NUL bytes, so it is not a text document.")
    for candidate in (declared, "utf-8"):
        if candidate is not None:
            try:
                return _checked(data.decode(candidate), candidate), candidate
            except (UnicodeDecodeError, LookupError):
                continue
    detected = _detect(data)
    return _checked(_strict(data, detected, UndecodableDocumentError), detected), detected


_UTF8_NAMES = ("utf-8", "utf_8", "utf-8-sig", "ascii")


def mixed_encoding_warning(data: bytes, encoding: str | None) -> str | None:
    """A warning when the document was read as one legacy encoding but some of its lines are
    valid UTF-8 with non-ASCII characters (a file pieced together from two sources): those
    lines are then mis-read, so the user should look at the text."""
    if encoding is None or encoding.lower() in _UTF8_NAMES or encoding.startswith("utf"):
        return None
    utf8 = other = 0
    for line in data.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
        except UnicodeDecodeError:
            other += 1
    if not (utf8 and other):
        return None
    return (
        f"mixed text encodings: read as {encoding}, but {utf8} line(s) look like UTF-8 and "
        "may show wrong characters; check the text"
    )


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark (Windows tools do). Recognised when the
    high byte of each pair takes only a few values, NUL among them (ASCII and one script's
    block, e.g. 0x00 and 0x04 for Cyrillic), and the whole decodes to clean text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:65536]
    for name, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        values = set(high)
        if 0 in values and len(values) <= 4 and high.count(0) >= len(high) * 0.1:
            try:
                return _checked(data.decode(name), name), name
            except (UnicodeDecodeError, BinaryDocumentError):
                return None
    return None


def _strict(data: bytes, name: str, error: type[UndecodableDocumentError]) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise error(f"The text could not be decoded as {name}: {exc.reason}.") from None


def _detect(data: bytes) -> str:
    matches = list(from_bytes(data, cp_isolation=list(_PREFERRED)))
    if not matches:
        matches = list(from_bytes(data))
    if not matches:
        raise UndecodableDocumentError(
            "No text encoding fits these bytes; is the file really text?"
        )
    cleanest = min(match.chaos for match in matches)
    close = [match for match in matches if match.chaos <= cleanest + _CHAOS_TIE]
    close.sort(key=lambda match: _rank(match.encoding))
    return str(close[0].encoding)


def _rank(encoding: str) -> int:
    return _PREFERRED.index(encoding) if encoding in _PREFERRED else len(_PREFERRED)


def _checked(text: str, name: str) -> str:
    """Reject decoded text that is mostly control characters (a binary file read as text)."""
    if not text:
        return text
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(2, len(text[:65536]) // 100):
        raise BinaryDocumentError(
            f"The file does not look like text (too many control characters as {name})."
        )
    return text
