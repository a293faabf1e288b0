extension Duration {
    /// The duration in seconds as a `Double`, for rates, logs and time left.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
