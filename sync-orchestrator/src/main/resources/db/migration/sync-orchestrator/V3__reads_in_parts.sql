-- The full read that last listed the Outlook contact: a read in several parts removes, on its last part, whatever
-- none of its parts listed.
ALTER TABLE outlook_item ADD COLUMN read_mark VARCHAR(64);
