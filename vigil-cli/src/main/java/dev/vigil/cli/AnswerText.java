package dev.vigil.cli;

import dev.vigil.agent.deliver.Answer;

/** What the kernel answered, in one line for people. */
final class AnswerText {

    private AnswerText() {
    }

    static String line(Answer answer) {
        return switch (answer) {
            case Answer.Accepted a -> (a.duplicate() ? "duplicate (the kernel already had report " : "stored (report ")
                    + a.receipt().reportId() + ", host " + a.receipt().hostId() + "): " + a.receipt().describe();
            case Answer.Rejected r -> "rejected: " + r.problem().message();
            case Answer.Refused r -> "failed: " + r.reason();
            case Answer.Unavailable u -> "failed: " + u.reason();
        };
    }
}
