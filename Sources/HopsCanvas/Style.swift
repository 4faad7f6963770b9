/// The eight ANSI colours plus the terminal's default.
public enum Color: UInt8, Sendable, CaseIterable, Codable {
    case none = 255 // the terminal's default
    case black = 0, red, green, yellow, blue, magenta, cyan, white

    public init?(name: String) {
        switch name.lowercased() {
        case "default", "none": self = .none
        case "black": self = .black
        case "red": self = .red
        case "green": self = .green
        case "yellow": self = .yellow
        case "blue": self = .blue
        case "magenta": self = .magenta
        case "cyan": self = .cyan
        case "white": self = .white
        default: return nil
        }
    }
}

/// Text attributes as a bit set.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let reverse = Attributes(rawValue: 2)
    public static let dim = Attributes(rawValue: 4)
    public static let underline = Attributes(rawValue: 8)
}

/// How a cell is painted: colours and attributes.
public struct CellStyle: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var attrs: Attributes
    public init(fg: Color = .none, bg: Color = .none, attrs: Attributes = []) {
        self.fg = fg; self.bg = bg; self.attrs = attrs
    }
    public static let plain = CellStyle()
}
