enum TriageEvalPlaceholder {}
