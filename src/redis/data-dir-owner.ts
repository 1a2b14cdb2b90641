import { chownSync, existsSync, statSync } from 'node:fs';

/**
 * When root runs a `dudao` command on an installed server (`sudo dudao export …`), DATA_DIR
 * belongs to the service's user (dudao, 0700). Whatever the command creates there — the embedded
 * Redis's files when it has to start it, its password file, a restored snapshot — must belong to
 * that user too, or the service can no longer read its own data after the next restart. This says
 * who that is: the directory's owner, when the process runs as root and the owner is someone else;
 * otherwise nobody to switch to.
 */
export interface Owner {
  uid: number;
  gid: number;
}

export function dataDirOwner(dir: string): Owner | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0 || !existsSync(dir)) return undefined;
  const st = statSync(dir);
  return st.uid === 0 ? undefined : { uid: st.uid, gid: st.gid };
}

/** Give a file created by root in DATA_DIR to DATA_DIR's owner (no-op when there is none). */
export function giveTo(owner: Owner | undefined, ...paths: string[]): void {
  if (!owner) return;
  for (const p of paths) if (existsSync(p)) chownSync(p, owner.uid, owner.gid);
}
