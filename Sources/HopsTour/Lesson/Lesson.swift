import HopsDesign

/// One lesson of the tour, read from `Resources/lessons/*.json` (README: "Writing a lesson"):
/// a design to start from and the steps, each with its words, what it picks out on the canvas,
/// what it changes on the way in, and the condition that completes it.
public struct Lesson: Sendable {
    /// Its position in the tour, from 1; `hops tour 2`.
    public var number: Int
    /// A short name for the command line: `hops tour ingress`.
    public var id: String
    public var title: String
    /// One sentence for `hops tour --list`.
    public var summary: String
    /// The design the lesson starts from (a copy: the tour never writes the file it came from).
    public var design: Design
    public var steps: [Step]
    /// The file it was read from, for messages.
    public var file: String
}

public struct Step: Sendable {
    /// A short name, unique in the lesson, for error messages and links.
    public var id: String
    public var title: String
    /// Paragraphs, shown in order.
    public var text: [String]
    /// What the canvas picks out while the step is shown.
    public var highlight: [ComponentRef]
    /// Components the person walks through with Tab: the one selected is picked out alone and
    /// the panel says what it does, in the catalog's words.
    public var pieces: [ComponentRef]
    /// Changes the lesson makes each time the step is entered with Enter.
    public var actions: [LessonAction]
    /// What the person is asked to do; nil for a step that is only read.
    public var task: String?
    /// What completes the step; nil for a step that is only read.
    public var condition: Condition?
    /// Said while their condition holds and the step is not done (the first that holds).
    public var hints: [Hint]
    /// Said once the condition held.
    public var done: String?
}

public struct Hint: Sendable {
    public var condition: Condition
    public var text: String
}
