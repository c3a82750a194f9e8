package io.chatroi.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Twilio's Messages API, a real HTTP server on a free port: it answers
 * {@code POST /2010-04-01/Accounts/{sid}/Messages.json} as Twilio does (basic auth with the account SID and auth token,
 * a form with From, To, ContentSid; 201 with the new message's sid) and keeps every accepted form, so a test can
 * play Twilio's status callbacks to each message's StatusCallback.
 */
final class TwilioStandIn implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, String>> accepted = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    TwilioStandIn(String accountSid, String authToken) throws IOException {
        String auth = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken)
                .getBytes(StandardCharsets.UTF_8));
        String path = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (!"POST".equals(exchange.getRequestMethod()) || !path.equals(exchange.getRequestURI().getPath())
                        || !auth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    answer(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
                } else if (form.get("To") == null || !form.get("To").startsWith("whatsapp:+")
                        || form.get("From") == null || form.get("ContentSid") == null) {
                    answer(exchange, 400, "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\",\"status\":400}");
                } else {
                    String sid = "SM" + String.format("%032x", ids.incrementAndGet());
                    form.put("Sid", sid);
                    accepted.add(form);
                    answer(exchange, 201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"account_sid\":\""
                            + accountSid + "\"}");
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The base URL to configure as TWILIO_API_URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The accepted Messages API form sent to {@code whatsapp:<phone>}, with its sid under "Sid"; null if none yet. */
    Map<String, String> messageTo(String phone) {
        return accepted.stream().filter(form -> ("whatsapp:" + phone).equals(form.get("To"))).findFirst().orElse(null);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
