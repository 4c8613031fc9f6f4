package app.convene.notification.meeting.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of distributed minutes; English here, the other languages in minutes_<lang>.properties. */
@MessageBundle(value = "minutes", locale = "en")
public interface MinutesMessages {
    @Message("Minutes: {title}")
    String subject(String title);

    @Message("Minutes of {title}, {when}, approved by {chair}.")
    String intro(String title, String when, String chair);

    @Message("This corrects the minutes sent before (revision {revision}).")
    String correction(int revision);

    @Message("Other business")
    String other_business();

    @Message("Decision: {text} ({outcome})")
    String decision(String text, String outcome);

    @Message("Votes: {votesFor} for, {votesAgainst} against, {abstentions} abstaining")
    String votes(String votesFor, String votesAgainst, String abstentions);

    @Message("carried")
    String outcome_CARRIED();

    @Message("rejected")
    String outcome_REJECTED();

    @Message("deferred")
    String outcome_DEFERRED();

    @Message("noted")
    String outcome_NOTED();

    @Message("Action items")
    String action_items();

    @Message("{title}: {owner}, by {due}")
    String action_item(String title, String owner, String due);
}
