import Foundation
import FuzzDriver
import ProtositeImport

/// The fuzzer's bytes as a plain-text export, through the whole text
/// importer (which reads its own Markdown back with the build's parser).
/// Any crash, hang or sanitizer report is a bug; warnings and refusals are
/// fine.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    _ = try? Importer.importText(text, fileName: "fuzz.md")
    return 0
}

runFuzzer { data, size in fuzzOne(data, size) }
