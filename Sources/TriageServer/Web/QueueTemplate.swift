/// The queue page: counts, filters, bulk accept, and one compact row per card that reads at a glance: age, kind,
/// a one-line source snippet, what the card proposes, a confidence badge, and who holds it (only when someone does).
/// Shortened cells carry their whole text in `title`.
enum QueueTemplate {
    static let source = """
        <h1>Open cards</h1>
        <p class="counts">{{#counts}}<a href="/?kind={{kind}}">{{label}}: {{count}}</a> {{/counts}}</p>
        \(filters)
        {{#bulkable}}<form method="post" action="/cards/bulk-accept" id="bulk-form" class="bulk"><input type="hidden" name="csrf" value="{{csrf}}">
        <button id="bulk-accept">Accept the selected rule plans</button> <span class="hint">Only gated rule plans can be selected; each is re-checked, and AI suggestions are decided on their card. Keys: x selects the row, Shift+A selects all.</span></form>{{/bulkable}}
        <table class="queue" id="queue"><thead><tr><th class="pick-col">{{#bulkable}}<input type="checkbox" id="select-all" aria-label="select every gated rule plan shown">{{/bulkable}}</th>\
        <th class="age">age</th><th class="kind">kind</th><th class="snippet">source</th><th class="suggested">suggestion</th><th>confidence</th><th class="money">at stake</th><th class="held">held by</th></tr></thead><tbody>
        \(row)
        {{^cards}}<tr><td colspan="8">Nothing to decide.</td></tr>{{/cards}}
        </tbody></table>{{#nextHref}}<p><a href="{{nextHref}}" id="next-page" rel="next">Next page →</a></p>{{/nextHref}}<p class="hint">Keys: j/k move, Enter opens.</p>
        """

    /// One card: every cell one line; the source cell opens the card.
    static let row = """
        {{#cards}}<tr class="row" data-href="/cards/{{id}}"><td class="pick-col">{{#bulkable}}<input type="checkbox" name="card" value="{{id}}" form="bulk-form" class="pick" aria-label="select card {{id}}">{{/bulkable}}</td>\
        <td class="age" title="created {{created}}">{{age}}</td><td class="kind" title="{{kind}} · {{decision}} · team {{team}}">{{kindLabel}}</td>\
        <td class="snippet" title="{{snippetFull}}"><a href="/cards/{{id}}" class="open" aria-label="open card {{id}}: {{title}}">#{{id}}</a> {{snippet}}</td>\
        <td class="suggested" title="{{suggested}}">{{#flag}}<span class="flag">{{flag}}</span> {{/flag}}{{suggestedShort}}</td>\
        <td>{{#confidence}}<span class="badge conf-{{confidence}}">{{confidence}}</span>{{/confidence}}{{^confidence}}{{#rule}}<span class="badge conf-rule" title="rule {{rule}}">rule</span>{{/rule}}{{/confidence}}</td>\
        <td class="money">{{amount}}</td><td class="held">{{#lockedBy}}<span class="badge held-by">🔒 {{lockedBy}}</span>{{/lockedBy}}</td></tr>{{/cards}}
        """

    /// The filters; their query parameter names are the queue API's.
    static let filters = """
        <form method="get" action="/" class="filters" aria-label="Filter the queue">
        <label>kind <select name="kind"><option value="">any</option>{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/kinds}}</select></label>
        <label>decision <select name="decision"><option value="">any</option>{{#types}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/types}}</select></label>
        <label>confidence <select name="confidence"><option value="">any</option>{{#confidences}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/confidences}}</select></label>
        <label>gated rule <select name="rule" id="rule"><option value="">any</option>{{#rules}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}} ({{count}} gated)</option>{{/rules}}</select></label>
        <label>team <select name="team"><option value="">any</option>{{#teams}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/teams}}</select></label> <label>older than (h) <input name="min_age_hours" value="{{minAge}}" size="5"></label>
        <label>search <input name="search" id="search" placeholder="order, customer, e-mail or event id" value="{{search}}" size="28"></label>
        <button id="filter">Filter</button></form>
        """
}
