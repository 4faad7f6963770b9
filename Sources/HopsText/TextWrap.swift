/// Words into lines of at most `width` display columns. A word longer than a line is broken
/// over as many lines as it takes, so no text is lost to the edge (a long path or name), after a
/// `/`, `-`, `:`, `.`, `,` or `=` where one falls in the line's last two thirds. An empty text
/// is one empty line.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            var w = word
            while DisplayWidth.of(w) > width {
                if !line.isEmpty {
                    out.append(line)
                    line = ""
                }
                let cut = DisplayWidth.truncate(w, to: width, ellipsis: "")
                var head = cut.isEmpty ? String(w.prefix(1)) : cut
                if let at = head.lastIndex(where: { "/-:.,=".contains($0) }),
                   head.distance(from: head.startIndex, to: at) >= head.count / 3, head.index(after: at) < head.endIndex {
                    head = String(head[...at]) // a path or image breaks after its separator
                }
                out.append(head)
                w = String(w.dropFirst(head.count))
            }
            if line.isEmpty {
                line = w
            } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(w) <= width {
                line += " " + w
            } else {
                out.append(line)
                line = w
            }
        }
        if !line.isEmpty || out.isEmpty { out.append(line) }
        return out
    }
}
