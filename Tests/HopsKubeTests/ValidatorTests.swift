import Foundation
import HopsDesign
import HopsFormats
import HopsResources
import Testing

@testable import HopsKube

#if canImport(Glibc)
    import Glibc
#endif

/// Exported manifests pass `kubernetes-validate --strict` (schemas for Kubernetes 1.30, carried
/// by its wheel, so it runs offline). `HOPS_KUBERNETES_VALIDATE` names the executable; under CI
/// its absence is a failure, not a skip. A WARN (no schema) passes only for kinds Hops does not model.
@Suite struct ValidatorTests {
    static let kubernetesVersion = "1.30.0"
    static let validator = ProcessInfo.processInfo.environment["HOPS_KUBERNETES_VALIDATE"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static let inCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    @Test func theValidatorIsThereInCI() {
        if Self.inCI {
            #expect(Self.validator != nil, "CI is set but HOPS_KUBERNETES_VALIDATE is not: .ci/run installs it")
        }
    }

    @Test(arguments: KubeSupport.k8sFixtures + ["bundled design", "drawn design"])
    func exportedManifestsValidate(_ name: String) throws {
        guard let validator = Self.validator else { return }
        let design: Design
        switch name {
        case "bundled design":
            design = try DesignFile.decode(BundledResources.requestFlowJSON, file: name, catalog: KubeSupport.catalog)
        case "drawn design":
            design = DrawnExportTests.design
        default:
            design = try KubeSupport.load(name).0
        }
        let yaml = KubeExport.manifests(of: design).yaml
        let dir = KubeSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("exported.yaml")
        let output = dir.appendingPathComponent("out.txt")
        try yaml.write(to: input, atomically: true, encoding: .utf8)
        let command =
            "timeout 120 '\(validator)' --strict -k \(Self.kubernetesVersion) '\(input.path)' "
            + "< /dev/null > '\(output.path)' 2>&1"
        let status = system(command)
        let report = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(status == 0, "\(name): \(report)")
        let modelled = Set(KubeSupport.catalog.kinds.map(\.kind.rawValue))
        for line in report.split(separator: "\n") {
            if line.hasPrefix("INFO") && line.contains(" passed for resource ") { continue }
            let unknownKind =
                line.hasPrefix("WARN") && line.contains("Couldn't find schema for kind ")
                && !modelled.contains(where: { line.contains("for kind \($0) ") })
            #expect(unknownKind, "\(name): \(line)")
        }
        let documents = yaml.components(separatedBy: "\n---\n").count
        #expect(report.split(separator: "\n").count == documents, "\(name): \(report)")
    }
}
