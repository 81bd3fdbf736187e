import RedisDoctorCore

/// Who may ask: nobody is checked without `[serve] basic_auth_user`/`basic_auth_password_file`
/// or `bearer_token_file`; with them, every endpoint but `/-/healthy` needs the credential.
/// The secrets are read when the configuration is (re)loaded, from files, never the config.
struct RequestAuth: Sendable {
    var basic: String?
    var bearer: String?

    static func load(_ config: ServeConfig) -> Result<RequestAuth, ServeConfigFile.LoadError> {
        var auth = RequestAuth()
        if let user = config.basicAuthUser, let file = config.basicAuthPasswordFile {
            switch secret(file) {
            case .failure(let error): return .failure(error)
            case .success(let password): auth.basic = Base64.encode(Array("\(user):\(password)".utf8))
            }
        }
        if let file = config.bearerTokenFile {
            switch secret(file) {
            case .failure(let error): return .failure(error)
            case .success(let token): auth.bearer = token
            }
        }
        return .success(auth)
    }

    /// Whether the request's `Authorization` header carries one of the credentials.
    func allows(_ header: String?) -> Bool {
        guard basic != nil || bearer != nil else { return true }
        guard let header else { return false }
        if let basic, Self.same(header, "Basic " + basic) { return true }
        if let bearer, Self.same(header, "Bearer " + bearer) { return true }
        return false
    }

    /// Compares in time that does not depend on where the texts differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<min(x.count, y.count) { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    private static func secret(_ path: String) -> Result<String, ServeConfigFile.LoadError> {
        switch ServeConfigFile.read(path, limit: 4096) {
        case .failure(let error): return .failure(error)
        case .success(let bytes):
            let line = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
            guard !line.isEmpty else { return .failure(ServeConfigFile.LoadError(description: "\(path): the first line is empty")) }
            return .success(String(decoding: line, as: UTF8.self))
        }
    }
}

/// Standard base64, for comparing a Basic credential.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = chunk[chunk.startIndex]
            let b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
            let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
            out.append(table[Int(b0 >> 2)])
            out.append(table[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(chunk.count > 1 ? table[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(chunk.count > 2 ? table[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
