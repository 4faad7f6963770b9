import HopsDesign
import HopsTerminal

extension Editor {
    func helpKey(_ k: Key) -> [Effect] {
        guard case .help(let scroll) = mode else { return [] }
        switch k {
        case .down, .char("j"): mode = .help(scroll: scroll + 1)
        case .up, .char("k"): mode = .help(scroll: max(0, scroll - 1))
        case .pageDown, .char(" "): mode = .help(scroll: scroll + 10)
        case .pageUp: mode = .help(scroll: max(0, scroll - 10))
        default: mode = .normal
        }
        return []
    }

    func confirmKey(_ k: Key, _ c: Confirmation) -> [Effect] {
        let yes = k == .char("y") || k == .char("Y")
        let no = k == .char("n") || k == .char("N")
        let cancel = k == .esc || k == .char("c")
        guard yes || no || cancel else { return [] }
        mode = .normal
        switch c {
        case .quitUnsaved:
            if yes {
                let fx = save(to: nil)
                return fx.isEmpty ? [] : fx + quit(force: true)
            }
            return no ? quit(force: true) : []
        case .restore(let d):
            if yes {
                let fx = commit(d)
                message = "restored the recovery copy; :w keeps it"
                return fx
            }
            return path.map { no ? [Effect.removeRecovery($0)] : [] } ?? []
        case .openUnsaved(let p):
            return yes ? [.open(p)] : []
        }
    }

    /// The question shown for a confirmation.
    func question(_ c: Confirmation) -> String {
        switch c {
        case .quitUnsaved: "Unsaved changes. Save before quitting? y save and quit · n quit without saving · Esc stay"
        case .restore: "A recovery copy newer than this file exists. Restore it? y restore · n discard it"
        case .openUnsaved(let p): "Unsaved changes. Open \(p) anyway and lose them? y open · n stay"
        }
    }
}
