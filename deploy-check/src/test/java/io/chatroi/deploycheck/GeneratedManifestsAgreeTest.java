package io.chatroi.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One source of truth: what quarkus-kubernetes generates for each service (at package time,
 * into target/kubernetes/kubernetes.yml) states the same labels, port, probes, env, resources, service account and /tmp
 * mount as k8s/base. In the full build the services are packaged before this module runs (module order in the parent
 * pom); run alone, package the services first (./mvnw -B package -DskipTests -pl gateway,contacts-service,...).
 */
class GeneratedManifestsAgreeTest {

    static Path generated(String service) {
        Path file = Repo.generatedRoot().resolve(service).resolve("target/kubernetes/kubernetes.yml");
        assertThat(file).as("""
                %s is missing: package %s first (./mvnw -B package -DskipTests -pl %s), or run the whole build, which packages \
                the services before deploy-check""".formatted(file, service, service)).exists();
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "contacts-service", "campaign-service", "metrics-service"})
    void generatedManifestAgreesWithTheBase(String service) {
        List<HasMetadata> generated = Manifests.parse(generated(service));
        List<HasMetadata> base = Repo.objects("base");

        Path file = generated(service);
        Path properties = Repo.root().resolve(service).resolve("src/main/resources/application.properties");
        String stale = properties.toFile().lastModified() > file.toFile().lastModified()
                ? " (the generated file is older than application.properties: package " + service + " again first)" : "";
        assertThat(GeneratedManifests.differences(service, generated, base))
                .as("generated %s vs k8s/base/%s (k8s/base/service-template filled in): change one so they agree (the"
                        + " quarkus.kubernetes.* settings in common's microprofile-config.properties or %s's"
                        + " application.properties, or the base)%s", service, service, service, stale)
                .isEmpty();
    }

    @Test
    void aDriftInAnyComparedFactIsReported() throws Exception {
        List<HasMetadata> generated = Manifests.parse(Files.readString(generated("contacts-service")));
        var container = Repo.named(generated, Deployment.class, "contacts-service").getSpec().getTemplate().getSpec().getContainers().get(0);
        container.getReadinessProbe().getHttpGet().setPath("/q/health");
        container.getResources().getLimits().put("memory", new Quantity("1Gi"));
        container.getEnv().add(new EnvVarBuilder().withName("CHATROI_CURRENCY").withValue("EUR").build());
        container.getPorts().get(0).setContainerPort(8080);

        assertThat(GeneratedManifests.differences("contacts-service", generated, Repo.objects("base")))
                .hasSize(4)
                .anySatisfy(d -> assertThat(d).startsWith("contacts-service: readinessProbe differs: generated GET /q/health port"))
                .anySatisfy(d -> assertThat(d).startsWith("contacts-service: resource limits differs"))
                .anySatisfy(d -> assertThat(d).startsWith("contacts-service: env differs").contains("CHATROI_CURRENCY=value EUR"))
                .anySatisfy(d -> assertThat(d).startsWith("contacts-service: container ports differs"));
    }

    @Test
    void aMissingServiceIsReported() {
        List<HasMetadata> base = Repo.objects("base");
        base.removeIf(o -> o instanceof io.fabric8.kubernetes.api.model.Service s && s.getMetadata().getName().equals("gateway"));

        assertThat(GeneratedManifests.differences("gateway", Manifests.parse(generated("gateway")), base))
                .singleElement().asString().contains("base Deployment true, Service false");
    }
}
