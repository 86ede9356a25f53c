import Foundation
import Testing

/// `msnb run FOLDER --out DIR` mirrors the input's subfolders, so `id/01-tour.msnb` and `01-tour.msnb`
/// render into different folders (issue 20: 19 notebooks used to land in 17 folders).
@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func folderRunsMirrorSubfoldersForEveryFormat() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-layout-\(UUID().uuidString)")
    let nbs = dir.appendingPathComponent("nbs")
    try FileManager.default.createDirectory(at: nbs.appendingPathComponent("id"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "```msnb\n\"alphatop\"\n```\n".write(to: nbs.appendingPathComponent("a.msnb"), atomically: true, encoding: .utf8)
    try "```msnb\n\"betasub\"\n```\n".write(to: nbs.appendingPathComponent("id/a.msnb"), atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let r = try runMSNB(["run", nbs.path, "--out", out.path, "--format", "all"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("2 of 2 notebooks ran"))
    for fmt in ["md", "txt", "html"] {
        let top = try String(contentsOf: out.appendingPathComponent("a/a.\(fmt)"), encoding: .utf8)
        let sub = try String(contentsOf: out.appendingPathComponent("id/a/a.\(fmt)"), encoding: .utf8)
        #expect(top.contains("alphatop") && !top.contains("betasub"), "\(fmt)")
        #expect(sub.contains("betasub") && !sub.contains("alphatop"), "\(fmt)")
    }
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("a/id").path))
    // check of the folder: each notebook against the rendering beside it, run in its own scratch subfolder.
    try FileManager.default.copyItem(at: out.appendingPathComponent("a/a.md"), to: nbs.appendingPathComponent("a.md"))
    try FileManager.default.copyItem(at: out.appendingPathComponent("id/a/a.md"), to: nbs.appendingPathComponent("id/a.md"))
    let c = try runMSNB(["check", nbs.path])
    #expect(c.status == 0, "\(c.err)")
    #expect(c.out.contains("2 of 2 notebooks match their renderings"))
    // Swapping the renderings makes both differ: each is compared with its own.
    try FileManager.default.removeItem(at: nbs.appendingPathComponent("id/a.md"))
    try FileManager.default.copyItem(at: out.appendingPathComponent("a/a.md"), to: nbs.appendingPathComponent("id/a.md"))
    let d = try runMSNB(["check", nbs.path])
    #expect(d.status == 1 && d.out.contains("differ or fail: \(nbs.path)/id/a.msnb"))
}
