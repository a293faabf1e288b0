enum TriageWorkerPlaceholder {}
