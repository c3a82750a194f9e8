package io.chatroi.contacts.preference;

import java.util.List;

/** A contact's communication preferences (docs/tiers.md, seed 002). Null fields mean "not recorded". */
public record Preferences(String format, List<ContactWindow> windows, Integer maxMessagesPerWeek, boolean passive) {

    public static final Preferences NONE = new Preferences(null, List.of(), null, false);
}
