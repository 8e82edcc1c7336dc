import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run in a pseudo-terminal of its own, as in a terminal window:
/// it leads a new session whose controlling terminal is the pty, so the
/// interrupt character written to the master (0x03, Ctrl-C) makes the
/// terminal driver send SIGINT to it, as typing Ctrl-C does.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    private(set) var output = ""
    private(set) var exitStatus: Int32?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// glibc's POSIX_SPAWN_SETSID (<spawn.h>, under _GNU_SOURCE, which the
    /// Glibc module does not import).
    private static let spawnSetSID: Int32 = 0x80

    init(_ executable: String, _ arguments: [String]) throws {
        var master: Int32 = -1, terminal: Int32 = -1
        guard openpty(&master, &terminal, nil, nil, nil) == 0 else { throw Failure(description: "openpty: \(String(cString: strerror(errno)))") }
        let terminalPath = String(cString: ttyname(terminal))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid (which spawn does before the file actions), opening
        // the pty makes it the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, terminalPath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, terminal)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default actions and an empty mask for every signal, whatever the test runner set.
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        // Only the child keeps the terminal side open: when it exits the master reads end of file.
        close(terminal)
        guard spawned == 0 else {
            close(master)
            throw Failure(description: "posix_spawn: \(String(cString: strerror(spawned)))")
        }
        pid = child
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Writes bytes as typed at the keyboard.
    func type(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads what the program writes until `text` appears; false at the deadline.
    func read(until text: String, deadline: ContinuousClock.Instant) -> Bool {
        while !output.contains(text) {
            guard readSome(until: deadline) else { return false }
        }
        return true
    }

    /// Waits for the program to exit, reading its output meanwhile; its
    /// exit status, or nil when it has not exited by the deadline. The
    /// master reads end of file once the program has closed the terminal,
    /// so this waits on the descriptor, not on a clock.
    func waitForExit(deadline: ContinuousClock.Instant) -> Int32? {
        while readSome(until: deadline) {}
        var status: Int32 = 0
        // The terminal is closed: the process is exiting or gone. Reaped
        // with a deadline, since a process can close its terminal and live on.
        while ContinuousClock.now < deadline {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                return exitStatus
            }
            if reaped < 0 { return nil }
            // A step of the poll, not a guess at how long exiting takes.
            poll(nil, 0, 1)
        }
        return nil
    }

    /// One read of what is there; false at end of file or at the deadline.
    private func readSome(until deadline: ContinuousClock.Instant) -> Bool {
        let left = deadline - ContinuousClock.now
        guard left > .zero else { return false }
        var ready = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(min(Double(left.components.seconds) * 1000 + Double(left.components.attoseconds) / 1e15 + 1, 60_000))
        guard poll(&ready, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = Glibc.read(master, &buffer, buffer.count)
        // EIO: every terminal side is closed, the Linux pty's end of file.
        guard count > 0 else { return false }
        output += String(decoding: buffer[0..<count], as: UTF8.self)
        return true
    }
}
