package app.convene.venue;

import app.convene.backbone.testing.AnswersAsDocumented;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.PostgresDatabase;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against a real Kafka broker and a real PostgreSQL, both started in-JVM. */
@QuarkusTestResource(KafkaBroker.class)
@QuarkusTestResource(PostgresDatabase.class)
@QuarkusTestResource(AnswersAsDocumented.class)
public class RealInfrastructure {
}
