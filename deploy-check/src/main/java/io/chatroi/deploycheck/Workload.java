package io.chatroi.deploycheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An object that runs pods (Deployment, StatefulSet, DaemonSet, Pod) and the pod it runs. */
public record Workload(HasMetadata owner, String namespace, Map<String, String> podLabels, PodSpec pod) {

    public static List<Workload> all(List<HasMetadata> objects) {
        List<Workload> workloads = new ArrayList<>();
        for (HasMetadata o : objects) {
            of(o).ifPresent(workloads::add);
        }
        return workloads;
    }

    public static Optional<Workload> of(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        if (o instanceof Deployment d && d.getSpec() != null && d.getSpec().getTemplate() != null) {
            return Optional.of(new Workload(o, ns, labels(d.getSpec().getTemplate().getMetadata()), d.getSpec().getTemplate().getSpec()));
        }
        if (o instanceof StatefulSet s && s.getSpec() != null && s.getSpec().getTemplate() != null) {
            return Optional.of(new Workload(o, ns, labels(s.getSpec().getTemplate().getMetadata()), s.getSpec().getTemplate().getSpec()));
        }
        if (o instanceof DaemonSet s && s.getSpec() != null && s.getSpec().getTemplate() != null) {
            return Optional.of(new Workload(o, ns, labels(s.getSpec().getTemplate().getMetadata()), s.getSpec().getTemplate().getSpec()));
        }
        if (o instanceof Pod p) {
            return Optional.of(new Workload(o, ns, labels(p.getMetadata()), p.getSpec()));
        }
        return Optional.empty();
    }

    private static Map<String, String> labels(io.fabric8.kubernetes.api.model.ObjectMeta meta) {
        return meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
    }

    public String name() {
        return owner.getMetadata().getName();
    }

    public String describe() {
        return Manifests.describe(owner);
    }

    /** Regular containers (those that serve). */
    public List<Container> containers() {
        return pod == null || pod.getContainers() == null ? List.of() : pod.getContainers();
    }

    /** Init containers and regular containers. */
    public List<Container> allContainers() {
        List<Container> all = new ArrayList<>();
        if (pod != null && pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        all.addAll(containers());
        return all;
    }
}
