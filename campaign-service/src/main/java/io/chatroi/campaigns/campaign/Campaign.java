package io.chatroi.campaigns.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "campaigns")
public class Campaign extends PanacheEntityBase {

    /**
     * One A/B variant: its key (A, B...), the template it sends, its share of the audience and the values of the
     * template's body placeholders, in order.
     */
    public record Variant(String key, UUID templateId, int weight, List<String> parameters) {

        public List<String> parameters() {
            return parameters == null ? List.of() : parameters;
        }
    }

    @Id
    public UUID id;
    public String name;
    public String owner;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> audience;
    /** The variants and the holdout share, stored as one JSON object. */
    public record Split(List<Variant> variants, int holdoutWeight) {
    }

    @JdbcTypeCode(SqlTypes.JSON)
    public Split split;
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    public String goal;
    @Column(name = "attribution_days")
    public int attributionDays;
    @Column(name = "respect_quiet_hours")
    public boolean respectQuietHours;
    @Column(name = "frequency_cap")
    public boolean frequencyCap;
    @Column(name = "cap_action")
    public String capAction;
    @Column(name = "respect_opt_out")
    public boolean respectOptOut;
    public String status;
    @Column(name = "audience_cursor")
    public String audienceCursor;
    @Column(name = "audience_resolved")
    public boolean audienceResolved;
    @Column(name = "launched_at")
    public Instant launchedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    /** Why the product paused the campaign (its template was paused or disabled at Meta); null otherwise. */
    @Column(name = "paused_reason")
    public String pausedReason;
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
