import HopsDesign
import HopsText

/// What an official database image needs before it starts, which the drawing cannot show: the
/// postgres, mysql and mariadb images stop at once without a password setting, so the Pod
/// restarts over and over (CrashLoopBackOff) and nothing answers on the database's port.
enum ImageNeeds {
    /// The official image's name, one of the variables it needs, and the names that satisfy it.
    static let needs: [(image: String, shown: String, any: [String])] = [
        ("postgres", "POSTGRES_PASSWORD", ["POSTGRES_PASSWORD", "POSTGRES_PASSWORD_FILE", "POSTGRES_HOST_AUTH_METHOD"]),
        ("mysql", "MYSQL_ROOT_PASSWORD", ["MYSQL_ROOT_PASSWORD", "MYSQL_ROOT_PASSWORD_FILE", "MYSQL_ALLOW_EMPTY_PASSWORD",
                                          "MYSQL_RANDOM_ROOT_PASSWORD"]),
        ("mariadb", "MARIADB_ROOT_PASSWORD", ["MARIADB_ROOT_PASSWORD", "MARIADB_ROOT_PASSWORD_FILE",
                                              "MARIADB_ROOT_PASSWORD_HASH", "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD",
                                              "MARIADB_RANDOM_ROOT_PASSWORD", "MYSQL_ROOT_PASSWORD",
                                              "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD",
                                              "MYSQL_ROOT_PASSWORD_FILE", "MARIADB_ROOT_PASSWORD_HASH_FILE"]),
    ]

    static func findings(_ d: DesignIndex) -> [Finding] {
        var out: [Finding] = []
        for c in d.components where c.kind == .container {
            guard let image = c.image, let repo = officialRepository(image),
                  let need = needs.first(where: { $0.image == repo }) else { continue }
            let manifest = c.properties["manifest"]?.object ?? [:]
            // Only the database server itself: not an init or debug container, nor one whose
            // command replaces the image's entrypoint (a script run with the image's tools).
            guard c.properties["containerType"] == nil, manifest["command"] == nil else { continue }
            let names = Set((manifest["env"]?.array ?? []).compactMap { $0.object?["name"]?.string })
            guard !need.any.contains(where: names.contains), !readsVariables(c, manifest, d) else { continue }
            out.append(Finding(.warning, "database-needs-password", component: c.id,
                "its image \(SafeText.escape(image)) exits on its first start (an empty data directory) without "
                + "\(need.shown), which it is not given, so the container restarts over and over (CrashLoopBackOff) and "
                + "nothing answers: give it "
                + "\(need.shown) from a Secret (a Secret holding that key, with a mounts arrow labelled envFrom "
                + "from the container)"))
        }
        return out
    }

    /// "postgres" for postgres:16.4, library/postgres or docker.io/library/postgres@sha256:...;
    /// nil for images of other publishers (bitnami/postgresql has other variables).
    static func officialRepository(_ image: String) -> String? {
        var name = Substring(image.lowercased())
        if let at = name.firstIndex(of: "@") { name = name[..<at] }
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = name[..<colon] }
        for prefix in ["docker.io/library/", "docker.io/", "library/"] where name.hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
            break
        }
        return name.contains("/") ? nil : String(name)
    }

    /// True when the container takes variables whose names the design does not list: envFrom in
    /// its kept spec, or a mounts arrow labelled envFrom (or env) from it, its Pod or its workload.
    static func readsVariables(_ c: Component, _ manifest: [String: JSONValue], _ d: DesignIndex) -> Bool {
        if !(manifest["envFrom"]?.array ?? []).isEmpty { return true }
        var holders = [c.id]
        if let pod = c.parent.flatMap({ d.component($0) }) {
            holders.append(pod.id)
            if let workload = pod.parent { holders.append(workload) }
        }
        return holders.contains { id in
            d.connections(from: id).contains { k in
                k.kind == .mounts && ["envFrom", "env"].contains(k.label?.trimmed ?? "")
            }
        }
    }
}
