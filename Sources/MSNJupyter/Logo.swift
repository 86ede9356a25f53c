import Foundation

/// The kernel logo, drawn in code so it is deterministic: a teal square with a white bar chart,
/// written as an RGB PNG with stored (uncompressed) deflate blocks.
enum Logo {
    /// PNG bytes of a `size`×`size` logo.
    static func png(size: Int) -> Data {
        var raw = [UInt8]()
        raw.reserveCapacity(size * (size * 3 + 1))
        for y in 0..<size {
            raw.append(0)   // filter: none
            for x in 0..<size { raw += pixel(x, y, size) }
        }
        var ihdr = [UInt8]()
        ihdr += be32(UInt32(size)) + be32(UInt32(size))
        ihdr += [8, 2, 0, 0, 0]   // 8-bit RGB, deflate, no filter, no interlace
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", ihdr) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
        return Data(png)
    }

    static func pixel(_ x: Int, _ y: Int, _ n: Int) -> [UInt8] {
        let teal: [UInt8] = [0x1F, 0x6F, 0x78], white: [UInt8] = [0xFF, 0xFF, 0xFF]
        let margin = n / 8, barWidth = n / 8
        let heights = [0.35, 0.6, 0.85]   // three rising bars
        for (k, h) in heights.enumerated() {
            let left = margin + k * (barWidth + n / 8)
            let top = n - margin - Int(Double(n - 2 * margin) * h)
            if x >= left && x < left + barWidth && y >= top && y < n - margin { return white }
        }
        return teal
    }

    static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + body
        return be32(UInt32(body.count)) + typed + be32(crc32(typed))
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            let last: UInt8 = i + n >= data.count ? 1 : 0
            out += [last, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        return out + be32(adler32(data))
    }

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for x in bytes { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        return (b << 16) | a
    }
}
