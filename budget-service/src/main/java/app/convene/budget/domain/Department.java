package app.convene.budget.domain;

import java.time.Instant;

/**
 * A department of an organisation in its tree: under {@code parent}, or at the top (under the company) when parent is
 * null. Budgets name their department; the roll-up adds each department's budgets into its parent's, up to the
 * company total.
 */
public record Department(String name, String parent, Instant setAt, String setBy) {
}
