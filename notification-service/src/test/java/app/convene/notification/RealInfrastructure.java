package app.convene.notification;

import app.convene.backbone.testing.AnswersAsDocumented;
import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.PostgresDatabase;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module runs against a real Kafka broker, a real PostgreSQL and a real SMTP server (GreenMail),
 * all started in-JVM.
 */
@QuarkusTestResource(KafkaBroker.class)
@QuarkusTestResource(PostgresDatabase.class)
@QuarkusTestResource(AnswersAsDocumented.class)
@QuarkusTestResource(SmtpServer.class)
public class RealInfrastructure {
}
