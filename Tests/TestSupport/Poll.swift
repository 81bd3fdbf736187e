import Foundation
import Glibc

/// Waiting for a real server to reach a state: never a fixed sleep, which flakes under load.
public enum Poll {
    /// Polls `condition` every 100 ms until it holds or `seconds` pass; whether it held.
    public static func until(seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        repeat {
            if condition() { return true }
            usleep(100_000)
        } while Date() < end
        return condition()
    }
}
