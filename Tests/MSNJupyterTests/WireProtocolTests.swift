import Foundation
import Testing
@testable import MSNJupyter

/// Signing and framing: HMAC-SHA256 against RFC 4231's published vector, and messages that survive
/// encode → decode, or are refused when tampered with.
struct WireProtocolTests {
    @Test func hmacMatchesRFC4231TestCase2AcrossFrames() {
        // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?".
        let signer = MessageSigner(key: "Jefe")
        let frames = [Data("what do ya".utf8), Data(" want for nothing?".utf8)]
        #expect(signer.signature(frames) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(signer.verify(Data("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843".utf8), frames: frames))
        #expect(!signer.verify(Data("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3844".utf8), frames: frames))
        #expect(!signer.verify(Data("5bdc".utf8), frames: frames))
    }

    @Test func emptyKeyMeansUnsigned() {
        let signer = MessageSigner(key: "")
        #expect(signer.signature([Data("x".utf8)]) == "")
        #expect(signer.verify(Data(), frames: [Data("x".utf8)]))
    }

    @Test func encodeThenDecodeKeepsIdentitiesAndContent() throws {
        let signer = MessageSigner(key: "secret")
        let m = WireMessage(identities: [Data("client-1".utf8)], header: WireMessage.header(type: "execute_request", session: "s"),
                            parentHeader: [:], metadata: [:], content: ["code": "x = 1", "silent": false])
        let frames = m.encode(signer: signer)
        #expect(frames[1] == Data("<IDS|MSG>".utf8))
        #expect(frames[2].count == 64)
        let back = try WireMessage.decode(frames, signer: signer)
        #expect(back.identities == [Data("client-1".utf8)])
        #expect(back.type == "execute_request")
        #expect(back.content["code"] as? String == "x = 1")
        #expect(back.header["version"] as? String == "5.3")
    }

    @Test func tamperedContentOrWrongKeyIsRejected() {
        let m = WireMessage(identities: [], header: WireMessage.header(type: "kernel_info_request", session: "s"),
                            parentHeader: [:], metadata: [:], content: [:])
        var frames = m.encode(signer: MessageSigner(key: "secret"))
        #expect(throws: WireMessage.DecodeError.self) { try WireMessage.decode(frames, signer: MessageSigner(key: "other")) }
        frames[5] = Data("{\"code\":\"evil\"}".utf8)
        #expect(throws: WireMessage.DecodeError.self) { try WireMessage.decode(frames, signer: MessageSigner(key: "secret")) }
        #expect(throws: WireMessage.DecodeError.self) { try WireMessage.decode([Data("no delimiter".utf8)], signer: MessageSigner(key: "")) }
    }

    @Test func connectionFileIsRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-conn-\(UUID().uuidString).json")
        try Data("""
        {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
         "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "msnb"}
        """.utf8).write(to: url)
        let info = try ConnectionInfo.read(url.path)
        #expect(info.shellPort == 5001 && info.hbPort == 5005 && info.key == "abc")
        #expect(info.endpoint(info.controlPort) == "tcp://127.0.0.1:5004")
        try Data("{\"shell_port\": 1}".utf8).write(to: url)
        #expect(throws: JupyterError.self) { try ConnectionInfo.read(url.path) }
    }

    @Test func logoIsAValidPNG() {
        // CRC-32 of "IEND" is the well-known AE 42 60 82 that ends every PNG.
        #expect(Logo.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(Logo.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        let png = Logo.png(size: 32)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(Array(png.suffix(4)) == [0xAE, 0x42, 0x60, 0x82])
        #expect(Logo.png(size: 32) == png)
    }
}
