import Foundation
import HopsText

/// The program's only ways to print text that may hold names from a file: each line is
/// escaped at the boundary (SafeText), so nothing from a file reaches a terminal raw.
func printOut(_ text: String) {
    writeOut(Data((escapedLines(text) + "\n").utf8))
}

/// Bytes to standard output. One that cannot take them (a full disk, a closed pipe with SIGPIPE
/// ignored) ends the program with one line saying so, instead of the crash that
/// `FileHandle.write(_:)` makes of a failed write.
func writeOut(_ data: Data) {
    do {
        try FileHandle.standardOutput.write(contentsOf: data)
    } catch {
        printError("hops: standard output could not be written: \(Output.reason(error))")
        exit(1)
    }
}

/// One line on standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((escapedLines(line) + "\n").utf8))
}

private func escapedLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.escape(String($0)) }.joined(separator: "\n")
}

enum Output {
    /// What the system said, without Foundation's wrapping ("No space left on device").
    static func reason(_ error: Error) -> String {
        let e = error as NSError
        if let posix = e.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if e.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(e.code))) }
        return e.localizedDescription
    }
}
