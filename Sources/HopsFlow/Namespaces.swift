import HopsDesign

/// Which namespace a component lives in: the nearest enclosing Namespace box, else its
/// `namespace` property, else `default`. A Service's selector and an Ingress's backends reach
/// only their own namespace; DNS names resolve relative to the caller's namespace.
enum Namespaces {
    static func of(_ c: Component, in design: any DesignLookup) -> String {
        var seen: Set<String> = [c.id]
        var p = c.parent
        while let id = p, seen.insert(id).inserted, let box = design.component(id) {
            if box.kind == .namespace { return box.name }
            p = box.parent
        }
        return c.properties["namespace"]?.string ?? "default"
    }

    static func same(_ a: Component, _ b: Component, in design: any DesignLookup) -> Bool {
        of(a, in: design) == of(b, in: design)
    }

    /// The name a caller in `from` dials to reach Service `svc`: `db` in the same namespace,
    /// `db.shop` from another one (`db.shop.svc.cluster.local` in full).
    static func dnsName(of svc: Component, from caller: Component, in design: any DesignLookup) -> String {
        let ns = of(svc, in: design)
        let name = SafeText.escape(svc.name)
        let full = "\(name).\(SafeText.escape(ns)).svc.cluster.local"
        if of(caller, in: design) == ns { return "\(name) (in full \(full))" }
        return "\(name).\(SafeText.escape(ns)) (in full \(full); a bare \(name) would look in namespace "
            + "\(SafeText.escape(of(caller, in: design))))"
    }
}
