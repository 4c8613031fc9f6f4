package app.convene.budget.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One unit of the base currency is worth {@code rate} units of the quote currency, as the organisation's finance
 * gave it through the API.
 */
@Entity
@Table(name = "exchange_rate")
@IdClass(ExchangeRate.Pair.class)
public class ExchangeRate extends PanacheEntityBase {
    /** Each organisation sets its own rates. */
    @Id
    @Column(nullable = false)
    public String organisation;
    @Id
    @Column(name = "base_currency", columnDefinition = "char(3)")
    public String baseCurrency;
    @Id
    @Column(name = "quote_currency", columnDefinition = "char(3)")
    public String quoteCurrency;
    @Column(nullable = false)
    public BigDecimal rate;
    @Column(name = "set_at", nullable = false)
    public Instant setAt;
    @Column(name = "set_by", nullable = false)
    public String setBy;

    public static class Pair implements Serializable {
        public String organisation;
        public String baseCurrency;
        public String quoteCurrency;

        public Pair() {
        }

        public Pair(String organisation, String baseCurrency, String quoteCurrency) {
            this.organisation = organisation;
            this.baseCurrency = baseCurrency;
            this.quoteCurrency = quoteCurrency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && Objects.equals(organisation, p.organisation)
                    && Objects.equals(baseCurrency, p.baseCurrency) && Objects.equals(quoteCurrency, p.quoteCurrency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisation, baseCurrency, quoteCurrency);
        }
    }
}
