// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Triage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "triage", targets: ["triage"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
    ],
    targets: [
        .target(
            name: "TriageCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageDemo",
            dependencies: ["TriageCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageStore",
            dependencies: [
                "TriageCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriagePostgres",
            dependencies: [
                "TriageCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageRules",
            dependencies: ["TriageCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(name: "CStdioShim"),
        .target(
            name: "CCurlShim",
            linkerSettings: [.linkedLibrary("curl")]
        ),
        .target(
            name: "TriageLLM",
            dependencies: [
                "TriageCore", "CCurlShim",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageMetrics",
            dependencies: [
                "TriageCore",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageWorker",
            dependencies: [
                "TriageCore",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageEval",
            dependencies: ["TriageCore", "TriageWorker"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageEvalStore",
            dependencies: ["TriageCore", "TriageEval", "TriageStore", "TriageWorker", "TriageDemo"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageDemoRun",
            dependencies: ["TriageCore", "TriageDemo", "TriageStore", "TriageRules", "TriageWorker"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageServer",
            dependencies: [
                "TriageCore", "TriageRules", "TriageMetrics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageBench",
            dependencies: [
                "TriageCore", "TriageStore", "TriageRules", "TriageLLM", "TriageWorker", "TriageDemo", "TriagePostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TriageCommands",
            dependencies: [
                "CStdioShim", "TriageCore", "TriageStore", "TriageRules", "TriageLLM", "TriageWorker", "TriageEval", "TriageDemo",
                "TriageServer", "TriageBench", "TriageEvalStore", "TriageMetrics", "TriageDemoRun", "TriagePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "triage", dependencies: ["TriageCommands"], swiftSettings: swiftSettings),
        .target(
            name: "TriageTestSupport",
            dependencies: [
                "TriageCore",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/TriageTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "StoreConformanceTests",
            dependencies: [
                "TriageCore", "TriageStore", "TriagePostgres", "TriageRules", "TriageDemo", "TriageWorker",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "TriageCoreTests", dependencies: ["TriageCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TriageDemoTests", dependencies: ["TriageDemo", "TriageCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TriageDemoRunTests", dependencies: ["TriageDemoRun", "TriageStore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TriageStoreTests",
            dependencies: [
                "TriageStore", "TriageCore", "TriageTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "TriageRulesTests", dependencies: ["TriageRules", "TriageCore", "TriageStore", "TriageTestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "TriageLLMTests",
            dependencies: [
                "TriageLLM", "TriageCore", "TriageTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "TriageWorkerTests", dependencies: ["TriageWorker", "TriageCore", "TriageStore"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "TriageEvalTests",
            dependencies: ["TriageEval", "TriageEvalStore", "TriageCore", "TriageStore", "TriageWorker"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "TriageMetricsTests", dependencies: ["TriageMetrics", "TriageCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TriageServerTests",
            dependencies: [
                "TriageServer", "TriageCore", "TriageStore", "TriageRules", "TriageDemo", "TriageWorker", "TriageTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "triageTests",
            dependencies: [
                "triage", "TriageCommands", "TriageCore", "TriageStore", "TriageTestSupport", "TriagePostgres", "TriageRules",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
    ]
)
