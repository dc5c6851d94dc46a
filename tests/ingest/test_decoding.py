"""Bytes to text, and sniffing what a document is."""

import codecs

import pytest

from newsgraph.errors import DecodeError
from newsgraph.ingest.decoding import Kind, declared_encoding, decode, sniff

ZH = "美国商务部扩大了对华先进芯片出口管制。荷兰阿斯麦公司股价下跌。"
FR = "Le président de la société, basée à Zürich, a déclaré que les ventes ont chuté."


@pytest.mark.parametrize(
    "data, expected",
    [
        (FR.encode("utf-8"), FR),
        (codecs.BOM_UTF8 + FR.encode("utf-8"), FR),
        (FR.encode("utf-16"), FR),
        (FR.encode("utf-32"), FR),
        (FR.encode("latin-1"), FR),
        (ZH.encode("gb18030"), ZH),
        ("<?xml version='1.0' encoding='gb2312'?><rss/>".encode("gb2312"),
         "<?xml version='1.0' encoding='gb2312'?><rss/>"),
        ("<html><meta charset='gbk'><p>中芯国际</p>".encode("gbk"),
         "<html><meta charset='gbk'><p>中芯国际</p>"),
    ],
)
def test_decode(data, expected):
    assert decode(data, source="x") == expected


@pytest.mark.parametrize(
    "data, expected",
    [
        ('<?xml version="1.0" encoding="ascii"?><t>Zürich, München</t>'.encode("latin-1"),
         '<?xml version="1.0" encoding="ascii"?><t>Zürich, München</t>'),
        ('<?xml version="1.0" encoding="utf-16"?><t>Zürich, München</t>'.encode("latin-1"),
         '<?xml version="1.0" encoding="utf-16"?><t>Zürich, München</t>'),
    ],
)
def test_wrong_declarations_are_ignored(data, expected):
    assert decode(data, source="x") == expected


def test_http_charset_counts_as_declared():
    data = "Ünïcödé".encode("latin-1")
    assert decode(data, source="x", content_type="text/plain; charset=ISO-8859-1") == "Ünïcödé"


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"GIF89a\x00\x01\x02", "got NUL bytes"),
        (b"\x00\x01\x02 not a format we know", "got NUL bytes"),
        # formats that may hold no NUL byte: a small PDF, an office document, RTF
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n", "got a PDF file"),
        (b"PK\x03\x04\x14\x06word/document.xml", "got a ZIP archive (or an office document)"),
        (b"{\\rtf1\\ansi Tariffs rose.}", "got an RTF document"),
        (bytes(range(1, 9)) * 50, "got control characters"),
        (codecs.BOM_UTF16_LE + b"a\x00b", "is not valid utf-16-le though it starts with"),
    ],
)
def test_decode_refuses_binary(data, fragment):
    with pytest.raises(DecodeError) as caught:
        decode(data, source="junk.bin")
    assert caught.value.source == "junk.bin"
    assert fragment in caught.value.message


@pytest.mark.parametrize(
    "data, content_type, expected",
    [
        (b'<?xml version="1.0" encoding="ISO-8859-1"?>', None, "latin-1"),
        (b'<?xml version="1.0" encoding="no-such-codec"?>', None, None),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>", None,
         "shift_jis"),
        (b"", "application/rss+xml; charset=\"GBK\"", "gb18030"),
    ],
)
def test_declared_encoding(data, content_type, expected):
    assert declared_encoding(data, content_type=content_type) == expected


@pytest.mark.parametrize(
    "text, kind",
    [
        ('<?xml version="1.0"?>\n<rss version="2.0"/>', Kind.FEED),
        ("\ufeff  <!-- c --><rss/>", Kind.FEED),
        ('<feed xmlns="http://www.w3.org/2005/Atom"/>', Kind.FEED),
        ("<rdf:RDF/>", Kind.FEED),
        ('<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x"><rss version="0.91"/>',
         Kind.FEED),
        ("<!doctype html><title>x</title>", Kind.HTML),
        ("<html><body>x</body></html>", Kind.HTML),
        ("<p>Just a paragraph</p>", Kind.HTML),
        ("<opml version='1.0'/>", Kind.OPML),
        ("<catalog/>", Kind.XML),
        ('<catalog id="1"><book/></catalog>', Kind.XML),
        ("<ACME CORP> SUES GLOBEX <GLX>\n\nBOSTON - Acme Corp said it sued.", Kind.TEXT),
        ('<?xml version="1.0"?><catalog><book>', Kind.XML),
        ("<ACME> SAYS PROFIT UP\n\nAcme said.", Kind.TEXT),
        ('["a"]', Kind.JSON),
        ("[not json", Kind.TEXT),
        ("date 2021-03-11 Bloomberg\n\nText", Kind.TEXT),
        ("# Title\n\nMarkdown <b>with</b> tags later", Kind.TEXT),
    ],
)
def test_sniff(text, kind):
    assert sniff(text) is kind


def test_text_is_composed_and_holds_only_what_xml_can():
    decomposed = "Socie\u0301te\u0301 Ge\u0301ne\u0301rale\x0c rose\ufffe.".encode()
    assert decode(decomposed, source="x") == "Société Générale  rose ."


def test_news_that_begins_with_a_format_name_is_text():
    text = "GIF89a is the image format Compuserve released in 1989, Giphy said."
    assert decode(text.encode(), source="news.txt") == text
