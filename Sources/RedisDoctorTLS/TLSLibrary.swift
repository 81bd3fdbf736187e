import COpenSSL
import COpenSSLMemory
import Glibc

/// The distribution's OpenSSL, loaded the first time TLS is asked for: a plain-text run
/// never maps libssl or libcrypto (relocating them costs more than half a plain check).
final class TLSLibrary: @unchecked Sendable {
    /// The resolved functions; immutable once loaded, so sharing them is safe.
    let functions: rd_ssl_functions

    private init(_ functions: rd_ssl_functions) {
        self.functions = functions
    }

    /// Loaded once per process; the loader's message when libssl.so.3 is missing.
    static let shared: Result<TLSLibrary, TLSFailure> = load()

    private static func load() -> Result<TLSLibrary, TLSFailure> {
        var table = rd_ssl_functions()
        if let problem = rd_ssl_load(RD_LIBSSL_SONAME, &table) {
            return .failure(TLSFailure(.library, "cannot load OpenSSL (\(RD_LIBSSL_SONAME)): \(String(cString: problem)); install the libssl3 package"))
        }
        // Before OpenSSL's first allocation (it refuses later, and then keeps malloc).
        _ = table.CRYPTO_set_mem_functions(rd_pool_malloc, rd_pool_realloc, rd_pool_free)
        guard rd_ssl_init(table) == 1 else { return .failure(TLSFailure(.library, "OpenSSL failed to initialise")) }
        // OpenSSL writes with write(2), not send(MSG_NOSIGNAL): a server that closes while it
        // writes would kill the process with SIGPIPE, report unwritten. EPIPE is handled instead.
        signal(SIGPIPE, SIG_IGN)
        return .success(TLSLibrary(table))
    }

    /// `OpenSSL 3.0.19 27 Jan 2026`, or why it cannot be loaded.
    public static var versionText: String {
        switch shared {
        case .success(let library): return String(cString: rd_openssl_version(library.functions))
        case .failure(let failure): return failure.message
        }
    }

    /// The oldest queued OpenSSL error as text, and the queue cleared.
    func takeError() -> String? { takeCodedError()?.text }

    /// The oldest queued OpenSSL error, its libssl reason code (0 for another library's) and
    /// its text; the queue cleared. Situations are told apart by the code, not the words.
    func takeCodedError() -> (reason: Int32, text: String)? {
        let code = functions.ERR_get_error()
        defer { functions.ERR_clear_error() }
        guard code != 0 else { return nil }
        return (rd_ssl_reason(code), text(of: code))
    }

    private func text(of code: UInt) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        rd_err_text(functions, code, &buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // "error:0A000086:SSL routines::certificate verify failed": the reason is the last part.
        return text.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? text
    }
}
