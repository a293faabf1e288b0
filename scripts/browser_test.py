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


def wait_for(url, seconds=30):
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
        sys.exit("browser-test FAILED: " + message)
    print("  ok:", message)


wait_for(APP + "/login")
wait_for(DRIVER + "/status")
session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
    "binary": "/usr/bin/chromium", "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"]}}}})
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
    screenshot("card.png")
    review_page()


try:
    go("/login")
    call("POST", f"/session/{sid}/element/{find('#token')}/value", {"text": TOKEN})
    call("POST", f"/session/{sid}/element/{find('#sign-in')}/click", {})
    check(find("#queue") is not None, "signed in and the queue is shown")
    screenshot("queue.png")
    if MODE == "screenshots":
        screenshots_only()
        sys.exit(0)

    db = sqlite3.connect(DB)
    card_id = db.execute(
        "SELECT id FROM cards WHERE status = 'open' AND suggestion IS NOT NULL AND kind = 'warranty_claim' "
        "AND json_extract(suggestion, '$.action') IS NOT NULL ORDER BY id LIMIT 1").fetchone()[0]
    go(f"/cards/{card_id}")
    check(find("#accept") is not None, f"card {card_id} opened with an accept button")
    screenshot("card.png")
    call("POST", f"/session/{sid}/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": [
        {"type": "keyDown", "value": "a"}, {"type": "keyUp", "value": "a"}]}]})
    time.sleep(1.0)
    decision = db.execute("SELECT actor, action FROM decisions WHERE card_id = ? AND actor_kind = 'reviewer'", (card_id,)).fetchone()
    check(decision is not None and decision[0].startswith("browser-reviewer"), f"the decision is in the database: {decision}")
    outbox = db.execute("SELECT message_type FROM outbox WHERE idempotency_key LIKE ?", (f"review:{card_id}:%",)).fetchall()
    check(len(outbox) == 1, f"one outbox message for the accepted card: {outbox}")
    status = db.execute("SELECT status FROM cards WHERE id = ?", (card_id,)).fetchone()[0]
    check(status == "resolved", "the card is resolved")

    script_card = db.execute(
        "SELECT c.id FROM cards c JOIN exceptions e ON e.id = c.exception_id WHERE e.event_id = 'browser-script-1'").fetchone()[0]
    go(f"/cards/{script_card}")
    shown = text("#source-text") or ""
    check("<script>document.title='owned'</script>" in shown, "the email's <script> is shown as text")
    title = call("GET", f"/session/{sid}/title")
    check(title != "owned", f"the script did not run (title {title!r})")
    check(find("#source-text b") is None, "the email's <b> is not rendered as markup")
    review_page()
finally:
    call("DELETE", f"/session/{sid}")
print("browser-test: passed")
