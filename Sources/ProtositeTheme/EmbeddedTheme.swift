/// The built-in templates and assets. Their sources are the files under
/// the package's top-level `templates/`; the EmbedTheme build plugin
/// compiles them in, so a copied `protosite` binary needs no folder beside it.
public enum EmbeddedTheme {
    /// Every file's text by its path under `templates/` (`layout.mustache`,
    /// `assets/site.css`).
    public static var files: [String: String] { contents }
}
