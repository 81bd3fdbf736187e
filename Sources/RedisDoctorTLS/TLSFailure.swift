/// Why TLS could not be set up or spoken, in words for the operator.
public struct TLSFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// OpenSSL itself is missing or broken on this host.
        case library
        /// A --cacert, --cert or --key file is unreadable or does not match: a usage error.
        case files
        /// The handshake failed: an alert, an old protocol, a reset.
        case handshake
        /// The server's certificate was refused (unknown CA, wrong name, expired).
        case verification
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
