import RedisDoctorCore

/// The connection options as plain values, whichever parser read them.
struct ConnectionSettings: Equatable {
    var spec = TargetSpec()
    var timeout: Double?
    var maxReplyBytes: Int?
}
