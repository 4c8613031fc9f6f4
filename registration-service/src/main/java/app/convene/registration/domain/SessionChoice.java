package app.convene.registration.domain;

import java.util.UUID;

/** A session a registration chose, and whether it holds a seat there: SEATED, WAITING or DROPPED. */
public record SessionChoice(UUID sessionId, String title, String status) {
}
