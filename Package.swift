// swift-tools-version:6.0
import PackageDescription

/// The commit `--version` names, from the checkout being built.
let buildCommit: String = {
    guard let git = Context.gitInformation else { return "unknown" }
    return String(git.currentCommit.prefix(12)) + (git.hasUncommittedChanges ? "-dirty" : "")
}()

let package = Package(
    name: "redis-doctor",
    products: [
        .executable(name: "redis-doctor", targets: ["redis-doctor"]),
        .executable(name: "redis-doctor-serve", targets: ["redis-doctor-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The exporter's HTTP server only: `redis-doctor-serve` is its own executable, so
        // the one-shot subcommands never load or start it (Docs/performance.md, linking).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // No pkgConfig: hiredis's .pc adds -D_FILE_OFFSET_BITS=64, which SwiftPM drops
        // with a warning on every build. Headers and libhiredis.a sit in the default paths.
        .systemLibrary(
            name: "CHiredis",
            providers: [.apt(["libhiredis-dev"])]
        ),
        // Headers only: the REPL loads libedit.so.2 with dlopen when it starts (see shim.h),
        // so nothing else pays for loading it. No pkgConfig, whose -ledit would link it.
        .systemLibrary(
            name: "CLibEdit",
            providers: [.apt(["libedit-dev"])]
        ),
        // OpenSSL's headers only: the TLS layer loads the distribution's libssl.so.3 with
        // dlopen when TLS is asked for (see shim.h), so plain runs never map it. Not a
        // [system] module: clang's diagnostics inside the shim must stay visible.
        .systemLibrary(
            name: "COpenSSL",
            providers: [.apt(["libssl-dev"])]
        ),
        // TLS over a socket the client layer owns: non-blocking steps it drives.
        .target(
            name: "RedisDoctorTLS",
            dependencies: ["RedisDoctorCore", "COpenSSL", "COpenSSLMemory"]
        ),
        // The allocator OpenSSL is given (see OpenSSLMemory.h). DWARF 4: valgrind 3.19,
        // which measures the start-up cost, cannot read clang's default DWARF 5.
        .target(name: "COpenSSLMemory", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // The build's commit, for --version (a C define: Swift's -D takes no value).
        .target(name: "CBuildInfo", cSettings: [.define("RD_BUILD_COMMIT", to: "\"\(buildCommit)\""), .unsafeFlags(["-gdwarf-4"])]),
        // Pure code: parsing, rules, rendering. No I/O, no clock, no C.
        // libm backs Double.rounded(); linking it is not importing C.
        .target(name: "RedisDoctorCore", linkerSettings: [.linkedLibrary("m")]),
        // Sockets and hiredis. The only code that talks to a server.
        // hiredis comes from Debian's static archive (CHiredis's module map names no
        // library): one shared library fewer to load and relocate at every start.
        .target(
            name: "RedisDoctorClient",
            dependencies: ["RedisDoctorCore", "CHiredis", "RedisDoctorTLS"],
            // Optimized in debug builds too: every byte a server sends passes through here,
            // and the tests' scans of 300k keys must run at the speed users get.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))],
            linkerSettings: [.linkedLibrary(":libhiredis.a")]
        ),
        .executableTarget(
            name: "redis-doctor",
            dependencies: [
                "RedisDoctorCore",
                "RedisDoctorClient",
                "RedisDoctorTLS",
                "CLibEdit",
                "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // With --static-swift-stdlib, -lstdc++ finds Linking/static-libstdc++/libstdc++.so
            // first: a linker script that takes GCC's libstdc++.a (see the file). Builds
            // with the shared Swift runtime pass no -lstdc++ and are not affected.
            linkerSettings: [.unsafeFlags(["-L", Context.packageDirectory + "/Linking/static-libstdc++"])]
        ),
        // `redis-doctor serve`: the Prometheus multi-target exporter, started by
        // `redis-doctor serve` (which execs it) or directly.
        .executableTarget(
            name: "redis-doctor-serve",
            dependencies: [
                "RedisDoctorCore",
                "RedisDoctorClient",
                "CBuildInfo",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            linkerSettings: [.unsafeFlags(["-L", Context.packageDirectory + "/Linking/static-libstdc++"])]
        ),
        .testTarget(
            name: "RedisDoctorCoreTests",
            dependencies: ["RedisDoctorCore", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RedisDoctorClientTests",
            dependencies: ["RedisDoctorClient", "RedisDoctorCore", "COpenSSLMemory", "TestSupport"]
        ),
        .testTarget(
            name: "RedisDoctorCLITests",
            dependencies: ["redis-doctor", "redis-doctor-serve", "RedisDoctorCore", "TestSupport"]
        ),
        // Release-mode benchmarks of the pure parsers and analyses (not timed tests).
        .executableTarget(
            name: "redis-doctor-bench",
            dependencies: ["RedisDoctorCore"],
            path: "Benchmarks/redis-doctor-bench"
        ),
        // Real redis-server processes and small fault servers for the tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
    ],
    swiftLanguageModes: [.v6]
)
