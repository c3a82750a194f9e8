package io.chatroi.deploycheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deployment policy for what the manifests refer to: every namespace, service account, ConfigMap, Secret, volume,
 * claim, autoscaler target and disruption budget selector exists. Violations are readable sentences.
 */
public final class ReferencePolicy {

    private ReferencePolicy() {
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
