import CBuildInfo
import CHiredis
import RedisDoctorCore
import RedisDoctorTLS

/// `--version`: the release, the commit it was built from, and the libraries it runs
/// with: hiredis (linked in, so its build-time version is the one that runs) and the
/// OpenSSL found now (loaded only for TLS; here, only to name it).
enum VersionText {
    static var text: String {
        let commit = String(cString: rd_build_commit())
        return "redis-doctor \(RedisDoctorVersion.current) (commit \(commit))\n"
            + "hiredis \(HIREDIS_MAJOR).\(HIREDIS_MINOR).\(HIREDIS_PATCH) (linked in)\n"
            + "TLS: \(TLSVersion.text)\n"
    }
}
