/**
 * Every other spelling of a path that a lenient server (or a proxy in front of it) might take for
 * the same resource: other letter case, empty segments, dot segments, escaped separators and
 * letters, backslashes, a trailing slash, matrix parameters, the absolute form. docs/spec/interfaces.md's
 * list (case, `//`, `..`, `%2F`, trailing slash) and what the official path-normalisation
 * attacks add (RFC 3986 §6.2.2: percent-encoding and dot-segment normalisation).
 */
const escaped = (ch: string) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

export function spellings(path: string): string[] {
  const segs = path.split('/').slice(1);
  const join = (s: string[]) => `/${s.join('/')}`;
  const out = new Set<string>();
  // letter case: each segment in upper case and capitalised, and the whole path
  segs.forEach((s, i) => {
    if (!/[a-z]/.test(s)) return;
    out.add(join(segs.map((x, j) => (j === i ? x.toUpperCase() : x))));
    out.add(join(segs.map((x, j) => (j === i ? x[0]!.toUpperCase() + x.slice(1) : x))));
  });
  out.add(path.toUpperCase());
  // empty segments, trailing slash
  out.add(`/${path}`);
  out.add(`${path}/`);
  out.add(`${path}//`);
  for (let i = 1; i < segs.length; i++) out.add(join([...segs.slice(0, i), '', ...segs.slice(i)]));
  // dot segments, plain and escaped
  for (let i = 0; i < segs.length; i++) {
    const before = segs.slice(0, i);
    const after = segs.slice(i);
    out.add(join([...before, '.', ...after]));
    out.add(join([...before, 'x', '..', ...after]));
    out.add(join([...before, '%2e', ...after]));
    out.add(join([...before, 'x', '%2E%2E', ...after]));
    out.add(join([...before, 'x', '.%2e', ...after]));
  }
  out.add(`${path}/.`);
  out.add(`${path}/..`);
  // escaped separators and a double escape
  for (let i = 1; i < segs.length; i++) {
    const head = join(segs.slice(0, i));
    const tail = segs.slice(i).join('/');
    out.add(`${head}%2F${tail}`);
    out.add(`${head}%2f${tail}`);
    out.add(`${head}%5C${tail}`);
    out.add(`${head}\\${tail}`);
    out.add(`${head}%252F${tail}`);
  }
  // an escaped letter in each segment (the same path once decoded)
  segs.forEach((s, i) => {
    const at = s.search(/[A-Za-z]/);
    if (at < 0) return;
    const esc = s.slice(0, at) + escaped(s[at]!) + s.slice(at + 1);
    out.add(join(segs.map((x, j) => (j === i ? esc : x))));
    out.add(join(segs.map((x, j) => (j === i ? esc.toLowerCase() : x))));
  });
  // matrix parameter, control and space characters, a NUL
  out.add(`${path};x`);
  out.add(`${path}%00`);
  out.add(`${path}%09`);
  out.add(`${path}%20`);
  out.delete(path);
  return [...out];
}
