package io.chatroi.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The model rejects what kubectl apply would reject or silently drop: unknown fields, unknown kinds, duplicate keys. */
class StrictParsingTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: gateway
              namespace: chatroi
            spec:
              selector:
                matchLabels: {app: gateway}
              template:
                metadata:
                  labels: {app: gateway}
                spec:
                  containers:
                    - name: gateway
                      image: chatroi/gateway:1.0.0
                      %s
            """;

    @Test
    void aValidObjectParses() {
        assertThat(Manifests.parse(DEPLOYMENT.formatted("imagePullPolicy: IfNotPresent"))).singleElement()
                .satisfies(o -> assertThat(Manifests.describe(o)).isEqualTo("Deployment chatroi/gateway"));
    }

    @Test
    void aMisspeltFieldFails() {
        assertThatThrownBy(() -> Manifests.parse(DEPLOYMENT.formatted("imagePullPolcy: IfNotPresent")))
                .isInstanceOf(Manifests.InvalidManifest.class)
                .hasMessageContaining("spec.template.spec.containers[0].imagePullPolcy");
    }

    @Test
    void aFieldAtTheWrongLevelFails() {
        String misplaced = DEPLOYMENT.formatted("") + "  replicaCount: 2\n";
        assertThatThrownBy(() -> Manifests.parse(misplaced.replace("  replicaCount", "  replicaCount")))
                .isInstanceOf(Manifests.InvalidManifest.class).hasMessageContaining("spec.replicaCount");
    }

    @Test
    void aWrongTypeFails() {
        assertThatThrownBy(() -> Manifests.parse(DEPLOYMENT.formatted("ports: [{containerPort: eighty}]")))
                .isInstanceOf(Manifests.InvalidManifest.class).hasMessageContaining("Deployment");
    }

    @Test
    void anUnknownKindFails() {
        assertThatThrownBy(() -> Manifests.parse("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"))
                .isInstanceOf(Manifests.InvalidManifest.class).hasMessageContaining("unknown apiVersion/kind");
    }

    @Test
    void aDuplicateKeyFails() {
        assertThatThrownBy(() -> Manifests.parse(DEPLOYMENT.formatted("image: chatroi/gateway:2.0.0")))
                .isInstanceOf(Manifests.InvalidManifest.class).hasMessageContaining("image");
    }
}
