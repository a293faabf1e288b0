import Foundation
import Mustache

/// The reviewer page's Mustache templates. `{{…}}` escapes HTML, so source text (emails with markup and script)
/// renders as text; the one `{{{content}}}` inserts a page this file's templates already escaped.
struct PageTemplates: Sendable {
    let layout: MustacheTemplate
    let login: MustacheTemplate
    let queue: MustacheTemplate
    let card: MustacheTemplate
    let escalations: MustacheTemplate
    let review: MustacheTemplate
    let bulkResult: MustacheTemplate

    init() throws {
        layout = try MustacheTemplate(string: Self.layoutSource)
        login = try MustacheTemplate(string: Self.loginSource)
        queue = try MustacheTemplate(string: QueueTemplate.source)
        card = try MustacheTemplate(string: CardTemplate.source)
        escalations = try MustacheTemplate(string: Self.escalationsSource)
        review = try MustacheTemplate(string: ReviewPage.source)
        bulkResult = try MustacheTemplate(string: Self.bulkResultSource)
    }

    /// A full page: the layout around one rendered body.
    func page(title: String, body: String, reviewer: [String: Any]?, csrf: String?) -> String {
        var context: [String: Any] = ["title": title, "content": body]
        if let reviewer { context["reviewer"] = reviewer }
        if let csrf { context["csrf"] = csrf }
        return layout.render(context)
    }

    static let layoutSource = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Triage</title><link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
        <body><header><a class="brand" href="/">Triage</a>
        {{#reviewer}}<nav><a href="/">Queue</a> <a href="/escalations">Escalations</a> <a href="/review">Weekly review</a></nav>
        <span class="who">{{name}} · {{role}}{{#team}} · {{team}}{{/team}}</span>
        <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button>Sign out</button></form>{{/reviewer}}
        </header><main>{{{content}}}</main></body></html>
        """

    static let loginSource = """
        <h1>Sign in</h1>{{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/login" id="login"><label>Access token <input type="password" name="token" id="token" autocomplete="off" required autofocus></label>
        <button type="submit" id="sign-in">Sign in</button></form>
        <p class="hint">An admin creates your token with <code>triage users add NAME --role reviewer --team TEAM</code>.</p>
        """

    static let bulkResultSource = """
        <p><a href="/">← queue</a></p>
        <h1>Bulk accept {{batch}}</h1>
        <p id="bulk-summary"><b>{{acceptedCount}}</b> accepted and confirmed through the outbox.</p>
        <section id="bulk-accepted"><h2>Accepted</h2><table><tr><th>card</th><th>action</th><th>outbox messages</th></tr>{{#accepted}}<tr><td><a href="/cards/{{id}}">#{{id}}</a></td><td>{{action}}</td><td>{{messages}}</td></tr>{{/accepted}}</table></section>
        {{#hasJudgment}}<section id="bulk-judgment"><h2>Turned into judgment cards</h2><p>Their plan no longer fits the data; nothing was executed.</p><table><tr><th>card</th><th>why</th></tr>{{#judgment}}<tr><td><a href="/cards/{{id}}">#{{id}}</a></td><td>{{reason}}</td></tr>{{/judgment}}</table></section>{{/hasJudgment}}
        {{#hasSkipped}}<section id="bulk-skipped"><h2>Not accepted</h2><table><tr><th>card</th><th>why</th></tr>{{#skipped}}<tr><td><a href="/cards/{{id}}">#{{id}}</a></td><td>{{reason}}</td></tr>{{/skipped}}</table></section>{{/hasSkipped}}
        """

    /// An order's lines, those the request names marked (the card's order and each candidate).
    static let linesTable = """
        <table class="lines"><tr><th>SKU</th><th>item</th><th>qty</th><th>price</th><th>in the request</th></tr>\
        {{#lines}}<tr{{#matched}} class="matched"{{/matched}}><td>{{sku}}</td><td>{{description}}</td><td>{{qty}}</td>\
        <td>{{price}}</td><td>{{#matched}}✓ named{{/matched}}</td></tr>{{/lines}}</table>
        """

    /// Text runs from ``EvidenceMarks``, each marked run linked to what it supports (source text and payload).
    static func marked(_ list: String) -> String {
        "{{#\(list)}}{{#marked}}<mark data-field=\"{{field}}\"><a href=\"#{{target}}\" title=\"supports {{field}}\">"
            + "{{text}}</a></mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/\(list)}}"
    }

    static let escalationsSource = """
        <h1>Escalations (engineering)</h1>
        <table><tr><th>source</th><th>error</th><th>open cards</th><th>last seen</th><th>cards</th></tr>
        {{#groups}}<tr><td>{{source}}</td><td>{{reason}}</td><td>{{count}}</td><td>{{lastSeen}}</td><td>{{#cardIDs}}<a href="/cards/{{.}}">#{{.}}</a> {{/cardIDs}}</td></tr>{{/groups}}
        {{^groups}}<tr><td colspan="5">No open escalations.</td></tr>{{/groups}}</table>
        """
}
