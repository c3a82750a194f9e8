package io.chatroi.deploycheck;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The repository under test: its k8s/ tree rendered once per overlay, parsed afresh for every test that mutates it. */
final class Repo {

    static final List<String> SERVICES = List.of("gateway", "contacts-service", "campaign-service", "metrics-service");

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("chatroi.root", "..")).toAbsolutePath().normalize();
    }

    static Path generatedRoot() {
        return Path.of(System.getProperty("chatroi.generated.root", root().toString())).toAbsolutePath().normalize();
    }

    /** kubectl kustomize k8s/{dir} (dir: base, overlays/dev, overlays/prod), rendered once. */
    static String rendered(String dir) {
        return RENDERED.computeIfAbsent(dir, d -> Kustomize.render(root().resolve("k8s").resolve(d)));
    }

    /** A fresh, mutable copy of the rendered objects. */
    static List<HasMetadata> objects(String dir) {
        return new java.util.ArrayList<>(Manifests.parse(rendered(dir)));
    }

    static String readme() {
        try {
            return Files.readString(root().resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Set<String>> documentedSecrets() {
        return SecretDocs.parse(readme());
    }

    static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        return Manifests.ofKind(objects, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
}
