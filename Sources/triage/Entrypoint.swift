import TriageCommands

/// The `triage` executable: the commands live in `TriageCommands`, which the tests import.
@main
enum Entrypoint {
    static func main() async {
        await Triage.main()
    }
}
