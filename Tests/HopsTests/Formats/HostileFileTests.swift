import Foundation
import Testing
@testable import HopsDesign
@testable import HopsFormats
import HopsText

/// Files made by hand or by an attacker: every one gives a clear one-line error or a valid
/// design, and numbers Hops does not interpret come back exactly as they were written.
@Suite struct HostileFileTests {
    func error(_ json: String) -> String {
        do {
            _ = try DesignFile.decode(Data(json.utf8), file: "bad.hops.json", catalog: Fixtures.catalog)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    func component(_ fields: String) -> String {
        #"{"format": "hops/v1", "components": [{"id": "a", "kind": "Deployment" \#(fields)}]}"#
    }

    @Test func numbersRoundTripAsWritten() throws {
        let json = #"{"format": "hops/v1", "components": [{"id": "a", "kind": "User", "properties": {"#
            + #""big": 12345678901234567890, "whole": 3, "frac": 0.1, "exp": 1e400, "neg": -0}}]}"#
        let d = try DesignFile.decode(Data(json.utf8), file: "n", catalog: Fixtures.catalog)
        let out = String(decoding: DesignFile.encode(d), as: UTF8.self)
        for literal in ["12345678901234567890", "\"whole\": 3\n", "0.1", "1e400", "-0"] {
            #expect(out.contains(literal), "\(literal) was not written back as it was read")
        }
        #expect(!out.contains("1.2345678901234567e+19"))
        let again = try DesignFile.decode(DesignFile.encode(d), file: "n", catalog: Fixtures.catalog)
        #expect(again == d)
    }

    @Test func positionsSizesAndReplicasOutsideTheLimitsAreRefused() {
        #expect(error(component(#", "position": {"x": 100000000000000, "y": 0}"#))
                == "bad.hops.json: components[0].position: x and y must be from -100000 to 100000 cells")
        #expect(error(component(#", "position": {"x": 5, "y": -2147483649}"#))
                == "bad.hops.json: components[0].position: x and y must be from -100000 to 100000 cells")
        #expect(error(component(#", "size": {"width": 1000000, "height": 3}"#))
                == "bad.hops.json: components[0].size: must be from 1 to 100000 cells a side")
        #expect(error(component(#", "properties": {"replicas": 1000000000}"#))
                == "bad.hops.json: components[0].properties.replicas: must be a whole number from 0 to 10000, found 1000000000")
        #expect(error(component(#", "properties": {"replicas": 1e300}"#))
                == "bad.hops.json: components[0].properties.replicas: must be a whole number from 0 to 10000, found the number 1e300")
        #expect(error(component(#", "properties": {"replicas": 2.5}"#))
                == "bad.hops.json: components[0].properties.replicas: must be a whole number from 0 to 10000, found the number 2.5")
    }

    @Test func componentsFarApartAreRefusedBeforeAnyGridIsSized() {
        let json = #"{"format": "hops/v1", "components": [{"id": "a", "kind": "Box", "position": {"x": 0, "y": 0}},"#
            + #"{"id": "b", "kind": "Box", "position": {"x": 100000, "y": 100000}}]}"#
        #expect(error(json) == "bad.hops.json: components: the components span 100001 x 100001 cells; "
                + "a design may span at most 8000000 cells (4000 x 2000)")
    }

    @Test func portsOutsideTheirRangeAreRefused() {
        #expect(error(component(#", "properties": {"ports": [{"port": 70000}]}"#))
                == "bad.hops.json: components[0].properties.ports[0].port: must be a port number from 1 to 65535")
        #expect(error(component(#", "properties": {"ports": [0]}"#))
                == "bad.hops.json: components[0].properties.ports[0]: must be a port number from 1 to 65535")
    }

    @Test func deepJSONAndDuplicateKeysAndTruncationAreSaidWhere() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(error(deep) == "bad.hops.json: line 1, column 513: is not valid JSON: nested deeper than 512 levels")
        #expect(error(#"{"format": "hops/v1", "format": "hops/v1"}"#)
                == #"bad.hops.json: line 1, column 23: is not valid JSON: the key "format" appears twice in one object"#)
        #expect(error("{\n  \"format\": \"hops/v1\",\n  \"components\": [")
                == "bad.hops.json: line 3, column 18: is not valid JSON: the file ends where a value should start")
        #expect(error("{\"format\": \"hops/v1\", \"name\": \"abc")
                == "bad.hops.json: line 1, column 31: is not valid JSON: the file ends inside this string (a closing quote is missing)")
        #expect(error("{\"format\": \"hops/v1\", \"name\": \"a\u{1}\"}")
                == #"bad.hops.json: line 1, column 33: is not valid JSON: a raw control character in a string (write it as \u0001)"#)
    }

    @Test func binaryDataIsNotTextAndNothingRawIsQuoted() {
        var bytes = Array(#"{"format": "hops/v1", "name": ""#.utf8)
        bytes += [0xFF, 0xFE, 0x41]
        bytes += Array(#""}"#.utf8)
        do {
            _ = try DesignFile.decode(Data(bytes), file: "bin", catalog: Fixtures.catalog)
            Issue.record("binary data was accepted")
        } catch {
            let text = String(describing: error)
            #expect(text == "bin: line 1, column 32: is not valid JSON: the bytes here are not UTF-8 text")
        }
    }

    @Test func nestingPastTheLimitIsRefusedQuicklyAtAnyDepth() {
        for depth in [65, 5_000, 50_000] {
            var comps = [#"{"id": "b0", "kind": "Box"}"#]
            for i in 1..<depth { comps.append(#"{"id": "b\#(i)", "kind": "Box", "parent": "b\#(i - 1)"}"#) }
            let json = #"{"format": "hops/v1", "components": [\#(comps.joined(separator: ","))]}"#
            #expect(error(json) == "bad.hops.json: components[64].parent: nested more than 64 levels deep")
        }
    }

    @Test func namesHaveOneRuleForTheLoaderAndTheEditor() {
        for bad in ["a\u{202E}b", "a\u{85}b", "a\u{2066}b", "\u{FEFF}a", "a\u{2028}"] {
            #expect(Validation.textProblem(bad) != nil, "\(SafeText.escape(bad)) should be refused")
            let json = #"{"format": "hops/v1", "components": [{"id": "a", "kind": "User", "name": "\#(bad)"}]}"#
            #expect(error(json).contains("contains control characters or invisible formatting"))
            #expect(!error(json).unicodeScalars.contains { !SafeText.isShown($0) && $0 != "\n" })
        }
        for good in ["web", "Ünïcødé", "日本語", "👩‍💻", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "م‌ن"] {
            #expect(Validation.textProblem(good) == nil, "\(good) should be allowed")
        }
        let long = String(repeating: "x", count: 254)
        #expect(error(#"{"format": "hops/v1", "name": "\#(long)"}"#)
                == "bad.hops.json: name: the design's name is 254 characters long; at most 253 are allowed")
    }

    @Test func aHugeTextIsRefusedWithoutBuildingIt() {
        let big = String(repeating: "y", count: 70_000)
        #expect(error(component(#", "properties": {"note": "\#(big)"}"#))
                == "bad.hops.json: components[0].properties.note: is 70000 characters long; at most 65536 are allowed")
    }
}

@Suite struct JSONWriterEscapeTests {
    @Test func charactersThatAreNotShownAreWrittenAsEscapesAndReadBackTheSame() throws {
        let d = Design(name: "x", components: [Component(id: "a", kind: .note, name: "n",
                                                             properties: ["text": .string("a\u{85}b\u{202E}c\u{E0001}")])])
        let bytes = DesignFile.encode(d)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"a\u0085b\u202ec\udb40\udc01"#))
        #expect(!text.unicodeScalars.contains { !SafeText.isShown($0) && $0 != "\n" })
        #expect(try DesignFile.decode(bytes, file: "x", catalog: Fixtures.catalog) == d)
    }
}
