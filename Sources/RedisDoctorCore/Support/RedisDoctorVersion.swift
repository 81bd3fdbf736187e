/// The release, for `--version` and the exporter's build info: one place for both executables.
public enum RedisDoctorVersion {
    public static let current = "0.1.0"
}
