package io.chatroi.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPortBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each check catches a deliberately broken object, planted in an otherwise compliant rendering of overlays/dev, so
 * that no check can pass by looking at nothing.
 */
class PolicyNegativeTest {

    private List<HasMetadata> dev;

    @BeforeEach
    void render() {
        dev = Repo.objects("overlays/dev");
        assertThat(Policy.all(dev, Repo.documentedSecrets())).as("the unbroken rendering complies").isEmpty();
    }

    private Container container(String deployment) {
        return Repo.named(dev, Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @Test
    void missingProbeIsCaught() {
        container("metrics-service").setStartupProbe(null);
        Repo.named(dev, StatefulSet.class, "postgres").getSpec().getTemplate().getSpec().getContainers().get(0).setReadinessProbe(null);

        assertThat(ContainerPolicy.probes(dev)).containsExactlyInAnyOrder(
                "Deployment chatroi/metrics-service container metrics-service: no startupProbe",
                "StatefulSet chatroi/postgres container postgres: no readinessProbe");
    }

    @Test
    void probeOnAPortTheContainerDoesNotOpenIsCaught() {
        container("gateway").getLivenessProbe().getHttpGet().setPort(new IntOrString(9999));

        assertThat(ContainerPolicy.probes(dev)).containsExactly(
                "Deployment chatroi/gateway container gateway: livenessProbe port 9999 is not a container port");
    }

    @Test
    void missingRequestOrLimitOrRequestAboveLimitIsCaught() {
        container("contacts-service").getResources().getLimits().remove("memory");
        container("gateway").getResources().getRequests().put("cpu", new Quantity("2"));

        assertThat(ContainerPolicy.resources(dev)).containsExactlyInAnyOrder(
                "Deployment chatroi/contacts-service container contacts-service: no memory limit",
                "Deployment chatroi/gateway container gateway: cpu request 2 above its limit 1");
    }

    @Test
    void weakenedSecurityContextIsCaught() {
        Container c = container("campaign-service");
        c.getSecurityContext().setReadOnlyRootFilesystem(false);
        c.getSecurityContext().setAllowPrivilegeEscalation(null);
        c.getSecurityContext().getCapabilities().setDrop(List.of("NET_RAW"));
        c.getSecurityContext().setRunAsNonRoot(null);
        Repo.named(dev, Deployment.class, "campaign-service").getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(null);
        Repo.named(dev, Deployment.class, "campaign-service").getSpec().getTemplate().getSpec().getSecurityContext().setSeccompProfile(null);

        assertThat(ContainerPolicy.securityContext(dev)).containsExactlyInAnyOrder(
                "Deployment chatroi/campaign-service container campaign-service: runAsNonRoot is not true",
                "Deployment chatroi/campaign-service container campaign-service: readOnlyRootFilesystem is not true",
                "Deployment chatroi/campaign-service container campaign-service: allowPrivilegeEscalation is not false",
                "Deployment chatroi/campaign-service container campaign-service: capabilities do not drop ALL",
                "Deployment chatroi/campaign-service container campaign-service: seccompProfile is not RuntimeDefault");
    }

    @Test
    void readOnlyRootWithoutWritableTmpIsCaught() {
        container("gateway").getVolumeMounts().removeIf(m -> m.getMountPath().equals("/tmp"));

        assertThat(ContainerPolicy.securityContext(dev)).containsExactly(
                "Deployment chatroi/gateway container gateway: read-only root filesystem without an emptyDir mounted on /tmp");
    }

    @Test
    void latestOrUntaggedImagesAreCaught() {
        container("gateway").setImage("chatroi/gateway:latest");
        container("contacts-service").setImage("registry.local:5000/chatroi/contacts-service");
        container("metrics-service").setImage("chatroi/metrics-service@sha256:" + "a".repeat(64));

        assertThat(ContainerPolicy.images(dev)).containsExactlyInAnyOrder(
                "Deployment chatroi/gateway container gateway: image chatroi/gateway:latest uses the latest tag",
                "Deployment chatroi/contacts-service container contacts-service: image registry.local:5000/chatroi/contacts-service has no tag");
    }

    @Test
    void serviceSelectingNothingOrTargetingAMissingPortIsCaught() {
        Repo.named(dev, Service.class, "metrics-service").getSpec().setSelector(Map.of("app.kubernetes.io/name", "metrics"));
        Repo.named(dev, Service.class, "gateway").getSpec().getPorts().get(0).setTargetPort(new IntOrString(8081));

        assertThat(Policy.services(dev)).containsExactlyInAnyOrder(
                "Service chatroi/metrics-service: selector {app.kubernetes.io/name=metrics} matches no pod template",
                "Service chatroi/gateway: targetPort 8081 is not a container port of Deployment chatroi/gateway");
    }

    @Test
    void danglingReferencesAreCaught() {
        Container campaign = container("campaign-service");
        campaign.getEnvFrom().get(0).getConfigMapRef().setName("campaign-config");
        campaign.getEnv().add(new EnvVarBuilder().withName("SMTP_PASSWORD").withNewValueFrom().withNewSecretKeyRef()
                .withName("chatroi-smtp").withKey("PASSWORD").endSecretKeyRef().endValueFrom().build());
        campaign.getEnv().add(new EnvVarBuilder().withName("WHATSAPP_WABA_ID").withNewValueFrom().withNewSecretKeyRef()
                .withName("chatroi-whatsapp").withKey("WHATSAPP_WABA_ID").endSecretKeyRef().endValueFrom().build());
        Repo.named(dev, Deployment.class, "gateway").getSpec().getTemplate().getSpec().setServiceAccountName("chatroi");
        Repo.named(dev, Deployment.class, "metrics-service").getSpec().getTemplate().getSpec().setServiceAccountName(null);
        Repo.named(dev, StatefulSet.class, "postgres").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getVolumeMounts().get(0).setName("pgdata");
        dev.add(new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder().withNewMetadata()
                .withName("contacts").withNamespace("chatroi").endMetadata().withNewSpec().withNewScaleTargetRef()
                .withApiVersion("apps/v1").withKind("Deployment").withName("contacts").endScaleTargetRef()
                .withMinReplicas(2).withMaxReplicas(3).endSpec().build());

        assertThat(ReferencePolicy.references(dev, Repo.documentedSecrets())).containsExactlyInAnyOrder(
                "Deployment chatroi/campaign-service container campaign-service envFrom: ConfigMap campaign-config does not exist",
                "Deployment chatroi/campaign-service container campaign-service env SMTP_PASSWORD: Secret chatroi-smtp does not exist"
                        + " (nor is it documented in README.md)",
                "Deployment chatroi/campaign-service container campaign-service env WHATSAPP_WABA_ID: Secret chatroi-whatsapp has no key"
                        + " WHATSAPP_WABA_ID (in the manifests or README.md)",
                "Deployment chatroi/gateway: ServiceAccount chatroi does not exist",
                "Deployment chatroi/metrics-service: no serviceAccountName (would run as 'default')",
                "StatefulSet chatroi/postgres container postgres: mounts volume pgdata, which the pod does not declare",
                "HorizontalPodAutoscaler chatroi/contacts: scales Deployment contacts, which does not exist");
    }

    @Test
    void secretsOnlyCountAsDocumentedWhenTheReadmeSaysHowToCreateThem() {
        Map<String, Set<String>> withoutWhatsApp = new HashMap<>(Repo.documentedSecrets());
        withoutWhatsApp.remove("chatroi-whatsapp");

        assertThat(ReferencePolicy.references(dev, withoutWhatsApp)).hasSize(4)
                .allMatch(v -> v.startsWith("Deployment chatroi/campaign-service container campaign-service env WHATSAPP_")
                        && v.endsWith("Secret chatroi-whatsapp does not exist (nor is it documented in README.md)"));
    }

    @Test
    void podWithoutNetworkPolicyIsCaught() {
        dev.removeIf(o -> o instanceof NetworkPolicy p && p.getMetadata().getName().equals("default-deny-all"));
        dev.removeIf(o -> o instanceof NetworkPolicy p && p.getMetadata().getName().equals("postgres"));

        // every service keeps its own policy (ingress and egress); postgres loses both its policies
        assertThat(Policy.networkPolicies(dev)).containsExactlyInAnyOrder(
                "StatefulSet chatroi/postgres: no NetworkPolicy restricts its ingress");
        dev.removeIf(o -> o instanceof NetworkPolicy p && p.getMetadata().getName().equals("allow-dns-egress"));
        assertThat(Policy.networkPolicies(dev)).containsExactlyInAnyOrder(
                "StatefulSet chatroi/postgres: no NetworkPolicy restricts its ingress",
                "StatefulSet chatroi/postgres: no NetworkPolicy restricts its egress");
    }

    @Test
    void ingressToAnyServiceButTheGatewayIsCaught() {
        Ingress ingress = Repo.named(dev, Ingress.class, "gateway");
        var path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
        var extra = new io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder(path).withPath("/internal")
                .editBackend().editService().withName("contacts-service").endService().endBackend().build();
        ingress.getSpec().getRules().get(0).getHttp().getPaths().add(extra);
        path.getBackend().getService().setPort(new ServiceBackendPortBuilder().withName("https").build());

        assertThat(Policy.ingressOnlyTo(dev, "gateway")).containsExactlyInAnyOrder(
                "Ingress chatroi/gateway: routes to Service contacts-service; only gateway may be reached from outside",
                "Ingress chatroi/gateway: Service gateway has no port https");
    }

    @Test
    void objectsOutsideTheNamespaceAreCaught() {
        Repo.named(dev, Service.class, "postgres").getMetadata().setNamespace("default");

        assertThat(ReferencePolicy.references(dev, Repo.documentedSecrets()))
                .contains("Service default/postgres: namespace default is not among the manifests");
    }

    @Test
    void autoscalerTargetsAreCheckedOnProdToo() {
        List<HasMetadata> prod = Repo.objects("overlays/prod");
        Repo.named(prod, HorizontalPodAutoscaler.class, "gateway").getSpec().getScaleTargetRef().setName("gateway-v2");

        assertThat(ReferencePolicy.references(prod, Repo.documentedSecrets()))
                .containsExactly("HorizontalPodAutoscaler chatroi/gateway: scales Deployment gateway-v2, which does not exist");
    }
}
