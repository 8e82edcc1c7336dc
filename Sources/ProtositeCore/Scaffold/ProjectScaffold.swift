/// The files `protosite init` and `protosite new` write: a project a clerk
/// can build at once, and a protocol with every front-matter key filled in.
public enum ProjectScaffold {
    /// `protosite.yml` with every setting explained.
    public static func config(council: String) -> String {
        """
        # Settings for this site. Every line is optional; delete what you do not need.

        # The site's name, shown at the top of every page.
        title: \(YAMLScalar.quote(council + " — Policies and Protocols"))

        # The council, shown on every protocol that does not name its own.
        council: \(YAMLScalar.quote(council))

        # The web address where the site/ folder will be published. Used for the
        # sitemap, the feed and links in printed copies; pages link to each
        # other relatively, so the site works from any folder.
        # base_url: https://www.example-parish.gov.uk/policies/

        # Language of the pages.
        language: en-GB

        # A review is shown as "due soon" this many days before its date.
        review_warning_days: 60

        # How residents reach the clerk, for the accessibility statement.
        # contact: clerk@example-parish.gov.uk, 01234 567890

        # Raw HTML in the Markdown is left out of the pages unless this is true.
        unsafe_html: false

        """
    }

    /// A new protocol's file: complete front matter and a skeleton body.
    public static func protocolFile(title: String, council: String?, today: CalendarDay) -> String {
        let nextYear = CalendarDay(year: today.year + 1, month: today.month, day: min(today.day, CalendarDay.daysIn(month: today.month, year: today.year + 1))) ?? today
        return """
        ---
        title: \(YAMLScalar.quote(title))
        council: \(YAMLScalar.quote(council ?? "Your Parish Council"))
        status: draft                # draft, adopted, superseded or withdrawn
        # adopted: \(today)          # the date the council adopted it (then set status: adopted)
        review: \(nextYear)          # when the next review is due
        version: 1
        summary: One sentence on what this protocol is for.
        aliases: []                  # other names it is known by
        tags: []
        history:
          - {date: \(today), version: 1, change: First draft}
        ---

        ## 1. Introduction

        1.1 Write the first clause here. Numbered paragraphs like this one become clauses that can be cited and linked as "paragraph 1.1".

        ## 2. Next section

        2.1 Refer to other clauses by number, for example "see paragraph 1.1 above".

        """
    }

    /// The example protocol `protosite init` writes.
    public static func exampleProtocol(council: String, today: CalendarDay) -> String {
        let review = CalendarDay(year: today.year + 1, month: today.month, day: 1) ?? today
        return """
        ---
        title: Councillor and Clerk Protocol
        council: \(YAMLScalar.quote(council))
        adopted: \(today)
        review: \(pad(review.year, 4))-\(pad(review.month, 2))
        version: 1
        summary: How councillors and the clerk work together, and what to do when things go wrong.
        tags: [staff, conduct]
        history:
          - {date: \(today), version: 1, change: Adopted by the council}
        ---

        This protocol sets out how councillors and the clerk work together.

        ## 1. Roles

        1.1 Councillors decide the council's policies; the clerk carries them out and advises the council.

        1.2 The clerk takes instructions from the council as a whole, not from individual councillors.

        ## 2. Working together

        2.1 Councillors and the clerk treat one another with courtesy and respect.

        2.2 A councillor with a concern about the clerk's work raises it with the chair, not in public (see paragraph 3.1).

        ## 3. If things go wrong

        3.1 Concerns are handled under the council's grievance procedure[^1].

        [^1]: Ask the chair for a copy of the grievance procedure.

        """
    }

    /// The `.gitignore` of a new project: the output is generated.
    public static let gitignore = "site/\n.site.protosite-spare/\n.site.protosite-cache/\n"

    /// The file name for a new protocol: its title as a slug.
    public static func fileName(forTitle title: String) -> String {
        let slug = HeadingSlug.make(title)
        return (slug.isEmpty ? "protocol" : slug) + ".md"
    }
}
