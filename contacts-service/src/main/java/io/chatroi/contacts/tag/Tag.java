package io.chatroi.contacts.tag;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "tags")
public class Tag extends PanacheEntityBase {

    @Id
    public String name;
    public String colour;
    public String category;
    public String description;
    public boolean system;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
