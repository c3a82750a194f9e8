package io.chatroi.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/components/monitoring renders on its own, scrapes the management port every service really opens, lets only the monitoring
 * namespace reach only that port, and alerts (and charts) only on metrics the services' tests saw in a scrape.
 */
class MonitoringTest {

    private static final Path EXPOSED = Repo.root().resolve("k8s/components/monitoring/exposed-metrics.txt");
    private static final List<String> ALERTS = List.of("ChatroiWebhookServerErrors", "ChatroiWebhookSignatureFailures",
            "ChatroiWebhookQuarantine",
            "ChatroiDispatchFailureRate", "ChatroiQueueNotDraining", "ChatroiRecomputeMissing", "ChatroiRecomputeFailed",
            "ChatroiSyncLag", "ChatroiGatewayServerErrors");

    private static List<JsonNode> monitoring() {
        return Monitoring.documents(Repo.rendered("components/monitoring"));
    }

    @Test
    void everyAlertAndPanelQueriesMetricsTheServicesExpose() {
        Set<String> exposed = Monitoring.exposed(EXPOSED);
        List<String> expressions = Monitoring.expressions(monitoring());
        assertThat(expressions).hasSizeGreaterThan(ALERTS.size());
        for (String expr : expressions) {
            assertThat(Monitoring.namesAMetric(expr)).as(expr).isTrue();
            assertThat(Monitoring.unknownMetrics(expr, exposed)).as("metrics not exposed, in: " + expr).isEmpty();
        }
        List<String> alerts = new ArrayList<>();
        Monitoring.ofKind(monitoring(), "PrometheusRule").forEach(rule -> rule.path("spec").path("groups")
                .forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("alert").asText()))));
        assertThat(alerts).containsAll(ALERTS);
    }

    @Test
    void aMetricNoServiceExposesIsCaught() {
        Set<String> exposed = Monitoring.exposed(EXPOSED);
        assertThat(Monitoring.unknownMetrics("sum(rate(chatroi_webhook_deliveries_total[5m])) / sum(rate(chatroi_webhook_made_up_total[5m]))",
                exposed)).containsExactly("chatroi_webhook_made_up_total");
        assertThat(Monitoring.namesAMetric("vector(1) > 0")).isFalse();
    }

    @Test
    void thePodMonitorScrapesTheManagementPortEveryServiceOpensAndNoServiceExposes() {
        JsonNode monitor = Monitoring.ofKind(monitoring(), "PodMonitor").get(0);
        Map<String, String> selector = Map.of("app.kubernetes.io/part-of",
                monitor.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/part-of").asText());
        JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").get(0);
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        String port = endpoint.path("port").asText();
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            List<HasMetadata> objects = Repo.objects(overlay);
            for (String service : Repo.SERVICES) {
                Deployment deployment = Repo.named(objects, Deployment.class, service);
                assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(service)
                        .containsAllEntriesOf(selector);
                var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
                assertThat(container.getPorts()).as(overlay + " " + service + " opens a port named " + port)
                        .anySatisfy(p -> assertThat(p.getName()).isEqualTo(port));
                int management = container.getPorts().stream().filter(p -> port.equals(p.getName())).findFirst()
                        .orElseThrow().getContainerPort();
                assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                        .containsEntry("prometheus.io/port", Integer.toString(management))
                        .containsEntry("prometheus.io/path", "/q/metrics");
                assertThat(Repo.named(objects, Service.class, service).getSpec().getPorts())
                        .as(service + ": the Service carries only the public port")
                        .noneSatisfy(p -> assertThat(p.getTargetPort()).isIn(new IntOrString(management),
                                new IntOrString(port)));
            }
        }
    }

    @Test
    void onlyTheMonitoringNamespaceMayReachOnlyTheManagementPort() {
        List<NetworkPolicy> policies = Manifests.ofKind(Manifests.parse(onlyCoreKinds()), NetworkPolicy.class);
        assertThat(policies).hasSize(1);
        NetworkPolicy scrape = policies.get(0);
        assertThat(scrape.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(scrape.getSpec().getEgress()).isNullOrEmpty();
        for (NetworkPolicyIngressRule rule : scrape.getSpec().getIngress()) {
            assertThat(rule.getFrom()).allSatisfy(peer -> {
                assertThat(peer.getPodSelector()).isNull();
                assertThat(peer.getIpBlock()).isNull();
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"));
            });
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getStrVal()).containsExactly("management");
        }
    }

    /** The rendered component without the Prometheus Operator kinds, for the strict Kubernetes model. */
    private static String onlyCoreKinds() {
        StringBuilder core = new StringBuilder();
        for (String doc : Repo.rendered("components/monitoring").split("(?m)^---\\s*$")) {
            if (!doc.contains("apiVersion: monitoring.coreos.com/")) {
                core.append(doc).append("\n---\n");
            }
        }
        return core.toString();
    }
}
