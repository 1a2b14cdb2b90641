-- Shared by the scripts that read an item (loaded before them: src/store/script.ts).
-- The item's own fields of HGETALL `h`: its deliveries (`~<seq>`, src/store/deliveries.ts) stay
-- out. Also says whether the text is in the hash (field t) and an extension is pending (xu).
local function own(h)
  local out, inline, pending = {}, false, false
  for j = 1, #h, 2 do
    local f = h[j]
    if string.byte(f, 1) ~= 126 then
      out[#out + 1] = f
      out[#out + 1] = h[j + 1]
      if f == 't' then inline = true elseif f == 'xu' then pending = true end
    end
  end
  return out, inline, pending
end
