/// The OpenSSL found at run time, for `--version`.
public enum TLSVersion {
    public static var text: String { TLSLibrary.versionText }
}
