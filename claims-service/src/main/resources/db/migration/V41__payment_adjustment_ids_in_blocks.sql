-- Hibernate takes payment_adjustment ids 50 at a time from the column's sequence (pooled), so the
-- adjustments of many payments insert in JDBC batches instead of one round trip each (IDENTITY);
-- nothing else inserts adjustments (the column default would draw from the same blocks).
alter sequence payment_adjustment_id_seq increment by 50;
