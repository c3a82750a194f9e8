package io.chatroi.common.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scrape of a running service's {@code /q/metrics} on its management port, parsed from the Prometheus text
 * format, with the questions the services' metrics tests ask of it.
 */
public record Scrape(List<Sample> samples) {

    /** One line of the exposition: metric name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** The committed list of domain metrics the alerts and the dashboard rely on (deploy-check reads it too). */
    public static final Path EXPOSED_METRICS = Path.of("../k8s/components/monitoring/exposed-metrics.txt");

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    /** What an id looks like in a label value: a UUID, a long number or a phone number in E.164. */
    private static final Pattern ID = Pattern.compile(
            ".*([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d{6,}|\\+\\d{7,}).*");

    /** The management port the test instance listens on (a free one: quarkus.management.test-port=0). */
    public static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    public static Scrape fetch() {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("GET /q/metrics on the management port").isEqualTo(200);
            // kept for whoever reads a failure: the last scrape of this module's tests
            Files.writeString(Path.of("target/last-metrics-scrape.txt"), answer.body());
            return parse(answer.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int exemplar = line.indexOf(" # {");
            Matcher m = LINE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new Scrape(samples);
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The sum of a metric's samples whose labels include every given {@code name, value} pair. */
    public double sum(String name, String... labelPairs) {
        double total = 0;
        for (Sample sample : samples) {
            if (sample.name().equals(name) && matches(sample.labels(), labelPairs)) {
                total += sample.value();
            }
        }
        return total;
    }

    private static boolean matches(Map<String, String> labels, String... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }

    /** No label value looks like a contact, campaign, send or key id, or a phone number. */
    public void assertNoIdInAnyLabel() {
        List<String> offending = new ArrayList<>();
        for (Sample sample : samples) {
            sample.labels().forEach((key, value) -> {
                if (ID.matcher(value).matches() && !"le".equals(key) && !"quantile".equals(key)) {
                    offending.add(sample.name() + "{" + key + "=\"" + value + "\"}");
                }
            });
        }
        assertThat(offending).as("metric labels that carry an id").isEmpty();
    }

    /**
     * Every metric the committed list names for this service is in the scrape, so the alerts and the dashboard
     * built on that list query metrics that exist.
     */
    public void assertExposesEveryListedMetricOf(String service) throws IOException {
        List<String> listed = new ArrayList<>();
        for (String line : Files.readAllLines(EXPOSED_METRICS)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && !line.startsWith("#") && parts[0].equals(service)) {
                listed.add(parts[1]);
            }
        }
        assertThat(listed).as("metrics listed for " + service + " in " + EXPOSED_METRICS).isNotEmpty();
        assertThat(names()).as("metrics exposed by " + service).containsAll(listed);
    }
}
