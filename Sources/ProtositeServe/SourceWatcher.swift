import Foundation

/// Notices changes to a site project's sources (content/, templates/,
/// protosite.yml) by comparing modification times and sizes. Polling is
/// portable and, at a few hundred files, costs next to nothing.
public struct SourceWatcher: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// A fingerprint of every source file: path, modification time, size.
    public func snapshot() -> [String: String] {
        var files: [String: String] = [:]
        let fm = FileManager.default
        for name in ["protosite.yml"] {
            let url = root.appendingPathComponent(name)
            if let attributes = try? fm.attributesOfItem(atPath: url.path) {
                files[name] = fingerprint(attributes)
            }
        }
        for folder in ["content", "templates"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = fm.enumerator(at: base, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]) else { continue }
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]),
                      values.isRegularFile == true else { continue }
                let stamp = values.contentModificationDate?.timeIntervalSince1970 ?? 0
                files[url.path] = "\(stamp) \(values.fileSize ?? 0)"
            }
        }
        return files
    }

    private func fingerprint(_ attributes: [FileAttributeKey: Any]) -> String {
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return "\(date) \(size)"
    }
}
