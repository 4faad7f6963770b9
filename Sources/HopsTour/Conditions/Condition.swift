import HopsDesign

/// What completes a step (or shows a hint): a state of the design or of the requests the person
/// sent, never which keys were pressed. Written in a lesson as one of the sentences of
/// `ConditionForms.all`, combined in JSON with `{"all": [...]}`, `{"any": [...]}` and `{"not": ...}`.
/// A reference that names a kind alone holds when any component of that kind does.
public indirect enum Condition: Equatable, Sendable {
    case all([Condition])
    case any([Condition])
    case not(Condition)

    // The requests on screen (the packets the person sent, as far as each has travelled).
    /// A request got to the component on its way out.
    case requestReached(ComponentRef)
    /// A response got back to the component (for the User: the request is complete).
    case responseReached(ComponentRef)
    /// A request stopped at the component: its last hop, leaving it, failed.
    case requestFailed(at: ComponentRef)
    /// Since the step began, requests reached this many different Pods (copies) of a Pod template.
    case podsReached(Int, of: ComponentRef)

    // The cluster, as the editor plays it.
    /// A copy of the Pod was deleted and its replacement is not ready yet.
    case copyDown(ComponentRef)
    /// Since the step began, a deleted copy of the Pod was replaced by its controller.
    case replaced(ComponentRef)
    /// A rolling update of the Pod template is under way.
    case rollingOut(ComponentRef)

    // The design.
    case exists(ComponentRef)
    /// A connection (of this kind, when given) from one component to another.
    case connection(ConnectionKind?, from: ComponentRef, to: ComponentRef)
    /// The Service's (or workload's) selector is not empty and the Pod's labels match it.
    case selectorMatches(ComponentRef, ComponentRef)
    /// A property of the component reads as this text (see `PropertyText`).
    case property(String, of: ComponentRef, is: String)
    /// A property of the component differs from what it was when the step began.
    case propertyChanged(String, of: ComponentRef)
    /// A request for this path, traced afresh from the design's User, reaches the component.
    case pathReaches(String, ComponentRef)
    /// An Ingress's own rules (not its arrow) send a request for this path to the Service.
    case routes(ComponentRef, path: String, to: ComponentRef)

    /// Every component reference in the condition, for checking them against the lesson's design.
    public var refs: [ComponentRef] {
        switch self {
        case .all(let cs), .any(let cs): return cs.flatMap(\.refs)
        case .not(let c): return c.refs
        case .requestReached(let r), .responseReached(let r), .requestFailed(let r), .podsReached(_, let r),
            .copyDown(let r), .replaced(let r), .rollingOut(let r), .exists(let r), .property(_, let r, _),
            .propertyChanged(_, let r), .pathReaches(_, let r):
            return [r]
        case .connection(_, let a, let b), .selectorMatches(let a, let b), .routes(let a, _, let b): return [a, b]
        }
    }
}
