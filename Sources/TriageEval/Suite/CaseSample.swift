import Foundation

/// A fixed sample of a suite's cases, chosen by case id alone: the `count` cases whose id hashes lowest
/// (FNV-1a, 64 bits, over `triage-sample:` + id, then the MurmurHash3 64-bit finaliser). The same ids give the same sample on every machine and run,
/// whatever the file order, and a case added to the suite joins the sample only if it hashes below the others.
public enum CaseSample {
    /// The salt hashed before each id; changing it draws a different sample.
    public static let salt = "triage-sample:"

    /// `count` cases of `cases` (all when there are no more), in their original order.
    public static func pick(_ count: Int, from cases: [EvalCase]) -> [EvalCase] {
        guard count < cases.count else { return cases }
        let chosen = Set(cases.indices.sorted { lhs, rhs in
            let (a, b) = (hash(cases[lhs].id), hash(cases[rhs].id))
            return a == b ? lhs < rhs : a < b
        }.prefix(max(count, 0)))
        return cases.indices.filter(chosen.contains).map { cases[$0] }
    }

    /// FNV-1a over the salted id's UTF-8 bytes, then the MurmurHash3 finaliser: FNV alone barely stirs its high
    /// bits for ids that differ only at the end (`bitext-00006`, `bitext-00008`), and the order of those bits is
    /// what picks the sample, so without the finaliser neighbouring ids were chosen together.
    static func hash(_ id: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (salt + id).utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        value ^= value >> 33
        value = value &* 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value = value &* 0xc4ce_b9fe_1a85_ec53
        return value ^ (value >> 33)
    }
}
