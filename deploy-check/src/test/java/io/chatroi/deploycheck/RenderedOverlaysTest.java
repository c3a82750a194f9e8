package io.chatroi.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Both overlays render, parse strictly into the Kubernetes model, and pass every policy check. */
class RenderedOverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "base"})
    void rendersParsesAndPassesEveryCheck(String dir) {
        List<HasMetadata> objects = Repo.objects(dir);

        assertThat(objects).isNotEmpty();
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace() == null ? "chatroi" : o.getMetadata().getNamespace())
                .as(Manifests.describe(o)).isEqualTo("chatroi"));
        for (String service : Repo.SERVICES) {
            Repo.named(objects, Deployment.class, service);
            Repo.named(objects, Service.class, service);
            Repo.named(objects, io.fabric8.kubernetes.api.model.ServiceAccount.class, service);
            assertThat(Manifests.ofKind(objects, ConfigMap.class)).anySatisfy(m -> assertThat(m.getMetadata().getName()).startsWith(service + "-config-"));
        }
        assertThat(Policy.all(objects, Repo.documentedSecrets())).as("policy violations in k8s/" + dir).isEmpty();
    }

    @Test
    void devRunsOneReplicaOfEachServiceAndItsOwnPostgres() {
        List<HasMetadata> dev = Repo.objects("overlays/dev");

        for (String service : Repo.SERVICES) {
            assertThat(Repo.named(dev, Deployment.class, service).getSpec().getReplicas()).as(service).isEqualTo(1);
        }
        StatefulSet postgres = Repo.named(dev, StatefulSet.class, "postgres");
        assertThat(postgres.getSpec().getReplicas()).isEqualTo(1);
        assertThat(postgres.getSpec().getVolumeClaimTemplates()).hasSize(1);
        ConfigMap init = Manifests.ofKind(dev, ConfigMap.class).stream()
                .filter(m -> m.getMetadata().getName().startsWith("postgres-init-")).findFirst().orElseThrow();
        assertThat(init.getData().get("init-chatroi.sh")).contains("'contacts', 'campaigns', 'metrics', 'gateway'")
                .contains("CREATE ROLE").contains("OWNER");
        assertThat(Manifests.ofKind(dev, HorizontalPodAutoscaler.class)).isEmpty();
    }

    @Test
    void prodRunsTwoOrMoreReplicasAutoscaledSpreadAndProtectedWithPinnedImagesAndNoInClusterDatabase() {
        List<HasMetadata> prod = Repo.objects("overlays/prod");

        assertThat(Manifests.ofKind(prod, StatefulSet.class)).isEmpty();
        for (String service : Repo.SERVICES) {
            Deployment d = Repo.named(prod, Deployment.class, service);
            assertThat(d.getSpec().getReplicas()).as(service).isGreaterThanOrEqualTo(2);
            assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).as(service)
                    .extracting(c -> c.getTopologyKey()).contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).as(service)
                    .matches("[a-z0-9.-]+(:[0-9]+)?/chatroi/" + service + ":[0-9][A-Za-z0-9._-]*");
            HorizontalPodAutoscaler hpa = Repo.named(prod, HorizontalPodAutoscaler.class, service);
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
            assertThat(Repo.named(prod, PodDisruptionBudget.class, service).getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        }
        Ingress ingress = Repo.named(prod, Ingress.class, "gateway");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(t -> assertThat(t.getSecretName()).isEqualTo("chatroi-tls"));
        ConfigMap campaign = Manifests.ofKind(prod, ConfigMap.class).stream()
                .filter(m -> m.getMetadata().getName().startsWith("campaign-service-config-")).findFirst().orElseThrow();
        assertThat(campaign.getData()).containsEntry("CAMPAIGN_PROVIDER", "whatsapp-cloud");
        // The dispatch rate is one budget shared by all replicas: Meta's default 80 messages per second per number.
        assertThat(Integer.parseInt(campaign.getData().get("CHATROI_DISPATCH_RATE"))).isLessThanOrEqualTo(80);
    }
}
