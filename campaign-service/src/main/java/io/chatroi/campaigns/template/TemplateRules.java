package io.chatroi.campaigns.template;

import io.chatroi.common.problem.Validator;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WhatsApp template rules: lower-case names, a language code such as en_US, a category, a body up to 1,024
 * characters whose placeholders are either positional ({{1}}, {{2}}... without gaps) or named ({{first_name}}),
 * never both, and at most 10 buttons (quick replies and http(s) URLs).
 */
public final class TemplateRules {

    public static final Set<String> CATEGORIES = Set.of("marketing", "utility", "authentication", "service");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    static final int MAX_BODY = 1024;
    static final int MAX_BUTTONS = 10;

    private TemplateRules() {
    }

    /** Validates the template and returns its placeholders in order of first use. */
    public static List<String> validate(TemplateInput input, Validator errors) {
        errors.require(input.name() != null && NAME.matcher(input.name()).matches(), "name",
                "must be lower-case letters, digits and underscores, as WhatsApp requires");
        errors.require(input.language() != null && LANGUAGE.matcher(input.language()).matches(), "language",
                "must be a WhatsApp language code such as en_US, zh_CN or de");
        errors.require(input.category() != null && CATEGORIES.contains(input.category()), "category",
                "must be marketing, utility, authentication or service");
        List<String> parameters = new ArrayList<>();
        if (input.body() == null || input.body().isBlank()) {
            errors.add("body", "is required");
        } else if (input.body().length() > MAX_BODY) {
            errors.add("body", "must be at most " + MAX_BODY + " characters");
        } else {
            parameters = placeholders(input.body(), errors);
        }
        List<TemplateButton> buttons = input.buttons() == null ? List.of() : input.buttons();
        errors.require(buttons.size() <= MAX_BUTTONS, "buttons", "at most " + MAX_BUTTONS + " buttons");
        for (int i = 0; i < buttons.size(); i++) {
            TemplateButton button = buttons.get(i);
            String field = "buttons[" + i + "]";
            if (button == null) {
                errors.add(field, "is null");
                continue;
            }
            errors.require(button.text() != null && !button.text().isBlank() && button.text().length() <= 25,
                    field + ".text", "is required, at most 25 characters");
            if ("url".equals(button.type())) {
                errors.require(isHttpUrl(button.url()), field + ".url", "must be an http or https URL");
            } else if (!"quick_reply".equals(button.type())) {
                errors.add(field + ".type", "must be quick_reply or url");
            }
        }
        return parameters;
    }

    private static List<String> placeholders(String body, Validator errors) {
        Set<String> seen = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            seen.add(matcher.group(1));
        }
        List<String> names = new ArrayList<>(seen);
        boolean positional = names.stream().allMatch(n -> n.matches("\\d+"));
        boolean named = names.stream().noneMatch(n -> n.matches("\\d+"));
        if (!positional && !named) {
            errors.add("body", "placeholders must be all positional ({{1}}) or all named ({{first_name}})");
        } else if (positional) {
            List<Integer> numbers = names.stream().map(Integer::parseInt).sorted().toList();
            for (int i = 0; i < numbers.size(); i++) {
                if (numbers.get(i) != i + 1) {
                    errors.add("body", "positional placeholders must run {{1}}, {{2}}... without gaps");
                    break;
                }
            }
            names = numbers.stream().map(String::valueOf).toList();
        }
        return names;
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
