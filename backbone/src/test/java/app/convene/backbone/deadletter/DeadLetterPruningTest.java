package app.convene.backbone.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.Database;
import app.convene.backbone.sample.SampleService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A dead letter keeps a record's whole value, so it is not kept for ever: past the retention it is deleted. */
@QuarkusTest
@TestProfile(SampleService.class)
class DeadLetterPruningTest {
    @Inject
    DataSource dataSource;
    @Inject
    DeadLetterPruning pruning;

    @Test
    void lettersOlderThanTheRetentionAreDeletedWhateverTheirState() {
        String consumer = "pruning-" + UUID.randomUUID();
        letter(consumer, 1, "PENDING", 31);
        letter(consumer, 2, "DISCARDED", 45);
        letter(consumer, 3, "PENDING", 29);
        letter(consumer, 4, "REDRIVEN", 1);

        assertThat(pruning.prune()).isGreaterThanOrEqualTo(2);

        assertThat(Database.count(dataSource, "select count(*) from dead_letter where consumer = '" + consumer
                + "' and kafka_offset in (1, 2)")).isZero();
        assertThat(Database.count(dataSource, "select count(*) from dead_letter where consumer = '" + consumer
                + "' and kafka_offset in (3, 4)")).isEqualTo(2);
    }

    private void letter(String consumer, long offset, String state, int daysAgo) {
        Database.execute(dataSource, "insert into dead_letter (consumer, topic, kafka_partition, kafka_offset, "
                + "record_value, reason, cause, dead_lettered_at, state) values ('" + consumer + "', 'tally.events', 0, "
                + offset + ", convert_to('{\"attendeeEmail\":\"ada@example.com\"}', 'UTF8'), 'unreadable', "
                + "'PoisonEventException', now() - interval '" + daysAgo + " days', '" + state + "')");
    }
}
