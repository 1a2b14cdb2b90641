// The page's words: the message catalogue's zh.sim.page (src/text/zh-CN/sim.ts), which the server
// writes into index.html as a JSON data block (never run: the CSP's script-src 'self' stands).

/** the catalogue's texts, by key: ZH.send, ZH.errors.empty, … */
export const ZH = JSON.parse(document.getElementById('zh').textContent);

/** a text with its {name} marks filled from `values` */
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
