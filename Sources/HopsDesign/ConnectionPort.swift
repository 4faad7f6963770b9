/// The port a connection dials is a property of the connection (`"port": 80` in the file), not
/// something read out of its label: the label is free text ("HTTP"), and the canvas shows the
/// two together ("HTTP :80", `Design.shownLabel`), so what is drawn is what the tracer uses.
extension Connection {
    /// The destination port this connection dials; nil when the arrow names none.
    public var port: Int? {
        get { extra["port"]?.int }
        set { extra["port"] = newValue.map { .integer($0) } }
    }

    /// Files written before the port was a property said it in the label ("HTTP :80", ":5432").
    /// A traffic connection without a port whose label ends in ":N" gets port N and keeps the
    /// rest of its label, so it draws the same and traces by the port. Any other label is left alone.
    public mutating func movePortOutOfLabel() {
        guard kind == .traffic, port == nil, let l = label?.trimmed, let colon = l.lastIndex(of: ":") else { return }
        let digits = l[l.index(after: colon)...]
        guard (1...5).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let n = Int(digits), (1...65_535).contains(n)
        else { return }
        let head = String(l[..<colon]).trimmed
        port = n
        label = head.isEmpty ? nil : head
    }
}
