-- The poller prunes handled update ids older than 7 days after every getUpdates batch. Without an
-- index that DELETE scanned the whole table: 7 days of ids (~1M rows: ~0.2 s per poll on
-- PostgreSQL 15, more as traffic grows), on the poller's thread.
CREATE INDEX telegram_update_handled_ix ON telegram_update (handled_at);
