-- Many "at most once" claims (the keys of once.ts: SET NX EX) in one round trip, or with mode
-- 'peek' only whether each is taken. Each claim is still its own SET NX: the same semantics as
-- claimOnce, key by key, and releaseOnce gives any of them back.
-- KEYS: the claim keys
-- ARGV: 1 mode 'claim'|'peek' · 2.. the TTL in seconds of each key
-- Returns a string with one character per key: '1' claimed now (peek: taken), '0' not.
local out = {}
for i = 1, #KEYS do
  local ok
  if ARGV[1] == 'peek' then
    ok = redis.call('EXISTS', KEYS[i]) == 1
  else
    ok = redis.call('SET', KEYS[i], '1', 'EX', tonumber(ARGV[i + 1]), 'NX')
  end
  if ok then out[i] = '1' else out[i] = '0' end
end
return table.concat(out)
