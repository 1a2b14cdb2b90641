-- Record one send's outcome once per (outbound job, address): the delivery on each of its items
-- (with, for a card, where it went: delivery-codec.ts). A retried job records nothing twice.
-- An item's deliveries are fields of the item's hash (`~<seq>`, the counter `~`: no key of their
-- own, about 150 B less per item) when ARGV[8] is '1' (the entry fits the hash's listpack limits,
-- deliveries.ts) and the item exists; else its list, as before (readers take both).
-- KEYS: 1 the job's ledger (field ARGV[1] marks the record) · 2 the recorded hash of earlier
--       versions (read only) · then per item: its hash, its deliveries list
-- ARGV: 1 field (`!` and the address; '' = no ledger: recordDelivery) · 2 outcome ·
--       3 the delivery as stored (delivery-codec.ts) · 4 deliveries kept per item · 5 ledger TTL (s) ·
--       6 n, the number of items · 7 the field as earlier versions named it in KEYS[2] ·
--       8 '1': into the item's hash
-- Returns 1 when recorded now, 0 when it already was.
if ARGV[1] ~= '' then
  if redis.call('HEXISTS', KEYS[2], ARGV[7]) == 1 then return 0 end
  if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[5]))
end
local keep = tonumber(ARGV[4])
for i = 1, tonumber(ARGV[6]) do
  local ik, lk = KEYS[1 + 2 * i], KEYS[2 + 2 * i]
  if ARGV[8] == '1' and redis.call('HEXISTS', ik, 'st') == 1 then
    local seq = redis.call('HINCRBY', ik, '~', 1)
    redis.call('HSET', ik, '~' .. seq, ARGV[3])
    if seq > keep then redis.call('HDEL', ik, '~' .. (seq - keep)) end
  else
    redis.call('LPUSH', lk, ARGV[3])
    redis.call('LTRIM', lk, 0, keep - 1)
  end
end
return 1
