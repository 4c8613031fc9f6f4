package app.convene.backbone.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "backbone")
public interface BackboneConfig {

    /** CloudEvents {@code source} of everything this service publishes, e.g. {@code /registration-service}. */
    String source();

    /**
     * Whether this is the local stack or the end-to-end tests (environment {@code CONVENE_LOCAL_STACK}): only then
     * does a packaged service accept the development token key.
     */
    @WithDefault("false")
    boolean localStack();

    Token token();

    RateLimit rateLimit();

    /**
     * Writes (POST, PUT, PATCH, DELETE) and exports per caller and per organisation: so many per {@link #period};
     * past that a 429 with Retry-After.
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** The window the limits count in. */
        @WithDefault("PT1S")
        Duration period();

        /** Writes one caller (organisation and subject) may make per period. */
        @WithDefault("50")
        int callerWrites();

        /** Writes all callers of one organisation together may make per period. */
        @WithDefault("500")
        int organisationWrites();

        /** Exports one caller may fetch per period. */
        @WithDefault("5")
        int callerExports();

        /** Exports all callers of one organisation together may fetch per period. */
        @WithDefault("20")
        int organisationExports();

        /** GET paths that are exports (also any GET that accepts text/csv). */
        @WithDefault(".*(\\.csv|\\.ics|/journal|/exports/[^/]+/file)")
        String exportPaths();
        /**
         * Where the counts live: {@code memory}, each instance its own (several instances multiply the limits), or
         * {@code database}, shared by every instance of the service through its database (one statement per counted
         * request).
         */
        @WithDefault("memory")
        Store store();

        enum Store {
            MEMORY, DATABASE
        }
    }

    interface Token {
        /** Longest a token may live and oldest its issue time ({@code iat}) may be, in seconds (12 h). */
        @WithDefault("43200")
        long maxAge();
    }

    Relay relay();

    Inbox inbox();

    DeadLetters deadLetters();

    interface DeadLetters {
        /**
         * Letters older than this are deleted, whatever their state: a letter holds the record's whole value, which
         * may name a person. Settle a letter (re-drive or discard) within this time.
         */
        @WithDefault("P30D")
        Duration retention();
    }

    interface Inbox {
        /**
         * Longest pause between two attempts at a record while the database is unreachable: how soon after its
         * return a waiting channel notices.
         */
        @WithDefault("PT30S")
        Duration maxBackoff();

        /**
         * Liveness reports a consumer as stuck when one attempt at a record (not the waiting between attempts) has
         * been running for longer than this.
         */
        @WithDefault("PT5M")
        Duration stuckAfter();

        /** Receipts (consumer, event id) older than this are pruned; keep it longer than any redelivery or replay. */
        @WithDefault("P14D")
        Duration retention();

        /**
         * How often the attempts running past {@link #stuckAfter} are looked for and their records noted (so the next
         * start does not hang on them again), and the notes other instances wrote are read.
         */
        @WithDefault("10s")
        String hungCheckEvery();

        /** How often {@code inbox.consumer.lag} is measured. */
        @WithDefault("15s")
        String lagEvery();

        /**
         * When the service stops, its channels stop fetching and what they fetched already is applied while the
         * database is still there: for at most this long, until no record has been applied for a quarter second.
         */
        @WithDefault("PT5S")
        Duration drainAtStop();
    }

    interface Relay {
        /** Whether this instance runs the outbox relay. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long the relay waits after a commit before publishing, so that the events of commits landing together
         * leave in one batch (fewer relay transactions under a burst) while each still leaves within milliseconds.
         */
        @WithDefault("5")
        long gatherMillis();

        /** Most rows published in one transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long to wait for the broker's acknowledgements of one batch. */
        @WithDefault("PT20S")
        Duration sendTimeout();

        /** Longest pause between attempts while the broker cannot be reached. */
        @WithDefault("PT10S")
        Duration maxBackoff();

        /** Published rows older than this are pruned. */
        @WithDefault("P7D")
        Duration retention();

        /** Readiness reports the relay as stuck when the oldest unpublished event is older than this. */
        @WithDefault("PT2M")
        Duration stuckAfter();
    }
}
