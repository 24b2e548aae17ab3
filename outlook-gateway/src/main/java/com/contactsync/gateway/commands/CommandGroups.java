package com.contactsync.gateway.commands;

import com.contactsync.contracts.events.WriteOutlookContacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;

/**
 * Takes the commands a lane runs next together. Realtime sends one small write command per BC change, and one
 * {@code $batch} per command would cost an HTTP request per contact: the write commands waiting one after the other
 * in a mailbox's lane are carried out as one, up to {@code gather-operations} operations (one {@code $batch} of 20).
 * Each still gets its own answer. Gathering stops before a command that touches a contact already gathered (the
 * steps of a batch run side by side, so two writes of one contact must stay in separate batches, in order), one for
 * another folder or name (S14), or one of another delivery kind.
 */
final class CommandGroups {

    private CommandGroups() {
    }

    /** Removes and returns the next command and those that can go with it; the queue must not be empty. */
    static List<QueuedCommand> take(Queue<QueuedCommand> waiting, int maxOperations) {
        QueuedCommand first = waiting.remove();
        List<QueuedCommand> group = new ArrayList<>(List.of(first));
        if (!(first.command().data() instanceof WriteOutlookContacts head)) {
            return group;
        }
        int operations = head.operations().size();
        Set<String> contacts = contactsOf(head);
        while (!waiting.isEmpty() && waiting.peek().command().data() instanceof WriteOutlookContacts next
                && waiting.peek().possiblyRedelivered() == first.possiblyRedelivered()
                && Objects.equals(next.folderName(), head.folderName())
                && Objects.equals(next.previousFolderName(), head.previousFolderName())
                && operations + next.operations().size() <= maxOperations) {
            Set<String> nextContacts = contactsOf(next);
            if (nextContacts.stream().anyMatch(contacts::contains)) {
                break;
            }
            contacts.addAll(nextContacts);
            operations += next.operations().size();
            group.add(waiting.remove());
        }
        return group;
    }

    private static Set<String> contactsOf(WriteOutlookContacts command) {
        Set<String> contacts = new HashSet<>();
        command.operations().forEach(op -> contacts.add(op.contactNo()));
        return contacts;
    }
}
