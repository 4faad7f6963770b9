import HopsInput
import Testing

@Suite struct KeyNotationTests {
    @Test func printsAndParsesBothWays() {
        let keys: [Key] = [.char("a"), .enter, .esc, .tab, .backTab, .ctrl("r"), .shiftRight, .function(1), .char(" "), .char("<"), .delete]
        for k in keys { #expect(Key(notation: k.description) == k, "\(k)") }
        #expect(Key.ctrl("r").description == "<C-r>")
        #expect(Key.shiftRight.description == "<S-Right>")
        #expect(Key(notation: "<esc>") == .esc)
        #expect(Key(notation: "<CR>") == .enter)
    }

    @Test func sequencesMixTextAndNamedKeys() {
        #expect(Key.sequence("aSvc<Enter>c<Tab><Enter>") == [.char("a"), .char("S"), .char("v"), .char("c"), .enter, .char("c"), .tab, .enter])
        #expect(Key.sequence("a<b") == [.char("a"), .char("<"), .char("b")])
    }
}
