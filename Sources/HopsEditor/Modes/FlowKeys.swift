import HopsTerminal

extension Editor {
    /// Keys of the request player (see Flow/); empty until the player lands.
    static let flowBindings: [Binding] = []
    static let flowCommands: [EditorCommand] = []

    func tick(_ ms: Int) -> [Effect] { [] }
}

import HopsCanvas

extension Editor {
    /// Changes to the scene while a request plays (replica stacks, highlights).
    func decorate(_ scene: inout Scene) {}
    /// The packet and the current hop, over the canvas.
    func drawFlow(into grid: inout Grid) {}
    /// The narration panel while a request plays; nil otherwise.
    func flowPanelLines() -> [(String, CellStyle)]? { nil }
}
