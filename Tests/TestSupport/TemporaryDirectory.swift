import Foundation
import Glibc

public enum TemporaryDirectory {
    public static func make(prefix: String) throws -> String {
        var template = Array((NSTemporaryDirectory() + "/\(prefix).XXXXXX").utf8CString)
        guard let path = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return String(cString: path)
    }
}
