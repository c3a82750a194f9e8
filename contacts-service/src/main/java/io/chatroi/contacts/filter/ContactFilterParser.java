package io.chatroi.contacts.filter;

import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.contact.ContactStage;
import io.chatroi.contacts.contact.Countries;
import io.chatroi.contacts.contact.Source;
import io.chatroi.contacts.tier.ActivityTier;
import io.chatroi.contacts.tier.IntentTier;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a {@link ContactFilter} from query parameters or from a segment's JSON filter, both seen as
 * field -> values, and reports every bad field at once. Unknown fields are errors, not silently ignored:
 * a misspelt filter that matched everyone would reach the wrong audience.
 */
public final class ContactFilterParser {

    private ContactFilterParser() {
    }

    /** From a segment's JSON object: scalars and arrays are both accepted. */
    public static ContactFilter fromJson(Map<String, Object> json, String prefix) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        Validator errors = new Validator();
        if (json != null) {
            json.forEach((key, value) -> {
                if (value == null) {
                    return;
                }
                if (value instanceof Collection<?> list) {
                    List<String> strings = new ArrayList<>();
                    list.forEach(item -> strings.add(String.valueOf(item)));
                    values.put(key, strings);
                } else if (value instanceof Map<?, ?>) {
                    errors.add(prefix + key, "must be a string, boolean or array");
                } else {
                    values.put(key, List.of(String.valueOf(value)));
                }
            });
        }
        return parse(values, prefix, errors);
    }

    /** From query parameters; {@code ignored} lists parameters that are not filter fields (limit, after...). */
    public static ContactFilter fromQuery(Map<String, List<String>> params, Collection<String> ignored) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>(params);
        ignored.forEach(values::remove);
        return parse(values, "", new Validator());
    }

    private static ContactFilter parse(Map<String, List<String>> values, String prefix, Validator errors) {
        for (String key : values.keySet()) {
            if (!ContactFilter.FIELDS.contains(key)) {
                errors.add(prefix + key, "is not a filter field; known fields: " + String.join(", ", ContactFilter.FIELDS));
            }
        }
        Reader reader = new Reader(values, prefix, errors);
        ContactFilter filter = new ContactFilter(
                reader.list("tagsAll", null, null), reader.list("tagsAny", null, null),
                reader.list("tagsNone", null, null),
                reader.list("stages", v -> ContactStage.fromWire(v) != null, "is not a stage"),
                reader.list("owners", null, null),
                reader.list("sources", v -> Source.fromWire(v) != null, "is not one of: " + Source.ALLOWED),
                reader.upperList("countries", Countries::isIsoAlpha2, "is not an ISO 3166 alpha-2 country code"),
                reader.list("activity", v -> ActivityTier.fromWire(v) != null, "is not one of high, medium, low, dormant"),
                reader.list("intent", IntentTier::isFilterValue, "is not one of high, medium, potential, none, unknown"),
                reader.bool("optedOut"), reader.text("q"),
                reader.instant("createdAfter"), reader.instant("createdBefore"),
                reader.instant("lastInboundAfter"), reader.instant("lastInboundBefore"),
                reader.instant("updatedAfter"),
                reader.list("behaviour", v -> Behaviour.fromWire(v) != null,
                        "is not one of active_buyers, dormant_customers, high_potential, new_subscribers"),
                reader.upperList("customerClass", CustomerClass::isFilterValue, "is not one of A, B, C, none"));
        errors.throwIfInvalid();
        return filter;
    }

    private record Reader(Map<String, List<String>> values, String prefix, Validator errors) {

        List<String> list(String field, Predicate<String> valid, String message) {
            List<String> raw = values.getOrDefault(field, List.of());
            List<String> out = new ArrayList<>();
            for (String value : raw) {
                for (String part : value.split(",")) {
                    String trimmed = part.trim();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (valid != null && !valid.test(trimmed)) {
                        errors.add(prefix + field, "'" + trimmed + "' " + message);
                    }
                    out.add(trimmed);
                }
            }
            return List.copyOf(out);
        }

        List<String> upperList(String field, Predicate<String> valid, String message) {
            return list(field, v -> valid.test(v.toUpperCase()), message).stream().map(String::toUpperCase).toList();
        }

        String single(String field) {
            List<String> raw = values.getOrDefault(field, List.of());
            if (raw.size() > 1) {
                errors.add(prefix + field, "takes one value");
            }
            return raw.isEmpty() || raw.get(0).isBlank() ? null : raw.get(0).trim();
        }

        String text(String field) {
            return single(field);
        }

        Boolean bool(String field) {
            String value = single(field);
            if (value == null) {
                return null;
            }
            if (!value.equals("true") && !value.equals("false")) {
                errors.add(prefix + field, "must be true or false");
                return null;
            }
            return Boolean.valueOf(value);
        }

        Instant instant(String field) {
            String value = single(field);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                errors.add(prefix + field, "must be an ISO-8601 UTC instant such as 2026-11-22T10:00:00Z");
                return null;
            }
        }
    }
}
