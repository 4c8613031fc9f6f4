package app.convene.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A board member who left asks to be erased. Approved minutes never change, except that: the erasure replaces
 * their address where the minutes name them (chair, action item owner), and in the followed-up action items, while
 * what was decided stays, and the database still refuses any other change of an approved revision.
 */
@QuarkusTest
class MinutesErasureTest {
    private static final String OFFICER = Tokens.bearer("privacy-officer", "pia@example.com");

    @Inject
    EntityManager entityManager;

    @Test
    void anErasedBoardMemberDisappearsFromApprovedMinutesWhileTheDecisionsStay() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String leaver = "leaving.member." + tag + "@example.com";
        String stays = "staying.member." + tag + "@example.com";
        UUID board = UUID.fromString(Api.postEvent(Api.eventBody("Board " + tag, 8, Duration.ofDays(15), Map.of()))
                .statusCode(201).extract().path("id"));
        String owner = Tokens.organizer();
        given().header("Authorization", owner).contentType(ContentType.JSON).body(Map.of("chair", leaver,
                "entries", List.of(Map.of("notes", "Budget for the new office.",
                        "decisions", List.of(Map.of("text", "Approve the office budget", "outcome", "CARRIED",
                                "votesFor", 5, "votesAgainst", 1)),
                        "actionItems", List.of(
                                Map.of("title", "Sign the lease", "owner", leaver, "dueDate", "2031-02-01"),
                                Map.of("title", "Plan the move", "owner", stays, "dueDate", "2031-03-01"))))))
                .put("/api/events/{e}/minutes", board).then().statusCode(200);
        given().header("Authorization", owner).post("/api/events/{e}/minutes/submit", board).then().statusCode(200);
        given().header("Authorization", Tokens.bearer("organizer", leaver))
                .post("/api/events/{e}/minutes/approve", board).then().statusCode(200)
                .body("status", equalTo("APPROVED"));

        given().header("Authorization", OFFICER).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("email", leaver.toUpperCase()))
                .post("/api/privacy/erasures").then().statusCode(202)
                .body("progress.find { it.service == 'registration-service' }.rowsAnonymised", equalTo(3));

        JsonPath minutes = given().header("Authorization", owner).get("/api/events/{e}/minutes", board).then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("revision", equalTo(1))
                .extract().jsonPath();
        assertThat(minutes.getString("chair")).startsWith("erased-").endsWith("@erased.invalid");
        assertThat(minutes.getList("entries[0].actionItems.owner", String.class))
                .satisfiesExactly(o -> assertThat(o).startsWith("erased-"), o -> assertThat(o).isEqualTo(stays));
        assertThat(minutes.getList("entries[0].actionItems.title", String.class))
                .containsExactly("Sign the lease", "Plan the move");
        assertThat(minutes.getString("entries[0].decisions[0].text")).isEqualTo("Approve the office budget");
        assertThat(minutes.getInt("entries[0].decisions[0].votesFor")).isEqualTo(5);
        assertThat(minutes.prettify()).doesNotContain(leaver);

        // The followed-up action items: the leaver's is no longer theirs; the other keeps its owner.
        given().header("Authorization", Tokens.bearer("organizer", leaver)).queryParam("owner", leaver)
                .get("/api/action-items").then().statusCode(200).body("actionItems.size()", equalTo(0));
        given().header("Authorization", Tokens.bearer("organizer", stays)).queryParam("owner", stays)
                .get("/api/action-items").then().statusCode(200)
                .body("actionItems.title", equalTo(List.of("Plan the move")));

        // Outside an erasure, the approved revision is as immutable as ever.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update minutes set chair = 'someone@else.example' where event_id = ?1").setParameter(1, board)
                .executeUpdate())).hasStackTraceContaining("approved minutes");
        given().header("Authorization", owner).get("/api/events/{e}/minutes", board).then()
                .body("chair", startsWith("erased-"));
    }
}
