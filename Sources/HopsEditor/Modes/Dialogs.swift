import HopsDesign
import HopsInput

extension Editor {
    func openHelp() -> [Effect] {
        mode = .help(scroll: 0)
        return []
    }

    /// Scrolls help by lines, never past its first or last page.
    func scrollHelp(by lines: Int) -> [Effect] {
        guard case .help(let scroll) = mode else { return [] }
        let page = helpPage()
        mode = .help(scroll: max(0, min(page.lines.count - page.rows, scroll + lines)))
        return []
    }

    /// Scrolls help by whole pages, keeping one line of the last page for context.
    func scrollHelp(pages: Int) -> [Effect] {
        scrollHelp(by: pages * max(1, helpPage().rows - 1))
    }

    enum ConfirmAnswer { case yes, no, cancel }

    func answer(_ a: ConfirmAnswer) -> [Effect] {
        guard case .confirm(let c) = mode else { return [] }
        let yes = a == .yes, no = a == .no
        mode = .normal
        switch c {
        case .quitUnsaved:
            if yes { return save(to: nil, then: .quit) }
            return no ? quit(force: true) : []
        case .restore(let copy, let more):
            var fx: [Effect] = []
            if yes {
                fx = commit(copy.design)
                // Deleted only once this work is saved or thrown away on purpose: until then it
                // is the one copy on disk.
                adoptedRecoveries.append(copy.path)
                message = "restored \(SafeText.escape(copy.path)); :w keeps it"
            } else if no {
                fx = [.discardRecovery(copy.path)]
                message = "deleted \(SafeText.escape(copy.path))"
            } else {
                message = "kept \(SafeText.escape(copy.path)) for later"
            }
            offer(more)
            return fx
        case .openUnsaved(let p):
            return yes ? [.open(p)] : []
        case .overwriteChanged(let p):
            if yes { return save(to: p, then: afterSave, overwrite: true) }
            afterSave = nil
            message = "not saved: \(SafeText.escape(p)) changed on disk; :e! \(SafeText.escape(p)) reloads it"
            return []
        case .overwriteExisting(let p):
            if yes { return save(to: p, then: afterSave, overwrite: true) }
            afterSave = nil
            message = "not saved: \(SafeText.escape(p)) is kept; :w another name saves there"
            return []
        case .exportOverExisting(let format, let p):
            if yes { return [.export(format, path: p, overwrite: true)] }
            message = "not exported: \(SafeText.escape(p)) is kept"
            return []
        case .reloadChanged(let p):
            if yes { return [.open(p)] }
            message = "kept this version; saving will ask before overwriting \(SafeText.escape(p))"
            return []
        }
    }

    /// The question shown for a confirmation.
    func question(_ c: Confirmation) -> String {
        switch c {
        case .quitUnsaved: "Unsaved changes. Save before quitting? y save and quit · n quit without saving · Esc stay"
        case .restore(let copy, _):
            "Unsaved work from an editor that ended is in \(SafeText.escape(copy.path)). Restore it? y restore · n delete it · Esc later"
        case .openUnsaved(let p): "Unsaved changes. Open \(SafeText.escape(p)) anyway and lose them? y open · n stay"
        case .overwriteChanged(let p): "\(SafeText.escape(p)) changed on disk since it was read. Overwrite it? y overwrite · n don't save"
        case .overwriteExisting(let p):
            "\(SafeText.escape(p)) exists and is not the file this editor read. Replace it? y replace · n don't save"
        case .exportOverExisting(_, let p):
            "\(SafeText.escape(p)) exists and this editor did not export it. Replace it? y replace · n don't export"
        case .reloadChanged(let p): "\(SafeText.escape(p)) changed on disk. Reload it? y reload (lose unsaved changes) · n keep this version"
        }
    }
}
