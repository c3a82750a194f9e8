import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.FileWriter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the WhatsApp Cloud API send endpoint for benchmarks: accepts every message and answers
 * Meta's response shape. Run with: java -Dsun.net.httpserver.nodelay=true bench/dispatch/FakeGraph.java PORT
 * [CALLS_FILE [WEBHOOK_URL APP_SECRET]] (without nodelay the JDK server answers ~700 requests/s with 40 ms
 * delayed-ACK stalls). With CALLS_FILE every accepted message is written there as "SEND_ID MESSAGE_ID" (the send id
 * is the biz_opaque_callback_data the dispatcher sets), so a script can count messages sent twice. With WEBHOOK_URL
 * each accepted message is then reported back as Meta does, a signed "sent" status carrying the send id, in
 * deliveries of up to 50, retried until answered 200 (bench/faults.sh: a send left in doubt by a crash is
 * reconciled from it).
 */
public class FakeGraph {

    private static final Pattern CALLBACK = Pattern.compile("\"biz_opaque_callback_data\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"\\+?([0-9]+)\"");

    private record Status(String messageId, String sendId, String recipient, long at) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        PrintWriter calls = args.length > 1 ? new PrintWriter(new FileWriter(args[1], true), true) : null;
        ConcurrentLinkedQueue<Status> receipts = args.length > 3 ? new ConcurrentLinkedQueue<>() : null;
        AtomicLong ids = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String messageId = "wamid.BENCH" + run + "-" + ids.incrementAndGet();
            Matcher callback = CALLBACK.matcher(request);
            if (callback.find()) {
                if (calls != null) {
                    calls.println(callback.group(1) + " " + messageId);
                }
                if (receipts != null) {
                    Matcher to = TO.matcher(request);
                    receipts.add(new Status(messageId, callback.group(1), to.find() ? to.group(1) : "0",
                            System.currentTimeMillis() / 1000));
                }
            }
            byte[] body = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                    + "\"messages\":[{\"id\":\"" + messageId + "\",\"message_status\":\"accepted\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("fake Graph API on port " + port);
        if (receipts != null) {
            reportBack(receipts, args[2], args[3]);
        }
    }

    /** Posts the "sent" statuses back to the webhook, 50 at most per delivery, until each is answered 200. */
    private static void reportBack(ConcurrentLinkedQueue<Status> receipts, String url, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<Status> batch = new ArrayList<>();
        while (true) {
            while (batch.size() < 50 && !receipts.isEmpty()) {
                batch.add(receipts.poll());
            }
            if (batch.isEmpty()) {
                Thread.sleep(200);
                continue;
            }
            StringBuilder statuses = new StringBuilder();
            for (Status s : batch) {
                if (!statuses.isEmpty()) {
                    statuses.append(',');
                }
                statuses.append("{\"id\":\"").append(s.messageId()).append("\",\"status\":\"sent\",\"timestamp\":\"")
                        .append(s.at()).append("\",\"recipient_id\":\"").append(s.recipient())
                        .append("\",\"biz_opaque_callback_data\":\"").append(s.sendId()).append("\"}");
            }
            byte[] bytes = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{"
                    + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"statuses\":["
                    + statuses + "]}}]}]}").getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    batch.clear();
                    continue;
                }
            } catch (java.io.IOException e) {
                // the service is down (killed, restarting): Meta retries too
            }
            Thread.sleep(1000);
        }
    }
}
