import ArgumentParser

/// `--sentinel --master NAME` and the sentinels' own credentials: shared by `check` and
/// `discover`. The password is never an option: REDISDOCTOR_SENTINEL_AUTH or a file.
struct SentinelOptionGroup: ParsableArguments {
    @Flag(name: .long, help: "A Sentinel set: the connection target is a sentinel; every sentinel is asked about --master.")
    var sentinel = false

    @Option(name: .long, help: ArgumentHelp("With --sentinel: the master's name, as in `sentinel monitor NAME ...`.", valueName: "name"))
    var master: String?

    @Option(name: .long, help: ArgumentHelp("With --sentinel: the sentinels' ACL user; its password from REDISDOCTOR_SENTINEL_AUTH or --sentinel-pass-file (-a/--user are the data nodes').", valueName: "name"))
    var sentinelUser: String?

    @Option(name: .long, help: ArgumentHelp("With --sentinel: a file holding the sentinels' password (never on the command line).", valueName: "file"))
    var sentinelPassFile: String?
}
