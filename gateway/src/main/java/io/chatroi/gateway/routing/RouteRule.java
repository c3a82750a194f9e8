package io.chatroi.gateway.routing;

import io.chatroi.gateway.auth.Role;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the route rules ({@code route-rules.txt}): a path pattern, where it goes ({@code route} empty when the
 * gateway answers itself), what an agent key sees there, and the methods each role may call.
 */
public record RouteRule(String pattern, Optional<Route> route, String scope, Map<Role, Set<String>> methods,
                        List<String> segments) {

    /** The pattern is split once here: every forwarded request tests it against every row, three times. */
    public RouteRule(String pattern, Optional<Route> route, String scope, Map<Role, Set<String>> methods) {
        this(pattern, route, scope, methods, List.of(pattern.substring(1).split("/")));
    }

    /** The agent scopes a row may name: see {@code route-rules.txt}. */
    static final Set<String> SCOPES = Set.of("-", "record", "owner", "owners");

    /** The query parameter that narrows the list at exactly this pattern to an agent's owner, if it is one. */
    public Optional<String> ownerParam() {
        return scope.startsWith("owner") ? Optional.of(scope) : Optional.empty();
    }

    public boolean allows(Role role, String method) {
        return methods.getOrDefault(role, Set.of()).contains(method);
    }

    /** Whether the pattern matches {@code path} itself or a path below it. */
    boolean matches(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        return matches(path.substring(1).split("/", -1));
    }

    /** The same for a path already split into its segments (after the leading slash). */
    boolean matches(String[] parts) {
        if (parts.length < segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.equals("*") ? parts[i].isEmpty() : !segment.equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this rule is more specific than {@code other} (both matching one path): at the first segment where
     * they differ a literal beats {@code *}; with none, the longer pattern wins.
     */
    boolean moreSpecificThan(RouteRule other) {
        List<String> mine = segments();
        List<String> theirs = other.segments();
        for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
            boolean myWildcard = mine.get(i).equals("*");
            if (myWildcard != theirs.get(i).equals("*")) {
                return !myWildcard;
            }
        }
        return mine.size() > theirs.size();
    }
}
