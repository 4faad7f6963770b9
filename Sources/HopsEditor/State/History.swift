import HopsDesign

/// Undo and redo that store changes, not designs: each step keeps only the run of components
/// (and of connections) that differ between the design before and after it, so memory grows
/// with what was edited, not with the design's size times the number of steps (whole designs
/// were 1.3 MB a step at 10,000 components). The design before the latest change is held
/// whole until the next change, when it is turned into such a patch.
struct History {
    static let limit = 5000

    /// Turns a design into another by replacing one run of each array and the top-level fields.
    struct Patch {
        var components: Splice<Component>
        var connections: Splice<Connection>
        var name: String
        var extra: [String: JSONValue]

        /// The patch that turns `from` into `to`.
        init(from: Design, to: Design) {
            components = Splice(from: from.components, to: to.components)
            connections = Splice(from: from.connections, to: to.connections)
            name = to.name
            extra = to.extra
        }

        /// Applies to the design the patch was made from, and returns the patch back.
        func apply(to d: inout Design) -> Patch {
            let before = d
            d.components = components.apply(to: d.components)
            d.connections = connections.apply(to: d.connections)
            d.name = name
            d.extra = extra
            return Patch(from: d, to: before, hint: self)
        }

        /// The reverse of `forward`, made without comparing the arrays again.
        private init(from: Design, to: Design, hint forward: Patch) {
            components = forward.components.reversed(original: to.components)
            connections = forward.connections.reversed(original: to.connections)
            name = to.name
            extra = to.extra
        }
    }

    /// Replaces `range` of an array with `elements`.
    struct Splice<T: Equatable> {
        var range: Range<Int>
        var elements: [T]

        /// The smallest splice that turns `from` into `to`: the common prefix and suffix stay.
        init(from: [T], to: [T]) {
            var p = 0
            let n = min(from.count, to.count)
            while p < n && from[p] == to[p] { p += 1 }
            var s = 0
            while s < n - p && from[from.count - 1 - s] == to[to.count - 1 - s] { s += 1 }
            range = p..<(from.count - s)
            elements = Array(to[p..<(to.count - s)])
        }

        private init(range: Range<Int>, elements: [T]) { self.range = range; self.elements = elements }

        func apply(to a: [T]) -> [T] {
            var out = a
            out.replaceSubrange(range, with: elements)
            return out
        }

        /// The splice that undoes this one, given the array it was applied to.
        func reversed(original: [T]) -> Splice {
            Splice(range: range.lowerBound..<(range.lowerBound + elements.count), elements: Array(original[range]))
        }
    }

    struct Step {
        /// Turns the design after this step back into the one before it (or the other way, on the redo stack).
        var patch: Patch
        var selection: String?
        /// Consecutive moves of one component make one undo step.
        var moveOf: String?
        /// What the step did, as the status line said it ("deleted Service web").
        var what: String
    }

    private(set) var undo: [Step] = []
    private(set) var redo: [Step] = []
    /// The design before the latest change, until the next change makes it a patch.
    private var pending: (design: Design, selection: String?, moveOf: String?, what: String?)?
    /// Counts recorded changes, so a caller can tell that one happened.
    private(set) var changeCount = 0

    var canUndo: Bool { pending != nil || !undo.isEmpty }
    var undoCount: Int { undo.count + (pending == nil ? 0 : 1) }

    /// Call before changing `current`. A move of the component moved last joins that step.
    mutating func record(_ current: Design, selection: String?, moveOf: String?) {
        if let m = moveOf, redo.isEmpty, pending?.moveOf == m { return }
        settle(current)
        pending = (current, selection, moveOf, nil)
        redo.removeAll()
        changeCount += 1
    }

    /// Says what the latest change did, unless that was said already.
    mutating func describeLatest(_ what: String) {
        if pending != nil && pending!.what == nil { pending!.what = what }
    }

    /// Turns the held design into a patch against `current` (the design after that change).
    private mutating func settle(_ current: Design) {
        guard let p = pending else { return }
        pending = nil
        undo.append(Step(patch: Patch(from: current, to: p.design), selection: p.selection, moveOf: p.moveOf,
                         what: p.what ?? "a change"))
        if undo.count > History.limit { undo.removeFirst(undo.count - History.limit) }
    }

    /// The design before `current`'s last step, with the selection then and what the step did;
    /// nil when there is none.
    mutating func stepBack(from current: Design, selection: String?) -> (Design, String?, String)? {
        settle(current)
        return History.move(from: &undo, to: &redo, current, selection)
    }

    mutating func stepForward(from current: Design, selection: String?) -> (Design, String?, String)? {
        settle(current)
        return History.move(from: &redo, to: &undo, current, selection)
    }

    /// Applies the top step of one stack and pushes its reverse onto the other.
    private static func move(from: inout [Step], to: inout [Step], _ current: Design,
                             _ selection: String?) -> (Design, String?, String)? {
        guard let step = from.popLast() else { return nil }
        var d = current
        let back = step.patch.apply(to: &d)
        to.append(Step(patch: back, selection: selection, moveOf: nil, what: step.what))
        return (d, step.selection, step.what)
    }

    mutating func clear() { undo.removeAll(); redo.removeAll(); pending = nil }
}
