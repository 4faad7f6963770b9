import Foundation
import HopsDesign
import HopsFormats
import Testing

/// The port a connection dials is its own key; files that said it in the label still load.
@Suite struct ConnectionPortTests {
    func load(_ connection: String) throws -> Connection { try loadDesign(connection).connections[0] }

    func loadDesign(_ connection: String) throws -> Design {
        let json = """
        {"format": "hops/v1", "name": "p", "components": [
          {"id": "a", "kind": "User", "name": "User"}, {"id": "b", "kind": "Service", "name": "web"}],
         "connections": [\(connection)]}
        """
        let d = try DesignFile.decode(Data(json.utf8), file: "p.hops.json", catalog: Fixtures.catalog)
        _ = try #require(d.connections.first)
        return d
    }

    @Test func oldLabelWithPortLoadsAsPortAndDrawsTheSame() throws {
        let d = try loadDesign(#"{"id": "k", "from": "a", "to": "b", "kind": "traffic", "label": "HTTP :80"}"#)
        let c = d.connections[0]
        #expect(c.port == 80)
        #expect(c.label == "HTTP")
        #expect(d.shownLabel(of: c) == "HTTP :80")
        let bareDesign = try loadDesign(#"{"id": "k", "from": "a", "to": "b", "label": ":5432"}"#)
        let bare = bareDesign.connections[0]
        #expect(bare.port == 5432 && bare.label == nil && bareDesign.shownLabel(of: bare) == ":5432")
    }

    @Test func portKeyWinsAndIsWrittenBack() throws {
        let c = try load(#"{"id": "k", "from": "a", "to": "b", "kind": "traffic", "label": "HTTP :80", "port": 8080}"#)
        #expect(c.port == 8080)
        #expect(c.label == "HTTP :80") // an explicit port leaves the label as written
        var d = Design(name: "p", components: [Component(id: "a", kind: .user, name: "User")], connections: [])
        var k = Connection(id: "k", from: "a", to: "a", kind: .traffic, label: "gRPC")
        k.port = 9000
        d.connections = [k]
        let text = String(decoding: DesignFile.encode(d), as: UTF8.self)
        #expect(text.contains("\"port\": 9000"))
        #expect(text.contains("\"label\": \"gRPC\""))
    }

    @Test func labelsThatAreNotAPortStayText() throws {
        for label in ["scales 1-5", "HTTP", "v1:2:x", ":99999", "app=web"] {
            let c = try load(#"{"id": "k", "from": "a", "to": "b", "label": "\#(label)"}"#)
            #expect(c.port == nil, "\(label)")
            #expect(c.label == label)
        }
        let selects = try load(#"{"id": "k", "from": "a", "to": "b", "kind": "selects", "label": ":80"}"#)
        #expect(selects.port == nil && selects.label == ":80")
    }
}
