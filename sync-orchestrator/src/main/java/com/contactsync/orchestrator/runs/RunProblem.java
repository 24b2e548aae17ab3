package com.contactsync.orchestrator.runs;

/**
 * Something a run could not do, or left alone on purpose, for a person to act on.
 *
 * @param contactNo the BC contact concerned, if any
 * @param outlookId the Outlook contact concerned, if any
 */
public record RunProblem(String contactNo, String outlookId, String message) {
}
