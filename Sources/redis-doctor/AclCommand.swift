import ArgumentParser
import RedisDoctorClient
import RedisDoctorCore

struct AclCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acl",
        abstract: "Print ACL SETUSER lines (Redis 6+) granting exactly the commands redis-doctor sends.",
        discussion: "One user for the data nodes (check, clients, snapshot, cluster, serve, the REPL's :check), one for sentinels. Run the lines with redis-cli as an admin; replace the password, or give --password-placeholder. See Docs/security.md. Exit code 0."
    )

    @Option(name: .long, help: ArgumentHelp("The data nodes' user name.", valueName: "name"))
    var user = "redis-doctor"

    @Option(name: .long, help: ArgumentHelp("The sentinels' user name.", valueName: "name"))
    var sentinelUser = "redis-doctor-sentinel"

    @Option(name: .long, help: ArgumentHelp("What stands for the password in the lines (never a real one on a command line).", valueName: "text"))
    var passwordPlaceholder = "CHANGE-ME"

    func run() throws {
        Terminal.out(AclText.text(user: user, sentinelUser: sentinelUser, password: passwordPlaceholder))
    }
}

/// The lines `acl` prints, from the collectors' own command tables.
enum AclText {
    static var dataNodeCommands: [[String]] {
        SnapshotCollector.commandsSent + Connection.handshakeCommands + SentinelCollector.commandsSentToTheMaster
    }

    static var sentinelCommands: [[String]] {
        SentinelCollector.commandsSent + [["CLIENT", "SETNAME", "redis-doctor"]]
    }

    static func text(user: String, sentinelUser: String, password: String) -> String {
        """
        # The data nodes (check, clients, snapshot, cluster, serve): read-only, no keys, no channels.
        \(AccessRules.setUser(user, password: password, commands: dataNodeCommands))
        # Each sentinel (Redis 6.2+), for check --sentinel and discover --sentinel:
        \(AccessRules.setUser(sentinelUser, password: password, commands: sentinelCommands))
        # Then: ACL SAVE (with an aclfile) or CONFIG REWRITE, on every node. Docs/security.md says
        # what +config|get exposes (requirepass, masterauth) and what leaving it out costs.

        """
    }
}
