import Foundation
import FuzzDriver
import ProtositeCore

/// One protocol file made of the fuzzer's bytes, built with two fixed
/// protocols beside it so references across documents are exercised; then
/// the same bytes as front matter and as protosite.yml on their own. Any
/// crash, hang or sanitizer report is a bug; diagnostics are fine.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let files: [String: [UInt8]] = [
        "content/fuzz.md": bytes,
        "content/code.md": Array("---\ntitle: Code of Conduct\ncouncil: C\ncited_as: [rule]\naliases: [The Code]\n---\n## 1. A\n\n1.1 B.\n\n4.8 C.\n".utf8),
        "content/so.md": Array("---\ntitle: Standing Orders\ncouncil: C\ncited_as: [standing order]\n---\n## 13. Q\n\n13.1 D.\n".utf8),
        "protosite.yml": Array("title: Fuzz\n".utf8),
    ]
    let today = CalendarDay(year: 2026, month: 11, day: 23)!
    _ = try? SiteBuilder(fileSystem: .memory(bytes: files), today: today).plan()
    // The YAML readers on their own, where anchors and aliases (the
    // dictionary offers `&a`, `*a`, `? `, `<<`) meet no Markdown first.
    if let text = String(validating: bytes, as: UTF8.self) {
        var diagnostics: [Diagnostic] = []
        _ = FrontMatterReader(path: "content/fuzz.md", firstLine: 2).read(text, diagnostics: &diagnostics)
        _ = ConfigReader.read(SourceFile(path: "protosite.yml", bytes: bytes), diagnostics: &diagnostics)
    }
    // The date grammar on its own, for inputs short enough to be dates.
    if size < 64, let text = String(validating: bytes, as: UTF8.self) {
        _ = DateParser.parse(text)
    }
    return 0
}

runFuzzer { data, size in fuzzOne(data, size) }
