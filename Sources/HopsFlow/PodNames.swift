import HopsDesign

/// How Kubernetes names the Pods a controller makes, computed deterministically so tests and
/// screenshots stay stable. A Deployment's ReplicaSet is `<deployment>-<pod-template-hash>` and
/// its Pods `<replicaset>-<5 random characters>`; here the characters come from a hash of the
/// template, the replica's slot and how often that slot was replaced, so a replacement gets a
/// new name. A StatefulSet's Pods are `<name>-0`, `<name>-1`, ... and keep their name.
enum PodNames {
    /// The characters Kubernetes uses for generated names (no vowels, no look-alikes).
    static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// The template hash of a Pod template: its labels and its containers' names and images,
    /// with `image` standing in for `container`'s image (the old template during a rollout).
    static func templateHash(
        _ pod: Component, in design: any DesignLookup, replacing container: String? = nil,
        with image: String? = nil
    ) -> String {
        var text = formatLabels(pod.labels)
        for c in Containers.of(pod.id, in: design) {
            let img = c.name == container ? (image ?? "") : (c.image ?? "")
            text += "|\(c.name)=\(img)"
        }
        return encode(fnv(text), length: 10)
    }

    /// The name of replica `index` (1-based) of a Pod template, in the state given.
    static func name(
        _ pod: Component, index: Int, owner: Component?, in design: any DesignLookup, state: FlowState
    ) -> String {
        guard let owner else { return SafeText.escape(pod.name) }
        let base = SafeText.escape(owner.name)
        if owner.kind == .statefulSet { return "\(base)-\(index - 1)" }
        let gen = state.generation(of: pod.id, instance: index)
        var hash = templateHash(pod, in: design)
        if let r = state.rollouts[pod.id], index > r.updated {
            hash = templateHash(pod, in: design, replacing: r.container, with: r.oldImage)
        }
        let suffix = encode(fnv("\(hash)/\(index)/\(gen)"), length: 5)
        switch owner.kind {
        case .deployment: return "\(base)-\(hash)-\(suffix)"
        default: return "\(base)-\(suffix)"
        }
    }

    /// FNV-1a, 64 bits: small, stable across runs and platforms (Swift's `Hasher` is seeded per run).
    static func fnv(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    static func encode(_ value: UInt64, length: Int) -> String {
        var v = value
        var out = ""
        for _ in 0..<length {
            out.append(alphabet[Int(v % UInt64(alphabet.count))])
            v /= UInt64(alphabet.count)
        }
        return out
    }
}
