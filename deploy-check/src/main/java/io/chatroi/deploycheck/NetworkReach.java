package io.chatroi.deploycheck;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates NetworkPolicies the way the cluster does, for TCP connections inside one namespace: a connection from A to
 * B on a port is allowed when A's egress allows it (or no policy restricts A's egress) and B's ingress allows it (or no
 * policy restricts B's ingress). Endpoints outside the namespace are given by an IP address; pods are assumed to have
 * addresses in {@link #POD_IP} (private, as pod networks are).
 */
public final class NetworkReach {

    /** The address the evaluation gives every pod: inside 10.0.0.0/8, like cluster pod networks. */
    public static final String POD_IP = "10.244.1.17";

    private final List<NetworkPolicy> policies;

    public NetworkReach(List<HasMetadata> objects) {
        this.policies = Manifests.ofKind(objects, NetworkPolicy.class);
    }

    /** One end of a connection: a pod of the namespace (its labels and ports), or an address outside it. */
    public record Endpoint(String namespace, Map<String, String> labels, List<ContainerPort> ports, String ip) {
        public static Endpoint pod(Workload w) {
            List<ContainerPort> ports = w.containers().stream().flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()).toList();
            return new Endpoint(w.namespace(), w.podLabels(), ports, POD_IP);
        }

        public static Endpoint outside(String ip) {
            return new Endpoint(null, Map.of(), List.of(), ip);
        }

        boolean isPod() {
            return namespace != null;
        }
    }

    public boolean allows(Endpoint from, Endpoint to, int port) {
        return egressAllows(from, to, port) && ingressAllows(from, to, port);
    }

    private boolean egressAllows(Endpoint from, Endpoint to, int port) {
        if (!from.isPod()) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to, from.namespace()) && portsMatch(rule.getPorts(), to, port));
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, int port) {
        if (!to.isPod()) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from, to.namespace()) && portsMatch(rule.getPorts(), to, port));
    }

    private List<NetworkPolicy> selecting(Endpoint pod, String type) {
        return policies.stream()
                .filter(p -> Objects.equals(p.getMetadata().getNamespace(), pod.namespace())
                        && Selectors.matches(p.getSpec().getPodSelector(), pod.labels())
                        && policyTypes(p).contains(type))
                .toList();
    }

    /** The policy's types, with the API's default when policyTypes is absent. */
    static List<String> policyTypes(NetworkPolicy p) {
        if (p.getSpec().getPolicyTypes() != null && !p.getSpec().getPolicyTypes().isEmpty()) {
            return p.getSpec().getPolicyTypes();
        }
        return p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty() ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint other, String policyNamespace) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                if (inBlock(other.ip(), peer.getIpBlock())) {
                    return true;
                }
                continue;
            }
            if (!other.isPod()) {
                continue;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? Objects.equals(other.namespace(), policyNamespace)
                    // only an empty namespaceSelector (every namespace) can be evaluated without namespace labels
                    : isEmpty(peer.getNamespaceSelector());
            boolean podOk = peer.getPodSelector() == null || Selectors.matches(peer.getPodSelector(), other.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmpty(io.fabric8.kubernetes.api.model.LabelSelector s) {
        return (s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
                && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty());
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint to, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            if (p.getProtocol() != null && !p.getProtocol().equals("TCP")) {
                continue;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                int first = value.getIntVal();
                int last = p.getEndPort() != null ? p.getEndPort() : first;
                if (port >= first && port <= last) {
                    return true;
                }
            } else if (to.ports().stream().anyMatch(cp -> value.getStrVal().equals(cp.getName()) && cp.getContainerPort() == port)) {
                return true;
            }
        }
        return false;
    }

    static boolean inBlock(String ip, IPBlock block) {
        if (!inCidr(ip, block.getCidr())) {
            return false;
        }
        return Optional.ofNullable(block.getExcept()).orElse(List.of()).stream().noneMatch(e -> inCidr(ip, e));
    }

    static boolean inCidr(String ip, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            int total = network.length * 8;
            BigInteger mask = bits == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(total - bits);
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("bad address or CIDR: " + ip + " / " + cidr, e);
        }
    }
}
