enum TriageServerPlaceholder {}
