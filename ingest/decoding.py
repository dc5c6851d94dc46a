"""Untrusted bytes to text, and what kind of document the text is.

Sources are read by their content, never by their name: :func:`decode` turns bytes into text
(byte-order mark, UTF-8, a declared charset, then detection), refusing binary junk, and
:func:`sniff` tells a feed from an OPML list, an HTML page, other XML, JSON or plain text.

>>> decode("Müller, the chief of the Zürich bank, said so.".encode("latin-1"), source="a.txt")
'Müller, the chief of the Zürich bank, said so.'
>>> sniff('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
<Kind.FEED: 'feed'>
>>> sniff("Chips\\n\\nIntel rose.")
<Kind.TEXT: 'text'>
"""

from __future__ import annotations

import codecs
import enum
import json
import re
import unicodedata

import charset_normalizer

from newsgraph.errors import DecodeError, Messages

__all__ = [
    "Kind",
    "clean_text",
    "declared_encoding",
    "decode",
    "root_name",
    "sniff",
    "strip_prolog",
]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: How far into a document its encoding declaration and root element are looked for.
_HEAD = 4096
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
#: Single-byte encodings of Latin script, which detectors tell apart poorly on short texts.
#: Text they are guessed for is read as windows-1252, as browsers do (WHATWG's default).
_LATIN_FAMILY = re.compile(
    r"^(cp(1250|1252|1254|1257|437|775|850|852|858|860|863|865)|latin_1|hp_roman8|"
    r"iso8859_(1|2|3|4|9|10|13|14|15|16)|mac_(roman|latin2|iceland|turkish))$"
)
#: C0 control characters that never occur in text (tab, newline, form feed, CR do).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
#: What XML 1.0 cannot hold, and so neither RDF/XML, GraphML nor SPARQL XML results.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_PROLOG = re.compile(
    r"""(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE\b[^\[>]*(?:\[.*?\]\s*)?>)""",
    re.DOTALL | re.IGNORECASE,
)
_ROOT = re.compile(r"\A<([A-Za-z_][\w.:-]*)")
_START_TAG = re.compile(r"""\A<[^<>]*>""")
_HTML_ROOTS = frozenset({
    "html", "head", "body", "article", "main", "section", "div", "p", "h1", "h2", "h3", "span",
    "b", "i", "a", "table", "ul", "ol", "meta", "title", "link", "header", "nav"
})


class Kind(enum.Enum):
    """What a document is, judged by its content."""

    FEED = "feed"
    OPML = "opml"
    HTML = "html"
    XML = "xml"
    JSON = "json"
    TEXT = "text"


def declared_encoding(data: bytes, *, content_type: str | None = None) -> str | None:
    """The encoding a document declares for itself, if any codec knows it.

    An HTTP ``Content-Type`` charset comes first, then the XML declaration, then an HTML
    ``<meta charset>``. GB2312 and GBK are read as GB18030, of which they are subsets.

    Examples
    --------
    >>> declared_encoding(b'<?xml version="1.0" encoding="GB2312"?><rss/>')
    'gb18030'
    >>> declared_encoding(b"<html>", content_type="text/html; charset=ISO-8859-1")
    'latin-1'
    >>> declared_encoding(b"plain") is None
    True
    """
    candidates: list[bytes] = []
    if content_type and (found := re.search(r"charset\s*=\s*\"?([\w.:-]+)", content_type, re.I)):
        candidates.append(found.group(1).encode("ascii"))
    head = data[:_HEAD]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        if match := pattern.search(head):
            candidates.append(match.group(1))
    for name in candidates:
        try:
            codec = codecs.lookup(name.decode("ascii")).name
        except LookupError:
            continue
        return "gb18030" if codec in ("gb2312", "gbk") else codec.replace("iso8859-1", "latin-1")
    return None


#: The signatures of file formats that are not text, by their first bytes: a small PDF or
#: PostScript file may hold no NUL byte, and would otherwise be read as an article. None of
#: them begins a sentence of news ("GIF89a is the format ..." does; a GIF image holds NULs).
_FILE_TYPES = (
    (b"%PDF-", "a PDF file"),
    (b"%!PS", "a PostScript file"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0", "an old office document"),
    (b"{\\rtf", "an RTF document"),
)


def decode(data: bytes, *, source: str, content_type: str | None = None) -> str:
    """Decode untrusted bytes as text, or raise :class:`~newsgraph.errors.DecodeError`.

    A byte-order mark decides first; then UTF-8; then the declared encoding, if the bytes
    decode in it; then charset detection. NUL bytes (without a UTF-16/32 mark) and control
    characters mean binary junk. A byte-order mark is dropped from the text.

    Parameters
    ----------
    data : bytes
        The raw document.
    source : str
        Where the bytes came from, for the error message.
    content_type : str, optional
        An HTTP ``Content-Type`` header, whose charset is a declaration.

    Examples
    --------
    >>> decode("中芯国际表示将继续扩大产能而且股价上涨。".encode("gb18030"), source="x")
    '中芯国际表示将继续扩大产能而且股价上涨。'
    >>> decode(b"\\xff\\xfeh\\x00i\\x00", source="x")
    'hi'
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", source="img.txt")
    Traceback (most recent call last):
    ...
    newsgraph.errors.DecodeError: img.txt: is binary, not text (expected a feed, an \
article page or a text; got a PNG image)
    >>> decode(b"%PDF-1.4\\n1 0 obj << >> endobj\\n%%EOF\\n", source="report.pdf")
    Traceback (most recent call last):
    ...
    newsgraph.errors.DecodeError: report.pdf: is binary, not text (expected a feed, an \
article page or a text; got a PDF file)
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec, source=source)
    for magic, kind in _FILE_TYPES:
        if data.startswith(magic):  # a document format that may hold no NUL byte at all
            raise DecodeError(source, Messages.BINARY.format(what=kind))
    if b"\x00" in data:
        raise DecodeError(source, Messages.BINARY.format(what="NUL bytes"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _declared(data, content_type) or _detect(data, source)
    if len(_CONTROLS.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise DecodeError(source, Messages.BINARY.format(what="control characters"))
    return clean_text(text)


def clean_text(text: str) -> str:
    """Text as every output can hold it: Unicode's composed form (NFC: "e" and a combining
    accent are "é", so one name has one spelling), and each character XML 1.0 cannot hold
    (C0 controls but tab, newline and CR; lone surrogates; U+FFFE, U+FFFF) a space.

    >>> clean_text("Socie\u0301te\u0301\x0cGe\u0301ne\u0301rale\ufffe")
    'Société Générale '
    """
    return unicodedata.normalize("NFC", _NOT_XML.sub(" ", text))


def _declared(data: bytes, content_type: str | None) -> str | None:
    """``data`` decoded as it declares, or None if it declares nothing, or lies.

    A UTF-16/32 declaration without a byte-order mark is a lie here: the bytes hold no NUL.
    """
    declared = declared_encoding(data, content_type=content_type)
    if declared is None or declared.startswith(("utf-16", "utf-32")):
        return None
    try:
        return data.decode(declared)
    except UnicodeDecodeError:
        return None


def _strict(data: bytes, codec: str, *, source: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        message = Messages.BAD_ENCODING.format(encoding=codec, reason=e.reason)
        raise DecodeError(source, f"{message} at byte {e.start}") from e


def _detect(data: bytes, source: str) -> str:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError(source, Messages.UNDECODABLE)
    if _LATIN_FAMILY.match(best.encoding):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:  # five bytes cp1252 leaves undefined
            return data.decode("latin-1")
    return str(best)


def strip_prolog(text: str) -> str:
    """``text`` without its leading XML declaration, comments, DOCTYPE and blanks.

    >>> strip_prolog('<?xml version="1.0"?>\\n<!-- hi --><!DOCTYPE x [<!ENTITY a "b">]><x/>')
    '<x/>'
    """
    position = 0
    while match := _PROLOG.match(text, position):
        if match.end() == position:  # pragma: no cover - the pattern never matches empty
            break
        position = match.end()
    return text[position:]


def root_name(text: str) -> str | None:
    """The name of the root element of an XML document, or None.

    >>> root_name('<?xml version="1.0"?><!-- c --><catalog id="1"/>')
    'catalog'
    """
    match = _ROOT.match(strip_prolog(text[: _HEAD * 16].lstrip("\ufeff")))
    return match.group(1) if match else None


def sniff(text: str) -> Kind:
    """Tell what a decoded document is by its content.

    Examples
    --------
    >>> sniff('<feed xmlns="http://www.w3.org/2005/Atom"></feed>')
    <Kind.FEED: 'feed'>
    >>> sniff('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')
    <Kind.FEED: 'feed'>
    >>> sniff("<!DOCTYPE html><html><body>Hi</body></html>")
    <Kind.HTML: 'html'>
    >>> sniff('<opml version="2.0"><body/></opml>')
    <Kind.OPML: 'opml'>
    >>> sniff('<catalog><book/></catalog>')
    <Kind.XML: 'xml'>
    >>> sniff('{"a": 1}')
    <Kind.JSON: 'json'>
    """
    head = text[: _HEAD * 16].lstrip("\ufeff")
    if re.match(r"\s*<!DOCTYPE\s+html", head, re.IGNORECASE):
        return Kind.HTML
    body = strip_prolog(head)
    match = _ROOT.match(body)
    if match is None:
        if head.lstrip()[:1] in ("{", "[") and _is_json(text):
            return Kind.JSON
        return Kind.TEXT
    name = match.group(1).lower()
    local = name.rpartition(":")[2]
    if local in ("rss", "feed") or name.endswith(":rdf") or local == "rdf":
        return Kind.FEED
    if local == "opml":
        return Kind.OPML
    if local in _HTML_ROOTS or "<html" in body[:_HEAD].lower():
        return Kind.HTML
    if head.lstrip().startswith("<?xml") or _closes(body, match.group(1), text):
        return Kind.XML
    return Kind.TEXT


def _closes(body: str, root: str, text: str) -> bool:
    """Whether an element that opens a document is closed, by itself or by its end tag.

    A wire story may open with a company's name in angle brackets ("<ACME CORP> SUES
    GLOBEX"), which is no element.

    >>> _closes("<catalog/>", "catalog", "<catalog/>")
    True
    >>> _closes("<ACME CORP> SUES GLOBEX", "ACME", "<ACME CORP> SUES GLOBEX")
    False
    """
    start = _START_TAG.match(body)
    if start is not None and start.group(0).endswith("/>"):
        return True
    return f"</{root}" in text


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
