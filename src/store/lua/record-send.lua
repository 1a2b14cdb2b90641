-- Record one send's outcome once per (outbound job, address): the delivery on each of its items
-- (with, for a card, where it went: delivery-codec.ts V2). A retried job records nothing twice.
-- KEYS: 1 the job's ledger (field ARGV[1] marks the record) · 2 the recorded hash of earlier
--       versions (read only) · 3..n+2 each item's deliveries list
-- ARGV: 1 field (`!` and the address) · 2 outcome · 3 the delivery as stored (delivery-codec.ts) ·
--       4 deliveries kept per item · 5 ledger TTL (s) · 6 n, the number of items ·
--       7 the field as earlier versions named it in KEYS[2]
-- Returns 1 when recorded now, 0 when it already was.
if redis.call('HEXISTS', KEYS[2], ARGV[7]) == 1 then return 0 end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[5]))
for i = 1, tonumber(ARGV[6]) do
  local d = KEYS[2 + i]
  redis.call('LPUSH', d, ARGV[3])
  redis.call('LTRIM', d, 0, tonumber(ARGV[4]) - 1)
end
return 1
