package io.chatroi.gateway.routing;

import io.chatroi.gateway.auth.Role;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The route rules, read once from {@code route-rules.txt} (the table and how to read it are in that file): routing,
 * permissions and agent narrowing all ask this one table.
 */
public final class RouteRules {

    public static final String RESOURCE = "/route-rules.txt";

    private static final List<String> COLUMNS = List.of("path", "service", "route", "access", "scope");
    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> WRITE = Set.of("GET", "HEAD", "POST", "PUT", "PATCH");
    private static final Set<String> ALL = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    private static final List<RouteRule> RULES = load();
    /** The rules whose third segment is a literal, by it (the resource after /api/v1), and all the others. */
    private static final Map<String, List<RouteRule>> BY_RESOURCE = RULES.stream()
            .filter(RouteRules::indexed).collect(Collectors.groupingBy(rule -> rule.segments().get(2)));
    private static final List<RouteRule> UNINDEXED = RULES.stream().filter(rule -> !indexed(rule)).toList();

    private RouteRules() {
    }

    public static List<RouteRule> all() {
        return RULES;
    }

    /** The most specific rule matching {@code path} (normalised, without query), if any does. */
    public static Optional<RouteRule> match(String path) {
        if (path == null || !path.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = path.substring(1).split("/", -1);
        // every request looks its path up: only the rows that can match it (same resource segment, or none) are tried
        RouteRule best = best(UNINDEXED, parts, null);
        if (parts.length > 2) {
            best = best(BY_RESOURCE.getOrDefault(parts[2], List.of()), parts, best);
        }
        return Optional.ofNullable(best);
    }

    private static RouteRule best(List<RouteRule> rules, String[] parts, RouteRule best) {
        for (RouteRule rule : rules) {
            if (rule.matches(parts) && (best == null || rule.moreSpecificThan(best))) {
                best = rule;
            }
        }
        return best;
    }

    private static boolean indexed(RouteRule rule) {
        return rule.segments().size() > 2 && !rule.segments().get(2).equals("*");
    }

    private static List<RouteRule> load() {
        try (InputStream in = RouteRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the gateway's classpath");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            List<String> header = List.of(lines.get(0).split("\\s+"));
            List<Role> roles = header.subList(COLUMNS.size(), header.size()).stream()
                    .map(name -> Role.parse(name).orElseThrow(() -> new IllegalStateException("no role " + name)))
                    .toList();
            if (!header.subList(0, COLUMNS.size()).equals(COLUMNS) || !Set.copyOf(roles).equals(Set.of(Role.values()))) {
                throw new IllegalStateException("the header names " + COLUMNS + " and then every role: " + header);
            }
            Map<String, Route> routes = new LinkedHashMap<>();
            List<RouteRule> rules = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rules.add(parse(line, roles, routes));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RouteRule parse(String line, List<Role> roles, Map<String, Route> routes) {
        String[] cells = line.split("\\s+");
        if (cells.length != COLUMNS.size() + roles.size()) {
            throw new IllegalStateException("route rule needs " + (COLUMNS.size() + roles.size()) + " columns: " + line);
        }
        String pattern = cells[0];
        String service = cells[1];
        String name = cells[2];
        boolean keyRequired = switch (cells[3]) {
            case "key" -> true;
            case "public" -> false;
            default -> throw new IllegalStateException("access is key or public: " + line);
        };
        String scope = cells[4];
        if (!RouteRule.SCOPES.contains(scope) || (scope.startsWith("owner") && pattern.contains("*"))) {
            throw new IllegalStateException("scope is -, record, owner or owners (on a path without *): " + line);
        }
        Optional<Route> route = service.equals("gateway") ? Optional.empty()
                : Optional.of(routes.computeIfAbsent(name, n -> new Route(n, Upstream.named(service), keyRequired)));
        if (route.isPresent() && (route.get().upstream() != Upstream.named(service)
                || route.get().keyRequired() != keyRequired)) {
            throw new IllegalStateException("route " + name + " goes to one service, with or without a key: " + line);
        }
        Map<Role, Set<String>> methods = new EnumMap<>(Role.class);
        for (int i = 0; i < roles.size(); i++) {
            methods.put(roles.get(i), methods(cells[COLUMNS.size() + i]));
        }
        return new RouteRule(pattern, route, scope, methods);
    }

    private static Set<String> methods(String cell) {
        return switch (cell) {
            case "-" -> Set.of();
            case "read" -> READ;
            case "write" -> WRITE;
            case "all" -> ALL;
            default -> {
                Set<String> listed = Set.copyOf(Arrays.asList(cell.split(",")));
                if (!ALL.containsAll(listed)) {
                    throw new IllegalStateException("unknown method in " + cell);
                }
                yield listed;
            }
        };
    }
}
