-- Record one send's outcome once per (outbound job, address): the delivery on each of its items,
-- and where its card went (for later card updates). A retried job records nothing twice.
-- KEYS: 1 the job's recorded hash · 2..n+1 each item's deliveries list ·
--       n+2..2n+1 each item's card references (read only when a card reference is given)
-- ARGV: 1 field (the address) · 2 outcome · 3 the delivery as stored (delivery-codec.ts) · 4 deliveries kept per item ·
--       5 the card reference as stored (card-ref-codec.ts) ('' for none) · 6 card references kept per item ·
--       7 card references TTL (s) · 8 recorded hash TTL (s) · 9 n, the number of items
-- Returns 1 when recorded now, 0 when it already was.
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[8]))
local n = tonumber(ARGV[9])
for i = 1, n do
  local d = KEYS[1 + i]
  redis.call('LPUSH', d, ARGV[3])
  redis.call('LTRIM', d, 0, tonumber(ARGV[4]) - 1)
  if ARGV[5] ~= '' then
    local c = KEYS[1 + n + i]
    redis.call('RPUSH', c, ARGV[5])
    redis.call('LTRIM', c, -tonumber(ARGV[6]), -1)
    redis.call('EXPIRE', c, tonumber(ARGV[7]))
  end
end
return 1
