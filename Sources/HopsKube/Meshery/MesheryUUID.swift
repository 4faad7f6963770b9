/// UUIDs for what a Hops design does not give one yet, derived from the design's UUID and the
/// Hops id: the same design exports the same ids every time, so a re-export (or a second
/// import into Kanvas) updates the same components instead of adding new ones.
enum MesheryUUID {
    /// A version-4-shaped UUID from two 64-bit FNV-1a hashes of `parts`.
    static func derived(_ parts: String...) -> String {
        let text = parts.joined(separator: "\u{1F}")
        func fnv(_ seed: UInt64) -> UInt64 {
            var h = seed
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
        let a = fnv(0xcbf2_9ce4_8422_2325), b = fnv(0x8422_2325_cbf2_9ce4 ^ a)
        let hi = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let lo = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let h = hex(hi, 16), l = hex(lo, 16)
        func cut(_ s: String, _ from: Int, _ n: Int) -> Substring {
            let start = s.index(s.startIndex, offsetBy: from)
            return s[start..<s.index(start, offsetBy: n)]
        }
        return "\(cut(h, 0, 8))-\(cut(h, 8, 4))-\(cut(h, 12, 4))-\(cut(l, 0, 4))-\(cut(l, 4, 12))"
    }

    private static func hex(_ v: UInt64, _ width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: width - s.count) + s
    }

    /// True for `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits.
    static func isUUID(_ s: String) -> Bool {
        let groups = s.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
