/// How ``CachingChatClient`` uses its response cache.
public enum CacheMode: String, Sendable, Hashable, CaseIterable {
    /// Always call the endpoint; never read or write the cache.
    case live
    /// Always call the endpoint, then store the response.
    case record
    /// Answer only from the cache; a miss is ``TriageCore/ChatError/cacheMiss(model:key:)``.
    case replay
    /// Answer from the cache when it has the request, else call the endpoint and store the response.
    case readThrough = "read-through"
}
