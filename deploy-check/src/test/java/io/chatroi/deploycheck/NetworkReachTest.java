package io.chatroi.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies allow exactly the connections the architecture needs, evaluated from both ends (the caller's
 * egress and the callee's ingress), and nothing else.
 */
class NetworkReachTest {

    private static final String OUTSIDE = "203.0.113.7";
    private static final String GRAPH_API = "157.240.22.35";

    /** Every allowed connection "from -> to:port" between the pods, from outside to each pod, and from each pod out. */
    static Set<String> allowed(List<HasMetadata> objects) {
        NetworkReach reach = new NetworkReach(objects);
        List<Workload> pods = Workload.all(objects);
        Set<String> allowed = new TreeSet<>();
        for (Workload to : pods) {
            for (ContainerPort port : NetworkReach.Endpoint.pod(to).ports()) {
                if (reach.allows(NetworkReach.Endpoint.outside(OUTSIDE), NetworkReach.Endpoint.pod(to), port.getContainerPort())) {
                    allowed.add("outside -> " + to.name() + ":" + port.getContainerPort());
                }
                for (Workload from : pods) {
                    if (from != to && reach.allows(NetworkReach.Endpoint.pod(from), NetworkReach.Endpoint.pod(to), port.getContainerPort())) {
                        allowed.add(from.name() + " -> " + to.name() + ":" + port.getContainerPort());
                    }
                }
            }
        }
        for (Workload from : pods) {
            for (int port : List.of(80, 443)) {
                if (reach.allows(NetworkReach.Endpoint.pod(from), NetworkReach.Endpoint.outside(GRAPH_API), port)) {
                    allowed.add(from.name() + " -> internet:" + port);
                }
            }
        }
        return allowed;
    }

    private static final Set<String> SERVICES = Set.of(
            "outside -> gateway:8080",
            "gateway -> contacts-service:8081",
            "gateway -> campaign-service:8082",
            "gateway -> metrics-service:8083",
            "campaign-service -> contacts-service:8081",
            "metrics-service -> contacts-service:8081",
            "metrics-service -> campaign-service:8082",
            "campaign-service -> internet:443");

    @Test
    void devAllowsExactlyTheDesignedConnections() {
        Set<String> expected = new TreeSet<>(SERVICES);
        expected.addAll(Set.of("gateway -> postgres:5432", "contacts-service -> postgres:5432",
                "campaign-service -> postgres:5432", "metrics-service -> postgres:5432"));

        assertThat(allowed(Repo.objects("overlays/dev"))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void prodAllowsExactlyTheDesignedConnections() {
        assertThat(allowed(Repo.objects("overlays/prod"))).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void everyServiceReachesPostgresAndDnsAnywhereButCallsNoOtherInternetPort() {
        List<HasMetadata> prod = Repo.objects("overlays/prod");
        NetworkReach reach = new NetworkReach(prod);
        for (Workload w : Workload.all(prod)) {
            assertThat(reach.allows(NetworkReach.Endpoint.pod(w), NetworkReach.Endpoint.outside("198.51.100.10"), 5432)).as(w.name()).isTrue();
            assertThat(reach.allows(NetworkReach.Endpoint.pod(w), NetworkReach.Endpoint.outside("10.96.0.10"), 53)).as(w.name()).isTrue();
            assertThat(reach.allows(NetworkReach.Endpoint.pod(w), NetworkReach.Endpoint.outside("198.51.100.10"), 22)).as(w.name()).isFalse();
        }
    }

    @Test
    void anAllowAllPolicyOpensTheServicesAndTheMatrixShowsIt() {
        List<HasMetadata> dev = Repo.objects("overlays/dev");
        NetworkPolicy allowAll = new NetworkPolicyBuilder().withNewMetadata().withName("allow-all").withNamespace("chatroi").endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Ingress").addNewIngress().endIngress().endSpec().build();
        dev.add(allowAll);

        assertThat(allowed(dev)).contains("outside -> contacts-service:8081", "outside -> postgres:5432", "gateway -> postgres:5432");
    }

    @Test
    void withoutDefaultDenyAPodNoPolicySelectsIsOpen() {
        List<HasMetadata> dev = Repo.objects("overlays/dev");
        dev.removeIf(o -> o instanceof NetworkPolicy p && Set.of("default-deny-all", "postgres").contains(p.getMetadata().getName()));

        assertThat(allowed(dev)).contains("outside -> postgres:5432").doesNotContain("outside -> contacts-service:8081");
    }

    @Test
    void cidrArithmetic() {
        assertThat(NetworkReach.inCidr("10.244.1.17", "10.0.0.0/8")).isTrue();
        assertThat(NetworkReach.inCidr("11.0.0.1", "10.0.0.0/8")).isFalse();
        assertThat(NetworkReach.inCidr("157.240.22.35", "0.0.0.0/0")).isTrue();
        assertThat(NetworkReach.inCidr("172.31.255.255", "172.16.0.0/12")).isTrue();
        assertThat(NetworkReach.inCidr("172.32.0.0", "172.16.0.0/12")).isFalse();
    }
}
