import NIOCore
import NIOPosix
import NIOHTTP1

enum ServeMain {
    static func run() {}
}
