/// The card page, laid out so a decision needs no scrolling at 1280×800: the source text with its evidence marked on
/// the left; the suggested action, its confidence, the candidates and the decision controls on the right; the
/// payload, reference data, history and rule trace folded below. `{{…}}` escapes HTML, so source text renders as
/// text.
enum CardTemplate {
    static let source = """
        <p class="crumbs"><a href="/">← queue</a></p>
        <div class="card-head"><h1 id="card-title">#{{id}} {{title}}</h1>
        <p class="meta">{{kind}} · {{decision}} · {{status}} · team {{team}}{{#confidence}} · confidence <span class="badge conf-{{confidence}}">{{confidence}}</span>{{/confidence}}\
        {{#lockedBy}} · <span class="badge held-by">open with {{lockedBy}}</span>{{/lockedBy}}{{#hasFlags}} {{#flags}}<span class="flag">{{.}}</span> {{/flags}}{{/hasFlags}}</p></div>
        {{#joinedTo}}<p class="decided" id="joined-to">This card joined <a href="/cards/{{joinedTo}}">card #{{joinedTo}}</a>, about the same order and cause: it is decided there, once.</p>{{/joinedTo}}
        {{#decisions}}<p class="decided" id="decided">Decided by {{actor}}: <b>{{action}}</b>{{#reason}} — {{reason}}{{/reason}} ({{decidedAt}}{{#batch}}, bulk accept {{batch}}{{/batch}})</p>{{/decisions}}
        <div class="split">
        \(sourcePane)
        <section class="pane decide-pane" aria-labelledby="decide-heading">
        \(suggestionPanel)
        {{#decidable}}\(controls){{/decidable}}
        </section></div>
        \(folded)
        """

    /// Left: what the customer or system wrote, evidence marked; a structured request shows its payload instead.
    static let sourcePane = """
        <section class="pane source-pane" aria-labelledby="source-heading">
        <h2 id="source-heading">{{#text}}Source text{{/text}}{{^text}}Request{{/text}}</h2>
        <p class="hint">{{source}} · event {{eventID}} · {{exceptionKind}}{{#reason}} · {{reason}}{{/reason}} · {{occurredAt}}</p>
        {{#text}}<pre class="source" id="source-text">\(PageTemplates.marked("segments"))</pre>{{/text}}\
        {{^text}}<pre class="source" id="payload">\(PageTemplates.marked("payloadSegments"))</pre>{{/text}}
        {{#suggestion}}{{#hasEvidence}}<h3>Evidence</h3><ol id="evidence" class="evidence">{{#evidence}}<li id="evidence-{{n}}"><q>{{quote}}</q></li>{{/evidence}}</ol>{{/hasEvidence}}{{/suggestion}}
        <p class="summary">{{summary}}</p>
        </section>
        """

    /// Right, top: the suggested action with its confidence, its fields, and the candidates to choose from.
    static let suggestionPanel = """
        <h2 id="decide-heading">Suggested action</h2>
        {{#plan}}<p class="suggested-action" id="suggested-action"><b>{{summary}}</b> <span class="badge conf-rule">rule plan</span></p>{{/plan}}
        {{#suggestion}}<p class="suggested-action" id="suggested-action"><b>{{action}}</b>{{^action}}none: {{noSuggestionReason}}{{/action}} <span class="badge conf-{{confidence}}">{{confidence}}</span>
        <span class="hint">model <span id="model">{{model}}</span> · prompt {{promptVersion}}</span></p>
        <table id="fields" class="fields">{{#parameters}}<tr id="field-{{key}}"><th scope="row">{{key}}</th><td title="{{value}}">{{value}}</td></tr>{{/parameters}}</table>
        {{#hasNotes}}<ul class="notes">{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/hasNotes}}
        {{#hasCandidates}}<fieldset class="candidates" id="candidates"><legend>Candidates</legend>{{#candidates}}<div class="candidate">\
        <label><input type="radio" name="candidate" value="{{id}}" form="edit-form" data-sets="{{sets}}"{{#suggested}} checked data-suggested{{/suggested}}{{^decidable}} disabled{{/decidable}}> \
        <b>{{label}}</b> · score {{score}}</label>{{#reasons}} <span class="hint">{{reasons}}</span>{{/reasons}}
        {{#isRuledOut}}<ul class="ruled-out">{{#ruledOut}}<li>Ruled out: {{.}}</li>{{/ruledOut}}</ul>{{/isRuledOut}}
        <details class="lines"><summary>lines</summary>\(PageTemplates.linesTable)</details></div>{{/candidates}}</fieldset>{{/hasCandidates}}{{/suggestion}}
        """

    /// Right, bottom: accept, edit then accept, reject. Each is a plain form post; a refusal comes back next to
    /// its field.
    static let controls = """
        <section class="actions" id="actions" data-lock="/api/v1/cards/{{id}}/lock" data-csrf="{{csrf}}" aria-label="Decide">
        <form method="post" action="/cards/{{id}}/decide" id="accept-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="verdict" value="accept">
        <button id="accept" class="primary" {{^acceptable}}disabled{{/acceptable}}>{{acceptLabel}}</button> <kbd>a</kbd>
        <span class="hint" id="candidate-hint" hidden>another candidate is chosen: save it with Edit then accept</span>
        {{#acceptError}}<span class="field-error" role="alert">{{acceptError}}</span>{{/acceptError}}</form>
        \(EditFormTemplate.source)
        <form method="post" action="/cards/{{id}}/decide" id="reject-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="verdict" value="reject">
        <label>Reject because <input name="reason" id="reject-reason" size="34" required value="{{rejectReason}}"></label> <button id="reject">Reject</button> <kbd>r</kbd>
        {{#rejectError}}<span class="field-error" role="alert">{{rejectError}}</span>{{/rejectError}}</form>
        </section>
        """

    /// Below the fold, folded: what a decision rarely needs.
    static let folded = """
        <div class="folded">
        {{#text}}<details><summary>Payload</summary><pre id="payload">\(PageTemplates.marked("payloadSegments"))</pre></details>{{/text}}
        {{#order}}<details id="order"><summary>Storefront order {{number}} · {{customer}} · {{status}} · {{total}}</summary>
        <p>{{customer}} · {{email}} · {{status}} · placed {{placedAt}} · {{total}}</p>\(PageTemplates.linesTable)</details>{{/order}}
        {{#hasShipments}}<details><summary>WMS shipments</summary><table>{{#shipments}}<tr><td>{{id}}</td><td>{{status}}</td><td>{{carrier}}</td><td>{{shippedAt}}</td></tr>{{/shipments}}</table></details>{{/hasShipments}}
        {{#hasPayments}}<details><summary>Payment gateway</summary><table>{{#payments}}<tr><td>{{id}}</td><td>{{status}}</td><td>{{amount}}</td><td>{{updatedAt}}</td></tr>{{/payments}}</table></details>{{/hasPayments}}
        {{#hasLinked}}<details id="joined"><summary>History: exceptions joined to this card (same order and cause)</summary><table><tr><th>when</th><th>source</th><th>event</th><th>kind</th><th>what they wrote</th></tr>\
        {{#linked}}<tr><td>{{occurredAt}}</td><td>{{source}}</td><td>{{eventID}}</td><td>{{kind}}{{#reason}} · {{reason}}{{/reason}}</td><td>{{text}}</td></tr>{{/linked}}</table></details>{{/hasLinked}}
        {{#trace}}<details id="trace"><summary>Routing trace</summary><pre>{{trace}}</pre></details>{{/trace}}
        </div>
        """
}

/// "Edit then accept": the action as a choice of those the card allows, and one labelled field per parameter of
/// each action, the chosen action's shown. Without scripts, links switch the fields by reloading the page.
enum EditFormTemplate {
    static let source = """
        <details id="edit"{{#editOpen}} open{{/editOpen}}><summary>Edit then accept <kbd>e</kbd></summary>
        <form method="post" action="/cards/{{id}}/decide" id="edit-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="verdict" value="edit">
        {{#editError}}<p class="error" role="alert" id="edit-error">{{editError}}</p>{{/editError}}
        <div class="field{{#actionError}} invalid{{/actionError}}"><label for="edit-action">action</label><select name="action" id="edit-action">\
        {{#editActions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/editActions}}</select>\
        {{#actionError}}<span class="field-error" role="alert">{{actionError}}</span>{{/actionError}}</div>
        <noscript><p class="hint">Fields of: {{#editActions}}<a href="/cards/{{id}}?edit={{value}}#edit">{{value}}</a> {{/editActions}}</p></noscript>
        {{#fieldsets}}<fieldset class="params" data-action="{{action}}"{{^chosen}} hidden disabled{{/chosen}}><legend>parameters of {{action}}</legend>
        {{#fields}}<div class="field{{#error}} invalid{{/error}}"><label for="{{inputID}}">{{label}}</label>\
        {{#multiline}}<textarea name="p.{{name}}" id="{{inputID}}" rows="2"{{#error}} aria-invalid="true" aria-describedby="{{inputID}}-error"{{/error}}>{{value}}</textarea>{{/multiline}}\
        {{^multiline}}<input name="p.{{name}}" id="{{inputID}}" value="{{value}}" inputmode="{{inputMode}}" autocomplete="off"{{#error}} aria-invalid="true" aria-describedby="{{inputID}}-error"{{/error}}>{{/multiline}}\
        {{#error}}<span class="field-error" id="{{inputID}}-error" role="alert">{{error}}</span>{{/error}}</div>{{/fields}}
        </fieldset>{{/fieldsets}}
        <div class="field"><label for="edit-reason">why</label><input name="reason" id="edit-reason" value="{{editReason}}" autocomplete="off"></div>
        <p><button id="save-edit" class="primary">Save and accept</button> <span class="hint">An empty field keeps the card's value; the server checks each like the rule's own action.</span></p></form></details>
        """
}
