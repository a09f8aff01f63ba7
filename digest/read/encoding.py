"""Bytes to text: UTF-8 first, then the declared charset, then a detected one.

Order matters. Strict UTF-8 goes first because a page that decodes as UTF-8 almost
surely is UTF-8, whatever its `<meta charset>` claims (mislabelled pages are common).
A declared charset comes next; detection (charset-normalizer) last. Among detected
encodings that decode the bytes equally cleanly, Windows-1252 wins: it is what
Western pages without a declaration are written in (the WHATWG fallback), while
detectors often pick a sibling code page that turns "è" into "č".
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

# HTML and XML say their charset near the start: <meta charset>, http-equiv, <?xml encoding?>.
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.I,
)
# What browsers do with these labels: Latin-1 and ASCII pages are read as Windows-1252.
_WHATWG = {"latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252"}
_WESTERN = "cp1252"
_CHAOS_TOLERANCE = 0.01


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first 2 KB, if any."""
    match = _DECLARED.search(data[:2048])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    return label if known_encoding(label) else None


def known_encoding(label: str) -> str | None:
    """Python's name for a charset label, or None when Python does not know it."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return name.replace("-", "_")


def decode(where: str, data: bytes, declared: str | None = None) -> str:
    """Decode `data`: BOM or UTF-8, else the declared charset, else a detected one.

    Raises InputError naming `where` when no encoding reads the bytes as text.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if declared:
        name = known_encoding(declared)
        if name is not None:
            try:
                return data.decode(_WHATWG.get(name, name))
            except UnicodeDecodeError:
                # cp1252 leaves five bytes undefined; Latin-1 itself maps them all.
                if _WHATWG.get(name) == _WESTERN:
                    return data.decode("latin-1")
    text = _detect(data)
    if text is None:
        raise InputError(
            f"{where}: not text in any encoding digest can recognise (not UTF-8: byte "
            f"0x{data[first_bad]:02x} at offset {first_bad}); "
            "Hint: convert it with iconv -t UTF-8, or set 'encoding:' on its source"
        )
    return text


def _detect(data: bytes) -> str | None:
    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    clean = [r for r in results if r.chaos <= best.chaos + _CHAOS_TOLERANCE]
    if any(_WESTERN in r.could_be_from_charset for r in clean):
        try:
            return data.decode(_WESTERN)
        except UnicodeDecodeError:
            pass
    return str(best)
