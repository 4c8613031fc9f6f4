package app.convene.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One cost line of a budget, in its own currency. Committing it (a purchase order) locks the rate into the budget's
 * currency; invoices add to its actual amount.
 */
@Entity
@Table(name = "line_item")
public class LineItem extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineCategory category;
    @Column(nullable = false)
    public String description;
    public String vendor;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineKind kind;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    /** The fixed amount, or the cost per attendee. */
    @Column(name = "unit_amount", nullable = false)
    public BigDecimal unitAmount;
    @Column(name = "gl_account", nullable = false)
    public String glAccount;
    /** Overrides the budget's cost centre when set. */
    @Column(name = "cost_centre")
    public String costCentre;
    @Column(name = "po_number")
    public String poNumber;
    @Column(name = "committed_amount")
    public BigDecimal committedAmount;
    @Column(name = "locked_rate")
    public BigDecimal lockedRate;
    @Column(name = "committed_at")
    public Instant committedAt;
    @Column(name = "actual_amount", nullable = false)
    public BigDecimal actualAmount;
    /** Set when another service owns the line (e.g. a venue booking); unique per budget. */
    @Column(name = "external_ref")
    public String externalRef;
    /** Set when the line was withdrawn: it stays, with its ledger entries, out of the budget's totals. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
    @Column(name = "withdrawal_reason")
    public String withdrawalReason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    public boolean isCommitted() {
        return committedAmount != null;
    }

    /** What the budget arithmetic needs of the line. */
    public BudgetFigures.LineInput figureInput() {
        return new BudgetFigures.LineInput(id, kind, currency, unitAmount, committedAmount, lockedRate, actualAmount);
    }
}
