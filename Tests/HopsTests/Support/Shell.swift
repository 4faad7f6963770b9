import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to the end through `system()` (fork, exec, waitpid), with its output in files.
/// Foundation's `Process` reaps children on a background queue; under a busy parallel test run
/// that reaping was seen to stall, hanging the whole run.
enum Shell {
    struct Result { let out: String; let err: String; let status: Int32 }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// `timeout` bounds the program (seconds) so that nothing can hang a test run.
    static func run(_ args: [String], timeout: Int = 20) -> Result {
        let dir = FileManager.default.temporaryDirectory
        let out = dir.appendingPathComponent("hops-sh-\(UUID().uuidString).out")
        let err = dir.appendingPathComponent("hops-sh-\(UUID().uuidString).err")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        let line = "timeout \(timeout) " + args.map(quote).joined(separator: " ") + " < /dev/null > \(quote(out.path)) 2> \(quote(err.path))"
        let raw = system(line)
        let status = raw == -1 ? -1 : (raw >> 8) & 0xFF
        return Result(out: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      err: (try? String(contentsOf: err, encoding: .utf8)) ?? "", status: status)
    }
}
