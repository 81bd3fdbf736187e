import Glibc
import RedisDoctorCore

/// Reads the exporter's config file: at start (a bad one is an error that stops it) and on
/// `POST /-/reload` (a bad one keeps the running configuration and says why).
enum ServeConfigFile {
    /// A config file is a few hundred lines.
    static let limit = 1 << 20

    static func load(_ path: String?) -> Result<ServeConfig, LoadError> {
        guard let path else { return .success(ServeConfig()) }
        let bytes: [UInt8]
        switch read(path) {
        case .failure(let error): return .failure(error)
        case .success(let read): bytes = read
        }
        do throws(RuleSettingsError) {
            return .success(try ServeConfig(text: String(decoding: bytes, as: UTF8.self), name: path, descriptions: RuleRegistry.descriptions))
        } catch {
            return .failure(LoadError(description: "\(error)"))
        }
    }

    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// A regular file's bytes, refusing anything larger than `limit`.
    static func read(_ path: String, limit: Int = limit) -> Result<[UInt8], LoadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(LoadError(description: "\(path): \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(LoadError(description: "\(path): not a regular file"))
        }
        guard Int(info.st_size) <= limit else { return .failure(LoadError(description: "\(path): larger than \(limit) bytes")) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            done += count
        }
        return .success(Array(bytes[..<done]))
    }
}
