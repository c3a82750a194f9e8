package io.chatroi.campaigns.provider;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

import java.time.Duration;

/**
 * The WhatsApp Cloud API: POST {graph}/{version}/{phone-number-id}/messages with a bearer token and a template
 * payload (docs/whatsapp.md). "accepted" only means Meta took the message; receipts tell the rest.
 */
public class WhatsAppCloudProvider implements MessageProvider {

    private final WebClient client;
    private final String url;
    private final String token;
    private final Duration timeout;

    public WhatsAppCloudProvider(Vertx vertx, String graphUrl, String version, String phoneNumberId, String token,
                                 Duration timeout) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(32)
                // our trace ids stay inside: Meta gets no traceparent
                .setTracingPolicy(io.vertx.core.tracing.TracingPolicy.IGNORE));
        this.url = graphUrl.replaceAll("/+$", "") + "/" + version + "/" + phoneNumberId + "/messages";
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public boolean reachesUserIds() {
        return true;
    }

    @Override
    public Uni<String> send(OutboundMessage message) {
        JsonArray parameters = new JsonArray();
        message.parameters().forEach(value -> parameters.add(new JsonObject().put("type", "text").put("text", value)));
        JsonObject template = new JsonObject().put("name", message.templateName())
                .put("language", new JsonObject().put("code", message.language()));
        JsonArray components = new JsonArray();
        if (!parameters.isEmpty()) {
            components.add(new JsonObject().put("type", "body").put("parameters", parameters));
        }
        // a URL button registered as https://<public url>/r/{{1}} gets this send's link code as its dynamic suffix
        message.links().stream().filter(link -> "button".equals(link.kind())).forEach(link -> components.add(
                new JsonObject().put("type", "button").put("sub_type", "url")
                        .put("index", String.valueOf(link.buttonIndex()))
                        .put("parameters", new JsonArray().add(new JsonObject().put("type", "text")
                                .put("text", link.code())))));
        if (!components.isEmpty()) {
            template.put("components", components);
        }
        JsonObject body = new JsonObject().put("messaging_product", "whatsapp").put("recipient_type", "individual");
        // Meta: "to" takes a phone and wins when both are given; "recipient" takes a BSUID, for username-only users
        if (message.to() != null) {
            body.put("to", message.to());
        } else {
            body.put("recipient", message.recipientUserId());
        }
        body.put("type", "template").put("template", template)
                .put("biz_opaque_callback_data", message.sendId().toString());
        return client.postAbs(url).bearerTokenAuthentication(token).timeout(timeout.toMillis())
                .sendJsonObject(body)
                .onFailure(failure -> !(failure instanceof ProviderException))
                .transform(failure -> new ProviderException(null, "Graph API unreachable: " + failure.getMessage(), true))
                .map(WhatsAppCloudProvider::messageId);
    }

    private static String messageId(HttpResponse<Buffer> response) {
        JsonObject body;
        try {
            body = response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (response.statusCode() == 200 && body != null) {
            JsonArray messages = body.getJsonArray("messages");
            if (messages != null && !messages.isEmpty() && messages.getJsonObject(0).getString("id") != null) {
                return messages.getJsonObject(0).getString("id");
            }
        }
        JsonObject error = body == null ? null : body.getJsonObject("error");
        Integer code = error == null ? null : error.getInteger("code");
        String text = error == null ? "HTTP " + response.statusCode() : error.getString("message", "unknown error");
        throw ProviderException.of(response.statusCode(), code, text);
    }
}
