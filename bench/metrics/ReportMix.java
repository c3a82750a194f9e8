import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load of the calls behind the dashboard's pages: USERS users, each sending its next request as soon as
 * the previous one answered, for SECONDS (after WARMUP seconds of the same mix that are not counted). Every request
 * is new to the server: random ranges over the last year, random filters, and a request whose exact query was already
 * sent in this run is drawn again, so the report cache (which only answers identical queries) never answers.
 *
 * <p>The mix, equally likely: /kpis grouped by campaign, day, week, owner, country and variant; /kpis filtered by a
 * campaign or an owner; /roi (no filter, a campaign or an owner); /funnel (no filter or an owner); /trends (a random
 * metric by day or week, no filter, a campaign or an owner).
 *
 *   java bench/metrics/ReportMix.java BASE_URL USERS SECONDS WARMUP CAMPAIGN_IDS OWNERS [SEED]
 *   (CAMPAIGN_IDS and OWNERS comma-separated)
 *
 * Prints the count, requests/s, p50/p90/p95/p99/max, errors, and p50/p95 per kind of call, then the number of
 * requests answered in all, warm-up included ("answered in all: N", for CPU per request).
 * Env BENCH_KINDS (comma-separated, e.g. "roi,funnel") limits the mix to those kinds.
 */
public class ReportMix {

    static final String[] KINDS = {"kpis:campaign", "kpis:day", "kpis:week", "kpis:owner", "kpis:country",
            "kpis:variant", "kpis?campaignId", "kpis?owner", "roi", "funnel", "trends"};
    static final String[] TREND_METRICS = {"sent", "replied", "conversations", "orders", "revenue", "spend",
            "openRate", "replyRate", "ctr", "deliveryRate", "medianResponseTime", "roas"};

    record Sample(String kind, long nanos, int status) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int users = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        String[] campaigns = args[4].split(",");
        String[] owners = args[5].split(",");
        long seed = args.length > 6 ? Long.parseLong(args[6]) : System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger printedErrors = new AtomicInteger();
        SplittableRandom root = new SplittableRandom(seed);
        String[] kinds = System.getenv("BENCH_KINDS") == null || System.getenv("BENCH_KINDS").isBlank() ? KINDS
                : System.getenv("BENCH_KINDS").split(",");
        AtomicInteger answered = new AtomicInteger();

        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            SplittableRandom random = root.split();
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String kind = kinds[random.nextInt(kinds.length)];
                    String path = null;
                    for (int attempt = 0; attempt < 1000 && path == null; attempt++) {
                        String candidate = request(kind, random, today, campaigns, owners);
                        if (sent.add(candidate)) {
                            path = candidate;
                        }
                    }
                    if (path == null) {
                        throw new IllegalStateException("no new " + kind + " query left");
                    }
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(60)).GET().build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        if (status != 200 && printedErrors.incrementAndGet() <= 5) {
                            System.err.println(status + " " + path + " " + r.body());
                        }
                    } catch (Exception e) {
                        status = -1;
                        if (printedErrors.incrementAndGet() <= 5) {
                            System.err.println(e + " " + path);
                        }
                    }
                    long t1 = System.nanoTime();
                    answered.incrementAndGet();
                    if (t0 >= measureFrom && t1 <= end) {
                        samples.add(new Sample(kind, t1 - t0, status));
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        report(users, seconds, new ArrayList<>(samples));
        System.out.printf("answered in all: %d%n", answered.get());
        System.exit(0);
    }

    /** One dashboard call with a random range in the last year (both ends uniform) and random filters. */
    static String request(String kind, SplittableRandom r, LocalDate today, String[] campaigns, String[] owners) {
        LocalDate from = today.minusDays(r.nextInt(365));
        LocalDate to = from.plusDays(r.nextInt((int) (today.toEpochDay() - from.toEpochDay()) + 1));
        String range = "from=" + from + "&to=" + to;
        String campaign = "campaignId=" + campaigns[r.nextInt(campaigns.length)];
        String owner = "owner=" + URLEncoder.encode(owners[r.nextInt(owners.length)], StandardCharsets.UTF_8);
        String anyFilter = switch (r.nextInt(3)) {
            case 0 -> "";
            case 1 -> "&" + campaign;
            default -> "&" + owner;
        };
        return switch (kind) {
            case "kpis?campaignId" -> "/api/v1/kpis?" + range + "&" + campaign;
            case "kpis?owner" -> "/api/v1/kpis?" + range + "&" + owner;
            case "roi" -> "/api/v1/roi?" + range + anyFilter;
            case "funnel" -> "/api/v1/funnel?" + range + (r.nextBoolean() ? "" : "&" + owner);
            case "trends" -> "/api/v1/trends?metric=" + TREND_METRICS[r.nextInt(TREND_METRICS.length)] + "&"
                    + range + "&interval=" + (r.nextBoolean() ? "day" : "week") + anyFilter;
            default -> "/api/v1/kpis?" + range + "&groupBy=" + kind.substring("kpis:".length());
        };
    }

    static void report(int users, int seconds, List<Sample> samples) {
        long errors = samples.stream().filter(s -> s.status() != 200).count();
        List<Long> all = samples.stream().map(Sample::nanos).sorted().toList();
        System.out.printf("%d users, %d s: %d requests (%.1f/s), %d errors%n", users, seconds, all.size(),
                all.size() / (double) seconds, errors);
        System.out.printf("all       p50 %7.1f ms  p90 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                pct(all, 0.50), pct(all, 0.90), pct(all, 0.95), pct(all, 0.99), pct(all, 1.0));
        Map<String, List<Long>> byKind = new TreeMap<>();
        samples.forEach(s -> byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.nanos()));
        byKind.forEach((kind, list) -> {
            Collections.sort(list);
            System.out.printf("  %-16s n %5d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", kind, list.size(),
                    pct(list, 0.50), pct(list, 0.95), pct(list, 1.0));
        });
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1));
        return sorted.get(i) / 1e6;
    }
}
