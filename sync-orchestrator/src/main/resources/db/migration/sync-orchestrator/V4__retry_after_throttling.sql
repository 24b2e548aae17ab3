-- When the gateway answered that Graph throttled or failed in a way a later attempt can fix: the earliest time
-- the orchestrator syncs the user again by itself.
ALTER TABLE sync_setup ADD COLUMN retry_at TIMESTAMPTZ;
