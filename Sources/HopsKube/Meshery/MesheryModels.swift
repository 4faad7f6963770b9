import HopsDesign

/// The model objects and styles Meshery expects on each component: `kubernetes` for
/// Kubernetes kinds, `meshery-core` for Container aliases and annotation shapes. The fields and
/// values follow the components Kanvas writes (meshery/meshery, the container-alias fixture)
/// filled in to pass Meshery's v1beta1 schema.
enum MesheryModels {
    static let zeroID = "00000000-0000-0000-0000-000000000000"

    enum Model: String {
        case kubernetes, core = "meshery-core"
        var displayName: String { self == .kubernetes ? "Kubernetes" : "Meshery Core" }
        var modelVersion: String { self == .kubernetes ? "v1.35.0" : "v0.7.2" }
        var registrant: String { self == .kubernetes ? "github" : "meshery" }
        var category: String { self == .kubernetes ? "Orchestration & Management" : "App Definition and Development" }
    }

    static func reference(_ m: Model) -> JSONValue {
        .object([
            "id": .string(zeroID), "name": .string(m.rawValue), "displayName": .string(m.displayName),
            "version": "v1.0.0", "registrant": .object(["kind": .string(m.registrant)]),
            "model": .object(["version": .string(m.modelVersion)]),
        ])
    }

    static func definition(_ m: Model) -> JSONValue {
        let svg = "ui/public/static/img/meshmodels/\(m.rawValue)"
        return .object([
            "id": .string(zeroID), "schemaVersion": "models.meshery.io/v1beta1", "version": "v1.0.0",
            "name": .string(m.rawValue), "displayName": .string(m.displayName), "description": .string(m.displayName),
            "status": "enabled",
            "registrant": .object([
                "id": .string(zeroID), "schemaVersion": "connections.meshery.io/v1beta1",
                "name": .string(m == .kubernetes ? "GitHub" : "Meshery"), "type": "registry",
                "subType": .string(m.registrant), "status": "discovered", "kind": .string(m.registrant),
                "credentialId": .string(zeroID), "metadata": .object([:]), "user_id": .string(zeroID),
            ]),
            "category": .object(["id": .string(zeroID), "name": .string(m.category), "metadata": .object([:])]),
            "subCategory": .string(m == .kubernetes ? "Scheduling & Orchestration" : "Uncategorized"),
            "metadata": .object([
                "svgWhite": .string("\(svg)/white/\(m.rawValue)-white.svg"),
                "svgColor": .string("\(svg)/color/\(m.rawValue)-color.svg"),
            ]),
            "model": .object(["version": .string(m.modelVersion)]),
            "relationships": .array([]), "components": .array([]),
            "categoryId": .string(zeroID), "registrantId": .string(zeroID),
            "relationshipsCount": 0, "componentsCount": 0,
        ])
    }

    /// Kanvas' shape and icons for a component kind (icons by Meshery's file naming).
    static func styles(kind: String, model: Model, shape: String, color: String) -> [String: JSONValue] {
        let file = kind.lowercased()
        let base = "ui/public/static/img/meshmodels/\(model.rawValue)"
        return [
            "shape": .string(shape), "primaryColor": .string(color),
            "svgColor": .string("\(base)/color/\(file)-color.svg"),
            "svgWhite": .string("\(base)/white/\(file)-white.svg"),
            "svgComplete": .string(model == .kubernetes ? "\(base)/complete/\(file)-complete.svg" : ""),
        ]
    }

    /// The meshery-core kind each Hops kind that is not Kubernetes is drawn as in Kanvas.
    static func shapeKind(_ kind: Kind) -> (kind: String, shape: String) {
        switch kind {
        case .note: ("TextBox", "rectangle")
        case .user: ("Circle", "ellipse")
        default: ("Rectangle", "rectangle")
        }
    }

    /// Kanvas' shape for a Kubernetes kind (as its Kubernetes model draws them).
    static func kubernetesShape(_ kind: String) -> String {
        switch kind {
        case "Namespace": "rectangle"
        case "Service": "round-triangle"
        case "Ingress": "pentagon"
        case "ConfigMap", "Secret": "bottom-round-rectangle"
        case "PersistentVolumeClaim": "barrel"
        default: "round-rectangle"
        }
    }
}
