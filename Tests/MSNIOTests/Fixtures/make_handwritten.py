"""Writes handwritten.xlsx and broken.xlsx: worksheet XML typed by hand (Python's zipfile only), to exercise
what the libxml2 reader must handle that openpyxl's output does not show: a namespace prefix on every element,
inline strings with rich-text runs and a phonetic hint, entities and character references, t="str" formula
results, error cells, cells without an r attribute, exponents and long mantissas, a shared-string index
past the table, CDATA; broken.xlsx has a sheet whose XML is cut off. Run: python3 make_handwritten.py"""
import zipfile

workbook = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>"""
rels = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""
shared = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>name</t></si><si><r><t>Tom </t></r><r><rPr><b/></rPr><t>&amp; Jerry</t></r><rPh><t>tomu</t></rPh></si><si><t xml:space="preserve"> x </t></si></sst>"""
styles = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"""
sheet = """<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>amount</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>when</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>flag</x:t></x:is></x:c></x:row>
<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>1.5E+3</x:v></x:c><x:c r="C2" s="1"><x:v>45351</x:v></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c></x:row>
<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:r><x:t>caf&#233; </x:t></x:r><x:r><x:t><![CDATA[<b>]]></x:t></x:r></x:is></x:c><x:c r="B3"><x:v>-0.125</x:v></x:c><x:c r="C3" s="1"><x:f>TODAY()</x:f><x:v>45352.5</x:v></x:c><x:c r="D3" t="b"><x:v>0</x:v></x:c></x:row>
<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c><x:v>12345678901234567</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="B5"><x:v>0.1</x:v></x:c><x:c r="C5" t="s"><x:v>7</x:v></x:c></x:row>
</x:sheetData></x:worksheet>"""

def write(path, sheet_xml):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)

write("handwritten.xlsx", sheet)
write("broken.xlsx", sheet.replace("<x:row r=\"3\">", "<x:row r=\"3\"><x:c"))
