package io.chatroi.campaigns.template;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "templates")
public class Template extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String language;
    public String category;
    public String body;
    @JdbcTypeCode(SqlTypes.JSON)
    public TemplateContent content;
    /** Meta's last reported status (APPROVED, REJECTED, PAUSED, DISABLED...), null until Meta reports one. */
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "status_at")
    public Instant statusAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
