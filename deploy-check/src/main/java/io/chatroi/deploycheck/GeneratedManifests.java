package io.chatroi.deploycheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares what quarkus-kubernetes generates for a service (target/kubernetes/kubernetes.yml, from the
 * quarkus.kubernetes.* settings in common's microprofile-config.properties and its application.properties) with the
 * kustomize base: the facts both state must agree.
 * The base adds what the generator cannot express (container securityContext, seccomp, preStop, rollout strategy);
 * those are checked by {@link Policy} instead.
 */
public final class GeneratedManifests {

    /** kustomize's configMapGenerator appends a content hash to ConfigMap names. */
    private static final Pattern HASH_SUFFIX = Pattern.compile("-[a-z0-9]{10}$");

    private GeneratedManifests() {
    }

    /** Differences between the generated Deployment and Service of {@code name} and the base's; empty when they agree. */
    public static List<String> differences(String name, List<HasMetadata> generated, List<HasMetadata> base) {
        List<String> diffs = new ArrayList<>();
        Optional<Deployment> gd = find(generated, Deployment.class, name);
        Optional<Deployment> bd = find(base, Deployment.class, name);
        Optional<Service> gs = find(generated, Service.class, name);
        Optional<Service> bs = find(base, Service.class, name);
        if (gd.isEmpty() || bd.isEmpty() || gs.isEmpty() || bs.isEmpty()) {
            diffs.add(name + ": Deployment and Service must exist in both (generated Deployment " + gd.isPresent() + ", Service "
                    + gs.isPresent() + "; base Deployment " + bd.isPresent() + ", Service " + bs.isPresent() + ")");
            return diffs;
        }
        Deployment g = gd.get();
        Deployment b = bd.get();
        compare(diffs, name, "Deployment selector", g.getSpec().getSelector().getMatchLabels(), b.getSpec().getSelector().getMatchLabels());
        for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/part-of")) {
            compare(diffs, name, "pod label " + label, g.getSpec().getTemplate().getMetadata().getLabels().get(label),
                    b.getSpec().getTemplate().getMetadata().getLabels().get(label));
        }
        PodSpec gp = g.getSpec().getTemplate().getSpec();
        PodSpec bp = b.getSpec().getTemplate().getSpec();
        compare(diffs, name, "serviceAccountName", gp.getServiceAccountName(), bp.getServiceAccountName());
        compare(diffs, name, "pod runAsNonRoot", gp.getSecurityContext() == null ? null : gp.getSecurityContext().getRunAsNonRoot(),
                bp.getSecurityContext() == null ? null : bp.getSecurityContext().getRunAsNonRoot());
        compare(diffs, name, "pod runAsUser", gp.getSecurityContext() == null ? null : gp.getSecurityContext().getRunAsUser(),
                bp.getSecurityContext() == null ? null : bp.getSecurityContext().getRunAsUser());
        compare(diffs, name, "volumes", volumes(gp), volumes(bp));
        if (gp.getContainers().size() != 1 || bp.getContainers().size() != 1) {
            diffs.add(name + ": expected one container in each, generated " + gp.getContainers().size() + ", base " + bp.getContainers().size());
            return diffs;
        }
        Container gc = gp.getContainers().get(0);
        Container bc = bp.getContainers().get(0);
        compare(diffs, name, "container name", gc.getName(), bc.getName());
        compare(diffs, name, "image", normaliseImage(gc.getImage()), normaliseImage(bc.getImage()));
        compare(diffs, name, "imagePullPolicy", gc.getImagePullPolicy(), bc.getImagePullPolicy());
        compare(diffs, name, "container ports", gc.getPorts().stream().map(p -> p.getName() + "=" + p.getContainerPort() + "/" + p.getProtocol())
                .collect(Collectors.toCollection(TreeSet::new)), bc.getPorts().stream()
                .map(p -> p.getName() + "=" + p.getContainerPort() + "/" + p.getProtocol()).collect(Collectors.toCollection(TreeSet::new)));
        compare(diffs, name, "livenessProbe", probe(gc.getLivenessProbe()), probe(bc.getLivenessProbe()));
        compare(diffs, name, "readinessProbe", probe(gc.getReadinessProbe()), probe(bc.getReadinessProbe()));
        compare(diffs, name, "startupProbe", probe(gc.getStartupProbe()), probe(bc.getStartupProbe()));
        compare(diffs, name, "env", env(gc), env(bc));
        compare(diffs, name, "envFrom", envFrom(gc), envFrom(bc));
        compare(diffs, name, "resource requests", quantities(gc.getResources() == null ? null : gc.getResources().getRequests()),
                quantities(bc.getResources() == null ? null : bc.getResources().getRequests()));
        compare(diffs, name, "resource limits", quantities(gc.getResources() == null ? null : gc.getResources().getLimits()),
                quantities(bc.getResources() == null ? null : bc.getResources().getLimits()));
        compare(diffs, name, "volumeMounts", Optional.ofNullable(gc.getVolumeMounts()).orElse(List.of()).stream()
                .map(m -> m.getName() + "=" + m.getMountPath()).collect(Collectors.toCollection(TreeSet::new)),
                Optional.ofNullable(bc.getVolumeMounts()).orElse(List.of()).stream()
                        .map(m -> m.getName() + "=" + m.getMountPath()).collect(Collectors.toCollection(TreeSet::new)));
        Service g2 = gs.get();
        Service b2 = bs.get();
        compare(diffs, name, "Service selector", g2.getSpec().getSelector(), b2.getSpec().getSelector());
        compare(diffs, name, "Service type", g2.getSpec().getType(), b2.getSpec().getType());
        compare(diffs, name, "Service ports", servicePorts(g2), servicePorts(b2));
        return diffs;
    }

    private static <T extends HasMetadata> Optional<T> find(List<HasMetadata> objects, Class<T> type, String name) {
        return Manifests.ofKind(objects, type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    private static void compare(List<String> diffs, String name, String what, Object generated, Object base) {
        if (!Objects.equals(normalise(generated), normalise(base))) {
            diffs.add(name + ": " + what + " differs: generated " + generated + ", k8s/base " + base);
        }
    }

    private static Object normalise(Object value) {
        return value instanceof Map<?, ?> m ? new TreeMap<>(m) : value;
    }

    /** Docker Hub is the default registry: chatroi/x and docker.io/chatroi/x are the same image. */
    static String normaliseImage(String image) {
        return image == null ? null : image.startsWith("docker.io/") ? image.substring("docker.io/".length()) : image;
    }

    private static String probe(Probe p) {
        if (p == null) {
            return null;
        }
        String action = p.getHttpGet() != null
                ? "GET " + p.getHttpGet().getPath() + " port " + p.getHttpGet().getPort().getValue() + " " + p.getHttpGet().getScheme()
                : p.getExec() != null ? "exec " + p.getExec().getCommand() : String.valueOf(p.getTcpSocket());
        return action + " initialDelay=" + p.getInitialDelaySeconds() + " period=" + p.getPeriodSeconds() + " timeout="
                + p.getTimeoutSeconds() + " failureThreshold=" + p.getFailureThreshold() + " successThreshold=" + p.getSuccessThreshold();
    }

    private static Map<String, String> env(Container c) {
        Map<String, String> env = new TreeMap<>();
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            env.put(e.getName(), e.getValueFrom() == null ? "value " + e.getValue() : source(e.getValueFrom()));
        }
        return env;
    }

    private static String source(EnvVarSource s) {
        if (s.getSecretKeyRef() != null) {
            return "secret " + s.getSecretKeyRef().getName() + "/" + s.getSecretKeyRef().getKey();
        }
        if (s.getConfigMapKeyRef() != null) {
            return "configMap " + unhash(s.getConfigMapKeyRef().getName()) + "/" + s.getConfigMapKeyRef().getKey();
        }
        if (s.getFieldRef() != null) {
            return "field " + s.getFieldRef().getFieldPath();
        }
        return "resource " + s.getResourceFieldRef();
    }

    private static TreeSet<String> envFrom(Container c) {
        TreeSet<String> refs = new TreeSet<>();
        for (EnvFromSource f : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            if (f.getConfigMapRef() != null) {
                refs.add("configMap " + unhash(f.getConfigMapRef().getName()));
            }
            if (f.getSecretRef() != null) {
                refs.add("secret " + f.getSecretRef().getName());
            }
        }
        return refs;
    }

    private static String unhash(String name) {
        return HASH_SUFFIX.matcher(name).replaceFirst("");
    }

    private static Map<String, String> quantities(Map<String, Quantity> q) {
        Map<String, String> out = new TreeMap<>();
        if (q != null) {
            q.forEach((k, v) -> out.put(k, Quantity.getAmountInBytes(v).stripTrailingZeros().toPlainString()));
        }
        return out;
    }

    private static TreeSet<String> volumes(PodSpec p) {
        return Optional.ofNullable(p.getVolumes()).orElse(List.of()).stream()
                .map(v -> v.getName() + "=" + volumeType(v)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String volumeType(Volume v) {
        return v.getEmptyDir() != null ? "emptyDir" : v.getConfigMap() != null ? "configMap" : v.getSecret() != null ? "secret"
                : v.getPersistentVolumeClaim() != null ? "pvc" : "other";
    }

    private static TreeSet<String> servicePorts(Service s) {
        return s.getSpec().getPorts().stream().map(GeneratedManifests::servicePort).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String servicePort(ServicePort p) {
        return p.getName() + "=" + p.getPort() + "->" + (p.getTargetPort() == null ? null : p.getTargetPort().getValue()) + "/" + p.getProtocol();
    }
}
