import Foundation
import ProtositeCore

/// The script the preview adds to every page: it waits for the next build
/// and reloads. Only `serve` uses it; built sites never carry it.
enum ReloadScript {
    static let source = """
    // protosite serve: reload when the site is rebuilt.
    const since = new URL(import.meta.url).searchParams.get("v") || "0";
    async function waitForBuild() {
      for (;;) {
        let response;
        try {
          response = await fetch(`/__protosite/wait?since=${since}`, { cache: "no-store" });
        } catch {
          return; // the server stopped
        }
        if (!response.ok) return;
        const version = await response.text();
        if (version !== since) { location.reload(); return; }
      }
    }
    waitForBuild();

    """

    /// The page with `<script type="module" src="/__protosite/reload.js?v=N">`
    /// before `</body>`.
    static func inject(into page: Data, version: Int) -> Data {
        let tag = Data("<script type=\"module\" src=\"/__protosite/reload.js?v=\(version)\"></script>\n".utf8)
        guard let range = page.range(of: Data("</body>".utf8), options: .backwards) else { return page + tag }
        var out = page
        out.insert(contentsOf: tag, at: range.lowerBound)
        return out
    }
}

/// What the preview shows instead of the site while the sources have errors.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic], version: Int) -> String {
        let items = diagnostics.map { "<li><code>\(escape($0.formatted))</code></li>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>The site could not be built</title></head>
        <body>
        <main>
        <h1>The site could not be built</h1>
        <p>Fix these and save the file; this page reloads by itself.</p>
        <ul class="diagnostics">
        \(items)
        </ul>
        </main>
        <script type="module" src="/__protosite/reload.js?v=\(version)"></script>
        </body>
        </html>

        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
