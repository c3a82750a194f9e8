package io.chatroi.contacts.tag;

import java.util.Set;
import java.util.regex.Pattern;

/** Naming rules for tags, and which tags are computed rather than assigned. */
public final class TagNames {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _:./-]{0,62}");
    /** Categories users may create tags in; activity and intent tags are computed from messages. */
    public static final Set<String> USER_CATEGORIES = Set.of("interest", "source", "custom");

    private TagNames() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Activity and intent tiers are derived from message times and texts, never assigned by hand. */
    public static boolean isComputed(String name) {
        return name.startsWith("activity:") || name.startsWith("intent:");
    }
}
