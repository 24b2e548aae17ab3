package com.contactsync.gateway.commands;

/**
 * A command waiting in its mailbox's lane.
 *
 * @param possiblyRedelivered whether another gateway may have carried it out already (its creates are looked up first)
 * @param ticket              told once the command's answer is published, so its offset can commit
 */
record QueuedCommand(CommandRunner.Command command, boolean possiblyRedelivered, CommandOffsets.Ticket ticket) {
}
