package com.contactsync.graphsim.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * A setting for all mailboxes and its overrides for single mailboxes (keyed by mailbox id, as requests may name a
 * mailbox by id or by principal name).
 *
 * @param <T> the setting
 */
public final class Overrides<T> {

    private final Consumer<T> retired;
    private volatile T global;
    private final ConcurrentMap<String, Entry<T>> byMailbox = new ConcurrentHashMap<>();

    private record Entry<T>(String userPrincipalName, T value) {
    }

    /** @param retired told of every value that stops applying (replaced, removed, reset) */
    public Overrides(T global, Consumer<T> retired) {
        this.global = global;
        this.retired = retired;
    }

    /** What applies to this mailbox: its own setting, else the global one. */
    public T forMailbox(String mailboxId) {
        Entry<T> entry = byMailbox.get(mailboxId);
        return entry == null ? global : entry.value();
    }

    public T global() {
        return global;
    }

    public void global(T value) {
        T old = global;
        global = value;
        retired.accept(old);
    }

    public void put(String mailboxId, String userPrincipalName, T value) {
        Entry<T> old = byMailbox.put(mailboxId, new Entry<>(userPrincipalName, value));
        if (old != null) {
            retired.accept(old.value());
        }
    }

    public void remove(String mailboxId) {
        Entry<T> old = byMailbox.remove(mailboxId);
        if (old != null) {
            retired.accept(old.value());
        }
    }

    /** Back to {@code global} for every mailbox. */
    public void reset(T value) {
        byMailbox.keySet().forEach(this::remove);
        global(value);
    }

    /** The overrides by user principal name. */
    public Map<String, T> byUserPrincipalName() {
        Map<String, T> view = new LinkedHashMap<>();
        byMailbox.values().forEach(entry -> view.put(entry.userPrincipalName(), entry.value()));
        return view;
    }
}
