package com.contactsync.orchestrator.runs;

/** What a run did (S15). */
public record RunCounts(int created, int updated, int deleted, int recreated, int imported, int linked, int skipped,
                        int failed) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public RunCounts plus(RunCounts o) {
        return new RunCounts(created + o.created, updated + o.updated, deleted + o.deleted, recreated + o.recreated,
                imported + o.imported, linked + o.linked, skipped + o.skipped, failed + o.failed);
    }
}
