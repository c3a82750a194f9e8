package io.chatroi.deploycheck;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deployment policy for each container of each workload: probes, resources, a hardened security context and a
 * pinned image. Each check returns its violations as readable sentences (empty: the manifests comply).
 */
public final class ContainerPolicy {

    private ContainerPolicy() {
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
        if (http != null && !Policy.isContainerPort(http.getPort(), c)) {
            violations.add(where + ": " + kind + " port " + Policy.portText(http.getPort()) + " is not a container port");
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
}
