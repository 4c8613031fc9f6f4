package app.convene.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.inbox.InboxPruning;
import io.quarkus.test.junit.QuarkusTest;

/** Receipts of handled events are kept for the retention (14 days by default), then forgotten. */
@QuarkusTest
class InboxRetentionTest {
    @Inject
    DataSource database;
    @Inject
    InboxPruning pruning;

    @Test
    void receiptsOlderThanTheRetentionAreForgottenAndNewerOnesKept() throws Exception {
        UUID fifteenDaysOld = receipt(Instant.now().minus(Duration.ofDays(15)));
        UUID thirteenDaysOld = receipt(Instant.now().minus(Duration.ofDays(13)));

        assertThat(pruning.prune()).isGreaterThanOrEqualTo(1);

        assertThat(kept(fifteenDaysOld)).isFalse();
        assertThat(kept(thirteenDaysOld)).isTrue();
    }

    private UUID receipt(Instant receivedAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into inbox_event (consumer, event_id, "
                        + "event_type, received_at) values ('budget-service', ?, 'registration.headcount-changed.v1', ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, java.sql.Timestamp.from(receivedAt));
            insert.executeUpdate();
        }
        return id;
    }

    private boolean kept(UUID id) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select 1 from inbox_event where consumer = 'budget-service' and event_id = ?")) {
            select.setObject(1, id);
            try (ResultSet result = select.executeQuery()) {
                return result.next();
            }
        }
    }
}
