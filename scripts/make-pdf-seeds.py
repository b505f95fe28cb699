#!/usr/bin/env python3
"""Writes the small PDFs in fuzz/seeds/pdf/: seeds for the `pdf` fuzz target, each one
exercising a path of the reader (a simple font, a CJK font in Identity-H with a ToUnicode map,
a compressed content stream, a page set sideways, a table laid out in columns, a table ruled
with lines — stroked and as thin filled rectangles, a merged header cell —, encryption)."""
import zlib, pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "fuzz" / "seeds" / "pdf"

def pdf(objects, trailer_extra=""):
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        body = o if isinstance(o, bytes) else o.encode("latin-1")
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects)+1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects)+1} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)

def stream(data, compress=False, extra=""):
    if compress:
        data = zlib.compress(data)
        extra += " /Filter /FlateDecode"
    return f"<< /Length {len(data)}{extra} >>\nstream\n".encode("latin-1") + data + b"\nendstream"

def doc(content, fonts="/F1 5 0 R", extra=(), rotate="", compress=False, trailer=""):
    return pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {rotate} /Contents 4 0 R /Resources << /Font << {fonts} >> >> >>",
        stream(content.encode("latin-1"), compress),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra,
    ], trailer)

CJK = "一二三合计支出收入预算总表单位万元项目"
def cid(text):
    return "<" + "".join(f"{CJK.index(c)+1:04x}" for c in text) + ">"

tounicode = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Y def 1 begincodespacerange <0000> <FFFF> endcodespacerange %d beginbfchar %s endbfchar endcmap CMapName currentdict /CMap defineresource pop end end" % (
    len(CJK), " ".join(f"<{i+1:04x}> <{ord(c):04x}>" for i, c in enumerate(CJK)))

def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = [("一", "1,234.50", "1,000.00"), ("二", "234.50", "234.50"), ("合计", "1,469.00", "1,234.50")]
    table = "BT /F1 10 Tf " + " ".join(
        f"1 0 0 1 60 {700-20*i} Tm ({a}) Tj 1 0 0 1 {220-5*len(b)} {700-20*i} Tm ({b}) Tj 1 0 0 1 {340-5*len(c)} {700-20*i} Tm ({c}) Tj"
        for i, (a, b, c) in enumerate([("item", "total", "basic")] + [(r[0].encode("unicode_escape").decode(), r[1], r[2]) for r in rows])) + " ET"
    (OUT / "simple.pdf").write_bytes(doc("BT /F1 12 Tf 60 780 Td (Budget 2025 total 1234.50) Tj 0 -16 Td (Second line 22.00) Tj ET"))
    (OUT / "table.pdf").write_bytes(doc(table, compress=True))
    cjk_font = ("/F2 6 0 R", [
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 9 0 R /DW 1000 /W [1 [1000 1000]] >>",
        stream(tounicode.encode("latin-1"), compress=True),
        "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>",
    ])
    cjk = f"BT /F2 12 Tf 60 780 Td {cid('收入预算总表')} Tj 0 -20 Td {cid('项目')} Tj 200 0 Td {cid('合计')} Tj ET"
    (OUT / "cjk.pdf").write_bytes(doc(cjk, fonts="/F1 5 0 R " + cjk_font[0], extra=cjk_font[1]))
    (OUT / "rotated.pdf").write_bytes(doc("BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Sideways table 1,234.50   5.00) Tj ET", rotate="/Rotate 90"))
    (OUT / "encrypted.pdf").write_bytes(doc("BT /F1 12 Tf 60 780 Td (secret) Tj ET", extra=[
        "<< /Filter /Standard /V 1 /R 2 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100> /P -4 >>"],
        trailer="/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]"))
    (OUT / "scanned.pdf").write_bytes(doc("0 0 595 842 re f"))
    # Ruled: rows as thin filled rectangles, columns as stroked lines (one only below the
    # header, whose "amount" spans two columns), drawn under a matrix as many writers do.
    ruled = ("q 1 0 0 1 0 0 cm 50 699.75 300 0.5 re 50 679.75 300 0.5 re 50 659.75 300 0.5 re "
             "50 639.75 300 0.5 re f 50 640 m 50 700 l 150 640 m 150 700 l 350 640 m 350 700 l "
             "250 640 m 250 680 l S Q BT /F1 9 Tf 55 686 Td (item) Tj 130 0 Td (amount) Tj "
             "-130 -20 Td (one) Tj 105 0 Td (1,234.50) Tj 100 0 Td (5.00) Tj -205 -20 Td (total) Tj "
             "105 0 Td (1,234.50) Tj 100 0 Td (5.00) Tj ET")
    (OUT / "ruled.pdf").write_bytes(doc(ruled, compress=True))

main()
