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
        queue = try MustacheTemplate(string: Self.queueSource)
        card = try MustacheTemplate(string: Self.cardSource)
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

    static let queueSource = """
        <h1>Open cards</h1>
        <p class="counts">{{#counts}}<a href="/?kind={{kind}}">{{label}}: {{count}}</a> {{/counts}}</p>
        <form method="get" action="/" class="filters" aria-label="Filter the queue">
        <label>kind <select name="kind"><option value="">any</option>{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/kinds}}</select></label>
        <label>decision <select name="decision_type"><option value="">any</option>{{#types}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/types}}</select></label>
        <label>confidence <select name="confidence"><option value="">any</option>{{#confidences}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/confidences}}</select></label>
        <label>gated rule <select name="rule" id="rule"><option value="">any</option>{{#rules}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}} ({{count}} gated)</option>{{/rules}}</select></label>
        <label>team <input name="team" value="{{team}}" size="12"></label> <label>older than (h) <input name="min_age_hours" value="{{minAge}}" size="5"></label>
        <label>search <input name="q" id="search" placeholder="order, customer, e-mail or event id" value="{{search}}" size="28"></label>
        <button id="filter">Filter</button></form>
        {{#bulkable}}<form method="post" action="/cards/bulk-accept" id="bulk-form" class="bulk"><input type="hidden" name="csrf" value="{{csrf}}">
        <button id="bulk-accept">Accept the selected rule plans</button> <span class="hint">Only gated rule plans can be selected; each is re-checked, and AI suggestions are decided on their card. Keys: x selects the row, Shift+A selects all.</span></form>{{/bulkable}}
        <table class="queue" id="queue"><thead><tr><th>{{#bulkable}}<input type="checkbox" id="select-all" aria-label="select every gated rule plan shown">{{/bulkable}}</th><th>#</th><th>kind</th><th>decision</th><th>suggested</th><th>confidence</th><th>flag</th><th>team</th><th>at stake</th><th>age</th><th>card</th><th>held by</th></tr></thead><tbody>
        {{#cards}}<tr class="row" data-href="/cards/{{id}}"><td>{{#bulkable}}<input type="checkbox" name="card" value="{{id}}" form="bulk-form" class="pick" aria-label="select card {{id}}">{{/bulkable}}</td><td>{{id}}</td><td>{{kind}}</td><td>{{decision}}</td><td>{{suggested}}</td><td>{{confidence}}</td><td>{{flag}}</td><td>{{team}}</td><td>{{amount}}</td><td>{{age}}</td><td><a href="/cards/{{id}}" class="open">{{title}}</a></td><td>{{#lockedBy}}open with {{lockedBy}}{{/lockedBy}}</td></tr>{{/cards}}
        {{^cards}}<tr><td colspan="12">Nothing to decide.</td></tr>{{/cards}}
        </tbody></table>{{#nextHref}}<p><a href="{{nextHref}}" id="next-page" rel="next">Next page →</a></p>{{/nextHref}}<p class="hint">Keys: j/k move, Enter opens.</p>
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

    static let cardSource = """
        <p><a href="/">← queue</a></p>
        <h1 id="card-title">#{{id}} {{title}}</h1>
        <p class="meta">{{kind}} · {{decision}} · {{status}} · team {{team}}{{#confidence}} · confidence <b>{{confidence}}</b>{{/confidence}}{{#lockedBy}} · open with {{lockedBy}}{{/lockedBy}}</p>
        {{#hasFlags}}<p class="flags">{{#flags}}<span class="flag">{{.}}</span> {{/flags}}</p>{{/hasFlags}}
        <p>{{summary}}</p>
        {{#joinedTo}}<p class="decided" id="joined-to">This card joined <a href="/cards/{{joinedTo}}">card #{{joinedTo}}</a>, about the same order and cause: it is decided there, once.</p>{{/joinedTo}}
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
        {{#decisions}}<p class="decided" id="decided">Decided by {{actor}}: <b>{{action}}</b>{{#reason}} — {{reason}}{{/reason}} ({{decidedAt}}{{#batch}}, bulk accept {{batch}}{{/batch}})</p>{{/decisions}}
        {{#suggestion}}<section><h2>Suggestion</h2><p><b>{{action}}</b>{{^action}}none: {{noSuggestionReason}}{{/action}} · confidence {{confidence}} · model <span id="model">{{model}}</span> · prompt {{promptVersion}}</p>
        <table id="fields">{{#parameters}}<tr id="field-{{key}}"><th scope="row">{{key}}</th><td>{{value}}</td></tr>{{/parameters}}</table>
        {{#hasEvidence}}<h3>Evidence from the source text</h3><p class="hint">Marked in the source text below; each mark links to what it supports.</p><ul id="evidence">{{#evidence}}<li id="evidence-{{n}}"><q>{{quote}}</q></li>{{/evidence}}</ul>{{/hasEvidence}}
        {{#hasNotes}}<ul class="notes">{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
        {{#hasCandidates}}<h3>Candidates</h3><div id="candidates">{{#candidates}}<div class="candidate"><p><b>{{label}}</b> · score {{score}}{{#reasons}} · {{reasons}}{{/reasons}}</p>
        {{#isRuledOut}}<ul class="ruled-out">{{#ruledOut}}<li>Ruled out: {{.}}</li>{{/ruledOut}}</ul>{{/isRuledOut}}
        \(linesTable)</div>{{/candidates}}</div>{{/hasCandidates}}
        </section>{{/suggestion}}
        {{#plan}}<section><h2>Rule plan</h2><p>{{summary}}</p></section>{{/plan}}
        {{#hasLinked}}<section id="joined"><h2>History: exceptions joined to this card (same order and cause)</h2><table><tr><th>when</th><th>source</th><th>event</th><th>kind</th><th>what they wrote</th></tr>{{#linked}}<tr><td>{{occurredAt}}</td><td>{{source}}</td><td>{{eventID}}</td><td>{{kind}}{{#reason}} · {{reason}}{{/reason}}</td><td>{{text}}</td></tr>{{/linked}}</table></section>{{/hasLinked}}
        <section><h2>Exception</h2><p>{{source}} · event {{eventID}} · {{exceptionKind}}{{#reason}} · {{reason}}{{/reason}} · {{occurredAt}}</p>
        {{#text}}<h3>Source text</h3><pre class="source" id="source-text">\(marked("segments"))</pre>{{/text}}
        <h3>Payload</h3><pre id="payload">\(marked("payloadSegments"))</pre></section>
        {{#order}}<section><h2>Storefront order {{number}}</h2><p>{{customer}} · {{email}} · {{status}} · placed {{placedAt}} · {{total}}</p>
        \(linesTable)</section>{{/order}}
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
