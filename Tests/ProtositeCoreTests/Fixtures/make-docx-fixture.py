#!/usr/bin/env python3
"""Writes example-policy.docx, the Word document the import tests read: a
Title, Heading 1 and Heading 2 paragraphs, a numbered and a bulleted list,
bold and italic runs, a table and a footnote, plus adoption and review
lines. WordprocessingML written directly (python-docx cannot make
footnotes), kept minimal but valid for Word and LibreOffice.
    python3 make-docx-fixture.py
"""
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def p(text, style=None, num=None, runs=None):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    body = runs if runs is not None else f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    return f"<w:p>{ppr}{body}</w:p>"


def run(text, bold=False, italic=False):
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    props = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def cell(text):
    return f"<w:tc>{p(text)}</w:tc>"


body = "".join([
    p("Grants Policy", "Title"),
    p("Example Parish Council awards small grants to local groups."),
    p("1. Scope", "Heading1"),
    p(None, runs=run("1.1 This policy applies to ") + run("every", bold=True) + run(" grant the council makes") + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>' + run(".")),
    p("Who may apply", "Heading2"),
    p("Registered charities", num=("1", "0")),
    p("Community groups with a constitution", num=("1", "0")),
    p("Apply in writing to the clerk", num=("2", "0")),
    p("Include your accounts", num=("2", "0")),
    p(None, runs=run("Applications are ") + run("never", italic=True) + run(" accepted after the deadline.")),
    "<w:tbl><w:tblPr/>" + "".join(
        f"<w:tr>{cell(a)}{cell(b)}</w:tr>" for a, b in [("Grant size", "Decided by"), ("Up to £500", "The clerk"), ("Over £500", "The council")]
    ) + "</w:tbl>",
    p("Date adopted 3rd March 2021"),
    p("Date to be Reviewed March 2027"),
])

files = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>',
    "word/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>' + "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/></w:style>' for sid, name in [("Title", "Title"), ("Heading1", "heading 1"), ("Heading2", "heading 2")]
    ) + "</w:styles>",
    "word/numbering.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>',
    "word/footnotes.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W}>'
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:t xml:space="preserve">Grants under £50 need no form.</w:t></w:r></w:p></w:footnote></w:footnotes>',
}

with zipfile.ZipFile("example-policy.docx", "w", zipfile.ZIP_DEFLATED) as archive:
    for name, text in files.items():
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, text.encode("utf-8"))
print("wrote example-policy.docx")
