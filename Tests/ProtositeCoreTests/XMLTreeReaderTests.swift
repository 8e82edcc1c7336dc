import Foundation
import Testing
@testable import ProtositeImport

/// The .docx importer's own XML reader (it replaced Foundation's XMLParser,
/// which needed libxml2): what it gives the importer, and what it refuses.
@Suite("Reading WordprocessingML")
struct XMLTreeReaderTests {
    func parse(_ xml: String) -> XMLElementNode? {
        XMLTreeBuilder.parse(Data(xml.utf8))
    }

    @Test func elementsAttributesAndTextAreReadWithQualifiedNames() throws {
        let root = try #require(parse("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="urn:w"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>\
            <w:r><w:t xml:space="preserve">4.8 A councillor </w:t></w:r></w:p></w:body></w:document>
            """))
        #expect(root.name == "w:document")
        let paragraph = try #require(root.child("w:body")?.child("w:p"))
        #expect(paragraph.child("w:pPr")?.child("w:pStyle")?.attribute("val") == "Heading1")
        #expect(paragraph.all("w:t").map(\.text) == ["4.8 A councillor "])
    }

    @Test func entitiesAndCharacterReferencesAreDecoded() throws {
        let root = try #require(parse(#"<a t="&quot;x&apos; &amp; y">&lt;b&gt; &#8288;&#x2014;&amp;</a>"#))
        #expect(root.attributes["t"] == "\"x' & y")
        #expect(root.text == "<b> \u{2060}\u{2014}&")
    }

    @Test func lineEndsAreNormalisedAsXMLRequires() throws {
        let root = try #require(parse("<a v=\"1\r\n2\">x\r\ny\rz</a>"))
        #expect(root.attributes["v"] == "1 2")
        #expect(root.text == "x\ny\nz")
    }

    @Test func commentsCDATAAndTheDoctypeGiveNoText() throws {
        let root = try #require(parse("<!DOCTYPE a><a><!-- note -->x<![CDATA[<y>]]>z</a>"))
        #expect(root.text == "xz")
    }

    @Test(arguments: [
        "<a><b></a></b>",          // crossed
        "<a>",                     // never closed
        "<a>&nbsp;</a>",           // not a predefined entity
        "<a>&#0;</a>",             // no such character
        "<a x=1/>",                // unquoted attribute
        "<a/><b/>",                // two roots
        "</a>",
    ])
    func malformedXMLIsRefused(_ xml: String) {
        #expect(parse(xml) == nil)
    }

    @Test func anEntityDeclarationIsNeverExpanded() throws {
        let root = try #require(parse("<!DOCTYPE a [<!ENTITY e \"boom\">]><a>ok</a>"))
        #expect(root.text == "ok")
    }
}
