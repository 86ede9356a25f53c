import CFuzzDriver
import Foundation
import MSNFuzz

/// libFuzzer's callback: one input through `FuzzEntries.csv`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntries.csv(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// The program's entry point makes the targets' shared state, then hands over to libFuzzer's driver. (SwiftPM links a debug executable's
/// own entry point as `main`, which takes the place of libFuzzer's.)
@main enum FuzzerProgram {
    static func main() {
        __lsan_disable()
        FuzzEntries.prepare("csv")
        __lsan_enable()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzOneInput($0, $1) })
    }
}
