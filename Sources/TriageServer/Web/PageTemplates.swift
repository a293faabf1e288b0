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

    init() throws {
        layout = try MustacheTemplate(string: Self.layoutSource)
        login = try MustacheTemplate(string: Self.loginSource)
        queue = try MustacheTemplate(string: Self.queueSource)
        card = try MustacheTemplate(string: Self.cardSource)
        escalations = try MustacheTemplate(string: Self.escalationsSource)
        review = try MustacheTemplate(string: ReviewPage.source)
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

    static let queueSource = """
        <h1>Open cards</h1>
        <p class="counts">{{#counts}}<a href="/?kind={{kind}}">{{label}}: {{count}}</a> {{/counts}}</p>
        <form method="get" action="/" class="filters">
        <select name="kind"><option value="">any kind</option>{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/kinds}}</select>
        <select name="decision_type"><option value="">any decision</option>{{#types}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/types}}</select>
        <select name="confidence"><option value="">any confidence</option>{{#confidences}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/confidences}}</select>
        <input name="team" placeholder="team" value="{{team}}"> <input name="min_age_hours" placeholder="older than (h)" value="{{minAge}}" size="8">
        <label>search <input name="q" id="search" placeholder="order, customer, e-mail or event id" value="{{search}}" size="28"></label>
        <button>Filter</button></form>
        <table class="queue" id="queue"><thead><tr><th>#</th><th>kind</th><th>decision</th><th>suggested</th><th>confidence</th><th>flag</th><th>team</th><th>at stake</th><th>age</th><th>card</th><th>held by</th></tr></thead><tbody>
        {{#cards}}<tr class="row" data-href="/cards/{{id}}"><td>{{id}}</td><td>{{kind}}</td><td>{{decision}}</td><td>{{suggested}}</td><td>{{confidence}}</td><td>{{flag}}</td><td>{{team}}</td><td>{{amount}}</td><td>{{age}}</td><td><a href="/cards/{{id}}" class="open">{{title}}</a></td><td>{{#lockedBy}}open with {{lockedBy}}{{/lockedBy}}</td></tr>{{/cards}}
        {{^cards}}<tr><td colspan="9">Nothing to decide. 🎉</td></tr>{{/cards}}
        </tbody></table><p class="hint">Keys: j/k move, Enter opens.</p>
        """

    static let cardSource = """
        <p><a href="/">← queue</a></p>
        <h1 id="card-title">#{{id}} {{title}}</h1>
        <p class="meta">{{kind}} · {{decision}} · {{status}} · team {{team}}{{#confidence}} · confidence <b>{{confidence}}</b>{{/confidence}}{{#lockedBy}} · open with {{lockedBy}}{{/lockedBy}}</p>
        {{#hasFlags}}<p class="flags">{{#flags}}<span class="flag">{{.}}</span> {{/flags}}</p>{{/hasFlags}}
        <p>{{summary}}</p>
        {{#decidable}}<section class="actions" id="actions" data-lock="/api/v1/cards/{{id}}/lock" data-csrf="{{csrf}}">
        <form method="post" action="/cards/{{id}}/decide" id="accept-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="verdict" value="accept">
        <button id="accept" {{^acceptable}}disabled{{/acceptable}}>{{acceptLabel}}</button> <kbd>a</kbd></form>
        <details id="edit"><summary>Edit then accept <kbd>e</kbd></summary><form method="post" action="/cards/{{id}}/decide" id="edit-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="verdict" value="edit">
        <label>Action <input name="action" id="edit-action" value="{{suggestedAction}}" list="actions"></label><datalist id="actions">{{#actions}}<option value="{{.}}">{{/actions}}</datalist>
        <label>Parameters (JSON) <textarea name="parameters" rows="4" cols="60">{{parametersJSON}}</textarea></label>
        <label>Why <input name="reason" size="60"></label><button>Save and accept</button></form></details>
        <form method="post" action="/cards/{{id}}/decide" id="reject-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="verdict" value="reject">
        <label>Reject because <input name="reason" id="reject-reason" size="50" required></label> <button id="reject">Reject</button> <kbd>r</kbd></form>
        </section>{{/decidable}}
        {{#decisions}}<p class="decided" id="decided">Decided by {{actor}}: <b>{{action}}</b>{{#reason}} — {{reason}}{{/reason}} ({{decidedAt}})</p>{{/decisions}}
        {{#suggestion}}<section><h2>Suggestion</h2><p><b>{{action}}</b>{{^action}}none: {{noSuggestionReason}}{{/action}} · confidence {{confidence}} · model <span id="model">{{model}}</span> · prompt {{promptVersion}}</p>
        <table>{{#parameters}}<tr><th>{{key}}</th><td>{{value}}</td></tr>{{/parameters}}</table>
        {{#hasEvidence}}<h3>Evidence from the source text</h3><ul>{{#evidence}}<li><q>{{.}}</q></li>{{/evidence}}</ul>{{/hasEvidence}}
        {{#hasNotes}}<ul class="notes">{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
        {{#hasCandidates}}<h3>Candidates</h3><table><tr><th>candidate</th><th>score</th><th>why</th></tr>{{#candidates}}<tr><td>{{label}}</td><td>{{score}}</td><td>{{reasons}}</td></tr>{{/candidates}}</table>{{/hasCandidates}}
        </section>{{/suggestion}}
        {{#plan}}<section><h2>Rule plan</h2><p>{{summary}}</p></section>{{/plan}}
        {{#hasLinked}}<section id="joined"><h2>Joined exceptions (same order, kind and reason)</h2><table>{{#linked}}<tr><td>{{source}}</td><td>{{eventID}}</td><td>{{occurredAt}}</td></tr>{{/linked}}</table></section>{{/hasLinked}}
        <section><h2>Exception</h2><p>{{source}} · event {{eventID}} · {{exceptionKind}}{{#reason}} · {{reason}}{{/reason}} · {{occurredAt}}</p>
        {{#text}}<h3>Source text</h3><pre class="source" id="source-text">{{text}}</pre>{{/text}}
        <h3>Payload</h3><pre>{{payload}}</pre></section>
        {{#order}}<section><h2>Storefront order {{number}}</h2><p>{{customer}} · {{email}} · {{status}} · placed {{placedAt}} · {{total}}</p>
        <table><tr><th>SKU</th><th>item</th><th>qty</th><th>price</th></tr>{{#lines}}<tr><td>{{sku}}</td><td>{{description}}</td><td>{{qty}}</td><td>{{price}}</td></tr>{{/lines}}</table></section>{{/order}}
        {{#hasShipments}}<section><h2>WMS shipments</h2><table>{{#shipments}}<tr><td>{{id}}</td><td>{{status}}</td><td>{{carrier}}</td><td>{{shippedAt}}</td></tr>{{/shipments}}</table></section>{{/hasShipments}}
        {{#hasPayments}}<section><h2>Payment gateway</h2><table>{{#payments}}<tr><td>{{id}}</td><td>{{status}}</td><td>{{amount}}</td><td>{{updatedAt}}</td></tr>{{/payments}}</table></section>{{/hasPayments}}
        {{#trace}}<section><h2>Rule trace</h2><pre>{{trace}}</pre></section>{{/trace}}
        """

    static let escalationsSource = """
        <h1>Escalations (engineering)</h1>
        <table><tr><th>source</th><th>error</th><th>open cards</th><th>last seen</th><th>cards</th></tr>
        {{#groups}}<tr><td>{{source}}</td><td>{{reason}}</td><td>{{count}}</td><td>{{lastSeen}}</td><td>{{#cardIDs}}<a href="/cards/{{.}}">#{{.}}</a> {{/cardIDs}}</td></tr>{{/groups}}
        {{^groups}}<tr><td colspan="5">No open escalations.</td></tr>{{/groups}}</table>
        """
}
