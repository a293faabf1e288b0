import ArgumentParser
import TriageCore

/// "Did you mean": a mistyped subcommand gets the nearest real one instead of a bare parse error.
enum CommandSuggestion {
    /// A message for the first word of `arguments` that names no subcommand where one is expected, nil otherwise.
    static func message(for arguments: [String], root: any ParsableCommand.Type) -> String? {
        var command = root
        var path = [root.configuration.commandName ?? "triage"]
        for word in arguments {
            guard !word.hasPrefix("-"), word != "help" else { return nil }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            guard let next = subcommands.first(where: { name(of: $0) == word }) else {
                let names = subcommands.map(name(of:))
                let nearest = names.min { EditDistance.between($0, word) < EditDistance.between($1, word) }
                let close = nearest.map { EditDistance.between($0, word) <= max(2, $0.count / 3) } ?? false
                let hint = close ? " Did you mean '\(nearest ?? "")'?" : ""
                return "error: '\(path.joined(separator: " ")) \(word)' is not a command.\(hint) "
                    + "Commands: \(names.joined(separator: ", "))."
            }
            command = next
            path.append(word)
        }
        return nil
    }

    private static func name(of command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }
}
