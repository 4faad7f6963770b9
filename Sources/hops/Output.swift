import Foundation
import HopsText

/// The program's only ways to print text that may hold names from a file: each line is
/// escaped at the boundary (SafeText), so nothing from a file reaches a terminal raw.
func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data((escapedLines(text) + "\n").utf8))
}

/// One line on standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((escapedLines(line) + "\n").utf8))
}

private func escapedLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.escape(String($0)) }.joined(separator: "\n")
}
