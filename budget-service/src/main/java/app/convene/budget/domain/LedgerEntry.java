package app.convene.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One monetary change, append-only: Hibernate never updates it and a database trigger refuses updates and deletes.
 * {@code amount} is the change in the line's currency, {@code budgetAmount} the change in the budget's currency.
 */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "entry_id", nullable = false, updatable = false)
    public UUID entryId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "line_id", nullable = false)
    public UUID lineId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LedgerKind kind;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Column(nullable = false)
    public BigDecimal rate;
    @Column(name = "budget_amount", nullable = false)
    public BigDecimal budgetAmount;
    @Column(name = "budget_currency", nullable = false, columnDefinition = "char(3)")
    public String budgetCurrency;
    @Column(name = "gl_account", nullable = false)
    public String glAccount;
    @Column(name = "cost_centre")
    public String costCentre;
    @Column(name = "po_number")
    public String poNumber;
    public String vendor;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(nullable = false)
    public String description;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
