import MSNFuzz

/// libFuzzer's entry point: one input through `FuzzEntries.jupyter`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntries.jupyter(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
