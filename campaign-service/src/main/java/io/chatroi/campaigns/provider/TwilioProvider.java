package io.chatroi.campaigns.provider;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

import java.time.Duration;
import java.util.Map;

/**
 * WhatsApp through Twilio's Messages API: POST {api}/2010-04-01/Accounts/{sid}/Messages.json (form-encoded, basic
 * auth with the account SID and auth token), {@code From}/{@code To} as {@code whatsapp:+E164}, the approved template
 * as a Content API {@code ContentSid} with {@code ContentVariables} ("1".."n": the body parameters, then each tracked
 * link's code for URL buttons registered as {@code <public url>/r/{{n}}}), and a {@code StatusCallback} to our
 * /webhooks/twilio carrying the send id, so reconciliation can prove a send went out as it does with Meta's callback
 * data. Twilio's 429, 5xx and 20429 are retried by the dispatcher; other refusals fail the send.
 */
public class TwilioProvider implements MessageProvider {

    private static final int TOO_MANY_REQUESTS = 20429;

    private final WebClient client;
    private final String url;
    private final String accountSid;
    private final String authToken;
    private final String from;
    private final String callbackUrl;
    private final Map<String, String> contentSids;
    private final Duration timeout;

    public TwilioProvider(Vertx vertx, String apiUrl, String accountSid, String authToken, String from,
                          String callbackUrl, Map<String, String> contentSids, Duration timeout) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(32));
        this.url = apiUrl.replaceAll("/+$", "") + "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.from = from.startsWith("whatsapp:") ? from : "whatsapp:" + from;
        this.callbackUrl = callbackUrl;
        this.contentSids = contentSids;
        this.timeout = timeout;
    }

    /** The Content API template of a WhatsApp template: configured per name, or the name itself when it is an HX sid. */
    String contentSid(String templateName) {
        String sid = contentSids.get(templateName);
        if (sid == null && templateName != null && templateName.matches("(?i)hx[0-9a-f]{32}")) {
            sid = templateName;
        }
        return sid;
    }

    @Override
    public Uni<String> send(OutboundMessage message) {
        String sid = contentSid(message.templateName());
        if (sid == null) {
            return Uni.createFrom().failure(new ProviderException(null, "no Twilio ContentSid for template "
                    + message.templateName() + " (TWILIO_CONTENT_SIDS)", false));
        }
        JsonObject variables = new JsonObject();
        int n = 0;
        for (String value : message.parameters()) {
            variables.put(String.valueOf(++n), value);
        }
        for (OutboundMessage.Link link : message.links()) {
            if ("button".equals(link.kind())) {
                variables.put(String.valueOf(++n), link.code());
            }
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("From", from).add("To", "whatsapp:" + message.to()).add("ContentSid", sid)
                .add("StatusCallback", callbackUrl + "?send=" + message.sendId());
        if (!variables.isEmpty()) {
            form.add("ContentVariables", variables.encode());
        }
        return client.postAbs(url).basicAuthentication(accountSid, authToken).timeout(timeout.toMillis())
                .sendForm(form)
                .onFailure(failure -> !(failure instanceof ProviderException))
                .transform(failure -> new ProviderException(null, "Twilio unreachable: " + failure.getMessage(), true))
                .map(TwilioProvider::messageSid);
    }

    private static String messageSid(HttpResponse<Buffer> response) {
        JsonObject body;
        try {
            body = response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        int status = response.statusCode();
        if ((status == 200 || status == 201) && body != null && body.getString("sid") != null) {
            return body.getString("sid");
        }
        Integer code = body == null ? null : body.getInteger("code");
        String text = body == null ? "HTTP " + status : body.getString("message", "HTTP " + status);
        boolean retryable = status >= 500 || status == 429 || (code != null && code == TOO_MANY_REQUESTS);
        return throwRefused(code, "Twilio: " + text, retryable);
    }

    private static String throwRefused(Integer code, String text, boolean retryable) {
        throw new ProviderException(code, text, retryable);
    }
}
