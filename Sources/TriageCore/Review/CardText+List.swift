extension CardText {
    /// The cards as a table, one row each: id, kind, decision, status, team, title (60 characters) and model.
    public static func list(_ cards: [StoredCard]) -> String {
        let rows = cards.map { stored in
            [
                "\(stored.id)", stored.card.kind.rawValue, stored.card.decisionType.rawValue,
                stored.card.status.rawValue, stored.card.team, stored.confidence?.rawValue ?? "-",
                TextClip.words(stored.card.title, limit: 60), stored.model ?? "",
            ]
        }
        return TextTable.render(header: ["id", "kind", "decision", "status", "team", "confidence", "title", "model"], rows: rows)
    }

    /// One line for a decision made from the terminal: the action, the fields edited and the outbox messages.
    public static func outcome(_ outcome: ReviewOutcome) -> String {
        let edited = outcome.editedFields.isEmpty ? "" : ", edited \(outcome.editedFields.joined(separator: ", "))"
        return "card \(outcome.cardID): \(outcome.action)\(edited); \(outcome.outboxMessages) outbox message(s)"
    }
}
