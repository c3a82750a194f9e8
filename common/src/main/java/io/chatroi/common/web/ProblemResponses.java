package io.chatroi.common.web;

import io.chatroi.common.problem.Problem;
import io.chatroi.common.problem.ProblemType;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** Problem responses written straight on the Vert.x router, for filters that answer before any resource runs. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void send(RoutingContext rc, ProblemType type, String detail) {
        send(rc, type.status(), type, detail, Map.of());
    }

    public static void send(RoutingContext rc, int status, ProblemType type, String detail, Map<String, String> headers) {
        JsonObject body = json(status, type, detail, rc.request().path());
        var response = rc.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(body.encode());
    }

    /** A 400 validation problem naming one field, for filters that run before any resource. */
    public static void sendInvalid(RoutingContext rc, String field, String message) {
        var response = rc.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        JsonObject body = json(400, ProblemType.VALIDATION, field + ": " + message, rc.request().path())
                .put("errors", new io.vertx.core.json.JsonArray().add(new JsonObject().put("field", field)
                        .put("message", message)));
        response.setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body.encode());
    }

    /** For code holding only the server response (e.g. inside a proxy interceptor). */
    public static void sendRaw(io.vertx.core.http.HttpServerResponse response, int status, ProblemType type,
                               String detail, String instance) {
        if (response.headWritten()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(json(status, type, detail, instance).encode());
    }

    public static JsonObject json(int status, ProblemType type, String detail, String instance) {
        JsonObject body = new JsonObject().put("type", type.uri()).put("title", type.title()).put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        return body;
    }
}
