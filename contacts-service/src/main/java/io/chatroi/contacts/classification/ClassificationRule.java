package io.chatroi.contacts.classification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "classification_rules")
public class ClassificationRule extends PanacheEntityBase {

    @Id
    public UUID id;
    public String kind;
    public String label;
    public String phrase;
    public boolean system;
    @Column(name = "created_at")
    public Instant createdAt;
}
