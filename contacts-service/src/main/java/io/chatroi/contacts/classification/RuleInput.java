package io.chatroi.contacts.classification;

public record RuleInput(String kind, String label, String phrase) {
}
