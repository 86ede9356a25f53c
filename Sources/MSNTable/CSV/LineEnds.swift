/// Old Mac line ends: a carriage return not followed by a line feed ends a line too.
enum LineEnds {
    /// A copy of the bytes with every lone CR outside quotes turned into LF; nil when there is none
    /// (the common case costs one pass looking for a CR).
    static func loneCRsAsLF(_ b: ByteBuffer) -> [UInt8]? {
        var anyCR = false
        for i in 0..<b.count where b[i] == ASCII.cr { anyCR = true; break }
        guard anyCR else { return nil }
        var lone: [Int] = []
        var inQuotes = false
        for i in 0..<b.count {
            let c = b[i]
            if c == ASCII.quote { inQuotes.toggle() }
            else if c == ASCII.cr && !inQuotes && (i + 1 == b.count || b[i + 1] != ASCII.lf) { lone.append(i) }
        }
        guard !lone.isEmpty else { return nil }
        var out = [UInt8](UnsafeBufferPointer(start: b.base, count: b.count))
        for i in lone { out[i] = ASCII.lf }
        return out
    }
}
