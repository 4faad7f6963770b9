/// Short quotes of the input for error lines: a long line (or a 50 MB one) must not flood the
/// terminal, so an excerpt is at most `maxLength` characters of one line.
enum Excerpt {
    static let maxLength = 40

    /// The text of `line` (1-based) from `column` (1-based, Unicode scalars), at most
    /// `maxLength` characters, with `…` when cut; nil when the line does not exist.
    static func at(line: Int, column: Int, in text: String) -> String? {
        guard line >= 1 else { return nil }
        var current = 1
        var start = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        if line > 1 {
            var i = scalars.startIndex
            while i < scalars.endIndex {
                if scalars[i] == "\n" {
                    current += 1
                    if current == line { start = scalars.index(after: i); break }
                }
                i = scalars.index(after: i)
            }
            guard current == line else { return nil }
        }
        var out = String.UnicodeScalarView()
        var i = start
        var skipped = 1
        while i < scalars.endIndex, scalars[i] != "\n", scalars[i] != "\r" {
            if skipped >= column || column <= 1 {
                if out.count == maxLength { return String(out) + "…" }
                out.append(scalars[i])
            } else {
                skipped += 1
            }
            i = scalars.index(after: i)
        }
        let s = String(out).trimmed
        return s.isEmpty ? nil : s
    }

    /// `s` cut to `maxLength` characters, with `…` when cut.
    static func short(_ s: String) -> String {
        s.count <= maxLength ? s : String(s.prefix(maxLength)) + "…"
    }
}

extension String {
    fileprivate var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
