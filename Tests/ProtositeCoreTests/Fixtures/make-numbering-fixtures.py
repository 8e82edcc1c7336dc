#!/usr/bin/env python3
"""Writes the Word documents the numbering tests read, one per pattern of
Word's automatic numbering (word/numbering.xml and numbering carried by
paragraph styles). WordprocessingML is written directly with zipfile, as
make-docx-fixture.py does, so the fixtures need nothing but Python.

Every numbered or typed-number paragraph carries a marker `Pnn` right after
where Word draws its label, so a test can cut the label a reader sees
(LibreOffice's text export, protosite's Markdown) from the text before it.
The text is our own; no council's wording.

    python3 make-numbering-fixtures.py OUTPUT-FOLDER
"""
import os
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def p(text, style=None, num=None):
    """A paragraph; `num` is (numId, ilvl), or (numId, None) for numId alone."""
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        if num:
            ppr += "<w:numPr>"
            if num[1] is not None:
                ppr += f'<w:ilvl w:val="{num[1]}"/>'
            ppr += f'<w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>'


def lvl(ilvl, fmt, text, start=1, legal=False, style=None):
    out = f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
    if style:
        out += f'<w:pStyle w:val="{style}"/>'
    if legal:
        out += "<w:isLgl/>"
    out += f'<w:lvlText w:val="{esc(text)}"/><w:lvlJc w:val="left"/>'
    out += f'<w:pPr><w:ind w:left="{360 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
    return out


def abstract(aid, levels):
    return f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'


def num(nid, aid, overrides=None):
    body = f'<w:abstractNumId w:val="{aid}"/>'
    for ilvl, start in (overrides or {}).items():
        body += f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
    return f'<w:num w:numId="{nid}">{body}</w:num>'


def style(sid, name, based=None, numpr=None, outline=None):
    ppr = ""
    if numpr or outline is not None:
        ppr = "<w:pPr>"
        if numpr:
            ppr += "<w:numPr>"
            if numpr[1] is not None:
                ppr += f'<w:ilvl w:val="{numpr[1]}"/>'
            ppr += f'<w:numId w:val="{numpr[0]}"/></w:numPr>'
        if outline is not None:
            ppr += f'<w:outlineLvl w:val="{outline}"/>'
        ppr += "</w:pPr>"
    based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
    return f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>{based_on}{ppr}</w:style>'


BASE_STYLES = [
    style("Normal", "Normal"),
    style("Title", "Title", "Normal"),
    style("Heading1", "heading 1", "Normal", outline=0),
    style("Heading2", "heading 2", "Normal", outline=1),
]

DECIMALS = [lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2."), lvl(2, "decimal", "%1.%2.%3")]


def fixture(title, paragraphs, abstracts, nums, styles=()):
    return {
        "title": title,
        "body": [p(title, "Title")] + paragraphs + [p("Adopted by the Council on 3rd March 2021"), p("Date to be Reviewed March 2027")],
        "numbering": "".join(abstracts) + "".join(nums),
        "styles": BASE_STYLES + list(styles),
    }


FIXTURES = {
    # 1., 1.1., 1.2.1 — clause numbers drawn by Word at three levels.
    "multilevel-decimal": fixture("Multi-level Decimal Rules", [
        p("P01 Meetings of the council", num=(1, 0)),
        p("P02 The council meets six times a year.", num=(1, 1)),
        p("P03 The chair may call an extra meeting.", num=(1, 1)),
        p("P04 Notice of it is given three clear days ahead.", num=(1, 2)),
        p("P05 Notice also goes on the noticeboard.", num=(1, 2)),
        p("P06 Committees", num=(1, 0)),
        p("P07 The council may appoint committees.", num=(1, 1)),
    ], [abstract(0, DECIMALS)], [num(1, 0)]),

    # 1. then a. to k.: i comes after h, so it is a letter.
    "letters-under-decimals": fixture("Lettered Duties", [
        p("P01 The clerk shall", num=(1, 0)),
        *[p(f"P{n + 2:02d} keep duty number {n + 1} of the list;", num=(1, 1)) for n in range(11)],
        p("P13 The chair shall", num=(1, 0)),
        p("P14 open each meeting.", num=(1, 1)),
    ], [abstract(0, [lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2.")])], [num(1, 0)]),

    # (1), (a), (i) under a typed numbered heading.
    "brackets": fixture("Bracketed Code", [
        p("4. P01 General obligations", "Heading1"),
        p("P02 You must treat others with respect.", num=(1, 0)),
        p("P03 You must not", num=(1, 0)),
        p("P04 bully any person;", num=(1, 1)),
        p("P05 harass any person, including", num=(1, 1)),
        p("P06 staff of the council;", num=(1, 2)),
        p("P07 members of the public;", num=(1, 2)),
        p("P08 visitors;", num=(1, 2)),
        p("P09 or intimidate any person.", num=(1, 1)),
        p("P10 You must register your interests.", num=(1, 0)),
    ], [abstract(0, [lvl(0, "decimal", "(%1)"), lvl(1, "lowerLetter", "(%2)"), lvl(2, "lowerRoman", "(%3)")])], [num(1, 0)]),

    # Numbering carried by styles: Heading 1 numbered through its style,
    # "Clause" based on "Clause Base" which carries the numbering.
    "style-numbering": fixture("Styled Regulations", [
        p("P01 General", "Heading1"),
        p("P02 These regulations govern the council's money.", "Clause"),
        p("P03 The clerk keeps the accounts.", "Clause"),
        p("P04 Budget", "Heading1"),
        p("P05 The council sets a budget each January.", "Clause"),
        p("P06 each committee estimates its spending;", "SubClause"),
        p("P07 the council approves the total.", "SubClause"),
    ], [abstract(0, [lvl(0, "decimal", "%1.", style="Heading1"), lvl(1, "decimal", "%1.%2"), lvl(2, "lowerLetter", "(%3)")])],
       [num(1, 0)],
       [style("ClauseBase", "Clause Base", "Normal", numpr=(1, 1)), style("Clause", "Clause", "ClauseBase"),
        style("SubClause", "Sub Clause", "Normal", numpr=(1, 2))]),

    # numId 0 on a numbered style, and on a paragraph, switches numbering off.
    "numid-zero": fixture("Unnumbered Notes", [
        p("P01 Standing rules", num=(1, 0)),
        p("P02 Members stand to speak.", "Clause"),
        p("P03 A note that Word leaves unnumbered.", "Clause", num=(0, None)),
        p("P04 Members address the chair.", "Clause"),
        p("P05 Another unnumbered note.", num=(0, 0)),
        p("P06 Members speak once to a motion.", "Clause"),
    ], [abstract(0, [lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")])], [num(1, 0)],
       [style("Clause", "Clause", "Normal", numpr=(1, 1))]),

    # One list, continued across an unnumbered heading.
    "continued-across-heading": fixture("Continued List", [
        p("P01 Motions go to the clerk in writing.", num=(1, 0)),
        p("P02 The clerk dates each motion.", num=(1, 0)),
        p("P03 Amendments", "Heading1"),
        p("P04 An amendment is relevant to its motion.", num=(1, 0)),
        p("P05 Only one amendment is moved at a time.", num=(1, 0)),
    ], [abstract(0, [lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2)")])], [num(1, 0)]),

    # Starts at 10; each level restarts under the level above it; a second
    # instance of the same definition starts again at 20 (startOverride).
    "restarts-and-start": fixture("Restarted Orders", [
        p("P01 Finance", num=(1, 0)),
        p("P02 The council appoints a finance officer.", num=(1, 1)),
        p("P03 who keeps the books;", num=(1, 2)),
        p("P04 who banks the money.", num=(1, 2)),
        p("P05 The officer reports each quarter.", num=(1, 1)),
        p("P06 and answers questions.", num=(1, 2)),
        p("P07 Property", num=(1, 0)),
        p("P08 The council keeps a register of assets.", num=(1, 1)),
        p("P09 and reviews it yearly.", num=(1, 2)),
        p("P10 Staff", num=(2, 0)),
        p("P11 The council employs a clerk.", num=(2, 1)),
    ], [abstract(0, [lvl(0, "decimal", "%1.", start=10), lvl(1, "decimal", "%1.%2"), lvl(2, "lowerRoman", "(%3)")])],
       [num(1, 0), num(2, 0, {0: 20})]),

    # A legal level: the upper-roman part above it is written in digits.
    "legal-numbering": fixture("Legal Parts", [
        p("P01 Introduction", "Heading1", num=(1, 0)),
        p("P02 These rules bind every member.", num=(1, 1)),
        p("P03 They take effect on adoption.", num=(1, 1)),
        p("P04 Meetings", "Heading1", num=(1, 0)),
        p("P05 Meetings are open to the public.", num=(1, 1)),
    ], [abstract(0, [lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2", legal=True)])], [num(1, 0)]),

    # Typed numbers beside automatic ones; Word's counter ignores typed ones.
    "typed-and-automatic": fixture("Typed and Automatic", [
        p("P01 Declarations", "Heading1", num=(1, 0)),
        p("P02 Members declare interests.", num=(1, 1)),
        p("1.2 P03 A typed clause number.", None),
        p("(a) P04 a typed label;", None),
        p("(b) P05 another typed label.", None),
        p("P06 Word's counter did not see the typed number.", num=(1, 1)),
        p("7. P07 A typed heading", "Heading1"),
        p("7.1 P08 A typed clause under it.", None),
    ], [abstract(0, [lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")])], [num(1, 0)]),

    # Upper letters and a) letters, and Heading 2 numbered through its style.
    "upper-letters-and-headings": fixture("Lettered Sections", [
        p("P01 Scope", "Heading1"),
        p("P02 Who the code covers", "Heading2"),
        p("P03 Every member and co-opted member.", num=(2, 0)),
        p("P04 Every committee member.", num=(2, 0)),
        p("P05 when acting for the council;", num=(2, 1)),
        p("P06 when claiming to act for it.", num=(2, 1)),
        p("P07 Where it applies", "Heading2"),
        p("P08 At meetings.", num=(2, 0)),
    ], [abstract(0, [lvl(0, "decimal", "%1", style="Heading1"), lvl(1, "decimal", "%1.%2", style="Heading2")]),
        abstract(1, [lvl(0, "upperLetter", "%1."), lvl(1, "lowerLetter", "%2)")])],
       [num(1, 0), num(2, 1)],
       [style("Heading1", "heading 1", "Normal", numpr=(1, 0), outline=0), style("Heading2", "heading 2", "Normal", numpr=(1, 1), outline=1)]),
}


def write(path, fixture):
    styles = {}
    for s in fixture["styles"]:
        sid = s.split('w:styleId="')[1].split('"')[0]
        styles[sid] = s  # a later definition replaces a base one
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(fixture["body"])}<w:sectPr/></w:body></w:document>',
        "word/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>{"".join(styles.values())}</w:styles>',
        "word/numbering.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>{fixture["numbering"]}</w:numbering>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(folder, exist_ok=True)
    for name, fixture in FIXTURES.items():
        write(os.path.join(folder, name + ".docx"), fixture)
    print("\n".join(sorted(FIXTURES)))
