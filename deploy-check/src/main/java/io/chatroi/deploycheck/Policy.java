package io.chatroi.deploycheck;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Deployment policy for rendered manifests. Each check returns its violations as readable sentences (empty: the
 * manifests comply), so a test can show every problem at once and a negative test can assert the one it planted.
 */
public final class Policy {

    private Policy() {
    }

    /** Every serving container has liveness, readiness and startup probes; HTTP probes target a declared port. */
    public static List<String> probes(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (Workload w : Workload.all(objects)) {
            for (Container c : w.containers()) {
                String where = w.describe() + " container " + c.getName();
                probe(where, "livenessProbe", c.getLivenessProbe(), c, violations);
                probe(where, "readinessProbe", c.getReadinessProbe(), c, violations);
                probe(where, "startupProbe", c.getStartupProbe(), c, violations);
            }
        }
        return violations;
    }

    private static void probe(String where, String kind, Probe probe, Container c, List<String> violations) {
        if (probe == null) {
            violations.add(where + ": no " + kind);
            return;
        }
        HTTPGetAction http = probe.getHttpGet();
        if (http != null && !isContainerPort(http.getPort(), c)) {
            violations.add(where + ": " + kind + " port " + portText(http.getPort()) + " is not a container port");
        }
        if (http == null && probe.getExec() == null && probe.getTcpSocket() == null && probe.getGrpc() == null) {
            violations.add(where + ": " + kind + " has no action");
        }
    }

    /** Every container (init containers too) requests and is limited in CPU and memory, requests within limits. */
    public static List<String> resources(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (Workload w : Workload.all(objects)) {
            for (Container c : w.allContainers()) {
                String where = w.describe() + " container " + c.getName();
                ResourceRequirements r = c.getResources();
                Map<String, Quantity> requests = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
                Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = requests.get(resource);
                    Quantity limit = limits.get(resource);
                    if (request == null) {
                        violations.add(where + ": no " + resource + " request");
                    }
                    if (limit == null) {
                        violations.add(where + ": no " + resource + " limit");
                    }
                    if (request != null && limit != null
                            && Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
                        violations.add(where + ": " + resource + " request " + request + " above its limit " + limit);
                    }
                }
            }
        }
        return violations;
    }

    /**
     * Every container: runs as non-root, read-only root filesystem with a writable emptyDir on /tmp, no privilege
     * escalation, not privileged, all capabilities dropped and none added, seccomp RuntimeDefault (or Localhost).
     */
    public static List<String> securityContext(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (Workload w : Workload.all(objects)) {
            PodSecurityContext pod = w.pod().getSecurityContext();
            for (Container c : w.allContainers()) {
                String where = w.describe() + " container " + c.getName();
                SecurityContext sc = c.getSecurityContext();
                Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : pod == null ? null : pod.getRunAsNonRoot();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    violations.add(where + ": runAsNonRoot is not true");
                }
                Long uid = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
                if (uid != null && uid == 0) {
                    violations.add(where + ": runAsUser is 0 (root)");
                }
                if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    violations.add(where + ": readOnlyRootFilesystem is not true");
                } else if (!mountsEmptyDirOnTmp(w, c)) {
                    violations.add(where + ": read-only root filesystem without an emptyDir mounted on /tmp");
                }
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    violations.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
                    violations.add(where + ": privileged");
                }
                Capabilities caps = sc == null ? null : sc.getCapabilities();
                if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
                    violations.add(where + ": capabilities do not drop ALL");
                }
                if (caps != null && caps.getAdd() != null && !caps.getAdd().isEmpty()) {
                    violations.add(where + ": adds capabilities " + caps.getAdd());
                }
                SeccompProfile seccomp = sc != null && sc.getSeccompProfile() != null ? sc.getSeccompProfile()
                        : pod == null ? null : pod.getSeccompProfile();
                if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
                    violations.add(where + ": seccompProfile is not RuntimeDefault");
                }
            }
        }
        return violations;
    }

    private static boolean mountsEmptyDirOnTmp(Workload w, Container c) {
        if (c.getVolumeMounts() == null || w.pod().getVolumes() == null) {
            return false;
        }
        Set<String> emptyDirs = w.pod().getVolumes().stream().filter(v -> v.getEmptyDir() != null).map(Volume::getName)
                .collect(Collectors.toSet());
        return c.getVolumeMounts().stream().anyMatch(m -> "/tmp".equals(m.getMountPath()) && emptyDirs.contains(m.getName())
                && !Boolean.TRUE.equals(m.getReadOnly()));
    }

    /** Every image names a tag (not latest) or a digest. */
    public static List<String> images(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (Workload w : Workload.all(objects)) {
            for (Container c : w.allContainers()) {
                String image = c.getImage();
                String where = w.describe() + " container " + c.getName();
                if (image == null || image.isBlank()) {
                    violations.add(where + ": no image");
                    continue;
                }
                if (image.contains("@sha256:")) {
                    continue;
                }
                String last = image.substring(image.lastIndexOf('/') + 1);
                int colon = last.indexOf(':');
                if (colon < 0) {
                    violations.add(where + ": image " + image + " has no tag");
                } else if (last.substring(colon + 1).equals("latest")) {
                    violations.add(where + ": image " + image + " uses the latest tag");
                }
            }
        }
        return violations;
    }

    /** Every Service selects at least one pod template of its namespace, and every targetPort is a port of those pods. */
    public static List<String> services(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        List<Workload> workloads = Workload.all(objects);
        for (Service s : Manifests.ofKind(objects, Service.class)) {
            String where = Manifests.describe(s);
            Map<String, String> selector = s.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                violations.add(where + ": no selector");
                continue;
            }
            List<Workload> selected = workloads.stream()
                    .filter(w -> Objects.equals(w.namespace(), s.getMetadata().getNamespace()) && Selectors.matches(selector, w.podLabels()))
                    .toList();
            if (selected.isEmpty()) {
                violations.add(where + ": selector " + selector + " matches no pod template");
                continue;
            }
            for (ServicePort port : s.getSpec().getPorts() == null ? List.<ServicePort>of() : s.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                for (Workload w : selected) {
                    if (w.containers().stream().noneMatch(c -> isContainerPort(target, c))) {
                        violations.add(where + ": targetPort " + portText(target) + " is not a container port of " + w.describe());
                    }
                }
            }
        }
        return violations;
    }

    /**
     * Every reference resolves: namespaces, service accounts, ConfigMaps (and keys), Secrets (and keys: rendered, or
     * documented in README.md because Secrets are not committed), volumes and claims, autoscaler targets,
     * disruption budget selectors.
     */
    public static List<String> references(List<HasMetadata> objects, Map<String, Set<String>> documentedSecrets) {
        List<String> violations = new ArrayList<>();
        Set<String> namespaces = names(objects, Namespace.class);
        for (HasMetadata o : objects) {
            String ns = o.getMetadata().getNamespace();
            if (!(o instanceof Namespace) && (ns == null || !namespaces.contains(ns))) {
                violations.add(Manifests.describe(o) + ": namespace " + ns + " is not among the manifests");
            }
        }
        Set<String> serviceAccounts = names(objects, ServiceAccount.class);
        Map<String, Set<String>> configMaps = Manifests.ofKind(objects, ConfigMap.class).stream().collect(Collectors.toMap(
                m -> m.getMetadata().getName(), m -> keys(m.getData(), m.getBinaryData())));
        Map<String, Set<String>> secrets = new java.util.HashMap<>(documentedSecrets);
        Manifests.ofKind(objects, Secret.class).forEach(s -> secrets.put(s.getMetadata().getName(), keys(s.getData(), s.getStringData())));
        Set<String> claims = names(objects, PersistentVolumeClaim.class);

        for (Workload w : Workload.all(objects)) {
            String where = w.describe();
            String sa = w.pod().getServiceAccountName();
            if (sa == null) {
                violations.add(where + ": no serviceAccountName (would run as 'default')");
            } else if (!serviceAccounts.contains(sa)) {
                violations.add(where + ": ServiceAccount " + sa + " does not exist");
            }
            for (LocalObjectReference pull : Optional.ofNullable(w.pod().getImagePullSecrets()).orElse(List.of())) {
                need(secrets, "Secret", pull.getName(), null, false, where + " imagePullSecrets", violations);
            }
            Set<String> volumes = new HashSet<>();
            for (Volume v : Optional.ofNullable(w.pod().getVolumes()).orElse(List.of())) {
                volumes.add(v.getName());
                String vw = where + " volume " + v.getName();
                if (v.getConfigMap() != null) {
                    boolean optional = Boolean.TRUE.equals(v.getConfigMap().getOptional());
                    need(configMaps, "ConfigMap", v.getConfigMap().getName(), null, optional, vw, violations);
                    Optional.ofNullable(v.getConfigMap().getItems()).orElse(List.of())
                            .forEach(i -> need(configMaps, "ConfigMap", v.getConfigMap().getName(), i.getKey(), optional, vw, violations));
                }
                if (v.getSecret() != null) {
                    boolean optional = Boolean.TRUE.equals(v.getSecret().getOptional());
                    need(secrets, "Secret", v.getSecret().getSecretName(), null, optional, vw, violations);
                    Optional.ofNullable(v.getSecret().getItems()).orElse(List.of())
                            .forEach(i -> need(secrets, "Secret", v.getSecret().getSecretName(), i.getKey(), optional, vw, violations));
                }
                if (v.getPersistentVolumeClaim() != null && !claims.contains(v.getPersistentVolumeClaim().getClaimName())) {
                    violations.add(vw + ": PersistentVolumeClaim " + v.getPersistentVolumeClaim().getClaimName() + " does not exist");
                }
            }
            if (w.owner() instanceof StatefulSet set && set.getSpec().getVolumeClaimTemplates() != null) {
                set.getSpec().getVolumeClaimTemplates().forEach(t -> volumes.add(t.getMetadata().getName()));
            }
            for (Container c : w.allContainers()) {
                String cw = where + " container " + c.getName();
                for (VolumeMount m : Optional.ofNullable(c.getVolumeMounts()).orElse(List.of())) {
                    if (!volumes.contains(m.getName())) {
                        violations.add(cw + ": mounts volume " + m.getName() + ", which the pod does not declare");
                    }
                }
                for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (e.getValueFrom() == null) {
                        continue;
                    }
                    String ew = cw + " env " + e.getName();
                    var cm = e.getValueFrom().getConfigMapKeyRef();
                    if (cm != null) {
                        need(configMaps, "ConfigMap", cm.getName(), cm.getKey(), Boolean.TRUE.equals(cm.getOptional()), ew, violations);
                    }
                    var sk = e.getValueFrom().getSecretKeyRef();
                    if (sk != null) {
                        need(secrets, "Secret", sk.getName(), sk.getKey(), Boolean.TRUE.equals(sk.getOptional()), ew, violations);
                    }
                }
                for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (from.getConfigMapRef() != null) {
                        need(configMaps, "ConfigMap", from.getConfigMapRef().getName(), null,
                                Boolean.TRUE.equals(from.getConfigMapRef().getOptional()), cw + " envFrom", violations);
                    }
                    if (from.getSecretRef() != null) {
                        need(secrets, "Secret", from.getSecretRef().getName(), null,
                                Boolean.TRUE.equals(from.getSecretRef().getOptional()), cw + " envFrom", violations);
                    }
                }
            }
        }
        for (Ingress ingress : Manifests.ofKind(objects, Ingress.class)) {
            for (IngressTLS tls : Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of())) {
                if (tls.getSecretName() != null) {
                    need(secrets, "Secret", tls.getSecretName(), "tls.crt", false, Manifests.describe(ingress) + " tls", violations);
                    need(secrets, "Secret", tls.getSecretName(), "tls.key", false, Manifests.describe(ingress) + " tls", violations);
                }
            }
        }
        List<Workload> workloads = Workload.all(objects);
        for (HorizontalPodAutoscaler hpa : Manifests.ofKind(objects, HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            boolean found = workloads.stream().anyMatch(w -> w.owner().getKind().equals(target.getKind())
                    && w.name().equals(target.getName()) && Objects.equals(w.namespace(), hpa.getMetadata().getNamespace()));
            if (!found) {
                violations.add(Manifests.describe(hpa) + ": scales " + target.getKind() + " " + target.getName() + ", which does not exist");
            }
        }
        for (PodDisruptionBudget pdb : Manifests.ofKind(objects, PodDisruptionBudget.class)) {
            boolean found = workloads.stream().anyMatch(w -> Objects.equals(w.namespace(), pdb.getMetadata().getNamespace())
                    && Selectors.matches(pdb.getSpec().getSelector(), w.podLabels()));
            if (!found) {
                violations.add(Manifests.describe(pdb) + ": selector matches no pod template");
            }
        }
        return violations;
    }

    private static void need(Map<String, Set<String>> existing, String kind, String name, String key, boolean optional,
                             String where, List<String> violations) {
        if (optional) {
            return;
        }
        Set<String> keys = existing.get(name);
        if (keys == null) {
            violations.add(where + ": " + kind + " " + name + " does not exist"
                    + (kind.equals("Secret") ? " (nor is it documented in README.md)" : ""));
        } else if (key != null && !keys.contains(key)) {
            violations.add(where + ": " + kind + " " + name + " has no key " + key
                    + (kind.equals("Secret") ? " (in the manifests or README.md)" : ""));
        }
    }

    /** Every pod template is selected by a NetworkPolicy restricting its ingress and by one restricting its egress. */
    public static List<String> networkPolicies(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        List<NetworkPolicy> policies = Manifests.ofKind(objects, NetworkPolicy.class);
        for (Workload w : Workload.all(objects)) {
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(p -> Objects.equals(p.getMetadata().getNamespace(), w.namespace())
                            && Selectors.matches(p.getSpec().getPodSelector(), w.podLabels()))
                    .toList();
            if (selecting.stream().noneMatch(p -> NetworkReach.policyTypes(p).contains("Ingress"))) {
                violations.add(w.describe() + ": no NetworkPolicy restricts its ingress");
            }
            if (selecting.stream().noneMatch(p -> NetworkReach.policyTypes(p).contains("Egress"))) {
                violations.add(w.describe() + ": no NetworkPolicy restricts its egress");
            }
        }
        return violations;
    }

    /** Every Ingress backend is the given Service, on one of its ports. */
    public static List<String> ingressOnlyTo(List<HasMetadata> objects, String serviceName) {
        List<String> violations = new ArrayList<>();
        Map<String, Service> services = Manifests.ofKind(objects, Service.class).stream()
                .collect(Collectors.toMap(s -> s.getMetadata().getNamespace() + "/" + s.getMetadata().getName(), Function.identity()));
        for (Ingress ingress : Manifests.ofKind(objects, Ingress.class)) {
            List<IngressBackend> backends = new ArrayList<>();
            if (ingress.getSpec().getDefaultBackend() != null) {
                backends.add(ingress.getSpec().getDefaultBackend());
            }
            for (IngressRule rule : Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
                if (rule.getHttp() != null) {
                    rule.getHttp().getPaths().stream().map(HTTPIngressPath::getBackend).forEach(backends::add);
                }
            }
            String where = Manifests.describe(ingress);
            if (backends.isEmpty()) {
                violations.add(where + ": no backend");
            }
            for (IngressBackend b : backends) {
                if (b.getService() == null) {
                    violations.add(where + ": a backend that is not a Service (" + b.getResource() + ")");
                    continue;
                }
                String name = b.getService().getName();
                if (!serviceName.equals(name)) {
                    violations.add(where + ": routes to Service " + name + "; only " + serviceName + " may be reached from outside");
                    continue;
                }
                Service service = services.get(ingress.getMetadata().getNamespace() + "/" + name);
                if (service == null) {
                    violations.add(where + ": Service " + name + " does not exist");
                    continue;
                }
                var port = b.getService().getPort();
                boolean portExists = port != null && service.getSpec().getPorts().stream().anyMatch(p ->
                        port.getName() != null ? port.getName().equals(p.getName()) : Objects.equals(port.getNumber(), p.getPort()));
                if (!portExists) {
                    violations.add(where + ": Service " + name + " has no port " + (port == null ? null : port.getName() != null ? port.getName() : port.getNumber()));
                }
            }
        }
        return violations;
    }

    /** All checks at once; {@code documentedSecrets} from {@link SecretDocs}. */
    public static List<String> all(List<HasMetadata> objects, Map<String, Set<String>> documentedSecrets) {
        List<String> violations = new ArrayList<>();
        violations.addAll(probes(objects));
        violations.addAll(resources(objects));
        violations.addAll(securityContext(objects));
        violations.addAll(images(objects));
        violations.addAll(services(objects));
        violations.addAll(references(objects, documentedSecrets));
        violations.addAll(networkPolicies(objects));
        violations.addAll(ingressOnlyTo(objects, "gateway"));
        return violations;
    }

    static boolean isContainerPort(IntOrString port, Container c) {
        if (port == null || c.getPorts() == null) {
            return false;
        }
        for (ContainerPort p : c.getPorts()) {
            if (port.getIntVal() != null ? port.getIntVal().equals(p.getContainerPort()) : port.getStrVal().equals(p.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String portText(IntOrString port) {
        return port == null ? "null" : port.getIntVal() != null ? String.valueOf(port.getIntVal()) : port.getStrVal();
    }

    private static <T extends HasMetadata> Set<String> names(List<HasMetadata> objects, Class<T> type) {
        return Manifests.ofKind(objects, type).stream().map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
    }

    private static Set<String> keys(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new HashSet<>();
        if (a != null) {
            keys.addAll(a.keySet());
        }
        if (b != null) {
            keys.addAll(b.keySet());
        }
        return keys;
    }
}
