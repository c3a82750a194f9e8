import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's first screen in a real browser: Debian's headless chromium (never a downloaded one), driven over
 * the DevTools protocol with the JDK's WebSocket, signs in with an API key (sessionStorage, as the sign-in screen
 * does) and opens the overview RUNS times, each a fresh navigation with the browser cache off. Per run it reads the
 * Performance API: the navigation's response end and DOMContentLoaded, the first contentful paint, and the moment
 * the KPI tiles carry numbers (the "sent" tile's data-value set from /api/v1/kpis), all from navigation start.
 *
 * Usage: java bench/dashboard/FirstScreen.java BASE_URL API_KEY [RUNS (10)]
 */
public class FirstScreen {

    private static final String[] FLAGS = {"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1280,800", "--remote-debugging-port=0"};
    private static final Pattern WS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern PAGE_WS = Pattern.compile("\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Resolves once the tiles carry numbers, with the Performance API's marks as JSON text. */
    private static final String MEASURE = """
            new Promise((resolve, reject) => {
              const started = Date.now();
              const poll = () => {
                const tile = document.querySelector('[data-kpi=sent]');
                if (tile && tile.dataset.value !== '') {
                  const tiles = performance.now();
                  const nav = performance.getEntriesByType('navigation')[0];
                  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                  const resources = performance.getEntriesByType('resource');
                  resolve(JSON.stringify({responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd,
                    fcp: fcp ? fcp.startTime : -1, tiles, requests: resources.length}));
                } else if (Date.now() - started > 30000) {
                  reject(new Error('the KPI tiles carried no numbers within 30 s'));
                } else {
                  setTimeout(poll, 5);
                }
              };
              poll();
            })""";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java bench/dashboard/FirstScreen.java BASE_URL API_KEY [RUNS]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String key = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path profile = Files.createTempDirectory("first-screen-profile");
        List<String> command = new ArrayList<>(List.of("/usr/bin/chromium"));
        command.addAll(List.of(FLAGS));
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        Process chromium = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String browserWs = devToolsUrl(chromium);
            String port = URI.create(browserWs).getPort() + "";
            HttpClient http = HttpClient.newHttpClient();
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher page = PAGE_WS.matcher(list);
            if (!page.find()) {
                throw new IllegalStateException("no page target: " + list);
            }
            Cdp cdp = new Cdp(http, page.group(1));
            cdp.call("Page.enable", "{}");
            cdp.call("Network.enable", "{}");
            cdp.call("Network.setCacheDisabled", "{\"cacheDisabled\":true}");
            navigate(cdp, base + "/app/");
            cdp.call("Runtime.evaluate", "{\"expression\":" + json("sessionStorage.setItem('chatroi.apiKey', "
                    + json(key) + ")") + "}");
            List<double[]> all = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                navigate(cdp, base + "/app/?run=" + run + "#/overview");
                String result = evaluate(cdp, MEASURE);
                double[] marks = {number(result, "responseEnd"), number(result, "domContentLoaded"),
                        number(result, "fcp"), number(result, "tiles")};
                all.add(marks);
                System.out.printf("run %2d: response end %6.0f ms, DOMContentLoaded %6.0f ms, first contentful paint"
                        + " %6.0f ms, KPI tiles with numbers %6.0f ms (%d requests)%n", run + 1, marks[0], marks[1],
                        marks[2], marks[3], (int) number(result, "requests"));
            }
            String[] names = {"response end", "DOMContentLoaded", "first contentful paint", "KPI tiles with numbers"};
            for (int i = 0; i < names.length; i++) {
                List<Double> values = new ArrayList<>();
                for (double[] marks : all) {
                    values.add(marks[i]);
                }
                Collections.sort(values);
                System.out.printf("%-24s median %6.0f ms, max %6.0f ms%n", names[i], values.get(values.size() / 2),
                        values.get(values.size() - 1));
            }
            cdp.close();
        } finally {
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
            try (var paths = Files.walk(profile)) {
                paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void navigate(Cdp cdp, String url) throws Exception {
        cdp.call("Page.navigate", "{\"url\":" + json(url) + "}");
        // wait for the new document (an evaluate right after navigate may still meet the old one)
        String page = url.split("#")[0];
        for (int i = 0; i < 3000; i++) {
            String state = evaluate(cdp, "document.readyState + '|' + location.href.split('#')[0]");
            if (state.equals("complete|" + page) || state.equals("interactive|" + page)) {
                return;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("navigation to " + url + " did not finish");
    }

    private static String evaluate(Cdp cdp, String expression) throws Exception {
        String answer = cdp.call("Runtime.evaluate", "{\"expression\":" + json(expression)
                + ",\"awaitPromise\":true,\"returnByValue\":true}");
        if (answer.contains("\"exceptionDetails\"")) {
            throw new IllegalStateException("page script failed: " + answer);
        }
        Matcher m = VALUE.matcher(answer);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
    }

    private static double number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(-?[0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name + " missing in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String devToolsUrl(Process chromium) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(chromium.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = err.readLine()) != null) {
                    Matcher m = WS.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                throw new IllegalStateException("chromium ended without a DevTools address");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String found = url.get(60, TimeUnit.SECONDS);
        // keep draining chromium's stderr so it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // discarded
                }
            } catch (java.io.IOException ignored) {
                // chromium stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
        return found;
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** A minimal DevTools protocol client: numbered calls, each answered by the message with its id. */
    static final class Cdp implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;
        private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");

        Cdp(HttpClient http, String url) {
            this.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(url), this).join();
        }

        String call(String method, String params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<String> answer = new CompletableFuture<>();
            pending.put(id, answer);
            socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).join();
            return answer.get(60, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                Matcher m = ID.matcher(message);
                if (m.find()) {
                    CompletableFuture<String> answer = pending.remove(Integer.parseInt(m.group(1)));
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
