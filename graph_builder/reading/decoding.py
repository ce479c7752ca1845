"""Bytes to text: the encodings article files come in (UTF-8 with or without BOM,
UTF-16/32 with a BOM, Windows-1258 recognised by its Vietnamese letters), and the files
that are not text at all (PDF, images, archives), each named in a clear message."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..errors import InputError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
_MAGIC = ((b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (docx, xlsx, odt...)"),
          (b"\x1f\x8b", "a gzip archive"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an old Word/Excel document"),
          (b"\x7fELF", "a program"))
# Letters of the Vietnamese alphabet beyond ASCII (NFC), and punctuation scraped pages use:
# text decoded with the right legacy code page consists of these; with a wrong one, of
# stray symbols and Latin letters Vietnamese never uses.
_VIETNAMESE = set(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
    "\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u00b7\u00b0\u00ab\u00bb\u20ab")
_LEGACY_HINT = ("save the file as UTF-8; text in a legacy Vietnamese encoding "
                "(TCVN3/ABC, VNI) must be converted first, e.g. with UniKey's converter")


@dataclass
class Decoded:
    """The text of a file and how it was read (`encoding` is worth a warning when it was
    guessed rather than declared)."""
    text: str
    encoding: str
    guessed: bool = False


def decode(data: bytes, where: str) -> str:
    """The text of an article file's bytes: UTF-8 (with or without BOM), UTF-16/32 with a
    BOM, or Windows-1258 where the bytes read as Vietnamese in it. Anything else is an
    InputError naming the file and the byte offset."""
    return decode_bytes(data, where).text


def decode_bytes(data: bytes, where: str, declared: str | None = None) -> Decoded:
    """Like `decode`, saying which encoding was used. `declared` is an encoding the file
    names itself (an HTML `<meta charset>`), tried when the bytes are not UTF-8."""
    if not data:
        raise InputError("empty file (0 bytes)", where=where, hint="remove it or add the article text")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return _no_nul(Decoded(body.decode(codec), f"{name} with BOM"), where)
            except UnicodeDecodeError as exc:
                offset = len(bom) + exc.start
                raise InputError(f"not valid {name} despite its byte order mark (invalid data at byte "
                                 f"offset {offset})", where=where, hint="save the file as UTF-8") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        text = _utf16_without_bom(data)
        if text is not None:
            return _no_nul(Decoded(text, "UTF-16 without BOM", guessed=True), where)
        kind = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
        raise InputError(f"binary file (NUL byte at byte offset {nul}{'; it looks like ' + kind if kind else ''})",
                         where=where, hint="an article must be a text or HTML file")
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as exc:
        bad, offset = data[exc.start], exc.start
    kind = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
    if kind:
        raise InputError(f"binary file (it looks like {kind})", where=where,
                         hint="an article must be a text or HTML file")
    if declared:
        text = _declared(data, declared)
        if text is not None:
            return Decoded(text, declared)
    text = _legacy(data, "cp1258")
    if text is not None:
        return Decoded(text, "Windows-1258", guessed=True)
    raise InputError(f"not UTF-8 (invalid byte 0x{bad:02x} at byte offset {offset})",
                     where=where, hint=_LEGACY_HINT)


def _declared(data: bytes, encoding: str) -> str | None:
    try:
        # Windows-1258 writes tones as combining marks
        return unicodedata.normalize("NFC", data.decode(encoding))
    except (UnicodeDecodeError, LookupError):
        return None


def _legacy(data: bytes, codec: str) -> str | None:
    """`data` in a single-byte code page, if the result reads as Vietnamese text."""
    try:
        text = unicodedata.normalize("NFC", data.decode(codec))
    except (UnicodeDecodeError, LookupError):
        return None
    wide = [ch for ch in text if ord(ch) > 0x7f]
    if not wide:
        return text
    vietnamese = sum(ch in _VIETNAMESE for ch in wide)
    # A stray combining mark (a tone that composed with nothing), a C1 control or a
    # letter Vietnamese does not use means the guess is wrong.
    return text if vietnamese >= 0.97 * len(wide) else None


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a BOM: a NUL in the high byte of every ASCII character
    (spaces, digits, most Vietnamese letters), never in the low byte."""
    if len(data) % 2 or len(data) < 8:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if min(even, odd) > 0 or max(even, odd) < 0.3 * (len(data) // 2):
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if " " not in text or any(unicodedata.category(ch) in ("Cc", "Cn", "Co") and ch not in "\n\r\t"
                              for ch in text):
        return None
    return text


def _no_nul(decoded: Decoded, where: str) -> Decoded:
    position = decoded.text.find("\x00")
    if position >= 0:
        raise InputError(f"binary file (NUL character at character {position} after decoding "
                         f"{decoded.encoding})", where=where, hint="an article must be a text or HTML file")
    return decoded
