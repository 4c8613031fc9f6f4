package app.convene.budget.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "budget")
public interface BudgetConfig {

    /** Currency of a budget drafted from an event-scheduled announcement (which carries none). */
    @WithDefault("EUR")
    String defaultCurrency();

    /** How far above the approved total the forecast may go before the budget needs approval again. */
    @WithDefault("5")
    BigDecimal defaultTolerancePercent();

    /** GL account of the venue lines made from venue-service's room bookings. */
    @WithDefault("6100")
    String venueGlAccount();

    Journal journal();

    Export export();

    Invoices invoices();

    interface Invoices {
        /**
         * How far (percent of the committed amount) a line's invoices may go above its purchase order before a new
         * invoice needs finance's approval to count.
         */
        @WithDefault("5")
        BigDecimal tolerancePercent();

        /** Rows an invoice import may hold. */
        @WithDefault("1000")
        int importMaxRows();

        /**
         * How long a running import is held without recording a row before it counts as interrupted (its service
         * stopped); renewed with every row.
         */
        @WithDefault("PT1M")
        Duration importLease();

        /**
         * Imports run in the background at once (asked for with {@code Prefer: respond-async}); past that many, an
         * import runs while its request waits. 0 runs every import while its request waits.
         */
        @WithDefault("2")
        int backgroundImports();
    }

    interface Journal {
        /** Credited when an invoice is recorded (the expense line's GL account is debited). */
        @WithDefault("2000")
        String payableAccount();

        /** Debited when a purchase order commits money (encumbrance). */
        @WithDefault("2900")
        String commitmentAccount();

        /** Credited against the commitment account (reserve for encumbrances). */
        @WithDefault("2910")
        String commitmentReserveAccount();
    }

    interface Export {
        /** Journal lines a synchronous export may hold; larger periods must run as an export job. */
        @WithDefault("50000")
        int synchronousLimit();

        /** Journal lines written between two progress updates of an export job. */
        @WithDefault("5000")
        int progressEvery();

        /**
         * How long a running export job stays its worker's without a progress update; after that the worker is
         * taken to have stopped and another one runs the job again.
         */
        @WithDefault("PT5M")
        java.time.Duration lease();

        /** How often the export worker looks for queued jobs; {@code off} runs no worker in this instance. */
        @WithDefault("1s")
        String pollInterval();
    }
}
