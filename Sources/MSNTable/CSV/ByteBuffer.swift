/// A read-only view of the CSV bytes that may be shared across the worker threads of one parse.
/// The owning array outlives every use (the parse is synchronous).
struct ByteBuffer: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    @inline(__always) subscript(i: Int) -> UInt8 { base[i] }
}

/// Byte constants.
enum ASCII {
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let tab: UInt8 = 0x09
    static let semicolon: UInt8 = 0x3B
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
}

/// UTF-8 validation that reports where the first bad byte is.
enum UTF8Check {
    /// Offset of the first byte that starts an invalid UTF-8 sequence, or nil.
    /// Sequences starting at or after `start` and before `end` (default: the end) are checked.
    static func firstInvalid(_ b: ByteBuffer, from start: Int, to end: Int? = nil) -> Int? {
        var i = start
        let n = b.count, stop = end ?? b.count
        while i < stop {
            // Eight ASCII bytes at a time.
            while i + 8 <= stop {
                let word = UnsafeRawPointer(b.base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < stop else { break }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var minValue: UInt32 = 0
            var value: UInt32
            if c & 0xE0 == 0xC0 { need = 1; value = UInt32(c & 0x1F); minValue = 0x80 }
            else if c & 0xF0 == 0xE0 { need = 2; value = UInt32(c & 0x0F); minValue = 0x800 }
            else if c & 0xF8 == 0xF0 { need = 3; value = UInt32(c & 0x07); minValue = 0x10000 }
            else { return i }
            guard i + need < n else { return i }
            for k in 1...need {
                let d = b[i + k]
                guard d & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(d & 0x3F)
            }
            if value < minValue || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            i += need + 1
        }
        return nil
    }
}
