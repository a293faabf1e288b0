import Foundation
import HTTPTypes
import Hummingbird
import TriageCore

/// The reviewer page: sign in, the queue, one card with its actions, escalations. Forms carry a CSRF token.
struct WebRoutes {
    let context: ReviewContext
    let templates: PageTemplates

    func register(on router: Router<TriageRequestContext>) {
        let pages = router.group().add(middleware: PageErrorMiddleware(logger: context.logger, render: errorPage))
        pages.get("static/app.js") { _, _ in Responses.raw(Data(StaticAssets.script.utf8), type: "text/javascript") }
        pages.get("static/app.css") { _, _ in Responses.raw(Data(StaticAssets.style.utf8), type: "text/css") }
        pages.get("login") { _, _ in loginPage(error: nil) }
        pages.post("login") { request, _ in try await login(request) }
        let signedIn = pages.group()
            .add(middleware: ReviewerMiddleware(auth: context.auth))
            .add(middleware: ChangeGuardMiddleware(auth: context.auth))
        signedIn.post("logout") { request, _ in
            Responses.redirect("/login", headers: [.setCookie: try await context.auth.signOut(request)])
        }
        signedIn.get("") { request, route in try await queue(request, route) }
        signedIn.get("cards/:id") { request, route in try await card(request, route) }
        signedIn.post("cards/:id/decide") { request, route in try await decide(request, route) }
        signedIn.post("cards/bulk-accept") { request, route in try await bulkAccept(request, route) }
        signedIn.get("escalations") { request, route in
            let body = templates.escalations.render(PageModels.escalations(try await context.store.openEscalations()))
            return render("Escalations", body, try route.signedIn(), request)
        }
        registerReview(on: signedIn)
    }

    /// `/review` (the page), `/review.json` and `/review/TABLE.csv`, for the week ending `?week=DAY`.
    private func registerReview(on group: RouterGroup<TriageRequestContext>) {
        group.get("review") { request, route in
            let review = try await weeklyReview(request)
            let query = request.query("week").map { "?week=" + $0 } ?? ""
            return render("Weekly review", templates.review.render(ReviewPage.model(review, query: query)), try route.signedIn(), request)
        }
        group.get("review.json") { request, _ in try Responses.json(try await weeklyReview(request)) }
        group.get("review/:table") { request, route in
            let name = (route.parameters.get("table") ?? "").replacingOccurrences(of: ".csv", with: "")
            guard let table = try await weeklyReview(request).tables.first(where: { $0.name == name }) else {
                throw HTTPFailure(.notFound, "no review table named \(name)")
            }
            return Responses.raw(Data(table.csv.utf8), type: "text/csv; charset=utf-8")
        }
    }

    /// The review of the week ending with `?week=YYYY-MM-DD` (default: the newest exception's day).
    private func weeklyReview(_ request: Request) async throws -> WeeklyReview {
        var lastDay: Date?
        if let week = request.query("week") {
            guard let day = ISODate.parse(week) else { throw HTTPFailure(.badRequest, "week must be a date like 2026-11-19") }
            lastDay = day
        }
        return try await WeeklyReviewService.review(store: context.store, table: context.table, lastDay: lastDay)
    }

    /// Signing in has no session yet, so no CSRF token: only the origin is checked.
    private func login(_ request: Request) async throws -> Response {
        try context.auth.checkOrigin(request)
        let form = try await request.form()
        guard let (_, _, cookie) = try await context.auth.signIn(token: form["token"] ?? "") else {
            return loginPage(error: "That token is not valid.", status: .unauthorized)
        }
        return Responses.redirect("/", headers: [.setCookie: cookie])
    }

    private func queue(_ request: Request, _ route: TriageRequestContext) async throws -> Response {
        let reviewer = try route.signedIn()
        let filter = try QueueFilters.parse(request, preferTeam: reviewer.team, teams: context.table.knownTeams)
        let items = try await context.store.reviewQueue(filter, now: context.now())
        let (counts, gated) = (try await context.store.openCounts(), try await context.store.gatedCounts())
        var model = try PageModels.queue(
            QueueListing(items: items, counts: counts, gated: gated,
                         filter: filter, next: QueuePage.next(items, filter), query: request.uri.query ?? "",
                         teams: context.table.knownTeams),
            now: context.now())
        model["csrf"] = ReviewerAuth.session(request).map(Secrets.csrfToken(session:)) ?? ""
        return render("Queue", templates.queue.render(model), reviewer, request)
    }

    /// Accepts the checked gated cards in one batch and shows what happened to each.
    private func bulkAccept(_ request: Request, _ route: TriageRequestContext) async throws -> Response {
        let reviewer = try route.signedIn()
        let items = try await request.formItems()
        let ids = try items.filter { $0.name == "card" }.map { item in
            guard let id = Int64(item.value) else { throw HTTPFailure(.badRequest, "card: \(item.value) is not a card id") }
            return id
        }
        guard !ids.isEmpty else { throw HTTPFailure(.unprocessableContent, "card: select at least one card to accept") }
        let result = try await context.bulkAccept(ids, by: reviewer)
        return render("Bulk accept", templates.bulkResult.render(PageModels.bulkResult(result)), reviewer, request)
    }

    private func card(_ request: Request, _ route: TriageRequestContext) async throws -> Response {
        let view = try await context.view(cardID: try route.cardID())
        return try cardPage(view, request, route, form: nil)
    }

    /// The card page; `form` is a refused decision, shown again with its refusal (a 422).
    private func cardPage(
        _ view: CardView, _ request: Request, _ route: TriageRequestContext, form: DecisionForm?
    ) throws -> Response {
        let reviewer = try route.signedIn()
        let csrf = ReviewerAuth.session(request).map(Secrets.csrfToken(session:)) ?? ""
        let model = try PageModels.card(
            view, csrf: csrf, viewer: reviewer.name, form: form, editAction: request.query("edit"))
        return render(
            "Card \(view.context.card.id)", templates.card.render(model), reviewer, request,
            status: form == nil ? .ok : .unprocessableContent)
    }

    /// Decides the card from one of its page's forms and opens the next card; a decision the planner refuses as
    /// invalid comes back on the card page, what was typed kept and the refusal next to its field.
    private func decide(_ request: Request, _ route: TriageRequestContext) async throws -> Response {
        let reviewer = try route.signedIn()
        var form = try DecisionForm(try await request.formItems())
        let view = try await context.view(cardID: try route.cardID())
        do {
            let decision = try form.request(cardID: view.context.card.id, card: view.context.card)
            _ = try await context.decide(decision, by: reviewer)
        } catch ReviewError.invalid(let message) {
            form.error = message
            return try cardPage(view, request, route, form: form)
        }
        let next = try await context.store.reviewQueue(QueueFilter(preferTeam: reviewer.team, limit: 1), now: context.now()).first
        return Responses.redirect(next.map { "/cards/\($0.card.id)" } ?? "/")
    }

    private func render(
        _ title: String, _ body: String, _ reviewer: Reviewer, _ request: Request, status: HTTPResponse.Status = .ok
    ) -> Response {
        let csrf = ReviewerAuth.session(request).map(Secrets.csrfToken(session:))
        let page = templates.page(title: title, body: body, reviewer: PageModels.reviewer(reviewer), csrf: csrf)
        return Responses.html(page, status: status)
    }

    private func loginPage(error: String?, status: HTTPResponse.Status = .ok) -> Response {
        let body = templates.login.render(error.map { ["error": $0] } ?? [:])
        return Responses.html(templates.page(title: "Sign in", body: body, reviewer: nil, csrf: nil), status: status)
    }

    /// An error as a short page with no internals.
    private func errorPage(_ failure: HTTPFailure) -> Response {
        let body = "<h1>\(failure.status.code)</h1><p class=\"error\">\(HTMLText.escape(failure.message))</p><p><a href=\"/\">Back to the queue</a></p>"
        return Responses.html(templates.page(title: "Error", body: body, reviewer: nil, csrf: nil), status: failure.status)
    }
}

/// HTML escaping for the few strings built outside a template.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
