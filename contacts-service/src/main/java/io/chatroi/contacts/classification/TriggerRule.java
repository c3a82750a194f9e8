package io.chatroi.contacts.classification;

/** One trigger phrase: when a message contains {@code phrase}, it signals {@code label} of {@code kind}. */
public record TriggerRule(RuleKind kind, String label, String phrase) {
}
