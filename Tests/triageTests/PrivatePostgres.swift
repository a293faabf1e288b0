import Foundation

/// A PostgreSQL server of the test's own (Debian's `initdb` and `pg_ctl`, a temporary data folder, a free loopback
/// port, trust authentication), so a fault test can restart it without touching the server other suites use.
/// As root the server runs as the `postgres` user, because PostgreSQL refuses to run as root.
struct PrivatePostgres {
    let folder: URL
    let port: Int

    /// The URL of its `postgres` database, as user `postgres`.
    var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres" }

    /// Creates and starts a server.
    static func start() throws -> PrivatePostgres {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if getuid() == 0 { try run(["/bin/chown", "postgres:postgres", folder.path], asPostgres: false) }
        let server = PrivatePostgres(folder: folder, port: try freePort())
        try server.tool("initdb", ["-D", server.data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"])
        try server.control("start")
        return server
    }

    /// Stops the server the fast way (clients disconnected, no data lost) and starts it again.
    func restart() throws { try control("restart") }

    /// Stops the server and removes its folder.
    func stop() {
        _ = try? control("stop")
        try? FileManager.default.removeItem(at: folder)
    }

    private var data: String { folder.appendingPathComponent("data").path }

    private func control(_ action: String) throws {
        let options = "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off"
        try tool("pg_ctl", ["-D", data, "-l", folder.appendingPathComponent("log").path, "-w", "-m", "fast", "-o", options, action])
    }

    private func tool(_ name: String, _ arguments: [String]) throws {
        try Self.run([try Self.binary(name)] + arguments, asPostgres: getuid() == 0)
    }

    private static func binary(_ name: String) throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        guard let version = versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }).first else {
            throw PrivatePostgresError(description: "no PostgreSQL server under \(root): apt-get install postgresql")
        }
        return "\(root)/\(version)/bin/\(name)"
    }

    /// Runs a command to its end with its output in a file. `posix_spawn` and `waitpid` rather than Foundation's
    /// `Process`: after `runuser` exits, `Process.waitUntilExit()` was seen never to return (the child left a zombie
    /// no one reaped), and a pipe's reader would wait for the server `pg_ctl start` leaves running.
    private static func run(_ command: [String], asPostgres: Bool) throws {
        let argv = asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + command : command
        let log = NSTemporaryDirectory() + "/pg-run-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let arguments = argv.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, arguments, environ)
        guard spawned == 0 else {
            throw PrivatePostgresError(description: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0 && (status >> 8) & 0xff == 0
        guard exited else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw PrivatePostgresError(description: "\(argv.joined(separator: " ")) failed (\(status)): \(text)")
        }
    }

    /// A loopback port nothing listens on now (the system picks one, and it is let go at once).
    private static func freePort() throws -> Int {
        let socket = try ListeningSocket()
        defer { socket.close() }
        return Int(socket.port)
    }
}

struct PrivatePostgresError: Error, CustomStringConvertible {
    let description: String
}
