-- One inbound message against its sender's token bucket (sender-limit.ts).
-- KEYS[1] bucket hash {t, ts}; KEYS[2] this message's decision
-- ARGV: now (ms), capacity, refill (tokens per minute), decision TTL (s), bucket TTL (ms)
-- Returns 1 (admitted) or 0 (over the limit). A message asked again (its job retried) gets the
-- answer it got the first time and takes no second token.
local decided = redis.call('GET', KEYS[2])
if decided then return tonumber(decided) end
local now = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local perMs = tonumber(ARGV[3]) / 60000
local b = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(b[1]) or cap
local ts = tonumber(b[2]) or now
if now > ts then
  tokens = math.min(cap, tokens + (now - ts) * perMs)
  ts = now
end
local ok = 0
if tokens >= 1 then
  tokens = tokens - 1
  ok = 1
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(ts))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('SET', KEYS[2], ok, 'EX', ARGV[4])
return ok
