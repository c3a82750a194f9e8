package io.chatroi.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional monitoring kustomization (k8s/components/monitoring): the Prometheus Operator objects are not in the
 * fabric8 model, so they are read as trees, and every PromQL expression (alerts and dashboard panels) is checked
 * against the metrics the services really expose: exposed-metrics.txt, which each service's metrics test verifies
 * against a scrape of the running service.
 */
public final class Monitoring {

    /** Metric names in PromQL: ours and the HTTP/JVM ones Quarkus exposes. Functions and label names do not match. */
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:chatroi|http_server|http_client|jvm|process|sql|vertx)_[a-zA-Z0-9_]*)\\b");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private Monitoring() {
    }

    /** Each YAML document of a rendered kustomization as a tree. */
    public static List<JsonNode> documents(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    public static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    /** The metric names the committed list says the services expose (second column). */
    public static Set<String> exposed(Path list) {
        Set<String> names = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(list)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && !line.startsWith("#")) {
                    names.add(parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Every alert expression of the PrometheusRules, and every target expression of the dashboard JSON. */
    public static List<String> expressions(List<JsonNode> docs) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode rule : ofKind(docs, "PrometheusRule")) {
            rule.path("spec").path("groups").forEach(group -> group.path("rules")
                    .forEach(r -> exprs.add(r.path("expr").asText())));
        }
        for (JsonNode map : ofKind(docs, "ConfigMap")) {
            map.path("data").fields().forEachRemaining(entry -> {
                if (entry.getKey().endsWith(".json")) {
                    try {
                        JSON.readTree(entry.getValue().asText()).path("panels").forEach(panel -> panel.path("targets")
                                .forEach(target -> exprs.add(target.path("expr").asText())));
                    } catch (IOException e) {
                        throw new IllegalStateException("dashboard " + entry.getKey() + " is not valid JSON: " + e.getMessage());
                    }
                }
            });
        }
        return exprs;
    }

    /** Metric names an expression uses that are not in {@code exposed}. */
    public static Set<String> unknownMetrics(String expr, Set<String> exposed) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            if (!exposed.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** Whether an expression names at least one metric (an alert on a constant alerts on nothing). */
    public static boolean namesAMetric(String expr) {
        return METRIC.matcher(expr).find();
    }
}
