package io.chatroi.deploycheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
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
 * This class checks the Services, the NetworkPolicy coverage and the Ingress, and runs every check ({@link #all}); the
 * containers' own rules are in {@link ContainerPolicy}, the references between objects in {@link ReferencePolicy}.
 */
public final class Policy {

    private Policy() {
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
        violations.addAll(ContainerPolicy.probes(objects));
        violations.addAll(ContainerPolicy.resources(objects));
        violations.addAll(ContainerPolicy.securityContext(objects));
        violations.addAll(ContainerPolicy.images(objects));
        violations.addAll(services(objects));
        violations.addAll(ReferencePolicy.references(objects, documentedSecrets));
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

    static String portText(IntOrString port) {
        return port == null ? "null" : port.getIntVal() != null ? String.valueOf(port.getIntVal()) : port.getStrVal();
    }
}
