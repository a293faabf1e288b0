"""WebDriver (W3C) steps for scripts/browser-test, standard library only."""
import base64
import json
import sqlite3
import sys
import time
import urllib.error
import urllib.request

APP, DRIVER, TOKEN, DB, SHOTS = sys.argv[1:6]
MODE = sys.argv[6] if len(sys.argv) > 6 else "test"


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(DRIVER + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["value"]
    except urllib.error.HTTPError as error:
        return json.load(error)["value"]


def wait_for_url(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"browser-test: {url} did not come up")


def check(condition, message):
    if not condition:
        where = ""
        try:
            where = f" (browser at {call('GET', f'/session/{sid}/url')}, title {call('GET', f'/session/{sid}/title')!r})"
        except Exception:  # the session itself may be what failed
            pass
        sys.exit("browser-test FAILED: " + message + where)
    print("  ok:", message)


def poll(query, seconds=15):
    """The query's result once it has one: a decision's transaction may still be committing after the key press."""
    deadline = time.time() + seconds
    while True:
        result = query()
        if result or time.time() >= deadline:
            return result
        time.sleep(0.05)


wait_for_url(APP + "/login")
wait_for_url(DRIVER + "/status")
session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
    "binary": "/usr/bin/chromium", "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800"]}}}})
sid = session["sessionId"]


def go(path):
    call("POST", f"/session/{sid}/url", {"url": APP + path})


def find(css):
    element = call("POST", f"/session/{sid}/element", {"using": "css selector", "value": css})
    return element.get("element-6066-11e4-a52e-4f735466cecf") if isinstance(element, dict) else None


def text(css):
    element = find(css)
    return call("GET", f"/session/{sid}/element/{element}/text") if element else None


def screenshot(name):
    with open(f"{SHOTS}/{name}", "wb") as file:
        file.write(base64.b64decode(call("GET", f"/session/{sid}/screenshot")))


def execute(script):
    return call("POST", f"/session/{sid}/execute/sync", {"script": script, "args": []})


def viewport(width=1280, height=800):
    """Sizes the window so the page itself (the viewport) is width × height, as a reviewer's 1280×800 screen shows it."""
    call("POST", f"/session/{sid}/window/rect", {"width": width, "height": height})
    inner = execute("return [window.innerWidth, window.innerHeight]")
    call("POST", f"/session/{sid}/window/rect", {"width": 2 * width - inner[0], "height": 2 * height - inner[1]})
    inner = execute("return [window.innerWidth, window.innerHeight]")
    check(inner == [width, height], f"the viewport is {width}×{height} ({inner[0]}×{inner[1]})")


IN_VIEW = r"""
const height = window.innerHeight, width = window.innerWidth;
return arguments[0].map((css) => {
  const element = document.querySelector(css);
  if (!element) return [css, 'missing'];
  const rect = element.getBoundingClientRect();
  return [css, rect.top >= 0 && rect.bottom <= height && rect.left >= 0 && rect.right <= width ? 'in view' : 'top ' + Math.round(rect.top) + ', bottom ' + Math.round(rect.bottom)];
}).concat([['scrolled', window.scrollY === 0 ? 'in view' : window.scrollY]]);
"""


def decidable_without_scrolling(card, parts):
    """At 1280×800 the evidence, the suggestion, the candidates and the accept button are all on the first screen."""
    shown = call("POST", f"/session/{sid}/execute/sync", {"script": IN_VIEW, "args": [parts]})
    check(all(state == "in view" for _, state in shown), f"card {card} is decidable without scrolling at 1280×800: {shown}")


QUEUE_CHECK = r"""
const rows = Array.from(document.querySelectorAll('#queue tr.row'));
const held = rows.filter((row) => row.querySelector('td.held').textContent.trim() !== '').length;
const cut = Array.from(document.querySelectorAll('#queue td.suggested, #queue td.snippet')).filter((td) => td.scrollWidth > td.clientWidth + 1 || td.textContent.includes('…'));
const hidden = cut.filter((td) => !td.title).length;
const tall = rows.filter((row) => row.getBoundingClientRect().height > 40).length;
const badges = document.querySelectorAll('#queue .badge.conf-high, #queue .badge.conf-medium, #queue .badge.conf-low, #queue .badge.conf-rule').length;
return {rows: rows.length, held, cut: cut.length, hidden, tall, badges, openWith: document.body.textContent.includes('open with')};
"""


def queue_reads_at_a_glance():
    shown = execute(QUEUE_CHECK)
    check(shown["rows"] > 10 and shown["tall"] == 0, f"the queue shows one line per card: {shown}")
    check(shown["held"] == 0 and not shown["openWith"], f"held by is empty on every unlocked row: {shown}")
    check(shown["hidden"] == 0, f"every shortened cell carries its whole text on hover: {shown}")
    check(shown["badges"] >= shown["rows"] // 2, f"confidence is a badge: {shown}")


A11Y_CHECK = r"""
const problems = [];
if (!document.documentElement.lang) problems.push('html has no lang');
if (!document.querySelector('h1')) problems.push('no h1');
const named = (el) => (el.getAttribute('aria-label') || '').trim() || (el.labels && el.labels.length && el.labels[0].textContent.trim())
  || (el.id && document.querySelector('label[for="' + el.id + '"]'));
document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach((el) => {
  if (!named(el)) problems.push('unlabelled ' + el.tagName.toLowerCase() + ' ' + (el.name || el.id));
});
document.querySelectorAll('button, a[href]').forEach((el) => {
  if (!(el.textContent.trim() || el.getAttribute('aria-label'))) problems.push('nameless ' + el.tagName.toLowerCase());
});
document.querySelectorAll('img').forEach((el) => { if (!el.hasAttribute('alt')) problems.push('img without alt'); });
const rgb = (text) => (text.match(/[\d.]+/g) || []).map(Number);
const luminance = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
const background = (el) => {
  for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3); }
  return [255, 255, 255];
};
const seen = new Set();
document.querySelectorAll('body *').forEach((el) => {
  if (!Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim())) return;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') return;
  const [a, b] = [luminance(rgb(style.color)), luminance(background(el))];
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && parseInt(style.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) { const key = el.tagName + style.color + style.backgroundColor; if (!seen.has(key)) { seen.add(key); problems.push('contrast ' + ratio.toFixed(2) + ' on ' + el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 30)); } }
});
return problems;
"""


def accessible(page):
    problems = execute(A11Y_CHECK)
    check(problems == [], f"the {page} passes the accessibility check (labels, names, lang, contrast): {problems[:5]}")


def press(key):
    call("POST", f"/session/{sid}/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": [
        {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]})


def review_page():
    go("/review")
    charts = execute("return document.querySelectorAll('svg.chart').length")
    check(charts == 3, f"the weekly review renders its three charts ({charts})")
    drawn = execute("return Array.from(document.querySelectorAll('svg.chart')).map(s => s.getBoundingClientRect().width)")
    check(all(width > 100 for width in drawn), f"the charts have a size in the browser: {drawn}")
    screenshot("review.png")


def screenshots_only():
    db = sqlite3.connect(DB)
    row = db.execute("SELECT id FROM cards WHERE model LIKE 'gemma%' AND kind = 'warranty_claim' AND status = 'open' ORDER BY id LIMIT 1").fetchone()
    row = row or db.execute("SELECT id FROM cards WHERE suggestion IS NOT NULL AND status = 'open' ORDER BY id LIMIT 1").fetchone()
    go(f"/cards/{row[0]}")
    decidable_without_scrolling(row[0], ["#source-text", "#suggested-action", "#accept"])
    screenshot("card.png")
    edit_refused(row[0])
    review_page()


EDIT_CHECK = r"""
const input = document.getElementById('p-refund-amount'), error = document.getElementById('p-refund-amount-error');
if (!input || !error) return null;
error.scrollIntoView({block: 'center'});
const [a, b] = [input.getBoundingClientRect(), error.getBoundingClientRect()];
return {value: input.value, error: error.textContent, beside: b.top >= a.bottom - 2 && b.top - a.bottom < 40 && input.closest('.field') === error.closest('.field'),
  invalid: input.getAttribute('aria-invalid'), why: document.getElementById('edit-reason').value};
"""


def edit_refused(card):
    """Edit then accept as a form: the fields follow the chosen action, and a refused amount comes back next to its
    field with everything typed kept."""
    go(f"/cards/{card}")
    wait_for("#accept", 30)
    press("e")
    execute("const s = document.getElementById('edit-action'); s.value = 'refund'; s.dispatchEvent(new Event('change'));")
    shown = execute("return Array.from(document.querySelectorAll('fieldset.params')).filter((f) => !f.hidden).map((f) => f.dataset.action)")
    check(shown == ["refund"], f"choosing refund shows the refund's fields alone: {shown}")
    call("POST", f"/session/{sid}/element/{find('#p-refund-amount')}/value", {"text": "lots"})
    call("POST", f"/session/{sid}/element/{find('#edit-reason')}/value", {"text": "customer asked for money back"})
    click("#save-edit")
    wait_for("#p-refund-amount-error")
    edit = execute(EDIT_CHECK)
    check(edit is not None and edit["beside"] and edit["value"] == "lots" and edit["invalid"] == "true"
          and edit["why"] == "customer asked for money back" and "parameters.amount" in edit["error"],
          f"the server's refusal sits under the amount field, what was typed kept: {edit}")
    screenshot("card-edit.png")
    accessible("edit form with its refusal")


def click(css):
    call("POST", f"/session/{sid}/element/{find(css)}/click", {})


def search_by_order(db):
    card, number = db.execute(
        "SELECT id, order_number FROM cards WHERE status = 'awaiting_confirmation' AND order_number IS NOT NULL ORDER BY id LIMIT 1").fetchone()
    go("/")
    call("POST", f"/session/{sid}/element/{find('#search')}/value", {"text": number})
    click("#filter")
    deadline = time.time() + 15
    while "q=" not in call("GET", f"/session/{sid}/url") and time.time() < deadline:
        time.sleep(0.05)  # the click may return before the filtered page has loaded
    wait_for("#queue")
    shown = execute("return Array.from(document.querySelectorAll('tr.row')).map(r => r.dataset.href)")
    check(f"/cards/{card}" in shown and len(shown) <= 5, f"searching order {number} finds card {card} ({len(shown)} rows)")
    accessible("queue")


def evidence_in_place(db):
    card = db.execute(
        "SELECT c.id FROM cards c JOIN exceptions e ON e.id = c.exception_id WHERE c.status = 'open' AND c.kind = 'return_request' "
        "AND json_extract(c.suggestion, '$.action') = 'match_order' AND e.text IS NOT NULL "
        "AND json_array_length(c.suggestion, '$.evidence') > 0 ORDER BY c.id LIMIT 1").fetchone()[0]
    go(f"/cards/{card}")
    decidable_without_scrolling(card, ["#source-text mark", "#suggested-action", "#candidates .candidate", "#accept"])
    marks = execute("return Array.from(document.querySelectorAll('#source-text mark a')).map(a => [a.textContent, a.getAttribute('href'), !!document.getElementById(a.getAttribute('href').slice(1))])")
    check(len(marks) >= 1 and all(target for _, _, target in marks), f"card {card} marks its evidence in the source text, each linked to its field: {marks[:3]}")
    matched = execute("return document.querySelectorAll('tr.matched').length")
    check(matched >= 1, f"the lines the request names are marked on the candidate orders ({matched})")
    screenshot("card-evidence.png")
    accessible("card page")


def timed_reviewer(db):
    """A scripted reviewer: gated cards one by one (before), then one bulk accept, AI accepts and edits (after)."""
    rule, gated = db.execute(
        "SELECT rule_id, COUNT(*) FROM cards WHERE status = 'awaiting_confirmation' AND suggestion IS NULL AND rule_id IS NOT NULL "
        "GROUP BY rule_id ORDER BY 2 DESC LIMIT 1").fetchone()
    check(gated >= 50, f"rule {rule} has {gated} gated cards to decide")
    singles = [row[0] for row in db.execute(
        "SELECT id FROM cards WHERE status = 'awaiting_confirmation' AND rule_id = ? AND suggestion IS NULL ORDER BY id DESC LIMIT 10", (rule,))]
    started = time.time()
    for card in singles:
        go(f"/cards/{card}")
        press("a")
        wait_until_gone(card)
    before = (time.time() - started) / len(singles)
    done = db.execute(f"SELECT COUNT(*) FROM decisions WHERE card_id IN ({','.join(map(str, singles))}) AND actor_kind = 'reviewer'").fetchone()[0]
    check(done == len(singles), f"{done} gated cards accepted one by one, {before:.2f} s and 2 page loads each")

    started = time.time()
    go(f"/?rule={rule}&limit=40")
    press("A")
    picked = execute("return document.querySelectorAll('input.pick:checked').length")
    click("#bulk-accept")
    check(wait_for("#bulk-summary") is not None, "the bulk accept shows its result")
    bulk = time.time() - started
    batch = db.execute("SELECT batch_id, COUNT(*) FROM decisions WHERE batch_id IS NOT NULL GROUP BY batch_id").fetchall()
    accepted = batch[0][1] if batch else 0
    judged = execute("return document.querySelectorAll('#bulk-judgment tr').length")
    check(len(batch) == 1 and accepted >= 25 and accepted + max(judged - 1, 0) == picked,
          f"one batch in the decision log: {accepted} of {picked} selected accepted, {max(judged - 1, 0)} turned to judgment")
    screenshot("bulk.png")
    accessible("bulk result")
    per_bulk = bulk / max(accepted, 1)
    check(per_bulk <= 0.2, f"bulk accept: {per_bulk:.3f} s per gated card (target ≤ 0.2 s), 2 page loads for {accepted}")

    ai = [row[0] for row in db.execute(
        "SELECT id FROM cards WHERE status = 'open' AND json_extract(suggestion, '$.action') IS NOT NULL "
        "AND json_extract(suggestion, '$.action') != 'no_match' ORDER BY id DESC LIMIT 10")]
    started = time.time()
    for card in ai[:8]:
        go(f"/cards/{card}")
        press("a")
        wait_until_gone(card)
    per_ai = (time.time() - started) / 8
    started = time.time()
    for card in ai[8:10]:
        go(f"/cards/{card}")
        press("e")
        click("#edit-form button")
        wait_until_gone(card)
    per_edit = (time.time() - started) / 2
    decided = db.execute(f"SELECT COUNT(*) FROM decisions WHERE card_id IN ({','.join(map(str, ai))}) AND actor_kind = 'reviewer'").fetchone()[0]
    check(decided == 10, f"8 AI cards accepted from their page and 2 edited, 2 page loads each ({decided} decisions)")
    figures = {"gated_one_by_one_s": round(before, 3), "gated_bulk_s_per_card": round(per_bulk, 3), "bulk_cards": accepted,
               "ai_accept_s": round(per_ai, 3), "edit_s": round(per_edit, 3), "page_loads_per_single_decision": 2,
               "page_loads_per_bulk": 2, "decisions": 10 + accepted + 10}
    print("browser-test timing:", json.dumps(figures))


def wait_for(css, seconds=15):
    """The element, once the page that shows it has loaded (a form's POST may still be in flight after the click)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        element = find(css)
        if element is not None:
            return element
        time.sleep(0.05)
    return None


def wait_until_gone(card, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if not call("GET", f"/session/{sid}/url").rstrip("/").endswith(f"/cards/{card}"):
            return
        time.sleep(0.02)
    sys.exit(f"browser-test FAILED: card {card} was not decided within {seconds} s")


try:
    go("/login")
    viewport()
    call("POST", f"/session/{sid}/element/{find('#token')}/value", {"text": TOKEN})
    call("POST", f"/session/{sid}/element/{find('#sign-in')}/click", {})
    check(wait_for("#queue", 30) is not None, "signed in and the queue is shown")
    queue_reads_at_a_glance()
    screenshot("queue.png")
    if MODE == "screenshots":
        screenshots_only()
        sys.exit(0)

    db = sqlite3.connect(DB)
    card_id = db.execute(
        "SELECT id FROM cards WHERE status = 'open' AND suggestion IS NOT NULL AND kind = 'warranty_claim' "
        "AND json_extract(suggestion, '$.action') IS NOT NULL ORDER BY id LIMIT 1").fetchone()[0]
    go(f"/cards/{card_id}")
    check(wait_for("#accept", 30) is not None, f"card {card_id} opened with an accept button")
    decidable_without_scrolling(card_id, ["#source-text", "#suggested-action", "#accept"])
    screenshot("card.png")
    call("POST", f"/session/{sid}/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": [
        {"type": "keyDown", "value": "a"}, {"type": "keyUp", "value": "a"}]}]})
    decision = poll(lambda: db.execute(
        "SELECT actor, action FROM decisions WHERE card_id = ? AND actor_kind = 'reviewer'", (card_id,)).fetchone())
    check(decision is not None and decision[0].startswith("browser-reviewer"), f"the decision is in the database: {decision}")
    outbox = db.execute("SELECT message_type FROM outbox WHERE idempotency_key LIKE ?", (f"review:{card_id}:%",)).fetchall()
    check(len(outbox) == 1, f"one outbox message for the accepted card: {outbox}")
    status = db.execute("SELECT status FROM cards WHERE id = ?", (card_id,)).fetchone()[0]
    check(status == "resolved", "the card is resolved")

    script_card = db.execute(
        "SELECT c.id FROM cards c JOIN exceptions e ON e.id = c.exception_id WHERE e.event_id = 'browser-script-1'").fetchone()[0]
    go(f"/cards/{script_card}")
    wait_for("#source-text", 30)
    shown = text("#source-text") or ""
    check("<script>document.title='owned'</script>" in shown, "the email's <script> is shown as text")
    title = call("GET", f"/session/{sid}/title")
    check(title != "owned", f"the script did not run (title {title!r})")
    check(find("#source-text b") is None, "the email's <b> is not rendered as markup")
    search_by_order(db)
    evidence_in_place(db)
    edited = db.execute(
        "SELECT id FROM cards WHERE status = 'open' AND kind = 'warranty_claim' AND json_extract(suggestion, '$.action') IS NOT NULL "
        "ORDER BY id LIMIT 1").fetchone()[0]
    edit_refused(edited)
    check(db.execute("SELECT COUNT(*) FROM decisions WHERE card_id = ?", (edited,)).fetchone()[0] == 0, "the refused edit decided nothing")
    timed_reviewer(db)
    review_page()
finally:
    call("DELETE", f"/session/{sid}")
print("browser-test: passed")
