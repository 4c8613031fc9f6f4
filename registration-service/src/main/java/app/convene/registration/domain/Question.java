package app.convene.registration.domain;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A question an event asks every registrant. */
@Entity
@Table(name = "question")
public class Question extends PanacheEntityBase {
    public enum Kind {
        /** Free text, up to 2,000 characters. */
        TEXT,
        /** One of the listed choices. */
        CHOICE,
        /** true or false. */
        YES_NO
    }

    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    /** The name answers are given under, e.g. {@code dietary}. */
    @Column(nullable = false)
    public String key;
    @Column(nullable = false)
    public String label;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    public boolean required;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> choices;
    public int position;
    /** When the question was retired (no longer asked; answers given stay); null while asked. */
    @Column(name = "retired_at")
    public java.time.Instant retiredAt;
}
