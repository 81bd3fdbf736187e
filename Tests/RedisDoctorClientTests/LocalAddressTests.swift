import RedisDoctorClient
import RedisDoctorCore
import Testing
import TestSupport

/// A server that keeps no client names (2.4) shows this tool's connection only by its
/// address: the socket's own address must be spelled as CLIENT LIST spells it.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct LocalAddressTests {
    @Test(arguments: ["127.0.0.1", "::1"])
    func theSocketsAddressIsTheOneClientListShows(_ host: String) throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        // No client name, as on 2.4: only the address can tell.
        var options = ConnectionOptions()
        options.clientName = nil
        let link = try Connection.open(ConnectionTarget(endpoint: .tcp(host: host, port: server.port)), deadline: Deadline(seconds: 5), options: options)
        let reply = try link.send(["CLIENT", "LIST"], deadline: Deadline(seconds: 5))
        let clients = ClientList.parse(reply.bytes ?? [])
        let mine = clients.filter { $0.cmd?.hasPrefix("client") == true }
        #expect(mine.count == 1, "\(clients.map(\.addr))")
        let addresses = link.localAddresses
        #expect(addresses.contains(mine.first?.addr ?? "-"), "\(addresses) vs \(String(describing: mine.first?.addr))")
        #expect(ClientExclusion.of(try #require(mine.first), ownAddresses: addresses) == .own)
    }

    @Test func aUnixSocketHasNoAddressToMatch() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let link = try Connection.open(ConnectionTarget(endpoint: .unix(path: server.unixSocket)), deadline: Deadline(seconds: 5))
        #expect(link.localAddresses.isEmpty)
    }
}
