/// The OpenAPI 3.1 description of `/api/v1` and the webhooks, served at `/api/v1/openapi.json`.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {"title": "Triage review API", "version": "1.0.0",
            "description": "Reviewer operations on exception cards. Authenticate with `Authorization: Bearer TOKEN` (from `triage users add`). Every error, from every route, is `{\"error\": \"one line for a person\"}` with its status."},
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
              "Error": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]},
              "Decision": {"type": "object", "properties": {
                "action": {"type": "string", "description": "edit: the action chosen instead of the suggested one"},
                "parameters": {"type": "object", "description": "edit: parameters replacing the suggested ones"},
                "reason": {"type": "string", "description": "reject: required; edit: optional"}}},
              "Outcome": {"type": "object", "properties": {
                "cardID": {"type": "integer"}, "decisionID": {"type": "integer"}, "action": {"type": "string"},
                "parameters": {"type": "object"}, "editedFields": {"type": "array", "items": {"type": "string"}},
                "outboxMessages": {"type": "integer"}}}
            },
            "responses": {
              "Unauthorized": {"description": "no valid token or session", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Forbidden": {"description": "the role does not allow this", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotFound": {"description": "no such card", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Conflict": {"description": "the card is open with another reviewer, or decided already", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Invalid": {"description": "the decision does not fit the card", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "BadRequest": {"description": "a bad parameter or body; the message names it", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "SignatureRejected": {"description": "signature missing, malformed or wrong, or the event is outside the replay window", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          },
          "security": [{"bearer": []}],
          "paths": {
            "/api/v1/openapi.json": {"get": {"security": [], "summary": "This document", "responses": {"200": {"description": "the OpenAPI 3.1 document"}}}},
            "/api/v1/me": {"get": {"summary": "The signed-in reviewer", "responses": {"200": {"description": "reviewer"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
            "/api/v1/cards": {"get": {"summary": "Open cards, your team first, then money at stake, then age; an unknown parameter is a 400",
              "parameters": [
                {"name": "kind", "in": "query", "schema": {"type": "string"}},
                {"name": "decision", "in": "query", "description": "also read as decision_type", "schema": {"type": "string", "enum": ["binary", "judgment", "escalated", "unstructured"]}},
                {"name": "team", "in": "query", "description": "a team the routing table names", "schema": {"type": "string"}},
                {"name": "confidence", "in": "query", "schema": {"type": "string", "enum": ["low", "medium", "high"]}},
                {"name": "min_age_hours", "in": "query", "schema": {"type": "number"}},
                {"name": "search", "in": "query", "description": "also read as q; an order number (with or without #), an event id, or text such as a customer's name or e-mail", "schema": {"type": "string", "maxLength": 200}},
                {"name": "rule", "in": "query", "description": "only cards made by this rule id", "schema": {"type": "string"}},
                {"name": "after", "in": "query", "description": "keyset paging: the `next` value of the previous page", "schema": {"type": "string"}},
                {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 500}}],
              "responses": {"200": {"description": "cards, open counts per kind, and `next` (the `after` of the next page; absent on the last)"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
            "/api/v1/cards/{id}": {"get": {"summary": "One card with its exception, order, shipments, payments, decisions and rule trace; viewing never locks (POST …/lock does)",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
              "responses": {"200": {"description": "the card"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/api/v1/cards/{id}/lock": {
              "post": {"summary": "Lock the card to you", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                "responses": {"200": {"description": "locked until"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}},
              "delete": {"summary": "Release your lock", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                "responses": {"204": {"description": "released"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"description": "another reviewer holds the lock", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
            "/api/v1/cards/{id}/accept": {"post": {"summary": "Execute the suggestion or the rule's plan as it stands, re-checked against the order now; a stale plan is not executed (409) and the card becomes a judgment card saying why",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
              "responses": {"200": {"description": "decided", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Outcome"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}, "422": {"$ref": "#/components/responses/Invalid"}}}},
            "/api/v1/cards/{id}/edit": {"post": {"summary": "Change the action or parameters, then execute",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
              "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}}},
              "responses": {"200": {"description": "decided", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Outcome"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}, "422": {"$ref": "#/components/responses/Invalid"}}}},
            "/api/v1/cards/{id}/reject": {"post": {"summary": "Execute nothing and record why",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}}},
              "responses": {"200": {"description": "decided", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Outcome"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}, "422": {"$ref": "#/components/responses/Invalid"}}}},
            "/api/v1/cards/bulk-accept": {"post": {"summary": "Accept gated rule plans in one action: each card is re-checked and decided in its own transaction under one batch id; a stale plan turns its card into a judgment card; AI suggestions are never accepted in bulk",
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"cardIDs": {"type": "array", "maxItems": 500, "items": {"type": "integer"}}}, "required": ["cardIDs"]}}}},
              "responses": {"200": {"description": "batchID, accepted (outcomes), turnedToJudgment and skipped (cardID and reason each)"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "422": {"$ref": "#/components/responses/Invalid"}}}},
            "/api/v1/escalations": {"get": {"summary": "Open escalated cards grouped by source and error", "responses": {"200": {"description": "groups"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
            "/api/v1/users": {"post": {"summary": "Add a user (admins only); the token is shown once",
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}, "role": {"type": "string", "enum": ["reviewer", "admin"]}, "team": {"type": "string"}}, "required": ["name"]}}}},
              "responses": {"201": {"description": "the user and their token"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "409": {"description": "a user of that name exists", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "422": {"description": "an empty or invalid name", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
            "/webhooks/shopify": {"post": {"security": [], "summary": "Storefront event: X-Shopify-Hmac-Sha256, X-Shopify-Webhook-Id, X-Shopify-Triggered-At; X-Shopify-Topic orders/updated, refunds/create or fulfillments/update with Shopify's payload, or none (triage/exception) with the exception format",
              "responses": {"200": {"description": "not an exception: nothing stored, the reason in not_an_exception"}, "202": {"description": "stored (or a duplicate, ignored)"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/SignatureRejected"}, "422": {"description": "a topic Triage does not map, named with the supported ones", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
            "/webhooks/stripe": {"post": {"security": [], "summary": "Stripe event (charge.refunded, payment_intent.payment_failed): Stripe-Signature t=…,v1=…",
              "responses": {"200": {"description": "not an exception: nothing stored, the reason in not_an_exception"}, "202": {"description": "stored (or a duplicate, ignored)"}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/SignatureRejected"}, "422": {"description": "an event type Triage does not map, named with the supported ones", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
            "/webhooks/adyen": {"post": {"security": [], "summary": "Gateway notifications, each item signed with Adyen's HMAC",
              "responses": {"200": {"description": "[accepted]"}, "401": {"$ref": "#/components/responses/SignatureRejected"}}}},
            "/webhooks/returns": {"post": {"security": [], "summary": "Returns app event: X-Triage-Signature t=…,v1=…; body in the exception format",
              "responses": {"202": {"description": "stored (or a duplicate, ignored)"}, "401": {"$ref": "#/components/responses/SignatureRejected"}}}}
          }
        }
        """#
}
